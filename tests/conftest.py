"""Shared fixtures: the real entry point in a subprocess, and paths to the data."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: `ci` (default, modest and reproducible) and `long`
# (HYPOTHESIS_PROFILE=long: 20,000 examples per property, for a long run).
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=_QUIET)
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
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


def run_planas(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `python -m planas ARGS` as a user would (the console script's own code path)."""
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


@pytest.fixture
def planas() -> type[Run]:
    """Access to `run_planas` as a fixture (for symmetry with other fixtures)."""
    return Run
