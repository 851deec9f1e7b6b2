"""Values read as Lithuanians type them: `1 214 000,00`, `1.214.000 Eur`, `–`, `2023 m. IV ketv.`.

An empty cell or a dash is no value (None), never 0. Thousands are separated
by spaces (also no-break and narrow ones) or dots; the decimal separator is a
comma. `tūkst. Eur` is scaled by 1000 (the caller reports it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NO_VALUE = frozenset({"", "-", "–", "—", "‒", "−", "x", "n/d", "nėra", "—.", "-.", "–."})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_UNITS = re.compile(r"(tūkst\.?\s*)?(eur(ų|ai|o)?|€|asm\.?|vnt\.?|proc\.?|%|gyv\.?)\.?$", re.IGNORECASE)
_DOT_THOUSANDS = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+$")
_COMMA_THOUSANDS = re.compile(r"^-?[0-9]{1,3}(,[0-9]{3})+\.[0-9]{1,2}$")
_MONTHS = {
    "sausio": 1, "vasario": 2, "kovo": 3, "balandžio": 4, "gegužės": 5, "birželio": 6, "liepos": 7,
    "rugpjūčio": 8, "rugsėjo": 9, "spalio": 10, "lapkričio": 11, "gruodžio": 12,
}
_LT_DATE = re.compile(r"([0-9]{4})\s*m\.?\s+([a-ząčęėįšųūž]+)\s+([0-9]{1,2})\s*d\.?", re.IGNORECASE)
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DOTTED = re.compile(r"([0-9]{4})\.([0-9]{2})\.([0-9]{2})")
_QUARTER = re.compile(r"([0-9]{4})\s*(m\.)?\s*(I{1,3}|IV)\s*ketv", re.IGNORECASE)
_QUARTER_ALONE = re.compile(r"^(I{1,3}|IV)\s*ketv", re.IGNORECASE)
_YEAR = re.compile(r"^(?:iki\s+)?([12][0-9]{3})\s*(m\.?|metai|metų)?(\s*pab(aiga|aigos)?\.?)?$", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"^([12][0-9]{3})\s*[–—-]\s*([12][0-9]{3})\s*(m\.?)?$")
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
YEAR_IN_HEADER = re.compile(r"\b(20[0-9]{2}|19[0-9]{2})\s*(m\.?|metai|metų)?")


@dataclass(frozen=True)
class Number:
    """A number read from a cell: its value, and whether it was scaled from thousands."""

    value: Decimal
    scaled: bool = False
    illustrative: bool = False


def is_empty(text: str) -> bool:
    """An empty cell or a dash: no value (never 0)."""
    return _SPACES.sub("", text).casefold().rstrip("*") in NO_VALUE


def parse_number(text: str, thousands: bool = False) -> Number | None:
    """`1 214 000,00` / `1.214.000 Eur` / `12*` -> Number; None when the text is no number or no value."""
    raw = _SPACES.sub(" ", text).strip()
    illustrative = raw.endswith("*")
    raw = raw.rstrip("*").strip()
    if raw.casefold() in NO_VALUE:
        return None
    scaled = thousands or "tūkst" in raw.casefold()
    raw = _UNITS.sub("", raw).strip()
    raw = raw.replace("tūkst.", "").replace("tūkst", "").strip()
    compact = raw.replace(" ", "")
    if not compact or not re.fullmatch(r"-?[0-9][0-9.,]*", compact):
        return None
    if "," in compact and "." in compact:
        compact = compact.replace(",", "") if _COMMA_THOUSANDS.match(compact) else \
            compact.replace(".", "").replace(",", ".")
    elif "," in compact:
        if compact.count(",") > 1:
            return None
        compact = compact.replace(",", ".")
    elif _DOT_THOUSANDS.match(compact):
        compact = compact.replace(".", "")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    if scaled:
        value *= 1000
    return Number(value, scaled, illustrative)


def as_count(number: Number | None) -> int | None:
    """A whole count from a number (None when absent or not whole)."""
    if number is None or number.value != number.value.to_integral_value() or number.value < 0:
        return None
    return int(number.value)


def money(value: Decimal) -> Decimal:
    """Money with two decimals (the plan's format)."""
    return value.quantize(Decimal("0.01"))


def parse_date(text: str) -> dt.date | None:
    """`2021 m. vasario 12 d.`, `2021-02-12`, `2021.02.12` -> a date; None when none is there."""
    for pattern, named in ((_LT_DATE, True), (_ISO, False), (_DOTTED, False)):
        match = pattern.search(text)
        if not match:
            continue
        try:
            month = _MONTHS.get(match.group(2).casefold(), 0) if named else int(match.group(2))
            return dt.date(int(match.group(1)), month, int(match.group(3)))
        except ValueError:
            continue
    return None


def parse_deadline(text: str, plan_year: int | None) -> tuple[dt.date | int | str | None, bool]:
    """A measure's deadline as the plan model holds it, and whether the year was taken from the plan.

    `2021 m. gruodžio 31 d.` -> date; `2023 m. IV ketv.` -> "2023-Q4"; `2023 m.` -> 2023;
    `IV ketv.` -> the plan year's quarter (guessed: True); a range `2023–2025` -> its last year.
    """
    cleaned = _SPACES.sub(" ", text).strip().rstrip("*").strip()
    if is_empty(cleaned):
        return None, False
    date = parse_date(cleaned)
    if date is not None:
        return date, False
    quarter = _QUARTER.search(cleaned)
    if quarter:
        return f"{quarter.group(1)}-Q{_QUARTERS[quarter.group(3).upper()]}", False
    alone = _QUARTER_ALONE.match(cleaned)
    if alone and plan_year is not None:
        return f"{plan_year}-Q{_QUARTERS[alone.group(1).upper()]}", True
    year = _YEAR.match(cleaned)
    if year:
        return int(year.group(1)), False
    span = _YEAR_RANGE.match(cleaned)
    if span:
        return int(span.group(2)), False
    return None, False


def header_year(text: str) -> int | None:
    """The year a header names (`2019 m.`, `2020 metai`), None when it names none."""
    match = YEAR_IN_HEADER.search(text)
    return int(match.group(1)) if match else None
