"""The one path for the language of every report: pick a text, count with the right plural.

Every command takes `--lang lt|en`; every report (validate, check, diff) words
its summary lines through these functions, so that English output holds no
Lithuanian and Lithuanian output counts as Lithuanian does (1 klaida,
2 klaidos, 10 klaidų, 21 klaida).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal

Lang = Literal["lt", "en"]


def pick(lang: str, lt: str, en: str) -> str:
    """The Lithuanian or the English text."""
    return en if lang == "en" else lt


def plural_lt(count: int, one: str, few: str, many: str) -> str:
    """Lithuanian plural: 1 klaida, 2 klaidos, 10 klaidų, 21 klaida."""
    if count % 10 == 1 and count % 100 != 11:
        word = one
    elif 2 <= count % 10 <= 9 and not 12 <= count % 100 <= 19:
        word = few
    else:
        word = many
    return f"{count} {word}"


def plural_en(count: int, word: str) -> str:
    """English plural of a regular noun: 1 file, 2 files."""
    return f"{count} {word}{'' if count == 1 else 's'}"


# The nouns every summary line counts: (Lithuanian one, few, many; English singular).
NOUNS: dict[str, tuple[str, str, str, str]] = {
    "file": ("failas", "failai", "failų", "file"),
    "plan": ("planas", "planai", "planų", "plan"),
    "error": ("klaida", "klaidos", "klaidų", "error"),
    "warning": ("įspėjimas", "įspėjimai", "įspėjimų", "warning"),
    "change": ("pakeitimas", "pakeitimai", "pakeitimų", "change"),
    "finding": ("radinys", "radiniai", "radinių", "finding"),
    "known": ("žinomas radinys", "žinomi radiniai", "žinomų radinių", "known finding"),
}


def counted(lang: str, count: int, noun: str) -> str:
    """`count` and the noun in the right form, e.g. "2 klaidos" or "2 errors"."""
    one, few, many, english = NOUNS[noun]
    return plural_en(count, english) if lang == "en" else plural_lt(count, one, few, many)


_LETTERS_OF_THEIR_OWN = {"č": "c~", "š": "s~", "ž": "z~", "y": "i"}
"""Lithuanian letters that sort after their base letter (č after c, š after s, ž after z).

`~` sorts after every letter and digit, so `"s~"` comes after every word on s.
The nasal and long vowels (ą, ę, ė, į, ų, ū) and y sort with their base
letter (y with i) and only break ties, as ICU's Lithuanian collation does.
"""


def collation_key(text: str) -> tuple[str, str, str]:
    """A sort key in Lithuanian alphabetical order: S < Š < T, Z < Ž, case and accents breaking ties.

    planas ships no ICU (PyICU needs a compiler and the ICU library, Babel has
    no collation), so this is the documented subset of the Lithuanian
    collation that names and codes need: the primary letters of the Lithuanian
    alphabet, then accents, then case.
    """
    lower = text.casefold()
    primary = "".join(
        _LETTERS_OF_THEIR_OWN.get(char)
        or "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        for char in lower
    )
    return primary, lower, text


def sorted_lt(items: Iterable[str]) -> list[str]:
    """Strings in Lithuanian alphabetical order (`collation_key`)."""
    return sorted(items, key=collation_key)
