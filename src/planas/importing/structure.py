"""Sections by meaning: headings found whether styled or typed by hand, mapped to the form's parts.

A heading is a paragraph with a heading style or outline level, or one typed
the way plans type them: `I SKYRIUS` and `ĮVADAS` as two bold centred
paragraphs, `II. BŪKLĖS ANALIZĖ`, `4. Demografinė situacija.` in bold,
`PIRMASIS SKIRSNIS` + title, `1 priedas. …`. Its title (numbering removed) is
matched to a form section through the regime's vocabulary
(`import_vocabulary.yaml`); a title the form does not have opens one of the
plan's own sections. Tables of contents (field, style, or typed lines with
page numbers under `Turinys`) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from planas.importing.document import Block, Paragraph, Table
from planas.importing.matching import normalise
from planas.reference.import_vocabulary import ImportVocabulary, RegimeVocabulary

Kind = Literal["chapter", "section", "subsection", "annex"]
_CHAPTER_WORD = re.compile(r"^([IVX]{1,5})\s+SKYRIUS\.?$")
_SKIRSNIS = re.compile(r"^([A-ZĄČĘĖĮŠŲŪŽ]+)\s+SKIRSNIS\.?$")
_ROMAN_TITLE = re.compile(r"^([IVX]{1,5})\.?\s+(\S.*)$")
_NUMBER_TITLE = re.compile(r"^((?:[0-9]{1,2}\.)+[0-9]{0,2})\.?\s+(\S.{1,160})$")
_ANNEX = re.compile(r"^(?:([0-9]{1,2})\s+priedas\.?|priedas\s+nr\.?\s*([0-9]{1,2})\.?)\s*(.*)$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"[\s.…·_-]*[0-9]{1,3}$")
_MAX_HEADING = 170


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its kind, the number as typed, its title and where it is."""

    kind: Kind
    number: str
    title: str
    paragraph: int
    notes: tuple[str, ...] = ()
    """Footnotes and comments on the heading (reported: they annotate a whole section)."""


@dataclass
class Part:
    """One part of the document: a heading and the blocks under it (until the next heading of any kind)."""

    heading: Heading | None
    form_id: str | None
    """The form section (or annex) this is, None for front matter or an own section."""
    blocks: list[Block] = field(default_factory=list)
    chapter: str = ""
    within: str | None = None
    """For a sub-section (`9.1.`): the form section it belongs to."""

    def paragraphs(self) -> list[Paragraph]:
        """Its non-empty paragraphs."""
        return [b for b in self.blocks if isinstance(b, Paragraph) and b.shown.strip()]

    def tables(self) -> list[Table]:
        """Its tables."""
        return [b for b in self.blocks if isinstance(b, Table)]


def _uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _heading(paragraph: Paragraph, following: Paragraph | None) -> tuple[Heading, bool] | None:
    """The heading this paragraph is (and whether it consumes the next paragraph as its title)."""
    text = paragraph.shown.strip().rstrip("*").strip()
    if not text or len(text) > _MAX_HEADING or paragraph.toc or "\n" in text:
        return None
    styled = paragraph.outline_level is not None
    emphasised = paragraph.bold or styled
    match = _CHAPTER_WORD.match(text)
    if match and following is not None and following.shown.strip():
        return Heading("chapter", match.group(1), following.shown.strip(), paragraph.number), True
    match = _SKIRSNIS.match(text)
    if match and following is not None and following.shown.strip():
        return Heading("section", match.group(1), following.shown.strip(), paragraph.number), True
    match = _ANNEX.match(text)
    if match and (emphasised or paragraph.style.casefold().startswith(("pried", "annex"))):
        return Heading("annex", match.group(1) or match.group(2), match.group(3).strip() or text,
                       paragraph.number), False
    match = _ROMAN_TITLE.match(text)
    if match and _uppercase(match.group(2)) and (emphasised or paragraph.centered):
        return Heading("chapter", match.group(1), match.group(2).strip(), paragraph.number), False
    match = _NUMBER_TITLE.match(text)
    if match and (emphasised and not text.endswith((",", ";", ":"))) and len(text) < 130:
        depth = match.group(1).strip(".").count(".")
        return Heading("section" if depth == 0 else "subsection", match.group(1).strip("."),
                       match.group(2).strip().rstrip("."), paragraph.number), False
    if styled:
        kind: Kind = "chapter" if paragraph.outline_level == 0 else (
            "section" if paragraph.outline_level == 1 else "subsection")
        return Heading(kind, "", text, paragraph.number), False
    if _uppercase(text) and paragraph.bold and paragraph.centered and len(text) > 3:
        return Heading("chapter", "", text, paragraph.number), False
    return None


def _best(title: str, table: dict[str, tuple[str, ...]]) -> str | None:
    key = normalise(title)
    best, length = None, 0
    for form_id, phrases in table.items():
        for phrase in phrases:
            phrase_key = normalise(phrase)
            if phrase_key in key and len(phrase_key) > length:
                best, length = form_id, len(phrase_key)
    return best


def _is_toc_title(paragraph: Paragraph, vocabulary: ImportVocabulary) -> bool:
    return normalise(paragraph.shown) in {normalise(t) for t in vocabulary.toc_titles}


def skip_typed_toc(blocks: list[Block], vocabulary: ImportVocabulary) -> list[Block]:
    """Blocks without the table of contents: field/style TOC lines, and typed lines ending in page numbers."""
    kept: list[Block] = []
    in_typed_toc = False
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.toc:
                continue
            if _is_toc_title(block, vocabulary):
                in_typed_toc = True
                continue
            if in_typed_toc:
                text = block.shown.strip()
                if not text:
                    continue
                if _PAGE_NUMBER.search(text) and re.search(r"[A-Za-zĄČĘĖĮŠŲŪŽąčęėįšųūž]", text):
                    continue
                in_typed_toc = False
        else:
            in_typed_toc = False
        kept.append(block)
    return kept


def split_parts(blocks: list[Block], vocabulary: ImportVocabulary, regime: RegimeVocabulary) -> list[Part]:
    """The document in parts: front matter, then one part per heading, mapped to the form where it fits."""
    blocks = skip_typed_toc(blocks, vocabulary)
    parts = [Part(None, None)]
    chapter = ""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        found = _heading(block, following if isinstance(following, Paragraph) else None) \
            if isinstance(block, Paragraph) else None
        if found is None:
            parts[-1].blocks.append(block)
            index += 1
            continue
        heading, consumes = found
        annotations = (*block.notes, *block.comments) if isinstance(block, Paragraph) else ()
        if annotations:
            heading = Heading(heading.kind, heading.number, heading.title, heading.paragraph, annotations)
        index += 2 if consumes else 1
        if heading.kind == "subsection":
            # `9.1. Plėtros vizija`: a sub-section of the section above, one of the plan's own sections within it
            parent = next((p.form_id for p in reversed(parts) if p.form_id is not None), None)
            parts.append(Part(heading, None, chapter=chapter, within=parent))
            continue
        if heading.kind == "annex":
            parts.append(Part(heading, _best(heading.title, regime.annexes), chapter=chapter))
            continue
        section_id = _best(heading.title, regime.sections)
        if heading.kind == "chapter" and (section_id is None or _best(heading.title, {"c": regime.chapters})):
            chapter = heading.title
            parts.append(Part(heading, None, chapter=chapter))
            continue
        parts.append(Part(heading, section_id, chapter=chapter))
    return parts
