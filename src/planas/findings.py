"""Findings: what validation reports, as frozen values ordered by position."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters: errors fail validation, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file, located where the YAML allows.

    Messages are not stored: they are rendered from the rule registry in the
    reader's language at output time, from `code` and `params`.

    `acknowledged` holds the plan's reason when the plan acknowledges this
    warning (`acknowledged:` in the plan): the finding is still reported, marked
    as acknowledged, but it is not counted as a warning and does not fail --strict.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    path: str = field(default="", compare=True)
    params: tuple[tuple[str, str], ...] = field(default=())
    acknowledged: str | None = field(default=None, compare=False)

    def param(self, name: str) -> str:
        """The value of one message parameter ('' when absent)."""
        return dict(self.params).get(name, "")


def make_params(values: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Freeze message parameters into a hashable, ordered tuple of strings."""
    return tuple((key, str(value)) for key, value in values.items())


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Number of findings per severity, both keys always present (acknowledged ones not counted)."""
    counts = {Severity.ERROR: 0, Severity.WARNING: 0}
    for finding in findings:
        if finding.acknowledged is None:
            counts[finding.severity] += 1
    return counts


class FindingCounts:
    """Mixin for results that hold `findings`: how many errors and warnings."""

    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return count_by_severity(self.findings)[Severity.ERROR]

    @property
    def warnings(self) -> int:
        """Number of warning findings (not counting those the plan acknowledges)."""
        return count_by_severity(self.findings)[Severity.WARNING]

    @property
    def acknowledged(self) -> int:
        """Number of warnings the plan acknowledges with a reason (shown, never failing)."""
        return sum(1 for finding in self.findings if finding.acknowledged is not None)


def format_path(loc: tuple[Any, ...]) -> str:
    """`('analysis', 'providers', 0, 'id')` -> `analysis.providers[0].id`."""
    text = ""
    for element in loc:
        if isinstance(element, int) and not isinstance(element, bool):
            text += f"[{element}]"
        elif isinstance(element, str) and element.startswith("["):
            continue
        else:
            text += f".{element}" if text else str(element)
    return text
