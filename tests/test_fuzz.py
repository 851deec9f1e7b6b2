"""A bounded mutation campaign (fixed seed, a few mutants per command): no contract violation.

`make fuzz` runs a long campaign; this one keeps every operator and oracle
working in `make test`. benchmarks/bench_fuzz.py measures its time.
"""

from __future__ import annotations

from decimal import Decimal

from fuzz.campaign import run_campaign
from fuzz.mutators import make_mutant
from fuzz.runner import COMMANDS
from planas.loading.fast import SlowPath, fast_load
from planas.loading.positional import LoadProblem, decode_plan_bytes, load_plan_text

BOUNDED_SEED = 17
BOUNDED_MUTANTS = 50  # dealt round-robin: 10 per command


def test_bounded_campaign_finds_no_violation() -> None:
    summary = run_campaign(BOUNDED_SEED, BOUNDED_MUTANTS, COMMANDS, workers=1)
    assert sum(summary.runs.values()) == BOUNDED_MUTANTS
    assert summary.total_violations == 0, summary.text()


def test_mutants_are_deterministic_by_seed() -> None:
    first = [make_mutant(3, i, "validate") for i in range(20)]
    again = [make_mutant(3, i, "validate") for i in range(20)]
    assert first == again
    assert len({m.raw for m in first}) > 15


def test_both_readers_give_the_same_data_for_mutants() -> None:
    """Where the fast reader (rapidyaml) answers, it agrees with the positional one (libyaml)."""
    agreed = 0
    for index in range(120):
        raw = make_mutant(5, index, "check").raw
        try:
            fast = fast_load(raw)
        except SlowPath:
            continue
        try:
            slow = load_plan_text(decode_plan_bytes(raw), "x.yaml").data
        except LoadProblem as problem:  # pragma: no cover - the fast reader refused nothing here
            raise AssertionError(f"mutant {index}: fast path read what the slow path refuses") from problem
        assert fast == slow, f"mutant {index}"
        agreed += 1
    assert agreed > 20


def test_line_separators_read_the_same_on_both_paths() -> None:
    raw = "metadata:\n  name: \"a\u2028b\"\n  note: c\u2029d\x85e\n  2021: 1\n".encode()
    assert fast_load(raw) == load_plan_text(raw.decode(), "x.yaml").data == {
        "metadata": {"name": "a\u2028b", "note": "c\u2029d\x85e", 2021: 1}}
    assert isinstance(fast_load(b"a: 1.5\n")["a"], Decimal)
