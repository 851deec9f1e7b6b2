"""The fast dispatcher of `validate` and `check` parses a command line exactly as typer does, or leaves it to typer."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planas.cli import check, common, dispatch, dispatch_table, validate
from planas.cli.dispatch_build import table_source
from planas.cli.output import Verbosity

from .conftest import EXAMPLE, run_planas


@pytest.fixture(autouse=True)
def _collecting() -> Iterator[None]:
    """The dispatcher pauses the GC until the command's imports are done; a test's stand-in never says so."""
    yield
    gc.enable()


def test_the_table_is_generated_from_the_typer_commands() -> None:
    """scripts/regenerate.py writes it; a changed option of validate or check needs a regenerate."""
    assert Path(dispatch_table.__file__).read_text(encoding="utf-8") == table_source()


def _captured(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []

    def record(options: object, out: object) -> int:
        seen.append((options, common.State.debug, Verbosity.level))
        return 0

    monkeypatch.setattr(validate, "run", record)
    monkeypatch.setattr(check, "run", record)
    return seen


def _both(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object] | None]:
    """What typer hands the command, and what the dispatcher hands it (None: left to typer)."""
    seen = _captured(monkeypatch)
    run_planas(*argv)
    by_typer = list(seen)
    seen.clear()
    code = dispatch.dispatch(argv)
    return by_typer, (list(seen) if code is not None else None)


PLAIN = [
    ["validate", "plan.yaml"],
    ["validate", "a.yaml", "b.yaml", "-"],
    ["validate", "-f", "json", "a.yaml"],
    ["validate", "--format=github", "--strict", "a.yaml", "--plans-only"],
    ["validate", "--lang", "en", "a.yaml"],
    ["validate", "a.yaml", "--format", "json", "--format", "text"],
    ["--debug", "-q", "validate", "a.yaml"],
    ["-v", "validate", "a.yaml"],
    ["check"],
    ["check", "repo"],
    ["check", "repo", "--report", "junit:a.xml", "--report=sarif:b.sarif", "-j", "2"],
    ["check", "--jobs", " 3 ", "--baseline", "b.yaml", "--write-baseline", "w.yaml", "--sarif-root", "r"],
    ["check", "-f", "github", "--lang=lt", "--strict"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_command_line_gets_what_typer_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    by_typer, by_dispatch = _both(argv, monkeypatch)
    assert by_dispatch is not None
    assert by_dispatch == by_typer


def test_the_language_default_is_the_environments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    parsed = dispatch.parse(["validate", "a.yaml"])
    assert parsed is not None
    assert parsed[2]["lang"] == common.Lang.en


TYPERS = [
    [], ["validate"], ["validate", "-h"], ["check", "--help"], ["validate", "--", "a.yaml"],
    ["validate", "-fjson", "a.yaml"], ["validate", "-f=json", "a.yaml"], ["validate", "--format", "xml", "a.yaml"],
    ["validate", "--format"], ["validate", "--format", "-", "a.yaml"], ["validate", "--strict=yes", "a.yaml"],
    ["validate", "--unknown", "a.yaml"], ["check", "a", "b"], ["check", "--jobs", "two"], ["check", "--jobs="],
    ["--version"], ["--version", "validate", "a.yaml"], ["render", "a.yaml"], ["validate", "-x", "a.yaml"],
]


@pytest.mark.parametrize("argv", TYPERS, ids=lambda argv: " ".join(argv) or "(none)")
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert dispatch.parse(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_PLANAS_COMPLETE", "complete_bash")
    assert dispatch.parse(["validate", "a.yaml"]) is None


def test_the_guard_words_an_error_as_typers_commands_do(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    def fail(options: object, out: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate, "run", fail)
    assert dispatch.dispatch(["validate", "a.yaml"]) == common.EXIT_USAGE
    assert "vidinė klaida (internal error): RuntimeError: boom" in capsys.readouterr().err


_TOKENS = ["validate", "check", "a.yaml", "-", "repo", "-f", "--format", "json", "text", "github", "xml",
           "--strict", "--plans-only", "--lang", "en", "lt", "-q", "-v", "--debug", "--report", "junit:r.xml",
           "-j", "2", "--jobs=4", "--baseline", "b.yaml", "--", "-h", "--format=json", "--lang=en"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=7))
def test_any_command_line_is_parsed_as_typer_parses_it_or_left_to_it(argv: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        by_typer, by_dispatch = _both(argv, monkeypatch)
    if by_dispatch is not None:
        assert by_dispatch == by_typer


def test_a_dispatched_run_gives_typers_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole run, not only the parse: the same exit code and output for a plan with findings."""
    broken = tmp_path / "plan.yaml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("year: 2021", "year: 1900", 1), encoding="utf-8")
    argv = ["validate", "-f", "json", str(broken)]
    typer_run = run_planas(*argv)
    assert typer_run.code == common.EXIT_FINDINGS
    capsys.readouterr()
    assert dispatch.dispatch(argv) == typer_run.code
    assert capsys.readouterr().out == typer_run.stdout
