"""Plausibility: figures compared with their history, capacity, the population and the calendar.

These rules catch what a planner does when copying figures between tables: a
service's money typed into its recipients, a count typed as money, a digit too
many. A figure that cannot be true is an error (E1404: a part above its whole;
E0508: a date after the plan year); one that is only unlikely is a warning with
its reason, which the plan may acknowledge (`acknowledged:`). The bounds are
data (plausibility.yaml), planas's own judgement and not an act.

One value gets one plausibility warning: the most telling one (the population
before capacity before history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from statistics import median

from planas.model import Plan
from planas.model.deadline import deadline_year
from planas.model.plan import ProvisionYear
from planas.reference import Reference
from planas.validation.issue import Issue, Loc

_PERCENT_UNITS = frozenset({"proc", "proc.", "%"})
_PERSON_UNITS = frozenset({"asm", "asm.", "asmenys", "asmenų"})
_INDICATOR_FIELDS = {"baseline": ("pradinė reikšmė", "baseline"), "target": ("siektina reikšmė", "target"),
                     "actual": ("pasiekta reikšmė", "actual")}


def shown(value: Decimal | int) -> str:
    """A figure as Lithuanian text without the formatting library: `126000.00` -> `126 000`, `5.2` -> `5,2`."""
    number = Decimal(value)
    text = format(number.normalize() if number == number.to_integral_value() else number, "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + " ".join(groups or ["0"]) + ("," + fraction.rstrip("0") if fraction.rstrip("0") else "")


def _when(year: int, kind: str) -> str:
    return f"{year} m. {kind}".strip()


def _when_en(year: int, kind: str) -> str:
    return {"faktas": f"{year} (facts)", "planas": f"{year} (plan)"}.get(kind, str(year))


def _ratio(a: Decimal, b: Decimal) -> Decimal:
    return max(a, b) / min(a, b)


class _Plausibility:
    def __init__(self, plan: Plan, ref: Reference) -> None:
        self.plan = plan
        self.ref = ref
        self.bounds = ref.plausibility
        self.year = plan.metadata.year
        self.found: dict[Loc, Issue] = {}
        population = next((d for d in plan.analysis.demography if d.id == "population_total"), None)
        self.population: dict[int, Decimal] = dict(population.values) if population is not None else {}
        self._residents: dict[int, tuple[Decimal, int] | None] = {}
        self._limit, self._floor = Decimal(self.bounds.magnitude_ratio), Decimal(self.bounds.magnitude_floor)

    # --- helpers -------------------------------------------------------------------------
    def add(self, issue: Issue) -> None:
        """Keep the first plausibility issue of each value (the rules run most telling first)."""
        self.found.setdefault(issue.loc, issue)

    def service_name(self, code: str) -> str:
        return self.ref.service_name(code)

    def group_name(self, code: str) -> str:
        return self.ref.group_name(code)

    def residents(self, year: int) -> tuple[Decimal, int] | None:
        """The population of a year, or of the nearest year the plan gives (asked for each figure: kept)."""
        if year not in self._residents:
            nearest = min(self.population, key=lambda y: (abs(y - year), -y)) if self.population else None
            self._residents[year] = None if nearest is None else (self.population[nearest], nearest)
        return self._residents[year]

    def over_population(self, value: Decimal | int, year: int, loc: Loc, what: str) -> None:
        people = self.residents(year)
        if people is not None and Decimal(value) > people[0]:
            self.add(Issue("W1403", loc, params={"what": what, "value": shown(value),
                                                 "population": shown(people[0]), "year": people[1]}))

    def far_apart(self, figures: Sequence[Decimal | int | None]) -> bool:
        """Whether two of the (non-zero) figures may be out of line: else W1401 has nothing to say of them.

        Every value within `magnitude_ratio` of every other (and so of their median),
        or all below `magnitude_floor`, is in line.
        """
        values = [value for value in figures if value]
        if len(values) < 2:
            return False
        low, high = min(values), max(values)
        return not (low > 0 and (high < self._limit * low or high < self._floor))

    def history(self, points: list[tuple[int, str, Decimal | int, Loc]], what: str) -> None:
        """W1401 for a value out of line with the same figure's other years (10x by default).

        `points`: (year, kind or "", value, location); with three or more, a value far
        from their median is reported; with two far apart, both are (either may be wrong).
        """
        if not self.far_apart([value for _, _, value, _ in points]):
            return
        values = [(year, label, Decimal(value), loc) for year, label, value, loc in points if value]
        limit, floor = self._limit, self._floor
        if len(values) == 2 and any(p[3] in self.found for p in values):
            return  # of two far apart, one is already explained by a more telling rule
        middle = Decimal(median(v for _, _, v, _ in values)) if len(values) > 2 else None
        for year, label, value, loc in values:
            others = [p for p in values if p[3] != loc]
            against = middle if middle is not None else others[0][2]
            if not (_ratio(value, against) >= limit and max(value, against) >= floor):
                continue  # in line (the usual case: the rest is only for a value far off)
            if middle is not None:
                others = [p for p in others if _ratio(p[2], middle) < limit] or others
            other = min(others, key=lambda p: abs(p[0] - year))
            larger = value > other[2]
            self.add(Issue("W1401", loc, params={
                "what": f"{what}, {_when(year, label)}", "what_en": f"{what}, {_when_en(year, label)}",
                "value": shown(value), "ratio": shown(round(_ratio(value, other[2]))),
                "direction": "didesnė" if larger else "mažesnė", "direction_en": "larger" if larger else "smaller",
                "other_year": _when(other[0], other[1]), "other_year_en": _when_en(other[0], other[1]),
                "other": shown(other[2])}))

    # --- checks --------------------------------------------------------------------------
    def provision(self) -> None:
        """Recipients against the population, the places and their own history; waiting lists."""
        analysis = self.plan.analysis
        for i, record in enumerate(analysis.provision):
            for year, values in record.years.items():
                people = self.residents(year)
                if people is None or max(values.recipients or 0, values.planned or 0,
                                         values.waiting or 0) <= people[0]:
                    continue  # the usual year: every figure within the population
                for name in ("recipients", "planned", "waiting"):
                    value = getattr(values, name)
                    if value is not None and value > people[0]:  # rare: the message is made only then
                        what = f"{self.service_name(record.service)} ({self.group_name(record.target_group)})"
                        self.over_population(value, year, ("analysis", "provision", i, "years", year, name), what)
        self.capacity()
        for i, record in enumerate(analysis.provision):
            years = record.years.values()
            served = [v.recipients if v.recipients is not None else v.planned for v in years]
            if not (self.far_apart(served) or self.far_apart([v.waiting for v in years])
                    or any(self._waits_long(v) for v in years)):
                continue  # the usual record: nothing to say, and no points or message to make
            what = f"{self.service_name(record.service)} ({self.group_name(record.target_group)})"
            self.waiting(i, what)
            self.history(self.provision_points(i, "recipients"), f"{what}: gavėjai")
            self.history(self.provision_points(i, "waiting"), f"{what}: laukiantys")

    def provision_points(self, index: int, name: str) -> list[tuple[int, str, Decimal | int, Loc]]:
        """One record's recipients (the plan where there are no recipients yet) or waiting list, by year."""
        points: list[tuple[int, str, Decimal | int, Loc]] = []
        for year, values in sorted(self.plan.analysis.provision[index].years.items()):
            value, field = getattr(values, name), name
            if value is None and name == "recipients" and values.planned is not None:
                value, field = values.planned, "planned"
            if value is not None:
                points.append((year, "", value, ("analysis", "provision", index, "years", year, field)))
        return points

    def _waits_long(self, values: ProvisionYear) -> bool:
        waiting, recipients = values.waiting, values.recipients
        return (waiting is not None and recipients is not None and recipients > 0
                and waiting >= self.bounds.waiting_ratio * recipients and waiting >= self.bounds.waiting_floor)

    def waiting(self, index: int, what: str) -> None:
        """W1408: a waiting list many times the recipients."""
        for year, values in self.plan.analysis.provision[index].years.items():
            if self._waits_long(values):
                self.add(Issue("W1408", ("analysis", "provision", index, "years", year, "waiting"), params={
                    "what": what, "year": year, "waiting": values.waiting, "recipients": values.recipients}))

    def places(self) -> dict[tuple[str, str | None], int]:
        """Places by (service, provider), and by (service, None) over all providers."""
        places: dict[tuple[str, str | None], int] = {}
        for provider in self.plan.analysis.providers:
            for offered in provider.services:
                if offered.places is not None:
                    for key in ((offered.service, provider.id), (offered.service, None)):
                        places[key] = places.get(key, 0) + offered.places
        return places

    def capacity(self) -> None:
        """W1402: last year's recipients and the plan year's planned recipients against places x turnover."""
        analysis = self.plan.analysis
        places = self.places()
        names = {p.id: p.name for p in analysis.providers}
        turnover = self.bounds.turnover
        for year, field in ((self.year, "planned"), (self.year, "recipients"), (self.year - 1, "recipients")):
            sums: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
            for i, record in enumerate(analysis.provision):
                value = getattr(record.years[year], field) if year in record.years else None
                if value is not None:
                    sums.setdefault((record.service, record.provider), []).append((value, i))
            for (service, provider_id), counted in sums.items():
                available = places.get((service, provider_id))
                per_place = turnover.services.get(service, turnover.default)
                total = sum(v for v, _ in counted)
                if not available or total <= available * per_place:
                    continue
                _, index = max(counted)
                label = self.service_name(service) + (f" ({names[provider_id]})" if provider_id in names else "")
                self.add(Issue("W1402", ("analysis", "provision", index, "years", year, field), params={
                    "what": label, "value": shown(total), "year": year, "places": available,
                    "turnover": per_place, "capacity": shown(available * per_place)}))

    def providers(self) -> None:
        """Places against the population; prices against their unit's bounds."""
        for i, provider in enumerate(self.plan.analysis.providers):
            for j, offered in enumerate(provider.services):
                loc = ("analysis", "providers", i, "services", j)
                what = f"{provider.name}: {self.service_name(offered.service)}, vietos"
                if offered.places is not None:
                    self.over_population(offered.places, self.year, (*loc, "places"), what)
                price = offered.price
                limit = self.bounds.price_limit(price.unit) if price is not None else None
                if price is not None and limit is not None and price.amount > limit:
                    self.add(Issue("W1405", (*loc, "price", "amount"), params={
                        "amount": shown(price.amount), "unit": price.unit, "limit": limit}))

    def finance(self) -> None:
        """W1401: each source's amount against the same record's other years."""
        for i, record in enumerate(self.plan.analysis.finance):
            sources = sorted({s for e in record.entries for s in e.sources})
            for source in sources:
                if not self.far_apart([e.sources[source] for e in record.entries if source in e.sources]):
                    continue  # all in line: no points, no message to make
                what = f"Lėšos: {self.service_name(record.service)}"
                if record.target_group is not None:
                    what += f" ({self.group_name(record.target_group)})"
                points = [(e.year, e.kind, e.sources[source],
                           ("analysis", "finance", i, "entries", j, "sources", source))
                          for j, e in enumerate(record.entries) if source in e.sources]
                self.history(sorted(points, key=lambda p: (p[0], p[1])), f"{what}, {source}")

    def indicators(self) -> None:
        """E1404 (a part above its whole), the population, and each indicator's history."""
        analysis = self.plan.analysis
        located = {ind.id: (section, i, ind) for section in ("demography", "social_indicators")
                   for i, ind in enumerate(getattr(analysis, section))}
        titles = {**self.ref.demography_indicators, **self.ref.social_indicators}
        for subset in self.bounds.subsets:
            if subset.part not in located or subset.whole not in located:
                continue
            section, i, part = located[subset.part]
            whole = located[subset.whole][2]
            for year, value in sorted(part.values.items()):
                if year in whole.values and value > whole.values[year]:
                    self.add(Issue("E1404", ("analysis", section, i, "values", year), params={
                        "part_title": titles[part.id].name_lt if part.id in titles else part.id,
                        "part": shown(value), "whole": shown(whole.values[year]), "year": year,
                        "whole_title": (titles[whole.id].name_lt if whole.id in titles else whole.id).lower()}))
        for ident, (section, i, ind) in located.items():
            if not self.far_apart(list(ind.values.values())):
                continue  # all in line: no points, no message to make
            title = titles[ident].name_lt if ident in titles else (ind.title or ident)
            points = [(year, "", value, ("analysis", section, i, "values", year))
                      for year, value in sorted(ind.values.items())]
            self.history(points, title)
        self.history([(b.year, b.kind, b.total, ("analysis", "municipal_budget", j, "total"))
                      for j, b in enumerate(analysis.municipal_budget)], "Savivaldybės biudžeto išlaidos")

    def measures(self) -> None:
        """Shares above 100 %; indicator targets against their baselines and the population."""
        limit, floor = self.bounds.magnitude_ratio, self.bounds.magnitude_floor
        for i, measure in enumerate(self.plan.action_plan.measures):
            for j, indicator in enumerate(measure.indicators):
                loc = ("action_plan", "measures", i, "indicators", j)
                unit = "".join((indicator.unit or "").split()).casefold()
                for field, (title_lt, title_en) in _INDICATOR_FIELDS.items():
                    value = getattr(indicator, field)
                    if value is not None and unit in _PERCENT_UNITS and value > 100:
                        self.add(Issue("W1407", (*loc, field), params={
                            "ref": indicator.id, "field": title_lt, "field_en": title_en, "value": shown(value)}))
                target, baseline = indicator.target, indicator.baseline
                if (target is not None and baseline is not None and baseline > 0
                        and target >= limit * baseline and target >= floor):
                    self.add(Issue("W1406", (*loc, "target"), params={
                        "ref": indicator.id, "target": shown(target), "baseline": shown(baseline),
                        "ratio": shown(round(target / baseline))}))
                if unit in _PERSON_UNITS:
                    for field in _INDICATOR_FIELDS:
                        value = getattr(indicator, field)
                        if value is not None:
                            self.over_population(value, self.year, (*loc, field), f"Rodiklis „{indicator.id}“")

    def calendar(self) -> Iterator[Issue]:
        """Facts of the plan year, plans of past years, deadlines before the plan year, dates after it."""
        yield from self.kinds()
        for i, measure in enumerate(self.plan.action_plan.measures):
            if measure.deadline is not None and deadline_year(measure.deadline) < self.year:
                yield Issue("W0507", ("action_plan", "measures", i, "deadline"), params={
                    "ref": measure.id, "date": str(measure.deadline), "year": self.year})
        for when, loc, what, what_en in self.dates():
            if when is not None and when.year > self.year:
                yield Issue("E0508", loc, params={"date": when.isoformat(), "year": self.year, "what": what,
                                                  "what_en": what_en})

    def kinds(self) -> Iterator[Issue]:
        """W0505 (facts of the plan year), W0506 (only a plan for a past year)."""
        analysis = self.plan.analysis
        for i, record in enumerate(analysis.finance):
            facts = {e.year for e in record.entries if e.kind == "faktas"}
            for j, entry in enumerate(record.entries):
                loc = ("analysis", "finance", i, "entries", j, "kind")
                if entry.kind == "faktas" and entry.year == self.year:
                    yield Issue("W0505", loc, params={"year": entry.year})
                elif entry.kind == "planas" and entry.year < self.year and entry.year not in facts:
                    yield Issue("W0506", loc, params={"year": entry.year})
        for i, budget in enumerate(analysis.municipal_budget):
            if budget.kind == "faktas" and budget.year == self.year:
                yield Issue("W0505", ("analysis", "municipal_budget", i, "kind"), params={"year": budget.year})

    def dates(self) -> list[tuple[dt.date | None, Loc, str, str]]:
        """Dates of acts, licences and accreditations: none can be after the plan year."""
        dates: list[tuple[dt.date | None, Loc, str, str]] = [
            (act.date, ("metadata", "legal_basis", i, "date"), "teisės aktas", "a legal act")
            for i, act in enumerate(self.plan.metadata.legal_basis)]
        for i, provider in enumerate(self.plan.analysis.providers):
            if provider.licence is not None:
                dates.append((provider.licence.date, ("analysis", "providers", i, "licence", "date"),
                              "licencija", "a licence"))
            dates.extend((a.date, ("analysis", "providers", i, "accreditations", j, "date"), "akreditacija",
                          "an accreditation") for j, a in enumerate(provider.accreditations))
        return dates

    def run(self) -> Iterator[Issue]:
        yield from self.calendar()
        self.indicators()
        self.provision()
        self.providers()
        self.finance()
        self.measures()
        yield from self.found.values()


def plausibility_issues(plan: Plan, reference: Reference) -> Iterator[Issue]:
    """Every plausibility issue of a structurally valid plan (history, capacity, population, calendar)."""
    yield from _Plausibility(plan, reference).run()


__all__ = ["plausibility_issues", "shown"]
