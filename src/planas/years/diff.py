"""A semantic diff of two plans: items matched by identity (ids, catalogue codes), never by position.

Reordering a list changes nothing; removing one item is exactly one removal.
The result is data (`PlanDiff`); `diff_report` turns it into text, Markdown or JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from planas.criteria import CriteriaTable, evaluate_criteria
from planas.i18n import sorted_lt
from planas.model import Plan
from planas.model.needs import BLOCKS_2025
from planas.reference import Reference

ChangeKind = Literal["added", "removed", "changed"]

# Sections in report order: (id, Lithuanian title, English title).
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("metadata", "Plano duomenys ir patvirtinimas", "Metadata and approval"),
    ("goals", "Tikslai", "Goals"),
    ("priorities", "Prioritetinės kryptys", "Priority directions"),
    ("introduction", "Įvadas", "Introduction"),
    ("services", "Teikiamos paslaugos", "Services provided"),
    ("analysis", "Demografija ir socialiniai rodikliai", "Demography and social indicators"),
    ("providers", "Teikėjai ir vietos", "Providers and places"),
    ("provision", "Gavėjai ir laukiantieji", "Recipients and waiting lists"),
    ("finance", "Finansavimas pagal šaltinius", "Finance by source"),
    ("measures", "Priemonės ir rodikliai", "Measures and indicators"),
    ("sections", "Plano papildomi skirsniai", "The plan's own sections"),
    ("monitoring", "Įgyvendinimas ir stebėsena", "Implementation and monitoring"),
    ("criteria", "Efektyvumo kriterijai", "Efficiency criteria"),
)
_SECTION_ORDER = {section: index for index, (section, _, _) in enumerate(SECTIONS)}


def _key(*fields: str) -> Callable[[dict[str, Any]], str]:
    def identity(item: dict[str, Any]) -> str:
        return "/".join("-" if item.get(f) is None else str(item.get(f)) for f in fields)

    return identity


# How items of each list are recognised across years (the field path, without identities).
IDENTITY: dict[tuple[str, ...], Callable[[dict[str, Any]], str]] = {
    ("metadata", "legal_basis"): _key("number", "title"),
    ("metadata", "authors"): _key("name"),
    ("introduction", "alignment"): _key("document", "code"),
    ("introduction", "data_sources"): _key("name"),
    ("introduction", "goals"): _key("id"),
    ("introduction", "priorities"): _key("id"),
    ("analysis", "demography"): _key("id"),
    ("analysis", "social_indicators"): _key("id"),
    ("analysis", "municipal_budget"): _key("year", "kind"),
    ("analysis", "providers"): _key("id"),
    ("analysis", "providers", "services"): _key("service"),
    ("analysis", "providers", "accreditations"): _key("service", "area"),
    ("analysis", "need_factors", "items"): _key("factor"),
    ("analysis", "unmet_need", "items"): _key("service", "target_group"),
    ("analysis", "funding_need", "items"): _key("service"),
    ("analysis", "development_norms", "items"): _key("id"),
    ("analysis", "provision"): _key("service", "target_group", "provider"),
    ("analysis", "finance"): lambda item: _key("service", "provider")(item) + (
        f"/{item['target_group']}" if item.get("target_group") else ""),
    ("analysis", "finance", "entries"): _key("year", "kind"),
    ("action_plan", "measures"): _key("id"),
    ("action_plan", "measures", "indicators"): _key("id"),
    ("criteria", "overrides"): _key("criterion", "year"),
    ("acknowledged",): _key("code", "path"),
    ("sections",): _key("id"),
    ("sections", "tables"): _key("id"),
    ("sections", "tables", "columns"): _key("id"),
    ("sections", "needs_factors"): _key("factor"),
    ("sections", "staff_education"): _key("provider"),
    ("sections", "review", "items"): _key("measure", "title"),
}


@dataclass(frozen=True)
class Change:
    """One difference: where, what kind, the old and the new value."""

    section: str
    kind: ChangeKind
    path: tuple[str, ...]
    old: Any = None
    new: Any = None
    unit: str | None = None

    @property
    def path_text(self) -> str:
        """`introduction.goals[T2].text`: identities in brackets."""
        text = ""
        for part in self.path:
            if part.startswith("["):
                text += part
            else:
                text += f".{part}" if text else part
        return text


@dataclass(frozen=True)
class PlanDiff:
    """All differences between two plans, in report order."""

    old_label: str
    new_label: str
    old_plan: Plan
    new_plan: Plan
    changes: tuple[Change, ...]

    @property
    def is_empty(self) -> bool:
        """No differences at all."""
        return not self.changes

    @property
    def municipalities_differ(self) -> bool:
        """Whether the two plans are of different municipalities (then the diff is no year's changes)."""
        def name(plan: Plan) -> str:
            return " ".join(plan.metadata.municipality.name.split()).casefold()

        return name(self.old_plan) != name(self.new_plan)

    def by_section(self) -> Iterator[tuple[str, tuple[Change, ...]]]:
        """Non-empty sections in report order."""
        for section, _, _ in SECTIONS:
            changes = tuple(c for c in self.changes if c.section == section)
            if changes:
                yield section, changes


def _section(path: tuple[str, ...]) -> str:
    head = path[0]
    second = path[1] if len(path) > 1 else ""
    if head == "introduction":
        return {"goals": "goals", "priorities": "priorities"}.get(second, "introduction")
    if head == "analysis":
        return {
            "providers": "providers",
            "provision": "provision",
            "finance": "finance",
            "municipal_budget": "finance",
        }.get(second, "analysis")
    if head == "action_plan":
        return "measures"
    if head == "sections":
        return "sections"
    if head in ("metadata", "monitoring", "criteria"):
        return head
    return "metadata"


def _is_scalar_list(items: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in items)


def _walk(old: Any, new: Any, path: tuple[str, ...], shape: tuple[str, ...]) -> Iterator[Change]:
    """Every change below `path`: mappings by key, identity lists by id, scalar lists as sets."""
    if old == new:  # an unchanged part (most of a plan from one year to the next): nothing below it differs
        return
    if isinstance(old, dict) and isinstance(new, dict):
        yield from _walk_mapping(old, new, path, shape)
        return
    if path in BLOCKS_2025 and (old is None) != (new is None):  # a 2025+ block written or dropped whole
        yield Change(_section(path), "added" if old is None else "removed", path, old, new)
        return
    if isinstance(old, list) and isinstance(new, list):
        identity = IDENTITY.get(shape)
        if identity is not None:
            yield from _walk_identified(old, new, path, shape, identity)
            return
        if _is_scalar_list(old) and _is_scalar_list(new):
            yield from _walk_scalars(old, new, path)
            return
    if old != new:
        yield Change(_section(path), "changed", path, old, new)


def _walk_mapping(old: dict[Any, Any], new: dict[Any, Any], path: tuple[str, ...],
                  shape: tuple[str, ...]) -> Iterator[Change]:
    for key in sorted({*old, *new}, key=lambda k: (isinstance(k, str), str(k).zfill(12))):
        step = str(key)
        child_shape = shape if isinstance(key, int) else (*shape, step)
        if key not in new:
            yield Change(_section((*path, step)), "removed", (*path, step), old[key], None)
        elif key not in old:
            yield Change(_section((*path, step)), "added", (*path, step), None, new[key])
        else:
            yield from _walk(old[key], new[key], (*path, step), child_shape)


def _walk_identified(old: list[Any], new: list[Any], path: tuple[str, ...], shape: tuple[str, ...],
                     identity: Callable[[Any], str]) -> Iterator[Change]:
    old_items = {identity(item): item for item in old}
    new_items = {identity(item): item for item in new}
    for ident in sorted({*old_items, *new_items}):
        step = f"[{ident}]"
        if ident not in new_items:
            yield Change(_section(path), "removed", (*path, step), old_items[ident], None)
        elif ident not in old_items:
            yield Change(_section(path), "added", (*path, step), None, new_items[ident])
        else:
            yield from _walk(old_items[ident], new_items[ident], (*path, step), shape)


def _walk_scalars(old: list[Any], new: list[Any], path: tuple[str, ...]) -> Iterator[Change]:
    for item in sorted_lt({str(i) for i in old} - {str(i) for i in new}):
        yield Change(_section(path), "removed", (*path, f"[{item}]"), item, None)
    for item in sorted_lt({str(i) for i in new} - {str(i) for i in old}):
        yield Change(_section(path), "added", (*path, f"[{item}]"), None, item)


def _services(plan: Plan) -> set[str]:
    analysis = plan.analysis
    return {s.service for p in analysis.providers for s in p.services} | {r.service for r in analysis.provision}


def _category_moves(old: Plan, new: Plan, services: set[str], reference: Reference) -> Iterator[Change]:
    """A service of both plans that the law moved to another category (2024 -> 2025): one move, not a removal."""
    for code in sorted(services):
        move = reference.category_move(code, old.metadata.year, new.metadata.year)
        if move is not None:
            before, after = reference.categories[move[0]], reference.categories[move[1]]  # law moved it
            yield Change("services", "changed", ("services", f"[{code}]", "category"), before.id, after.id)


def _criteria_values(table: CriteriaTable) -> dict[tuple[str, str], tuple[Decimal | None, str]]:
    values: dict[tuple[str, str], tuple[Decimal | None, str]] = {}
    for row in table.rows:
        name = row.criterion.id if row.service is None else f"{row.criterion.id}:{row.service}"
        if row.target_group is not None:
            name += f"/{row.target_group}"
        for cell in row.values:
            values[(name, str(cell.year))] = (cell.value, row.criterion.unit)
    return values


def _criteria_changes(old: Plan, new: Plan, tables: tuple[CriteriaTable, CriteriaTable]) -> Iterable[Change]:
    """Revised values in the years both tables show, and each criterion's plan-year value then and now.

    Years that only fall out of (or into) the three-year window are not changes
    anybody made, so they are not reported.
    """
    before, after = _criteria_values(tables[0]), _criteria_values(tables[1])
    old_year, new_year = str(old.metadata.year), str(new.metadata.year)
    for key in sorted(set(before) & set(after)):
        (old_value, unit), (new_value, _) = before[key], after[key]
        if old_value != new_value:
            yield Change("criteria", "changed", ("criteria", f"[{key[0]}]", key[1]), old_value, new_value, unit)
    if old_year == new_year:
        return
    names = sorted({name for name, _ in before} | {name for name, _ in after})
    for name in names:
        old_value, unit = before.get((name, old_year), (None, ""))
        new_value, new_unit = after.get((name, new_year), (None, unit))
        if old_value != new_value:
            path = ("criteria", f"[{name}]", f"{old_year} → {new_year}")
            yield Change("criteria", "changed", path, old_value, new_value, unit or new_unit)


def diff_plans(
    old: Plan, new: Plan, reference: Reference, *, old_label: str = "", new_label: str = "",
    criteria: tuple[CriteriaTable | None, CriteriaTable | None] = (None, None),
) -> PlanDiff:
    """Every difference between two plans, matched by identity (`criteria`: tables validation evaluated)."""
    old_data = old.model_dump(mode="python", exclude={"schema_version"})
    new_data = new.model_dump(mode="python", exclude={"schema_version"})
    changes = list(_walk(old_data, new_data, (), ()))
    old_services, new_services = _services(old), _services(new)
    changes.extend(Change("services", "added", ("services", f"[{c}]"), None, c)
                   for c in sorted(new_services - old_services))
    changes.extend(Change("services", "removed", ("services", f"[{c}]"), c, None)
                   for c in sorted(old_services - new_services))
    changes.extend(_category_moves(old, new, old_services & new_services, reference))
    tables = (criteria[0] or evaluate_criteria(old, reference), criteria[1] or evaluate_criteria(new, reference))
    changes.extend(_criteria_changes(old, new, tables))
    changes.sort(key=lambda c: (_SECTION_ORDER[c.section], _natural(c.path)))
    return PlanDiff(old_label, new_label, old, new, tuple(changes))


def _natural(path: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in path)
