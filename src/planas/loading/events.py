"""libyaml's event stream -> plain data and the position of every key and value (`load_plan_text`).

Kept apart from `planas.loading.positional` so that a clean plan, read on the
fast path, never loads PyYAML: only a file read with positions imports this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from planas.loading.positional import (
    _LINE_BREAK,
    MAX_DEPTH,
    LoadProblem,
    PathElement,
    Position,
    PositionIndex,
    YamlPath,
    _key_text,
    canonical_key,
    line_col,
    resolve_plain_scalar,
    restore_line_breaks,
)


@dataclass
class _Frame:
    """One open mapping or list while the tree is built."""

    container: dict[PathElement, object] | list[object]
    path: YamlPath
    key: PathElement | None = None
    key_set: bool = False
    seen: dict[str, Position] = field(default_factory=dict)



def _mark(event: yaml.Event) -> Position:
    """Where an event starts (1-based)."""
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


def _check_properties(event: yaml.NodeEvent, pos: Position, depth: int) -> None:
    """Refuse what a plan never needs: anchors, tags, nesting past `MAX_DEPTH`."""
    if event.anchor is not None:
        raise LoadProblem("E0103", pos.line, pos.column, name=event.anchor)
    tag = getattr(event, "tag", None)
    if tag is not None:
        raise LoadProblem("E0104", pos.line, pos.column, tag=tag)
    if depth >= MAX_DEPTH:
        raise LoadProblem("E0109", pos.line, pos.column, limit=MAX_DEPTH)


class _TreeBuilder:
    """Builds plain data and the position index from libyaml's events, without recursion."""

    def __init__(self, back: dict[str, str]) -> None:
        self.back = back
        self.positions = PositionIndex()
        self.stack: list[_Frame] = []
        self.root: object = None
        self.have_root = False
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        """Take one event."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                pos = _mark(event)
                raise LoadProblem("E0105", pos.line, pos.column)
        elif isinstance(event, yaml.AliasEvent):
            pos = _mark(event)
            raise LoadProblem("E0103", pos.line, pos.column, name=event.anchor)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()
        elif isinstance(event, yaml.NodeEvent):
            pos = _mark(event)
            _check_properties(event, pos, len(self.stack))
            top = self.stack[-1] if self.stack else None
            if top is not None and isinstance(top.container, dict) and not top.key_set:
                self._key(top, event, pos)
            else:
                self._value(top, event, pos)

    def _text(self, event: yaml.ScalarEvent) -> str:
        """A scalar's text as written (stand-ins restored)."""
        return restore_line_breaks(event.value, self.back) if self.back else event.value

    def _key(self, top: _Frame, event: yaml.NodeEvent, pos: Position) -> None:
        """A mapping key: text or number, never repeated (in any spelling), never `<<`."""
        if not isinstance(event, yaml.ScalarEvent):
            raise LoadProblem("E0112", pos.line, pos.column)
        if not event.style and event.value == "<<":
            raise LoadProblem("E0111", pos.line, pos.column)
        text = self._text(event)
        key = _key_text(text if event.style else resolve_plain_scalar(text), text)
        canonical = canonical_key(key)
        if canonical in top.seen:
            first = top.seen[canonical]
            raise LoadProblem("E0102", pos.line, pos.column, key=key, first_line=first.line)
        top.seen[canonical] = pos
        self.positions.keys[(*top.path, str(key))] = pos
        top.key = key
        top.key_set = True

    def _value(self, top: _Frame | None, event: yaml.NodeEvent, pos: Position) -> None:
        """The root, a mapping value or a list item: stored, and opened when it is a container."""
        path: YamlPath
        if top is None:
            path = ()
        elif isinstance(top.container, dict):
            path = (*top.path, str(top.key))
        else:
            path = (*top.path, len(top.container))
        self.positions.values[path] = pos
        value: object
        if isinstance(event, yaml.ScalarEvent):
            text = self._text(event)
            value = text if event.style else resolve_plain_scalar(text)
        else:
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if top is None:
            self.root, self.have_root = value, True
        elif isinstance(top.container, dict):
            assert top.key is not None
            top.container[top.key] = value
            top.key_set = False
        else:
            top.container.append(value)
        if isinstance(value, dict | list):
            self.stack.append(_Frame(value, path))


def _syntax_problem(error: yaml.MarkedYAMLError) -> LoadProblem:
    """A located E0101 (or E0109: libyaml's own depth limit) from a parser error."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = error.problem or error.context or "syntax error"
    if "nesting depth" in detail:
        # libyaml 0.2.6 (PyYAML 6.0.3+) stops deep nesting in its scanner,
        # ahead of our own depth check: it is the same finding.
        return LoadProblem("E0109", line, column, limit=MAX_DEPTH)
    return LoadProblem("E0101", line, column, detail=detail)


def _within(problem: LoadProblem, text: str) -> LoadProblem:
    """The problem moved onto the file's last character when libyaml puts it past the end.

    At the end of a file without a final line break libyaml reports the line after the last.
    """
    lines = _LINE_BREAK.split(text)
    if problem.line > len(lines):
        problem.line, problem.column = len(lines), len(lines[-1]) + 1
    elif problem.column > len(lines[problem.line - 1]) + 1:
        problem.column = len(lines[problem.line - 1]) + 1
    return problem


def _reader_problem(error: yaml.reader.ReaderError, protected: str) -> LoadProblem:
    """A located E0101 for a character libyaml refuses; its position is in UTF-8 bytes."""
    encoded = protected.encode("utf-8", "surrogatepass")
    offset = len(encoded[: min(error.position, len(encoded))].decode("utf-8", "replace"))
    line, column = line_col(protected, offset)  # stand-ins are single characters: same positions
    return LoadProblem("E0101", line, column, detail=error.reason)


def _events(protected: str) -> Iterator[yaml.Event]:
    """The events libyaml reads, its errors turned into located problems."""
    try:
        yield from yaml.parse(protected, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        raise _within(_syntax_problem(error), protected) from None
    except yaml.reader.ReaderError as error:
        raise _reader_problem(error, protected) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports marks for all we know
        raise LoadProblem("E0101", 1, 1, detail=str(error).splitlines()[0]) from None


def build_tree(protected: str, back: dict[str, str]) -> tuple[bool, object, PositionIndex]:
    """(a root was read, the root, the positions) of the text (line breaks protected)."""
    builder = _TreeBuilder(back)
    for event in _events(protected):
        builder.feed(event)
    return builder.have_root, builder.root, builder.positions
