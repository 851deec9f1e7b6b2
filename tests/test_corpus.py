"""The corpus: valid plans validate; each invalid plan gives exactly its expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from planas.findings import Severity
from planas.validation import validate_file

from .conftest import DATA, EXAMPLE

VALID = [*sorted((DATA / "valid").glob("*.yaml")), EXAMPLE]
INVALID = sorted((DATA / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem if p != EXAMPLE else "birstonas-2021")
def test_valid_plans_have_no_errors(path: Path) -> None:
    result = validate_file(path)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert result.plan is not None


def test_the_example_is_clean() -> None:
    assert validate_file(EXAMPLE).findings == ()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_plan_gives_expected_findings(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").split()
    expected_pairs = list(zip(expected[0::2], expected[1::2], strict=True))
    result = validate_file(path)
    actual = [(f"{f.line}:{f.column}", f.code) for f in result.findings]
    assert actual == expected_pairs
    assert any(f.severity is Severity.ERROR for f in result.findings) or all(
        code.startswith(("W", "C")) for _, code in expected_pairs
    )


def test_every_invalid_case_has_its_expectation() -> None:
    assert INVALID, "the invalid corpus is empty"
    for path in INVALID:
        assert path.with_suffix(".expected").is_file(), path
