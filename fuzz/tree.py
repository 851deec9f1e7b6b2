"""Plain-data helpers for the structural operators: walking, addressing, dumping back to YAML."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import yaml

PathElement = str | int
Path = tuple[PathElement, ...]


class _Dumper(yaml.CSafeDumper):
    """libyaml's SafeDumper that writes `Decimal` as a plain number (YAML 1.2 reads it back exactly)."""


def _decimal(dumper: yaml.CSafeDumper, value: Decimal) -> yaml.ScalarNode:
    if value.is_nan():
        return dumper.represent_scalar("tag:yaml.org,2002:float", ".nan")
    if value.is_infinite():
        return dumper.represent_scalar("tag:yaml.org,2002:float", "-.inf" if value < 0 else ".inf")
    text = str(value)
    if "." not in text and "E" not in text and "e" not in text:
        text += ".0"
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(Decimal, _decimal)


def dump(data: Any, *, flow: bool = False) -> str:
    """YAML text of plain data (block style unless `flow`)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=flow)


def walk(data: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every (path, value) of the tree, parents before children (iteratively: no recursion limit)."""
    stack: list[tuple[Path, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        yield where, value
        if isinstance(value, dict):
            stack.extend(((*where, key), child) for key, child in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*where, i), child) for i, child in reversed(list(enumerate(value))))


def get(data: Any, path: Path) -> Any:
    """The value at `path`."""
    for element in path:
        data = data[element]
    return data


def put(data: Any, path: Path, value: Any) -> None:
    """Replace the value at a non-empty `path`."""
    get(data, path[:-1])[path[-1]] = value


def delete(data: Any, path: Path) -> None:
    """Remove the key or list item at a non-empty `path`."""
    parent = get(data, path[:-1])
    del parent[path[-1]]


def clone(data: Any) -> Any:
    """A deep copy (the seed's data is shared between mutants)."""
    return copy.deepcopy(data)
