"""An independent reading of where each key and value stands, as an editor counts lines.

The oracle's reference: PyYAML's pure-Python parser (not libyaml, which planas
uses), on text where U+2028, U+2029 and U+0085 are swapped for ordinary
characters of the same length (YAML 1.2 says they are not line breaks).
Paths are formatted as planas formats finding paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from planas.findings import format_path

_NOT_BREAKS = {"\u2028": "\ue028", "\u2029": "\ue029", "\x85": "\ue085"}
_BREAK = re.compile(r"\r\n|\r|\n")
_INT = re.compile(r"[-+]?[0-9]+")

Position = tuple[int, int]


def editor_lines(text: str) -> list[str]:
    r"""The lines of `text` as an editor shows them (`\\n`, `\\r\\n` and `\\r` end a line)."""
    return _BREAK.split(text)


def decoded(raw: bytes) -> str:
    """The file's text as planas reads it (BOM dropped; undecodable bytes replaced)."""
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")


_NUMBER_KEY = re.compile(r"\.([-+]?[0-9]+)(?=[.\[]|$)")


def canonical(path: str) -> str:
    """A path with number keys as `[2021]` however they were reported (`.2021` when pydantic cannot hold them)."""
    return _NUMBER_KEY.sub(r"[\1]", path)


@dataclass
class ReferenceIndex:
    """Positions of every key and value, by formatted path."""

    keys: dict[str, Position] = field(default_factory=dict)
    values: dict[str, Position] = field(default_factory=dict)

    def allowed(self, path: str) -> set[Position] | None:
        """Where a finding at `path` may stand: the key or value of its longest existing prefix."""
        current = canonical(path)
        while current not in self.values:
            shorter = re.sub(r"(\[[^\]]*\]|\.[^.\[]*|^[^.\[]+)$", "", current)
            if shorter == current:
                return None
            current = shorter
        spots = {self.values[current]}
        if current in self.keys:
            spots.add(self.keys[current])
        return spots


class _Walk:
    """Follows the event stream, recording the position of every key and value."""

    def __init__(self) -> None:
        self.index = ReferenceIndex()
        # Each frame: [path, is_mapping, pending key or None, next list index]
        self.stack: list[list[Any]] = []

    def node(self, event: yaml.NodeEvent) -> bool:
        """Record one node; False when the document uses what the oracle cannot follow."""
        if isinstance(event, yaml.AliasEvent):
            return False
        spot = (event.start_mark.line + 1, event.start_mark.column + 1)
        top = self.stack[-1] if self.stack else None
        if top is not None and top[1] and top[2] is None:
            if not isinstance(event, yaml.ScalarEvent):
                return False
            value = event.value
            top[2] = int(value) if not event.style and _INT.fullmatch(value) else value
            self.index.keys[canonical(format_path((*top[0], top[2])))] = spot
            return True
        path: tuple[Any, ...] = () if top is None else (*top[0], top[2] if top[1] else top[3])
        if top is not None and top[1]:
            top[2] = None
        elif top is not None:
            top[3] += 1
        self.index.values.setdefault(canonical(format_path(path)), spot)
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self.stack.append([path, isinstance(event, yaml.MappingStartEvent), None, 0])
        return True


def reference_index(text: str) -> ReferenceIndex | None:
    """The reference positions of a document, or None when it does not parse as one document."""
    for char, stand_in in _NOT_BREAKS.items():
        text = text.replace(char, stand_in)
    walk = _Walk()
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                walk.stack.pop()
            elif isinstance(event, yaml.NodeEvent) and not walk.node(event):
                return None
    except yaml.YAMLError:
        return None
    return walk.index
