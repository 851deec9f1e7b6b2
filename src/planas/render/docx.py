"""The plan as a Word document: docxtpl renders the template, then planas writes each block in place.

The template prints a placeholder paragraph per block (`{{ block.marker }}`),
where the landscape pages begin and end, and where the table of contents
goes; `render_docx` replaces each placeholder with real Word content
(planas.render.docx_blocks) and sets the document's language and properties
(planas.render.docx_meta). Output is byte-identical for the same input:
properties come from the plan, zip members get a fixed timestamp.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import Any

from planas.errors import UsageError
from planas.render.blocks import Block, block_marker
from planas.render.engine import TemplateProblem, guard, make_environment
from planas.render.templates import default_template
from planas.render.viewmodel import PlanView

DEFAULT_TEMPLATE = "plan.docx"
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MARKER_OPEN = block_marker("")[:-1]
# Package parts python-docx's own template carries and a plan does not need.
_LEFTOVER_RELS = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
)


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
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def _default_template() -> bytes:
    return default_template(DEFAULT_TEMPLATE).read_bytes()


def _blocks(view: PlanView) -> dict[str, tuple[Block, bool]]:
    """Every block by its key, with whether its page is landscape."""
    return {
        block.key: (block, section.landscape)
        for chapter in view.chapters for section in chapter.sections for block in section.blocks
    }


def _break_lines(body: Any) -> None:
    """A line break typed in a heading ("I SKYRIUS", new line, "ĮVADAS") as a real line break."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for text in list(body.iter(qn("w:t"))):
        if text.text and "\n" in text.text:
            first, *rest = text.text.split("\n")
            text.text = first
            anchor = text
            for line in rest:
                br = OxmlElement("w:br")
                anchor.addnext(br)
                piece = OxmlElement("w:t")
                piece.text = line
                br.addnext(piece)
                anchor = piece


def _section_end(paragraph: Any, section_properties: Any, *, landscape: bool) -> None:
    """End a Word section at `paragraph`: its sectPr describes the pages before it.

    The properties go into the paragraph before the placeholder when there is
    one (no empty paragraph, no blank page); after a table, the placeholder
    itself carries them, shrunk to nothing.
    """
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    sect = copy.deepcopy(section_properties)
    page = sect.find(qn("w:pgSz"))
    margins = sect.find(qn("w:pgMar"))
    width, height = int(page.get(qn("w:w"))), int(page.get(qn("w:h")))
    if landscape:
        page.set(qn("w:w"), str(max(width, height)))
        page.set(qn("w:h"), str(min(width, height)))
        page.set(qn("w:orient"), "landscape")
        for side in ("w:top", "w:bottom", "w:left", "w:right"):
            margins.set(qn(side), str(int(Mm(20).twips)))
    previous = paragraph._p.getprevious()
    carrier = paragraph._p
    if previous is not None and previous.tag == qn("w:p") and previous.find(qn("w:pPr") + "/" + qn("w:sectPr")) is None:
        carrier = previous
        paragraph._p.getparent().remove(paragraph._p)
    else:
        for run in paragraph.runs:
            run._r.getparent().remove(run._r)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(1)
    ppr = carrier.get_or_add_pPr()
    ppr.append(sect)


def _fill_placeholders(document: Any, view: PlanView) -> None:
    """Each placeholder paragraph replaced by its block, landscape break or table of contents."""
    from docx.text.paragraph import Paragraph

    from planas.render.docx_blocks import BlockWriter
    from planas.render.docx_meta import table_of_contents

    blocks = _blocks(view)
    writer = BlockWriter(document)
    body = document.element.body
    final_section = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    for element in list(body.iterchildren()):
        if not element.tag.endswith("}p"):
            continue
        paragraph = Paragraph(element, document._body)
        text = paragraph.text.strip()
        if not text.startswith(_MARKER_OPEN):
            continue
        key = text[len(_MARKER_OPEN):-1]
        if key == "toc":
            if view.table_of_contents:
                table_of_contents(document, paragraph, view)
            body.remove(element)
        elif key.startswith("landscape-begin:"):
            _section_end(paragraph, final_section, landscape=False)
        elif key.startswith("landscape-end:"):
            _section_end(paragraph, final_section, landscape=True)
        elif key in blocks:
            block, landscape = blocks[key]
            writer.view_block(paragraph, block, landscape)
            body.remove(element)


def _drop_leftovers(document: Any) -> None:
    """Relationships to python-docx's thumbnail and sample custom XML, so their parts are not saved."""
    for owner in (document.part.package, document.part):
        for rel in list(owner.rels.values()):
            if rel.reltype in _LEFTOVER_RELS:
                owner.rels.pop(rel.rId)


def _load(template: Path | None) -> tuple[Any, str]:
    """The docxtpl template: the default, or a municipality's own (a located error when it is not a .docx)."""
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
    return document, name


def render_docx(view: PlanView, template: Path | None = None) -> bytes:
    """Render the view-model into a Word document (the default template or a municipality's own)."""
    from planas.render.docx_meta import (
        set_core_properties,
        set_custom_properties,
        set_extended_properties,
        set_language,
    )

    document, name = _load(template)
    env = make_environment(autoescape=True)
    guard(name, lambda: document.render({"view": view}, jinja_env=env))
    docx = document.docx
    _fill_placeholders(docx, view)
    _break_lines(docx.element.body)
    set_language(docx)
    set_core_properties(docx, view.properties)
    set_extended_properties(docx)
    set_custom_properties(docx, view.properties.custom)
    _drop_leftovers(docx)
    buffer = io.BytesIO()
    docx.save(buffer)
    return normalise_docx(buffer.getvalue())
