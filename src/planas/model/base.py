"""Shared building blocks of the plan model: strictness, identifiers, money, counts."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

MAX_MONEY = Decimal("999999999999.99")
MAX_COUNT = 100_000_000


class PlanModel(BaseModel):
    """Base of every plan model: unknown keys are errors, values are immutable.

    `coerce_numbers_to_str` lets a decision number written as `34` stay text.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        validate_default=False,
    )


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
]

Count = Annotated[
    int,
    Field(ge=0, le=MAX_COUNT, description="Neneigiamas sveikasis skaičius."),
]

Quantity = Annotated[
    Decimal,
    Field(
        ge=0,
        le=Decimal(MAX_COUNT),
        allow_inf_nan=False,
        description="Neneigiamas skaičius (gali būti trupmeninis, pvz., etatai).",
    ),
]

Year = Annotated[int, Field(ge=2000, le=2100, description="Metai (2000–2100).")]

Markdown = Annotated[
    str,
    Field(max_length=100_000, description="Laisvas tekstas (Markdown)."),
]

ShortText = Annotated[str, Field(min_length=1, max_length=2_000)]

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
