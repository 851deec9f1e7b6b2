"""A slot for the plan model's built pydantic schema, so that a run need not build it again.

Building the core schema of `Plan` (some 55 models) is ~40 ms of every command
that validates, and it only changes with the model's code or pydantic. The
model does no I/O: a layer above (`planas.validation.prebuilt`) may put a
`load` in the slot, asked for a stored schema when pydantic is about to build
one, and a `keep`, given the schema pydantic built. With the slot empty
pydantic builds the schema as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Schema = Any
"""A pydantic core schema (a tree of plain values)."""


class Slot:
    """What a layer above gave the model: where a built schema comes from and goes to."""

    load: Callable[[], Schema | None] | None = None
    keep: Callable[[Schema], None] | None = None
    loaded = False
    """The schema in use came from `load` (it need not be kept again)."""


def stored_schema() -> Schema | None:
    """The schema a previous run built, if the slot has a `load` and it finds one."""
    schema = Slot.load() if Slot.load is not None else None
    Slot.loaded = schema is not None
    return schema


def built(schema: Schema) -> None:
    """Hand a schema pydantic has just built to the slot's `keep` (not one that `load` gave)."""
    if Slot.keep is not None and not Slot.loaded:
        Slot.keep(schema)
