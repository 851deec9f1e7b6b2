"""One answer cell -> its value, as Excel and Calc store what a provider types."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from planas.forms.cells import Problem, parse_cell
from planas.forms.choices import form_choices
from planas.forms.layout import Kind
from planas.reference import load_reference

REFERENCE = load_reference()
CHOICES = form_choices(REFERENCE, 2021)


def _parse(value: Any, kind: Kind) -> Any:
    return parse_cell(value, kind, CHOICES, REFERENCE, 2021)


@pytest.mark.parametrize(("value", "kind", "expected"), [
    (36, Kind.COUNT, 36), (36.0, Kind.COUNT, 36), ("12", Kind.COUNT, 12), (" ", Kind.COUNT, None),
    (6.5, Kind.QUANTITY, Decimal("6.5")), (7.0, Kind.QUANTITY, 7),
    (5.2, Kind.MONEY, Decimal("5.20")), ("5,20", Kind.MONEY, Decimal("5.20")), (0, Kind.MONEY, Decimal("0.00")),
    (datetime(2016, 5, 10), Kind.DATE, date(2016, 5, 10)), ("2016-05-10", Kind.DATE, date(2016, 5, 10)),
    ("Pagalba į namus", Kind.SERVICE, "pagalba_i_namus"), ("pagalba_i_namus", Kind.SERVICE, "pagalba_i_namus"),
    ("nevyriausybinė organizacija", Kind.OWNER, "nvo"), (123, Kind.TEXT, "123"), ("  du  tarpai ", Kind.TEXT, "du tarpai"),
])
def test_values_as_typed_are_read(value: Any, kind: Kind, expected: Any) -> None:
    assert _parse(value, kind) == expected


@pytest.mark.parametrize(("value", "kind", "code"), [
    (12.5, Kind.COUNT, "E1812"), (-1, Kind.COUNT, "E1812"), ("12 asm.", Kind.COUNT, "E1812"), (True, Kind.COUNT, "E1812"),
    (-0.5, Kind.QUANTITY, "E1812"), (5.205, Kind.MONEY, "E1813"), ("5 Eur", Kind.MONEY, "E1813"),
    (float("nan"), Kind.MONEY, "E1813"), ("gegužės 10", Kind.DATE, "E1814"), ("Visi", Kind.GROUP, "E1815"),
    ("Darbas su jaunimu gatvėje", Kind.SERVICE, "E1816"),
])
def test_wrong_values_give_their_rule(value: Any, kind: Kind, code: str) -> None:
    parsed = _parse(value, kind)
    assert isinstance(parsed, Problem) and parsed.code == code
