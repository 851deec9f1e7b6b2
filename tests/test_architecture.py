"""The core never imports the CLI layer; `validate` never loads the rendering stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLE, ROOT

CORE = ROOT / "src" / "planas"


def test_core_modules_do_not_import_typer_rich_or_print() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("import typer", "from typer", "import rich", "from rich", "print(")):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {stripped}")
    assert offenders == []


def test_validate_does_not_import_the_rendering_stack() -> None:
    code = (
        "import sys\n"
        "from planas.cli import app\n"
        "try:\n"
        f"    app(['validate', {str(EXAMPLE)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('docx', 'docxtpl', 'jinja2', 'babel', 'lxml') or m.startswith('planas.render'))\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          cwd=Path(ROOT))
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY=", proc.stdout + proc.stderr
