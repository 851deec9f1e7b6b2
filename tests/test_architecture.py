"""What the command line loads: `validate` never loads the rendering stack nor typer's pydantic adapters.

The layering itself (the core never imports the CLI, validation never imports
rendering) is held by import-linter's contracts, run by `make test`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLE, ROOT


def _modules_after(*argv: str) -> list[str]:
    code = (
        "import sys\n"
        "from planas.cli import main\n"
        f"sys.argv = ['planas', *{list(argv)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('MODULES=' + ','.join(sorted(sys.modules)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          cwd=Path(ROOT))
    return proc.stdout.strip().splitlines()[-1].removeprefix("MODULES=").split(",")


def test_validate_loads_neither_rendering_nor_typer_adapters() -> None:
    modules = _modules_after("validate", str(EXAMPLE))
    heavy = [m for m in modules if m.split(".")[0] in ("docx", "docxtpl", "jinja2", "babel", "lxml", "rich")
             or m.startswith(("planas.render", "planas.years", "planas.repository"))]
    assert heavy == []
    assert "typer._adapters" not in modules  # planas.cli.coercion converts planas's own option types


def test_validate_of_a_clean_plan_loads_neither_typer_nor_libyaml() -> None:
    """planas.cli.dispatch parses the command line; a clean plan is read on the fast path only."""
    modules = _modules_after("validate", str(EXAMPLE))
    assert [m for m in modules if m.split(".")[0] in ("typer", "click", "yaml", "importlib_metadata")] == []
    assert "planas.loading.events" not in modules


def test_version_does_not_load_typer() -> None:
    modules = _modules_after("--version")
    assert not [m for m in modules if m.startswith(("typer", "pydantic"))]
