"""The draft being built: plain data in plan order, with the YAML comments that go beside values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass
class Draft:
    """Plan data (dicts and lists, keys in the model's order) and comments by path."""

    data: dict[str, Any] = field(default_factory=dict)
    comments: dict[Path, list[str]] = field(default_factory=dict)

    def comment(self, path: Path, text: str) -> None:
        """A Lithuanian comment beside the value at `path` (recognised by position, guessed, a note)."""
        texts = self.comments.setdefault(path, [])
        if text not in texts:
            texts.append(text)

    def section(self, *keys: str) -> dict[str, Any]:
        """The mapping at `keys`, created in order when missing."""
        node = self.data
        for key in keys:
            node = node.setdefault(key, {})
        return node

    def append(self, keys: tuple[str, ...], item: dict[str, Any]) -> Path:
        """Append an item to the list at `keys`; its path."""
        parent = self.section(*keys[:-1])
        items: list[dict[str, Any]] = parent.setdefault(keys[-1], [])
        items.append(item)
        return (*keys, len(items) - 1)
