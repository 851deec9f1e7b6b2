"""One answer cell -> a value of its kind, or the finding that says why it is none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from planas.forms.choices import Choices
from planas.forms.layout import OWNERS, Kind
from planas.reference import Reference

_NUMBERS = {
    Kind.COUNT: ("neneigiamas sveikasis skaičius", "a non-negative whole number"),
    Kind.QUANTITY: ("neneigiamas skaičius", "a non-negative number"),
}
_LISTS = {
    Kind.SERVICE: ("paslaugos", "services", "žinynas: `planas reference services`",
                   "reference: `planas reference services`"),
    Kind.GROUP: ("gavėjų grupės", "target groups", "žinynas: `planas reference groups`",
                 "reference: `planas reference groups`"),
    Kind.INSTITUTION_TYPE: ("įstaigų tipai", "institution types", "žinynas: `planas reference institution-types`",
                            "reference: `planas reference institution-types`"),
    Kind.OWNER: ("savininkai", "owners", "savininkai: " + ", ".join(OWNERS.values()),
                 "owners: " + ", ".join(OWNERS.values())),
}
QUANTITY_PLACES = 4


@dataclass(frozen=True)
class Problem:
    """Why a cell's value is not of its kind: a rule code and its message parameters."""

    code: str
    params: dict[str, str]


def shown(value: Any) -> str:
    """A cell's value as a finding quotes it (short, one line)."""
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", ".").replace("\u00a0", ""))
        except InvalidOperation:
            return None
    else:
        return None
    return number if number.is_finite() else None


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def parse_cell(value: Any, kind: Kind, choices: dict[Kind, Choices], reference: Reference,
               year: int) -> Any | Problem:
    """The answer in a cell (None when empty), or a `Problem`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind in (Kind.COUNT, Kind.QUANTITY):
        number = _decimal(value)
        limit = 0 if kind is Kind.COUNT else QUANTITY_PLACES
        if number is None or number < 0 or _places(number) > limit:
            lt, en = _NUMBERS[kind]
            return Problem("E1812", {"value": shown(value), "expected": lt, "expected_en": en})
        return int(number) if number == number.to_integral_value() else number.normalize()
    if kind is Kind.MONEY:
        number = _decimal(value)
        if number is None or number < 0 or _places(number) > 2:
            return Problem("E1813", {"value": shown(value)})
        return number.quantize(Decimal("0.01"))
    if kind is Kind.DATE:
        return _date(value)
    if kind in choices:
        return _listed(value, kind, choices, reference, year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else shown(value)


def _date(value: Any) -> date | Problem:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    return Problem("E1814", {"value": shown(value)})


def _listed(value: Any, kind: Kind, choices: dict[Kind, Choices], reference: Reference, year: int) -> str | Problem:
    text = str(value)
    code = choices[kind].code_for(text)
    if code is not None:
        return code
    if kind is Kind.SERVICE:
        known = next((s for s in reference.services.values()
                      if text.strip() in (s.code, s.name_lt) or text.strip() in s.aliases), None)
        if known is not None:
            return Problem("E1816", {"value": shown(value), "year": str(year)})
    lt, en, where, where_en = _LISTS[kind]
    return Problem("E1815", {"value": shown(value), "kind": lt, "kind_en": en, "where": where, "where_en": where_en})
