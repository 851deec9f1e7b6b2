"""Text widths in the document's font, and table column widths computed from the cells.

Widths are Times New Roman's advance widths (Adobe's Times metrics, 1/1000 em;
Liberation Serif, which LibreOffice uses in its place, has the same metrics).
A column is never narrower than its longest word (bold in the header) or its
widest number (a number is one unbreakable word: amounts and percentages
never wrap); the remaining width goes to the columns that have the most text,
as browsers lay out tables (CSS 2.1 §17.5.2.2).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# 1/1000 em, regular and bold; letters with diacritics measure as their base letter.
_REGULAR = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-–—()/%*„“\"'+=<>[]!?&#",
    (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500,
     722, 500, 500, 444,
     722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722,
     944, 722, 722, 611,
     *([500] * 10), 250, 250, 250, 278, 278, 333, 500, 1000, 333, 333, 278, 833, 500, 444, 444, 408, 180, 564,
     564, 564, 564, 333, 333, 333, 444, 778, 500),
    strict=True,
))
_BOLD = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500,
     722, 500, 500, 444,
     722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722,
     1000, 722, 722, 667),
    strict=True,
))
_DEFAULT = 556
TWIPS_PER_POINT = 20
# Word's default cell margins (Table Grid): 0.19 cm left and right, in twips.
CELL_PADDING = 2 * 108
# Rounding and hinting differ between Word and LibreOffice: keep a margin.
_SAFETY = 1.06


def _base(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


@functools.lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool) -> int:
    """One character's advance width in 1/1000 em (a letter with diacritics as its base letter)."""
    base = _base(char)
    width = _BOLD.get(base) if bold else None
    if width is None:
        width = _REGULAR.get(base, 250 if char.isspace() else _DEFAULT)
    return width


@functools.lru_cache(maxsize=65_536)
def _em_width(text: str, bold: bool) -> int:
    """The advance widths of `text` added up, in 1/1000 em: a table measures each cell at every size it tries."""
    return sum(_char_width(char, bold) for char in text)


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """The width of `text` on one line, in twips, at `size` points."""
    return int(_em_width(text, bold) * size * TWIPS_PER_POINT * _SAFETY / 1000) + 1


@dataclass(frozen=True)
class Column:
    """What a column's cells need: the narrowest width that breaks nothing, and one line for all."""

    minimum: int
    maximum: int


def column_needs(
    header: str, cells: Sequence[str], size: float, *, numeric: bool, word_cap: int
) -> Column:
    """A column's minimum and maximum width in twips (padding included).

    Header words and numbers never break; a very long word in text (a web
    address) counts only up to `word_cap`, since Word may break it at the edge.
    """
    # Words break at ordinary spaces only: a no-break space ("2020 m.", "1 214 000") holds.
    header_words = [text_width(w, size, bold=True) for w in header.split(" ")] or [0]
    minimum = max(header_words)
    maximum = text_width(header, size, bold=True)
    for cell in cells:
        for line in cell.split("\n"):
            whole = text_width(line, size)
            maximum = max(maximum, whole)
            # A number is one word (its groups and unit joined by no-break spaces); "(planas)" may wrap.
            cap = whole if numeric else word_cap
            words = [min(cap, text_width(w, size)) for w in line.split(" ")] or [0]
            minimum = max(minimum, *words)
    return Column(minimum + CELL_PADDING, maximum + CELL_PADDING)


def distribute(columns: Sequence[Column], available: int) -> list[int]:
    """Column widths that fill `available` twips: each at least its minimum when that fits.

    When even the minimums do not fit, they are scaled down together (the caller
    avoids this by choosing a landscape page or a smaller font first).
    """
    minimum = sum(c.minimum for c in columns)
    maximum = sum(c.maximum for c in columns)
    if minimum >= available:
        return [c.minimum * available // minimum for c in columns]
    if maximum <= available:
        # Everything fits on one line: share the rest in proportion to the content.
        extra = available - maximum
        return _settle([c.maximum + extra * c.maximum // maximum for c in columns], available)
    spare = available - minimum
    flexible = maximum - minimum
    return _settle([c.minimum + spare * (c.maximum - c.minimum) // flexible for c in columns], available)


def _settle(widths: list[int], available: int) -> list[int]:
    """Integer rounding leftovers to the widest column, so the widths add up exactly."""
    widths[widths.index(max(widths))] += available - sum(widths)
    return widths


def minimum_width(columns: Sequence[Column]) -> int:
    """The narrowest the whole table can be without breaking a word or a number."""
    return sum(c.minimum for c in columns)


# Text width of the default template's pages, in twips: A4 portrait less 30 + 10 mm
# margins, A4 landscape less 2 x 20 mm (scripts/make_docx_template.py sets them).
PORTRAIT_WIDTH = 9638
LANDSCAPE_WIDTH = 14570
TABLE_FONT_SIZES = (9.0, 8.0, 7.0)


@dataclass(frozen=True)
class TableLayout:
    """How a table is set: its column widths, its font size, and whether it needs a landscape page."""

    widths: tuple[int, ...]
    font_size: float
    landscape: bool


def layout_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool], *, landscape: bool
) -> TableLayout:
    """The widths of a table: portrait when it fits, else landscape, else a smaller font."""
    pages = (True,) if landscape else (False, True)
    for size in TABLE_FONT_SIZES:
        for wide in pages:
            available = LANDSCAPE_WIDTH if wide else PORTRAIT_WIDTH
            columns = [
                column_needs(title, [row[i] if i < len(row) else "" for row in rows], size,
                             numeric=bool(numeric[i]) if i < len(numeric) else False, word_cap=available // 4)
                for i, title in enumerate(header)
            ]
            if minimum_width(columns) <= available or (size == TABLE_FONT_SIZES[-1] and wide):
                return TableLayout(tuple(distribute(columns, available)), size, wide)
    raise AssertionError("unreachable: the last size on a landscape page always returns")  # pragma: no cover
