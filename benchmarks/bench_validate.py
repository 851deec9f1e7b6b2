"""Measure `planas validate` on the example: the whole command (start-up included) and loading alone.

    .venv/bin/python benchmarks/bench_validate.py [PLAN] [--runs N]

Prints the best and median wall times; the README quotes them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import line, time_call, time_command

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plan", nargs="?", default=str(ROOT / "examples" / "birstonas-2021" / "plan.yaml"))
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    plan = Path(options.plan)

    from planas.loading.positional import load_plan_file
    from planas.reference import load_reference
    from planas.validation import validate_file

    load_reference()
    size = plan.stat().st_size
    print(f"plan: {plan} ({size / 1024:.1f} KB, {len(plan.read_text(encoding='utf-8').splitlines())} lines)")
    print(line("planas validate (whole command, start-up)",
                time_command([sys.executable, "-m", "planas", "validate", str(plan)], options.runs)))
    print(line("python start-up alone (python -c pass)",
                time_command([sys.executable, "-c", "pass"], options.runs)))
    print(line("loading alone (bytes -> data + positions)",
                time_call(lambda: load_plan_file(plan), options.runs * 10)))
    print(line("validate_file in process (load + model + rules)",
                time_call(lambda: validate_file(plan), options.runs * 10)))


if __name__ == "__main__":
    main()
