"""Reading a filled form back: its identity, its shape, and every answer cell, with located findings.

A finding is located by sheet and cell (`Paslaugos!C7`, in the finding's
`path`; `line` and `column` are the cell's row and column). A form whose
identity or shape is wrong yields no answers at all: nothing of it is merged.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from planas.findings import Finding, make_params
from planas.forms.cells import Problem, parse_cell, shown
from planas.forms.choices import Choices, form_choices
from planas.forms.layout import (
    ACCREDITATION_HEADER_ROW,
    ACCREDITATION_HEADERS,
    ACCREDITATION_ROWS,
    ANSWER_SHEETS,
    FIRST_FIELD_ROW,
    FORM_KIND,
    FORM_VERSION,
    INSTITUTION_FIELDS,
    INSTITUTION_HEADERS,
    INSTITUTION_SHEET,
    META_KEYS,
    META_SHEET,
    PROJECT_COLUMNS,
    PROJECTS_SHEET,
    PROPOSAL_COLUMNS,
    PROPOSALS_SHEET,
    SERVICE_COLUMNS,
    SERVICES_SHEET,
    Column,
    Kind,
)
from planas.forms.safety import UnsafeWorkbook, check_container
from planas.model import Plan
from planas.reference import Reference
from planas.validation.registry import RULES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


MAX_ROWS = 2000
MAX_COLUMNS = 60
"""A form's sheets hold a few dozen rows and ten columns; a sheet reaching further is refused, not read."""


@dataclass(frozen=True)
class Cell:
    """Where an answer was read: sheet, row, column (1-based)."""

    sheet: str
    row: int
    column: int

    @property
    def name(self) -> str:
        """`Paslaugos!C7`."""
        from openpyxl.utils import get_column_letter

        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


@dataclass
class ServiceAnswer:
    """One filled row of the services sheet: its values by column key, and where each was read."""

    row: int
    values: dict[str, Any]
    cells: dict[str, Cell]


@dataclass
class FormAnswers:
    """Everything a form answers, already checked cell by cell."""

    file: str
    provider: str
    """The provider's id in the plan; empty for the blank form (a new provider)."""
    institution: dict[str, Any] = field(default_factory=dict)
    institution_cells: dict[str, Cell] = field(default_factory=dict)
    accreditations: list[tuple[str, date | None, Cell]] = field(default_factory=list)
    services: list[ServiceAnswer] = field(default_factory=list)
    projects: list[tuple[dict[str, Any], Cell]] = field(default_factory=list)
    proposals: list[tuple[str, Cell]] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Whether the form answers anything at all (an untouched blank form does not)."""
        return bool(self.institution or self.accreditations or self.services or self.projects or self.proposals)


@dataclass
class _Reader:
    file: str
    plan: Plan
    reference: Reference
    choices: dict[Kind, Choices]
    findings: list[Finding] = field(default_factory=list)

    def report(self, code: str, params: dict[str, str], cell: Cell | None = None, path: str = "") -> None:
        row, column = (cell.row, cell.column) if cell is not None else (1, 1)
        self.findings.append(Finding(self.file, row, column, code, RULES[code].severity,
                                     cell.name if cell is not None else path, make_params(params)))

    def value(self, sheet: Worksheet, row: int, column: int, kind: Kind) -> Any:
        """The parsed answer of one cell (None when empty or wrong: a wrong one is reported)."""
        cell = Cell(sheet.title, row, column)
        parsed = parse_cell(sheet.cell(row=row, column=column).value, kind, self.choices, self.reference,
                            self.plan.metadata.year)
        if isinstance(parsed, Problem):
            self.report(parsed.code, parsed.params, cell)
            return None
        return parsed


def read_form(raw: bytes, file: str, plan: Plan, reference: Reference) -> tuple[FormAnswers | None, list[Finding]]:
    """The answers of one filled form and the findings of reading it (answers None when it cannot be merged)."""
    reader = _Reader(file, plan, reference, form_choices(reference, plan.metadata.year))
    workbook = _open(raw, reader)
    if workbook is None:
        return None, reader.findings
    provider = _identity(workbook, reader)
    if provider is None or not _shape(workbook, reader):
        return None, reader.findings
    errors_before = len(reader.findings)
    answers = FormAnswers(file, provider)
    _institution(workbook[INSTITUTION_SHEET], reader, answers)
    _services(workbook[SERVICES_SHEET], reader, answers)
    _projects(workbook[PROJECTS_SHEET], workbook[PROPOSALS_SHEET], reader, answers)
    if not answers.provider and answers.answered:
        _required(workbook[INSTITUTION_SHEET], reader, answers)
    failed = any(f.severity.value == "error" for f in reader.findings[errors_before:])
    return (None if failed else answers), reader.findings


def _open(raw: bytes, reader: _Reader) -> Any:
    if not raw:
        reader.report("E1802", {})
        return None
    try:
        check_container(raw)
    except UnsafeWorkbook as refused:
        code = "E1801" if refused.kind == "not_xlsx" else "E1803"
        reader.report(code, {"detail": refused.detail_lt, "detail_en": refused.detail_en})
        return None
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of extensions it drops; the checks below decide
            return load_workbook(io.BytesIO(raw), data_only=False, keep_links=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        detail = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}".rstrip(": ")
        reader.report("E1801", {"detail": detail, "detail_en": detail})
        return None


def _identity(workbook: Any, reader: _Reader) -> str | None:
    """The provider id the form was made for ('' for the blank form), None when the form is not of this plan."""
    if META_SHEET not in workbook.sheetnames:
        reader.report("E1804", {"detail": f"nėra paslėpto lapo „{META_SHEET}“",
                                "detail_en": f"the hidden sheet '{META_SHEET}' is missing"})
        return None
    sheet = workbook[META_SHEET]
    meta = {str(sheet.cell(row=r, column=1).value): sheet.cell(row=r, column=2).value
            for r in range(1, len(META_KEYS) + 1)}
    if meta.get("form") != FORM_KIND:
        reader.report("E1804", {"detail": "formos žymė neatpažinta", "detail_en": "the form's mark is not recognised"})
        return None
    if str(meta.get("form_version")) != FORM_VERSION:
        reader.report("E1806", {"version": str(meta.get("form_version")), "expected": FORM_VERSION})
        return None
    metadata = reader.plan.metadata
    form_plan = f"{meta.get('municipality')} {meta.get('year')}"
    plan = f"{metadata.municipality.name} {metadata.year}"
    if form_plan != plan:
        reader.report("E1805", {"form_plan": form_plan, "plan": plan})
        return None
    provider = str(meta.get("provider") or "")
    if provider and provider not in {p.id for p in reader.plan.analysis.providers}:
        reader.report("E1807", {"ref": provider})
        return None
    return provider


def _expect(sheet: Worksheet, row: int, column: int, expected: str, reader: _Reader) -> bool:
    found = sheet.cell(row=row, column=column).value
    if str(found or "").strip() == expected:
        return True
    reader.report("E1809", {"found": shown(found) if found is not None else "", "expected": expected},
                  Cell(sheet.title, row, column))
    return False


def _shape(workbook: Any, reader: _Reader) -> bool:
    """Sheets, headers, no merged cells, no formulas: else the answers cannot be trusted to be where read."""
    missing = [name for name in ANSWER_SHEETS if name not in workbook.sheetnames]
    for name in missing:
        reader.report("E1808", {"sheet": name}, path=name)
    if missing:
        return False
    for name in ANSWER_SHEETS:
        sheet = workbook[name]
        if sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLUMNS:  # read cell by cell, it would never end
            reader.report("E1803", {"detail": f"lapas „{name}“ siekia {sheet.max_row} eilutę ir "
                                              f"{sheet.max_column} stulpelį (riba {MAX_ROWS} ir {MAX_COLUMNS})",
                                    "detail_en": f"the sheet '{name}' reaches row {sheet.max_row} and column "
                                                 f"{sheet.max_column} (limit {MAX_ROWS} and {MAX_COLUMNS})"},
                          path=name)
            return False
    headers = _headers(workbook, reader)
    return _values_only(workbook, reader) and headers


def _headers(workbook: Any, reader: _Reader) -> bool:
    year = reader.plan.metadata.year
    ok = True
    institution = workbook[INSTITUTION_SHEET]
    for column, title in enumerate(INSTITUTION_HEADERS, start=1):
        ok &= _expect(institution, 1, column, title, reader)
    for offset, field_ in enumerate(INSTITUTION_FIELDS):
        ok &= _expect(institution, FIRST_FIELD_ROW + offset, 1, field_.label + (" *" if field_.required else ""),
                      reader)
    for column, title in enumerate(ACCREDITATION_HEADERS, start=1):
        ok &= _expect(institution, ACCREDITATION_HEADER_ROW, column, title, reader)
    for name, columns in ((SERVICES_SHEET, SERVICE_COLUMNS), (PROJECTS_SHEET, PROJECT_COLUMNS),
                          (PROPOSALS_SHEET, PROPOSAL_COLUMNS)):
        for index, column_ in enumerate(columns, start=1):
            ok &= _expect(workbook[name], 1, index, column_.title(year), reader)
    return ok


def _values_only(workbook: Any, reader: _Reader) -> bool:
    """No merged cells and no formulas in the answer sheets (each reported where it is)."""
    before = len(reader.findings)
    for name in ANSWER_SHEETS:
        sheet = workbook[name]
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            reader.report("E1811", {"range": merged.coord}, Cell(name, merged.min_row, merged.min_col))
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    reader.report("E1810", {"formula": shown(cell.value)}, Cell(name, cell.row, cell.column))
    return len(reader.findings) == before


def _outside(sheet: Worksheet, reader: _Reader, columns: int, first_row: int = 2) -> None:
    """Warn of values typed beside the table: they are not read, and nothing typed is lost unsaid."""
    for row in sheet.iter_rows(min_row=first_row, min_col=columns + 1):
        for cell in row:
            if cell.value is not None and str(cell.value).strip():
                reader.report("W1833", {"value": shown(cell.value)}, Cell(sheet.title, cell.row, cell.column))


def _institution(sheet: Worksheet, reader: _Reader, answers: FormAnswers) -> None:
    for offset, field_ in enumerate(INSTITUTION_FIELDS):
        row = FIRST_FIELD_ROW + offset
        cell = Cell(sheet.title, row, 2)
        answers.institution_cells[field_.key] = cell
        value = reader.value(sheet, row, 2, field_.kind)
        if value is not None:
            answers.institution[field_.key] = value
    first = ACCREDITATION_HEADER_ROW + 1
    for row in range(first, first + ACCREDITATION_ROWS):
        service = reader.value(sheet, row, 1, Kind.SERVICE)
        when = reader.value(sheet, row, 2, Kind.DATE)
        if service is not None:
            answers.accreditations.append((service, when, Cell(sheet.title, row, 1)))
        elif when is not None:
            reader.report("E1817", {"field": ACCREDITATION_HEADERS[0]}, Cell(sheet.title, row, 1))
    _outside(sheet, reader, len(INSTITUTION_HEADERS), first_row=1)
    for cells in sheet.iter_rows(min_row=first + ACCREDITATION_ROWS, max_col=len(INSTITUTION_HEADERS)):
        for typed in cells:
            if typed.value is not None and str(typed.value).strip():
                reader.report("W1833", {"value": shown(typed.value)}, Cell(sheet.title, typed.row, typed.column))


def _required(sheet: Worksheet, reader: _Reader, answers: FormAnswers) -> None:
    """A new provider needs its name, owner and type: the blank form, once filled at all, must give them."""
    for offset, field_ in enumerate(INSTITUTION_FIELDS):
        raw = sheet.cell(row=FIRST_FIELD_ROW + offset, column=2).value
        if field_.required and field_.key not in answers.institution and raw in (None, ""):
            reader.report("E1817", {"field": field_.label}, answers.institution_cells[field_.key])


def _row_values(sheet: Worksheet, row: int, columns: Sequence[Column], reader: _Reader) -> tuple[dict[str, Any],
                                                                                              dict[str, Cell], bool]:
    values: dict[str, Any] = {}
    cells: dict[str, Cell] = {}
    typed = False
    for index, column in enumerate(columns, start=1):
        raw = sheet.cell(row=row, column=index).value
        typed |= raw is not None and str(raw).strip() != ""
        cells[column.key] = Cell(sheet.title, row, index)
        value = reader.value(sheet, row, index, column.kind)
        if value is not None:
            values[column.key] = value
    return values, cells, typed


def _services(sheet: Worksheet, reader: _Reader, answers: FormAnswers) -> None:
    seen: dict[tuple[str, str], int] = {}
    for row in range(2, sheet.max_row + 1):
        values, cells, typed = _row_values(sheet, row, SERVICE_COLUMNS, reader)
        if not typed:
            continue
        if "service" not in values:
            if sheet.cell(row=row, column=1).value in (None, ""):
                reader.report("E1817", {"field": SERVICE_COLUMNS[0].header}, cells["service"])
            continue
        group = values.get("group", "")
        group_typed = sheet.cell(row=row, column=2).value not in (None, "")  # a wrong group is reported already
        if not group and not group_typed and any(k in values for k in ("recipients", "waiting", "planned")):
            reader.report("E1821", {}, cells["group"])
        key = (values["service"], group)
        if key in seen:
            reader.report("E1818", {"service": reader.reference.service_name(key[0]),
                                    "group": reader.reference.group_name(group) if group else "–",
                                    "other": str(seen[key])}, cells["service"])
            continue
        seen[key] = row
        answers.services.append(ServiceAnswer(row, values, cells))
    _outside(sheet, reader, len(SERVICE_COLUMNS))


def _projects(projects: Worksheet, proposals: Worksheet, reader: _Reader, answers: FormAnswers) -> None:
    for row in range(2, projects.max_row + 1):
        values, cells, typed = _row_values(projects, row, PROJECT_COLUMNS, reader)
        if typed and values:
            answers.projects.append((values, cells["title"]))
    _outside(projects, reader, len(PROJECT_COLUMNS))
    for row in range(2, proposals.max_row + 1):
        text = reader.value(proposals, row, 1, Kind.TEXT)
        if text:
            answers.proposals.append((str(text), Cell(proposals.title, row, 1)))
    _outside(proposals, reader, len(PROPOSAL_COLUMNS))
