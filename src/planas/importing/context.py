"""What every recogniser of one import shares: the document's name, findings, draft and the reference's names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planas.importing.draft import Draft
from planas.importing.findings import Findings, Where
from planas.importing.matching import Vocabularies, normalise
from planas.reference import Reference
from planas.reference.import_vocabulary import ImportVocabulary


def unstar(text: str) -> tuple[str, bool]:
    """Text without the trailing `*` that marks an illustrative figure or item, and whether it had one."""
    stripped = text.strip()
    if stripped.endswith("*"):
        return stripped.rstrip("*").strip(), True
    return stripped, False


@dataclass
class ImportContext:
    """State of one import."""

    name: str
    reference: Reference
    vocabulary: ImportVocabulary
    names: Vocabularies
    year: int | None
    findings: Findings = field(default_factory=Findings)
    draft: Draft = field(default_factory=Draft)
    providers: dict[str, str] = field(default_factory=dict)
    """Normalised provider name -> provider id."""
    goals: dict[str, str] = field(default_factory=dict)
    priorities: dict[str, str] = field(default_factory=dict)
    leftovers: list[dict[str, Any]] = field(default_factory=list)
    """Tables (or rows) not imported as plan data, kept verbatim for an own section."""

    def source(self, where: Where) -> str:
        """The provenance text of an item: the document and the place in it."""
        return f"{self.name}: {where.text('lt')}"

    def provider_id(self, name: str) -> str | None:
        """The id of a provider named so (exactly, or as the start of a longer name)."""
        key = normalise(name)
        if key in self.providers:
            return self.providers[key]
        hits = [pid for known, pid in self.providers.items() if known.startswith(key) or key.startswith(known)]
        return hits[0] if len(set(hits)) == 1 else None
