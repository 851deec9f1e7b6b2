"""Last year's plan reviewed: each measure's targets against what was achieved, and the criteria.

Where the figures live (docs/review.md): the achieved values are written in
last year's plan, on its measures' indicators (`action_plan.measures[].
indicators[].actual`, beside `target`), the planner's comment on an indicator
in its `note`, and the planner's own view of a measure in `status`. The
criteria's planned values come from last year's plan (its plan-year column);
their actual values from this year's plan, whose data for last year are facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from planas.criteria import CriteriaTable, CriterionRow, CriterionValue, evaluate_criteria
from planas.findings import Finding, format_path, make_params
from planas.model import Plan
from planas.model.plan import Measure
from planas.reference import Reference
from planas.review.status import ReviewStatus, measure_status, share_achieved
from planas.validation.registry import RULES

Locate = Callable[[tuple[str | int, ...]], tuple[int, int]]
"""The line and column of a path in last year's plan file (1, 1 when unknown)."""


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator of a measure: baseline, target, achieved value and the share achieved."""

    id: str
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    actual: Decimal | None
    share: Decimal | None
    comment: str | None
    illustrative: bool


@dataclass(frozen=True)
class MeasureResult:
    """One measure of last year's plan and how it went."""

    id: str
    title: str
    status: ReviewStatus | None
    planner_status: str | None
    indicators: tuple[IndicatorResult, ...]
    illustrative: bool


@dataclass(frozen=True)
class CriterionComparison:
    """One criterion of last year's plan: the value it planned against the value reached."""

    id: str
    name: str
    unit: str
    decimals: int
    service: str | None
    target_group: str | None
    planned: Decimal | None
    actual: Decimal | None


@dataclass(frozen=True)
class Gap:
    """Something last year's plan lacks for its review: `what` is a rule code, `loc` where it belongs."""

    code: str
    loc: tuple[str | int, ...]
    params: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ImplementationReview:
    """The review of last year's plan (`year`) as this year's plan shows it."""

    year: int
    municipality: str
    measures: tuple[MeasureResult, ...]
    criteria: tuple[CriterionComparison, ...]
    gaps: tuple[Gap, ...]

    def findings(self, file: str, locate: Locate, status: str = "patvirtintas") -> tuple[Finding, ...]:
        """The gaps as located findings in last year's plan file (`status`: this year's plan's)."""
        found = []
        for gap in self.gaps:
            line, column = locate(gap.loc)
            found.append(Finding(file, line, column, gap.code, RULES[gap.code].severity_for(status),
                                 format_path(gap.loc), gap.params))
        return tuple(sorted(found))


def _measure(measure: Measure, index: int, year: int, gaps: list[Gap]) -> MeasureResult:
    results = []
    for j, ind in enumerate(measure.indicators):
        loc: tuple[str | int, ...] = ("action_plan", "measures", index, "indicators", j)
        params = make_params({"year": year, "measure": measure.id, "indicator": ind.id, "name": ind.name})
        share = None
        if ind.target is not None and ind.actual is not None:
            share = share_achieved(ind.target, ind.actual)
        elif ind.target is not None:  # validation requires a target (E0702): only the achieved value can lack
            gaps.append(Gap("W1901", loc, params))
        results.append(IndicatorResult(ind.id, ind.name, ind.unit or "", ind.baseline, ind.target, ind.actual,
                                       share, ind.note, ind.illustrative or measure.illustrative))
    targeted = [r.share for r in results if r.target is not None]
    status = measure_status(targeted, measure.status)
    if status is None:
        gaps.append(Gap("W1902", ("action_plan", "measures", index),
                        make_params({"year": year, "measure": measure.id, "title": measure.title})))
    return MeasureResult(measure.id, measure.title, status, measure.status, tuple(results), measure.illustrative)


def _row_key(row: CriterionRow) -> tuple[str, str | None, str | None]:
    return row.criterion.id, row.service, row.target_group


def _cell(row: CriterionRow, year: int, *, facts: bool) -> CriterionValue | None:
    for cell in row.values:
        if cell.year == year and (not facts or cell.kind != "planas"):
            return cell
    return None


def _criteria(previous: Plan, current: Plan | None, reference: Reference,
              current_table: CriteriaTable | None) -> tuple[CriterionComparison, ...]:
    year = previous.metadata.year
    planned_table = evaluate_criteria(previous, reference)
    actual_rows: dict[tuple[str, str | None, str | None], CriterionRow] = {}
    if current is not None:
        table = current_table if current_table is not None else evaluate_criteria(current, reference)
        actual_rows = {_row_key(r): r for r in table.rows}
    comparisons = []
    for row in planned_table.rows:
        planned = _cell(row, year, facts=False)
        match = actual_rows.get(_row_key(row))
        actual = _cell(match, year, facts=True) if match is not None else None
        planned_value = planned.value if planned is not None else None
        actual_value = actual.value if actual is not None else None
        if planned_value is None and actual_value is None:
            continue
        comparisons.append(CriterionComparison(row.criterion.id, row.criterion.name_lt, row.criterion.unit,
                                               row.criterion.decimals, row.service, row.target_group,
                                               planned_value, actual_value))
    return tuple(comparisons)


def review_plan(previous: Plan, reference: Reference, current: Plan | None = None,
                current_criteria: CriteriaTable | None = None) -> ImplementationReview:
    """Review `previous` (last year's plan); `current` (this year's) supplies the criteria's actual values."""
    year = previous.metadata.year
    gaps: list[Gap] = []
    measures = tuple(_measure(m, i, year, gaps) for i, m in enumerate(previous.action_plan.measures))
    return ImplementationReview(year, previous.metadata.municipality.name, measures,
                                _criteria(previous, current, reference, current_criteria), tuple(gaps))
