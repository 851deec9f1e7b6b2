"""Measure the bounded fuzz campaign that `make test` runs (tests/test_fuzz.py), against its 5 s target.

    .venv/bin/python benchmarks/bench_fuzz.py [--runs N]

The campaign runs in one process, as in the test; the first run includes
importing planas and loading the reference data. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import line, time_call

ROOT = Path(__file__).resolve().parent.parent
TARGET = 5.0


def main() -> None:
    """Time the bounded campaign and print it against the target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from fuzz.campaign import run_campaign
    from fuzz.runner import COMMANDS
    from tests.test_fuzz import BOUNDED_MUTANTS, BOUNDED_SEED

    violations: list[int] = []
    times = time_call(
        lambda: violations.append(run_campaign(BOUNDED_SEED, BOUNDED_MUTANTS, COMMANDS).total_violations),
        options.runs)
    print(line(f"bounded campaign ({BOUNDED_MUTANTS} mutants, seed {BOUNDED_SEED})", times))
    verdict = "within" if max(times) <= TARGET else "OVER"
    print(f"target {TARGET:.0f} s: {verdict} (slowest run {max(times):.2f} s); violations {max(violations)}")


if __name__ == "__main__":
    main()
