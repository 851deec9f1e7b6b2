"""National-scale benchmark: `planas check` on 60 municipalities x 20 years, beside its peers.

    .venv/bin/python benchmarks/bench_check.py [--dir DIR] [--skip-peer]

In the same run it times, on the same 1,200 files:
- `planas check --no-cache` (every plan read, validated and evaluated) on a clean
  repository, and on a copy with 5 broken plans;
- `planas check` of each again, as a repeated run finds it (each plan's result kept);
- `check-jsonschema --schemafile schemas/plan.schema.json` (the peer: structure only);
- a bare libyaml compose of every file (PyYAML's CSafeLoader: the floor for positions);
- a bare rapidyaml parse of every file (the physical floor, no positions).
It prints the figures and the ratios; the README quotes them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ryml
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import national_repo
from timing import children_cpu

TARGET_SECONDS = 4.0



def _wall(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - start, proc.returncode


def _timed(args: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds (user + sys of the process and its workers) of one run, and its exit code."""
    start_cpu = children_cpu()
    wall, code = _wall(args)
    return wall, children_cpu() - start_cpu, code


def _files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


def _floors(files: list[Path]) -> dict[str, float]:
    """A bare libyaml compose and a bare rapidyaml parse of every file, in this process."""
    texts = [f.read_bytes() for f in files]
    floors: dict[str, float] = {}
    for label, parse in (("libyaml compose", lambda raw: yaml.compose(raw, Loader=yaml.CSafeLoader)),
                         ("rapidyaml parse", ryml.parse_in_arena)):
        start = time.perf_counter()
        for raw in texts:
            parse(raw)
        floors[label] = time.perf_counter() - start
        print(f"{label:<52} {floors[label]:8.2f} s (one process)")
    return floors


def main() -> None:
    """Build (or reuse) the repositories and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planas-national")
    parser.add_argument("--skip-peer", action="store_true", help="do not run check-jsonschema (~4 min)")
    options = parser.parse_args()
    # The kept results of this benchmark's own runs, not the user's (planas.repository.result_cache).
    os.environ["PLANAS_CACHE_DIR"] = tempfile.mkdtemp(prefix="planas-bench-cache-")
    clean, broken = options.dir / "clean", options.dir / "broken"
    if not clean.is_dir():
        national_repo.build(clean, 60, 20, 0)
    if not broken.is_dir():
        national_repo.build(broken, 60, 20, 5)
    files = _files(clean)
    size = sum(f.stat().st_size for f in files)
    lines = sum(f.read_bytes().count(b"\n") for f in files)
    print(f"repository: {len(files)} plans, {size / len(files) / 1024:.1f} KB and {lines // len(files)} lines "
          f"each on average; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    planas = [sys.executable, "-m", "planas", "check"]
    results: dict[str, float] = {}
    for label, repo in (("planas check, clean", clean), ("planas check, 5 broken plans", broken)):
        for flags, kind in ((["--no-cache"], "every plan checked"), ([], "results kept")):
            runs = [_timed([*planas, *flags, str(repo)]) for _ in range(3)]
            best, cpu, code = min(runs)
            results[f"{label}{', kept' if not flags else ''}"] = best
            print(f"{label + ' (' + kind + ')':<52} {best:8.2f} s wall (best of 3; {cpu:.2f} s CPU), exit {code}")

    results.update(_floors(files))

    peer = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))
    if not options.skip_peer and Path(peer).exists():
        elapsed, code = _wall([peer, "--schemafile", str(ROOT / "schemas" / "plan.schema.json"),
                               *map(str, files)])
        results["check-jsonschema"] = elapsed
        print(f"{'check-jsonschema (structure only)':<52} {elapsed:8.2f} s wall, exit {code}")
    planas_clean = results["planas check, clean"]
    print("ratios:")
    for label in ("check-jsonschema", "libyaml compose", "rapidyaml parse"):
        if label in results:
            print(f"  {label} / planas check --no-cache = {results[label] / planas_clean:6.2f}")
    print(f"  planas check broken / clean = {results['planas check, 5 broken plans'] / planas_clean:6.2f}")
    for label, seconds in (("--no-cache", planas_clean), ("results kept", results["planas check, clean, kept"])):
        verdict = "within" if seconds <= TARGET_SECONDS else "OVER"
        print(f"  target: the 1,200 plans in {TARGET_SECONDS:.0f} s on 2 cores ({label}): {seconds:.2f} s, {verdict}")


if __name__ == "__main__":
    main()
