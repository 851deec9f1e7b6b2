"""Build the default Word template, templates/plan.docx, reproducibly.

    python scripts/make_docx_template.py

The template is an ordinary Word document with Jinja tags (docxtpl): open it in
Word or LibreOffice and restyle it (fonts, margins, header, logo, table style).
Keep the tags. Variables: `view` (planas.render.viewmodel.PlanView).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planas.render.docx import normalise_docx

OUT = ROOT / "templates" / "plan.docx"
FONT = "Times New Roman"


def _font(style: object, size: int, *, bold: bool = False, italic: bool = False) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would override the named one


def _styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.first_line_indent = None
    for name, size, align in (("Heading 1", 12, WD_ALIGN_PARAGRAPH.CENTER), ("Heading 2", 12, None)):
        style = styles[name]
        _font(style, size, bold=True)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        if align is not None:
            style.paragraph_format.alignment = align
    custom = {
        "Plano antraštė": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        "Patvirtinimo žyma": (12, False, False, None),
        "Lentelės pavadinimas": (11, True, False, None),
        "Lentelės tekstas": (9, False, False, None),
        "Pastaba": (10, False, True, None),
        "Sąrašo punktas": (12, False, False, None),
    }
    for name, (size, bold, italic, align) in custom.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, size, bold=bold, italic=italic)
        fmt = style.paragraph_format
        if align is not None:
            fmt.alignment = align
        if name == "Patvirtinimo žyma":
            fmt.left_indent = Mm(95)
            fmt.space_after = Pt(0)
        if name == "Lentelės tekstas":
            fmt.space_after = Pt(0)
        if name == "Lentelės pavadinimas":
            fmt.keep_with_next = True
            fmt.space_before = Pt(6)
        if name == "Sąrašo punktas":
            fmt.left_indent = Mm(10)
    _font(styles["List Bullet"], 12)


def _paragraph(doc: Document, text: str, style: str = "Normal") -> object:
    return doc.add_paragraph(text, style=style)


def _section_break(doc: Document, *, landscape: bool) -> None:
    """A paragraph that ends a section: its properties describe the section before it."""
    paragraph = doc.add_paragraph()
    body_sect = doc.sections[0]._sectPr  # the document's final section properties
    sect = copy.deepcopy(body_sect)
    # Footer references stay: every section shows the same footer (page numbers).
    page = sect.find(qn("w:pgSz"))
    margins = sect.find(qn("w:pgMar"))
    if landscape:
        page.set(qn("w:w"), str(int(Mm(297).twips)))
        page.set(qn("w:h"), str(int(Mm(210).twips)))
        page.set(qn("w:orient"), "landscape")
        for side in ("w:top", "w:bottom", "w:left", "w:right"):
            margins.set(qn(side), str(int(Mm(20).twips)))
    paragraph._p.get_or_add_pPr().append(sect)


def _page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _footer_page_number(doc: Document) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _table(doc: Document) -> None:
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    cells = [
        ("{%tc for h in block.header %}", "{{ h }}", "{%tc endfor %}"),
        ("{%tr for row in block.rows %}", "", ""),
        ("{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"),
        ("{%tr endfor %}", "", ""),
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles["Lentelės tekstas"]
            run = paragraph.add_run(text)
            run.bold = row is table.rows[0] or None
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    cant_split = OxmlElement("w:cantSplit")
    table.rows[2]._tr.get_or_add_trPr().append(cant_split)


def build() -> bytes:
    """The template document as bytes (deterministic)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    _styles(doc)
    _footer_page_number(doc)

    _paragraph(doc, "{%p for line in view.approval_lines %}")
    _paragraph(doc, "{{ line }}", "Patvirtinimo žyma")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "")
    _paragraph(doc, "{%p for line in view.title_lines %}")
    _paragraph(doc, "{{ line }}", "Plano antraštė")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p for chapter in view.chapters %}")
    _paragraph(doc, "{%p if chapter.new_page %}")
    _page_break(doc)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{{ chapter.heading }}", "Heading 1")
    _paragraph(doc, "{%p for section in chapter.sections %}")
    _paragraph(doc, "{%p if section.landscape %}")
    _section_break(doc, landscape=False)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if section.heading %}")
    _paragraph(doc, "{{ section.heading }}", "Heading 2")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p for block in section.blocks %}")
    _paragraph(doc, "{%p if block.is_paragraph %}")
    _paragraph(doc, "{{ block.text }}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if block.kind == 'bullets' %}")
    _paragraph(doc, "{%p for item in block.list_items %}")
    _paragraph(doc, "{{ item }}", "List Bullet")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if block.kind == 'numbered' %}")
    _paragraph(doc, "{%p for item in block.list_items %}")
    _paragraph(doc, "{{ item }}", "Sąrašo punktas")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if block.is_table %}")
    _paragraph(doc, "{{ block.caption }}", "Lentelės pavadinimas")
    _table(doc)
    _paragraph(doc, "{%p for note in block.notes %}")
    _paragraph(doc, "{{ note }}", "Pastaba")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p if section.landscape %}")
    _section_break(doc, landscape=True)
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p if view.illustrative_note %}")
    _paragraph(doc, "{{ view.illustrative_note }}", "Pastaba")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{{ view.closing_note }}", "Pastaba")

    core = doc.core_properties
    core.title = "planas: socialinių paslaugų plano šablonas"
    core.author = "planas"
    import datetime as dt

    fixed = dt.datetime(2021, 1, 1)
    core.created = core.modified = fixed
    core.last_modified_by = "planas"
    core.revision = 1
    from io import BytesIO

    buffer = BytesIO()
    doc.save(buffer)
    return normalise_docx(buffer.getvalue())


def main() -> None:
    """Write the template."""
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
