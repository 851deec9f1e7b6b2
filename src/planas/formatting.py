"""Lithuanian number, money, percent and date formats (Babel, locale `lt`).

`5 454 729 Eur`, `10,8 proc.`, `2021 m. vasario 12 d.`: the group separator is
a no-break space, so a number never wraps across lines in Word or on the web.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "lt"
NBSP = "\u00a0"


def number(value: Decimal | float | None, decimals: int | None = None) -> str:
    """`1234567.5` -> `1 234 567,5`; a fixed number of decimals when given; `–` for None."""
    if value is None:
        return "–"
    kind = type(value).__name__
    if kind in _KINDS:  # kept by the exact value as written (kind and digits): equal values of other kinds differ
        return _formatted(kind, str(value), decimals)
    return _format(value, decimals)


_KINDS: dict[str, type[Decimal | float]] = {"Decimal": Decimal, "float": float, "int": int}


@functools.lru_cache(maxsize=65_536)
def _formatted(kind: str, text: str, decimals: int | None) -> str:
    """Babel's formatting of one value (a page formats the same figures many times over)."""
    return _format(_KINDS[kind](text), decimals)


def _format(value: Decimal | float, decimals: int | None) -> str:
    if decimals is None:
        return format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=True)


def money(value: Decimal | None) -> str:
    """`5454729` -> `5 454 729 Eur`; cents only when there are any: `8 813 771,35 Eur`."""
    if value is None:
        return "–"
    decimals = 0 if value == value.to_integral_value() else 2
    return f"{number(value, decimals)}{NBSP}Eur"


def amount(value: Decimal | None) -> str:
    """Money inside a table whose header already says Eur: no unit."""
    if value is None:
        return "–"
    decimals = 0 if value == value.to_integral_value() else 2
    return number(value, decimals)


def percent(value: Decimal | None, decimals: int = 1) -> str:
    """`10.8` (already in percent) -> `10,8 proc.`."""
    if value is None:
        return "–"
    return f"{number(value, decimals)}{NBSP}proc."


def long_date(value: dt.date | None) -> str:
    """`2021-02-12` -> `2021 m. vasario 12 d.` (month in the genitive)."""
    if value is None:
        return "–"
    return str(format_date(value, "long", locale=LOCALE))


def genitive(name: str) -> str:
    """`Birštono savivaldybė` -> `Birštono savivaldybės` (the title and approval block need it)."""
    if name.endswith("ė"):
        return name[:-1] + "ės"
    if name.endswith("a"):
        return name[:-1] + "os"
    return name
