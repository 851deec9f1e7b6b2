"""The Jinja environment every template runs in: sandboxed, strict, and with located errors."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import FunctionLoader, StrictUndefined, Template, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from planas.errors import UsageError

T = TypeVar("T")


class TemplateProblem(UsageError):
    """A template could not be used: syntax, an undefined variable, or an unsafe access."""


def make_environment(
    *,
    autoescape: bool,
    source: str = "",
    name: str = "template",
    filters: dict[str, Callable[[Any], str]] | None = None,
) -> SandboxedEnvironment:
    """A sandboxed environment: unsafe attributes (`__class__`...) and undefined variables are errors."""
    env = SandboxedEnvironment(
        loader=FunctionLoader(lambda requested: (source, requested, lambda: True) if requested == name else None),
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters or {})
    return env


def _template_line(error: BaseException, name: str) -> int | None:
    """The template line of a runtime error: Jinja rewrites frames to point into the template."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return error.lineno
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == name:
            line = frame.lineno
    return line


def guard(name: str, action: Callable[[], T]) -> T:
    """Run a template action, turning any template failure into a located `TemplateProblem`."""
    try:
        return action()
    except (TemplateError, TypeError, AttributeError) as error:
        line = _template_line(error, name)
        where = f"{name}:{line}" if line else name
        kind = type(error).__name__
        raise TemplateProblem(f"{where}: šablono klaida (template error, {kind}): {error}") from None


def load_text_template(
    path: Path | None,
    default_name: str,
    default_source: str,
    filters: dict[str, Callable[[Any], str]] | None = None,
) -> tuple[Template, str]:
    """Compile a user's text template or the default; syntax errors are located."""
    if path is None:
        name, source = default_name, default_source
    else:
        name = str(path)
        try:
            source = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"{path}: šablonas nerastas (template not found)") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{path}: šablono nepavyko perskaityti ({error})") from None
    env = make_environment(autoescape=False, source=source, name=name, filters=filters)
    return guard(name, lambda: env.get_template(name)), name
