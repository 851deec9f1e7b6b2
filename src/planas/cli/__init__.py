"""The command line (the only layer that talks to the terminal).

`main` is the console script. It answers `--version` without loading typer,
and a plain `validate` or `check` command line through `planas.cli.dispatch`
(its table generated from the typer commands); everything else goes to the
typer application in `planas.cli.commands`, whose commands each live in a
module of their own, imported only when they run.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from planas import __version__


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        # The eager --version option, answered before typer builds the command tree:
        # release scripts and editors call it often, and it needs nothing else.
        print(f"planas {__version__}")  # noqa: T201 - the CLI layer prints
        return
    # planas uses no pydantic plugins; looking for them reads every installed
    # package's metadata (~50 ms of each run). A user who sets the variable keeps it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from planas.cli.dispatch import dispatch

    code = dispatch(sys.argv[1:])  # validate and check, when plainly given, start without typer
    if code is not None:
        sys.exit(code)
    from planas.cli.commands import run_app

    run_app()


def __getattr__(name: str) -> Any:
    """The typer application as `planas.cli.app`, loaded on first use (tests and tools import it)."""
    if name == "app":
        from planas.cli.commands import app

        return app
    raise AttributeError(name)
