"""Word list numbering resolved to the text a reader sees ("I", "12.", "2.3.", "a)", "•").

`numbering.xml` holds abstract numberings (the levels: start, format, text
pattern such as `%1.%2.`) and numbering instances (`w:num`) that point to one,
possibly overriding a level or its start. Paragraphs name an instance and a
level directly or through their paragraph style. Counters belong to the
abstract numbering (instances of one list continue it) unless an instance
overrides the start, which restarts it where that instance is first used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from planas.importing.xmlnames import W, attr

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_BULLET = "•"


def roman(number: int) -> str:
    """1 -> I, 14 -> XIV (0 and below as the plain number)."""
    if number <= 0:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letter(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if number <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """One level's number in its Word format."""
    if fmt in ("upperRoman",):
        return roman(number)
    if fmt == "lowerRoman":
        return roman(number).lower()
    if fmt == "upperLetter":
        return letter(number).upper()
    if fmt == "lowerLetter":
        return letter(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)  # decimal and formats Lithuanian plans do not use


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart_after: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never


@dataclass
class _Instance:
    abstract: str
    levels: dict[int, Level]
    start_overrides: dict[int, int]
    started: bool = False


@dataclass
class Numbering:
    """The document's numbering definitions and the running counters while the body is read."""

    instances: dict[str, _Instance] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    last_level: dict[str, int] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list at this level and return the label the reader sees ('' for no numbering)."""
        instance = self.instances.get(num_id)
        if instance is None or num_id == "0" or not 0 <= ilvl < 9:
            return ""
        counters = self.counters.setdefault(instance.abstract, [0] * 9)
        if not instance.started:
            instance.started = True
            for lvl, start in instance.start_overrides.items():
                if 0 <= lvl < 9:
                    counters[lvl:] = [start - 1] + [0] * (8 - lvl)
        levels = instance.levels
        level = levels.get(ilvl, Level())
        counters[ilvl] = level.start if counters[ilvl] == 0 else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, Level()).restart_after
            if restart is None or restart > ilvl:
                counters[deeper] = 0
        return _BULLET if level.fmt == "bullet" else _text(level.text, counters, levels)


def _text(pattern: str, counters: list[int], levels: dict[int, Level]) -> str:
    """`%1.%2.` with the running counters in each level's format."""
    text = pattern
    for lvl in range(9):
        token = f"%{lvl + 1}"
        if token in text:
            level = levels.get(lvl, Level())
            text = text.replace(token, format_number(counters[lvl] or level.start, level.fmt))
    return text.strip()


def _levels(element: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in element.findall(W("lvl")):
        ilvl = int(attr(lvl, "ilvl") or "0")
        start = lvl.find(W("start"))
        fmt = lvl.find(W("numFmt"))
        text = lvl.find(W("lvlText"))
        restart = lvl.find(W("lvlRestart"))
        levels[ilvl] = Level(
            start=_int(attr(start, "val"), 1) if start is not None else 1,
            fmt=(attr(fmt, "val") or "decimal") if fmt is not None else "decimal",
            text=(attr(text, "val") or "") if text is not None else f"%{ilvl + 1}.",
            restart_after=_int(attr(restart, "val"), 0) if restart is not None else None,
        )
    return levels


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _instance(num: etree._Element, abstract_id: str, inherited: dict[int, Level]) -> _Instance:
    """A numbering instance: its abstract numbering's levels with this instance's overrides."""
    levels = dict(inherited)
    overrides: dict[int, int] = {}
    for override in num.findall(W("lvlOverride")):
        ilvl = _int(attr(override, "ilvl"), 0)
        start = override.find(W("startOverride"))
        if start is not None:
            overrides[ilvl] = _int(attr(start, "val"), 1)
        lvl = override.find(W("lvl"))
        if lvl is not None:
            fake = etree.Element(W("abstractNum"))
            fake.append(lvl)
            parsed = list(_levels(fake).values())
            if parsed:
                levels[ilvl] = parsed[0]
    return _Instance(abstract_id, levels, overrides)


def read_numbering(root: etree._Element | None, style_numbering: dict[str, tuple[str, int]]) -> Numbering:
    """The numbering of `numbering.xml` (None: the document has none).

    `style_numbering` maps a numbering style (`w:numStyleLink`) to the instance its style names.
    """
    numbering = Numbering()
    if root is None:
        return numbering
    abstracts: dict[str, etree._Element] = {attr(a, "abstractNumId") or "": a for a in root.findall(W("abstractNum"))}
    num_to_abstract = {attr(n, "numId") or "": attr(n.find(W("abstractNumId")), "val") or ""
                       for n in root.findall(W("num")) if n.find(W("abstractNumId")) is not None}

    def resolve(abstract_id: str, depth: int = 0) -> tuple[str, dict[int, Level]]:
        element = abstracts.get(abstract_id)
        if element is None:
            return abstract_id, {}
        link = element.find(W("numStyleLink"))
        if link is not None and depth < 4:
            linked = style_numbering.get(attr(link, "val") or "")
            if linked is not None and linked[0] in num_to_abstract:
                return resolve(num_to_abstract[linked[0]], depth + 1)
        return abstract_id, _levels(element)

    for num in root.findall(W("num")):
        num_id = attr(num, "numId") or ""
        abstract_id, levels = resolve(num_to_abstract.get(num_id, ""))
        numbering.instances[num_id] = _instance(num, abstract_id, levels)
    return numbering
