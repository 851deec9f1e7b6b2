"""Evaluating the declarative efficiency criteria (criteria.yaml) against a plan's data.

A criterion is `numerator / denominator * multiplier`, each side a named
variable computed from the plan for one year. Three rules keep the values
honest:

- a sum over services is computed only when every service with data that year
  has the summed figure (finance for some services only is not a value: the
  cell says which inputs are missing);
- recipients summed over services are service uses, not persons: criteria that
  count persons use `analysis.distinct_recipients` and, where it is not given,
  fall back to the service uses and say so (`CriterionValue.basis`);
- place- and recipient-based variables filter by the target groups their
  criterion names, and per-service criteria can be per service and group.

Nothing here formats numbers: the renderers do, so the same values read the
same in every output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cache
from typing import Literal, NamedTuple

from planas.model import Plan
from planas.reference import Criterion, Operand, Reference

_WIDE = 80
"""Decimal digits for criteria arithmetic (28, the default, is too few for 10^12 / 10^-4)."""
_ARITHMETIC = Context(prec=_WIDE)


@cache
def _quantum(decimals: int) -> Decimal:
    """The quantum of a value with that many decimals: 2 -> 0.01."""
    return Decimal(1).scaleb(-decimals)


ValueKind = Literal["faktas", "planas", "rankinis"]

VARIABLE_TITLES: dict[str, str] = {
    "population": "gyventojų skaičius",
    "residents_65_plus": "65 m. ir vyresnių gyventojų skaičius",
    "persons": "skirtingų paslaugų gavėjų (asmenų) skaičius",
    "recipients": "paslaugų gavėjų skaičius",
    "waiting": "laukiančiųjų eilėje skaičius",
    "expenditure": "socialinių paslaugų išlaidos, Eur",
    "municipal_budget": "savivaldybės biudžeto išlaidos, Eur",
    "social_workers": "socialinių darbuotojų skaičius",
    "places": "vietų skaičius",
    "children_in_family_care": "vaikų, globojamų šeimose ir bendruomenėje, skaičius",
    "children_without_parental_care": "likusių be tėvų globos vaikų skaičius",
    "measures_done": "įvykdytų priemonių skaičius",
    "measures_total": "visų priemonių skaičius",
    "funding_needed": "lėšų poreikis, Eur",
    "funding_allocated": "skirtos lėšos, Eur",
    "unmet_need_persons": "asmenų, kurių poreikis nepatenkintas, skaičius",
    "respite_places": "laikino atokvėpio paslaugos vietų skaičius",
}

_DATA_PLACES: dict[str, str] = {
    "population": "analysis.demography population_total",
    "residents_65_plus": "analysis.demography age_65_plus",
    "persons": "analysis.distinct_recipients",
    "recipients": "analysis.provision recipients",
    "waiting": "analysis.provision waiting",
    "expenditure": "analysis.finance",
    "municipal_budget": "analysis.municipal_budget",
    "social_workers": "analysis.providers staff.social_workers",
    "places": "analysis.providers services places",
    "children_in_family_care": "analysis.social_indicators children_in_family_care",
    "children_without_parental_care": "analysis.social_indicators children_without_parental_care",
    "measures_done": "action_plan.measures status",
    "measures_total": "action_plan.measures",
    "funding_needed": "analysis.funding_need needed",
    "funding_allocated": "analysis.funding_need allocated",
    "unmet_need_persons": "analysis.unmet_need persons",
    "respite_places": "analysis.providers services respite_form places",
}

SERVICE_USES = "paslaugų gavimo atvejai, ne asmenys"
"""The basis of a value counted from recipients per service (a person using two services counts twice)."""

Missing = tuple[str, int]
"""A missing input and its year: ("paslaugų gavėjų skaičius: Pagalba į namus (analysis.provision)", 2020)."""


class _Figure(NamedTuple):
    """A variable's value for one year, or which inputs it lacks.

    A named tuple, not a frozen dataclass: hundreds are made per plan, at a third of the cost.
    """

    value: Decimal | None
    kind: ValueKind
    missing: tuple[Missing, ...] = ()
    partial: bool = False


class CriterionValue(NamedTuple):
    """One cell of the criteria table.

    `missing` reads as text ("… 2020 m. (analysis.finance)"); `missing_inputs`
    holds the same inputs with their years, for findings that list each once.
    `partial`: some inputs of a sum were given and others not, so no value.
    `basis`: how the value is counted when a criterion's fallback was used.
    A named tuple, as `_Figure`: about a hundred are made per plan, at a third of a frozen dataclass's cost.
    """

    year: int
    value: Decimal | None
    kind: ValueKind
    numerator: Decimal | None
    denominator: Decimal | None
    missing: tuple[str, ...] = ()
    reason: str | None = None
    missing_inputs: tuple[Missing, ...] = ()
    partial: bool = False
    basis: str | None = None


@dataclass(frozen=True)
class CriterionRow:
    """One criterion (or one service, or service and group, of a per-service criterion) over the years."""

    criterion: Criterion
    service: str | None
    values: tuple[CriterionValue, ...]
    target_group: str | None = None

    @property
    def computable(self) -> bool:
        """Whether at least one year has a value."""
        return any(cell.value is not None for cell in self.values)

    @property
    def partial(self) -> bool:
        """Whether some year lacks a value because only part of its inputs are given."""
        return any(cell.partial for cell in self.values)

    @property
    def basis(self) -> str | None:
        """The fallback basis every computed year shares ("paslaugų gavimo atvejai…"), if any."""
        bases = {cell.basis for cell in self.values if cell.value is not None and cell.kind != "rankinis"}
        return bases.pop() if len(bases) == 1 else None


@dataclass(frozen=True)
class CriteriaTable:
    """All criteria rows over the years the data allows."""

    years: tuple[int, ...]
    rows: tuple[CriterionRow, ...]


def missing_text(what: str, year: int) -> str:
    """`("gyventojų skaičius (analysis.demography …)", 2021)` -> "gyventojų skaičius 2021 m. (analysis…)"."""
    title, _, place = what.rpartition(" (")
    return f"{title} {year} m. ({place}" if title else f"{what} ({year} m.)"


def _missing(name: str, year: int, detail: str = "") -> Missing:
    title = VARIABLE_TITLES.get(name, name)
    place = _DATA_PLACES.get(name, name)
    return (f"{title}{': ' + detail if detail else ''} ({place})", year)


_Entry = tuple[str | None, str, dict[str, Decimal], Decimal]
"""A finance entry of a plan: its target group (None: all), kind, money by source and their sum."""

_COUNTED = ("recipients", "waiting", "planned")
"""The fields of a provision year that are counts of persons."""


class _Funds(NamedTuple):
    """One service's money of one year (for all its groups, or one): facts where given, else the plan."""

    kind: ValueKind
    total: Decimal
    entries: list[_Entry]
    """The entries of that kind."""

    @classmethod
    def of(cls, entries: list[_Entry]) -> _Funds:
        """Sum the entries of the kind that counts (any fact outweighs the plan)."""
        kind: ValueKind = "faktas" if "faktas" in [e[1] for e in entries] else "planas"
        counted = [e for e in entries if e[1] == kind]
        return cls(kind, sum((e[3] for e in counted), Decimal(0)), counted)

    def of_sources(self, sources: tuple[str, ...]) -> Decimal:
        """The money from these sources (none named: from all)."""
        if not sources:
            return self.total
        return sum((money[s] for _, _, money, _ in self.entries for s in sources if s in money), Decimal(0))


class _Data:
    """Look-ups of the plan's figures by variable and year, indexed once per plan."""

    def __init__(self, plan: Plan, reference: Reference) -> None:
        self.plan = plan
        self.reference = reference
        self.year = plan.metadata.year
        analysis = plan.analysis
        # (field, year) -> service -> group -> sum; only values actually given count.
        provision: dict[tuple[str, int], dict[str, dict[str, int]]] = {}
        self.provision = provision
        self.groups: dict[str, set[str]] = {}
        for record in analysis.provision:
            service, group = record.service, record.target_group
            self.groups.setdefault(service, set()).add(group)
            for year, values in record.years.items():
                for name in _COUNTED:
                    value = getattr(values, name)
                    if value is None:
                        continue
                    by_service = provision.get((name, year))
                    if by_service is None:
                        by_service = provision[(name, year)] = {}
                    by_group = by_service.get(service)
                    if by_group is None:
                        by_group = by_service[service] = {}
                    by_group[group] = by_group.get(group, 0) + value
        # year -> service -> [(target group or None, kind, sources, their sum)]
        self.finance: dict[int, dict[str, list[_Entry]]] = {}
        for funds in analysis.finance:
            for entry in funds.entries:
                self.finance.setdefault(entry.year, {}).setdefault(funds.service, []).append(
                    (funds.target_group, entry.kind, entry.sources, sum(entry.sources.values(), Decimal(0))))
        # year -> service -> its money for all groups together, summed when a year is first asked:
        # sums over services ask this of every service, for each year and set of sources.
        self._whole_funds: dict[int, dict[str, _Funds]] = {}
        self.places_services = {s.service for p in analysis.providers for s in p.services if s.places is not None}
        self._active: dict[int, set[str]] = {}
        self._counts: dict[tuple[str, int, str, tuple[str, ...]], int | None] = {}
        self._values: dict[tuple[str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]],
                           _Figure] = {}

    def service_name(self, code: str) -> str:
        return self.reference.service_name(code)

    def group_name(self, code: str) -> str:
        return self.reference.group_name(code)

    def active(self, year: int) -> set[str]:
        """Services with any data of that year: recipients, waiting, plan, funds (and places, in the plan year)."""
        known = self._active.get(year)
        if known is not None:
            return known
        services = {s for (_, y), by_service in self.provision.items() if y == year for s in by_service}
        services |= set(self.finance.get(year, {}))
        if year == self.year:
            services |= self.places_services
        self._active[year] = services
        return services

    def _in_groups(self, group: str, wanted: tuple[str, ...]) -> bool:
        if not wanted or group in wanted:
            return True
        parent = self.reference.target_groups.get(group)
        return parent is not None and parent.parent in wanted

    def _indicator(self, indicators: Iterable[object], ident: str, year: int) -> Decimal | None:
        for item in indicators:
            if getattr(item, "id", None) == ident:
                values: dict[int, Decimal] = getattr(item, "values", {})
                if year in values:
                    return Decimal(values[year])
        return None

    def get(self, operand: Operand, year: int, service: str | None, group: str | None,
            *, fallback: bool = False) -> _Figure:
        """The value of one operand's variable in one year (for one service and group, or the operand's)."""
        name = operand.fallback if fallback and operand.fallback else operand.variable
        groups = (group,) if group is not None else operand.target_groups
        if service is not None:  # a row of its own (one service, or service and group): asked once
            return self._value(name, operand, year, (service,), groups)
        services = operand.services or self.of_categories(operand)
        # Criteria share their inputs (the year's recipients, funds by source): each is
        # computed once a plan. The plan does not change while it is read.
        key = (name, year, services, groups, operand.sources, operand.respite_forms)
        known = self._values.get(key)
        if known is None:
            known = self._values[key] = self._value(name, operand, year, services, groups)
        return known

    def _value(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
               groups: tuple[str, ...]) -> _Figure:
        if name in _BY_YEAR:
            return _BY_YEAR[name](self, name, operand, year, services, groups)
        if year != self.year:
            # Providers and measures describe the plan year only.
            return _Figure(None, "planas", (_missing(name, year),))
        if name == "respite_places":
            return self._respite_places(name, operand.respite_forms)
        if name in _PLAN_YEAR:
            return _PLAN_YEAR[name](self, name, services, groups)
        raise KeyError(f"unknown criteria variable {name!r}")  # reference data is tested

    # --- variables with a value per year --------------------------------------------------
    def _people(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
                groups: tuple[str, ...]) -> _Figure:
        if name in ("population", "residents_65_plus"):
            ident = "population_total" if name == "population" else "age_65_plus"
            value = self._indicator(self.plan.analysis.demography, ident, year)
        else:
            value = self._indicator(self.plan.analysis.social_indicators, name, year)
        return _Figure(value, "faktas") if value is not None else _Figure(None, "faktas", (_missing(name, year),))

    def _persons(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
                 groups: tuple[str, ...]) -> _Figure:
        value = self.plan.analysis.distinct_recipients.get(year)
        kind: ValueKind = "planas" if year == self.year else "faktas"
        if value is None:
            return _Figure(None, kind, (_missing(name, year),))
        return _Figure(Decimal(value), kind)

    def _count(self, name: str, year: int, service: str, groups: tuple[str, ...]) -> int | None:
        # The same count is asked for by many criteria, years and fallbacks (hundreds
        # of times a plan): computed once. The plan does not change while it is read.
        key = (name, year, service, groups)
        known = self._counts.get(key, -1)  # counts are never negative: -1 is "not yet counted"
        if known == -1:
            by_group = self.provision.get((name, year), {}).get(service, {})
            given = list(by_group.values()) if not groups else [
                v for g, v in by_group.items() if self._in_groups(g, groups)]
            known = self._counts[key] = sum(given) if given else None
        return known

    def _recipients(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
                    groups: tuple[str, ...]) -> _Figure:
        """Recipients (or waiting) summed over the services that have data that year, or what is missing."""
        if len(services) == 1:
            return self._service_count(name, year, services[0], groups)
        return self._summed_count(name, year, services, groups)

    def _summed_count(self, name: str, year: int, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        """`_recipients` over several services (all that have data that year when none are named)."""
        active = self.active(year)
        candidates = [s for s in services if s in active] if services else sorted(active)
        if groups:
            candidates = [s for s in candidates if any(self._in_groups(g, groups) for g in self.groups.get(s, ()))]
        total, lacking, found = 0, [], False
        kind: ValueKind = "faktas"
        for code in candidates:
            count = self._count(name, year, code, groups)
            if count is None and name == "recipients" and year == self.year:
                count = self._count("planned", year, code, groups)
                if count is not None:
                    kind = "planas"
            if count is None and name == "waiting" and self._count("recipients", year, code, groups) is not None:
                count = 0  # served and no waiting list written: nobody waits
            if count is None:
                lacking.append(code)
                continue
            found = True
            total += count
        if name == "waiting" and not any(self._count("waiting", year, c, groups) is not None for c in candidates):
            found = False  # no waiting list at all that year: unknown, not zero
        if not found:
            return _Figure(None, "faktas", (_missing(name, year),))
        if lacking:
            return _Figure(None, kind, tuple(_missing(name, year, self.service_name(c)) for c in lacking), True)
        return _Figure(Decimal(total), kind)

    def _service_count(self, name: str, year: int, code: str, groups: tuple[str, ...]) -> _Figure:
        """`_recipients` of one service (a row of a per-service criterion): its count, or that it is missing."""
        # A service without data that year, or without any of the groups, counts None.
        count = self._count(name, year, code, groups)
        kind: ValueKind = "faktas"
        if count is None and name == "recipients" and year == self.year:
            count, kind = self._count("planned", year, code, groups), "planas"
        # A waiting list not written is unknown here: "served, so nobody waits" holds only in a sum.
        if count is None:
            return _Figure(None, "faktas", (_missing(name, year, self.service_name(code)),))
        return _Figure(Decimal(count), kind)

    def _service_funds(self, code: str, year: int, group: str | None, sources: tuple[str, ...]) -> _Figure:
        """One service's funds of a year (facts where given, else the plan), for one group when asked."""
        if group is None:
            whole = self._whole_funds.get(year)
            if whole is None:
                whole = self._whole_funds[year] = {
                    service: _Funds.of(entries) for service, entries in self.finance.get(year, {}).items()}
            funds = whole.get(code)
        else:
            entries = self.finance.get(year, {}).get(code, [])
            if any(e[0] is None for e in entries) and self.groups.get(code, {group}) != {group}:
                detail = f"{self.service_name(code)} – lėšos atskirai kiekvienai gavėjų grupei, target_group"
                return _Figure(None, "faktas", (_missing("expenditure", year, detail),))
            entries = [e for e in entries if e[0] in (group, None)]
            funds = _Funds.of(entries) if entries else None
        if funds is None:
            return _Figure(None, "faktas", (_missing("expenditure", year, self.service_name(code)),), True)
        return _Figure(funds.of_sources(sources), funds.kind)

    def _expenditure(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
                     groups: tuple[str, ...]) -> _Figure:
        """Funds summed over the services that have data that year, or which services' funds are missing."""
        single = len(services) == 1
        if single:  # one service (a row of a per-service criterion): its funds as they are
            funds = self._service_funds(services[0], year, groups[0] if len(groups) == 1 else None,
                                        operand.sources)
            if funds.value is None and funds.partial:
                return _Figure(None, "faktas", (_missing(name, year, self.service_name(services[0])),))
            return funds
        active = self.active(year)
        candidates = [s for s in services if s in active] if services else sorted(active)
        total, kind, found = Decimal(0), "faktas", False
        lacking: list[Missing] = []
        for code in candidates:
            funds = self._service_funds(code, year, None, operand.sources)
            if funds.value is None and not funds.partial:
                return funds  # the money cannot be told apart (one amount for several groups)
            if funds.value is None:
                lacking.extend(funds.missing)
                continue
            found = True
            total += funds.value
            kind = "planas" if funds.kind == "planas" else kind
        if not found:
            return _Figure(None, "faktas", (_missing(name, year),))
        if lacking:
            return _Figure(None, "planas" if kind == "planas" else "faktas", tuple(lacking), True)
        return _Figure(total, "planas" if kind == "planas" else "faktas")

    def _budget(self, name: str, operand: Operand, year: int, services: tuple[str, ...],
                groups: tuple[str, ...]) -> _Figure:
        by_kind = {b.kind: b.total for b in self.plan.analysis.municipal_budget if b.year == year}
        if "faktas" in by_kind:
            return _Figure(by_kind["faktas"], "faktas")
        if "planas" in by_kind:
            return _Figure(by_kind["planas"], "planas")
        return _Figure(None, "faktas", (_missing(name, year),))

    def of_categories(self, operand: Operand) -> tuple[str, ...]:
        """The catalogue services of the operand's categories under the plan's regime (none asked: none)."""
        if not operand.categories:
            return ()
        regime = self.reference.regime_for_year(self.year).id
        return tuple(code for code, s in self.reference.services.items()
                     if s.category.get(regime) in operand.categories)

    # --- variables of the plan year only -------------------------------------------------
    def _funding(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        """The funding need's computed total, needed or allocated (2025+ plans, A1-368 4.1 p.)."""
        need = self.plan.analysis.funding_need
        if need is None or not need.items or (need.year is not None and need.year != self.year):
            return _Figure(None, "planas", (_missing(name, self.year),))
        total = need.needed_total() if name == "funding_needed" else need.allocated_total()
        return _Figure(total, "planas")

    def _unmet(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        """Persons whose need is unmet; an unmet-need block that says in text there is none counts 0."""
        unmet = self.plan.analysis.unmet_need
        if unmet is None or not (unmet.items or unmet.text):
            return _Figure(None, "planas", (_missing(name, self.year),))
        persons = [i.persons for i in unmet.items]
        if any(p is None for p in persons):
            return _Figure(None, "planas", (_missing(name, self.year, "persons"),), True)
        return _Figure(Decimal(sum(p for p in persons if p is not None)), "planas")

    def _respite_places(self, name: str, forms: tuple[str, ...]) -> _Figure:
        """Places of respite in the given forms (providers' services with respite_form)."""
        places = [s.places for p in self.plan.analysis.providers for s in p.services
                  if s.respite_form is not None and (not forms or s.respite_form in forms)]
        known = [v for v in places if v is not None]
        if not known:
            return _Figure(None, "planas", (_missing(name, self.year),))
        return _Figure(Decimal(sum(known)), "planas")

    def _social_workers(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        staff = [p.staff.social_workers for p in self.plan.analysis.providers if p.staff is not None]
        known_staff = [v for v in staff if v is not None]
        if not known_staff:
            return _Figure(None, "planas", (_missing(name, self.year),))
        return _Figure(Decimal(sum(known_staff)), "planas")

    def _places(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        """Places of the named services; with groups named, only places given to those groups alone."""
        total, found, unclear = 0, False, []
        for provider in self.plan.analysis.providers:
            for offered in provider.services:
                if offered.places is None or (services and offered.service not in services):
                    continue
                inside = [g for g in offered.target_groups if self._in_groups(g, groups)]
                if groups and not inside and offered.target_groups:
                    continue  # places of other groups only (children's care for an elderly criterion)
                if groups and (len(inside) != len(offered.target_groups) or not offered.target_groups):
                    unclear.append(_missing(name, self.year, f"{self.service_name(offered.service)} "
                                                            f"({provider.name}) – vietos kelioms grupėms kartu"))
                    continue
                found = True
                total += offered.places
        if unclear:
            return _Figure(None, "planas", tuple(unclear), found)
        if not found:
            return _Figure(None, "planas", (_missing(name, self.year),))
        return _Figure(Decimal(total), "planas")

    def _measures_total(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        measures = self.plan.action_plan.measures
        if not measures:
            return _Figure(None, "planas", (_missing(name, self.year),))
        return _Figure(Decimal(len(measures)), "planas")

    def _measures_done(self, name: str, services: tuple[str, ...], groups: tuple[str, ...]) -> _Figure:
        statuses = [m.status for m in self.plan.action_plan.measures if m.status is not None]
        if not statuses:
            return _Figure(None, "planas", (_missing(name, self.year),))
        return _Figure(Decimal(statuses.count("ivykdyta")), "planas")


_ByYear = Callable[[_Data, str, Operand, int, tuple[str, ...], tuple[str, ...]], _Figure]
_BY_YEAR: dict[str, _ByYear] = {
    "population": _Data._people,
    "residents_65_plus": _Data._people,
    "children_in_family_care": _Data._people,
    "children_without_parental_care": _Data._people,
    "persons": _Data._persons,
    "recipients": _Data._recipients,
    "waiting": _Data._recipients,
    "expenditure": _Data._expenditure,
    "municipal_budget": _Data._budget,
}
_PLAN_YEAR: dict[str, Callable[[_Data, str, tuple[str, ...], tuple[str, ...]], _Figure]] = {
    "social_workers": _Data._social_workers,
    "places": _Data._places,
    "measures_total": _Data._measures_total,
    "measures_done": _Data._measures_done,
    "funding_needed": _Data._funding,
    "funding_allocated": _Data._funding,
    "unmet_need_persons": _Data._unmet,
}


def _side(data: _Data, operand: Operand, year: int, service: str | None, group: str | None,
          fallback: bool) -> _Figure:
    current = data.get(operand, year + operand.year_offset, service, group, fallback=fallback)
    if current.value is None or (not operand.minus_previous_year and operand.plus is None):
        return current
    value = current.value
    kind = current.kind
    if operand.minus_previous_year:
        previous = data.get(operand, year - 1, service, group, fallback=fallback)
        if previous.value is None:
            return previous
        value -= previous.value
    if operand.plus is not None:
        extra = data.get(Operand(variable=operand.plus, services=operand.services,
                                 target_groups=operand.target_groups), year, service, group)
        if extra.value is None:
            return extra
        value += extra.value
        kind = "planas" if "planas" in (kind, extra.kind) else kind
    return _Figure(value, kind)


def _needs_fallback(data: _Data, criterion: Criterion, year: int, service: str | None,
                    group: str | None) -> bool:
    """Whether a primary variable with a fallback lacks a year this cell needs (all operands then fall back)."""
    for operand in criterion.with_fallback:
        years = [year + operand.year_offset] + ([year - 1] if operand.minus_previous_year else [])
        if any(data.get(operand, y, service, group).value is None for y in years):
            return True
    return False


def _cell(data: _Data, criterion: Criterion, year: int, service: str | None, group: str | None) -> CriterionValue:
    fallback = bool(criterion.with_fallback) and _needs_fallback(data, criterion, year, service, group)
    basis = SERVICE_USES if fallback else None
    numerator = _side(data, criterion.numerator, year, service, group, fallback)
    denominator = (
        _side(data, criterion.denominator, year, service, group, fallback)
        if criterion.denominator is not None
        else _Figure(Decimal(1), "faktas")
    )
    kind: ValueKind = "planas" if "planas" in (numerator.kind, denominator.kind) else "faktas"
    if numerator.value is None or denominator.value is None:
        inputs = tuple(dict.fromkeys((*numerator.missing, *denominator.missing)))
        missing = tuple(missing_text(what, when) for what, when in inputs)
        return CriterionValue(year, None, kind, numerator.value, denominator.value, missing,
                              missing_inputs=inputs, partial=numerator.partial or denominator.partial, basis=basis)
    if denominator.value == 0:
        zero = ("vardiklis lygus nuliui", year)
        return CriterionValue(year, None, kind, numerator.value, denominator.value, ("vardiklis lygus nuliui",),
                              missing_inputs=(zero,), basis=basis)
    # The model bounds every figure: the exact quotient fits in _WIDE digits.
    quotient = _ARITHMETIC.divide(numerator.value, denominator.value)
    if criterion.multiplier != 1:  # times 1 is the quotient itself (exact at this precision)
        quotient = _ARITHMETIC.multiply(quotient, criterion.multiplier)
    value = quotient.quantize(_quantum(criterion.decimals), rounding=ROUND_HALF_UP, context=_ARITHMETIC)
    return CriterionValue(year, value, kind, numerator.value, denominator.value, basis=basis)


def table_years(plan: Plan) -> tuple[int, ...]:
    """The years the criteria table shows: up to three, ending with the plan year."""
    year = plan.metadata.year
    return (year - 2, year - 1, year)


def _service_group_rows(plan: Plan, reference: Reference) -> list[tuple[str | None, str | None]]:
    """One row per service and target group; per service where its money is not split by group.

    Money given for a service as a whole (no `target_group`) is one row for all
    its groups when they are of one age (elderly and adults with disability);
    for children and adults together it stays one row per group, which then
    cannot be computed: an average over children's and adults' care misleads.
    """
    analysis = plan.analysis
    groups: dict[str, set[str]] = {}
    for record in analysis.provision:
        groups.setdefault(record.service, set()).add(record.target_group)
    funded: dict[str, set[str]] = {}  # service -> the groups its money is given for
    whole: set[str] = set()
    for funds in analysis.finance:
        if funds.target_group is None:
            whole.add(funds.service)
        else:
            funded.setdefault(funds.service, set()).add(funds.target_group)
    split = set(funded)
    pairs: set[tuple[str | None, str | None]] = set()
    for service in sorted(set(groups) | split | whole):
        named = groups.get(service, set()) | funded.get(service, set())
        ages = {reference.plausibility.age_family(g) for g in named} - {None}
        if not named or (service in whole and service not in split and len(named) > 1 and len(ages) <= 1):
            pairs.add((service, None))
        else:
            pairs |= {(service, group) for group in named}
    return sorted(pairs, key=lambda pair: (pair[0] or "", pair[1] or ""))


def _rows_of(plan: Plan, reference: Reference, criterion: Criterion) -> list[tuple[str | None, str | None]]:
    """(service, group) of each row: one row, one per service with funds, or one per service and group."""
    if criterion.per == "service":
        return [(code, None) for code in sorted({record.service for record in plan.analysis.finance})]
    if criterion.per == "service_group":
        return _service_group_rows(plan, reference)
    return [(None, None)]


def evaluate_criteria(plan: Plan, reference: Reference) -> CriteriaTable:
    """Compute every criterion of the plan's criteria set for the table's years."""
    data = _Data(plan, reference)
    years = table_years(plan)
    overrides = {(o.criterion, o.year): o for o in plan.criteria.overrides}
    rows: list[CriterionRow] = []
    regime = reference.regime_for_year(plan.metadata.year).id
    for criterion in (c for c in reference.criteria if regime in c.regimes):
        for service, group in _rows_of(plan, reference, criterion):
            cells = []
            for year in years:
                override = overrides.get((criterion.id, year)) if service is None else None
                if override is not None:
                    cells.append(
                        CriterionValue(year, override.value, "rankinis", None, None, (), override.reason)
                    )
                else:
                    cells.append(_cell(data, criterion, year, service, group))
            rows.append(CriterionRow(criterion, service, tuple(cells), group))
    return CriteriaTable(years, tuple(rows))


def missing_inputs(rows: Iterable[CriterionRow]) -> list[tuple[str, tuple[int, ...]]]:
    """Each missing input of these rows once, with the years it is missing in (first seen first)."""
    found: dict[str, list[int]] = {}
    for row in rows:
        for cell in row.values:
            if cell.value is not None or cell.kind == "rankinis":
                continue
            for what, year in cell.missing_inputs:
                years = found.setdefault(what, [])
                if year not in years:
                    years.append(year)
    return [(what, tuple(sorted(years))) for what, years in found.items()]


__all__ = [
    "SERVICE_USES",
    "CriteriaTable",
    "CriterionRow",
    "CriterionValue",
    "evaluate_criteria",
    "missing_inputs",
    "missing_text",
]
