"""A plan's own sections: title, prose, tables with typed columns, and the typed blocks real plans use.

The regime's form layout (reference data) stays the default and the reference;
a plan may add sections after any section of the form (numbered in sequence)
or within one (numbered as its sub-sections: 4.1, 4.2). Real plans add a SWOT
analysis, the factors behind needs, staff education, a review of the previous
year's plan and a development vision (Pasvalys 2023): these have typed blocks.
"""


import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from planas.model.base import (
    Count,
    Flag,
    Identifier,
    Markdown,
    PlanModel,
    ShortText,
    Text,
    Year,
    described,
    forbidden_character,
    no_entries,
    no_items,
)
from planas.model.codes import GroupCode
from planas.model.provenance import Sourced

MeasureStatus = Literal["planuojama", "vykdoma", "ivykdyta", "neivykdyta"]
ColumnType = Literal["tekstas", "kiekis", "skaicius", "suma", "procentai", "data"]
EducationLevel = Literal["aukstasis_universitetinis", "aukstasis_koleginis", "profesinis", "vidurinis", "kitas"]


def _a_cell(value: object) -> str | int | Decimal | dt.date | None:
    """A table cell as written: text, a whole number, a decimal, a date or empty (the column says which)."""
    if value is None or isinstance(value, dt.date | Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        char = forbidden_character(value)
        if char is not None:
            raise PydanticCustomError("control_character", "control character {char}", {"char": char})
        if len(value) > 2_000:
            raise PydanticCustomError("string_too_long", "too long", {"max_length": 2_000})
        return value
    raise PydanticCustomError("cell_type", "a table cell is text, a number or a date")


Cell = Annotated[
    str | int | Decimal | dt.date | None,
    PlainValidator(_a_cell),
    WithJsonSchema({"type": ["string", "number", "null"],
                    "description": "Langelio reikšmė: tekstas, skaičius arba data (pagal stulpelio tipą)."}),
]


class Column(PlanModel):
    """A column of a section's table: its key, its heading and the type of its values."""

    id: Identifier = described("Identifikatorius", "Stulpelio raktas, kuriuo eilutėse nurodoma reikšmė.")
    title: ShortText = described("Antraštė", "Stulpelio antraštė dokumente.")
    type: ColumnType = described(
        "Tipas",
        "tekstas, kiekis (sveikasis skaičius), skaicius, suma (Eur), procentai arba data.",
        default="tekstas",
    )
    unit: Text | None = described("Matavimo vienetas", "Pvz. „asm.“, „vnt.“ (rodomas antraštėje).", default=None)


class SectionTable(Sourced):
    """A table of a plan's own section, with typed columns."""

    id: Identifier = described("Identifikatorius", "Stabilus lentelės identifikatorius (diff sulygina pagal jį).")
    caption: ShortText | None = described("Pavadinimas", "Lentelės pavadinimas.", default=None)
    columns: list[Column] = described("Stulpeliai", "Lentelės stulpeliai ir jų tipai.", min_length=1)
    rows: list[dict[Identifier, Cell]] = described(
        "Eilutės", "Eilutės: stulpelio raktas -> reikšmė (tuščias langelis – praleistas raktas).",
        default_factory=no_items,
    )
    note: Markdown | None = described("Pastaba", "Paaiškinimas po lentele (spausdinamas).", default=None)

    @model_validator(mode="before")
    @classmethod
    def _dates_in_date_columns(cls, data: object) -> object:
        """A date column's `2022-03-01` becomes a date: the safe loader keeps YAML timestamps as text."""
        if not isinstance(data, dict) or not isinstance(data.get("columns"), list) or not isinstance(data.get("rows"), list):
            return data
        dates = {c.get("id") for c in data["columns"] if isinstance(c, dict) and c.get("type") == "data"}
        if not dates:
            return data
        return {**data, "rows": [{k: _iso_date(v) if k in dates else v for k, v in row.items()}
                                 if isinstance(row, dict) else row for row in data["rows"]]}


def _iso_date(value: object) -> object:
    """`value` as a date where it is written YYYY-MM-DD and is a real date; otherwise as it was (E1506 names it)."""
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class Swot(Sourced):
    """SWOT analysis (stiprybės, silpnybės, galimybės, grėsmės)."""

    strengths: list[ShortText] = described("Stiprybės", "Stipriosios pusės.", default_factory=no_items)
    weaknesses: list[ShortText] = described("Silpnybės", "Silpnosios pusės.", default_factory=no_items)
    opportunities: list[ShortText] = described("Galimybės", "Išorės galimybės.", default_factory=no_items)
    threats: list[ShortText] = described("Grėsmės", "Išorės grėsmės.", default_factory=no_items)


class NeedFactor(Sourced):
    """A factor behind the need for services (poreikį lemiantis veiksnys)."""

    factor: ShortText = described("Veiksnys", "Poreikį lemiantis veiksnys, pvz. visuomenės senėjimas.")
    effect: Text | None = described("Poveikis", "Kaip veiksnys keičia paslaugų poreikį.", default=None)
    target_groups: list[GroupCode] = described(
        "Tikslinės grupės", "Gavėjų grupės, kurioms veiksnys svarbus (planas reference groups).",
        default_factory=no_items,
    )


class StaffEducation(Sourced):
    """A provider's staff by education level (darbuotojų išsilavinimas)."""

    provider: Identifier = described("Teikėjas", "Teikėjo identifikatorius (analysis.providers).")
    counts: dict[EducationLevel, Count] = described(
        "Pagal išsilavinimą",
        "Darbuotojų skaičius pagal išsilavinimą: aukstasis_universitetinis, aukstasis_koleginis, profesinis, "
        "vidurinis, kitas.",
        default_factory=no_entries,
    )


class ReviewItem(Sourced):
    """How one measure of the previous year's plan was carried out."""

    measure: Identifier | None = described(
        "Priemonė", "Praėjusių metų plano priemonės identifikatorius, jei yra.", default=None
    )
    title: ShortText = described("Pavadinimas", "Priemonės pavadinimas.")
    status: MeasureStatus = described("Būsena", "planuojama, vykdoma, ivykdyta arba neivykdyta.")
    result: Text | None = described("Rezultatas", "Kas pasiekta arba kodėl neįvykdyta.", default=None)


class Review(Sourced):
    """The review of the previous year's plan (praėjusių metų plano įgyvendinimas)."""

    year: Year = described("Metai", "Apžvelgiamo plano metai.")
    text: Markdown | None = described("Tekstas", "Apžvalgos tekstas.", default=None)
    items: list[ReviewItem] = described("Priemonės", "Priemonių įgyvendinimas.", default_factory=no_items)


class Vision(Sourced):
    """The development vision (plėtros vizija)."""

    statement: ShortText = described("Vizija", "Vizijos teiginys.")
    horizon: Year | None = described("Iki metų", "Metai, iki kurių vizija siekiama.", default=None)
    directions: list[ShortText] = described("Kryptys", "Vizijos įgyvendinimo kryptys.", default_factory=no_items)


class CustomSection(Sourced):
    """A section the plan adds to the form: after a section, or within one as its sub-section."""

    id: Identifier = described(
        "Identifikatorius", "Stabilus skirsnio identifikatorius (diff sulygina pagal jį), pvz. ssgg."
    )
    title: ShortText = described("Pavadinimas", "Skirsnio antraštė (be numerio: numeruojama automatiškai).")
    after: Identifier | None = described(
        "Po skirsnio",
        "Formos ar plano skirsnio identifikatorius, po kurio eina šis skirsnis (numeruojamas toliau iš eilės).",
        default=None,
    )
    within: Identifier | None = described(
        "Skirsnio dalis",
        "Formos ar plano skirsnio identifikatorius, kurio poskirsnis tai yra (numeruojama 4.1, 4.2 …).",
        default=None,
    )
    text: Markdown | None = described("Tekstas", "Skirsnio tekstas (Markdown).", default=None)
    swot: Swot | None = described("SSGG analizė", "Stiprybės, silpnybės, galimybės, grėsmės.", default=None)
    needs_factors: list[NeedFactor] = described(
        "Poreikį lemiantys veiksniai", "Veiksniai, lemiantys paslaugų poreikį.", default_factory=no_items
    )
    staff_education: list[StaffEducation] = described(
        "Darbuotojų išsilavinimas", "Teikėjų darbuotojai pagal išsilavinimą.", default_factory=no_items
    )
    review: Review | None = described(
        "Praėjusių metų plano įgyvendinimas", "Praėjusių metų plano priemonių įgyvendinimo apžvalga.", default=None
    )
    vision: Vision | None = described("Plėtros vizija", "Socialinių paslaugų plėtros vizija.", default=None)
    tables: list[SectionTable] = described("Lentelės", "Skirsnio lentelės su tipuotais stulpeliais.",
                                           default_factory=no_items)
    landscape: Flag = described("Gulsčias puslapis", "true – skirsnis spausdinamas gulsčiame puslapyje.",
                                default=False)


__all__ = ["Column", "CustomSection", "MeasureStatus", "SectionTable"]
