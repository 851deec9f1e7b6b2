"""The plan model's built pydantic schema, kept in the user's cache so that a run need not build it again.

pydantic builds the core schema of `Plan` on its first validation (~40 ms, more
than validating a plan). The schema is a tree of plain values and references
to the model's classes and validator functions, so it pickles; the stamp in
the file's name covers everything it depends on (the planas, pydantic,
pydantic-core and Python versions, the model's source files and this
module's), so a changed model or library never gets an old schema. A missing,
unreadable, corrupt or unpicklable schema is never an error: pydantic then
builds it as it always does (`planas.model.prebuilt`).

One piece of a built schema is not picklable: pydantic's `PlainValidator`
serializes through `lambda v, h: h(v)`, pickled here as `serialize_through`,
the same function under a name. Anything else that cannot be pickled means no
cache.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core

from planas import __version__
from planas.model import prebuilt
from planas.reference.cache import read_cached, unpickled, write_cached

_PLAIN_VALIDATOR_SERIALIZER = "PlainValidator.__get_pydantic_core_schema__.<locals>.<lambda>"


def serialize_through(value: Any, handler: Callable[[Any], Any]) -> Any:
    """The `lambda v, h: h(v)` of pydantic: serialize the value as its own type does."""
    return handler(value)


def _serialize_through() -> Callable[[Any, Callable[[Any], Any]], Any]:
    return serialize_through


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if getattr(obj, "__qualname__", None) == _PLAIN_VALIDATOR_SERIALIZER:
            return _serialize_through, ()
        return NotImplemented


@functools.cache
def stamp() -> str:
    """A hash of everything the built schema depends on."""
    model = Path(prebuilt.__file__).parent
    versions = (__version__, pydantic.VERSION, pydantic_core.__version__, sys.version)
    digest = hashlib.sha256(repr(versions).encode("utf-8"))
    for path in [*sorted(model.glob("*.py")), Path(__file__)]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _name() -> str:
    return f"plan-schema-{stamp()}.pickle"


def load() -> dict[str, Any] | None:
    """The schema a previous run kept, or None."""
    data = read_cached(_name())
    schema = unpickled(data) if data is not None else None
    return schema if isinstance(schema, dict) and "type" in schema else None


def keep(schema: dict[str, Any]) -> None:
    """Keep a schema pydantic built, when it pickles."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(schema)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    write_cached(_name(), buffer.getvalue())


def install() -> None:
    """Let the model take its schema from the cache, and keep what pydantic builds."""
    prebuilt.Slot.load = load
    prebuilt.Slot.keep = keep
