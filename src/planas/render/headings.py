"""Chapter and section headings as a plan numbers them, and the municipality's name for the title.

Real plans number their parts differently: "I. ĮVADAS" and "1. Bendra
informacija" (Telšiai 2023), or "I SKYRIUS / ĮVADAS" and "PIRMASIS SKIRSNIS"
(Alytus, as the rules for drafting legal acts write them). The plan chooses
(`document.chapter_numbering`, `document.section_numbering`) and may replace any
fixed heading's text (`document.headings`); the form's text is the default.
"""

from __future__ import annotations

from planas.formatting import genitive
from planas.model.plan import DocumentSettings
from planas.reference import load_municipalities

# Ordinal numerals, masculine definite (skirsnis is masculine): PIRMASIS SKIRSNIS ...
_ORDINALS = (
    "PIRMASIS", "ANTRASIS", "TREČIASIS", "KETVIRTASIS", "PENKTASIS", "ŠEŠTASIS", "SEPTINTASIS", "AŠTUNTASIS",
    "DEVINTASIS", "DEŠIMTASIS", "VIENUOLIKTASIS", "DVYLIKTASIS", "TRYLIKTASIS", "KETURIOLIKTASIS",
    "PENKIOLIKTASIS", "ŠEŠIOLIKTASIS", "SEPTYNIOLIKTASIS", "AŠTUONIOLIKTASIS", "DEVYNIOLIKTASIS",
    "DVIDEŠIMTASIS",
)


def chapter_heading(number: str, title: str, settings: DocumentSettings) -> tuple[str, ...]:
    """The lines of a chapter heading: ("I. ĮVADAS",) or ("I SKYRIUS", "ĮVADAS")."""
    title = settings.headings.get(number, title)
    if settings.chapter_numbering == "skyrius":
        return (f"{number} SKYRIUS", title)
    return (f"{number}. {title}",)


def section_heading(
    number: str, index_in_chapter: int, section_id: str, title: str, settings: DocumentSettings
) -> tuple[str, ...]:
    """The lines of a section heading: ("1. Bendra informacija",) or ("PIRMASIS SKIRSNIS", "...")."""
    title = settings.headings.get(section_id, title)
    if settings.section_numbering == "skirsnis" and index_in_chapter < len(_ORDINALS):
        return (f"{_ORDINALS[index_in_chapter]} SKIRSNIS", title)
    return (f"{number}. {title}",)


def municipality_names(name: str) -> tuple[str, str]:
    """The municipality's official name and its genitive, from the list of the 60 when it is there.

    An informal form ("Pasvalio rajonas") resolves to the official name, so the
    title reads "PASVALIO RAJONO SAVIVALDYBĖS ..." (validation warns, W0312); a
    name not in the list is used as typed, its genitive formed by the usual endings.
    """
    municipalities = load_municipalities()
    known = municipalities.official(name) or municipalities.by_alias(name)
    if known is not None:
        return known.name, known.genitive
    return name, genitive(name)
