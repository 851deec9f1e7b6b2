"""Measure `planas validate` on the example: the whole command (start-up included) and loading alone.

    .venv/bin/python benchmarks/bench_validate.py [PLAN] [--runs N]

Prints the best and median wall times; the README quotes them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time_command(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def _time_call(function: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def _line(label: str, times: list[float]) -> str:
    return (f"{label:<44} best {min(times) * 1000:8.1f} ms   "
            f"median {statistics.median(times) * 1000:8.1f} ms   ({len(times)} runs)")


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plan", nargs="?", default=str(ROOT / "examples" / "birstonas-2021" / "plan.yaml"))
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    plan = Path(options.plan)

    from planas.loading import load_plan_file
    from planas.reference import load_reference
    from planas.validation import validate_file

    load_reference()
    size = plan.stat().st_size
    print(f"plan: {plan} ({size / 1024:.1f} KB, {len(plan.read_text(encoding='utf-8').splitlines())} lines)")
    print(_line("planas validate (whole command, start-up)",
                _time_command([sys.executable, "-m", "planas", "validate", str(plan)], options.runs)))
    print(_line("python start-up alone (python -c pass)",
                _time_command([sys.executable, "-c", "pass"], options.runs)))
    print(_line("loading alone (bytes -> data + positions)",
                _time_call(lambda: load_plan_file(plan), options.runs * 10)))
    print(_line("validate_file in process (load + model + rules)",
                _time_call(lambda: validate_file(plan), options.runs * 10)))


if __name__ == "__main__":
    main()
