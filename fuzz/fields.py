"""What kind of value the plan model expects at a YAML path (for the retype oracle)."""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from planas.model import Plan
from planas.model.base import MAX_COUNT

Kind = typing.Literal["count", "money", "number", "date", "bool", "other"]
PathElement = str | int


def _metadata(annotation: Any) -> list[Any]:
    """Every constraint object inside an annotation, however deeply `Annotated`."""
    found: list[Any] = []
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for item in extra:
            found.append(item)
            found.extend(getattr(item, "metadata", []))
        found.extend(_metadata(base))
    return found


def _strip(annotation: Any) -> Any:
    """`Annotated[X, ...] | None` -> `X` (None when the union has several real members)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return None
            annotation = members[0]
        else:
            return annotation


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return members[0] if len(members) == 1 else None
    return annotation


def annotation_at(path: tuple[PathElement, ...]) -> tuple[Any, list[Any]] | None:
    """The annotation (and its constraints) the model has for the value at `path`."""
    annotation: Any = Plan
    constraints: list[Any] = []
    for element in path:
        base = _strip(annotation)
        if base is None:
            return None
        if isinstance(base, type) and issubclass(base, BaseModel):
            if not isinstance(element, str) or element not in base.model_fields:
                return None
            info = base.model_fields[element]
            annotation = _unwrap_optional(info.annotation)
            constraints = list(info.metadata)
        elif typing.get_origin(base) is list and isinstance(element, int):
            annotation = _unwrap_optional(typing.get_args(base)[0])
            constraints = []
        elif typing.get_origin(base) is dict:
            annotation = _unwrap_optional(typing.get_args(base)[1])
            constraints = []
        else:
            return None
    return annotation, constraints + _metadata(annotation)


def kind_at(path: tuple[PathElement, ...]) -> Kind:
    """`count`, `money`, `number`, `date`, `bool` or `other` for the value at `path`."""
    return _kind(tuple(0 if isinstance(e, int) else e for e in path))


@functools.cache
def _kind(path: tuple[PathElement, ...]) -> Kind:
    found = annotation_at(path)
    if found is None:
        return "other"
    annotation, constraints = found
    base = _strip(annotation)
    if base is bool:
        return "bool"
    if base is dt.date:
        return "date"
    if base is int:
        return "count" if any(getattr(c, "le", None) == MAX_COUNT for c in constraints) else "other"
    if base is Decimal:
        return "money" if any(getattr(c, "decimal_places", None) == 2 for c in constraints) else "number"
    return "other"
