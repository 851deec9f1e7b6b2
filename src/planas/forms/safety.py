"""A filled form is untrusted input: its ZIP container is measured before openpyxl opens it."""

from __future__ import annotations

import io
import zipfile

from planas.loading.archive import ZipLimits, ZipProblem, zip_problem

MAX_FORM_BYTES = 10 * 1024 * 1024
"""A real form is a few dozen KB; a file ten megabytes large is no form."""
MAX_ENTRIES = 400
MAX_UNPACKED = 60 * 1024 * 1024
MAX_RATIO = 200
"""Unpacked size per packed byte of one entry: XML packs about 10:1, a zip bomb a thousandfold."""


_LIMITS = ZipLimits(max_entries=MAX_ENTRIES, max_total=MAX_UNPACKED, max_entry=MAX_UNPACKED, max_ratio=MAX_RATIO)


class UnsafeWorkbook(Exception):
    """The container is refused: `kind` is `not_xlsx` or `unsafe`, `detail` says why (Lithuanian, English)."""

    def __init__(self, kind: str, detail_lt: str, detail_en: str) -> None:
        """Keep why the file was refused."""
        super().__init__(detail_en)
        self.kind, self.detail_lt, self.detail_en = kind, detail_lt, detail_en


def check_container(raw: bytes) -> None:
    """Raise `UnsafeWorkbook` unless `raw` is a ZIP of plausible size, entry count and compression ratio."""
    if len(raw) > MAX_FORM_BYTES:
        raise UnsafeWorkbook("unsafe", f"failas {len(raw)} B (riba {MAX_FORM_BYTES} B)",
                             f"the file has {len(raw)} bytes (limit {MAX_FORM_BYTES})")
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise UnsafeWorkbook("not_xlsx", "tai ne ZIP (XLSX) failas (gal senas .xls ar apsaugotas slaptažodžiu?)",
                             "it is no ZIP (XLSX) file (an old .xls, or protected by a password?)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UnsafeWorkbook("not_xlsx", f"sugadintas ZIP ({error})", f"a damaged ZIP ({error})") from None
    problem = zip_problem(entries, _LIMITS)
    if problem is not None:
        raise _unsafe(problem)
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeWorkbook("not_xlsx", "ZIP archyve nėra skaičiuoklės (xl/workbook.xml)",
                             "the ZIP holds no spreadsheet (xl/workbook.xml)")


def _unsafe(problem: ZipProblem) -> UnsafeWorkbook:
    """The refusal of a container that breaks a limit, in both languages."""
    if problem.kind == "entries":
        return UnsafeWorkbook("unsafe", f"{problem.found} įrašų archyve (riba {problem.limit})",
                              f"{problem.found} entries in the archive (limit {problem.limit})")
    if problem.kind == "encrypted":
        return UnsafeWorkbook("not_xlsx", f"archyvo įrašas {problem.entry} užšifruotas (apsaugotas slaptažodžiu?)",
                              f"the archive entry {problem.entry} is encrypted (protected by a password?)")
    if problem.kind == "too_large":
        return UnsafeWorkbook("unsafe", f"išpakuotas būtų {problem.found} B (riba {problem.limit} B)",
                              f"it would unpack to {problem.found} bytes (limit {problem.limit})")
    return UnsafeWorkbook("unsafe", f"įrašas {problem.entry} suspaustas {problem.found} kartų",
                          f"the entry {problem.entry} is compressed {problem.found} times")
