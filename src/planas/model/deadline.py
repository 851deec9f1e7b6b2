"""A measure's deadline: a date (2023-12-31), a quarter (2023-Q4) or a year (2023)."""


import datetime as dt
import re
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ROMAN = ("I", "II", "III", "IV")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _a_deadline(value: object) -> dt.date | int | str:
    """A date, a quarter written YYYY-Qn, or a year; anything else is a located error (E0321)."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("deadline_format", "a deadline is a date, a quarter or a year")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    if isinstance(value, str):
        if _QUARTER.fullmatch(value) and FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
            return value
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
    raise PydanticCustomError("deadline_format", "a deadline is a date, a quarter or a year")


Deadline = Annotated[
    dt.date | int | str,
    PlainValidator(_a_deadline),
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "format": "date", "description": "Data, pvz. 2023-12-31."},
            {"type": "string", "pattern": r"^[0-9]{4}-Q[1-4]$", "description": "Ketvirtis, pvz. 2023-Q4."},
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "description": "Metai, pvz. 2023."},
        ],
    }),
]
"""A deadline as written: a `date`, a quarter `"2023-Q4"` or a year `2023`."""


def deadline_year(deadline: dt.date | int | str) -> int:
    """The year a deadline falls in."""
    if isinstance(deadline, dt.date):
        return deadline.year
    if isinstance(deadline, int):
        return deadline
    return int(deadline[:4])


def quarter_parts(deadline: str) -> tuple[int, str]:
    """A quarter's year and its Roman numeral: "2023-Q4" -> (2023, "IV")."""
    match = _QUARTER.fullmatch(deadline)
    assert match is not None, deadline
    return int(match.group(1)), _ROMAN[int(match.group(2)) - 1]
