"""`planas import` of the corpus generator's long plan (~40 pages): the whole command, start-up included.

Targets (issue 18): under 2 s and under 300 MB peak memory. Prints the figures
against the targets; exits 1 when a target is missed (no test asserts a time).
"""

from __future__ import annotations

import importlib.util
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S, MEMORY_LIMIT_MB = 2.0, 300


def _long_plan(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_import_corpus", ROOT / "scripts" / "make_import_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = folder / "ilgas-planas.docx"
    path.write_bytes(module.long_plan(40))
    return path


def main() -> int:
    """Run the import five times in fresh processes; report the best and worst time and the peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        document = _long_plan(Path(folder))
        times, peaks = [], []
        for run in range(5):
            target = Path(folder) / f"p{run}.yaml"
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "planas", "import", str(document), "-o", str(target)],
                                  capture_output=True, check=False)
            times.append(time.perf_counter() - start)
            # the largest child so far (this parent stays small: it never imports planas)
            peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
            if done.returncode != 0:
                print(done.stdout.decode()[-2000:], done.stderr.decode()[-2000:])
                return 1
        measures = Path(folder, "p0.yaml").read_text(encoding="utf-8").count("\n    - id: ")
        size_kb = document.stat().st_size // 1024
    peak = max(peaks)
    print(f"planas import, long plan ({size_kb} KB, {measures} measures): "
          f"best {min(times):.2f} s, median {statistics.median(times):.2f} s, worst {max(times):.2f} s "
          f"(target < {TIME_LIMIT_S} s, judged on the median); "
          f"peak {peak:.0f} MB (target < {MEMORY_LIMIT_MB} MB)")
    return 0 if statistics.median(times) < TIME_LIMIT_S and peak < MEMORY_LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
