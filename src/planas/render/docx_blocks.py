"""Prose and view blocks written as real Word content: paragraphs and runs, numbered lists, tables.

The Word template prints a placeholder paragraph for each block; `BlockWriter`
puts the block's paragraphs and tables in its place, in the template's own
styles, so a municipality's template restyles them. Tables get column widths
measured from their content (planas.render.measure) and header rows that
repeat on every page and are marked as headers for screen readers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from planas.render.blocks import Block
from planas.render.measure import TableLayout, layout_table
from planas.render.prose import Inline, ProseBlock, Span, plain

TABLE_TEXT = "Lentelės tekstas"
CAPTION = "Lentelės pavadinimas"
NOTE = "Pastaba"
_LIST_INDENT = 360  # twips per list level (0.635 cm)
_HANGING = 360


def _style_id(document: Any, name: str, fallback: str = "Normal") -> str:
    """The id of a template style by name, or of the fallback when a municipality's template lacks it.

    Looked up once per document: python-docx searches every style on each look-up,
    which made a table of a few hundred cells take seconds.
    """
    ids: dict[str, str] = document.__dict__.get("_planas_style_ids") or {}
    if not ids:
        from docx.enum.style import WD_STYLE_TYPE

        ids = {s.name: s.style_id for s in document.styles if s.name is not None}
        # The default paragraph style is written as no style at all (""), as python-docx does.
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id
        ids = {key: "" if value == default else value for key, value in ids.items()}
        document.__dict__["_planas_style_ids"] = ids
    return ids.get(name, ids.get(fallback, ""))


def has_style(document: Any, name: str) -> bool:
    """Whether the template has a style of this name (from the same once-per-document look-up)."""
    _style_id(document, name)
    return name in document.__dict__["_planas_style_ids"]


def _apply_style(paragraph: Paragraph, style_id: str) -> Paragraph:
    """Give a paragraph a style by its id ("" for the default), directly: no search through the styles."""
    paragraph._p.get_or_add_pPr().style = style_id or None
    return paragraph


class Numbering:
    """Word list numbering: one bullet and one decimal definition, a fresh instance per list (restarts)."""

    def __init__(self, document: Any) -> None:
        self.part = document.part.numbering_part
        root = self.part.element
        self.root = root
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))]
        self.next_abstract = max(abstract_ids, default=0) + 1
        self.next_num = max(num_ids, default=0) + 1
        self.abstract: dict[bool, int] = {}

    def _definition(self, ordered: bool) -> int:
        if ordered in self.abstract:
            return self.abstract[ordered]
        ident = self.next_abstract
        self.next_abstract += 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(ident))
        kind = OxmlElement("w:multiLevelType")
        kind.set(qn("w:val"), "hybridMultilevel")
        abstract.append(kind)
        for level in range(9):
            abstract.append(_level(level, ordered))
        # abstractNum elements must precede every num element.
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.abstract[ordered] = ident
        return ident

    def new_list(self, ordered: bool, start: int) -> int:
        """A new numbering instance (its own count from `start`), returned as its numId."""
        abstract_id = self._definition(ordered)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_num))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_override = OxmlElement("w:startOverride")
        start_override.set(qn("w:val"), str(start))
        override.append(start_override)
        num.append(override)
        self.root.append(num)
        self.next_num += 1
        return self.next_num - 1


def _level(level: int, ordered: bool) -> Any:
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(level))
    start = OxmlElement("w:start")
    start.set(qn("w:val"), "1")
    fmt = OxmlElement("w:numFmt")
    text = OxmlElement("w:lvlText")
    if ordered:
        fmt.set(qn("w:val"), "decimal")
        text.set(qn("w:val"), f"%{level + 1}.")
    else:
        fmt.set(qn("w:val"), "bullet")
        text.set(qn("w:val"), "–" if level % 2 else "•")
    justify = OxmlElement("w:lvlJc")
    justify.set(qn("w:val"), "left")
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(_LIST_INDENT * (level + 1) + _HANGING))
    indent.set(qn("w:hanging"), str(_HANGING))
    ppr.append(indent)
    for child in (start, fmt, text, justify, ppr):
        lvl.append(child)
    return lvl


class BlockWriter:
    """Writes blocks into the document before an anchor paragraph (the template's placeholder)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = Numbering(document)

    # --- inline ----------------------------------------------------------------------------
    def runs(self, paragraph: Paragraph, inline: Inline, *, bold: bool = False, italic: bool = False,
             strike: bool = False, size: float | None = None) -> None:
        """Spans as runs of a paragraph, formatting inherited from the wrappers around them."""
        for span in inline:
            self._span(paragraph, span, bold=bold, italic=italic, strike=strike, size=size)

    def _span(self, paragraph: Paragraph, span: Span, *, bold: bool, italic: bool, strike: bool,
              size: float | None) -> None:
        if span.kind in ("text", "code", "softbreak"):
            # A soft line break in Markdown is a space: Word reflows the paragraph.
            run = paragraph.add_run(" " if span.kind == "softbreak" else span.text)
            _format(run, bold=bold, italic=italic, strike=strike, size=size, code=span.kind == "code")
        elif span.kind == "hardbreak":
            paragraph.add_run().add_break()
        elif span.kind == "link":
            self._link(paragraph, span, bold=bold, italic=italic, strike=strike, size=size)
        else:
            self.runs(paragraph, span.children, bold=bold or span.kind == "strong",
                      italic=italic or span.kind == "em", strike=strike or span.kind == "strike", size=size)

    def _link(self, paragraph: Paragraph, span: Span, *, bold: bool, italic: bool, strike: bool,
              size: float | None) -> None:
        """A real hyperlink; its words in the template's Hyperlink style when it has one."""
        rel = paragraph.part.relate_to(span.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        scratch = Paragraph(cast(CT_P, OxmlElement("w:p")), paragraph._parent)
        self.runs(scratch, span.children, bold=bold, italic=italic, strike=strike, size=size)
        hyperlink_style = has_style(self.document, "Hyperlink")
        for run in scratch.runs:
            if hyperlink_style:
                run.style = self.document.styles["Hyperlink"]
            else:
                run.font.underline = True
            link.append(run._r)
        paragraph._p.append(link)

    # --- blocks ----------------------------------------------------------------------------
    def paragraph(self, anchor: Paragraph, style: str = "Normal") -> Paragraph:
        """A new empty paragraph before the anchor."""
        return _apply_style(anchor.insert_paragraph_before(), _style_id(self.document, style))

    def prose(self, anchor: Paragraph, blocks: Sequence[ProseBlock], *, level: int = 0,
              landscape: bool = False) -> None:
        """Prose blocks before the anchor (list items nest one level deeper)."""
        for block in blocks:
            self.prose_block(anchor, block, level=level, landscape=landscape)

    def prose_block(self, anchor: Paragraph, block: ProseBlock, *, level: int, landscape: bool) -> None:
        """One prose block before the anchor."""
        if block.kind == "paragraph":
            paragraph = self.paragraph(anchor)
            self.runs(paragraph, block.inline)
            _indent(paragraph, level)
        elif block.kind == "heading":
            paragraph = self.paragraph(anchor)
            paragraph.paragraph_format.keep_with_next = True
            self.runs(paragraph, block.inline, bold=True)
        elif block.kind == "list":
            self.list_block(anchor, block, level, landscape)
        elif block.kind == "table":
            header = [plain(c) for c in block.header]
            rows = [[plain(c) for c in row] for row in block.rows]
            numeric = [a == "right" for a in block.align]
            layout = layout_table(header, rows, numeric, landscape=landscape)
            self.table(anchor, block, layout)
        elif block.kind == "quote":
            for child in block.children:
                self.prose_block(anchor, child, level=level + 1, landscape=landscape)
        elif block.kind == "code":
            paragraph = self.paragraph(anchor)
            for i, line in enumerate(block.text.rstrip("\n").split("\n")):
                run = paragraph.add_run(line)
                _format(run, code=True)
                if i:
                    run._r.addprevious(OxmlElement("w:br"))
            _indent(paragraph, level)
        else:
            paragraph = self.paragraph(anchor)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run("* * *")

    def list_block(self, anchor: Paragraph, block: ProseBlock, level: int, landscape: bool) -> None:
        """A list: the first paragraph of each item numbered, the rest of the item indented under it."""
        num_id = self.numbering.new_list(block.ordered, block.start)
        for item in block.items:
            first = True
            for child in item:
                if child.kind == "paragraph" and first:
                    paragraph = self.paragraph(anchor, "List Paragraph")
                    self.runs(paragraph, child.inline)
                    _numbered(paragraph, num_id, level)
                elif child.kind == "list":
                    self.list_block(anchor, child, level + 1, landscape)
                else:
                    self.prose_block(anchor, child, level=level + 1, landscape=landscape)
                first = False

    def table(self, anchor: Paragraph, block: ProseBlock, layout: TableLayout) -> Any:
        """A table before the anchor: measured widths, header row repeated and marked, numbers right."""
        columns = len(block.header)
        table = self.document.add_table(rows=1 + len(block.rows), cols=columns)
        if has_style(self.document, "Table Grid"):
            table.style = self.document.styles["Table Grid"]
        anchor._p.addprevious(table._tbl)
        _table_properties(table, layout)
        numeric = [a == "right" for a in block.align] + [False] * columns
        text_style = _style_id(self.document, TABLE_TEXT)
        for row_index, cells in enumerate((block.header, *block.rows)):
            row_cells = table.rows[row_index].cells  # python-docx builds this list on each access
            for column in range(columns):
                cell = row_cells[column]
                _cell_width(cell, layout.widths[column])
                paragraph = _apply_style(cell.paragraphs[0], text_style)
                inline = cells[column] if column < len(cells) else ()
                self.runs(paragraph, inline, bold=row_index == 0, size=layout.font_size)
                if numeric[column] and row_index > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _header_row(table.rows[0])
        return table

    def chart(self, anchor: Paragraph, block: Block, landscape: bool) -> None:
        """A chart as a picture with its text alternative (wp:docPr descr and title), then its data table."""
        from planas.render.charts import chart_png

        assert block.chart is not None
        spec = block.chart
        paragraph = self.paragraph(anchor)
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(chart_png(spec)), width=Mm(230 if landscape else 160))
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("name", spec.key)
            doc_pr.set("descr", spec.description)
            doc_pr.set("title", spec.title)

    def view_block(self, anchor: Paragraph, block: Block, landscape: bool) -> None:
        """A view-model block: its caption, its content, its notes (a chart: its picture before its table)."""
        if block.is_chart:
            self.chart(anchor, block, landscape)
        if block.is_table or block.is_chart:
            paragraph = self.paragraph(anchor, CAPTION)
            paragraph.add_run(block.caption)
            (table_block,) = block.as_prose()
            layout = layout_table(block.header, block.rows, block.numeric, landscape=landscape)
            table = self.table(anchor, table_block, layout)
            _caption(table, block.caption)
            for note in block.notes:
                self.paragraph(anchor, NOTE).add_run(note)
            return
        self.prose(anchor, block.as_prose(), landscape=landscape)


def _format(run: Any, *, bold: bool = False, italic: bool = False, strike: bool = False,
            size: float | None = None, code: bool = False) -> None:
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if strike:
        run.font.strike = True
    if size is not None:
        run.font.size = Pt(size)
    if code:
        run.font.name = "Courier New"


def _indent(paragraph: Paragraph, level: int) -> None:
    if level:
        ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:left"), str(_LIST_INDENT * level + _HANGING))


def _numbered(paragraph: Paragraph, num_id: int, level: int) -> None:
    # numPr's accessors are generated at run time (python-docx's ZeroOrOne), unseen by mypy.
    ppr: Any = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def _table_properties(table: Any, layout: TableLayout) -> None:
    """Fixed layout with the measured grid: Word and LibreOffice then lay the table out alike."""
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(layout.widths)))
    width.set(qn("w:type"), "dxa")
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    tbl_pr.append(fixed)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:val"), "04A0")
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for twips in layout.widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(twips))
        grid.append(col)
    _order_table_properties(tbl_pr)


# CT_TblPr's schema order: Word refuses a file whose properties are out of order.
_TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                 "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
                 "tblLook", "tblCaption", "tblDescription")


def _order_table_properties(tbl_pr: Any) -> None:
    children = list(tbl_pr)
    rank = {name: i for i, name in enumerate(_TBL_PR_ORDER)}
    children.sort(key=lambda c: rank.get(c.tag.split("}")[1], len(rank)))
    for child in children:
        tbl_pr.append(child)


def _caption(table: Any, caption: str) -> None:
    """The table's title for screen readers (w:tblCaption)."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    table._tbl.tblPr.append(element)
    _order_table_properties(table._tbl.tblPr)


def _cell_width(cell: Any, twips: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    width = tc_pr.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        tc_pr.insert(0, width)
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")


def _header_row(row: Any) -> None:
    """The header row repeats on every page (Word's marker of a header row, read by screen readers too)."""
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    header = OxmlElement("w:tblHeader")
    tr_pr.append(cant_split)
    tr_pr.append(header)
