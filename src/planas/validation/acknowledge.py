"""Acknowledged warnings: `acknowledged: [{code, path, reason}]` in the plan itself.

A warning the planners know to be right (a project's EU money, a service that
really serves another age group) stays in every report, marked with their
reason, but it no longer counts as a warning and does not fail `--strict`.
Nothing is hidden: an acknowledgement that matches nothing is an error
(E1301), and one that matches an error is an error too (E1302): errors are
fixed, not acknowledged.

`path` is the finding's path as reports show it in square brackets; a shorter
path (`analysis.finance[3]`) covers every finding of that code below it.
Cross-year findings (X…) exist only in `planas check`: their acknowledgements
are matched there (`match_findings`), not by `validate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from planas.findings import Finding, Severity, format_path
from planas.model import Plan
from planas.validation.issue import Issue
from planas.validation.registry import RULES

CHECK_ONLY = ("X",)
"""Code prefixes raised only across plans (`planas check`): not judged by `validate`."""


@dataclass(frozen=True)
class Pending:
    """An acknowledgement of a cross-year finding, for `planas check` to match (small, picklable)."""

    index: int
    code: str
    path: str
    reason: str


def covers(acknowledged: str, path: str) -> bool:
    """Whether an acknowledgement's path names this finding's path or a part of the plan above it."""
    wanted = acknowledged.strip()
    return path == wanted or path.startswith((wanted + ".", wanted + "["))


def _severity(code: str, status: str) -> Severity | None:
    rule = RULES.get(code)
    return rule.severity_for(status) if rule is not None else None


def acknowledge(issues: Sequence[Issue], plan: Plan) -> list[Issue]:
    """The issues with acknowledged warnings marked, plus E1301/E1302 for acknowledgements that do not hold."""
    acknowledgements = plan.acknowledged
    if not acknowledgements:
        return list(issues)
    status = plan.metadata.status
    used: set[int] = set()
    wrong: dict[int, Issue] = {}
    result = []
    for issue in issues:
        path = format_path(issue.loc)
        for index, item in enumerate(acknowledgements):
            if item.code != issue.code or not covers(item.path, path):
                continue
            used.add(index)
            if _severity(issue.code, status) is Severity.WARNING:
                issue = replace(issue, acknowledged=item.reason)
            else:
                wrong.setdefault(index, Issue("E1302", ("acknowledged", index, "code"),
                                              params={"code": item.code, "path": item.path}))
            break
        result.append(issue)
    for index, item in enumerate(acknowledgements):
        if index in wrong:
            result.append(wrong[index])
        elif index not in used and not item.code.startswith(CHECK_ONLY):
            result.append(Issue("E1301", ("acknowledged", index, "path"),
                                params={"code": item.code, "path": item.path}))
    return result


def pending(plan: Plan) -> tuple[Pending, ...]:
    """The plan's acknowledgements of cross-year findings, matched by `planas check`."""
    return tuple(Pending(i, a.code, a.path, a.reason) for i, a in enumerate(plan.acknowledged)
                 if a.code.startswith(CHECK_ONLY))


def match_findings(findings: Iterable[Finding], items: Sequence[Pending]) -> tuple[list[Finding], list[Pending]]:
    """Cross-year findings with their acknowledgements applied, and the acknowledgements that matched none."""
    used: set[int] = set()
    result = []
    for finding in findings:
        for item in items:
            if item.code == finding.code and covers(item.path, finding.path):
                used.add(item.index)
                if finding.severity is Severity.WARNING:
                    finding = replace(finding, acknowledged=item.reason)
                break
        result.append(finding)
    return result, [item for item in items if item.index not in used]


def unmatched_issue(item: Pending) -> Issue:
    """E1301 for a cross-year acknowledgement that matched no finding."""
    return Issue("E1301", ("acknowledged", item.index, "path"), params={"code": item.code, "path": item.path})


__all__ = ["Pending", "acknowledge", "covers", "match_findings", "pending", "unmatched_issue"]
