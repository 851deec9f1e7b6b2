"""The reading layer: a DOCX's XML -> `WordDocument`, the way Word shows it.

python-docx gives text but drops tracked insertions and content controls and
knows nothing of vertical merges, header rows, numbering or footnotes, so the
body is read here with lxml from the parts `safety.DocxPackage` checked:

- tracked changes: the accepted view by default (insertions kept, deletions
  and deleted rows dropped) or the rejected one; every change is counted;
- content controls (`w:sdt`) unwrapped at block, row, cell and run level
  (placeholder text shown while a control is empty is not content);
- tables as a grid with true spans (`gridSpan`, `vMerge`, `gridBefore`) and
  header rows (`tblHeader` and the rows that continue their vertical merges);
  nested tables kept inside their cell;
- list numbering resolved to the label a reader sees (`numbering.Numbering`),
  directly or through the paragraph style;
- digits typed raised (superscript: a note mark typed by hand, `Eur¹`, or
  `m²`) read as the superscript characters they show, never as digits that
  would join the figure or the header beside them;
- footnotes, endnotes and comments attached to the paragraph they annotate;
  page headers and footers are never read, nor anything hidden (custom XML
  parts, embedded files, `altChunk`): the import reads what a person sees.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from planas.importing.document import Block, Cell, Paragraph, Revisions, Row, Table, WordDocument
from planas.importing.numbering import Numbering, read_numbering
from planas.importing.safety import DocxPackage, DocxUnreadable
from planas.importing.xmlnames import PKG_REL_NS, W, attr, on

TrackChanges = Literal["accept", "reject"]
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WRAPPERS = frozenset(W(name) for name in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"))
_SIMPLE_TEXT = {W("tab"): "\t", W("br"): "\n", W("cr"): "\n", W("noBreakHyphen"): "-"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MAX_DEPTH = 40  # nested tables / wrappers deeper than any real plan: refused, never a recursion error


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None
    bold: bool | None
    centered: bool | None


@dataclass
class _Context:
    mode: TrackChanges
    styles: dict[str, _Style]
    numbering: Numbering
    footnotes: dict[str, str]
    endnotes: dict[str, str]
    comments: dict[str, str]
    revisions: Revisions = field(default_factory=Revisions)
    controls: int = 0
    attached_comments: set[str] = field(default_factory=set)
    in_toc_field: bool = False
    paragraph_count: int = 0
    table_count: int = 0

    def style(self, style_id: str | None) -> _Style | None:
        return self.styles.get(style_id or "")

    def inherited(self, style_id: str | None, pick: str) -> object:
        """A style property, looked up through `basedOn` (None when no style in the chain sets it)."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return None
            value = getattr(style, pick)
            if value is not None:
                return value
            style_id = style.based_on
        return None


def _relationships(package: DocxPackage, part: str) -> dict[str, str]:
    """Relationship type (last path segment) -> internal target part; external targets are never followed."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
    if not package.has(rels_part):
        return {}
    targets: dict[str, str] = {}
    for rel in package.xml(rels_part).findall(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        rel_type = str(rel.get("Type") or "").rsplit("/", 1)[-1]
        target = str(rel.get("Target") or "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets.setdefault(rel_type, resolved)
    return targets


def main_part(package: DocxPackage) -> str:
    """The main document part (`officeDocument` relationship; `word/document.xml` by default)."""
    target = _relationships(package, "").get("officeDocument") if package.has("_rels/.rels") else None
    return target if target and package.has(target) else "word/document.xml"


def _read_styles(root: etree._Element | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for style in root.findall(W("style")):
        style_id = attr(style, "styleId") or ""
        name_el = style.find(W("name"))
        based = style.find(W("basedOn"))
        ppr = style.find(W("pPr"))
        rpr = style.find(W("rPr"))
        outline = ppr.find(W("outlineLvl")) if ppr is not None else None
        num_pr = ppr.find(W("numPr")) if ppr is not None else None
        jc = ppr.find(W("jc")) if ppr is not None else None
        name = attr(name_el, "val") or style_id
        level = _heading_level(name)
        if outline is not None and (attr(outline, "val") or "9").isdigit() and int(attr(outline, "val") or 9) < 9:
            level = int(attr(outline, "val") or 0)
        num: tuple[str, int] | None = None
        if num_pr is not None and num_pr.find(W("numId")) is not None:
            ilvl = num_pr.find(W("ilvl"))
            num = (attr(num_pr.find(W("numId")), "val") or "0", int(attr(ilvl, "val") or 0) if ilvl is not None else 0)
        bold_el = rpr.find(W("b")) if rpr is not None else None
        styles[style_id] = _Style(
            name=name, based_on=attr(based, "val"), outline=level, num=num,
            bold=on(bold_el) if bold_el is not None else None,
            centered=(attr(jc, "val") == "center") if jc is not None else None,
        )
    return styles


def _heading_level(name: str) -> int | None:
    lowered = name.casefold().replace("antraštė", "heading")
    if lowered.startswith("heading "):
        tail = lowered.removeprefix("heading ").strip()
        return int(tail) - 1 if tail.isdigit() and 1 <= int(tail) <= 9 else None
    if lowered == "title":
        return 0
    return None


def _notes(root: etree._Element | None, tag: str) -> dict[str, str]:
    if root is None:
        return {}
    notes: dict[str, str] = {}
    for note in root.findall(W(tag)):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(W("t"))) for p in note.iter(W("p"))).strip()
        notes[attr(note, "id") or ""] = " ".join(text.split())
    return notes


class _Runs:
    """Collects a paragraph's visible text, run by run, with what the runs refer to."""

    def __init__(self, context: _Context) -> None:
        self.context = context
        self.parts: list[str] = []
        self.bold: list[bool | None] = []
        self.notes: list[str] = []
        self.comments: list[str] = []
        self.tracked = False
        self.picture = False

    def walk(self, element: etree._Element, deleted: bool = False, depth: int = 0) -> None:
        """Collect the children's text in the chosen view of the tracked changes."""
        if depth > _MAX_DEPTH:
            raise DocxUnreadable("dokumento struktūra per gili", "the document's structure is too deep")
        for child in element:
            tag = child.tag
            if tag == W("r"):
                self._run(child, deleted)
            elif tag in (W("ins"), W("moveTo"), W("del"), W("moveFrom")):
                self._revision(child, deleted, depth)
            elif tag == W("sdt"):
                self.context.controls += 1
                content = child.find(W("sdtContent"))
                if content is not None and not _placeholder(child):
                    self.walk(content, deleted, depth + 1)
            elif tag in _WRAPPERS:
                self.walk(child, deleted, depth + 1)
            elif tag == W("commentRangeStart"):
                self._comment(attr(child, "id"))

    def _revision(self, child: etree._Element, deleted: bool, depth: int) -> None:
        """An insertion is shown when changes are accepted, a deletion when they are rejected."""
        self.tracked = True
        revisions = self.context.revisions
        inserted = child.tag in (W("ins"), W("moveTo"))
        revisions.insertions += child.tag == W("ins")
        revisions.deletions += child.tag == W("del")
        revisions.moves += child.tag == W("moveTo")
        if inserted and self.context.mode == "accept":
            self.walk(child, deleted, depth + 1)
        elif not inserted and self.context.mode == "reject":
            self.walk(child, True, depth + 1)

    def _comment(self, comment_id: str | None) -> None:
        if comment_id is None or comment_id in self.context.attached_comments:
            return
        text = self.context.comments.get(comment_id)
        if text:
            self.context.attached_comments.add(comment_id)
            self.comments.append(text)

    def _run(self, run: etree._Element, deleted: bool) -> None:
        rpr = run.find(W("rPr"))
        bold = on(rpr.find(W("b"))) if rpr is not None and rpr.find(W("b")) is not None else None
        hidden = rpr is not None and on(rpr.find(W("vanish")))
        raised = rpr is not None and (attr(rpr.find(W("vertAlign")), "val") == "superscript"
                                      or _int_val(rpr.find(W("position")), 0) > 0)  # LibreOffice: raised
        for child in run:
            tag = child.tag
            if tag == W("t") or (tag == W("delText") and deleted):
                text = child.text or ""
                if raised and text.strip().isdigit():  # `Eur¹`, `m²`: as shown, never a digit of the figure
                    text = text.translate(_SUPERSCRIPT)
            else:
                text = _SIMPLE_TEXT.get(str(tag), "")
                if not text:
                    self._reference(child)
            if text and not hidden:
                self.parts.append(text)
                if text.strip():
                    self.bold.append(bold)

    def _reference(self, child: etree._Element) -> None:
        """What a run refers to or marks: a picture, a note, a comment, a table-of-contents field."""
        tag = child.tag
        if tag in (W("drawing"), W("pict"), W("object")):
            self.picture = True
        elif tag == W("footnoteReference"):
            self._note(self.context.footnotes, attr(child, "id"))
        elif tag == W("endnoteReference"):
            self._note(self.context.endnotes, attr(child, "id"))
        elif tag == W("commentReference"):
            self._comment(attr(child, "id"))
        elif tag == W("instrText") and " TOC " in f" {(child.text or '').strip()} ":
            self.context.in_toc_field = True
        elif tag == W("fldChar") and attr(child, "fldCharType") == "end" and self.context.in_toc_field:
            self.context.in_toc_field = False

    def _note(self, notes: dict[str, str], note_id: str | None) -> None:
        text = notes.get(note_id or "")
        if text:
            self.notes.append(text)


def _placeholder(sdt: etree._Element) -> bool:
    """A content control showing its placeholder ("Click here to enter text"): no content."""
    sdt_pr = sdt.find(W("sdtPr"))
    return sdt_pr is not None and sdt_pr.find(W("showingPlcHdr")) is not None


def _toc_control(sdt: etree._Element) -> bool:
    sdt_pr = sdt.find(W("sdtPr"))
    if sdt_pr is None:
        return False
    gallery = sdt_pr.find(f"{W('docPartObj')}/{W('docPartGallery')}")
    return gallery is not None and "Table of Contents" in (attr(gallery, "val") or "")


def _paragraph(element: etree._Element, context: _Context, body_level: bool, toc: bool) -> Paragraph | None:
    ppr = element.find(W("pPr"))
    style_id = attr(ppr.find(W("pStyle")), "val") if ppr is not None else None
    in_toc_before = context.in_toc_field
    runs = _Runs(context)
    runs.walk(element)
    text = "".join(runs.parts)
    mark = ppr.find(W("rPr")) if ppr is not None else None
    mark_deleted = mark is not None and mark.find(W("del")) is not None
    mark_inserted = mark is not None and mark.find(W("ins")) is not None
    if not text.strip() and not runs.picture and ((mark_deleted and context.mode == "accept") or (mark_inserted and context.mode == "reject")
                             or runs.tracked):
        return None  # a paragraph that exists only in the other view of the tracked changes
    style = context.style(style_id)
    outline: int | None = None
    label, list_level = "", None
    if ppr is not None:
        outline_el = ppr.find(W("outlineLvl"))
        if outline_el is not None and (attr(outline_el, "val") or "").isdigit():
            value = int(attr(outline_el, "val") or 9)
            outline = value if value < 9 else None
        num_pr = ppr.find(W("numPr"))
        if num_pr is not None and num_pr.find(W("numId")) is not None:
            ilvl = num_pr.find(W("ilvl"))
            inherited = context.inherited(style_id, "num")
            level = int(attr(ilvl, "val") or 0) if ilvl is not None else (
                inherited[1] if isinstance(inherited, tuple) else 0)
            num_id = attr(num_pr.find(W("numId")), "val") or "0"
            label, list_level = context.numbering.label(num_id, level), level
    if list_level is None:
        inherited = context.inherited(style_id, "num")
        if isinstance(inherited, tuple):
            label, list_level = context.numbering.label(inherited[0], inherited[1]), inherited[1]
    if outline is None:
        found = context.inherited(style_id, "outline")
        outline = found if isinstance(found, int) else None
    jc = ppr.find(W("jc")) if ppr is not None else None
    centered = attr(jc, "val") == "center" if jc is not None else bool(context.inherited(style_id, "centered"))
    style_bold = bool(context.inherited(style_id, "bold"))
    bold = bool(runs.bold) and all(b if b is not None else style_bold for b in runs.bold)
    if body_level:
        context.paragraph_count += 1
    name = style.name if style is not None else ""
    is_toc = toc or in_toc_before or name.casefold().startswith(("toc", "contents", "turinys"))
    return Paragraph(
        number=context.paragraph_count if body_level else 0,
        text="\n".join(" ".join(line.split()) for line in text.split("\n")).strip(),
        style=name, outline_level=outline, bold=bold, centered=centered, label=label, list_level=list_level,
        notes=runs.notes, comments=runs.comments, toc=is_toc, picture=runs.picture,
    )


def _unwrapped(parent: etree._Element, tag: str, context: _Context, depth: int = 0) -> list[etree._Element]:
    """The `tag` children of a table (rows) or a row (cells), with content controls and custom XML unwrapped."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (W("sdt"), W("customXml")) and depth < _MAX_DEPTH:
            content = child.find(W("sdtContent")) if child.tag == W("sdt") else child
            if content is not None:
                context.controls += child.tag == W("sdt")
                found.extend(_unwrapped(content, tag, context, depth + 1))
    return found


def _int_val(element: etree._Element | None, default: int) -> int:
    value = attr(element, "val")
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


def _kept_rows(element: etree._Element, context: _Context) -> list[tuple[etree._Element, bool]]:
    """The rows of the chosen view (a deleted row goes when accepted, an inserted one when rejected)."""
    kept: list[tuple[etree._Element, bool]] = []
    for tr in _unwrapped(element, W("tr"), context):
        trpr = tr.find(W("trPr"))
        if trpr is not None and trpr.find(W("del")) is not None:
            context.revisions.deleted_rows += 1
            if context.mode == "accept":
                continue
        if trpr is not None and trpr.find(W("ins")) is not None:
            context.revisions.inserted_rows += 1
            if context.mode == "reject":
                continue
        kept.append((tr, trpr is not None and on(trpr.find(W("tblHeader")))))
    return kept


def _grid_before(tr: etree._Element) -> int:
    trpr = tr.find(W("trPr"))
    return _int_val(trpr.find(W("gridBefore")), 0) if trpr is not None else 0


def _span(tc: etree._Element) -> tuple[int, bool]:
    """A cell's column span, and whether it continues the vertical merge of the cell above."""
    tcpr = tc.find(W("tcPr"))
    if tcpr is None:
        return 1, False
    vmerge = tcpr.find(W("vMerge"))
    return max(1, _int_val(tcpr.find(W("gridSpan")), 1)), vmerge is not None and attr(vmerge, "val") in (
        None, "continue")


def _grid_row(index: int, cells: list[etree._Element], before: int, width: int, rows: list[Row],
              context: _Context, depth: int) -> tuple[list[Cell | None], bool]:
    """One row's grid: each column -> the cell covering it; and whether it continues a header row's merge."""
    grid: list[Cell | None] = [None] * width
    col = before
    continues_header = False
    for tc in cells:
        if col >= width:
            break
        span, continues = _span(tc)
        span = min(span, width - col)
        above = rows[-1].grid[col] if rows else None
        paragraphs, tables = _cell_content(tc, context, depth)
        if continues and above is not None and above.col == col and above.row + above.rowspan == index:
            above.rowspan += 1
            above.paragraphs.extend(p for p in paragraphs if p.text.strip())
            above.tables.extend(tables)
            cell = above
            continues_header = continues_header or rows[-1].header
        else:
            cell = Cell(row=index, col=col, colspan=span, paragraphs=paragraphs, tables=tables)
        for position in range(col, col + span):
            grid[position] = cell
        col += span
    return grid, continues_header


def _table(element: etree._Element, context: _Context, number: int, depth: int) -> Table:
    if depth > _MAX_DEPTH // 4:
        raise DocxUnreadable("per giliai įdėtos lentelės", "tables nested too deep")
    grid_el = element.find(W("tblGrid"))
    width = len(grid_el.findall(W("gridCol"))) if grid_el is not None else 0
    kept = _kept_rows(element, context)
    cells_of = [_unwrapped(tr, W("tc"), context) for tr, _ in kept]
    for (tr, _), cells in zip(kept, cells_of, strict=True):
        width = max(width, _grid_before(tr) + sum(_span(tc)[0] for tc in cells))
    width = min(width, 64)
    rows: list[Row] = []
    for index, ((tr, header), cells) in enumerate(zip(kept, cells_of, strict=True), start=1):
        grid, continues_header = _grid_row(index, cells, _grid_before(tr), width, rows, context, depth)
        rows.append(Row(number=index, grid=grid, header=header or continues_header))
    return Table(number=number, rows=rows, columns=width)


def _cell_content(tc: etree._Element, context: _Context, depth: int) -> tuple[list[Paragraph], list[Table]]:
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    for block in _blocks(tc, context, depth + 1, body_level=False):
        if isinstance(block, Table):
            tables.append(block)
        else:
            paragraphs.append(block)
    return paragraphs, tables


def _blocks(container: etree._Element, context: _Context, depth: int, body_level: bool,
            toc: bool = False) -> list[Block]:
    if depth > _MAX_DEPTH:
        raise DocxUnreadable("dokumento struktūra per gili", "the document's structure is too deep")
    blocks: list[Block] = []
    for child in container:
        if child.tag == W("p"):
            paragraph = _paragraph(child, context, body_level, toc)
            if paragraph is not None:
                blocks.append(paragraph)
        elif child.tag == W("tbl"):
            number = 0
            if body_level:
                context.table_count += 1
                number = context.table_count
            blocks.append(_table(child, context, number, depth))
        elif child.tag == W("sdt"):
            context.controls += 1
            content = child.find(W("sdtContent"))
            if content is not None and not _placeholder(child):
                blocks.extend(_blocks(content, context, depth + 1, body_level, toc or _toc_control(child)))
        elif child.tag == W("customXml"):
            blocks.extend(_blocks(child, context, depth + 1, body_level, toc))
    return blocks


def _attach_captions(blocks: list[Block]) -> None:
    previous: Paragraph | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            if previous is not None:
                block.caption = previous.shown
                block.paragraph_before = previous.number
            # a chart's picture just above: the table is the chart's data, shown again for who would rather read
            block.after_picture = any(isinstance(b, Paragraph) and b.picture for b in blocks[max(0, index - 3):index])
            previous = None
        elif block.text.strip():
            previous = block


def read_document(package: DocxPackage, mode: TrackChanges = "accept") -> WordDocument:
    """The document's body as a person sees it (tracked changes accepted or rejected)."""
    part = main_part(package)
    rels = _relationships(package, part)

    def optional(kind: str) -> etree._Element | None:
        target = rels.get(kind)
        return package.xml(target) if target and package.has(target) else None

    styles = _read_styles(optional("styles"))
    style_numbering = {style.name: style.num for style in styles.values() if style.num is not None}
    style_numbering.update({sid: style.num for sid, style in styles.items() if style.num is not None})
    context = _Context(
        mode=mode, styles=styles, numbering=read_numbering(optional("numbering"), style_numbering),
        footnotes=_notes(optional("footnotes"), "footnote"), endnotes=_notes(optional("endnotes"), "endnote"),
        comments=_notes(optional("comments"), "comment"),
    )
    root = package.xml(part)
    body = root.find(W("body"))
    if body is None:
        raise DocxUnreadable(f"{package.name}: dokumente nėra turinio (w:body)",
                             f"{package.name}: the document has no body (w:body)")
    blocks = _blocks(body, context, 0, body_level=True)
    _attach_captions(blocks)
    unattached = [text for cid, text in sorted(context.comments.items()) if cid not in context.attached_comments]
    return WordDocument(name=package.name, sha256=package.sha256, blocks=blocks, revisions=context.revisions,
                        content_controls=context.controls, unattached_comments=unattached)
