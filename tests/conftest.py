"""Shared fixtures: the real entry point in a subprocess, and paths to the data."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _load_hypothesis_profile() -> None:
    """Hypothesis profiles: `ci` (default, modest and reproducible: `make test`), `thorough`
    (HYPOTHESIS_PROFILE=thorough, random draws, 2,000 examples per property: `make fuzz`) and `long`
    (HYPOTHESIS_PROFILE=long: 20,000 examples per property, for a long run). The same properties in each.
    """
    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=quiet)
    settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=quiet)
    settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=quiet)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Before collection, where tests run: the Hypothesis profile and the typer command cache.

    Not in the controller of `-n` (pytest-xdist), which runs no test: it starts the workers
    sooner without importing Hypothesis (a quarter of a second) and typer.
    """
    if not hasattr(config, "workerinput") and config.getoption("numprocesses", None):
        return
    _load_hypothesis_profile()
    _cache_typer_command()  # before any test: run_planas and fuzz.runner both invoke through typer's CliRunner


# The reference-data cache of this test run, not the user's (planas.reference.cache).
os.environ.setdefault("PLANAS_CACHE_DIR", tempfile.mkdtemp(prefix="planas-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def script_module(name: str) -> ModuleType:
    """One of the repository's `scripts/NAME.py`, loaded as a module (once per process)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
EXAMPLE = ROOT / "examples" / "birstonas-2021" / "plan.yaml"
DATA = ROOT / "tests" / "data"


@dataclass
class Run:
    """The outcome of one `planas` invocation."""

    code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def run_process(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `python -m planas ARGS` in its own process: only where a process matters."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full_env.update({"PYTHONIOENCODING": "utf-8", **(env or {})})
    proc = subprocess.run(
        [sys.executable, "-m", "planas", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def run_planas(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `planas ARGS` in this process through the real command line (typer app, guard, exit code).

    The same code path as the console script, without the ~0.3 s of starting Python.
    A test fails if the internal-error guard is reached: a crash is never a pass.
    """
    from typer.testing import CliRunner

    from planas.cli import app

    environment: dict[str, str | None] = {"GITHUB_STEP_SUMMARY": None, **(env or {})}
    previous = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        result = CliRunner().invoke(app, [str(a) for a in args], env=environment, catch_exceptions=False)
    finally:
        os.chdir(previous)
    run = Run(result.exit_code, result.stdout, result.stderr)
    assert INTERNAL_ERROR not in run.stderr, str(run)
    return run


INTERNAL_ERROR = "internal error"


@functools.cache
def _cache_typer_command() -> None:
    """Build the click command of the typer app once per language, not on every `run_planas` (~35 ms each).

    typer's CliRunner calls `typer.main.get_command(app)` on each invoke; the command it builds depends
    only on the app (fixed once imported) and on the language of help texts (`planas.cli.help.Language`).
    """
    import typer.testing

    from planas.cli.help import Language

    build = getattr(typer.testing, "_get_command", None)
    if build is None:  # a typer without this hook: every invoke builds the command, as typer does itself
        return
    built: dict[tuple[int, str], tuple[Any, Any]] = {}

    def cached(app: Any) -> Any:
        key = (id(app), Language.current)
        if key not in built:
            built[key] = (app, build(app))  # the app is kept alive with its command: its id stays its own
        return built[key][1]

    typer.testing._get_command = cached



class Hang(Exception):
    """A command ran past the hang guard."""


@contextlib.contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the body runs longer than a generous limit."""

    def expired(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
