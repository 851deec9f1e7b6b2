"""Running one case through the real command line, in process, in a fresh directory.

The case's files are written into a temporary directory that becomes the
working directory; afterwards every file there is listed, so the oracles can
see leftovers (temporary files, outputs that should not exist).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.mutators import Mutant
from fuzz.seeds import ROOT, previous_year, seeds

COMMANDS = ("validate", "render-docx", "render-md", "diff", "check")
TIMEOUT = 20
"""Seconds one command may take (a real plan takes well under one)."""

PLAN = "plan.yaml"
OLD = "old.yaml"
REPO = "repo"
OUT = "out"


def report_kinds() -> tuple[str, ...]:
    """The file reports `check --report` writes here (codequality joins when planas has it)."""
    from typing import get_args

    from planas.repository.report import CheckFormat

    wanted = ("sarif", "junit", "json", "codequality")
    return tuple(kind for kind in wanted if kind in get_args(CheckFormat))


@dataclass
class Case:
    """What to run: a command, its arguments, the input files, the outputs it may write."""

    command: str
    args: list[str]
    inputs: dict[str, bytes]
    outputs: dict[str, str] = field(default_factory=dict)  # relative path -> kind (docx, md, sarif, ...)
    plan_file: str = PLAN
    retyped: tuple[str, ...] = ()


@dataclass
class Observation:
    """What happened: exit code, streams, an escaped exception, time, and the files left."""

    exit_code: int | None
    stdout: str
    stderr: str
    exception: str | None
    seconds: float
    timed_out: bool
    files: dict[str, bytes]


def build_case(mutant: Mutant, command: str, variant: int = 0) -> Case:
    """The command line and files for running `mutant` under `command`."""
    lang = ["--lang", "en"] if variant % 3 == 1 else []
    if command == "validate":
        return Case(command, ["validate", PLAN, "--format", "json", *lang], {PLAN: mutant.raw},
                    retyped=mutant.retyped)
    if command in ("render-docx", "render-md"):
        kind = command.split("-")[1]
        target = f"{OUT}/plan.{kind}"
        return Case(command, ["render", PLAN, "--format", kind, "-o", target, *lang], {PLAN: mutant.raw},
                    {target: kind})
    if command == "diff":
        seed = next(s for s in seeds() if s.name == mutant.seed)
        old = previous_year(seed) or seed
        fmt = ("json", "text", "md")[variant % 3]
        order = [OLD, PLAN] if variant % 4 != 3 else [PLAN, OLD]
        return Case(command, ["diff", *order, "--format", fmt, *lang],
                    {PLAN: mutant.raw, OLD: old.path.read_bytes()})
    if command == "check":
        seed = next(s for s in seeds() if s.name == mutant.seed)
        inputs = {f"{REPO}/{PLAN}": mutant.raw}
        before = previous_year(seed)
        if before is not None:
            inputs[f"{REPO}/previous.yaml"] = before.path.read_bytes()
        if mutant.settings is not None:
            inputs[f"{REPO}/.planas.yaml"] = mutant.settings
        outputs = {f"{OUT}/report.{kind}": kind for kind in report_kinds()}
        args = ["check", REPO, "--jobs", "1", "--format", "json", *lang]
        if variant % 5 == 4:
            args.append("--strict")
        for target, kind in outputs.items():
            args += ["--report", f"{kind}:{target}"]
        return Case(command, args, inputs, outputs, plan_file=f"{REPO}/{PLAN}", retyped=mutant.retyped)
    raise ValueError(f"unknown command {command}")


class _Timeout(BaseException):
    """Raised by the alarm: a BaseException, so that no handler in planas can swallow it."""


@contextlib.contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_case(case: Case, timeout: int = TIMEOUT) -> Observation:
    """Run the case through planas's typer app (stdout and stderr apart), in a fresh directory."""
    from typer.testing import CliRunner

    from planas.cli import app

    directory = Path(tempfile.mkdtemp(prefix="planas-fuzz-"))
    previous = Path.cwd()
    try:
        for name, data in case.inputs.items():
            (directory / name).parent.mkdir(parents=True, exist_ok=True)
            (directory / name).write_bytes(data)
        os.chdir(directory)
        started = time.perf_counter()
        exception, timed_out, code, stdout, stderr = None, False, None, "", ""
        try:
            with _alarm(timeout):
                result = CliRunner().invoke(app, case.args, env={"GITHUB_STEP_SUMMARY": None},
                                            catch_exceptions=False)
            code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        except _Timeout:
            timed_out = True
        except Exception as error:  # noqa: BLE001 - an escaped exception is exactly what the oracle looks for
            exception = "".join(traceback.format_exception(error))
        seconds = time.perf_counter() - started
        os.chdir(previous)
        files = {name: data for name, data in _files(directory).items() if name not in case.inputs}
        return Observation(code, stdout, stderr, exception, seconds, timed_out, files)
    finally:
        os.chdir(previous)
        shutil.rmtree(directory, ignore_errors=True)


__all__ = ["COMMANDS", "ROOT", "Case", "Observation", "build_case", "run_case"]
