"""Build the default Word template, templates/plan.docx, reproducibly.

    python scripts/make_docx_template.py

The template is an ordinary Word document with Jinja tags (docxtpl): open it in
Word or LibreOffice and restyle it (fonts, margins, header, logo, table style).
Keep the tags. Variables: `view` (planas.render.viewmodel.PlanView).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from planas.render.docx import normalise_docx
from planas.render.docx_meta import set_language

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
    for name, size, align in (("Heading 1", 12, WD_ALIGN_PARAGRAPH.CENTER), ("Heading 2", 12, None),
                              ("Heading 3", 12, None)):
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
        if name == "Plano antraštė":
            fmt.space_before = Pt(24)  # below the approval block: spacing by style, not empty paragraphs
            fmt.space_after = Pt(12)
            fmt.keep_with_next = True
    _font(styles["List Bullet"], 12)
    _font(styles["List Paragraph"], 12)
    _extra_styles(doc)


def _extra_styles(doc: Document) -> None:
    """Annex headings (a new page, in the outline), contents entries and links."""
    styles = doc.styles
    annex = styles.add_style("Priedo antraštė", WD_STYLE_TYPE.PARAGRAPH)
    annex.base_style = styles["Heading 1"]
    annex.paragraph_format.page_break_before = True
    for level in (1, 2, 3):
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = styles["Normal"]
        toc.paragraph_format.space_after = Pt(0)
        toc.paragraph_format.left_indent = Mm(5 * (level - 1))
        _font(toc, 12, bold=level == 1)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.underline = True
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)


def _paragraph(doc: Document, text: str, style: str = "Normal") -> object:
    """A template paragraph (Jinja tags in their own paragraphs vanish when rendered)."""
    return doc.add_paragraph(text, style=style)


def _footer_page_number(doc: Document) -> None:
    """A centred PAGE field in the footer every section shares."""
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


def _blocks(doc: Document) -> None:
    """A section's blocks: one placeholder each, which planas fills with paragraphs, lists and tables."""
    _paragraph(doc, "{%p for block in section.blocks %}")
    _paragraph(doc, "{{ block.marker }}")
    _paragraph(doc, "{%p endfor %}")


def _body(doc: Document) -> None:
    """Approval block, title, table of contents, chapters and sections, annexes, legend, notes."""
    _paragraph(doc, "{%p for line in view.approval_lines %}")
    _paragraph(doc, "{{ line }}", "Patvirtinimo žyma")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{{ view.title_lines | join('\\n') }}", "Plano antraštė")
    _paragraph(doc, "{%p if view.table_of_contents %}")
    _paragraph(doc, "{{ view.toc_marker }}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p for chapter in view.chapters %}")
    _paragraph(doc, "{%p if chapter.new_page %}")
    _paragraph(doc, "{{ chapter.heading_lines | join('\\n') }}", "Priedo antraštė")
    _paragraph(doc, "{%p else %}")
    _paragraph(doc, "{{ chapter.heading_lines | join('\\n') }}", "Heading 1")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p for section in chapter.sections %}")
    _paragraph(doc, "{%p if section.landscape %}")
    _paragraph(doc, "{{ section.landscape_begin }}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if section.heading and not section.is_subsection %}")
    _paragraph(doc, "{{ section.heading_lines | join('\\n') }}", "Heading 2")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if section.is_subsection %}")
    _paragraph(doc, "{{ section.heading_lines | join('\\n') }}", "Heading 3")
    _paragraph(doc, "{%p endif %}")
    _blocks(doc)
    _paragraph(doc, "{%p if section.landscape %}")
    _paragraph(doc, "{{ section.landscape_end }}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p if view.illustrative_note %}")
    _paragraph(doc, "{{ view.illustrative_note }}", "Pastaba")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p if view.notes %}")
    _paragraph(doc, "Pastabos apie dokumento parengimą", "Priedo antraštė")
    _paragraph(doc, "{%p for note in view.notes %}")
    _paragraph(doc, "{{ note }}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p endif %}")


def _clean_package(doc: Document) -> None:
    """No python-docx leftovers: its thumbnail, sample custom XML, description and app.xml."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    leftovers = ("relationships/metadata/thumbnail", "relationships/customXml")
    for owner in (doc.part.package, doc.part):
        for rel in list(owner.rels.values()):
            if rel.reltype.endswith(leftovers):
                owner.rels.pop(rel.rId)
    app_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    for rel in list(doc.part.package.rels.values()):
        if rel.reltype == app_type:
            doc.part.package.rels.pop(rel.rId)
    blob = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/extended-properties"><Application>planas</Application>'
            b"<DocSecurity>0</DocSecurity></Properties>")
    part = Part(PackURI("/docProps/app.xml"),
                "application/vnd.openxmlformats-officedocument.extended-properties+xml", blob, doc.part.package)
    doc.part.package.relate_to(part, app_type)


def build() -> bytes:
    """The template document as bytes (deterministic)."""
    import datetime as dt
    from io import BytesIO

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    _styles(doc)
    _footer_page_number(doc)
    _body(doc)
    set_language(doc)
    core = doc.core_properties
    core.title = "Socialinių paslaugų plano šablonas"
    core.author = ""
    core.comments = ""
    core.language = "lt-LT"
    fixed = dt.datetime(2021, 1, 1)
    core.created = core.modified = fixed
    core.last_modified_by = ""
    core.revision = 1
    _clean_package(doc)
    buffer = BytesIO()
    doc.save(buffer)
    return normalise_docx(buffer.getvalue())


def main() -> None:
    """Write the template."""
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
