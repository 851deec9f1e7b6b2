"""Opening a Word file safely: the zip and its XML are checked before anything is parsed.

A DOCX is a zip of XML parts. A hostile one can be a zip bomb (a small file
that unpacks to gigabytes), declare an external entity or DTD, be encrypted
(then it is an OLE compound file, not a zip), be truncated, or be an old
binary `.doc` renamed. Each is refused here with one clear message; nothing
later ever sees the bytes. Parts are read with bounded reads, so a zip whose
declared sizes lie still cannot make us unpack more than the limits allow.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from planas.loading.archive import ZipLimits, zip_problem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONVERT = "soffice --headless --convert-to docx FAILAS"


class DocxUnreadable(Exception):
    """The file cannot be read as a Word document; the message says why and what to do (exit 2)."""

    def __init__(self, message_lt: str, message_en: str) -> None:
        super().__init__(message_lt)
        self.message_lt = message_lt
        self.message_en = message_en

    def message(self, lang: str) -> str:
        """The message in the reader's language."""
        return self.message_en if lang == "en" else self.message_lt


def _parser() -> etree.XMLParser:
    # No DTD, no entities, no network, no huge trees: the part is data, never instructions.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class DocxPackage:
    """The parts of a DOCX that reading needs, each read within the limits and parsed without a DTD."""

    name: str
    sha256: str
    _zip: zipfile.ZipFile
    _read_total: int = 0

    def has(self, part: str) -> bool:
        """Whether the package holds this part."""
        try:
            self._zip.getinfo(part)
        except KeyError:
            return False
        return True

    def read(self, part: str) -> bytes:
        """A part's bytes, read at most to its limit (the declared size is not trusted)."""
        info = self._zip.getinfo(part)
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read_total)
        try:
            with self._zip.open(info) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, zlib.error) as error:
            raise DocxUnreadable(f"{self.name}: dokumento dalis {part} sugadinta ({error}); atidarykite failą "
                                 "Word ar LibreOffice programa ir išsaugokite iš naujo",
                                 f"{self.name}: the part {part} is damaged ({error}); open the file in Word or "
                                 "LibreOffice and save it again") from None
        if len(data) > limit:
            raise DocxUnreadable(f"{self.name}: dokumento dalis {part} per didelė išpakavus (zip bomba?); "
                                 "toks failas neskaitomas",
                                 f"{self.name}: the part {part} is too large unpacked (zip bomb?); such a file "
                                 "is not read")
        self._read_total += len(data)
        return data

    def xml(self, part: str) -> etree._Element:
        """A part parsed as XML; a DTD or entity declaration is refused."""
        data = self.read(part)
        head = data[:4096].lstrip()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
            raise DocxUnreadable(f"{self.name}: dalyje {part} yra DTD ar esybių (ENTITY) deklaracija; Word tokių "
                                 "nerašo, failas neskaitomas (galimai kenkėjiškas)",
                                 f"{self.name}: the part {part} declares a DTD or entities; Word never writes "
                                 "them, the file is not read (possibly hostile)")
        try:
            root = etree.fromstring(data, parser=_parser())
        except etree.XMLSyntaxError as error:
            raise DocxUnreadable(f"{self.name}: dokumento dalis {part} – ne XML ({error}); išsaugokite failą iš "
                                 "naujo Word ar LibreOffice programa",
                                 f"{self.name}: the part {part} is not XML ({error}); save the file again in "
                                 "Word or LibreOffice") from None
        return root


def _not_docx(name: str, what_lt: str, what_en: str) -> DocxUnreadable:
    return DocxUnreadable(
        f"{name}: {what_lt}, ne Word .docx; konvertuokite: {_CONVERT}",
        f"{name}: {what_en}, not a Word .docx; convert it: {_CONVERT.replace('FAILAS', 'FILE')}",
    )


def _check_magic(name: str, head: bytes, raw: bytes) -> None:
    if head.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
            raise DocxUnreadable(f"{name}: dokumentas apsaugotas slaptažodžiu (užšifruotas); Word programoje "
                                 "pašalinkite slaptažodį (Failas → Informacija → Apsaugoti dokumentą) ir "
                                 "išsaugokite iš naujo",
                                 f"{name}: the document is password-protected (encrypted); remove the password "
                                 "in Word (File → Info → Protect Document) and save it again")
        raise _not_docx(name, "senas Word .doc (dvejetainis) failas", "an old binary Word .doc file")
    if head.startswith(b"{\\rtf"):
        raise _not_docx(name, "RTF failas", "an RTF file")
    if not head.startswith(b"PK"):
        raise _not_docx(name, "failas nėra Word dokumentas (ne zip)", "the file is not a Word document (no zip)")


_LIMITS = ZipLimits(max_entries=MAX_ENTRIES, max_total=MAX_TOTAL_BYTES, max_entry=MAX_PART_BYTES,
                    max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR)


def _check_entries(name: str, archive: zipfile.ZipFile) -> None:
    problem = zip_problem(archive.infolist(), _LIMITS)
    if problem is None:
        return
    if problem.kind == "entries":
        raise DocxUnreadable(f"{name}: per daug dalių ({problem.found} > {problem.limit}); failas neskaitomas",
                             f"{name}: too many parts ({problem.found} > {problem.limit}); the file is not read")
    if problem.kind == "encrypted":
        raise DocxUnreadable(f"{name}: zip dalys užšifruotos; išsaugokite dokumentą be slaptažodžio",
                             f"{name}: the zip parts are encrypted; save the document without a password")
    raise DocxUnreadable(f"{name}: dalis {problem.entry} išpakuota būtų per didelė (zip bomba?); failas "
                         "neskaitomas",
                         f"{name}: the part {problem.entry} would unpack too large (zip bomb?); the file "
                         "is not read")


def open_docx(path: Path, display_name: str | None = None) -> DocxPackage:
    """Check the file and return its package; every refusal is a `DocxUnreadable` with what to do."""
    import hashlib

    name = display_name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocxUnreadable(f"{name}: failas per didelis ({size} B > {MAX_FILE_BYTES} B)",
                                 f"{name}: the file is too large ({size} B > {MAX_FILE_BYTES} B)")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DocxUnreadable(f"{name}: tai aplankas, ne failas", f"{name}: this is a folder, not a file") from None
    except FileNotFoundError:
        raise DocxUnreadable(f"{name}: failo nėra", f"{name}: no such file") from None
    except OSError as error:
        raise DocxUnreadable(f"{name}: failo perskaityti nepavyko ({error.strerror})",
                             f"{name}: the file cannot be read ({error.strerror})") from None
    _check_magic(name, raw[:8], raw)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise DocxUnreadable(f"{name}: zip failas sugadintas ar nepilnas (nutrūko kopijuojant?); nukopijuokite "
                             "arba išsaugokite jį iš naujo",
                             f"{name}: the zip is damaged or truncated (cut off while copying?); copy or save it "
                             "again") from None
    _check_entries(name, archive)
    package = DocxPackage(name, hashlib.sha256(raw).hexdigest(), archive)
    if not package.has("word/document.xml"):
        if package.has("xl/workbook.xml") or package.has("ppt/presentation.xml") or package.has("content.xml"):
            raise _not_docx(name, "tai ne tekstinis Word dokumentas (skaičiuoklė, pateiktis ar ODF)",
                            "this is not a Word text document (a spreadsheet, presentation or ODF file)")
        raise DocxUnreadable(f"{name}: nėra Word dokumento turinio (word/document.xml); išsaugokite failą .docx "
                             "formatu iš naujo",
                             f"{name}: no Word document body (word/document.xml); save the file as .docx again")
    return package
