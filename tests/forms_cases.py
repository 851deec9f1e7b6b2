"""Filled forms as a provider (or an accident) would return them: one per way a form goes wrong.

Each case edits a fresh form of the Birštonas 2021 example with openpyxl (or
replaces its bytes) and names the rule `planas forms merge` must raise, and
where. tests/test_forms_cases.py runs them; tests/test_rule_coverage.py counts
their codes.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

Edit = Callable[[Any], None]


@dataclass(frozen=True)
class FormCase:
    """A broken form: how to break it, the expected code and the expected location (`Sheet!A1` or '')."""

    name: str
    code: str
    cell: str
    form: str = "spc.xlsx"
    edit: Edit | None = None
    replace: Callable[[bytes], bytes] | None = None


def _meta(row: int, value: str) -> Edit:
    def edit(workbook: Any) -> None:
        workbook["planas"].cell(row=row, column=2, value=value)

    return edit


def _set(sheet: str, cell: str, value: Any) -> Edit:
    def edit(workbook: Any) -> None:
        workbook[sheet][cell] = value

    return edit


def _rename(workbook: Any) -> None:
    workbook["Paslaugos"].title = "Paslaugos 2021"


def _move_column(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    sheet.move_range("E1:E40", cols=5)  # recipients moved to the right of the table


def _merge_cells(workbook: Any) -> None:
    workbook["Paslaugos"].merge_cells("C2:D2")


def _zip_bomb(raw: bytes) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("xl/media/bomb.bin", b"\0" * (8 * 1024 * 1024))
    return stream.getvalue()


def _word_file(raw: bytes) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", "<document/>")
    return stream.getvalue()


def _broken_xml(raw: bytes) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, b"<workbook><sheets>" if info.filename == "xl/workbook.xml" else data)
    return stream.getvalue()


def _new_service_row(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value is None)
    sheet.cell(row=row, column=1, value="Psichosocialinė pagalba")
    sheet.cell(row=row, column=2, value="Senyvo amžiaus asmenys ir jų šeimos")
    sheet.cell(row=row, column=8, value=12.5)  # a price without its unit


def _duplicate_row(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value is None)
    for column in range(1, 3):
        sheet.cell(row=row, column=column, value=sheet.cell(row=2, column=column).value)


def _conflict(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "Pagalba į namus"]
    sheet.cell(row=rows[1], column=3, value=41)  # places differ between the service's two rows


def _no_group(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value is None)
    sheet.cell(row=row, column=1, value="Psichosocialinė pagalba")
    sheet.cell(row=row, column=5, value=3)


def _delete_row(workbook: Any) -> None:
    sheet = workbook["Paslaugos"]
    for column in range(1, 10):
        sheet.cell(row=2, column=column).value = None  # cell(..., value=None) would leave the value


def _blank_half_filled(workbook: Any) -> None:
    workbook["Įstaiga"]["B2"] = "Bendruomenės centras „Versmė“"


CASES = (
    FormCase("another-year", "E1805", "", edit=_meta(5, "2022")),
    FormCase("another-municipality", "E1805", "", edit=_meta(4, "Prienų r.")),
    FormCase("another-version", "E1806", "", edit=_meta(2, "0")),
    FormCase("unknown-provider", "E1807", "", edit=_meta(6, "dingęs")),
    FormCase("no-identity", "E1804", "", edit=lambda wb: wb.remove(wb["planas"])),
    FormCase("foreign-mark", "E1804", "", edit=_meta(1, "kita-lentele")),
    FormCase("renamed-sheet", "E1808", "Paslaugos", edit=_rename),
    FormCase("moved-column", "E1809", "Paslaugos!E1", edit=_move_column),
    FormCase("formula", "E1810", "Paslaugos!E3", edit=_set("Paslaugos", "E3", "=E2+1")),
    FormCase("merged-cell", "E1811", "Paslaugos!C2", edit=_merge_cells),
    FormCase("text-in-number", "E1812", "Paslaugos!C8", edit=_set("Paslaugos", "C8", "apie 40")),
    FormCase("negative-number", "E1812", "Įstaiga!B8", edit=_set("Įstaiga", "B8", -2)),
    FormCase("money-three-decimals", "E1813", "Paslaugos!H8", edit=_set("Paslaugos", "H8", 5.205)),
    FormCase("not-a-date", "E1814", "Įstaiga!B7", edit=_set("Įstaiga", "B7", "gegužės mėn.")),
    FormCase("unknown-group", "E1815", "Paslaugos!B2", edit=_set("Paslaugos", "B2", "Visi gyventojai")),
    FormCase("old-service", "E1816", "Paslaugos!A40", edit=_set("Paslaugos", "A40", "Darbas su jaunimu gatvėje")),
    FormCase("blank-without-owner", "E1817", "Įstaiga!B3", form="naujas-teikejas.xlsx", edit=_blank_half_filled),
    FormCase("duplicate-row", "E1818", "Paslaugos!A24", edit=_duplicate_row),
    FormCase("conflicting-places", "E1819", "Paslaugos!C17", edit=_conflict),
    FormCase("price-without-unit", "E1820", "Paslaugos!I24", edit=_new_service_row),
    FormCase("figures-without-group", "E1821", "Paslaugos!B24", edit=_no_group),
    FormCase("empty-file", "E1802", "", replace=lambda raw: b""),
    FormCase("not-xlsx", "E1801", "", replace=lambda raw: "Teikėjo duomenys: 40 vietų\n".encode()),
    FormCase("a-word-document", "E1801", "", replace=_word_file),
    FormCase("broken-workbook-xml", "E1801", "", replace=_broken_xml),
    FormCase("zip-bomb", "E1803", "", replace=_zip_bomb),
    FormCase("a-cell-a-million-rows-down", "E1803", "Paslaugos", edit=_set("Paslaugos", "A1000000", "x")),
    FormCase("removed-row", "W1830", "Paslaugos", edit=_delete_row),
    FormCase("a-project", "W1831", "Projektai!A2", edit=_set("Projektai", "A2", "Savanorystė senjorams")),
    FormCase("a-proposal", "W1832", "Pasiūlymai!A3", edit=_set("Pasiūlymai", "A3", "Reikia daugiau vietų")),
    FormCase("beside-the-table", "W1833", "Paslaugos!K4", edit=_set("Paslaugos", "K4", "pastaba")),
)

TWICE_CODE = "E1822"
"""Raised by two forms of one provider in one merge (tests/test_forms.py, test_one_provider_twice)."""


@cache
def _generated(plan_file: Path) -> tuple[tuple[str, bytes], ...]:
    from tests.conftest import run_planas

    with tempfile.TemporaryDirectory(prefix="planas-forms-") as folder:
        out = Path(folder) / "out"
        result = run_planas("forms", plan_file, "-o", out)
        assert result.code == 0, str(result)
        return tuple((path.name, path.read_bytes()) for path in sorted(out.iterdir()))


def example_forms(plan_file: Path, folder: Path) -> Path:
    """`folder` holding what `planas forms PLAN -o FOLDER` writes for the unchanged plan, returned.

    The command runs once per process and plan file (its output is byte-identical each time,
    tests/test_forms.py checks it); each test gets its own copy of the bytes to fill in.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _generated(plan_file):
        (folder / name).write_bytes(data)
    return folder
