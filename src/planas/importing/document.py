"""What a person sees in a Word document: paragraphs and tables, as values.

The reader (`planas.importing.reader`) builds these from the XML; the
recognisers (`sections`, `tables`) only ever look at these. Positions are the
ones a planner finds in Word: top-level tables counted in body order, the rows
and grid columns of the visible table, body paragraphs counted from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Paragraph:
    """One paragraph as shown: its list label resolved, tracked changes applied."""

    number: int
    """Body paragraph number (1-based); 0 for a paragraph in a table cell."""
    text: str
    style: str = ""
    outline_level: int | None = None
    """0 for Heading 1 etc. (from the style or the paragraph), None for body text."""
    bold: bool = False
    centered: bool = False
    label: str = ""
    """The list number a reader sees ("12.", "I", "•"), '' when not numbered."""
    list_level: int | None = None
    notes: list[str] = field(default_factory=list)
    """Footnotes and endnotes attached here."""
    comments: list[str] = field(default_factory=list)
    toc: bool = False
    """A line of a table of contents."""
    picture: bool = False
    """The paragraph shows a picture (a chart, a logo)."""

    @property
    def shown(self) -> str:
        """The text with its label, as printed."""
        if self.label and self.label != "•":
            return f"{self.label} {self.text}".strip()
        return self.text


@dataclass
class Cell:
    """A cell of the visible grid: where it starts and how far it spans."""

    row: int
    col: int
    colspan: int = 1
    rowspan: int = 1
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The cell's text (nested tables apart), paragraphs joined by new lines (read once the table is built)."""
        return "\n".join(p.shown for p in self.paragraphs if p.shown.strip()).strip()

    @property
    def notes(self) -> list[str]:
        """Footnotes of the cell's paragraphs."""
        return [note for p in self.paragraphs for note in p.notes]

    @property
    def comments(self) -> list[str]:
        """Comments on the cell's paragraphs."""
        return [comment for p in self.paragraphs for comment in p.comments]


@dataclass
class Row:
    """A row of the visible grid; `grid[c]` is the cell covering column c (a spanning cell repeats)."""

    number: int
    grid: list[Cell | None]
    header: bool = False
    """Marked to repeat as a header row (w:tblHeader), or continuing such a row's vertical merges."""

    def starts(self) -> list[Cell]:
        """The cells that start in this row, left to right."""
        seen: list[Cell] = []
        for cell in self.grid:
            if cell is not None and cell.row == self.number and cell not in seen:
                seen.append(cell)
        return seen

    def text_at(self, col: int) -> str:
        """The text covering grid column `col` (0-based), '' outside the grid."""
        cell = self.grid[col] if 0 <= col < len(self.grid) else None
        return cell.text if cell is not None else ""


@dataclass
class Table:
    """A table as shown; `number` counts top-level tables in body order (0 for a nested table)."""

    number: int
    rows: list[Row]
    columns: int
    caption: str = ""
    """The paragraph just before the table (its title as typed)."""
    paragraph_before: int = 0
    after_picture: bool = False
    """A picture comes just before it: a chart's data table."""


Block = Paragraph | Table


@dataclass
class Revisions:
    """Tracked changes met while reading (counted for the finding that they were present)."""

    insertions: int = 0
    deletions: int = 0
    deleted_rows: int = 0
    inserted_rows: int = 0
    moves: int = 0

    @property
    def any(self) -> bool:
        """Whether the document had any tracked change."""
        return bool(self.insertions or self.deletions or self.deleted_rows or self.inserted_rows or self.moves)


@dataclass
class WordDocument:
    """The body of a Word document as a person sees it."""

    name: str
    sha256: str
    blocks: list[Block]
    revisions: Revisions
    content_controls: int = 0
    unattached_comments: list[str] = field(default_factory=list)

    def tables(self) -> list[Table]:
        """The top-level tables in body order."""
        return [block for block in self.blocks if isinstance(block, Table)]
