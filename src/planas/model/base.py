"""Shared building blocks of the plan model: strictness, identifiers, money, counts, text.

Every number the model accepts is finite and bounded, so that what validates
can always be computed (criteria, totals, year-on-year changes); counts, money,
dates and flags are strict, so that a planner's `true` places or `"yes"` never
become a figure silently; text holds only characters XML (and so Word) can hold.
"""


import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

MAX_MONEY = Decimal("999999999999.99")
MAX_COUNT = 100_000_000
MAX_MEASUREMENT = Decimal(10**12)
"""Largest magnitude of an indicator or criterion value (10^12: any real figure fits)."""
MEASUREMENT_PLACES = 4
"""Decimals of quantities and measurements (0.25 of a post, 10.8 %; 1e-99999 is no figure)."""

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 (§2.2 Char) cannot hold: Word documents and JUnit reports are XML."""


def forbidden_character(text: str) -> str | None:
    """The first character of `text` that XML cannot hold, as `U+0001`, or None."""
    match = _XML_FORBIDDEN.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def _xml_text(text: str) -> str:
    """Refuse text with a control character (a NUL, an escape) that no document can hold."""
    char = forbidden_character(text)
    if char is not None:
        raise PydanticCustomError("control_character", "control character {char}", {"char": char})
    return text


def _a_number(value: object) -> object:
    """Money and quantities are numbers as written: not text, not true/false, not binary floats."""
    if isinstance(value, bool | str | float):
        raise PydanticCustomError("decimal_type", "Decimal input should be a number")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _a_date(value: object) -> object:
    """Dates are written YYYY-MM-DD: not a number (which pydantic would read as seconds since 1970)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_parsing", "Input should be a date as YYYY-MM-DD")
    return value


class PlanModel(BaseModel):
    """Base of every plan model: unknown keys are errors, values are immutable.

    `coerce_numbers_to_str` lets a decision number written as `34` stay text.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        validate_default=False,
        # Build each model's validator when it is first used, not at import: only the
        # whole plan is validated, and building ~60 nested models one by one at import
        # cost ~90 ms of every command's start-up.
        defer_build=True,
    )


def no_items() -> list[Any]:
    """An empty list: a default factory that is a Python function.

    pydantic inspects a default factory's signature each time it makes a default,
    and for the builtin `list` or `dict` that means parsing its text signature
    (~0.1 ms, several times a plan).
    """
    return []


def no_entries() -> dict[Any, Any]:
    """An empty mapping: a default factory that is a Python function (see `no_items`)."""
    return {}


def described(title: str, description: str, **kwargs: Any) -> Any:
    """A `Field` with a Lithuanian title and a description that cites its clause."""
    return Field(title=title, description=description, **kwargs)


Identifier = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        min_length=1,
        max_length=64,
        description="Stabilus identifikatorius (raidės, skaitmenys, _ . -), nekintantis iš metų į metus.",
    ),
]

Code = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9_]+$",
        min_length=1,
        max_length=80,
        description="Žinyno kodas (mažosios raidės, skaitmenys ir _).",
    ),
]

Money = Annotated[
    Decimal,
    Field(
        ge=0,
        le=MAX_MONEY,
        decimal_places=2,
        allow_inf_nan=False,
        description="Suma eurais, ne daugiau kaip 2 skaitmenys po kablelio (pvz., 12500.50).",
    ),
    BeforeValidator(_a_number),  # outside the constraints: pydantic-core checks those itself
]

Count = Annotated[
    int,
    Strict(),  # no true -> 1, no "5" -> 5, no 5.0 -> 5: a count is written as a whole number
    Field(ge=0, le=MAX_COUNT, description="Neneigiamas sveikasis skaičius."),
]

Quantity = Annotated[
    Decimal,
    Field(
        ge=0,
        le=Decimal(MAX_COUNT),
        decimal_places=MEASUREMENT_PLACES,
        allow_inf_nan=False,
        description="Neneigiamas skaičius (gali būti trupmeninis, pvz., etatai; iki 4 skaitmenų po kablelio).",
    ),
    BeforeValidator(_a_number),  # outside the constraints: pydantic-core checks those itself
]

Measurement = Annotated[
    Decimal,
    Field(
        ge=-MAX_MEASUREMENT,
        le=MAX_MEASUREMENT,
        decimal_places=MEASUREMENT_PLACES,
        allow_inf_nan=False,
        description="Skaičius (iki 10^12, ne daugiau kaip 4 skaitmenys po kablelio).",
    ),
    BeforeValidator(_a_number),  # outside the constraints: pydantic-core checks those itself
]

Flag = Annotated[bool, Strict()]
"""true or false as YAML writes them: no "yes", no 1."""

Date = Annotated[dt.date, BeforeValidator(_a_date)]
"""A calendar date written YYYY-MM-DD."""

Text = Annotated[str, AfterValidator(_xml_text)]
"""Any text: no character that a Word document (XML) cannot hold."""

Year = Annotated[int, Field(ge=2000, le=2100, description="Metai (2000–2100).")]

# The length constraints before the text check: so pydantic-core checks them itself (placed after a
# function validator they run as Python validators, ~130 calls a plan).
Markdown = Annotated[
    str,
    Field(max_length=100_000, description="Laisvas tekstas (Markdown)."),
    AfterValidator(_xml_text),
]

ShortText = Annotated[str, Field(min_length=1, max_length=2_000), AfterValidator(_xml_text)]

FundingSourceId = Annotated[
    str,
    Field(
        pattern=r"^(SB|VBD|VB|ES|UF|IL|P|GM|K)$",
        description=(
            "Finansavimo šaltinis (Socialinių paslaugų įstatymo 41 str. 1 d.): SB savivaldybės "
            "biudžetas, VBD valstybės biudžeto dotacijos, VB kitos valstybės biudžeto lėšos, ES "
            "ES struktūriniai fondai, UF užsienio fondai, IL įstaigų lėšos, P parama, GM gavėjų "
            "mokėjimai, K kitos lėšos."
        ),
    ),
]

FundingBySource = Annotated[
    dict[FundingSourceId, Money],
    Field(description="Lėšos pagal finansavimo šaltinius (SPĮ 41 str. 1 d.), eurais."),
]
