"""A bounded campaign of mutated Word documents through `planas import` (fuzz/docx.py): no contract violation."""

from __future__ import annotations

from pathlib import Path

from fuzz.docx import EXAMPLES, judge, make_docx_mutant, render_docx, run_docx_campaign, seeds
from fuzz.runner import Observation
from tests.html_support import render_example

BOUNDED_SEED = 18
BOUNDED_MUTANTS = 12


def _docx(example: Path) -> bytes:
    """The example's Word document as `planas render --format docx` writes it, rendered once per process."""
    return render_example(example, "docx")


def test_bounded_docx_campaign_finds_no_violation() -> None:
    summary = run_docx_campaign(BOUNDED_SEED, BOUNDED_MUTANTS, render=_docx)
    assert summary.runs == BOUNDED_MUTANTS
    assert summary.violations == [], summary.text()
    assert len(summary.exits) >= 2  # the mutants reach both the reader's refusals and whole drafts


def test_docx_mutants_are_deterministic_and_varied() -> None:
    first = [make_docx_mutant(5, i, _docx) for i in range(12)]
    assert first == [make_docx_mutant(5, i, _docx) for i in range(12)]
    assert len({raw for _, raw in first}) == 12


def test_the_oracle_sees_a_file_left_after_a_failure() -> None:
    seen = Observation(2, "", "planas: x\n", None, 0.1, False, {"out/plan.yaml": b"metadata: {}\n"})
    assert judge(seen) == "files after exit 2: ['out/plan.yaml']"
    assert judge(Observation(0, "", "", None, 0.1, False, {})) == "files after exit 0: []"


def test_every_example_rendered_is_a_seed_of_the_campaign() -> None:
    names = [name for name, _ in seeds(_docx)]
    assert [f"{e.parent.name}.docx" for e in EXAMPLES] == names[-len(EXAMPLES):]
    assert {make_docx_mutant(BOUNDED_SEED, i, _docx)[0] for i in range(BOUNDED_MUTANTS)} == set(names)


def test_the_fuzzer_renders_the_seeds_the_tests_use() -> None:
    # `python -m fuzz --docx` renders the examples itself (fuzz.docx.render_docx): the same bytes as the tests' render
    example = min(EXAMPLES, key=lambda e: e.stat().st_size)
    assert render_docx(example) == render_example(example, "docx")
