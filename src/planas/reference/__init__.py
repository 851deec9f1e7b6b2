"""Packaged reference data (catalogue, target groups, funding rules, form, criteria) with typed loaders.

The data lives in `reference/data/*.yaml`, versioned, so that an official text
(the A1-104 form, its criteria) can replace a reconstruction without code changes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

REGIME_IDS = ("legacy_1132_A1-104", "A1-368_2024")

# Plain frozen dataclasses, not pydantic models: building ~20 pydantic classes
# would add ~15 ms to every command's start-up. The data's shape is checked
# by `_build` (unknown or missing keys fail) and its content by the tests.


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class LegalAct:
    """An act a regime rests on."""

    title: str
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    point: str | None = None
    verified: bool = True


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Regime:
    """A planning regime: the acts, form and criteria that govern plans of some years."""

    id: str
    title: str
    first_year: int
    last_year: int | None
    form: str
    criteria_set: str
    approval_clause: str
    planning_clause: str
    legal_basis: tuple[LegalAct, ...]
    """The acts a plan of this regime cites by default (`planas new` writes them into a crossing draft)."""
    other_acts: tuple[LegalAct, ...] = ()
    """Acts practice cites beside the plan, offered but not cited by default."""
    author_kinds: tuple[str, ...] = ()
    """Who may author the plan (`metadata.authors[].kind`): the 2024 law lets the mayor (art. 14(3))."""
    verified: bool
    note: str


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Category:
    """A service category (art. 7-10 of the law)."""

    id: str
    name_lt: str
    group: str
    clause: str
    first_year: int | None = None
    regimes: tuple[str, ...] = REGIME_IDS
    """The regimes whose plans know this category (respite only the 2024 law's)."""
    subtypes: tuple[str, ...] = ()
    """Its kinds, where the law divides it (social care: day, short-term, long-term; art. 10(4))."""


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class RespiteForm:
    """A form in which respite is delivered and its places published (unverified practice)."""

    id: str
    name_lt: str
    service: str
    source: str
    verified: bool


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class CategoryGroup:
    """Preventive, general, special or other."""

    id: str
    name_lt: str


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Service:
    """One service type of the catalogue, described by the catalogue's criteria."""

    code: str
    spis_code: str | None = None
    name_lt: str
    name_en: str
    aliases: tuple[str, ...] = ()
    category: dict[str, str]
    first_year: int | None = None
    last_year: int | None = None
    definition: str | None = None
    composition: str | None = None
    recipients: tuple[str, ...] = ()
    duration: str | None = None
    place: str | None = None
    specialists: str | None = None
    specifics: str | None = None
    free_of_charge: bool = False
    requires_licence: bool = False
    requires_accreditation: bool = False
    source: str
    specialises: str | None = None
    """A local service: the catalogue service it is a form of (local reference data of a repository)."""

    def valid_in(self, year: int) -> bool:
        """Whether the service exists in a plan of this year."""
        if self.first_year is not None and year < self.first_year:
            return False
        return self.last_year is None or year <= self.last_year


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class TargetGroup:
    """A recipient group of the catalogue's standard list."""

    id: str
    name_lt: str
    name_en: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    clause: str | None = None


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class FundingSource:
    """A funding source of art. 41(1)."""

    id: str
    name_lt: str
    name_en: str
    public: bool


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class FundingRule:
    """Which public sources may fund some services (art. 42)."""

    id: str
    clause: str
    categories: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    except_services: tuple[str, ...] = ()
    allowed: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class InstitutionType:
    """A type of social service institution."""

    id: str
    name_lt: str
    licence_required: bool


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class IndicatorDef:
    """A situation-analysis indicator a plan may report by year."""

    id: str
    name_lt: str
    unit: str


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Section:
    """One numbered section of the plan form."""

    number: str
    id: str
    title: str
    block: str
    required: bool = True
    data: tuple[str, ...] = ()
    landscape: bool = False


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Chapter:
    """One chapter (I, II, ...) of the plan form."""

    number: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Annex:
    """An annex of the plan form."""

    number: str
    id: str
    title: str
    block: str


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class FormLayout:
    """The plan form of one regime (reconstructed unless `official`)."""

    id: str
    official: bool
    form_stamp: str | None
    chapters: tuple[Chapter, ...]
    annexes: tuple[Annex, ...]


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Operand:
    """One side of a criterion's ratio: a variable, filtered and shifted."""

    variable: str
    services: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    year_offset: int = 0
    minus_previous_year: bool = False
    plus: str | None = None
    fallback: str | None = None
    categories: tuple[str, ...] = ()
    """Services of these categories under the plan's regime (preventive services are more from 2025)."""
    respite_forms: tuple[str, ...] = ()
    """Places of respite delivered in these forms (respite_forms of categories.yaml)."""


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Criterion:
    """An efficiency criterion as a declarative formula."""

    id: str
    name_lt: str
    name_en: str
    unit: str
    numerator: Operand
    denominator: Operand | None = None
    multiplier: int
    decimals: int
    per: Literal["service", "service_group"] | None = None
    direction: Literal["higher", "lower"]
    official: bool
    source: str
    regimes: tuple[str, ...] = REGIME_IDS
    """The regimes whose plans are measured by this criterion (the 2024 law's goals: A1-368_2024 only)."""
    warn_missing: bool = True
    """Whether a value that cannot be computed is a finding (W0901); the 2025+ candidates are not:
    their inputs are required by the family-17 rules, which say what to fill."""

    @cached_property
    def with_fallback(self) -> tuple[Operand, ...]:
        """The operands that name a fallback variable (asked for every cell of the criteria table)."""
        return tuple(o for o in (self.numerator, self.denominator) if o is not None and o.fallback is not None)


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class PriceBound:
    """The highest plausible price for some spellings of one unit."""

    units: tuple[str, ...]
    max: int


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Turnover:
    """Persons one place serves in a year at most, by service."""

    default: int
    services: dict[str, int]


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Subset:
    """An indicator that is part of another."""

    part: str
    whole: str


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Plausibility:
    """Bounds of plausible figures (plausibility.yaml; planas's own judgement, not an act)."""

    version: str
    official: bool
    magnitude_ratio: int
    magnitude_floor: int
    turnover: Turnover
    waiting_ratio: int
    waiting_floor: int
    prices: tuple[PriceBound, ...]
    subsets: tuple[Subset, ...]
    age_families: dict[str, tuple[str, ...]]

    def price_limit(self, unit: str) -> int | None:
        """The highest plausible price in this unit, None for a unit not listed."""
        wanted = _unit_key(unit)
        for bound in self.prices:
            if any(_unit_key(u) == wanted for u in bound.units):
                return bound.max
        return None

    def age_family(self, group: str) -> str | None:
        """`children`, `adults` or None (a group of any age)."""
        return self._family_of.get(group)

    @cached_property
    def _family_of(self) -> dict[str, str]:
        """Each group's family (the first that lists it): asked for every group of every record."""
        families: dict[str, str] = {}
        for family, groups in self.age_families.items():
            for group in groups:
                families.setdefault(group, family)
        return families


def _unit_key(unit: str) -> str:
    return "".join(unit.split()).rstrip(".").casefold()


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Reference:
    """All reference data of one release, indexed for look-ups."""

    version: str
    regimes: tuple[Regime, ...]
    categories: dict[str, Category]
    category_groups: dict[str, CategoryGroup]
    services: dict[str, Service]
    target_groups: dict[str, TargetGroup]
    funding_sources: dict[str, FundingSource]
    funding_rules: tuple[FundingRule, ...]
    funding_rules_from: int
    institution_types: dict[str, InstitutionType]
    demography_indicators: dict[str, IndicatorDef]
    social_indicators: dict[str, IndicatorDef]
    layouts: dict[str, FormLayout]
    criteria_set: str
    criteria_official: bool
    criteria: tuple[Criterion, ...]
    plausibility: Plausibility
    respite_forms: dict[str, RespiteForm] = dataclasses.field(default_factory=dict)
    local_codes: frozenset[str] = frozenset()
    """Codes that come from a repository's local reference data (`planas.reference.local`), not the package."""

    def service_family(self, code: str) -> str | None:
        """The one age family of a catalogue service's recipients (None: any age, both, or not in the catalogue)."""
        return self._service_families.get(code)

    @cached_property
    def _service_families(self) -> dict[str, str | None]:
        families: dict[str, str | None] = {}
        for code, service in self.services.items():
            found = {self.plausibility.age_family(group) for group in service.recipients}
            families[code] = found.pop() if len(found) == 1 else None
        return families

    def service_name(self, code: str) -> str:
        """A service's Lithuanian name (the code itself when it is not in the catalogue)."""
        service = self.services.get(code)
        return service.name_lt if service is not None else code

    def group_name(self, code: str) -> str:
        """A target group's Lithuanian name (the code itself when it is unknown)."""
        group = self.target_groups.get(code)
        return group.name_lt if group is not None else code

    def regime(self, regime_id: str) -> Regime:
        """The regime of this id (KeyError for an unknown one)."""
        for regime in self.regimes:
            if regime.id == regime_id:
                return regime
        raise KeyError(regime_id)

    def service_category(self, code: str, year: int) -> Category | None:
        """The category of a service in a plan of `year`, under that year's regime.

        The category is keyed by regime, not by code alone: informavimas is general under
        the old law and preventive under the 2024 one (art. 8(2)). None for an unknown
        service or one without a category in that regime. Importers (Word import) map
        imported services through this.
        """
        service = self.services.get(code)
        if service is None:
            return None
        return self.categories.get(service.category.get(self.regime_for_year(year).id, ""))

    def category_move(self, code: str, from_year: int, to_year: int) -> tuple[str, str] | None:
        """(old category id, new category id) when the law moved the service between these years' regimes."""
        service = self.services.get(code)
        if service is None:
            return None
        old = service.category.get(self.regime_for_year(from_year).id)
        new = service.category.get(self.regime_for_year(to_year).id)
        if old is None or new is None or old == new:
            return None
        return old, new

    def moved_services(self, from_year: int, to_year: int) -> dict[str, tuple[str, str]]:
        """Every service whose category differs between the two years' regimes: code -> (old, new)."""
        moves = {code: self.category_move(code, from_year, to_year) for code in self.services}
        return {code: move for code, move in moves.items() if move is not None}

    def service_by_name(self, name: str) -> Service | None:
        """The service a name or an older name (alias) denotes, any case ("integrali pagalba")."""
        wanted = " ".join(name.split()).casefold()
        for service in self.services.values():
            names = (service.code, service.name_lt, service.name_en, *service.aliases)
            if any(wanted == " ".join(n.split()).casefold() for n in names):
                return service
        return None

    def regime_for_year(self, year: int) -> Regime:
        """The regime whose years include `year` (the nearest one outside their range)."""
        for regime in self.regimes:
            if regime.first_year <= year and (regime.last_year is None or year <= regime.last_year):
                return regime
        return self.regimes[0] if year < self.regimes[0].first_year else self.regimes[-1]


T = TypeVar("T")


def _convert(annotation: Any, value: Any, where: str) -> Any:
    """Build a value of `annotation` from YAML data (dataclasses, tuples, dicts, optionals)."""
    origin = typing.get_origin(annotation)
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _build(annotation, value, where)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _convert(options[0], value, where)
    if origin in (tuple, dict):
        return _container(annotation, origin, value, where)
    return _leaf(annotation, origin, value, where)


def _container(annotation: Any, origin: Any, value: Any, where: str) -> Any:
    """A tuple (from a YAML list) or a dict (from a mapping) of converted items."""
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        if not isinstance(value, list):
            raise TypeError(f"{where}: expected a list")
        return tuple(_convert(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    key_type, item = typing.get_args(annotation)
    if not isinstance(value, dict):
        raise TypeError(f"{where}: expected a mapping")
    return {key_type(k): _convert(item, v, f"{where}.{k}") for k, v in value.items()}


def _leaf(annotation: Any, origin: Any, value: Any, where: str) -> Any:
    """A literal, date, text, number or flag, checked for its type."""
    if origin is Literal:
        if value not in typing.get_args(annotation):
            raise ValueError(f"{where}: {value!r} not in {typing.get_args(annotation)}")
        return value
    if annotation is date:
        if not isinstance(value, date):
            raise TypeError(f"{where}: expected a date")
        return value
    if annotation in (str, int, bool):
        if not isinstance(value, annotation) or (annotation is int and isinstance(value, bool)):
            raise TypeError(f"{where}: expected {annotation.__name__}, got {value!r}")
        return value
    raise TypeError(f"{where}: unsupported type {annotation!r}")  # pragma: no cover


@cache
def _hints(cls: Any) -> tuple[dict[str, Any], frozenset[str]]:
    names = frozenset(f.name for f in dataclasses.fields(cls))
    return typing.get_type_hints(cls), names


def _build(cls: type[T], data: Any, where: str) -> T:
    """A frozen dataclass instance from a mapping; unknown or missing keys fail."""
    if not isinstance(data, dict):
        raise TypeError(f"{where}: expected a mapping")
    hints, names = _hints(typing.cast(Any, cls))
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    values = {key: _convert(hints[key], value, f"{where}.{key}") for key, value in data.items()}
    return cls(**values)


def _read(name: str) -> dict[str, Any]:
    from importlib.resources import files

    import yaml  # only when the data is built (the cache holds it between runs)

    text = (files("planas.reference") / "data" / name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)  # trusted, packaged data
    assert isinstance(data, dict), name
    return data


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data[key]
    assert isinstance(value, list)
    return value


@cache
def load_reference() -> Reference:
    """All packaged reference data, checked (cached for the process, and on disk by its stamp)."""
    from planas.reference.cache import cached

    return cached(Reference, Path(__file__).resolve().parent / "data", build_reference)


def build_reference() -> Reference:
    """Load and check all packaged reference data from its YAML files."""
    regimes = _read("regimes.yaml")
    categories = _read("categories.yaml")
    catalogue = _read("catalogue.yaml")
    groups = _read("target_groups.yaml")
    funding = _read("funding_sources.yaml")
    institutions = _read("institution_types.yaml")
    indicators = _read("indicators.yaml")
    layouts = _read("form_layouts.yaml")
    criteria = _read("criteria.yaml")
    plausibility = _read("plausibility.yaml")
    plausibility["version"] = str(plausibility["version"])
    return _build(
        Reference,
        {
            "version": str(catalogue["version"]),
            "regimes": _items(regimes, "regimes"),
            "categories": {str(c["id"]): c for c in _items(categories, "categories")},
            "category_groups": {str(g["id"]): g for g in _items(categories, "groups")},
            "services": {str(s["code"]): s for s in _items(catalogue, "services")},
            "target_groups": {str(g["id"]): g for g in _items(groups, "groups")},
            "funding_sources": {str(s["id"]): s for s in _items(funding, "sources")},
            "funding_rules": _items(funding, "rules"),
            "funding_rules_from": funding["rules_apply_from"],
            "institution_types": {str(t["id"]): t for t in _items(institutions, "types")},
            "demography_indicators": {str(i["id"]): i for i in _items(indicators, "demography")},
            "social_indicators": {str(i["id"]): i for i in _items(indicators, "social")},
            "layouts": {str(lay["id"]): lay for lay in _items(layouts, "layouts")},
            "criteria_set": str(criteria["set"]),
            "criteria_official": bool(criteria["official"]),
            "criteria": _items(criteria, "criteria"),
            "plausibility": plausibility,
            "respite_forms": {str(f["id"]): f for f in _items(categories, "respite_forms")},
        },
        "reference",
    )


# --- municipalities (municipalities.yaml) ----------------------------------------------


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class MunicipalityDef:
    """One of the 60 municipalities: official name, its genitive for titles, ISO code, informal forms."""

    name: str
    genitive: str
    iso_code: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Municipalities:
    """The municipalities list, with look-ups by official name and by alias."""

    version: str
    verified: bool
    source: str
    municipalities: tuple[MunicipalityDef, ...]

    def official(self, name: str) -> MunicipalityDef | None:
        """The municipality whose official name this is (exactly, spaces normalised)."""
        wanted = " ".join(name.split())
        return next((m for m in self.municipalities if m.name == wanted), None)

    def by_alias(self, name: str) -> MunicipalityDef | None:
        """The municipality an informal form names ("Pasvalio r. sav.", "Pasvalio rajonas"), any case."""
        wanted = " ".join(name.split()).casefold()
        for municipality in self.municipalities:
            if wanted == municipality.name.casefold() or wanted in (a.casefold() for a in municipality.aliases):
                return municipality
        return None


@cache
def load_municipalities() -> Municipalities:
    """The packaged list of Lithuanian municipalities (cached for the process, and on disk by its stamp)."""
    from planas.reference.cache import cached

    return cached(Municipalities, Path(__file__).resolve().parent / "data", build_municipalities,
                  "municipalities")


def build_municipalities() -> Municipalities:
    """Load and check the municipalities list from its YAML file."""
    data = _read("municipalities.yaml")
    return _build(
        Municipalities,
        {"version": str(data["version"]), "verified": data["verified"], "source": data["source"],
         "municipalities": _items(data, "municipalities")},
        "municipalities",
    )
