"""Findings about the efficiency criteria: unknown overrides (E0310), criteria that cannot be computed (W0901).

W0901 is one finding per criterion: for a criterion none of whose years can
be computed, or one whose inputs are partial in some year (finance for some
services only: no value is given, because a partial sum would mislead), it
lists each missing input once, with the years it is missing in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from planas.criteria import CriteriaTable, CriterionRow, missing_inputs
from planas.model import Plan
from planas.reference import Reference
from planas.validation.issue import Issue


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def _with_years(what: str, years: Sequence[int]) -> str:
    """`"gyventojų skaičius (analysis.demography …)"` -> `"gyventojų skaičius (analysis.demography …; 2020 m.)"`."""
    title, _, place = what.rpartition(" (")
    if not title:
        return f"{what} ({_years(years)} m.)"
    return f"{title} ({place[:-1]}; {_years(years)} m.)"


def _offending(rows: Sequence[CriterionRow]) -> list[CriterionRow]:
    """Rows to report: never computable, or partial in some year (only those years' cells)."""
    chosen = []
    for row in rows:
        if not row.computable:
            chosen.append(row)
        elif row.partial:
            chosen.append(CriterionRow(row.criterion, row.service,
                                       tuple(c for c in row.values if c.partial), row.target_group))
    return chosen


def criteria_issues(plan: Plan, reference: Reference, table: CriteriaTable,
                    suggest: Callable[[str, Sequence[str]], dict[str, object]],
                    known_list: Callable[[Sequence[str]], str]) -> Iterator[Issue]:
    """E0310 for overrides of unknown criteria; W0901 for criteria that cannot be computed."""
    known = [c.id for c in reference.criteria]
    for i, override in enumerate(plan.criteria.overrides):
        if override.criterion not in known:
            yield Issue("E0310", ("criteria", "overrides", i, "criterion"),
                        params={"ref": override.criterion, "known": known_list(known),
                                **suggest(override.criterion, known)})
    by_criterion: dict[str, list[CriterionRow]] = {}
    for row in table.rows:
        by_criterion.setdefault(row.criterion.id, []).append(row)
    for criterion in reference.criteria:
        if not criterion.warn_missing:
            continue
        rows = by_criterion.get(criterion.id, [])
        if not rows and criterion.per is not None:
            yield Issue("W0901", ("criteria", criterion.id), params={
                "criterion": criterion.id, "name": criterion.name_lt, "years": plan.metadata.year,
                "missing": "paslaugų lėšos ir gavėjai (analysis.finance, analysis.provision)"})
            continue
        offending = _offending(rows)
        if not offending:
            continue
        inputs = missing_inputs(offending)
        years = sorted({c.year for r in offending for c in r.values if c.value is None and c.kind != "rankinis"})
        text = "; ".join(_with_years(what, ys) for what, ys in inputs) or "duomenų"
        yield Issue("W0901", ("criteria", criterion.id), params={
            "criterion": criterion.id, "name": criterion.name_lt,
            "years": _years(years or [plan.metadata.year]), "missing": text})


__all__ = ["criteria_issues"]
