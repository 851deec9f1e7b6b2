"""Tables as CSV files: RFC 4180 (CRLF, quotes doubled), UTF-8, numbers as machines read them.

A number the page shows the Lithuanian way (`1 234,5`, `12,5 proc.`) is written
`1234.5` / `12.5`; a dash (no value) is an empty field; words stay words.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

_LT_NUMBER = re.compile(r"^(-?)(\d{1,3}(?:[\u00a0\u202f ]\d{3})*|\d+)(?:,(\d+))?(?:[\u00a0 ](?:proc\.|%))?$")
_NO_VALUE = frozenset({"–", "-", ""})


def machine_value(cell: str) -> str:
    """A display cell as a CSV field: a Lithuanian number in machine form, a dash as empty, else the text."""
    text = cell.strip()
    if text in _NO_VALUE:
        return ""
    match = _LT_NUMBER.match(text)
    if match is None:
        return text
    sign, whole, fraction = match.groups()
    digits = re.sub(r"\D", "", whole)
    return f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}"


def table_csv(header: Sequence[str], rows: Sequence[Sequence[str]], *, convert: bool = True) -> bytes:
    """A table as RFC 4180 CSV bytes (UTF-8, CRLF line ends, a header row)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([machine_value(c) if convert else c for c in row])
    return buffer.getvalue().encode("utf-8")
