"""`validate` never loads the rendering stack (the layering itself: import-linter, in make test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLE, ROOT


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
