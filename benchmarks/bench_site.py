"""National-scale benchmark: `planas site` on 60 municipalities x 20 years (1,200 plans), without documents.

    .venv/bin/python benchmarks/bench_site.py [--dir DIR] [--municipalities 60] [--years 20]

Builds the synthetic national repository (benchmarks/national_repo.py) once,
then times a cold full site build (an empty output folder and an empty cache:
every chart is drawn) and a rebuild of the unchanged repository (which writes
nothing and finds its charts in the cache), and prints both against the
one-minute target. Wall time depends on what else the machine runs; the CPU
time a plan (worker processes included) is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import national_repo

TARGET_SECONDS = 60.0


def _site(repo: Path, out: Path, cache: Path) -> tuple[float, float, int, str]:
    """Wall time, CPU time of the build (its worker processes included), exit code, last line."""
    env = {**os.environ, "PLANAS_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "planas", "site", str(repo), "-o", str(out)],
                          capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode, (proc.stdout + proc.stderr).strip().splitlines()[-1]


def main() -> None:
    """Build (or reuse) the repository and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planas-national-site")
    parser.add_argument("--municipalities", type=int, default=60)
    parser.add_argument("--years", type=int, default=20)
    options = parser.parse_args()
    repo = options.dir / f"repo-{options.municipalities}x{options.years}"
    if not repo.is_dir():
        national_repo.build(repo, options.municipalities, options.years, 0)
    plans = len(list(repo.rglob("*.yaml")))
    out = options.dir / "public"
    shutil.rmtree(out, ignore_errors=True)
    # A cold cache for the full build (no chart drawn before); the rebuild finds the charts kept.
    with tempfile.TemporaryDirectory(prefix="planas-bench-cache-") as cache:
        first, cpu, code, summary = _site(repo, out, Path(cache))
        again, cpu_again, code_again, summary_again = _site(repo, out, Path(cache))
    files = sum(1 for p in out.rglob("*") if p.is_file())
    cores = os.cpu_count() or 1
    print(f"planas site, {plans} plans on {cores} cores, {files} files (exit {code}, {code_again})")
    scaled = first * 1200 / plans  # the target is for the national repository's 1,200 plans
    verdict = "within" if scaled <= TARGET_SECONDS else "OVER"
    print(f"  full build     {first:7.1f} s wall, {cpu:7.1f} s CPU ({cpu / plans * 1000:.0f} ms a plan)   "
          f"-> {scaled:.0f} s for 1,200 plans, target {TARGET_SECONDS:.0f} s: {verdict}   ({summary})")
    budget = TARGET_SECONDS * cores / 1200 * 1000  # the CPU a plan may take with every core busy
    print(f"  CPU-bound estimate for 1,200 plans on {cores} cores: {cpu / plans * 1200 / cores:7.1f} s   "
          f"({cpu / plans * 1000:.0f} ms of CPU a plan against a budget of {budget:.0f} ms)")
    print(f"  unchanged      {again:7.1f} s wall, {cpu_again:7.1f} s CPU (charts from the cache)   "
          f"-> {again * 1200 / plans:.0f} s for 1,200 plans   (nothing rewritten: {summary_again})")


if __name__ == "__main__":
    main()
