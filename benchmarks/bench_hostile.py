"""Time and peak memory of every hostile-input case, each in its own process, against its limits.

    .venv/bin/python benchmarks/bench_hostile.py [--markdown FILE]

The test suite checks what each case reports (tests/test_hostile.py, in
process); this script measures what a user waits and what the machine pays:
wall time (start-up included) and the child's own peak memory (VmHWM), with
the limit each case is held to. Exit 1 when a case is over its limit.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_cases import CASES

MEMORY_LIMIT_MB = 300
# The child reports its own peak memory: VmHWM from /proc (ru_maxrss would include
# the peak inherited from the parent process on Linux).
_RUNNER = (
    "import sys\n"
    "from planas.cli import main\n"
    "def peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        for line in status:\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1])\n"
    "    return 0\n"
    "sys.argv = ['planas', 'validate', sys.argv[1]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    sys.stderr.write(f'\\nMAXRSS_KB={peak()}\\n')\n"
)


def main() -> int:
    """Measure every case; print the table; exit 1 when any case is over its limits."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    options = parser.parse_args()
    rows = ["| case | exit | time | limit | peak memory | limit |", "|---|---:|---:|---:|---:|---:|"]
    over = 0
    with tempfile.TemporaryDirectory() as folder:
        for index, case in enumerate(CASES):
            where = Path(folder) / str(index)
            where.mkdir()
            path = case.make(where)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", _RUNNER, str(path)], capture_output=True,
                                  text=True, cwd=ROOT, timeout=120, check=False)
            elapsed = time.perf_counter() - start
            peak_mb = int(proc.stderr.rpartition("MAXRSS_KB=")[2].strip() or 0) / 1024
            flag = ""
            if elapsed > case.seconds or peak_mb > MEMORY_LIMIT_MB:
                over += 1
                flag = " **over**"
            rows.append(f"| {case.name}{flag} | {proc.returncode} | {elapsed:.2f} s | {case.seconds:g} s | "
                        f"{peak_mb:.0f} MB | {MEMORY_LIMIT_MB} MB |")
    table = "\n".join(rows) + "\n"
    print(table, end="")
    print(f"{len(CASES)} cases, {over} over their limits")
    if options.markdown:
        options.markdown.write_text(table, encoding="utf-8")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
