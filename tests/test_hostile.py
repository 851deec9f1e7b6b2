"""Hostile and broken input: a located message and the right exit code, never a traceback or a hang.

Each case runs the real command in its own process, which reports its own peak
memory. Set PLANAS_HOSTILE_REPORT=FILE to write the measured table.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .hostile_cases import CASES, ROOT, Case

# The child reports its own peak memory: VmHWM from /proc (ru_maxrss would include
# the peak inherited from the parent process on Linux), ru_maxrss where /proc is missing.
_RUNNER = (
    "import resource, sys\n"
    "from planas.cli import main\n"
    "def peak():\n"
    "    try:\n"
    "        with open('/proc/self/status') as status:\n"
    "            for line in status:\n"
    "                if line.startswith('VmHWM:'):\n"
    "                    return int(line.split()[1])\n"
    "    except OSError:\n"
    "        pass\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.argv = ['planas', 'validate', sys.argv[1]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    sys.stderr.write(f'\\nMAXRSS_KB={peak()}\\n')\n"
)
MEMORY_LIMIT_KB = 300 * 1024
_MEASURED: list[tuple[str, int, float, int]] = []


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    if case.name == "unreadable-file" and os.geteuid() == 0:
        pytest.skip("root reads any file; the permission error cannot be provoked")
    path = case.make(tmp_path)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    elapsed = time.perf_counter() - start
    stderr, _, memory = proc.stderr.rpartition("MAXRSS_KB=")
    peak_kb = int(memory.strip())
    _MEASURED.append((case.name, proc.returncode, elapsed, peak_kb))
    report = f"exit {proc.returncode}\n--- stdout\n{proc.stdout[:2000]}\n--- stderr\n{stderr[:2000]}"
    assert proc.returncode == case.exit, report
    assert "Traceback" not in proc.stdout + stderr, report
    if case.code is not None:
        assert f" {case.code} " in proc.stdout, report
        if case.position is not None:
            line, column = case.position
            assert f"{path}:{line}:{column}: {case.code}" in proc.stdout, report
    elif case.exit == 2:
        lines = [line for line in stderr.strip().splitlines() if line]
        assert len(lines) == 1 and str(path) in lines[0], report
    assert elapsed < case.seconds, f"{case.name} took {elapsed:.2f} s"
    assert peak_kb < MEMORY_LIMIT_KB, f"{case.name} used {peak_kb / 1024:.0f} MB"


def teardown_module() -> None:
    target = os.environ.get("PLANAS_HOSTILE_REPORT")
    if target and _MEASURED:
        rows = ["| case | exit | time | peak memory |", "|---|---:|---:|---:|"]
        rows += [f"| {name} | {code} | {seconds:.2f} s | {kb / 1024:.0f} MB |" for name, code, seconds, kb in _MEASURED]
        Path(target).write_text("\n".join(rows) + "\n", encoding="utf-8")
