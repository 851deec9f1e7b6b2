"""`planas render --format pdf`: a tagged PDF/UA-1 file, checked by its properties (its bytes vary)."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE, run_planas
from tests.html_support import render_example

pikepdf = pytest.importorskip("pikepdf")
page_validation = pytest.importorskip("page")

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                   reason="LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui")
pytestmark = [pytest.mark.visual]


def _structure(node: Any) -> Iterator[Any]:
    """Every structure element below a node of the structure tree."""
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            yield node
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                yield from _structure(kid)
        elif kids is not None:
            yield from _structure(kids)


def _word_headings(document: bytes) -> Counter[str]:
    from docx import Document

    names = {"Heading 1": "/H1", "Priedo antraštė": "/H1", "Heading 2": "/H2", "Heading 3": "/H3"}
    doc = Document(io.BytesIO(document))
    return Counter(names[p.style.name] for p in doc.paragraphs if p.style is not None and p.style.name in names)


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui")
    target = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    result = run_planas("render", EXAMPLE, "--format", "pdf", "-o", target)
    assert result.code == 0, result
    return target


@needs_soffice
def test_pdf_is_pdf_ua_1_compliant(example_pdf: Path) -> None:
    report = page_validation.validate_pdf(example_pdf, profile=page_validation.ValidationProfile.PDF_UA_1)
    assert report.rules.total > 50
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant


@needs_soffice
def test_pdf_language_title_tags_and_pdfua_id(example_pdf: Path) -> None:
    with pikepdf.open(example_pdf) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "lt-LT"
        assert bool(root.MarkInfo.Marked)
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert "/StructTreeRoot" in root
        with pdf.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"] == "Birštono savivaldybės 2021 metų socialinių paslaugų planas"


@needs_soffice
def test_pdf_headings_header_cells_and_figures(example_pdf: Path) -> None:
    with pikepdf.open(example_pdf) as pdf:
        elements = list(_structure(pdf.Root.StructTreeRoot))
        kinds = Counter(str(e.S) for e in elements)
        headings = Counter({k: v for k, v in kinds.items() if k in ("/H1", "/H2", "/H3")})
        assert headings == _word_headings(render_example(EXAMPLE, "docx"))
        header_cells = [e for e in elements if e.S == "/TH"]
        assert header_cells and kinds["/Table"] >= 8
        for cell in header_cells:
            attributes = cell.get("/A")
            listed = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
            assert any(a is not None and "/Scope" in a for a in listed)
        assert all("/Alt" in e and str(e.Alt).strip() for e in elements if e.S == "/Figure")


def _png(width: int = 8, height: int = 8) -> bytes:
    """A small grey PNG (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _docx_with_picture(description: str) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn

    from planas.render.docx_meta import set_language

    doc = Document()
    set_language(doc)
    doc.core_properties.title = "Bandomasis dokumentas"
    doc.add_heading("Paveikslas", level=1)
    doc.add_picture(io.BytesIO(_png()))
    for properties in doc.element.body.iter(qn("wp:docPr")):
        properties.set("descr", description)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@needs_soffice
def test_a_picture_without_a_description_fails_the_check() -> None:
    from planas.render.pdf import docx_to_pdf

    profile = page_validation.ValidationProfile.PDF_UA_1
    described = docx_to_pdf(_docx_with_picture("Pilkas kvadratas"))
    bare = docx_to_pdf(_docx_with_picture(""))
    assert page_validation.validate_pdf_bytes(described, profile=profile).is_compliant
    report = page_validation.validate_pdf_bytes(bare, profile=profile)
    assert not report.is_compliant
    assert any("Alt" in f.message or "alternat" in f.message.lower() for f in report.failures), [
        (f.rule_id, f.message) for f in report.failures]
    with pikepdf.open(io.BytesIO(described)) as pdf:
        figures = [e for e in _structure(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        assert figures and str(figures[0].Alt) == "Pilkas kvadratas"


def test_missing_libreoffice_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run_planas("render", EXAMPLE, "--format", "pdf", "-o", tmp_path / "plan.pdf")
    assert result.code == 2, result
    assert "libreoffice-writer-nogui" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "plan.pdf").exists()


def test_check_is_refused_for_pdf_whose_bytes_vary(tmp_path: Path) -> None:
    result = run_planas("render", EXAMPLE, "--format", "pdf", "--check", "-o", tmp_path / "plan.pdf")
    assert result.code == 2 and "--check" in result.stderr
