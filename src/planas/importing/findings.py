"""What the import reports: a rule code of family 21, where in the Word document, and the message's parameters.

Locations are the ones a planner finds in Word: `plan.docx: 3 lentelė, 5
eilutė, 4 stulpelis` (top-level tables in body order, rows and columns of the
visible grid) or `plan.docx: 12 pastraipa`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planas.findings import Finding, Severity, make_params


@dataclass(frozen=True, order=True)
class Where:
    """A place in the document: a table cell (table, row, column) or a body paragraph (1-based; 0 = none)."""

    table: int = 0
    row: int = 0
    col: int = 0
    paragraph: int = 0

    def text(self, lang: str) -> str:
        """`3 lentelė, 5 eilutė, 4 stulpelis` / `table 3, row 5, column 4`; `12 pastraipa` / `paragraph 12`."""
        lt = lang != "en"
        if self.table:
            parts = [f"{self.table} lentelė" if lt else f"table {self.table}"]
            if self.row:
                parts.append(f"{self.row} eilutė" if lt else f"row {self.row}")
            if self.col:
                parts.append(f"{self.col} stulpelis" if lt else f"column {self.col}")
            return ", ".join(parts)
        if self.paragraph:
            return f"{self.paragraph} pastraipa" if lt else f"paragraph {self.paragraph}"
        return "dokumentas" if lt else "document"


@dataclass(frozen=True, order=True)
class ImportFinding:
    """One finding of the import, in document order."""

    where: Where
    code: str
    severity: Severity
    params: tuple[tuple[str, str], ...] = ()

    def as_finding(self, file: str) -> Finding:
        """The registry's view (message, hint, clause are worded from code and parameters)."""
        return Finding(file=file, line=0, column=0, code=self.code, severity=self.severity, params=self.params)


class Findings:
    """The findings gathered while one document is imported."""

    def __init__(self) -> None:
        self.items: list[ImportFinding] = []

    def add(self, code: str, where: Where, **params: object) -> None:
        """Record a finding (severity from its code's letter)."""
        severity = Severity.ERROR if code.startswith("E") else Severity.WARNING
        self.items.append(ImportFinding(where, code, severity, make_params(params)))

    def sorted(self) -> tuple[ImportFinding, ...]:
        """In document order: paragraphs and tables by position, then by code."""
        return tuple(sorted(set(self.items)))
