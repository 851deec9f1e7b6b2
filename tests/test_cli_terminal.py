"""Terminal conventions: `-` for stdin/stdout, encodings, colour, -q/-v/-h, completion, one language per run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from planas.cli.commands import language_from_environment
from planas.cli.help import language_for_run, usage_message
from planas.cli.output import Output, wants_colour, write_text
from planas.i18n import counted, sorted_lt
from planas.repository.check import CheckResult, PlanReport
from planas.repository.report import scorecard_rows

from .conftest import EXAMPLE, ROOT, run_planas

OLD = ROOT / "examples" / "birstonas-2020" / "plan.yaml"


def _planas(*args: str | Path, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_STEP_SUMMARY", "LANG", "LC_ALL")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "planas", *map(str, args)], input=stdin, capture_output=True,
                          env=environment, cwd=ROOT, check=False, timeout=60)


def test_validate_reads_standard_input() -> None:
    clean = _planas("validate", "-", stdin=EXAMPLE.read_bytes(), env={"PYTHONIOENCODING": "utf-8"})
    assert clean.returncode == 0, clean.stderr
    broken = EXAMPLE.read_bytes().replace(b"      goal: T3\n", b"      goal: T33\n", 1)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if b"goal: T33" in text)
    run = _planas("validate", "-", stdin=broken, env={"PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 1 and f"<stdin>:{line}:13: E0301".encode() in run.stdout


def test_render_from_stdin_to_stdout_and_diff_against_stdin() -> None:
    run = _planas("render", "-", "--format", "md", "-o", "-", stdin=EXAMPLE.read_bytes(),
                  env={"PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(b"PATVIRTINTA") and "Birštono".encode() in run.stdout
    assert not (ROOT / "-").exists()
    diff = _planas("diff", OLD, "-", stdin=EXAMPLE.read_bytes(), env={"PYTHONIOENCODING": "utf-8"})
    assert diff.returncode == 0 and b"<stdin>" in diff.stdout
    draft = run_planas("new", "2022", "--from", EXAMPLE, "-o", "-")
    assert draft.code == 0 and "year: 2022" in draft.stdout and not (ROOT / "-").exists()


def test_diff_on_a_cp1257_stream_replaces_what_it_cannot_hold() -> None:
    run = _planas("diff", OLD, EXAMPLE, env={"PYTHONIOENCODING": "cp1257"})
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode("cp1257")  # as `| iconv -f cp1257` reads it
    assert "Birštono" in text or "Plano duomenys" in text
    assert "→" not in text and " ? " in text


def test_write_text_never_fails_on_the_encoding() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1257", errors="strict")
    write_text(stream, "Šiauliai → Žagarė\n")
    stream.flush()
    assert raw.getvalue().decode("cp1257") == "Šiauliai ? Žagarė\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: object) -> None:
    import pytest

    patch = pytest.MonkeyPatch()
    try:
        patch.delenv("NO_COLOR", raising=False)
        assert wants_colour(_Terminal()) and not wants_colour(io.StringIO())
        patch.setenv("NO_COLOR", "1")
        assert not wants_colour(_Terminal())
        out = _Terminal()
        Output(stdout=out).data("a.yaml:1:1: E0201 klaida: x\n")
        assert "\x1b[" not in out.getvalue()
    finally:
        patch.undo()


def test_quiet_verbose_and_short_help(tmp_path: Path) -> None:
    assert run_planas("-q", "init", tmp_path / "a").stdout == ""
    assert "sukurta" in run_planas("init", tmp_path / "b").stdout
    verbose = run_planas("-v", "validate", EXAMPLE)
    assert f"{EXAMPLE}: 0 klaidų" in verbose.stderr
    short = run_planas("validate", "-h")
    assert short.code == 0 and "--plans-only" in short.stdout and "<bool>" not in short.stdout


def test_help_and_usage_errors_in_the_runs_language() -> None:
    lithuanian = _planas("validate", env={"PYTHONIOENCODING": "utf-8"})
    assert lithuanian.returncode == 2
    assert lithuanian.stderr.decode() == "planas: klaida: trūksta argumento PLANAS.yaml\n  Pagalba: planas validate -h\n"
    english = _planas("validate", "--format", "xml", "x.yaml", env={"LANG": "en_US.UTF-8"})
    assert english.returncode == 2 and b"planas: error: Invalid value for" in english.stderr
    help_lt = _planas("check", "-h", env={"PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}).stdout.decode()
    assert "Naudojimas: planas check" in help_lt and "Parinktys" in help_lt and "Show this message" not in help_lt
    assert usage_message("No such option: --bogus", "lt") == "nėra parinkties --bogus"


def test_language_from_lang_and_lang_option() -> None:
    assert language_from_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_from_environment({"LANG": "C.UTF-8"}) == "lt"
    assert language_from_environment({"LC_ALL": "lt_LT.UTF-8", "LANG": "en_US"}) == "lt"
    assert language_for_run(["validate", "--lang", "en", "x"], "lt") == "en"
    assert language_for_run(["validate", "--lang=lt"], "en") == "lt"
    english = run_planas("validate", EXAMPLE, env={"LANG": "en_US.UTF-8"})
    assert "1 file: 0 errors" in english.stdout
    assert "1 failas" in run_planas("validate", EXAMPLE, "--lang", "lt", env={"LANG": "en_US.UTF-8"}).stdout


def test_shell_completion() -> None:
    script = run_planas("completion", "bash")
    assert script.code == 0 and "_PLANAS_COMPLETE" in script.stdout
    run = _planas(env={"_PLANAS_COMPLETE": "complete_bash", "COMP_WORDS": "planas va", "COMP_CWORD": "1"})
    assert b"validate" in run.stdout


def test_lithuanian_plurals_and_collation() -> None:
    assert [counted("lt", n, "finding") for n in (1, 2, 10, 21)] == [
        "1 radinys", "2 radiniai", "10 radinių", "21 radinys"]
    assert counted("lt", 2, "known") == "2 žinomi radiniai"
    assert sorted_lt(["Zarasų", "Šiaulių", "Tauragės", "Skuodo", "Žagarės", "Akmenės", "Ignalinos", "Ylakių"]) == [
        "Akmenės", "Ignalinos", "Ylakių", "Skuodo", "Šiaulių", "Tauragės", "Zarasų", "Žagarės"]
    plans = tuple(PlanReport(f"{name}.yaml", name, 2021, "projektas", ())
                  for name in ("Zarasų r. sav.", "Šiaulių m. sav.", "Skuodo r. sav.", "Tauragės r. sav."))
    rows = scorecard_rows(CheckResult(Path(), plans))
    assert [row[0] for row in rows] == ["Skuodo r. sav.", "Šiaulių m. sav.", "Tauragės r. sav.", "Zarasų r. sav."]


def test_every_help_text_has_its_english() -> None:
    import typer.main

    from planas.cli.commands import app
    from planas.cli.help_en import ENGLISH

    texts: list[str] = []

    def walk(command: object) -> None:
        texts.extend(t for t in [getattr(command, "help", None)] if t)
        texts.extend(p.help for p in getattr(command, "params", []) if getattr(p, "help", None))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    missing = [text for text in texts if text not in ENGLISH and text != "Parodyti šią pagalbą ir baigti."]
    assert missing == [], "add these to planas/cli/help_en.py"
    english = _planas("validate", "-h", env={"LANG": "en_US.UTF-8", "COLUMNS": "200"}).stdout.decode()
    assert "Validate plans: 0 valid" in english and "Usage: planas validate" in english
    assert "Plano" not in english
