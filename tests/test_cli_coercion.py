"""planas's plain option coercion gives what typer's own (pydantic) coercion gives, for every option type used."""

from __future__ import annotations

import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from typer import _coercion
from typer.main import get_command
from typer.models import ArgumentInfo, OptionInfo

from planas.cli.coercion import plain_converter
from planas.cli.commands import CheckFormat, Lang, ValidateFormat, app

from .conftest import EXAMPLE, run_planas


def _typer_coercion(annotation: Any, value: Any) -> Any:
    descriptor = _coercion.resolve_type_descriptor(annotation, OptionInfo())
    runtime = _coercion.build_runtime_param(descriptor)
    return runtime._coerce_value(value, param=None, ctx=None)


@pytest.mark.parametrize(("annotation", "value"), [
    (str, "Birštonas"), (int, "2022"), (int, " 7 "), (Path, "plans/2021.yaml"), (bool, "true"),
    (bool, "0"), (Lang, "en"), (ValidateFormat, "github"), (CheckFormat, "json"),
    (list[Path], ["a.yaml", "b.yaml"]), (list[str], ["junit:a.xml", "sarif:b.sarif"]),
])
def test_plain_coercion_equals_typers(annotation: Any, value: Any) -> None:
    plain = plain_converter(annotation, OptionInfo())
    assert plain is not None
    convert, many = plain
    ours = [convert(v) for v in value] if many else convert(value)
    assert ours == _typer_coercion(annotation, value)
    assert type(ours) is type(_typer_coercion(annotation, value))


@pytest.mark.parametrize(("annotation", "value"), [(int, "twenty"), (Lang, "de"), (bool, "maybe")])
def test_plain_coercion_refuses_what_typer_refuses(annotation: Any, value: Any) -> None:
    plain = plain_converter(annotation, OptionInfo())
    assert plain is not None
    with pytest.raises(ValueError, match="not"):
        plain[0](value)


def test_other_types_and_path_checks_stay_with_typer() -> None:
    class Other(Enum):
        a = 1

    assert plain_converter(float, OptionInfo()) is None
    assert plain_converter(Path, ArgumentInfo(exists=True)) is None
    assert plain_converter(typing.Any, OptionInfo()) is None
    assert plain_converter(Other, OptionInfo()) is not None


def test_every_parameter_of_every_command_is_coerced_plainly() -> None:
    # If a new option type appears, this names it: give it a plain converter or accept typer's cost.
    group = get_command(app)
    params = [p for sub in group.commands.values() for p in sub.params] + list(group.params)
    for param in params:
        descriptor = param.type_descriptor
        assert plain_converter(descriptor.annotation, descriptor.parameter_info) is not None, param.name


def test_bad_option_values_are_usage_errors() -> None:
    run = run_planas("diff", "a", "b", "--lang", "de")
    assert run.code == 2 and "'de' is not one of 'lt', 'en'" in run.stderr
    run = run_planas("new", "twenty", "--from", EXAMPLE)
    assert run.code == 2 and "'twenty' is not a valid integer" in run.stderr
