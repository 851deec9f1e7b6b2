"""Plain coercion of planas's own option types, so that typer builds no pydantic adapter per call.

typer (0.26-0.29) turns every option value into its type through a pydantic
TypeAdapter built for that parameter on each run: importing that machinery and
building the adapters costs ~70 ms of every `planas validate`, more than the
validation itself. planas's options are of a handful of simple types (text,
whole numbers, paths, choices, lists of them), which need no pydantic: this
module gives typer a plain converter for exactly those and leaves every other
parameter to typer's own coercion. It hooks into typer's parameter class; if a
typer release changes that class, `install` does nothing and typer's own
coercion runs as before (tests/test_cli_coercion.py compares the two).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any


def _choice(enum: type[Enum]) -> Callable[[Any], Any]:
    """Case-sensitive choice by value, with typer's wording when the value is not one of them."""

    def convert(value: Any) -> Any:
        if isinstance(value, enum):
            return value
        for member in enum:
            if member.value == value:
                return member
        choices = ", ".join(repr(member.value) for member in enum)
        raise ValueError(f"{value!r} is not one of {choices}.")

    return convert


def integer(value: Any) -> int:
    """A whole number, as typer reads one (surrounding spaces allowed, base 10)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip(), 10)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid integer.") from None


_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{value!r} is not a valid boolean.")


def _leaf(annotation: Any) -> Callable[[Any], Any] | None:
    if annotation is bool:
        return _boolean
    if annotation is str:
        return str
    if annotation is int:
        return integer
    if annotation is Path:
        return Path
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(annotation)
    return None


_PLAIN_PATH_FLAGS = ("exists", "resolve_path", "allow_dash", "path_type", "parser")


def plain_converter(annotation: Any, parameter_info: Any) -> tuple[Callable[[Any], Any], bool] | None:
    """(converter, is a list) for an option of one of planas's simple types; None for anything else."""
    if any(getattr(parameter_info, flag, None) for flag in _PLAIN_PATH_FLAGS):
        return None
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        convert = _leaf(item)
        return (convert, True) if convert is not None else None
    convert = _leaf(annotation)
    return (convert, False) if convert is not None else None


def install() -> None:
    """Give typer's parameters the plain converters (once; a no-op if typer's internals differ)."""
    try:
        from typer import _coercion, core
        from typer._click.exceptions import BadParameter
    except ImportError:  # pragma: no cover - another typer layout: keep its own coercion
        return
    parameter = getattr(core, "_TyperParameter", None)
    base = getattr(_coercion, "RuntimeParam", None)
    build = getattr(_coercion, "build_runtime_param", None)
    if parameter is None or base is None or build is None or getattr(parameter, "_planas_plain", False):
        return

    @dataclass(frozen=True)
    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        """Coercion by a plain converter (see the module docstring)."""

        convert: Callable[[Any], Any]
        many: bool

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                if self.many:
                    return [self.convert(item) for item in value]
                return self.convert(value)
            except ValueError as error:
                raise BadParameter(str(error), ctx=ctx, param=param) from None

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            plain = None if descriptor.file_annotation is not None else plain_converter(
                descriptor.annotation, descriptor.parameter_info)
            if plain is None:
                self._runtime_param = build(descriptor)
            else:
                self._runtime_param = PlainRuntimeParam(
                    parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                    convert=plain[0], many=plain[1])
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    parameter._planas_plain = True
