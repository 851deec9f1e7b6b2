"""Evaluating the declarative efficiency criteria (criteria.yaml) against a plan's data.

A criterion is `numerator / denominator * multiplier`, each side a named
variable computed from the plan for one year. Nothing here formats numbers:
the renderers do, so the same values read the same in every output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

from planas.model import Plan
from planas.reference import Criterion, Operand, Reference

_WIDE = 80
"""Decimal digits for criteria arithmetic (28, the default, is too few for 10^12 / 10^-4)."""

ValueKind = Literal["faktas", "planas", "rankinis"]

VARIABLE_TITLES: dict[str, str] = {
    "population": "gyventojų skaičius",
    "residents_65_plus": "65 m. ir vyresnių gyventojų skaičius",
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
}

_DATA_PLACES: dict[str, str] = {
    "population": "analysis.demography population_total",
    "residents_65_plus": "analysis.demography age_65_plus",
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
}


@dataclass(frozen=True)
class Quantity:
    """A variable's value for one year, or why it has none."""

    value: Decimal | None
    kind: ValueKind
    missing: str | None = None


@dataclass(frozen=True)
class CriterionValue:
    """One cell of the criteria table."""

    year: int
    value: Decimal | None
    kind: ValueKind
    numerator: Decimal | None
    denominator: Decimal | None
    missing: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class CriterionRow:
    """One criterion (or one service of a per-service criterion) over the table's years."""

    criterion: Criterion
    service: str | None
    values: tuple[CriterionValue, ...]

    @property
    def computable(self) -> bool:
        """Whether at least one year has a value."""
        return any(cell.value is not None for cell in self.values)


@dataclass(frozen=True)
class CriteriaTable:
    """All criteria rows over the years the data allows."""

    years: tuple[int, ...]
    rows: tuple[CriterionRow, ...]


class _Data:
    """Look-ups of the plan's figures by variable and year, indexed once per plan."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.year = plan.metadata.year
        # (field, year) -> service -> sum; only values actually given count.
        self.provision: dict[tuple[str, int], dict[str, int]] = {}
        for record in plan.analysis.provision:
            for year, values in record.years.items():
                for name in ("recipients", "waiting", "planned"):
                    value = getattr(values, name)
                    if value is not None:
                        sums = self.provision.setdefault((name, year), {})
                        sums[record.service] = sums.get(record.service, 0) + value
        # (year, kind) -> service -> source -> amount
        self.finance: dict[tuple[int, str], dict[str, dict[str, Decimal]]] = {}
        for funds in plan.analysis.finance:
            for entry in funds.entries:
                by_service = self.finance.setdefault((entry.year, entry.kind), {})
                sources = by_service.setdefault(funds.service, {})
                for source, amount in entry.sources.items():
                    sources[source] = sources.get(source, Decimal(0)) + amount

    def _indicator(self, indicators: Iterable[object], ident: str, year: int) -> Decimal | None:
        for item in indicators:
            if getattr(item, "id", None) == ident:
                values: dict[int, Decimal] = getattr(item, "values", {})
                if year in values:
                    return Decimal(values[year])
        return None

    def _provision(self, name: str, year: int, services: tuple[str, ...]) -> int | None:
        sums = self.provision.get((name, year))
        if not sums:
            return None
        if not services:
            return sum(sums.values())
        known = [sums[s] for s in services if s in sums]
        return sum(known) if known else None

    def get(self, operand: Operand, year: int, service: str | None) -> Quantity:
        """The value of one operand's variable in one year (for one service, or the operand's)."""
        name = operand.variable
        services = (service,) if service is not None else operand.services
        missing = f"{VARIABLE_TITLES.get(name, name)} {year} m. ({_DATA_PLACES.get(name, name)})"
        if name in _BY_YEAR:
            return _BY_YEAR[name](self, operand, year, services, missing)
        if year != self.year:
            # Providers and measures describe the plan year only.
            return Quantity(None, "planas", missing)
        if name in _PLAN_YEAR:
            value = _PLAN_YEAR[name](self, services)
            return Quantity(value, "planas", None if value is not None else missing)
        raise KeyError(f"unknown criteria variable {name!r}")  # reference data is tested

    # --- variables with a value per year --------------------------------------------------
    def _people(self, operand: Operand, year: int, services: tuple[str, ...], missing: str) -> Quantity:
        name = operand.variable
        if name in ("population", "residents_65_plus"):
            ident = "population_total" if name == "population" else "age_65_plus"
            value = self._indicator(self.plan.analysis.demography, ident, year)
        else:
            value = self._indicator(self.plan.analysis.social_indicators, name, year)
        return Quantity(value, "faktas", None if value is not None else missing)

    def _recipients(self, operand: Operand, year: int, services: tuple[str, ...], missing: str) -> Quantity:
        name = operand.variable
        count = self._provision(name, year, services)
        if count is not None:
            return Quantity(Decimal(count), "faktas")
        if name == "recipients" and year == self.year:
            planned = self._provision("planned", year, services)
            if planned is not None:
                return Quantity(Decimal(planned), "planas")
        return Quantity(None, "faktas", missing)

    def _expenditure(self, operand: Operand, year: int, services: tuple[str, ...], missing: str) -> Quantity:
        for kind in ("faktas", "planas"):
            by_service = self.finance.get((year, kind))
            if by_service is None:
                continue
            chosen = [v for k, v in by_service.items() if not services or k in services]
            if not chosen:
                continue
            total = sum(
                (amount for sources in chosen for source, amount in sources.items()
                 if not operand.sources or source in operand.sources),
                Decimal(0),
            )
            return Quantity(total, kind)
        return Quantity(None, "faktas", missing)

    def _budget(self, operand: Operand, year: int, services: tuple[str, ...], missing: str) -> Quantity:
        by_kind = {b.kind: b.total for b in self.plan.analysis.municipal_budget if b.year == year}
        for kind in ("faktas", "planas"):
            if kind in by_kind:
                return Quantity(by_kind[kind], kind)
        return Quantity(None, "faktas", missing)

    # --- variables of the plan year only -------------------------------------------------
    def _social_workers(self, services: tuple[str, ...]) -> Decimal | None:
        staff = [p.staff.social_workers for p in self.plan.analysis.providers if p.staff is not None]
        known_staff = [v for v in staff if v is not None]
        return Decimal(sum(known_staff)) if known_staff else None

    def _places(self, services: tuple[str, ...]) -> Decimal | None:
        places = [
            s.places
            for p in self.plan.analysis.providers
            for s in p.services
            if s.places is not None and (not services or s.service in services)
        ]
        return Decimal(sum(places)) if places else None

    def _measures_total(self, services: tuple[str, ...]) -> Decimal | None:
        measures = self.plan.action_plan.measures
        return Decimal(len(measures)) if measures else None

    def _measures_done(self, services: tuple[str, ...]) -> Decimal | None:
        statuses = [m.status for m in self.plan.action_plan.measures if m.status is not None]
        return Decimal(statuses.count("ivykdyta")) if statuses else None


_ByYear = Callable[[_Data, Operand, int, tuple[str, ...], str], Quantity]
_BY_YEAR: dict[str, _ByYear] = {
    "population": _Data._people,
    "residents_65_plus": _Data._people,
    "children_in_family_care": _Data._people,
    "children_without_parental_care": _Data._people,
    "recipients": _Data._recipients,
    "waiting": _Data._recipients,
    "expenditure": _Data._expenditure,
    "municipal_budget": _Data._budget,
}
_PLAN_YEAR: dict[str, Callable[[_Data, tuple[str, ...]], Decimal | None]] = {
    "social_workers": _Data._social_workers,
    "places": _Data._places,
    "measures_total": _Data._measures_total,
    "measures_done": _Data._measures_done,
}


def _side(data: _Data, operand: Operand, year: int, service: str | None) -> Quantity:
    current = data.get(operand, year + operand.year_offset, service)
    if current.value is None:
        return current
    value = current.value
    kind = current.kind
    if operand.minus_previous_year:
        previous = data.get(operand, year - 1, service)
        if previous.value is None:
            return previous
        value -= previous.value
    if operand.plus is not None:
        extra = data.get(Operand(variable=operand.plus, services=operand.services), year, service)
        if extra.value is None:
            return extra
        value += extra.value
        kind = "planas" if "planas" in (kind, extra.kind) else kind
    return Quantity(value, kind)


def _cell(
    data: _Data, criterion: Criterion, year: int, service: str | None
) -> CriterionValue:
    numerator = _side(data, criterion.numerator, year, service)
    denominator = (
        _side(data, criterion.denominator, year, service)
        if criterion.denominator is not None
        else Quantity(Decimal(1), "faktas")
    )
    missing = tuple(m for m in (numerator.missing, denominator.missing) if m is not None)
    kind: ValueKind = "planas" if "planas" in (numerator.kind, denominator.kind) else "faktas"
    if numerator.value is None or denominator.value is None:
        return CriterionValue(year, None, kind, numerator.value, denominator.value, missing)
    if denominator.value == 0:
        return CriterionValue(
            year, None, kind, numerator.value, denominator.value, ("vardiklis lygus nuliui",)
        )
    exponent = Decimal(1).scaleb(-criterion.decimals)
    with localcontext(prec=_WIDE):  # the model bounds every figure: the exact quotient fits here
        value = (numerator.value / denominator.value * criterion.multiplier).quantize(
            exponent, rounding=ROUND_HALF_UP
        )
    return CriterionValue(year, value, kind, numerator.value, denominator.value)


def table_years(plan: Plan) -> tuple[int, ...]:
    """The years the criteria table shows: up to three, ending with the plan year."""
    year = plan.metadata.year
    return (year - 2, year - 1, year)


def evaluate_criteria(plan: Plan, reference: Reference) -> CriteriaTable:
    """Compute every criterion of the plan's criteria set for the table's years."""
    data = _Data(plan)
    years = table_years(plan)
    overrides = {(o.criterion, o.year): o for o in plan.criteria.overrides}
    rows: list[CriterionRow] = []
    for criterion in reference.criteria:
        services: list[str | None]
        if criterion.per == "service":
            services = [*sorted({record.service for record in plan.analysis.finance})]
        else:
            services = [None]
        for service in services:
            cells = []
            for year in years:
                override = overrides.get((criterion.id, year)) if service is None else None
                if override is not None:
                    cells.append(
                        CriterionValue(year, override.value, "rankinis", None, None, (), override.reason)
                    )
                else:
                    cells.append(_cell(data, criterion, year, service))
            rows.append(CriterionRow(criterion, service, tuple(cells)))
    return CriteriaTable(years, tuple(rows))
