"""Rules across consecutive years of one municipality's plans (used by `planas check`).

- X1001: this year's indicator baselines against last year's actuals;
- X1002: last year's indicators with a target that never got an actual;
- X1003: a figure that moves by more than a share (default 50 %) without a note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planas.findings import Finding, format_path, make_params
from planas.loading import LoadedDocument
from planas.model import Plan
from planas.validation.registry import RULES

DEFAULT_JUMP = Decimal("0.5")


@dataclass(frozen=True)
class PlanYear:
    """A valid plan with its document (for positions)."""

    plan: Plan
    document: LoadedDocument


def _finding(where: PlanYear, code: str, loc: tuple[Any, ...], **params: object) -> Finding:
    position = where.document.positions.locate(loc)
    return Finding(where.document.file, position.line, position.column, code,
                   RULES[code].severity, format_path(loc), make_params(params))


def _indicators(plan: Plan) -> dict[tuple[str, str], tuple[int, int, Any]]:
    return {
        (measure.id, indicator.id): (i, j, indicator)
        for i, measure in enumerate(plan.action_plan.measures)
        for j, indicator in enumerate(measure.indicators)
    }


def _jump(old: Decimal, new: Decimal, threshold: Decimal) -> Decimal | None:
    if old == 0:
        return None
    change = (new - old) / old
    return (change * 100).quantize(Decimal("0.1")) if abs(change) > threshold else None


def cross_year_findings(old: PlanYear, new: PlanYear, *, jump: Decimal = DEFAULT_JUMP) -> Iterator[Finding]:
    """Findings between a plan and the same municipality's plan of the year before."""
    old_year, new_year = old.plan.metadata.year, new.plan.metadata.year
    old_indicators = _indicators(old.plan)
    for (measure_id, indicator_id), (i, j, indicator) in sorted(_indicators(new.plan).items()):
        previous = old_indicators.get((measure_id, indicator_id))
        if previous is None:
            continue
        actual = previous[2].actual
        if actual is not None and indicator.baseline is not None and indicator.baseline != actual:
            yield _finding(new, "X1001", ("action_plan", "measures", i, "indicators", j, "baseline"),
                           ref=indicator_id, baseline=indicator.baseline, actual=actual, year=old_year,
                           old_file=old.document.file)
    for (_, indicator_id), (i, j, indicator) in sorted(old_indicators.items()):
        if indicator.target is not None and indicator.actual is None:
            yield _finding(old, "X1002", ("action_plan", "measures", i, "indicators", j),
                           ref=indicator_id, target=indicator.target, year=old_year)
    old_records = {(r.service, r.target_group, r.provider): r for r in old.plan.analysis.provision}
    for i, record in enumerate(new.plan.analysis.provision):
        before = old_records.get((record.service, record.target_group, record.provider))
        if before is None or record.note:
            continue
        old_value = before.years.get(old_year)
        new_value = record.years.get(new_year)
        if old_value is None or new_value is None or old_value.planned is None or new_value.planned is None:
            continue
        change = _jump(Decimal(old_value.planned), Decimal(new_value.planned), jump)
        if change is not None:
            yield _finding(new, "X1003", ("analysis", "provision", i, "years", new_year, "planned"),
                           what=f"Planuojami gavėjai ({record.service}, {record.target_group})",
                           change=change, old=old_value.planned, new=new_value.planned)
    old_finance = {(r.service, r.provider): r for r in old.plan.analysis.finance}
    for i, funds in enumerate(new.plan.analysis.finance):
        earlier = old_finance.get((funds.service, funds.provider))
        if earlier is None or funds.note:
            continue
        old_plan = [e for e in earlier.entries if e.year == old_year and e.kind == "planas"]
        new_plan = [(j, e) for j, e in enumerate(funds.entries) if e.year == new_year and e.kind == "planas"]
        if not old_plan or not new_plan:
            continue
        old_total = sum(old_plan[0].sources.values(), Decimal(0))
        j, entry = new_plan[0]
        new_total = sum(entry.sources.values(), Decimal(0))
        change = _jump(old_total, new_total, jump)
        if change is not None:
            yield _finding(new, "X1003", ("analysis", "finance", i, "entries", j),
                           what=f"Planuojamos lėšos ({funds.service})", change=change,
                           old=old_total, new=new_total)
