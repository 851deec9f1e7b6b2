"""A rule's verdict before it is located in the file, and the "did you mean" of code lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planas.reference.listing import normal

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Issue:
    """A rule's verdict before it is located in the file."""

    code: str
    loc: Loc
    key: bool = False
    params: dict[str, object] = field(default_factory=dict)
    acknowledged: str | None = None
    """The plan's reason when it acknowledges this warning (validation.acknowledge)."""


ServiceCheck = Callable[[str, Loc], Iterable[Issue]]
"""The catalogue check of one service code (E0303, E0304), shared by the rules of each form."""
GroupCheck = Callable[[Iterable[str], Loc], Iterable[Issue]]
"""The check of target group codes (E0305), shared by the rules of each form."""


_SHORT = 3
_STEM = 5


def _stems(text: str) -> frozenset[str]:
    """The first letters of each longer word: Lithuanian endings vary ("negalia", "negalią", "neįgalūs")."""
    return frozenset(word[:_STEM] for word in normal(text).split() if len(word) > _SHORT)


def suggest_code(value: str, entries: Mapping[str, Iterable[str]]) -> dict[str, object]:
    """A "did you mean" for a code of a code list: by title or alias, by a typo, or by the words of a title.

    `entries`: code -> its titles and aliases. A suggestion must share every
    longer word of `value` (by stem) or be a near typo of a code: an unrelated
    code that merely looks alike ("psichikos_negalia" -> "vaikai_su_negalia")
    is never suggested.
    """
    wanted = normal(value)
    names = {code: [normal(n) for n in (code, *titles)] for code, titles in entries.items()}
    for code, forms in names.items():
        if wanted in forms:
            return {"did_you_mean": code}
    import difflib  # only for an unknown code: a clean plan's run need not import it

    close = difflib.get_close_matches(value, list(entries), n=1, cutoff=0.8)
    if close:
        return {"did_you_mean": close[0]}
    stems = _stems(value)
    if not stems:
        return {}
    for code, forms in names.items():
        if stems <= frozenset().union(*(_stems(form) for form in forms)):
            return {"did_you_mean": code}
    return {}
