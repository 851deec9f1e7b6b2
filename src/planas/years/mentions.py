"""Year mentions left in the prose of next year's draft ("2020 m." in a 2021 draft), with their positions.

`planas new` moves the figures on a year, but not the sentences: "2021 m.
Socialinių paslaugų plane numatoma…" is still last year's text. Each mention of
the old plan year, or of the year before it ("teiktas 2020 metais"), is a
W0509 finding at the mention itself, so that the planner reads each sentence;
a historical fact may well stay as it is. Legal acts, sources, identifiers and
numbers are not prose and are not searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from planas.findings import Finding, format_path, make_params
from planas.loading.positional import LoadedDocument, LoadProblem, load_plan_text
from planas.validation.registry import RULES

_NOT_PROSE = frozenset({"source", "url", "number", "decision_number", "id", "code", "svp_code", "email", "phone",
                        "legal_entity_code", "service", "target_group", "provider", "goal", "priority", "unit",
                        "institution_type", "path"})
_NOT_PROSE_UNDER = (("metadata", "legal_basis"), ("metadata", "approval"))
_EXCERPT = 30


def _strings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value of the document with its path (prose only)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str) and path and not any(path[:len(p)] == p for p in _NOT_PROSE_UNDER):
        last = next((p for p in reversed(path) if isinstance(p, str)), "")
        if last not in _NOT_PROSE:
            yield path, data


def _excerpt(text: str, start: int, end: int) -> str:
    """The words around a mention, on one line, with `…` where the text goes on."""
    shown = " ".join(text[max(0, start - _EXCERPT):end + _EXCERPT].split())
    left = "…" if start > _EXCERPT else ""
    right = "…" if end + _EXCERPT < len(text) else ""
    return f"{left}{shown}{right}"


def stale_year_mentions(draft: str, file: str, old_year: int, new_year: int) -> list[Finding]:
    """W0509 for each mention of `old_year` or the year before it in the draft's prose, located exactly."""
    try:
        document: LoadedDocument = load_plan_text(draft, file)
    except LoadProblem:
        return []  # the draft is the source re-written; `validate` reports what is wrong with it
    shift = new_year - old_year
    pattern = re.compile(rf"(?<![0-9])({old_year}|{old_year - 1})(?![0-9])")
    starts = [0]
    for text_line in draft.splitlines(keepends=True):
        starts.append(starts[-1] + len(text_line))
    findings = []
    for path, text in _strings(document.data):
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        position = document.positions.locate(path)
        offset = starts[position.line - 1] + position.column - 1
        for match in matches:
            raw = pattern.search(draft, offset)
            if raw is None:
                break
            offset = raw.end()
            number = next(i for i in range(len(starts) - 1, 0, -1) if starts[i - 1] <= raw.start())
            column = raw.start() - starts[number - 1] + 1
            year = int(match.group(1))
            findings.append(Finding(file, number, column, "W0509", RULES["W0509"].severity, format_path(path),
                                    make_params({"year": year, "excerpt": _excerpt(text, match.start(), match.end()),
                                                 "new_year": new_year, "suggested": year + shift})))
    return sorted(findings)


__all__ = ["stale_year_mentions"]
