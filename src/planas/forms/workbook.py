"""Writing the forms: one XLSX per provider of the plan and a blank one, byte-identical for the same plan.

Every sheet is protected (no password: the protection keeps the structure
from being changed by accident, it is no secret); the answer cells are
unlocked, coloured, and validated in the sheet (lists, non-negative whole
numbers, money with two decimals, dates). The identity of the form (plan,
year, form version, provider) is in the hidden sheet `planas`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planas import __version__
from planas.formatting import genitive
from planas.forms.choices import Choices, form_choices
from planas.forms.layout import (
    ACCREDITATION_HEADER_ROW,
    ACCREDITATION_HEADERS,
    ACCREDITATION_ROWS,
    BLANK_FORM_NAME,
    FIRST_FIELD_ROW,
    FORM_KIND,
    FORM_VERSION,
    INFO_SHEET,
    INSTITUTION_FIELDS,
    INSTITUTION_HEADERS,
    INSTITUTION_SHEET,
    LISTS_SHEET,
    META_SHEET,
    PROJECT_COLUMNS,
    PROJECT_ROWS,
    PROJECTS_SHEET,
    PROPOSAL_COLUMNS,
    PROPOSAL_ROWS,
    PROPOSALS_SHEET,
    SERVICE_COLUMNS,
    SERVICE_EXTRA_ROWS,
    SERVICES_SHEET,
    Column,
    Kind,
)
from planas.forms.prefill import Value, institution_values, service_rows
from planas.model import Plan
from planas.model.plan import Provider
from planas.reference import Reference

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_LIST_COLUMNS = {Kind.SERVICE: "A", Kind.GROUP: "B", Kind.INSTITUTION_TYPE: "C", Kind.OWNER: "D"}
_LIST_TITLES = {Kind.SERVICE: "Paslaugos", Kind.GROUP: "Gavėjų grupės", Kind.INSTITUTION_TYPE: "Įstaigų tipai",
                Kind.OWNER: "Savininkai"}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ANSWER_FILL = "FFF8DC"
_HEADER_FILL = "D9E2F3"
_INFO = (
    "{municipality} {year} m. socialinių paslaugų planui: teikėjo duomenys",
    "",
    "Ši forma – savivaldybės prašymas pateikti duomenis apie Jūsų įstaigą ir jos teikiamas socialines paslaugas.",
    "Pildykite tik geltonus langelius; kiti langeliai ir lapų sandara apsaugoti.",
    "Lape „Įstaiga“ – įstaigos duomenys, licencija, akreditacijos ir darbuotojai.",
    ("Lape „Paslaugos“ – viena eilutė vienai paslaugai ir gavėjų grupei: vietos, lankytojai per dieną, "
     "{last} m. gavėjai ir laukiantieji metų pabaigoje, {year} m. planuojami gavėjai, kaina."),
    "Naują paslaugą įrašykite tuščioje eilutėje; paslaugą ir gavėjų grupę pasirinkite iš sąrašo.",
    "Lape „Projektai“ – vykdomi ar planuojami projektai; lape „Pasiūlymai“ – pasiūlymai planui laisva forma.",
    "Skaičius rašykite be teksto (pvz. 12, ne „12 asm.“); sumas – eurais, ne daugiau kaip 2 skaitmenys po kablelio.",
    "Nerašykite formulių, nesujunkite langelių ir nepervadinkite lapų: užpildyta forma nuskaitoma automatiškai.",
    "Tuščias langelis nieko nekeičia: tai, ką savivaldybė jau žino, lieka kaip buvo.",
    "Užpildytą formą grąžinkite savivaldybei el. paštu tuo pačiu failu (.xlsx).",
)


@dataclass(frozen=True)
class FormFile:
    """One form: its file name, the provider it asks (empty for the blank form), and its bytes."""

    name: str
    provider: str
    data: bytes


def build_forms(plan: Plan, reference: Reference) -> list[FormFile]:
    """A form per provider of the plan, in the plan's order, and a blank one for a new provider."""
    choices = form_choices(reference, plan.metadata.year)
    forms = [FormFile(f"{p.id}.xlsx", p.id, form_bytes(plan, p, choices)) for p in plan.analysis.providers]
    taken = {form.name for form in forms}
    blank = BLANK_FORM_NAME
    while blank in taken:  # a provider with that very id: the blank form steps aside
        blank = "_" + blank
    forms.append(FormFile(blank, "", form_bytes(plan, None, choices)))
    return forms


def form_bytes(plan: Plan, provider: Provider | None, choices: dict[Kind, Choices]) -> bytes:
    """One form as XLSX bytes, with fixed dates inside, so that the same plan gives the same bytes."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    workbook = Workbook()
    _named_styles(workbook)
    year = plan.metadata.year
    info = workbook.active
    assert info is not None
    info.title = INFO_SHEET
    _info_sheet(info, plan, provider)
    _institution_sheet(workbook.create_sheet(INSTITUTION_SHEET), provider, choices)
    rows = [r.values for r in service_rows(plan, provider)] if provider is not None else []
    _table_sheet(workbook.create_sheet(SERVICES_SHEET), SERVICE_COLUMNS, year, rows, SERVICE_EXTRA_ROWS, choices)
    _table_sheet(workbook.create_sheet(PROJECTS_SHEET), PROJECT_COLUMNS, year, [], PROJECT_ROWS, choices)
    _table_sheet(workbook.create_sheet(PROPOSALS_SHEET), PROPOSAL_COLUMNS, year, [], PROPOSAL_ROWS, choices)
    _lists_sheet(workbook.create_sheet(LISTS_SHEET), choices)
    _meta_sheet(workbook.create_sheet(META_SHEET), plan, provider)
    workbook.security = WorkbookProtection(lockStructure=True)  # no sheet added, renamed or unhidden
    moment = datetime(year - 1, 12, 1)  # fixed and naive: XLSX stores UTC without a zone
    workbook.properties.creator = "planas"
    workbook.properties.created = moment
    workbook.properties.title = f"{genitive(plan.metadata.municipality.name)} {year} m. plano teikėjo forma"
    stream = io.BytesIO()
    workbook.save(stream)
    return _fixed_zip(stream.getvalue(), moment)


def _fixed_zip(raw: bytes, moment: datetime) -> bytes:
    """The workbook re-packed with fixed entry dates and the save time replaced by `moment`."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the wall clock as `modified`
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, data)
    return out.getvalue()


_FORMATS = {Kind.MONEY: "0.00", Kind.COUNT: "0", Kind.DATE: "yyyy-mm-dd"}


def _named_styles(workbook: Any) -> None:
    """The workbook's few cell styles, registered once: a named style per cell is far cheaper than a style each."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection

    wrap = Alignment(wrap_text=True, vertical="top")
    font = Font(name="Calibri", size=11)  # a style without a font name falls back to a serif face in Calc
    header = NamedStyle("planas-antraste", font=Font(name="Calibri", size=11, bold=True), alignment=wrap,
                        fill=PatternFill("solid", start_color=_HEADER_FILL, end_color=_HEADER_FILL))
    workbook.add_named_style(header)
    workbook.add_named_style(NamedStyle("planas-tekstas", font=font, alignment=wrap))
    for suffix, number_format in (("", "General"), *((kind.value, fmt) for kind, fmt in _FORMATS.items())):
        workbook.add_named_style(NamedStyle(
            f"planas-atsakymas{'-' + suffix if suffix else ''}", font=font, alignment=wrap, number_format=number_format,
            protection=Protection(locked=False),
            fill=PatternFill("solid", start_color=_ANSWER_FILL, end_color=_ANSWER_FILL)))


def _style(cell: Any, *, answer: bool = False, header: bool = False, kind: Kind | None = None) -> None:
    if answer:
        cell.style = f"planas-atsakymas-{kind.value}" if kind in _FORMATS else "planas-atsakymas"
    else:
        cell.style = "planas-antraste" if header else "planas-tekstas"


def _protect(sheet: Worksheet) -> None:
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # a provider may widen a column to read a long name
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"  # printed, a sheet is one page wide
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


def _cell_value(kind: Kind, value: Value, choices: dict[Kind, Choices]) -> Any:
    if value is None:
        return None
    if kind in choices:
        return choices[kind].label_for(str(value))
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _validation(kind: Kind, first: str, choices: dict[Kind, Choices]) -> Any:
    """The in-sheet check of one kind of answer (`first`: the range's top-left cell, for custom formulas)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if kind in choices:
        end = len(choices[kind].labels) + 1
        column = _LIST_COLUMNS[kind]
        rule = DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!${column}$2:${column}${end}",
                              allow_blank=True)
        rule.error = "Pasirinkite reikšmę iš sąrašo."
    elif kind is Kind.COUNT:
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        rule.error = "Įrašykite neneigiamą sveikąjį skaičių (pvz. 12)."
    elif kind is Kind.QUANTITY:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        rule.error = "Įrašykite neneigiamą skaičių (pvz. 7 arba 6.5)."
    elif kind is Kind.MONEY:
        rule = DataValidation(type="custom", formula1=f"AND(ISNUMBER({first}),{first}>=0,ROUND({first},2)={first})",
                              allow_blank=True)
        rule.error = "Įrašykite sumą eurais: neneigiamas skaičius, ne daugiau kaip 2 skaitmenys po kablelio."
    elif kind is Kind.DATE:
        rule = DataValidation(type="date", operator="greaterThan", formula1="DATE(1990,1,1)", allow_blank=True)
        rule.error = "Įrašykite datą, pvz. 2016-05-10."
    else:
        return None
    rule.errorTitle = "Netinkama reikšmė"
    rule.showErrorMessage = True
    return rule


def _info_sheet(sheet: Worksheet, plan: Plan, provider: Provider | None) -> None:
    year = plan.metadata.year
    for row, text in enumerate(_INFO, start=1):
        cell = sheet.cell(row=row, column=1, value=text.format(
            municipality=genitive(plan.metadata.municipality.name), year=year, last=year - 1) or None)
        if row == 1:
            from openpyxl.styles import Font

            cell.font = Font(name="Calibri", bold=True, size=13)
    asked = provider.name if provider is not None else "Naujas teikėjas (savivaldybės plane dar neįrašytas)"
    sheet.cell(row=len(_INFO) + 2, column=1, value=f"Teikėjas: {asked}")
    sheet.column_dimensions["A"].width = 120
    _protect(sheet)


def _institution_sheet(sheet: Worksheet, provider: Provider | None, choices: dict[Kind, Choices]) -> None:
    values = institution_values(provider) if provider is not None else {}
    for column, title in enumerate(INSTITUTION_HEADERS, start=1):
        _style(sheet.cell(row=1, column=column, value=title), header=True)
    validations: dict[Kind, Any] = {}
    for offset, field in enumerate(INSTITUTION_FIELDS):
        row = FIRST_FIELD_ROW + offset
        label = field.label + (" *" if field.required else "")
        _style(sheet.cell(row=row, column=1, value=label))
        if len(label) > 45:
            sheet.row_dimensions[row].height = 30  # a long label wraps onto a second line
        answer = sheet.cell(row=row, column=2, value=_cell_value(field.kind, values.get(field.key), choices))
        _style(answer, answer=True, kind=field.kind)
        _style(sheet.cell(row=row, column=3, value=field.help or None))
        _validate(sheet, validations, field.kind, f"B{row}", choices)
    for column, title in enumerate(ACCREDITATION_HEADERS, start=1):
        _style(sheet.cell(row=ACCREDITATION_HEADER_ROW, column=column, value=title), header=True)
    accreditations = list(provider.accreditations) if provider is not None else []
    first, last = ACCREDITATION_HEADER_ROW + 1, ACCREDITATION_HEADER_ROW + ACCREDITATION_ROWS
    for index, row in enumerate(range(first, last + 1)):
        known = accreditations[index] if index < len(accreditations) else None
        service = sheet.cell(row=row, column=1, value=_cell_value(Kind.SERVICE, known.service if known else None,
                                                                  choices))
        when = sheet.cell(row=row, column=2, value=known.date if known else None)
        _style(service, answer=True)
        _style(when, answer=True, kind=Kind.DATE)
    rule = _validation(Kind.SERVICE, f"A{first}", choices)
    rule.add(f"A{first}:A{last}")
    sheet.add_data_validation(rule)
    _validate(sheet, validations, Kind.DATE, f"B{first}:B{last}", choices)
    for letter, width in (("A", 48), ("B", 40), ("C", 36)):
        sheet.column_dimensions[letter].width = width
    _protect(sheet)


def _validate(sheet: Worksheet, validations: dict[Kind, Any], kind: Kind, cells: str,
              choices: dict[Kind, Choices]) -> None:
    """Add `cells` to the sheet's one validation of `kind` (a custom formula gets its own, relative to them)."""
    if kind is Kind.MONEY or kind not in validations:
        rule = _validation(kind, cells.split(":")[0], choices)
        if rule is None:
            return
        sheet.add_data_validation(rule)
        if kind is not Kind.MONEY:
            validations[kind] = rule
    else:
        rule = validations[kind]
    rule.add(cells)


def _table_sheet(sheet: Worksheet, columns: Iterable[Column], year: int, rows: list[dict[str, Value]],
                 extra: int, choices: dict[Kind, Choices]) -> None:
    from openpyxl.utils import get_column_letter

    columns = tuple(columns)
    last_row = 1 + len(rows) + extra
    validations: dict[Kind, Any] = {}
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        _style(sheet.cell(row=1, column=index, value=column.title(year)), header=True)
        sheet.column_dimensions[letter].width = column.width
        for row in range(2, last_row + 1):
            values = rows[row - 2] if row - 2 < len(rows) else {}
            cell = sheet.cell(row=row, column=index, value=_cell_value(column.kind, values.get(column.key), choices))
            _style(cell, answer=True, kind=column.kind)
        _validate(sheet, validations, column.kind, f"{letter}2:{letter}{last_row}", choices)
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 48  # headers wrap over three lines
    _protect(sheet)


def _lists_sheet(sheet: Worksheet, choices: dict[Kind, Choices]) -> None:
    for kind, letter in _LIST_COLUMNS.items():
        sheet[f"{letter}1"] = _LIST_TITLES[kind]
        for row, label in enumerate(choices[kind].labels, start=2):
            sheet[f"{letter}{row}"] = label
    sheet.sheet_state = "hidden"
    _protect(sheet)


def _meta_sheet(sheet: Worksheet, plan: Plan, provider: Provider | None) -> None:
    values = (FORM_KIND, FORM_VERSION, __version__, plan.metadata.municipality.name, str(plan.metadata.year),
              provider.id if provider is not None else "")
    from planas.forms.layout import META_KEYS

    for row, (key, value) in enumerate(zip(META_KEYS, values, strict=True), start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "hidden"
    _protect(sheet)


__all__ = ["FormFile", "build_forms", "form_bytes"]
