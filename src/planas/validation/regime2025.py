"""Rules of the 2025+ regime (family 17): the content the 2024 law and A1-368 require of a plan.

A plan of regime A1-368_2024 must show its needs assessment, the factors
behind needs, the needs nobody meets, the money needed, the forecast against
the development norms and dependency prevention (E1701-E1706: errors in an
approved plan, warnings in a draft, so a draft lists what remains). The other
rules check the new fields: measures' links to the strategic plan, the
categories providers state, accreditations, respite forms. A plan of the old
regime that carries the new blocks is told they are not in its form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from planas.model import Plan
from planas.model.needs import BLOCKS_2025, block_filled
from planas.reference import Reference
from planas.validation.issue import GroupCheck, Issue, Loc, ServiceCheck

NEW_REGIME = "A1-368_2024"
RESPITE_ACCREDITABLE_FROM = dt.date(2024, 7, 1)
"""Respite is accredited since the 2024 law came into force (SPĮ 14 str. 4 d. 2 p.; SADM data N14)."""

REQUIRED_BLOCKS: dict[tuple[str, ...], str] = dict(zip(
    BLOCKS_2025, ("E1701", "E1702", "E1703", "E1704", "E1705", "E1706"), strict=True))
"""Each required 2025+ block and the rule raised when it is missing or empty."""

RESPITE_SERVICE = "laikino_atokvepio_paslauga"


def _block(plan: Plan, path: tuple[str, ...]) -> object:
    node: object = plan
    for part in path:
        node = getattr(node, part)
    return node


def _required(plan: Plan) -> Iterator[Issue]:
    """E1701-E1706: every block the law requires, filled."""
    for path, code in REQUIRED_BLOCKS.items():
        if not block_filled(_block(plan, path)):  # type: ignore[arg-type]
            yield Issue(code, path, params={"path": ".".join(path)})


def _measures(plan: Plan) -> Iterator[Issue]:
    """W1707: a measure without its link to the strategic development plan; E1712: unknown measure ids."""
    measures = plan.action_plan.measures
    for i, measure in enumerate(measures):
        if not measure.svp_code:
            yield Issue("W1707", ("action_plan", "measures", i, "id"), params={"ref": measure.id})
    prevention = plan.action_plan.dependency_prevention
    if prevention is not None:
        ids = [m.id for m in measures]
        for j, ident in enumerate(prevention.measures):
            if ident not in ids:
                yield Issue("E1712", ("action_plan", "dependency_prevention", "measures", j),
                            params={"ref": ident, "known": ", ".join(ids[:10]) or "–"})


def _providers(plan: Plan, ref: Reference, year: int) -> Iterator[Issue]:
    """W1708 moved categories, E1709 respite accreditations before the law, E1710 respite forms."""
    for i, provider in enumerate(plan.analysis.providers):
        for j, service in enumerate(provider.services):
            loc: Loc = ("analysis", "providers", i, "services", j)
            stated = service.category
            current = ref.service_category(service.service, year)
            if stated is not None and current is not None and stated != current.id:
                move = ref.category_move(service.service, ref.regimes[0].last_year or year, year)
                code = "W1708" if move is not None and move[0] == stated else "W1713"
                yield Issue(code, (*loc, "category"), params={
                    "service": service.service, "stated": stated, "expected": current.id,
                    "clause": current.clause})
            if service.respite_form is not None and service.service != RESPITE_SERVICE:
                yield Issue("E1710", (*loc, "respite_form"),
                            params={"service": service.service, "form": service.respite_form})
        for j, accreditation in enumerate(provider.accreditations):
            respite = accreditation.area == "laikino_atokvepio_paslauga"
            if respite and accreditation.date is not None and accreditation.date < RESPITE_ACCREDITABLE_FROM:
                yield Issue("E1709", ("analysis", "providers", i, "accreditations", j, "date"),
                            params={"date": accreditation.date.isoformat(), "provider": provider.id})


def _codes(plan: Plan, service: ServiceCheck, groups: GroupCheck) -> Iterator[Issue]:
    """The services and groups the new blocks name exist (E0303, E0304, E0305)."""
    analysis = plan.analysis
    if analysis.unmet_need is not None:
        for i, item in enumerate(analysis.unmet_need.items):
            base = ("analysis", "unmet_need", "items", i)
            yield from service(item.service, (*base, "service"))
            for issue in groups([item.target_group], (*base, "target_group")):
                yield Issue(issue.code, issue.loc[:-1], params=issue.params)
    yield from _block_codes(plan, service, groups)


def _block_codes(plan: Plan, service: ServiceCheck, groups: GroupCheck) -> Iterator[Issue]:
    """The codes of the factors, the funding need, the norms and dependency prevention."""
    analysis = plan.analysis
    if analysis.need_factors is not None:
        for i, factor in enumerate(analysis.need_factors.items):
            yield from groups(factor.target_groups, ("analysis", "need_factors", "items", i, "target_groups"))
    named: list[tuple[str | None, Loc]] = []
    if analysis.funding_need is not None:
        named += [(n.service, ("analysis", "funding_need", "items", i, "service"))
                  for i, n in enumerate(analysis.funding_need.items)]
    if analysis.development_norms is not None:
        named += [(n.service, ("analysis", "development_norms", "items", i, "service"))
                  for i, n in enumerate(analysis.development_norms.items)]
    for code, loc in named:
        if code is not None:
            yield from service(code, loc)
    prevention = plan.action_plan.dependency_prevention
    if prevention is not None:
        for i, code in enumerate(prevention.services):
            yield from service(code, ("action_plan", "dependency_prevention", "services", i))


def _funding_year(plan: Plan, year: int) -> Iterator[Issue]:
    """W1714: the money needed is stated for another year than the plan's."""
    need = plan.analysis.funding_need
    if need is not None and need.year is not None and need.year != year:
        yield Issue("W1714", ("analysis", "funding_need", "year"), params={"year": need.year, "plan_year": year})


def _legacy(plan: Plan) -> Iterator[Issue]:
    """W1711: a plan of the old regime with 2025+ blocks (its form has no place for them)."""
    for path in BLOCKS_2025:
        if _block(plan, path) is not None:
            yield Issue("W1711", path, params={"path": ".".join(path)})


def regime_issues(plan: Plan, ref: Reference, service: ServiceCheck, groups: GroupCheck) -> Iterator[Issue]:
    """Every family-17 issue of a plan (`service`, `groups`: the checker's code checks)."""
    year = plan.metadata.year
    yield from _codes(plan, service, groups)
    if ref.regime_for_year(year).id != NEW_REGIME:
        yield from _legacy(plan)
        return
    yield from _required(plan)
    yield from _measures(plan)
    yield from _providers(plan, ref, year)
    yield from _funding_year(plan, year)
