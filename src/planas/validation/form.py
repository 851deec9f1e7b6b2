"""Rules of a plan's own sections (family 15): where they go, their ids, their tables and typed blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from planas.model import Plan
from planas.model.sections import Column, CustomSection, SectionTable
from planas.reference import FormLayout
from planas.validation.issue import GroupCheck, Issue, Loc

# What each column type accepts, in Lithuanian and English (E1506).
_EXPECTED = {
    "tekstas": ("tekstas", "text"),
    "kiekis": ("neneigiamas sveikasis skaičius", "a whole number, not negative"),
    "skaicius": ("skaičius", "a number"),
    "suma": ("suma eurais, ne daugiau kaip 2 skaitmenys po kablelio", "an amount in euros, at most 2 decimals"),
    "procentai": ("skaičius (procentai)", "a number (per cent)"),
    "data": ("data YYYY-MM-DD", "a date YYYY-MM-DD"),
}


def form_ids(layout: FormLayout) -> list[str]:
    """The ids of the form's sections and annexes."""
    return [*(s.id for c in layout.chapters for s in c.sections), *(a.id for a in layout.annexes)]


def cell_fits(kind: str, value: object) -> bool:
    """Whether a cell's value is of its column's type (an empty cell always fits)."""
    if value is None:
        return True
    number = isinstance(value, int | Decimal) and not isinstance(value, bool)
    checks: dict[str, bool] = {
        "tekstas": isinstance(value, str | int | Decimal),
        "kiekis": isinstance(value, int) and not isinstance(value, bool) and value >= 0,
        "skaicius": number,
        "procentai": number,
        "suma": number and Decimal(value).as_tuple().exponent >= -2 and Decimal(value) >= 0,  # type: ignore[arg-type, operator]
        "data": isinstance(value, dt.date),
    }
    return checks.get(kind, False)


def _placement(sections: list[CustomSection], layout: FormLayout) -> Iterator[Issue]:
    """E1501-E1504: each section placed once, after or within a known section, one level deep."""
    form = form_ids(layout)
    known = [s.id for c in layout.chapters for s in c.sections]
    placed: dict[str, int] = {}  # a placed section's level: 0 a section, 1 a sub-section
    seen: dict[str, int] = {}
    for i, section in enumerate(sections):
        base = ("sections", i)
        if section.id in form:
            yield Issue("E1503", (*base, "id"), params={"ref": section.id})
        elif section.id in seen:
            yield Issue("E0306", (*base, "id"), params={"ref": section.id, "first": f"sections[{seen[section.id]}].id"})
        seen.setdefault(section.id, i)
        if (section.after is None) == (section.within is None):
            detail = "after ir within kartu" if section.after is not None else "nėra nei after, nei within"
            yield Issue("E1502", (*base, "id"), params={"ref": section.id, "detail": detail})
            continue
        target = section.after if section.after is not None else section.within
        field = "after" if section.after is not None else "within"
        if target not in known and target not in placed:
            shown = [*known, *placed]
            yield Issue("E1501", (*base, field), params={
                "ref": target, "section": section.id,
                "known": ", ".join(shown[:12]) + (", …" if len(shown) > 12 else "")})
            continue
        level = placed.get(str(target), 0)
        if section.within is not None and level > 0:
            yield Issue("E1504", (*base, "within"), params={"ref": target, "section": section.id})
            continue
        placed[section.id] = 1 if section.within is not None else level


def _table(table: SectionTable, base: Loc) -> Iterator[Issue]:
    """E1505 for a row key that is no column, E1506 for a value that is not of its column's type."""
    columns: dict[str, Column] = {c.id: c for c in table.columns}
    for r, row in enumerate(table.rows):
        for key, value in row.items():
            column = columns.get(key)
            if column is None:
                yield Issue("E1505", (*base, "rows", r, key), key=True,
                            params={"key": key, "known": ", ".join(columns)})
            elif not cell_fits(column.type, value):
                expected, expected_en = _EXPECTED[column.type]
                yield Issue("E1506", (*base, "rows", r, key), params={
                    "column": key, "type": column.type, "value": str(value), "expected": expected,
                    "expected_en": expected_en})


def _blocks(section: CustomSection, base: Loc, providers: list[str], groups: GroupCheck) -> Iterator[Issue]:
    """Typed blocks: needs factors' groups (E0305) and staff education's providers (E0302)."""
    for j, factor in enumerate(section.needs_factors):
        yield from groups(factor.target_groups, (*base, "needs_factors", j, "target_groups"))
    for j, staff in enumerate(section.staff_education):
        if staff.provider not in providers:
            yield Issue("E0302", (*base, "staff_education", j, "provider"),
                        params={"ref": staff.provider, "known": ", ".join(providers[:8]) or "—"})
    for j, table in enumerate(section.tables):
        yield from _table(table, (*base, "tables", j))


def section_issues(plan: Plan, layout: FormLayout, groups: GroupCheck) -> Iterator[Issue]:
    """Every issue of the plan's own sections (`groups` checks target-group codes, E0305)."""
    sections = list(plan.sections)
    yield from _placement(sections, layout)
    providers = [p.id for p in plan.analysis.providers]
    for i, section in enumerate(sections):
        base = ("sections", i)
        tables = [(t.id, (*base, "tables", j, "id")) for j, t in enumerate(section.tables)]
        first: dict[str, Loc] = {}
        for ident, loc in tables:
            if ident in first:
                yield Issue("E0306", loc, params={"ref": ident, "first": ".".join(map(str, first[ident]))})
            first.setdefault(ident, loc)
        yield from _blocks(section, base, providers, groups)
