"""The Lithuanian titles of a plan's fields, found by a diff path, and which fields hold money.

`planas diff` shows `Patvirtinimas › Sprendimo data`, not `approval.decision_date`:
the titles come from the model itself (every field carries one), so they never
drift from the schema and the editor's hover text.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from planas.model import Plan

MONEY_FIELDS = frozenset({"total", "social_programme", "amount"})
"""Fields that hold euros (their values are shown as `116 000 Eur`)."""
MONEY_MAPS = frozenset({"sources", "funding"})
"""Mappings of funding source -> euros."""
BY_YEAR = frozenset({"years", "values"})
"""Mappings keyed by year: the year is shown as `2020 m.`, not the field's title."""


def _inner(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, through optionals, lists, mappings and annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, dict):
        for arg in reversed(typing.get_args(annotation)):
            found = _inner(arg)
            if found is not None:
                return found
        return None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


@cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[str, type[BaseModel] | None]]:
    return {name: (info.title or name, _inner(info.annotation)) for name, info in model.model_fields.items()}


def field_titles(path: tuple[str, ...]) -> list[str | None]:
    """The title of each part of a diff path (None for identities, years and names not in the model)."""
    model: type[BaseModel] | None = Plan
    titles: list[str | None] = []
    for part in path:
        if part.startswith("[") or part.isdigit() or model is None:
            titles.append(None)
            continue
        known = _fields(model).get(part)
        if known is None:
            titles.append(None)
            model = None
            continue
        titles.append(known[0])
        model = known[1]
    return titles


def model_at(path: tuple[str, ...]) -> type[BaseModel] | None:
    """The model of the item a diff path ends at (a list item, a mapping's value), if any."""
    model: type[BaseModel] | None = Plan
    for part in path:
        if part.startswith("[") or part.isdigit():
            continue
        if model is None:
            return None
        known = _fields(model).get(part)
        model = known[1] if known is not None else None
    return model


def title_of(model: type[BaseModel] | None, name: str) -> str:
    """A field's title in a model (the name itself where unknown)."""
    if model is None:
        return name
    known = _fields(model).get(name)
    return known[0] if known is not None else name


def is_money(path: tuple[str, ...]) -> bool:
    """Whether the value at a diff path is an amount in euros."""
    if not path:
        return False
    return path[-1] in MONEY_FIELDS or (len(path) > 1 and path[-2] in MONEY_MAPS)


__all__ = ["BY_YEAR", "field_titles", "is_money", "model_at", "title_of"]
