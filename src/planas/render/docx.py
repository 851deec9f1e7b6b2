"""The plan as a Word document: docxtpl renders the template, python-docx finishes the tables.

Output is byte-identical for the same input: document properties come from the
plan, zip members get a fixed timestamp, and nothing random is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planas.errors import UsageError
from planas.render.engine import TemplateProblem, guard, make_environment
from planas.render.templates import default_template
from planas.render.viewmodel import Block, PlanView, iter_tables

DEFAULT_TEMPLATE = "plan.docx"
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Text width in twentieths of a point: A4 portrait minus 30 + 10 mm margins,
# A4 landscape minus 2 x 20 mm (the template's page set-up).
_TEXT_WIDTH = {False: 9638, True: 14570}


def normalise_docx(data: bytes) -> bytes:
    """Re-zip a .docx with fixed timestamps and a fixed member order (reproducible bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        # [Content_Types].xml first, as Word writes it; the rest in a stable order.
        ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def _default_template() -> bytes:
    return default_template(DEFAULT_TEMPLATE).read_bytes()


def _set_width(element: Any, twips: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = element.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        element.insert(0, width)
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")


def _finish_table(table: Any, block: Block, landscape: bool) -> None:
    """Column widths from the view-model, fixed layout, numbers right-aligned."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    total = _TEXT_WIDTH[landscape]
    columns = len(block.header)
    weights = list(block.widths) if len(block.widths) == columns else [1] * columns
    widths = [max(300, total * w // sum(weights)) for w in weights]
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:w"), str(sum(widths)))
        tbl_w.set(qn("w:type"), "dxa")
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(width))
        grid.append(col)
    numeric = list(block.numeric) if len(block.numeric) == columns else [False] * columns
    for index, row in enumerate(table.rows):
        for column, cell in enumerate(row.cells[:columns]):
            _set_width(cell._tc.get_or_add_tcPr(), widths[column])
            if index > 0 and numeric[column]:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _body_tables(document: Any) -> Iterator[Any]:
    from docx.table import Table

    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}tbl"):
            yield Table(child, document)


def render_docx(view: PlanView, template: Path | None = None) -> bytes:
    """Render the view-model into a Word document (the default template or a municipality's own)."""
    from docxtpl import DocxTemplate

    if template is not None:
        try:
            source = template.read_bytes()
        except FileNotFoundError:
            raise UsageError(f"{template}: šablonas nerastas (template not found)") from None
        except OSError as error:
            raise UsageError(f"{template}: šablono nepavyko perskaityti ({error.strerror})") from None
        name = str(template)
    else:
        source, name = _default_template(), DEFAULT_TEMPLATE
    try:
        document = DocxTemplate(io.BytesIO(source))
        document.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateProblem(f"{name}: tai ne Word (.docx) šablonas ({error})") from None
    env = make_environment(autoescape=True)
    guard(name, lambda: document.render({"view": view}, jinja_env=env))
    docx = document.docx
    tables = list(_body_tables(docx))
    expected = list(iter_tables(view))
    if template is None or len(tables) == len(expected):
        for table, (block, landscape) in zip(tables, expected, strict=False):
            _finish_table(table, block, landscape)
    core = docx.core_properties
    props = view.properties
    core.title = props.title
    core.author = props.author
    core.subject = props.subject
    core.keywords = props.keywords
    core.created = props.created
    core.modified = props.created
    core.last_modified_by = "planas"
    core.revision = 1
    core.language = "lt-LT"
    buffer = io.BytesIO()
    docx.save(buffer)
    return normalise_docx(buffer.getvalue())
