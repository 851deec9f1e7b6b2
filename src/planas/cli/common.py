"""What the typer application and the fast dispatcher share, without importing typer.

The choices of `validate` and `check`, the language a run speaks when `--lang`
is not given, the root options' effect, and the one guard that turns an error
into its message and exit code (`planas.cli.commands` and `planas.cli.dispatch`
both use them, so both command lines behave alike).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum

from planas import __version__
from planas.errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class State:
    """The run's `--debug` (set by the root options)."""

    debug = False


class Lang(StrEnum):
    """Message language."""

    lt = "lt"
    en = "en"


class ValidateFormat(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"


class CheckFormat(StrEnum):
    """Stdout formats of `check`."""

    text = "text"
    json = "json"
    github = "github"


def language_from_environment(environ: dict[str, str] | None = None) -> Lang:
    """The language the environment asks for: `en` when LC_ALL, LC_MESSAGES or LANG is English."""
    values = environ if environ is not None else dict(os.environ)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = values.get(name, "")
        if value:
            return Lang.en if value.lower().startswith("en") else Lang.lt
    return Lang.lt


def apply_root_options(*, debug: bool, quiet: bool, verbose: bool) -> None:
    """What the root options `--debug`, `-q` and `-v` set for the run."""
    from planas.cli.output import Verbosity

    State.debug = debug
    Verbosity.level = -1 if quiet else (1 if verbose else 0)


def internal_error_message(error: BaseException) -> str:
    """What a user reads when planas itself failed: what happened, and what to do about it."""
    command = " ".join(["planas", *sys.argv[1:]]) if sys.argv[1:] else "planas"
    return (
        f"planas: vidinė klaida (internal error): {type(error).__name__}: {error}\n"
        f"  Tai planas {__version__} klaida, ne jūsų plano (a bug in planas, not in your plan).\n"
        f"  komanda (command): {command}\n"
        "  Praneškite apie ją (please report this) planas kūrėjams, pridėkite komandą ir, jei galite, "
        "plano failą;\n"
        "  visa klaidos eiga (the traceback): paleiskite tą pačią komandą su --debug."
    )


def report_failure(error: BaseException) -> int:
    """The one top-level handler's answer: a user error in one line, an internal error with what to do."""
    from planas.cli.output import Output

    if isinstance(error, UsageError):
        Output().error(str(error))
    elif isinstance(error, KeyboardInterrupt):
        Output().error("nutraukta (interrupted)")
    else:
        if State.debug:
            import traceback  # only for a crash: start-up need not pay for it

            traceback.print_exception(error)
        print(internal_error_message(error), file=sys.stderr)  # noqa: T201 - the CLI layer prints
    return EXIT_USAGE
