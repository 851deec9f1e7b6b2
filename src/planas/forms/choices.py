"""The dropdown lists of a form, from the reference data a plan is checked with (local codes included).

A list shows names, which a provider understands, not codes; the reader
accepts the name, the code, or `name (code)`, the form a name takes when two
entries of one list share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from planas.forms.layout import OWNERS, Kind
from planas.i18n import collation_key
from planas.reference import Reference


@dataclass(frozen=True)
class Choices:
    """One list: labels in the order the sheet shows them, and the code behind each label."""

    labels: tuple[str, ...]
    codes: dict[str, str]

    def code_for(self, text: str) -> str | None:
        """The code a typed or chosen text means, None when it is none of the list's entries."""
        wanted = text.strip()
        if wanted in self.codes:
            return self.codes[wanted]
        if wanted in self.codes.values():
            return wanted
        folded = wanted.casefold()
        return next((code for label, code in self.codes.items() if label.casefold() == folded), None)

    def label_for(self, code: str) -> str:
        """The label the sheet shows for a code (the code itself when the list lacks it)."""
        return next((label for label, value in self.codes.items() if value == code), code)


def _choices(entries: list[tuple[str, str]]) -> Choices:
    """Labels for (code, name) pairs, sorted in Lithuanian order; a shared name gets its code added."""
    names = [name for _, name in entries]
    labelled = [(f"{name} ({code})" if names.count(name) > 1 else name, code) for code, name in entries]
    labelled.sort(key=lambda pair: (collation_key(pair[0]), pair[1]))
    return Choices(tuple(label for label, _ in labelled), dict(labelled))


def form_choices(reference: Reference, year: int) -> dict[Kind, Choices]:
    """Every list of a form for a plan of `year`: services valid that year, groups, institution types, owners."""
    return {
        Kind.SERVICE: _choices([(s.code, s.name_lt) for s in reference.services.values() if s.valid_in(year)]),
        Kind.GROUP: _choices([(g.id, g.name_lt) for g in reference.target_groups.values()]),
        Kind.INSTITUTION_TYPE: _choices([(t.id, t.name_lt) for t in reference.institution_types.values()]),
        Kind.OWNER: Choices(tuple(OWNERS.values()), {label: code for code, label in OWNERS.items()}),
    }
