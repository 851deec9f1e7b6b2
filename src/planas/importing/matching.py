"""Names as typed -> codes of the reference data: services, target groups, institution types, indicators."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from planas.reference import Reference

_PUNCT = re.compile(r"[\"'„“”«»().,;:!?*]+")


def normalise(text: str) -> str:
    """Case-folded, punctuation and repeated spaces removed, for comparing names."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def slug(text: str, fallback: str = "x") -> str:
    """An identifier from a name: ASCII letters, digits and underscores (`Šaltinėlis` -> `saltinelis`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    value = "_".join(words)[:40].strip("_")
    return value if value and value[0].isalpha() else f"{fallback}_{value}".strip("_")


@dataclass(frozen=True)
class Match:
    """A code found for a name, or None with the nearest names."""

    code: str | None
    nearest: tuple[str, ...] = ()


class Names:
    """One code list's names and aliases, for exact and near look-ups."""

    def __init__(self, entries: Mapping[str, tuple[str, ...]]) -> None:
        self.by_name: dict[str, str] = {}
        self.display: dict[str, str] = {}
        for code, names in entries.items():
            for name in names:
                self.by_name.setdefault(normalise(name), code)
            if names:
                self.display[code] = names[0]
            self.by_name.setdefault(normalise(code.replace("_", " ")), code)

    def find(self, text: str) -> Match:
        """The code this name names: exactly, or the one whose name begins the text; else the nearest names."""
        key = normalise(text)
        if not key:
            return Match(None)
        if key in self.by_name:
            return Match(self.by_name[key])
        prefixed = [name for name in self.by_name if len(name) > 6 and (key.startswith(name + " ")
                                                                         or name.startswith(key + " "))]
        if len(prefixed) == 1:
            return Match(self.by_name[prefixed[0]])
        close = difflib.get_close_matches(key, list(self.by_name), n=3, cutoff=0.88)
        if close and len({self.by_name[c] for c in close}) == 1:
            return Match(self.by_name[close[0]])
        nearest = difflib.get_close_matches(key, list(self.by_name), n=3, cutoff=0.5)
        return Match(None, tuple(dict.fromkeys(self.display[self.by_name[n]] for n in nearest)))


@dataclass
class Vocabularies:
    """The reference's names, indexed once per import."""

    services: Names
    groups: Names
    institution_types: Names
    indicators: Names
    funding: Names

    @classmethod
    def of(cls, reference: Reference, year: int | None) -> Vocabularies:
        """Names of the reference data (services valid in the plan's year first)."""
        services = {code: (s.name_lt, *s.aliases) for code, s in reference.services.items()
                    if year is None or s.valid_in(year)}
        groups = {code: (g.name_lt, *g.aliases) for code, g in reference.target_groups.items()}
        types = {code: (t.name_lt,) for code, t in reference.institution_types.items()}
        indicators = {code: (i.name_lt,) for code, i in
                      {**reference.demography_indicators, **reference.social_indicators}.items()}
        funding = {code: (code, s.name_lt) for code, s in reference.funding_sources.items()}
        return cls(Names(services), Names(groups), Names(types), Names(indicators), Names(funding))
