"""The pieces of a section's content both renderers write: paragraphs, lists, tables, prose.

A `Block` holds ready-to-print strings; `paragraphs` parses a planner's
Markdown into one prose block. Shared by the view-model and the builders of a
plan's own sections (`planas.render.sections`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planas.render.charts import ChartSpec
from planas.render.prose import Align, ProseBlock, blocks_plain, parse, text_inline

BlockKind = Literal["paragraph", "bullets", "numbered", "table", "prose", "chart"]
"""chart: a picture drawn from `Block.chart` (its text alternative and data table travel with it)."""
ILLUSTRATIVE_MARK = "*"


@dataclass(frozen=True)
class Block:
    """A piece of section content: a paragraph, a list, or a table of strings."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    caption: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    widths: tuple[int, ...] = ()
    numeric: tuple[bool, ...] = ()
    prose: tuple[ProseBlock, ...] = ()
    key: str = ""
    chart: ChartSpec | None = None

    @property
    def is_paragraph(self) -> bool:
        """Template convenience: no comparisons needed in Word templates (prose counts as text)."""
        return self.kind in ("paragraph", "prose")

    @property
    def marker(self) -> str:
        """The placeholder the Word template prints; the renderer puts the real content in its place."""
        return block_marker(self.key)

    def as_prose(self) -> tuple[ProseBlock, ...]:
        """The block as prose blocks, the one form both renderers write out."""
        if self.kind == "prose":
            return self.prose
        if self.kind == "paragraph":
            return (ProseBlock("paragraph", inline=text_inline(self.text)),)
        if self.kind in ("bullets", "numbered"):
            items = tuple((ProseBlock("paragraph", inline=text_inline(item)),) for item in self.items)
            return (ProseBlock("list", ordered=self.kind == "numbered", items=items),)
        align: tuple[Align, ...] = tuple("right" if n else "" for n in self.numeric)
        return (ProseBlock("table", header=tuple(text_inline(h) for h in self.header),
                           rows=tuple(tuple(text_inline(c) for c in row) for row in self.rows), align=align),)

    @property
    def is_list(self) -> bool:
        """A bulleted or numbered list."""
        return self.kind in ("bullets", "numbered")

    @property
    def is_table(self) -> bool:
        """A table."""
        return self.kind == "table"

    @property
    def is_chart(self) -> bool:
        """A chart (`chart` holds its spec)."""
        return self.kind == "chart"

    @property
    def list_items(self) -> tuple[str, ...]:
        """List items with their numbers written out (Word numbering would not restart)."""
        if self.kind == "numbered":
            return tuple(f"{i}. {item}" for i, item in enumerate(self.items, 1))
        return self.items




def block_marker(key: str) -> str:
    """The placeholder paragraph text of a block (or a page-orientation change) in a Word template."""
    return f"\u27e6planas:{key}\u27e7"


def paragraphs(markdown: str | None) -> list[Block]:
    """A planner's Markdown as one prose block, parsed by a real Markdown parser (nothing dropped)."""
    prose = parse(markdown)
    if not prose:
        return []
    return [Block("prose", text=blocks_plain(prose), prose=prose)]
