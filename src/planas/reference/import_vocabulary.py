"""The Lithuanian vocabulary `planas import` recognises a plan's parts and columns by (import_vocabulary.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@dataclass(frozen=True)
class RegimeVocabulary:
    """One regime's titles: form section id -> phrases, chapter titles, annex id -> phrases."""

    sections: dict[str, tuple[str, ...]]
    chapters: tuple[str, ...]
    annexes: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ImportVocabulary:
    """Phrases per concept (case-folded), per regime for titles."""

    version: str
    verified: bool
    regimes: dict[str, RegimeVocabulary]
    toc_titles: tuple[str, ...]
    approval_mark: tuple[str, ...]
    concepts: dict[str, tuple[str, ...]]
    totals: tuple[str, ...]
    subrows: tuple[str, ...]
    finance_kinds: dict[str, tuple[str, ...]]
    owners: dict[str, tuple[str, ...]]
    education_levels: dict[str, tuple[str, ...]]
    assessment_methods: dict[str, tuple[str, ...]]
    accreditation_areas: dict[str, tuple[str, ...]]


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TypeError(f"import_vocabulary.yaml: {where}: a list of phrases expected")
    return tuple(v.casefold() for v in value)


def _table(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise TypeError(f"import_vocabulary.yaml: {where}: a mapping expected")
    return {str(key): _phrases(phrases, f"{where}.{key}") for key, phrases in value.items()}


def build_vocabulary(data: dict[str, Any]) -> ImportVocabulary:
    """The vocabulary from its YAML data, checked (a wrong shape fails with its key)."""
    regimes = {
        str(regime): RegimeVocabulary(
            sections=_table(entry["sections"], f"regimes.{regime}.sections"),
            chapters=_phrases(entry["chapters"], f"regimes.{regime}.chapters"),
            annexes=_table(entry["annexes"], f"regimes.{regime}.annexes"),
        )
        for regime, entry in data["regimes"].items()
    }
    return ImportVocabulary(
        version=str(data["version"]), verified=bool(data["verified"]), regimes=regimes,
        toc_titles=_phrases(data["toc_titles"], "toc_titles"),
        approval_mark=_phrases(data["approval_mark"], "approval_mark"),
        concepts=_table(data["concepts"], "concepts"), totals=_phrases(data["totals"], "totals"),
        subrows=_phrases(data["subrows"], "subrows"),
        finance_kinds=_table(data["finance_kinds"], "finance_kinds"), owners=_table(data["owners"], "owners"),
        education_levels=_table(data.get("education_levels", {}), "education_levels"),
        assessment_methods=_table(data.get("assessment_methods", {}), "assessment_methods"),
        accreditation_areas=_table(data.get("accreditation_areas", {}), "accreditation_areas"),
    )


@cache
def load_import_vocabulary() -> ImportVocabulary:
    """The packaged vocabulary (cached for the process)."""
    text = (files("planas.reference") / "data" / "import_vocabulary.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)  # trusted, packaged data
    assert isinstance(data, dict)
    return build_vocabulary(data)
