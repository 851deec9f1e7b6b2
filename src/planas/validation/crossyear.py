"""Rules across consecutive years of one municipality's plans (used by `planas check`).

- X1001: this year's indicator baselines against last year's actuals;
- X1002: last year's indicators with a target that never got an actual;
- X1003: a figure that moves by more than a share (default 50 %) without a note.

Every finding is attached to the later plan: the earlier plan is approved and
done, and a new draft must never add warnings to it. X1002 is about the earlier
plan's indicator, but it is reported where the later plan takes it up (the
same indicator's baseline) or at its measures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from planas.findings import Finding, format_path, make_params
from planas.loading.positional import LoadedDocument
from planas.model import Plan
from planas.validation.registry import RULES

DEFAULT_JUMP = Decimal("0.5")
NAMES_OLD_FILE = frozenset({"X1001", "X1002"})
"""Cross-year rules whose message names the earlier plan's file."""


@dataclass(frozen=True)
class PlanYear:
    """A valid plan with its document (for positions)."""

    plan: Plan
    document: LoadedDocument


@dataclass(frozen=True)
class YearFacts:
    """What the cross-year rules need of one plan: small enough to pass between processes."""

    year: int
    # (measure id, indicator id) -> (measure index, indicator index, baseline, target, actual)
    indicators: dict[tuple[str, str], tuple[int, int, Decimal | None, Decimal | None, Decimal | None]]
    # (service, group, provider) -> (record index, planned in the plan year, has a note)
    planned: dict[tuple[str, str, str | None], tuple[int, int | None, bool]]
    # (service, provider, target group) -> (record index, entry index, plan-year planned total, has a note)
    funds: dict[tuple[str, str | None, str | None], tuple[int, int, Decimal, bool]]

    @classmethod
    def of(cls, plan: Plan) -> YearFacts:
        """Extract the facts of a plan."""
        year = plan.metadata.year
        indicators = {
            (measure.id, indicator.id): (i, j, indicator.baseline, indicator.target, indicator.actual)
            for i, measure in enumerate(plan.action_plan.measures)
            for j, indicator in enumerate(measure.indicators)
        }
        planned = {}
        for i, record in enumerate(plan.analysis.provision):
            values = record.years.get(year)
            planned[(record.service, record.target_group, record.provider)] = (
                i, values.planned if values is not None else None, bool(record.note))
        funds = {}
        for i, money in enumerate(plan.analysis.finance):
            for j, entry in enumerate(money.entries):
                if entry.year == year and entry.kind == "planas":
                    funds[(money.service, money.provider, money.target_group)] = (
                        i, j, sum(entry.sources.values(), Decimal(0)), bool(money.note))
                    break
        return cls(year, indicators, planned, funds)


def _jump(old: Decimal, new: Decimal, threshold: Decimal) -> Decimal | None:
    if old == 0:
        return None
    change = (new - old) / old
    return (change * 100).quantize(Decimal("0.1")) if abs(change) > threshold else None


Side = Literal["old", "new"]
Issue = tuple[Side, str, tuple[Any, ...], dict[str, object]]


def cross_year_issues(
    old_plan: Plan | YearFacts, new_plan: Plan | YearFacts, *, jump: Decimal = DEFAULT_JUMP
) -> Iterator[Issue]:
    """Issues between a plan and the same municipality's plan of the year before (not yet located)."""
    old = old_plan if isinstance(old_plan, YearFacts) else YearFacts.of(old_plan)
    new = new_plan if isinstance(new_plan, YearFacts) else YearFacts.of(new_plan)
    yield from _indicator_issues(old, new)
    yield from _jump_issues(old, new, jump)


def _indicator_issues(old: YearFacts, new: YearFacts) -> Iterator[Issue]:
    """X1001 and X1002: baselines against last year's actuals, targets that never got one."""
    for key, (i, j, baseline, _, _) in sorted(new.indicators.items()):
        previous = old.indicators.get(key)
        actual = previous[4] if previous is not None else None
        if actual is not None and baseline is not None and baseline != actual:
            yield ("new", "X1001", ("action_plan", "measures", i, "indicators", j, "baseline"),
                   {"ref": key[1], "baseline": baseline, "actual": actual, "year": old.year})
    for key, (_, _, _, target, actual) in sorted(old.indicators.items()):
        if target is not None and actual is None:
            taken_up = new.indicators.get(key)
            loc: tuple[Any, ...] = (("action_plan", "measures", taken_up[0], "indicators", taken_up[1], "baseline")
                                    if taken_up is not None else ("action_plan", "measures"))
            yield ("new", "X1002", loc, {"ref": key[1], "target": target, "year": old.year})


def _jump_issues(old: YearFacts, new: YearFacts, jump: Decimal) -> Iterator[Issue]:
    """X1003: planned recipients and funds that move by more than `jump` without a note."""
    for record_key, (i, planned, has_note) in new.planned.items():
        before = old.planned.get(record_key)
        if before is None or has_note or planned is None or before[1] is None:
            continue
        change = _jump(Decimal(before[1]), Decimal(planned), jump)
        if change is not None:
            yield ("new", "X1003", ("analysis", "provision", i, "years", new.year, "planned"),
                   {"what": f"Planuojami gavėjai ({record_key[0]}, {record_key[1]})", "change": change,
                    "old": before[1], "new": planned})
    for funds_key, (i, j, total, has_note) in new.funds.items():
        earlier = old.funds.get(funds_key)
        if earlier is None or has_note:
            continue
        change = _jump(earlier[2], total, jump)
        if change is not None:
            yield ("new", "X1003", ("analysis", "finance", i, "entries", j),
                   {"what": f"Planuojamos lėšos ({funds_key[0]})", "change": change, "old": earlier[2],
                    "new": total})


def locate(document: LoadedDocument, code: str, loc: tuple[Any, ...], params: dict[str, object]) -> Finding:
    """A cross-year issue as a finding in one of the two files."""
    position = document.positions.locate(loc)
    return Finding(document.file, position.line, position.column, code,
                   RULES[code].severity, format_path(loc), make_params(params))


def cross_year_findings(old: PlanYear, new: PlanYear, *, jump: Decimal = DEFAULT_JUMP) -> Iterator[Finding]:
    """Located findings between two consecutive years' plans."""
    for side, code, loc, params in cross_year_issues(old.plan, new.plan, jump=jump):
        if code in NAMES_OLD_FILE:
            params = {**params, "old_file": old.document.file}
        yield locate(old.document if side == "old" else new.document, code, loc, params)
