"""Tables by header meaning: header rows, column paths, concepts, and the roles of the other rows.

Header rows are the rows marked to repeat (`tblHeader`) and those continuing
their vertical merges; without marks, the first row and the rows below it
that hold only header words (years, source codes, concepts) and no data. A
column's header is its path through the header rows (`Planuojamos lėšos, Eur /
SB`), and the column's concept is the one whose vocabulary phrase the path
contains (the longest wins); years (`2019 m.`) and funding source codes are
read from the path too; a note mark typed raised at a header's end (`Eur¹`) is
reported, never part of the path. Rows below are data, or: a header typed again, an
empty spacer, a full-width row opening a context (a category or a goal), a
total (`Iš viso`), or an `iš jų` sub-row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from planas.importing.document import Row, Table
from planas.importing.matching import Names, normalise
from planas.importing.values import header_year, is_empty
from planas.reference.import_vocabulary import ImportVocabulary

RowRole = Literal["data", "header_again", "empty", "context", "total", "subrow"]
_DATA_NUMBER = re.compile(r"[0-9]")
_NAME_LINES = re.compile(r"\s*[\n;]\s*")
_NOTE_MARK = re.compile(r"(?<![m\s])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")


@dataclass(frozen=True)
class Column:
    """One grid column: its header path, concept, year and funding source (when its header names them)."""

    index: int
    path: str
    concept: str | None
    year: int | None = None
    source: str | None = None
    thousands: bool = False


@dataclass(frozen=True)
class HeaderNote:
    """A footnote, comment or typed note mark on a header cell: the header it annotates, and its text."""

    row: int
    col: int
    header: str
    """The header cell's text as typed, without a typed note mark."""
    kind: str
    """`išnaša`, `komentaras` or `ranka surinkta išnašos žymė` (a mark typed raised, `Eur¹`)."""
    text: str


@dataclass
class TableView:
    """A table with its header understood."""

    table: Table
    header_rows: int
    columns: list[Column]
    concepts: set[str] = field(default_factory=set)
    header_notes: list[HeaderNote] = field(default_factory=list)
    """Footnotes and comments on header cells, in grid order (the header path never holds their text)."""
    header_notes_attached: bool = False
    """Whether the header notes were written beside the first item read from the table."""

    def column(self, concept: str) -> Column | None:
        """The first column of a concept."""
        return next((c for c in self.columns if c.concept == concept), None)

    def data_rows(self) -> list[Row]:
        """The rows below the header."""
        return self.table.rows[self.header_rows:]


def concept_of(text: str, vocabulary: ImportVocabulary) -> str | None:
    """The concept a header names (the longest phrase it contains)."""
    key = normalise(text)
    best, length = None, 0
    for concept, phrases in vocabulary.concepts.items():
        for phrase in phrases:
            phrase_key = normalise(phrase)
            if phrase_key and re.search(rf"(^|\s){re.escape(phrase_key)}", key) and len(phrase_key) > length:
                best, length = concept, len(phrase_key)
    return best


def _header_like(row: Row, vocabulary: ImportVocabulary, funding: Names) -> bool:
    """A row of header words only: concepts, years, source codes, units; no data figures."""
    texts = [c.text for c in row.starts() if c.text.strip()]
    if not texts:
        return False
    for text in texts:
        if header_year(text) is not None and len(text) < 16:
            continue
        if funding.find(text).code is not None and len(text) < 8:
            continue
        if concept_of(text, vocabulary) is not None and not _DATA_NUMBER.search(text):
            continue
        return False
    return True


def header_row_count(table: Table, vocabulary: ImportVocabulary, funding: Names) -> int:
    """How many rows at the top are header rows."""
    marked = 0
    for row in table.rows:
        if not row.header:
            break
        marked += 1
    if marked:
        return marked
    if not table.rows:
        return 0
    count = 1
    for row in table.rows[1:4]:
        continues = any(cell is not None and cell.row < row.number for cell in row.grid)
        if (continues and _header_like(row, vocabulary, funding)) or (
                _header_like(row, vocabulary, funding) and all(
                    header_year(c.text) is not None or funding.find(c.text).code is not None
                    for c in row.starts() if c.text.strip())):
            count += 1
        else:
            break
    return count


def view(table: Table, vocabulary: ImportVocabulary, funding: Names) -> TableView:
    """The table with its header rows and column concepts."""
    count = header_row_count(table, vocabulary, funding)
    columns: list[Column] = []
    for index in range(table.columns):
        parts: list[str] = []
        for row in table.rows[:count]:
            text = note_mark(row.text_at(index).replace("\n", " ").strip())[0]
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        path = " / ".join(parts)
        source = None
        for part in reversed(parts):
            candidate = part.replace(", Eur", "").strip()
            if len(candidate) <= 40:
                found = funding.find(candidate).code
                if found is not None and (len(candidate) <= 4 or normalise(candidate) != normalise(found)):
                    source = found
                    break
        # the lowest header row names the column; the rows above only when it names nothing
        # (`Gavėjai ir laukiantieji / Laukia 2019 m. pab.` is a waiting list, `Gavėjai / 2019 m.` recipients)
        concept = (concept_of(parts[-1], vocabulary) if parts else None) or concept_of(path, vocabulary)
        year = header_year(path)
        if source is not None and concept in (None, "funding", "total") and normalise(parts[-1]) != "iš viso":
            concept = "source"  # `Lėšos, tūkst. Eur / SB`: the source column under a funds header
        if concept is None and year is not None:
            concept = "year_value"
        columns.append(Column(index, path, concept, year, source, thousands="tūkst" in path.casefold()))
    return TableView(table, count, columns, {c.concept for c in columns if c.concept}, _header_notes(table, count))


def _header_notes(table: Table, count: int) -> list[HeaderNote]:
    notes: list[HeaderNote] = []
    for row in table.rows[:count]:
        for cell in row.starts():
            header, mark = note_mark(" ".join(cell.text.split()))
            notes += [HeaderNote(row.number, cell.col, header, "išnaša", text) for text in cell.notes]
            notes += [HeaderNote(row.number, cell.col, header, "komentaras", text) for text in cell.comments]
            if mark:
                notes.append(HeaderNote(row.number, cell.col, header, "ranka surinkta išnašos žymė",
                                        f"{mark} (išnašos tekstas – dokumente, pvz. po lentele)"))
    return notes


def note_mark(text: str) -> tuple[str, str]:
    """A header without the note mark typed raised at its end (`Planuojamos lėšos, Eur¹`), and the mark.

    `m²`, `m³` are units, not marks.
    """
    found = _NOTE_MARK.search(text)
    if found is None:
        return text, ""
    return text[:found.start()].rstrip(), found.group(1)


def several_names(text: str) -> list[str]:
    """The names a cell lists (executors, providers): one a line, or `;`-separated, or comma-separated names.

    Commas split only where every part reads as a name of its own (two or more words, a capital first:
    `Socialinių paslaugų centras, Birštono seniūnija`), so `Socialinės paramos skyrius, seniūnijos` stays one.
    """
    names: list[str] = []
    for line in _NAME_LINES.split(text.strip()):
        parts = [part.strip() for part in line.split(",")]
        if len(parts) > 1 and all(len(part.split()) >= 2 and part[:1].isupper() for part in parts):
            names.extend(parts)
        elif line.strip():
            names.append(line.strip())
    return names


def row_role(row: Row, tv: TableView, vocabulary: ImportVocabulary) -> RowRole:
    """What a row below the header is."""
    starts = row.starts()
    texts = [c.text for c in starts]
    if all(is_empty(t) for t in texts):
        return "empty"
    header_texts = [normalise(tv.table.rows[tv.header_rows - 1].text_at(i)) for i in range(tv.table.columns)] \
        if tv.header_rows else []
    if header_texts and [normalise(row.text_at(i)) for i in range(tv.table.columns)] == header_texts:
        return "header_again"
    if tv.header_rows >= 2 and [normalise(row.text_at(i)) for i in range(tv.table.columns)] == \
            [normalise(tv.table.rows[0].text_at(i)) for i in range(tv.table.columns)]:
        return "header_again"
    own = [c for c in starts if c.text.strip()]
    if len(starts) == 1 and starts[0].colspan == tv.table.columns and tv.table.columns > 1:
        return "context"
    first = normalise(own[0].text) if own else ""
    if any(first == normalise(t) or first.startswith(normalise(t) + " ") for t in vocabulary.totals):
        return "total"
    if any(first.startswith(normalise(s)) for s in vocabulary.subrows):
        return "subrow"
    if len(own) == 1 and own[0].colspan >= max(2, tv.table.columns - 1) and tv.table.columns > 2:
        return "context"
    return "data"
