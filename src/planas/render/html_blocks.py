"""View blocks and a planner's prose as HTML: escaped text, captioned tables with scoped headers.

Every string of the plan is escaped, so `<script>` prints as text. Tables get
a caption, `th scope="col"`, a row header where the first column names the row,
totals in `<tfoot>`, numbers right-aligned with tabular figures, and sit in a
labelled, keyboard-focusable region that scrolls on its own when too wide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from planas.render.blocks import Block
from planas.render.charts import ChartSpec
from planas.render.prose import Inline, ProseBlock, Span

# Columns that number the rows rather than name them: the next column is the row header.
_NUMBER_HEADERS = frozenset({"Nr.", "Eil. Nr."})
# Columns that name what a row is about (the view-model's tables), wherever they stand.
_NAMING_HEADERS = frozenset({"Priemonė", "Teikėjas", "Kriterijus", "Paslaugos pavadinimas", "Rodiklis", "Paslauga",
                             "Savivaldybė"})
_TOTAL = re.compile(r"^Iš viso\b")
_SAFE_HREF = re.compile(r"^(?:https?://|mailto:|#|[A-Za-z0-9_./-]+$)", re.IGNORECASE)
_WRAPPERS = {"strong": "strong", "em": "em", "strike": "s", "code": "code"}


def text(value: str) -> str:
    """Plan text escaped for an element's content or an attribute."""
    return escape(value, quote=True)


def inline_html(inline: Inline) -> str:
    """Inline spans as HTML; a link to anything but the web, e-mail or the page keeps its words only."""
    return "".join(_span(span) for span in inline)


def _span(span: Span) -> str:
    if span.kind == "text":
        return text(span.text)
    if span.kind == "code":
        return f"<code>{text(span.text)}</code>"
    if span.kind == "softbreak":
        return "\n"
    if span.kind == "hardbreak":
        return "<br>\n"
    inner = inline_html(span.children)
    if span.kind == "link":
        if span.href and _SAFE_HREF.match(span.href):
            return f'<a href="{text(span.href)}">{inner}</a>'
        return f"{inner} ({text(span.href)})" if span.href else inner
    tag = _WRAPPERS[span.kind]
    return f"<{tag}>{inner}</{tag}>"


@dataclass
class TableCounter:
    """Numbers the tables of a page, for their caption ids (stable: document order)."""

    count: int = 0

    def next_id(self) -> str:
        """The id of the next table's caption."""
        self.count += 1
        return f"lentele-{self.count}"


@dataclass(frozen=True)
class TableContext:
    """What a table needs from its surroundings: a fallback caption and row anchors."""

    fallback_caption: str
    row_anchor: Callable[[str], str | None] = lambda first: None
    heading_level: int = 4


def table_html(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool], caption: str,
               counter: TableCounter, context: TableContext,
               cell: Callable[[str], str] = text) -> str:
    """A table in its scroll region: caption, column headers, row headers, totals in the footer."""
    caption_id = counter.next_id()
    row_header = _row_header_column(header)
    body_rows, foot_rows = _split_totals(rows)
    parts = [f'<div class="lentele" role="region" aria-labelledby="{caption_id}" tabindex="0">',
             "<table>", f'<caption id="{caption_id}"><span>{text(caption or context.fallback_caption)}</span></caption>']
    if header:
        parts.append("<thead><tr>" + "".join(
            f'<th scope="col"{_num_class(numeric, i)}>{cell(h)}</th>' for i, h in enumerate(header))
            + "</tr></thead>")
    parts.append("<tbody>")
    parts += [_row(row, numeric, row_header, context, cell) for row in body_rows]
    parts.append("</tbody>")
    if foot_rows:
        parts.append("<tfoot>" + "".join(_row(row, numeric, row_header, context, cell) for row in foot_rows)
                     + "</tfoot>")
    parts.append("</table></div>")
    return "\n".join(parts)


def _row_header_column(header: Sequence[str]) -> int:
    """The column that names a row: a naming column the view-model uses, else the first after a number."""
    for i, name in enumerate(header):
        if name in _NAMING_HEADERS:
            return i
    return 1 if header and header[0] in _NUMBER_HEADERS and len(header) > 1 else 0


def _num_class(numeric: Sequence[bool], index: int) -> str:
    return ' class="sk"' if index < len(numeric) and numeric[index] else ""


def _split_totals(rows: Sequence[Sequence[str]]) -> tuple[list[Sequence[str]], list[Sequence[str]]]:
    """The body rows and the trailing "Iš viso" rows (the totals go to the table's footer)."""
    split = len(rows)
    while split > 1 and any(_TOTAL.match(c) for c in rows[split - 1][:3]):
        split -= 1
    return list(rows[:split]), list(rows[split:])


def _row(row: Sequence[str], numeric: Sequence[bool], row_header: int, context: TableContext,
         cell: Callable[[str], str]) -> str:
    anchor = context.row_anchor(row[0]) if row else None
    cells = []
    for i, value in enumerate(row):
        css = _num_class(numeric, i)
        if value and (i == row_header or (i < row_header and _TOTAL.match(value))):
            cells.append(f'<th scope="row"{css}>{cell(value)}</th>')
        else:
            cells.append(f"<td{css}>{cell(value)}</td>")
    ident = f' id="{anchor}"' if anchor else ""
    return f"<tr{ident}>" + "".join(cells) + "</tr>"


def prose_html(blocks: Sequence[ProseBlock], counter: TableCounter, context: TableContext) -> str:
    """A planner's prose blocks as HTML (headings below the section's own heading level)."""
    return "\n".join(_prose_block(b, counter, context) for b in blocks)


def _prose_block(block: ProseBlock, counter: TableCounter, context: TableContext) -> str:
    if block.kind == "paragraph":
        return f"<p>{inline_html(block.inline)}</p>"
    if block.kind == "heading":
        level = min(context.heading_level + max(block.level - 1, 0), 6)
        return f"<h{level}>{inline_html(block.inline)}</h{level}>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = "".join(f"<li>{_item(item, counter, context)}</li>" for item in block.items)
        return f"<{tag}{start}>{items}</{tag}>"
    if block.kind == "table":
        numeric = [a == "right" for a in block.align]
        header = [inline_html(h) for h in block.header]
        rows = [[inline_html(c) for c in row] for row in block.rows]
        # The planner's table has no title of its own: the section's heading names it.
        return table_html(header, rows, numeric, "", counter, context, cell=lambda html: html)
    if block.kind == "quote":
        return f"<blockquote>{prose_html(block.children, counter, context)}</blockquote>"
    if block.kind == "code":
        return f"<pre><code>{text(block.text.rstrip(chr(10)))}</code></pre>"
    return "<hr>"


def _item(blocks: tuple[ProseBlock, ...], counter: TableCounter, context: TableContext) -> str:
    """A list item: a lone paragraph without its <p>, anything else as blocks."""
    if len(blocks) == 1 and blocks[0].kind == "paragraph":
        return inline_html(blocks[0].inline)
    return prose_html(blocks, counter, context)


def block_html(block: Block, counter: TableCounter, context: TableContext,
               item_anchors: Sequence[str] = ()) -> str:
    """A view block as HTML: a table with its caption and notes, a list, a paragraph or prose."""
    if block.is_table:
        parts = [table_html(block.header, block.rows, block.numeric, block.caption, counter, context)]
        parts += [f'<p class="pastaba">{text(note)}</p>' for note in block.notes]
        return "\n".join(parts)
    if block.is_list:
        tag = "ol" if block.kind == "numbered" else "ul"
        items = []
        for i, item in enumerate(block.items):
            ident = f' id="{item_anchors[i]}"' if i < len(item_anchors) and item_anchors[i] else ""
            items.append(f"<li{ident}>{text(item)}</li>")
        return f"<{tag}>" + "".join(items) + f"</{tag}>"
    if block.kind == "paragraph":
        return f"<p>{text(block.text)}</p>"
    if block.is_chart and block.chart is not None:
        return chart_html(block.chart, counter, context)
    return prose_html(block.prose, counter, context)


_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_SVG_ID = re.compile(r'\bid="([^"]+)"')
_SVG_REFERENCE = re.compile(r'(\bid="|#)([^"#)\s]+)([")])')


def chart_html(spec: ChartSpec, counter: TableCounter, context: TableContext) -> str:
    """A chart inline: SVG with role="img", a Lithuanian title and description, then its data table.

    matplotlib's ids (glyphs, clip paths) repeat from chart to chart; each chart's are
    prefixed with its key so the page's ids stay unique.
    """
    from planas.render.charts import chart_svg

    key = f"grafikas-{slug_key(spec.key)}"
    svg = _XML_PROLOGUE.sub("", chart_svg(spec), count=1)
    idents = set(_SVG_ID.findall(svg))  # each id and each reference to it (`#id)`, `href="#id"`), in one pass
    svg = _SVG_REFERENCE.sub(lambda m: f"{m[1]}{key}-{m[2]}{m[3]}" if m[2] in idents else m[0], svg)
    labels = f'role="img" aria-labelledby="{key}-pavadinimas {key}-aprasymas" focusable="false"'
    svg = re.sub(r"<svg\b([^>]*)>", lambda m: (f"<svg{m.group(1)} {labels}>"
                                               f'<title id="{key}-pavadinimas">{text(spec.title)}</title>'
                                               f'<desc id="{key}-aprasymas">{text(spec.description)}</desc>'),
                 svg, count=1)
    numeric = [i > 0 for i in range(len(spec.headers))]
    table = table_html(spec.headers, spec.rows, numeric, f"{spec.title}: duomenys", counter, context)
    return (f'<figure id="{key}" aria-labelledby="{key}-antraste">'
            f'<figcaption id="{key}-antraste">{text(spec.title)}</figcaption>\n{svg}\n</figure>\n{table}')


def slug_key(key: str) -> str:
    """A chart key as an id tail."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x"

