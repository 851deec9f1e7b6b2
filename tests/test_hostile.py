"""Hostile and broken input: a located message and the right exit code, never a traceback or a hang.

Each case runs the real command line in process (the internal-error guard must
not be reached). Time and peak memory per case, each in its own process, are
measured by benchmarks/bench_hostile.py against their limits, not asserted here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import hang_guard, run_planas
from .hostile_cases import CASES, Case


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = case.make(tmp_path)
    if case.name == "unreadable-file" and os.geteuid() == 0:
        # Root reads any file: the permission error is provoked where planas reads it.
        original = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    with hang_guard(60):
        run = run_planas("validate", path)
    report = str(run)[:4000]
    assert run.code == case.exit, report
    assert "Traceback" not in run.stdout + run.stderr, report
    if case.code is not None:
        assert f" {case.code} " in run.stdout, report
        if case.position is not None:
            line, column = case.position
            assert f"{path}:{line}:{column}: {case.code}" in run.stdout, report
    elif case.exit == 2:
        lines = [line for line in run.stderr.strip().splitlines() if line]
        assert len(lines) == 1 and str(path) in lines[0], report
