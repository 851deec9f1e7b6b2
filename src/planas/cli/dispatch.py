"""`planas validate` and `planas check` started without typer, when their command line is plain.

Importing typer and building its command tree costs ~50 ms of every run, more
than validating a plan. The hot commands' parameters are in `dispatch_table`,
generated from the typer commands (`planas.cli.dispatch_build`), and both
command lines call the same `command(...)` of the command's module, with the
same root options, language default and error guard (`planas.cli.common`).
Only plain command lines are parsed here: known options as `--name value`,
`--name=value` or `-x value`, flags, positional arguments. Anything else (help,
an unknown or clustered option, `--`, a missing or invalid value, a missing
argument, shell completion) returns None and typer parses it, with its messages.
"""

from __future__ import annotations

import gc
import importlib
import os
from pathlib import Path
from typing import Any, NamedTuple

from planas.cli import common, dispatch_table
from planas.cli.coercion import integer


class Param(NamedTuple):
    """One parameter of a command, as `dispatch_table` lists it."""

    name: str
    kind: str
    options: tuple[str, ...]
    negative: tuple[str, ...]
    many: bool
    required: bool
    default: Any
    language_default: bool


class _Invalid(Exception):
    """The command line is not a plain one: typer parses it."""


def _convert(kind: str, text: str) -> Any:
    """A value of the parameter's kind, converted as planas's typer coercion converts it."""
    if kind == "path":
        return Path(text)
    if kind == "str":
        return text
    if kind == "int":
        try:
            return integer(text)
        except ValueError:
            raise _Invalid from None
    choices: Any = getattr(common, kind)
    for member in choices:
        if member.value == text:
            return member
    raise _Invalid


def _default(param: Param) -> Any:
    if param.language_default:
        return common.language_from_environment()
    if param.default is None or param.kind in ("flag", "int", "str"):
        return param.default
    return _convert(param.kind, param.default)


def _option_value(param: Param, name: str, inline: str | None, rest: list[str]) -> Any:
    """The value an option takes: a flag's own, the inline `=value`, or the next argument."""
    if param.kind == "flag":
        if inline is not None:
            raise _Invalid
        return name not in param.negative
    if inline is None:
        if not rest or rest[0].startswith("-"):
            raise _Invalid
        inline = rest.pop(0)
    if not inline:
        raise _Invalid
    return _convert(param.kind, inline)


def _positionals(params: list[Param], free: list[str], values: dict[str, Any]) -> None:
    """Hand the positional arguments out in order (a list takes the rest); too many or too few: invalid."""
    for param in params:
        if param.many:
            taken, free = free, []
        else:
            taken, free = free[:1], free[1:]
        if taken:
            converted = [_convert(param.kind, text) for text in taken]
            values[param.name] = converted if param.many else converted[0]
        elif param.required:
            raise _Invalid
    if free:
        raise _Invalid


def parse_command(params: tuple[Param, ...], args: list[str]) -> dict[str, Any]:
    """The keyword arguments of the command's `command(...)`; `_Invalid` for anything not plain."""
    by_option = {option: param for param in params for option in (*param.options, *param.negative)}
    values: dict[str, Any] = {}
    free: list[str] = []
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if token == "-" or not token.startswith("-"):
            free.append(token)
            continue
        name, inline = token, None
        if token.startswith("--") and "=" in token:
            name, _, inline = token.partition("=")
        param = by_option.get(name)
        if param is None:
            raise _Invalid
        value = _option_value(param, name, inline, rest)
        if param.many:
            values.setdefault(param.name, []).append(value)
        else:
            values[param.name] = value
    _positionals([param for param in params if not param.options], free, values)
    return {param.name: values[param.name] if param.name in values else _default(param) for param in params}


def parse(argv: list[str]) -> tuple[str, dict[str, bool], dict[str, Any]] | None:
    """(command, root options, the command's keyword arguments), or None when typer must parse argv."""
    if "_PLANAS_COMPLETE" in os.environ:
        return None
    root = dict.fromkeys(dispatch_table.ROOT_FLAGS.values(), False)
    index = 0
    while index < len(argv) and argv[index] in dispatch_table.ROOT_FLAGS:
        root[dispatch_table.ROOT_FLAGS[argv[index]]] = True
        index += 1
    if index >= len(argv) or argv[index] not in dispatch_table.COMMANDS:
        return None
    name = argv[index]
    params = tuple(Param._make(entry) for entry in dispatch_table.COMMANDS[name])
    try:
        return name, root, parse_command(params, argv[index + 1:])
    except _Invalid:
        return None


def dispatch(argv: list[str]) -> int | None:
    """Run a hot command without typer and give its exit code; None when typer must parse argv."""
    parsed = parse(argv)
    if parsed is None:
        return None
    name, root, arguments = parsed
    gc.disable()  # until the command's imports are done (output.imports_done)
    from planas.cli.output import make_streams_safe

    make_streams_safe()
    common.apply_root_options(**root)
    try:
        command = importlib.import_module(f"planas.cli.{name}").command
        return int(command(**arguments))
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the one guard, as typer's commands have
        return common.report_failure(error)
