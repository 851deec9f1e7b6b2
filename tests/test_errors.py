"""The one top-level handler: internal errors are short, exit 2, and show a traceback only with --debug."""

from __future__ import annotations

import subprocess
import sys

from planas import __version__

from .conftest import EXAMPLE, ROOT

_BROKEN = (
    "import sys\n"
    "import planas.validation as v\n"
    "def boom(*a, **k):\n"
    "    raise RuntimeError('sugedo')\n"
    "v.validate_file = boom\n"
    "from planas.cli import main\n"
    "sys.argv = ['planas', *sys.argv[1:]]\n"
    "main()\n"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _BROKEN, *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_internal_error_is_one_short_message_and_exit_2() -> None:
    proc = _run("validate", str(EXAMPLE))
    assert proc.returncode == 2
    assert "vidinė klaida (internal error): RuntimeError: sugedo" in proc.stderr
    assert "--debug" in proc.stderr
    assert "Traceback" not in proc.stderr
    # What to do about it: which version, which command, whom to tell.
    assert f"planas {__version__}" in proc.stderr
    assert f"komanda (command): planas validate {EXAMPLE}" in proc.stderr
    assert "please report this" in proc.stderr


def test_debug_shows_the_traceback() -> None:
    proc = _run("--debug", "validate", str(EXAMPLE))
    assert proc.returncode == 2
    assert "Traceback" in proc.stderr and "RuntimeError: sugedo" in proc.stderr


def test_bad_option_is_a_usage_error() -> None:
    proc = subprocess.run([sys.executable, "-m", "planas", "validate", "--format", "xml", str(EXAMPLE)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "netinkama --format / -f reikšmė „xml“; galimos: text, json, github" in proc.stderr
