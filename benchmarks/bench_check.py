"""National-scale benchmark: `planas check` on 60 municipalities x 20 years, beside its peers.

    .venv/bin/python benchmarks/bench_check.py [--dir DIR] [--skip-peer]

In the same run it times, on the same 1,200 files:
- `planas check` on a clean repository, and on a copy with 5 broken plans;
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


def _wall(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - start, proc.returncode


def _files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


def main() -> None:
    """Build (or reuse) the repositories and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planas-national")
    parser.add_argument("--skip-peer", action="store_true", help="do not run check-jsonschema (~4 min)")
    options = parser.parse_args()
    clean, broken = options.dir / "clean", options.dir / "broken"
    if not clean.is_dir():
        national_repo.build(clean, 60, 20, 0)
    if not broken.is_dir():
        national_repo.build(broken, 60, 20, 5)
    files = _files(clean)
    size = sum(f.stat().st_size for f in files)
    lines = sum(f.read_bytes().count(b"\n") for f in files)
    print(f"repository: {len(files)} plans, {size / len(files) / 1024:.1f} KB and {lines // len(files)} lines "
          f"each on average; {os.cpu_count()} cores")
    planas = [sys.executable, "-m", "planas", "check"]
    results: dict[str, float] = {}
    for label, repo in (("planas check, clean", clean), ("planas check, 5 broken plans", broken)):
        best = min(_wall([*planas, str(repo)])[0] for _ in range(3))
        code = subprocess.run([*planas, str(repo)], capture_output=True, check=False).returncode
        results[label] = best
        print(f"{label:<44} {best:8.2f} s wall (best of 3), exit {code}")

    texts = [f.read_bytes() for f in files]
    start = time.perf_counter()
    for raw in texts:
        yaml.compose(raw, Loader=yaml.CSafeLoader)
    results["libyaml compose"] = time.perf_counter() - start
    print(f"{'libyaml compose (PyYAML CSafeLoader)':<44} {results['libyaml compose']:8.2f} s (one process)")
    start = time.perf_counter()
    for raw in texts:
        ryml.parse_in_arena(raw)
    results["rapidyaml parse"] = time.perf_counter() - start
    print(f"{'rapidyaml parse':<44} {results['rapidyaml parse']:8.2f} s (one process)")

    peer = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))
    if not options.skip_peer and Path(peer).exists():
        elapsed, code = _wall([peer, "--schemafile", str(ROOT / "schemas" / "plan.schema.json"),
                               *map(str, files)])
        results["check-jsonschema"] = elapsed
        print(f"{'check-jsonschema (structure only)':<44} {elapsed:8.2f} s wall, exit {code}")
    planas_clean = results["planas check, clean"]
    print("ratios:")
    for label in ("check-jsonschema", "libyaml compose", "rapidyaml parse"):
        if label in results:
            print(f"  {label} / planas check = {results[label] / planas_clean:6.2f}")
    print(f"  planas check broken / clean = {results['planas check, 5 broken plans'] / planas_clean:6.2f}")


if __name__ == "__main__":
    main()
