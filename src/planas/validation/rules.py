"""Semantic rules over a structurally valid plan: references, years, totals, funding, completeness.

Each check reports an `Issue` (code, document location, parameters); the
driver locates it in the file and gives it the severity for the plan's status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cached_property

from pydantic import BaseModel

from planas.criteria import CriteriaTable, evaluate_criteria
from planas.findings import format_path
from planas.model import Measure, Plan
from planas.model.deadline import deadline_year
from planas.reference import Reference, load_municipalities
from planas.validation.acknowledge import acknowledge
from planas.validation.consistency import consistency_issues
from planas.validation.criteria_check import criteria_issues
from planas.validation.form import form_ids, section_issues
from planas.validation.issue import Issue, Loc, suggest_code
from planas.validation.plausibility import plausibility_issues
from planas.validation.regime2025 import regime_issues


def _suggest(value: str, known: Iterable[str], aliases: dict[str, str] | None = None) -> dict[str, object]:
    """A 'did you mean' parameter for a near miss (codes, ids, or an old name)."""
    if aliases:
        normal = value.replace("_", " ").lower()
        for alias, code in aliases.items():
            if alias.lower() == normal:
                return {"did_you_mean": code}
    import difflib  # only for a near miss: a clean plan's run need not import it

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return {"did_you_mean": close[0]} if close else {}


def _known_list(values: Sequence[str]) -> str:
    shown = ", ".join(values[:8])
    return shown + (", …" if len(values) > 8 else "") if values else "—"


def _municipality_name(name: str) -> Iterator[Issue]:
    """W0312 for an informal form of a real municipality's name, W0313 for a near miss of one.

    A name far from every real one (an example's "Pavyzdžio rajono savivaldybė")
    is left alone: it is printed as typed, and guessing would only mislead.
    """
    municipalities = load_municipalities()
    if municipalities.official(name) is not None:
        return
    loc = ("metadata", "municipality", "name")
    alias = municipalities.by_alias(name)
    if alias is not None:
        yield Issue("W0312", loc, params={"name": name, "did_you_mean": alias.name})
        return
    import difflib  # only for a name that is not official

    official = [m.name for m in municipalities.municipalities]
    close = difflib.get_close_matches(name, official, n=1, cutoff=0.85)
    first_word = name.split(" ", 1)[0]
    if close and difflib.SequenceMatcher(None, first_word, close[0].split(" ", 1)[0]).ratio() >= 0.8:
        yield Issue("W0313", loc, params={"name": name, "did_you_mean": close[0]})


class _Checker:
    def __init__(self, plan: Plan, ref: Reference, criteria: CriteriaTable) -> None:
        self.plan = plan
        self.ref = ref
        self.criteria_table = criteria
        self.year = plan.metadata.year
        self.regime = ref.regime_for_year(self.year)

    # The names a mistyped code is matched against: made only when a code is unknown.
    @cached_property
    def service_names(self) -> dict[str, tuple[str, ...]]:
        return {code: (s.name_lt, s.name_en, *s.aliases) for code, s in self.ref.services.items()}

    @cached_property
    def group_names(self) -> dict[str, tuple[str, ...]]:
        return {gid: (g.name_lt, g.name_en, *g.aliases) for gid, g in self.ref.target_groups.items()}

    @cached_property
    def valid_services(self) -> frozenset[str]:
        """The catalogue's services valid in the plan year: `service` has nothing to say of these.

        The checks ask this before they make a location and call `service` (hundreds of times a plan).
        """
        return frozenset(code for code, s in self.ref.services.items() if s.valid_in(self.year))

    # --- helpers -------------------------------------------------------------------------
    def service(self, code: str, loc: Loc) -> Iterator[Issue]:
        service = self.ref.services.get(code)
        if service is None:
            yield Issue("E0303", loc, params={"ref": code, "year": self.year,
                                              **suggest_code(code, self.service_names)})
        elif not service.valid_in(self.year):
            yield Issue("E0304", loc, params={"ref": code, "year": self.year, "first_year": service.first_year})

    def groups(self, codes: Iterable[str], loc: Loc) -> Iterator[Issue]:
        for index, code in enumerate(codes):
            if code not in self.ref.target_groups:
                yield Issue("E0305", (*loc, index), params={"ref": code, **suggest_code(code, self.group_names)})

    def unique(self, items: Iterable[tuple[object, Loc]], code: str = "E0306") -> Iterator[Issue]:
        seen: dict[object, Loc] = {}
        for ident, loc in items:
            if ident in seen:
                yield Issue(code, loc, params={"ref": ident, "first": format_path(seen[ident])})
            else:
                seen[ident] = loc

    def year_after(self, year: int, loc: Loc, *, key: bool = False) -> Iterator[Issue]:
        if year > self.year:
            yield Issue("E0501", loc, key=key, params={"year": year, "plan_year": self.year})

    # --- checks --------------------------------------------------------------------------
    def metadata(self) -> Iterator[Issue]:
        meta = self.plan.metadata
        if meta.regime is not None and meta.regime != self.regime.id:
            yield Issue("E0502", ("metadata", "regime"),
                        params={"regime": meta.regime, "year": self.year, "expected": self.regime.id})
        yield from _municipality_name(meta.municipality.name)
        yield from self.headings()
        approval = meta.approval
        if meta.status == "patvirtintas":
            if approval is None:
                yield Issue("C0801", ("metadata", "status"), params={"what": "(metadata.approval)"})
            else:
                if not approval.decision_number:
                    yield Issue("C0801", ("metadata", "approval"), params={"what": "numerio (decision_number)"})
                if approval.decision_date is None:
                    yield Issue("C0801", ("metadata", "approval"), params={"what": "datos (decision_date)"})
        if approval is not None and approval.decision_date is not None and approval.decision_date.year != self.year:
            yield Issue("W0503", ("metadata", "approval", "decision_date"),
                        params={"date": approval.decision_date.isoformat(), "year": self.year})

    def headings(self) -> Iterator[Issue]:
        """E0314: every document.headings key names a part of the regime's form."""
        layout = self.ref.layouts[self.regime.form]
        known = [*(c.number for c in layout.chapters), *form_ids(layout), *(s.id for s in self.plan.sections)]
        for key in self.plan.document.headings:
            if key not in known:
                yield Issue("E0314", ("document", "headings", key), key=True,
                            params={"ref": key, "known": _known_list(known), **_suggest(key, known)})

    def introduction(self) -> Iterator[Issue]:
        intro = self.plan.introduction
        yield from self.unique((g.id, ("introduction", "goals", i, "id")) for i, g in enumerate(intro.goals))
        yield from self.unique((p.id, ("introduction", "priorities", i, "id")) for i, p in enumerate(intro.priorities))
        for i, goal in enumerate(intro.goals):
            yield from self.groups(goal.target_groups, ("introduction", "goals", i, "target_groups"))
        for i, priority in enumerate(intro.priorities):
            yield from self.groups(priority.target_groups, ("introduction", "priorities", i, "target_groups"))

    def indicators(self) -> Iterator[Issue]:
        analysis = self.plan.analysis
        for section, known in (("demography", self.ref.demography_indicators),
                               ("social_indicators", self.ref.social_indicators)):
            items = getattr(analysis, section)
            yield from self.unique((ind.id, ("analysis", section, i, "id")) for i, ind in enumerate(items))
            for i, ind in enumerate(items):
                if ind.id not in known and not ind.title:
                    yield Issue("E0309", ("analysis", section, i, "id"), params={
                        "ref": ind.id, **suggest_code(ind.id, {k: (d.name_lt,) for k, d in known.items()})})
                elif ind.id not in known and not ind.unit:
                    yield Issue("E0323", ("analysis", section, i, "title"), params={"ref": ind.id})
                for year in ind.values:
                    if year > self.year:  # checked here: the usual year makes no location and no generator
                        yield from self.year_after(year, ("analysis", section, i, "values", year), key=True)
        budgets = analysis.municipal_budget
        yield from self.unique(
            ((f"{b.year} {b.kind}", ("analysis", "municipal_budget", i)) for i, b in enumerate(budgets)),
            code="E0311",
        )
        for i, budget in enumerate(budgets):
            yield from self.year_after(budget.year, ("analysis", "municipal_budget", i, "year"))
            if budget.social_programme is not None and budget.social_programme > budget.total:
                yield Issue("E0402", ("analysis", "municipal_budget", i, "social_programme"),
                            params={"part": budget.social_programme, "total": budget.total})

    def providers(self) -> Iterator[Issue]:
        providers = self.plan.analysis.providers
        yield from self.unique((p.id, ("analysis", "providers", i, "id")) for i, p in enumerate(providers))
        for i, provider in enumerate(providers):
            base = ("analysis", "providers", i)
            if provider.institution_type not in self.ref.institution_types:
                yield Issue("E0307", (*base, "institution_type"), params={
                    "ref": provider.institution_type,
                    **suggest_code(provider.institution_type,
                                   {k: (t.name_lt,) for k, t in self.ref.institution_types.items()})})
            for j, accreditation in enumerate(provider.accreditations):
                if accreditation.service not in self.valid_services:
                    yield from self.service(accreditation.service, (*base, "accreditations", j, "service"))
            for j, offered in enumerate(provider.services):
                if offered.service not in self.valid_services:
                    yield from self.service(offered.service, (*base, "services", j, "service"))
                yield from self.groups(offered.target_groups, (*base, "services", j, "target_groups"))

    def provision(self) -> Iterator[Issue]:
        analysis = self.plan.analysis
        provider_ids = [p.id for p in analysis.providers]
        records = analysis.provision
        yield from self.unique(
            (
                (f"{r.service} / {r.target_group} / {r.provider or '-'}", ("analysis", "provision", i))
                for i, r in enumerate(records)
            ),
            code="E0311",
        )
        for i, record in enumerate(records):
            base = ("analysis", "provision", i)
            if record.service not in self.valid_services:
                yield from self.service(record.service, (*base, "service"))
            if record.target_group not in self.ref.target_groups:
                yield Issue("E0305", (*base, "target_group"), params={
                    "ref": record.target_group, **suggest_code(record.target_group, self.group_names)})
            if record.provider is not None and record.provider not in provider_ids:
                yield Issue("E0302", (*base, "provider"),
                            params={"ref": record.provider, "known": _known_list(provider_ids),
                                    **_suggest(record.provider, provider_ids)})
            for year in record.years:
                if year > self.year:
                    yield from self.year_after(year, (*base, "years", year), key=True)

    def finance(self) -> Iterator[Issue]:
        analysis = self.plan.analysis
        provider_ids = [p.id for p in analysis.providers]
        records = analysis.finance
        yield from self.unique(
            ((f"{r.service} / {r.provider or '-'}" + (f" / {r.target_group}" if r.target_group else ""),
              ("analysis", "finance", i)) for i, r in enumerate(records)),
            code="E0311",
        )
        for i, record in enumerate(records):
            base = ("analysis", "finance", i)
            if record.service not in self.valid_services:
                yield from self.service(record.service, (*base, "service"))
            if record.target_group is not None:
                yield from self.groups([record.target_group], base)
            if record.provider is not None and record.provider not in provider_ids:
                yield Issue("E0302", (*base, "provider"),
                            params={"ref": record.provider, "known": _known_list(provider_ids),
                                    **_suggest(record.provider, provider_ids)})
            yield from self.unique(
                ((f"{e.year} {e.kind}", (*base, "entries", j)) for j, e in enumerate(record.entries)),
                code="E0311",
            )
            for j, entry in enumerate(record.entries):
                loc = (*base, "entries", j)
                if entry.year > self.year:
                    yield from self.year_after(entry.year, (*loc, "year"))
                if entry.total is not None:
                    yield from self.total(entry.total, entry.sources, (*loc, "total"))
                if self.year >= self.ref.funding_rules_from:
                    yield from self.funding(record.service, entry.sources, (*loc, "sources"))

    def total(self, stated: Decimal | None, sources: dict[str, Decimal], loc: Loc) -> Iterator[Issue]:
        if stated is None:
            return
        computed = sum(sources.values(), Decimal(0))
        if computed != stated:
            yield Issue("E0401", loc, params={"stated": stated, "computed": computed,
                                              "difference": abs(stated - computed)})

    def funding(self, code: str, sources: dict[str, Decimal], loc: Loc) -> Iterator[Issue]:
        """W0601, W0602: the 2024 law's funding rules, for plans of the years it governs (2025 and later)."""
        service = self.ref.services.get(code)
        if service is None or self.year < self.ref.funding_rules_from:
            return
        category = service.category.get(self.regime.id, "")
        for source in sources:
            if not self.ref.funding_sources[source].public:
                continue
            for rule in self.ref.funding_rules:
                applies = (category in rule.categories and code not in rule.except_services) or code in rule.services
                if applies and source not in rule.allowed:
                    yield Issue("W0601", (*loc, source), key=True,
                                params={"source": source, "service": code, "category": category,
                                        "allowed": ", ".join(rule.allowed), "rule": rule.clause})
                    break
        if service.free_of_charge and sources.get("GM", Decimal(0)) > 0:
            yield Issue("W0602", (*loc, "GM"), key=True, params={"service": code})

    def measures(self) -> Iterator[Issue]:
        intro = self.plan.introduction
        goal_ids = [g.id for g in intro.goals]
        priority_ids = [p.id for p in intro.priorities]
        measures = self.plan.action_plan.measures
        yield from self.unique((m.id, ("action_plan", "measures", i, "id")) for i, m in enumerate(measures))
        yield from self.unique(
            (ind.id, ("action_plan", "measures", i, "indicators", j, "id"))
            for i, m in enumerate(measures) for j, ind in enumerate(m.indicators)
        )
        for i, measure in enumerate(measures):
            base = ("action_plan", "measures", i)
            yield from self.measure_links(measure, base, goal_ids, priority_ids)
            for j, code in enumerate(measure.services):
                if code not in self.valid_services:
                    yield from self.service(code, (*base, "services", j))
            yield from self.groups(measure.target_groups, (*base, "target_groups"))
            yield from self.total(measure.total, measure.funding, (*base, "total"))
            if measure.deadline is not None and deadline_year(measure.deadline) > self.year:
                yield Issue("W0322", (*base, "deadline"), params={
                    "ref": measure.id, "deadline": str(measure.deadline), "plan_year": self.year})
            for j, indicator in enumerate(measure.indicators):
                loc = (*base, "indicators", j)
                if not indicator.unit:
                    yield Issue("E0701", loc, params={"ref": indicator.id})
                if indicator.target is None:
                    yield Issue("E0702", loc, params={"ref": indicator.id})

    def measure_links(self, measure: Measure, base: Loc, goal_ids: list[str],
                      priority_ids: list[str]) -> Iterator[Issue]:
        """E0320: a measure serves a goal or a priority; E0301, E0308: the ones it names exist."""
        if measure.goal is None and measure.priority is None:
            yield Issue("E0320", (*base, "id"), params={"ref": measure.id})
        if measure.goal is not None and measure.goal not in goal_ids:
            yield Issue("E0301", (*base, "goal"),
                        params={"ref": measure.goal, "known": _known_list(goal_ids), **_suggest(measure.goal, goal_ids)})
        if measure.priority is not None and measure.priority not in priority_ids:
            yield Issue("E0308", (*base, "priority"),
                        params={"ref": measure.priority, "known": _known_list(priority_ids),
                                **_suggest(measure.priority, priority_ids)})

    def sections(self) -> Iterator[Issue]:
        """The plan's own sections: placement, ids, tables, typed blocks (family 15, with E0302/E0305)."""
        yield from section_issues(self.plan, self.ref.layouts[self.regime.form], self.groups)

    def completeness(self) -> Iterator[Issue]:
        yield from self.facts_and_plans()
        yield from self.provisional()
        yield from self.form_sections()

    def facts_and_plans(self) -> Iterator[Issue]:
        analysis = self.plan.analysis
        previous = self.year - 1
        if analysis.provision and not any(
            previous in r.years and r.years[previous].recipients is not None for r in analysis.provision
        ):
            yield Issue("C0802", ("analysis", "provision"), params={"year": previous, "what": "gavėjai (recipients)"})
        if analysis.finance and not any(
            e.year == previous and e.kind == "faktas" for r in analysis.finance for e in r.entries
        ):
            yield Issue("C0802", ("analysis", "finance"), params={"year": previous, "what": "lėšos (kind: faktas)"})
        if analysis.provision and not any(
            self.year in r.years and r.years[self.year].planned is not None for r in analysis.provision
        ):
            yield Issue("W0504", ("analysis", "provision"), params={"year": self.year, "what": "gavėjai (planned)"})
        if analysis.finance and not any(
            e.year == self.year and e.kind == "planas" for r in analysis.finance for e in r.entries
        ):
            yield Issue("W0504", ("analysis", "finance"), params={"year": self.year, "what": "lėšos (kind: planas)"})

    def provisional(self) -> Iterator[Issue]:
        analysis = self.plan.analysis
        for i, record in enumerate(analysis.provision):
            for year, values in record.years.items():
                if values.provisional:
                    yield Issue("C0804", ("analysis", "provision", i, "years", year),
                                params={"year": year, "what": "gavėjai"}, key=True)
        for i, funds in enumerate(analysis.finance):
            for j, entry in enumerate(funds.entries):
                if entry.provisional:
                    yield Issue("C0804", ("analysis", "finance", i, "entries", j),
                                params={"year": entry.year, "what": "lėšos"})

    def form_sections(self) -> Iterator[Issue]:
        layout = self.ref.layouts[self.regime.form]
        for chapter in layout.chapters:
            for section in chapter.sections:
                if not section.required or not section.data:
                    continue
                if not any(model_filled(self.plan, path) for path in section.data):
                    first = tuple(section.data[0].split("."))
                    yield Issue("C0803", first, params={"section": f"{section.number}. {section.title}",
                                                        "paths": ", ".join(section.data)})

    def criteria(self) -> Iterator[Issue]:
        for i, override in enumerate(self.plan.criteria.overrides):
            yield from self.year_after(override.year, ("criteria", "overrides", i, "year"))
        yield from criteria_issues(self.plan, self.ref, self.criteria_table, _suggest, _known_list)

    def run(self) -> Iterator[Issue]:
        yield from self.metadata()
        yield from self.introduction()
        yield from self.indicators()
        yield from self.providers()
        yield from self.provision()
        yield from self.finance()
        yield from self.measures()
        yield from self.sections()
        yield from regime_issues(self.plan, self.ref, self.service, self.groups)
        yield from plausibility_issues(self.plan, self.ref)
        yield from consistency_issues(self.plan, self.ref)
        yield from self.completeness()
        yield from self.criteria()


_FORM_PARTS = frozenset({"metadata", "introduction", "analysis", "action_plan", "monitoring"})


def model_filled(plan: Plan, path: str) -> bool:
    """Whether the dotted `path` of the plan's form sections holds a non-empty value.

    What `filled` says of the plan's dump, read from the model itself (no dump of the whole plan).
    """
    if path.split(".", 1)[0] not in _FORM_PARTS:
        return False
    current: object = plan
    for part in path.split("."):
        if isinstance(current, BaseModel):
            if part not in type(current).model_fields:
                return False
            current = getattr(current, part)
        elif isinstance(current, dict) and part in current:
            current = current[part]
        else:
            return False
    if isinstance(current, BaseModel):
        return bool(type(current).model_fields)  # dumped, a model is a mapping of its fields
    return current not in (None, "", [], {})


def filled(data: object, path: str) -> bool:
    """Whether the dotted `path` holds a non-empty value."""
    current = data
    for part in path.split("."):
        if not isinstance(current, dict) or part not in current:
            return False
        current = current[part]
    return current not in (None, "", [], {})


def semantic_issues(plan: Plan, reference: Reference, criteria: CriteriaTable | None = None) -> list[Issue]:
    """Every semantic issue of a structurally valid plan (`criteria`: its evaluated table, if at hand)."""
    table = criteria if criteria is not None else evaluate_criteria(plan, reference)
    issues = list(_Checker(plan, reference, table).run())
    if any(issue.code == "E0303" for issue in issues):
        # A service code typed wrong skews every sum over services: that one error says what to fix.
        issues = [issue for issue in issues if issue.code != "W0901"]
    return acknowledge(issues, plan)
