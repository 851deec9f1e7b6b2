"""Instructions a plan costs in `planas check`, stage by stage, counted by valgrind (not timed).

    .venv/bin/python benchmarks/bench_instructions.py [--dir DIR] [--plans 20]

Wall time on a shared machine varies by a third from one hour to the next; the
instructions a stage executes do not. Each stage runs once over the same plans of
the synthetic national repository (`national_repo.py`) under `valgrind
--tool=callgrind`, and once more without the stage's work; the difference, per plan,
is printed. Needs valgrind (`apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STAGES = ("all", "read", "scan", "model", "criteria", "semantic")


def _stage(stage: str, files: list[Path], runs: int) -> None:
    """Run one stage `runs` times over the files (in the process valgrind counts)."""
    from planas.criteria import evaluate_criteria
    from planas.loading.fast import _prepared, fast_load
    from planas.model import validate_plan
    from planas.reference import load_reference
    from planas.reference.local import repository_root
    from planas.repository.check import check_bytes
    from planas.validation.rules import semantic_issues

    raws = [(path, path.read_bytes()) for path in files]
    root = repository_root(files[0])  # one repository
    reference = load_reference()
    datas = [fast_load(raw, bounded=True) for _, raw in raws]
    plans = [validate_plan(data) for data in datas]
    tables = [evaluate_criteria(plan, reference) for plan in plans]
    check_bytes(*raws[0], root)
    work = {
        "all": lambda: [check_bytes(path, raw, root) for path, raw in raws],
        "read": lambda: [fast_load(raw, bounded=True) for _, raw in raws],
        "scan": lambda: [_prepared(raw) for _, raw in raws],
        "model": lambda: [validate_plan(data) for data in datas],
        "criteria": lambda: [evaluate_criteria(plan, reference) for plan in plans],
        "semantic": lambda: [semantic_issues(plan, reference, table) for plan, table in zip(plans, tables, strict=True)],
    }[stage]
    for _ in range(runs):
        work()


def _counted(stage: str, folder: Path, plans: int, runs: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--stage", stage, "--runs", str(runs), "--dir", str(folder), "--plans", str(plans)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    line = next(line for line in out.stderr.splitlines() if "Collected" in line)
    return int(line.split()[-1])


def _files(folder: Path, plans: int) -> list[Path]:
    files = sorted(folder.rglob("*.yaml"))
    step = max(1, len(files) // plans)
    return files[::step][:plans]


def main() -> None:
    """Print each stage's instructions per plan (or, with --stage, run that stage: valgrind's child)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "planas-national" / "clean")
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--stage", choices=STAGES)
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()
    if options.stage is not None:
        _stage(options.stage, _files(options.dir, options.plans), options.runs)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    if not options.dir.is_dir():
        import national_repo

        national_repo.build(options.dir, 60, 20, 0)
    _counted("all", options.dir, options.plans, 0)  # the kept schema and reference data written once
    print(f"{options.plans} plans of {options.dir}, instructions per plan (millions):")
    for stage in STAGES:
        once = _counted(stage, options.dir, options.plans, 1) - _counted(stage, options.dir, options.plans, 0)
        print(f"  {stage:<10} {once / options.plans / 1e6:7.1f}")


if __name__ == "__main__":
    main()
