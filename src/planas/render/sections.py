"""The blocks of a plan's own sections: prose, typed blocks (SWOT, needs, staff, review, vision), tables.

Also the one wording of deadlines ("2023 m. IV ketv.") and the marking of
illustrative items, which the form's sections use too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from itertools import zip_longest

from planas.formatting import amount, long_date, number, percent
from planas.model.deadline import quarter_parts
from planas.model.sections import (
    Column,
    CustomSection,
    Review,
    SectionTable,
    StaffEducation,
    Swot,
    Vision,
)
from planas.render.blocks import ILLUSTRATIVE_MARK, Block, paragraphs
from planas.render.prose import parse

_LEVELS = (
    ("aukstasis_universitetinis", "Aukštasis universitetinis"),
    ("aukstasis_koleginis", "Aukštasis koleginis"),
    ("profesinis", "Profesinis"),
    ("vidurinis", "Vidurinis"),
    ("kitas", "Kitas"),
)
_STATUS = {"planuojama": "planuojama", "vykdoma": "vykdoma", "ivykdyta": "įvykdyta", "neivykdyta": "neįvykdyta"}
_NUMERIC = frozenset({"kiekis", "skaicius", "suma", "procentai"})


def deadline_text(deadline: dt.date | int | str | None) -> str:
    """`2023-12-31` -> `2023 m. gruodžio 31 d.`; `2023-Q4` -> `2023 m. IV ketv.`; `2023` -> `2023 m.`."""
    if deadline is None:
        return "–"
    if isinstance(deadline, dt.date):
        return long_date(deadline)
    if isinstance(deadline, int):
        return f"{deadline}\u00a0m."
    year, quarter = quarter_parts(deadline)
    return f"{year}\u00a0m. {quarter}\u00a0ketv."


def mark(text: str, illustrative: bool) -> str:
    """The text with the illustrative mark when it is illustrative."""
    return f"{text}{ILLUSTRATIVE_MARK}" if illustrative else text


def illustrative_prose(illustrative: bool) -> list[Block]:
    """A line under prose that is illustrative (the legend explains the mark)."""
    return [Block("paragraph", text=f"Skirsnio tekstas iliustracinis{ILLUSTRATIVE_MARK}.")] if illustrative else []


def cell_text(column: Column, value: object) -> str:
    """A cell as printed, by its column's type."""
    if value is None:
        return "–"
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, int | Decimal) and column.type in _NUMERIC:
        if column.type == "suma":
            return amount(Decimal(value))
        if column.type == "procentai":
            return percent(Decimal(value), 1 if Decimal(value) != Decimal(value).to_integral_value() else 0)
        return number(value)
    return str(value)


class SectionBlocks:
    """Builds a custom section's blocks; `flag` records that something illustrative was shown."""

    def __init__(self, flag: Callable[[bool], bool], provider_names: Mapping[str, str],
                 group_name: Callable[[str], str]) -> None:
        """Keep how to flag illustrative items and how to name providers and groups."""
        self.flag = flag
        self.provider_names = provider_names
        self.group_name = group_name

    def build(self, section: CustomSection) -> list[Block]:
        """Prose, then the typed blocks, then the tables, in that order."""
        blocks = paragraphs(section.text)
        blocks += illustrative_prose(self.flag(section.illustrative) and bool(parse(section.text)))
        if section.vision is not None:
            blocks += self.vision(section.vision)
        if section.swot is not None:
            blocks.append(self.swot(section.swot))
        if section.needs_factors:
            blocks.append(self.needs(section))
        if section.staff_education:
            blocks.append(self.staff(section.staff_education))
        if section.review is not None:
            blocks += self.review(section.review)
        blocks += [self.table(t) for t in section.tables]
        return blocks or [Block("paragraph", text="Duomenys nepateikti.")]

    def vision(self, vision: Vision) -> list[Block]:
        """The vision statement and its directions."""
        horizon = f" (iki {vision.horizon}\u00a0m.)" if vision.horizon else ""
        blocks = [Block("paragraph", text=mark(f"{vision.statement}{horizon}", self.flag(vision.illustrative)))]
        if vision.directions:
            blocks.append(Block("bullets", items=tuple(vision.directions)))
        return blocks

    def swot(self, swot: Swot) -> Block:
        """The four SWOT lists side by side."""
        columns = (swot.strengths, swot.weaknesses, swot.opportunities, swot.threats)
        rows = tuple(tuple(cell or "" for cell in row) for row in zip_longest(*columns))
        return Block("table", caption=mark("SSGG analizė", self.flag(swot.illustrative)),
                     header=("Stiprybės", "Silpnybės", "Galimybės", "Grėsmės"), rows=rows,
                     widths=(25, 25, 25, 25), numeric=(False, False, False, False))

    def needs(self, section: CustomSection) -> Block:
        """Factors behind the need for services, their effect and the groups they concern."""
        rows = tuple(
            (f"{i}.", mark(f.factor, self.flag(f.illustrative)), f.effect or "–",
             ", ".join(self.group_name(g) for g in f.target_groups) or "–")
            for i, f in enumerate(section.needs_factors, 1))
        return Block("table", caption="Socialinių paslaugų poreikį lemiantys veiksniai",
                     header=("Nr.", "Veiksnys", "Poveikis poreikiui", "Tikslinės grupės"), rows=rows,
                     widths=(6, 30, 38, 26), numeric=(False, False, False, False))

    def staff(self, staff: list[StaffEducation]) -> Block:
        """Staff per provider by education level, with totals."""
        used = [(key, title) for key, title in _LEVELS if any(key in s.counts for s in staff)]
        rows: list[tuple[str, ...]] = []
        totals = dict.fromkeys((key for key, _ in used), 0)
        for s in staff:
            counts = [s.counts.get(key) for key, _ in used]  # type: ignore[call-overload]
            for (key, _), value in zip(used, counts, strict=True):
                totals[key] += value or 0
            name = mark(self.provider_names.get(s.provider, s.provider), self.flag(s.illustrative))
            rows.append((name, *(number(v) if v is not None else "–" for v in counts),
                         number(sum(v or 0 for v in counts))))
        rows.append(("Iš viso", *(number(totals[key]) for key, _ in used), number(sum(totals.values()))))
        count = len(used) + 1
        return Block("table", caption="Darbuotojai pagal išsilavinimą",
                     header=("Teikėjas", *(title for _, title in used), "Iš viso"), rows=tuple(rows),
                     widths=(30, *([70 // count] * count)), numeric=(False, *([True] * count)))

    def review(self, review: Review) -> list[Block]:
        """The previous year's plan: prose and how each measure went."""
        blocks = paragraphs(review.text)
        if review.items:
            rows = tuple((item.measure or "–", mark(item.title, self.flag(item.illustrative)),
                          _STATUS[item.status], item.result or "–") for item in review.items)
            blocks.append(Block("table", caption=f"{review.year} m. plano priemonių įgyvendinimas",
                                header=("Nr.", "Priemonė", "Būsena", "Rezultatas"), rows=rows,
                                widths=(8, 40, 14, 38), numeric=(False, False, False, False)))
        return blocks

    def table(self, table: SectionTable) -> Block:
        """A table of typed columns: numbers formatted and right-aligned."""
        header = tuple(f"{c.title}, {c.unit}" if c.unit else c.title for c in table.columns)
        rows = tuple(tuple(cell_text(c, row.get(c.id)) for c in table.columns) for row in table.rows)
        share = 100 // len(table.columns)
        notes = tuple(paragraph.text for paragraph in paragraphs(table.note))
        return Block("table", caption=mark(table.caption or "", self.flag(table.illustrative)), header=header,
                     rows=rows, widths=tuple([share] * len(table.columns)),
                     numeric=tuple(c.type in _NUMERIC for c in table.columns), notes=notes)
