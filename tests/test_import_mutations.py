"""What a person does to a plan in Word: each mutation of the rendered example imports to the same content.

The example is rendered by planas, then changed the way planners change their
documents (numbers retyped, a header row copied into the middle, a table split
at a page break, header rows merged by hand, a column inserted, a tracked
change); the import must give the same content (`test_import_roundtrip._content`)
or report the change with a finding. `make fuzz` is where all examples run.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from planas.importing import ImportResult, import_docx
from planas.repository.localref import reference_for

from .conftest import EXAMPLE
from .html_support import render_example
from .test_import_roundtrip import _content

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Mutation = Callable[[etree._Element], None]


@pytest.fixture(scope="module")
def rendered() -> bytes:
    """The example as `planas render --format docx` writes it (rendered once per process; bytes, never changed)."""
    return render_example(EXAMPLE, "docx")


@pytest.fixture(scope="module")
def original(rendered: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _import(tmp_path_factory.mktemp("original"), rendered)[1]


def _mutated(docx: bytes, mutate: Mutation) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    mutate(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info, data)
    return out.getvalue()


def _table(root: etree._Element, caption: str) -> etree._Element:
    body = root.find(f"{W}body")
    assert body is not None
    previous = ""
    for element in body:
        if element.tag == f"{W}p":
            text = "".join(t.text or "" for t in element.iter(f"{W}t"))
            previous = text or previous
        elif element.tag == f"{W}tbl" and previous == caption:
            return element
    raise AssertionError(caption)


def _text(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(f"{W}t"))


def _set_text(cell: etree._Element, text: str) -> None:
    texts = list(cell.iter(f"{W}t"))
    if not texts:
        paragraph = cell.find(f"{W}p")
        assert paragraph is not None
        texts = [etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}t")]
    texts[0].text = text
    for extra in texts[1:]:
        extra.text = ""


def _import(tmp_path: Path, data: bytes, mode: str = "accept") -> tuple[ImportResult, dict[str, Any]]:
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    result = import_docx(path, reference_for(EXAMPLE), mode)  # type: ignore[arg-type]
    assert result.text is not None and result.errors == 0
    return result, _content(yaml.safe_load(result.text))


PROVISION, MEASURES = "Socialinių paslaugų gavėjai ir laukiantieji", "Priemonių planas"


def retype_numbers(root: etree._Element) -> None:
    """`126 000` -> `126.000 Eur` in the action plan, as many planners type sums."""
    for t in _table(root, MEASURES).iter(f"{W}t"):
        t.text = re.sub(r"(\d{1,3})[\s\u00a0\u202f](\d{3})\b", r"\1.\2 Eur", t.text or "")


def copy_header_mid_table(root: etree._Element) -> None:
    table = _table(root, PROVISION)
    rows = table.findall(f"{W}tr")
    header = copy.deepcopy(rows[0])
    for trpr in header.findall(f"{W}trPr"):
        header.remove(trpr)
    rows[3].addnext(header)


def split_table(root: etree._Element) -> None:
    """A table split at a page break: the rest in a second table whose header row is typed again."""
    table = _table(root, PROVISION)
    rows = table.findall(f"{W}tr")
    second = copy.deepcopy(table)
    for row in second.findall(f"{W}tr")[1:]:
        second.remove(row)
    for row in rows[5:]:
        second.append(row)
    page_break = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}"><w:r><w:br w:type="page"/></w:r></w:p>')
    table.addnext(page_break)
    page_break.addnext(second)


def merge_header_by_hand(root: etree._Element) -> None:
    """One header row -> two: `Gavėjai ir laukiantieji` over the year columns, the others merged down."""
    table = _table(root, PROVISION)
    header = table.findall(f"{W}tr")[0]
    cells = header.findall(f"{W}tc")
    lower = copy.deepcopy(header)
    lower_cells = lower.findall(f"{W}tc")
    for index, (top, bottom) in enumerate(zip(cells, lower_cells, strict=True)):
        if 3 <= index <= 6:
            continue
        top_pr = top.find(f"{W}tcPr")
        assert top_pr is not None
        etree.SubElement(top_pr, f"{W}vMerge").set(f"{W}val", "restart")
        bottom_pr = bottom.find(f"{W}tcPr")
        assert bottom_pr is not None
        etree.SubElement(bottom_pr, f"{W}vMerge")
        _set_text(bottom, "")
    _set_text(cells[3], "Gavėjai ir laukiantieji")
    span_pr = cells[3].find(f"{W}tcPr")
    assert span_pr is not None
    etree.SubElement(span_pr, f"{W}gridSpan").set(f"{W}val", "4")
    for cell in cells[4:7]:
        header.remove(cell)
    header.addnext(lower)


def insert_column(root: etree._Element) -> None:
    """A column `Pastabos` added to the action plan, with a remark in one row."""
    table = _table(root, MEASURES)
    grid = table.find(f"{W}tblGrid")
    assert grid is not None
    etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", "900")
    for index, row in enumerate(table.findall(f"{W}tr")):
        cell = copy.deepcopy(row.findall(f"{W}tc")[-1])
        _set_text(cell, "Pastabos" if index == 0 else ("Suderinta" if index == 1 else ""))
        row.append(cell)


@pytest.mark.parametrize("mutate", [retype_numbers, copy_header_mid_table, split_table, merge_header_by_hand],
                         ids=lambda m: m.__name__)
def test_a_mutation_imports_to_the_same_content(rendered: bytes, original: dict[str, Any], mutate: Mutation,
                                               tmp_path: Path) -> None:
    result, mutated = _import(tmp_path, _mutated(rendered, mutate))
    assert mutated == original
    if mutate is copy_header_mid_table:
        assert "W2111" in {f.code for f in result.findings}


def test_an_inserted_column_keeps_its_values_with_a_finding(rendered: bytes, original: dict[str, Any],
                                                           tmp_path: Path) -> None:
    result, mutated = _import(tmp_path, _mutated(rendered, insert_column))
    assert mutated == original
    assert any(f.code == "W2119" and dict(f.params)["title"] == "Pastabos" for f in result.findings)
    assert "Suderinta" in (result.text or "")


def test_a_tracked_change_is_accepted_or_rejected(rendered: bytes, original: dict[str, Any], tmp_path: Path) -> None:
    def retitle(root: etree._Element) -> None:
        row = _table(root, MEASURES).findall(f"{W}tr")[1]
        title_cell = row.findall(f"{W}tc")[2]
        run = next(title_cell.iter(f"{W}r"))
        deleted = etree.Element(f"{W}del")
        run.addprevious(deleted)
        deleted.append(run)
        for t in run.iter(f"{W}t"):
            t.tag = f"{W}delText"
        inserted = etree.fromstring(f'<w:ins xmlns:w="{W[1:-1]}"><w:r><w:t>Nauja priemonė</w:t></w:r></w:ins>')
        deleted.addnext(inserted)

    changed = _mutated(rendered, retitle)
    accepted, accepted_content = _import(tmp_path, changed)
    _, rejected_content = _import(tmp_path, changed, "reject")
    assert accepted_content["measures"]["1.1"][0] == "Nauja priemonė"
    assert rejected_content == original
    assert "W2101" in {f.code for f in accepted.findings}


@pytest.mark.visual
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI has it")
def test_a_document_resaved_by_libreoffice_imports_to_the_same_content(rendered: bytes, original: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    source = tmp_path / "in" / "plan.docx"
    source.parent.mkdir()
    source.write_bytes(rendered)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    _, resaved = _import(tmp_path, (tmp_path / "out" / "plan.docx").read_bytes())
    assert resaved == original
