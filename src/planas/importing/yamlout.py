"""The draft as YAML text, with its comments; deterministic: same document -> same bytes.

A small emitter for the draft's shapes only (mappings, lists, text, numbers,
dates), faster than a general one on a long plan (ruamel.yaml took seconds on
a 40-page plan). Text is written plain only when YAML cannot read it as
anything else; otherwise double-quoted (JSON escaping is valid YAML), or as a
literal block when it has several lines. The result is read back by the plan's
own loader in the tests (`planas validate` of every draft).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

from planas.importing.draft import Draft, Path

_PLAIN = re.compile(r"[^\W\d_][\w .,;()/–—„“”%+'’\-]*", re.UNICODE)
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "nan", "inf"})
_INDENT = "  "


def scalar(value: Any) -> str:
    """One scalar as YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain = (_PLAIN.fullmatch(text) is not None and text.casefold() not in _RESERVED and not text.endswith((" ", ":"))
             and " -" not in text[:1])
    return text if plain else json.dumps(text, ensure_ascii=False)


def _small(value: Any) -> bool:
    """Written in flow style: `{recipients: 31, waiting: 3}`, `[senyvo_amziaus, suauge_su_negalia]`."""
    if isinstance(value, dict):
        return 0 < len(value) <= 4 and all(not isinstance(v, dict | list) and (not isinstance(v, str) or len(v) < 40)
                                           for v in value.values())
    if isinstance(value, list):
        return bool(value) and all(isinstance(v, str) and len(v) < 40 for v in value)
    return False


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(scalar(v) for v in value) + "]"


def _block_text(text: str, depth: int) -> str | None:
    """A literal block (`|-`) for text of several lines, when it can be one exactly."""
    lines = text.split("\n")
    if any(line != line.rstrip() or line.startswith(" ") or "\t" in line for line in lines) or text.endswith("\n"):
        return None
    pad = _INDENT * (depth + 1)
    return "|-\n" + "\n".join(f"{pad}{line}" if line else "" for line in lines)


class _Emitter:
    def __init__(self, comments: dict[Path, list[str]]) -> None:
        self.comments = comments
        self.lines: list[str] = []

    def note(self, path: Path) -> str:
        texts = self.comments.get(path)
        return f"  # {'; '.join(texts)}" if texts else ""

    def value_text(self, value: Any, depth: int) -> str | None:
        """The text after `key: ` for a value written on the same line (None: a block follows)."""
        if isinstance(value, dict | list):
            flow = _flow(value) if _small(value) or not value else None
            return flow if flow is not None and len(flow) <= 80 else None
        if isinstance(value, str) and "\n" in value:
            return _block_text(value, depth) or scalar(value)
        return scalar(value)

    def mapping(self, data: dict[Any, Any], path: Path, depth: int, first_prefix: str = "") -> None:
        pad = _INDENT * depth
        for index, (key, value) in enumerate(data.items()):
            prefix = first_prefix if index == 0 and first_prefix else pad
            child = (*path, key)
            inline = self.value_text(value, depth)
            if inline is not None:
                text = f"{prefix}{scalar(key)}: {inline}"
                if "\n" in inline:  # a literal block: its comment goes on the key's line
                    head, rest = text.split("\n", 1)
                    self.lines.append(head + self.note(child))
                    self.lines.append(rest)
                else:
                    self.lines.append(text + self.note(child))
                continue
            self.lines.append(f"{prefix}{scalar(key)}:{self.note(child)}")
            if isinstance(value, dict):
                self.mapping(value, child, depth + 1)
            else:
                self.sequence(value, child, depth + 1)

    def sequence(self, items: list[Any], path: Path, depth: int) -> None:
        pad = _INDENT * depth
        for index, item in enumerate(items):
            child = (*path, index)
            texts = self.comments.get(child)
            if texts:
                self.lines.append(f"{pad}# {'; '.join(texts)}")
            if isinstance(item, dict) and item:
                self.mapping(item, child, depth + 1, first_prefix=f"{pad}- ")
            else:
                inline = self.value_text(item, depth)
                self.lines.append(f"{pad}- {inline}")


def draft_text(draft: Draft, header: list[str]) -> str:
    """The YAML of the draft, header comment lines first."""
    emitter = _Emitter(draft.comments)
    emitter.mapping(draft.data, (), 0)
    lines = [f"# {line}".rstrip() for line in header]
    return "\n".join([*lines, *emitter.lines]) + "\n"
