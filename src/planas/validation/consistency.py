"""Consistency between sections: measures, finance, programme, goals, providers and target groups.

Measures against the finance table, services against the social programme,
goals and providers that are used, target groups that fit their services.

Each is a warning: a plan may have good reasons (a measure funded by an
investment the finance table does not show), and it may say so by
acknowledging the warning. What the rules look for is a figure copied wrong
from one table to another.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planas.model import Plan
from planas.reference import Reference
from planas.validation.issue import Issue, Loc
from planas.validation.plausibility import shown

_FAMILY_LT = {"children": ("vaikams", "vaikų grupė"), "adults": ("suaugusiems", "suaugusiųjų grupė")}
_FAMILY_EN = {"children": ("children", "a children's group"), "adults": ("adults", "an adults' group")}


class _Consistency:
    def __init__(self, plan: Plan, ref: Reference) -> None:
        self.plan = plan
        self.ref = ref
        self.year = plan.metadata.year

    def service_name(self, code: str) -> str:
        service = self.ref.services.get(code)
        return service.name_lt if service is not None else code

    def plan_year_funds(self) -> dict[str, Decimal]:
        """Each service's planned funds of the plan year in the finance table (all records and sources)."""
        funds: dict[str, Decimal] = {}
        for record in self.plan.analysis.finance:
            for entry in record.entries:
                if entry.year == self.year and entry.kind == "planas":
                    funds[record.service] = funds.get(record.service, Decimal(0)) + sum(
                        entry.sources.values(), Decimal(0))
        return funds

    def measures(self) -> Iterator[Issue]:
        """W0403 (a measure's funds above the finance table's plan for its services); W0703 (unused goals)."""
        funds = self.plan_year_funds()
        measures = self.plan.action_plan.measures
        for i, measure in enumerate(measures):
            amount = measure.total if measure.total is not None else sum(measure.funding.values(), Decimal(0))
            if not measure.services or not amount or any(code not in funds for code in measure.services):
                continue  # a service without plan-year funds in the table: nothing to compare with
            planned = sum((funds[code] for code in dict.fromkeys(measure.services)), Decimal(0))
            if amount > planned:
                where = "total" if measure.total is not None else "funding"
                yield Issue("W0403", ("action_plan", "measures", i, where), params={
                    "ref": measure.id, "measure": shown(amount), "year": self.year, "finance": shown(planned),
                    "services": ", ".join(self.service_name(c) for c in dict.fromkeys(measure.services))})
        used = {m.goal for m in measures if m.goal is not None}
        if not measures or not used <= {g.id for g in self.plan.introduction.goals}:
            return  # no action plan yet (C0803), or a goal typed wrong (E0301): that one finding says it
        for i, goal in enumerate(self.plan.introduction.goals):
            if goal.id not in used:
                yield Issue("W0703", ("introduction", "goals", i, "id"), params={"ref": goal.id})

    def programme(self) -> Iterator[Issue]:
        """W0404: the services' SB and VBD funds of a year above that year's social programme."""
        analysis = self.plan.analysis
        for i, budget in enumerate(analysis.municipal_budget):
            if budget.social_programme is None:
                continue
            by_kind: dict[str, Decimal] = {}
            for record in analysis.finance:
                for entry in record.entries:
                    if entry.year == budget.year:
                        public = sum((v for k, v in entry.sources.items() if k in ("SB", "VBD")), Decimal(0))
                        by_kind[entry.kind] = by_kind.get(entry.kind, Decimal(0)) + public
            services = by_kind.get(budget.kind, by_kind.get("faktas" if budget.kind == "planas" else "planas"))
            if services is not None and services > budget.social_programme:
                yield Issue("W0404", ("analysis", "municipal_budget", i, "social_programme"), params={
                    "year": budget.year, "services": shown(services), "programme": shown(budget.social_programme)})

    def providers(self) -> Iterator[Issue]:
        """W0316: a provider without services."""
        for i, provider in enumerate(self.plan.analysis.providers):
            if not provider.services:
                yield Issue("W0316", ("analysis", "providers", i, "id"), params={"ref": provider.id})

    def groups(self) -> Iterator[Issue]:
        """W0315: a group of one age on a service the catalogue gives only to the other."""
        analysis = self.plan.analysis
        places: list[tuple[tuple[str, str], Loc]] = [
            ((r.service, r.target_group), ("analysis", "provision", i, "target_group"))
            for i, r in enumerate(analysis.provision)]
        places += [((s.service, g), ("analysis", "providers", i, "services", j, "target_groups", k))
                   for i, p in enumerate(analysis.providers) for j, s in enumerate(p.services)
                   for k, g in enumerate(s.target_groups)]
        for (code, group), loc in places:
            family = self.ref.service_family(code)
            other = self.ref.plausibility.age_family(group)
            if family is None or other is None or other == family:
                continue
            yield Issue("W0315", loc, params={
                "service": self.service_name(code), "group": group, "family": _FAMILY_LT[family][0],
                "group_family": _FAMILY_LT[other][1], "family_en": _FAMILY_EN[family][0],
                "group_family_en": _FAMILY_EN[other][1]})

    def run(self) -> Iterator[Issue]:
        yield from self.groups()
        yield from self.providers()
        yield from self.programme()
        yield from self.measures()


def consistency_issues(plan: Plan, reference: Reference) -> Iterator[Issue]:
    """Every consistency issue between a plan's sections."""
    yield from _Consistency(plan, reference).run()


__all__ = ["consistency_issues"]
