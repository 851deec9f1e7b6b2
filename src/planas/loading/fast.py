"""The fast path for reading many plans: rapidyaml -> JSON -> Python, without positions.

`planas check` reads every plan this way and only re-reads a file with
positions (planas.loading.positional) when it has findings. The result must equal what
planas.loading.positional gives; constructs where the two could differ, or that must be
refused with a position (anchors, aliases, tags, merge keys, several documents,
YAML 1.2 scalars that rapidyaml leaves as text), send the file to the slow path.

Line breaks: rapidyaml follows YAML 1.2, where U+2028, U+2029 and U+0085 are
ordinary characters, so it needs no substitution pass (the positional loader
does, around libyaml); tests/test_fuzz.py holds both readers to the same data.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import ryml

from planas.loading.positional import MAX_DEPTH, MAX_PLAN_BYTES, canonical_key, resolve_plain_scalar

_END = rb"\s*(?:#.*)?(?:$|,|\]|\})"
# What may stand before a token that starts a node: white space or a flow delimiter. Each
# pattern starts with its rare literal and looks behind for what precedes it: the
# regex engine then skips ahead to the literal (a scan from every space costs ~15x more).
_AFTER = rb"[\s\[{,]"
# Each check: substrings that must occur before its (slower) pattern is tried,
# and whether a match must also stand where a value starts (not inside prose).
# Node properties (&anchor, *alias, !tag), merge keys and document markers must
# be refused with a position; the core-schema scalars (~, True, .inf, 0o17, 010,
# +5) are ones rapidyaml would leave as text where planas.loading.positional does not.
# Patterns are kept as text and compiled where first used (`re` keeps what it compiled):
# most files need two or three of them, and `validate` of one file should not pay
# ~0.6 ms of start-up for the others. `(?m)`: `$` in _END ends a line.
_CHECKS: tuple[tuple[tuple[bytes, ...], bytes | None, bool], ...] = (
    # `&a`, `*a`, `!t` after a separator; `! x` is the bare tag.
    ((b"&", b"*", b"!"), rb"[&*!](?<=" + _AFTER + rb".)(?:[^\s*]|(?<=!)\s)", False),
    ((b"<",), rb"<<\s*:", False),  # gated by the rare byte: `in` is slow for a pair
    ((b"\n---", b"\n..."), None, False),  # a document marker at a line start (the file's start: below)
    ((b".inf", b".Inf", b".INF", b".nan", b".NaN", b".NAN"), None, False),
    # Where rapidyaml (YAML 1.2) and libyaml part ways: `key:<tab>{...}` is one plain
    # scalar to rapidyaml; `?x` starts a plain scalar for rapidyaml, is refused by libyaml.
    ((b"\t",), rb":\t", False),
    ((b"?",), rb"\?(?<=" + _AFTER + rb"\?)\S", False),
    ((b"~", b"True", b"TRUE", b"False", b"FALSE", b"Null", b"NULL"),
     b"(?m)(?:" + b"|".join(word + b"(?<=" + _AFTER + re.escape(word) + b")"
                            for word in (b"~", b"True", b"TRUE", b"False", b"FALSE", b"Null", b"NULL"))
     + b")" + _END, True),
    # A 0 that starts a number (not the 0 inside 2020); the sign before it is judged in _starts_value.
    ((b"0",), rb"(?m)0(?<![^ \t\n\[{,+\-]0)(?:[0-9]+|o[0-7]+|x[0-9a-fA-F]+)" + _END, True),
    ((b"+",), rb"\+(?<=" + _AFTER + rb"\+)[0-9]", True),
    # Escaped surrogates: rapidyaml would pass mangled text, libyaml refuses them with a position.
    ((b"\\u", b"\\U"), rb"\\(?:u|U0000)[dD][89a-fA-F]", False),
    # A quoted number as a key ("2021":) is text to the positional loader, JSON cannot tell.
    ((b'"',), rb"\"[-+]?[0-9][0-9a-fA-Fox_.]*[\"'][ \t]*:", False),
    ((b"'",), rb"'[-+]?[0-9][0-9a-fA-Fox_.]*[\"'][ \t]*:", False),
)


def _starts_value(raw: bytes, index: int) -> bool:
    """Whether a token at `index` is a whole value: after `key:`, `- `, a flow delimiter or a line start."""
    if index > 0 and raw[index - 1 : index] in (b"-", b"+"):
        index -= 1  # a signed number: look before its sign
    if index > 0 and raw[index - 1 : index] not in (b" ", b"\t", b"\n", b"[", b"{", b","):
        return False  # inside a word or a number
    before = raw.rfind(b"\n", 0, index) + 1
    head = raw[before:index].rstrip(b" \t")
    return not head or head.endswith((b":", b"-", b"[", b"{", b","))


def _finder(needles: tuple[bytes, ...]) -> Callable[[bytes], bool]:
    """Whether any of the needles occurs: one regex pass for the needles of each first byte."""
    by_first: dict[bytes, list[bytes]] = {}
    for needle in needles:
        by_first.setdefault(needle[:1], []).append(needle)
    searches = [_search_of(group) for group in by_first.values()]
    return lambda raw: any(search(raw) for search in searches)


def _search_of(group: list[bytes]) -> Callable[[bytes], bool]:
    if len(group) == 1:
        needle = group[0]
        return lambda raw: needle in raw
    pattern = b"|".join(re.escape(needle) for needle in group)
    return lambda raw: re.search(pattern, raw) is not None


_FINDERS = tuple(_finder(needles) for needles, _, _ in _CHECKS)


def needs_slow_path(raw: bytes) -> bool:
    """Whether the text has a construct only the positional loader may judge."""
    if raw[:1] in (b"&", b"*", b"!") or raw.startswith((b"---", b"...")):
        return True
    for found, (_, pattern, whole_value) in zip(_FINDERS, _CHECKS, strict=True):
        if not found(raw):
            continue
        if pattern is None:
            return True
        for match in re.finditer(pattern, raw):
            if not whole_value or _starts_value(raw, match.start()):
                return True
    return False


class SlowPath(Exception):
    """This file needs the positional loader (it may well be valid)."""


# What rapidyaml raises: ExceptionBasic and its kin since 0.10, RuntimeError before.
_RYML_ERRORS: tuple[type[BaseException], ...] = (
    *(getattr(ryml, name) for name in ("ExceptionBasic", "ExceptionParse", "ExceptionVisit")
      if isinstance(getattr(ryml, name, None), type)),
    RuntimeError,
)


_NUMBER_START = frozenset("0123456789+-. ")


def _key(key: str) -> str | int:
    """A JSON key as the positional loader has it: plain integers (years) are numbers."""
    if key[:1] in _NUMBER_START:
        value = resolve_plain_scalar(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str | int, Any]:
    """A JSON object as a mapping; any key repeated (in any spelling) sends the file to the slow path."""
    result: dict[str | int, Any] = dict(pairs)
    if len(result) != len(pairs):
        raise SlowPath("duplicate key")
    for key, _ in pairs:  # most objects have no numeric key: a loop that stops at the first is cheapest
        if key[:1] in _NUMBER_START:
            break
    else:
        return result
    numeric = [key for key, _ in pairs if key[:1] in _NUMBER_START]
    # Keys the model reads as the same number (2023, "2023", 2023.0) are duplicates too.
    if all(key.isdigit() and key[0] != "0" for key in numeric):  # 2019, 2020: canonical, plain integers
        return {int(key) if key[:1] in _NUMBER_START else key: value for key, value in pairs}
    if len({canonical_key(key) for key, _ in pairs}) != len(pairs):
        raise SlowPath("duplicate key")
    return {_key(key): value for key, value in pairs}


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the parse errors rapidyaml prints to the C stderr; the slow path reports them properly."""
    saved = os.dup(2)
    try:
        with Path(os.devnull).open("wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


# Characters libyaml's reader refuses (C0 and C1 controls, a BOM inside the file,
# U+FFFE/U+FFFF) and a lone CR (a line break to both, read differently): positional only.
# The single bytes are found by deleting them (one pass in C); the sequences start with
# rare bytes, so their patterns are tried only where those occur.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x0D])
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
_NONCHARACTER = re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")


def _unreadable(raw: bytes) -> bool:
    """Whether the text holds a character libyaml refuses, or a lone CR."""
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
        return True
    return (b"\xc2" in raw and _C1_CONTROL.search(raw) is not None) or (
        b"\xef" in raw and _NONCHARACTER.search(raw) is not None)


def _prepared(raw: bytes) -> bytes:
    """The bytes rapidyaml may read (BOM dropped, CRLF folded), or `SlowPath`."""
    if len(raw) > MAX_PLAN_BYTES:
        raise SlowPath("size")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n")
    if _unreadable(raw) or not raw.endswith(b"\n"):
        raise SlowPath("characters")  # a file cut short (no final line break) ends blocks differently
    if needs_slow_path(raw):
        raise SlowPath("construct")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SlowPath("encoding") from None
    return raw


def _json_of(raw: bytes) -> str:
    """The JSON rapidyaml makes of the document; its parse errors become `SlowPath`."""
    try:
        with _quiet_stderr():  # rapidyaml prints its complaints; the slow path reports them properly
            text = ryml.emit_json(ryml.parse_in_arena(raw))
    except _RYML_ERRORS as error:  # any parser complaint means: let the slow path explain
        raise SlowPath(type(error).__name__) from None
    if not text:  # an empty document: rapidyaml emits nothing (None)
        raise SlowPath("empty")
    return str(text)


def fast_load(raw: bytes, *, bounded: bool = False) -> dict[str, Any]:
    """Plain data of a plan file; raises `SlowPath` whenever the positional loader must decide.

    `bounded`: the caller holds the data to the plan model, which nests a few levels
    deep and forbids unknown keys, and reads the file with positions when it does not
    hold; the walk that refuses data nested deeper than the positional loader allows
    (a tenth of the reading time) is then left out.
    """
    text = _json_of(_prepared(raw))
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_pairs)
    except (ValueError, RecursionError) as error:  # JSON rapidyaml emitted but Python refuses
        raise SlowPath(type(error).__name__) from None
    if not isinstance(data, dict) or not data:
        raise SlowPath("root")
    if not bounded and _too_deep(data):
        raise SlowPath("depth")
    return data


def _too_deep(data: dict[str, Any]) -> bool:
    """Whether the data nests deeper than the positional loader allows (it refuses with a position)."""
    level: list[Any] = [data]
    for _ in range(MAX_DEPTH - 1):
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, dict | list)]
        if not level:
            return False
    return True
