"""The plan as a tagged PDF/UA-1 file, made from its Word document by LibreOffice.

The Word document already carries what the PDF needs: language lt-LT (styles
and core properties), the plan's title (core properties), real headings, table
header rows and table titles. LibreOffice exports it with tagging and PDF/UA on
and the document title shown as the window title, in a profile of its own (a
temporary folder), so a user's LibreOffice settings and a running LibreOffice
cannot change or block the export.

PDF bytes are not reproducible: LibreOffice writes the export time and a random
document id into the file. Tests check the file's properties, not its bytes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from planas.errors import UsageError

# Export filter options (LibreOffice 7.4+ reads them as JSON after the filter name).
EXPORT_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "ExportFormFields": {"type": "boolean", "value": "false"},
}
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 180
MISSING = ("planas: PDF daromas su LibreOffice, bet jo nerasta: įdiekite paketą libreoffice-writer-nogui "
           "(LibreOffice is needed for PDF: install the package libreoffice-writer-nogui)")


def find_soffice() -> str | None:
    """The LibreOffice program on the PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_filter() -> str:
    """The `--convert-to` argument: PDF with the export options above."""
    return "pdf:writer_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":"))


def docx_to_pdf(document: bytes) -> bytes:
    """The Word document's bytes exported as a tagged PDF/UA-1 file (LibreOffice, temporary profile).

    Raises `UsageError` (exit 2) when LibreOffice is missing or the export fails.
    """
    soffice = find_soffice()
    if soffice is None:
        raise UsageError(MISSING)
    with tempfile.TemporaryDirectory(prefix="planas-pdf-") as folder:
        work = Path(folder)
        source = work / "plan.docx"
        source.write_bytes(document)
        profile = (work / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--convert-to", convert_filter(), "--outdir", str(work / "out"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UsageError(f"planas: LibreOffice neatsakė per {TIMEOUT_SECONDS} s; PDF neparengtas "
                             f"(LibreOffice did not finish in {TIMEOUT_SECONDS} s)") from None
        target = work / "out" / "plan.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            last = detail[-1] if detail else f"exit {done.returncode}"
            raise UsageError(f"planas: LibreOffice nepavyko parengti PDF (LibreOffice could not export): {last}")
        return target.read_bytes()
