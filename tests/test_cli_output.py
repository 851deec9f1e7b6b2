"""The terminal: colour only on a terminal without NO_COLOR, plain text when piped; a bar only on a terminal."""

from __future__ import annotations

import io

import pytest

from planas.cli.output import Output

LINE = "plan.yaml:3:1: E0203 klaida: Netinkama reikšmė.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_output_is_plain() -> None:
    stream = io.StringIO()
    Output(stdout=stream).data(LINE)
    assert stream.getvalue() == LINE


def test_a_terminal_gets_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = _Terminal()
    Output(stdout=stream).data(LINE)
    assert "\x1b[" in stream.getvalue()
    assert "Netinkama reikšmė." in stream.getvalue()


def test_no_color_keeps_a_terminal_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    stream = _Terminal()
    Output(stdout=stream).data(LINE)
    assert stream.getvalue() == LINE


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Output(stderr=io.StringIO()).progress(total=1) is None
    assert Output(stderr=_Terminal()).progress(total=1) is not None


def test_messages_follow_the_language() -> None:
    out, err = io.StringIO(), io.StringIO()
    Output("en", stdout=out, stderr=err).say("įrašyta", "written")
    Output("lt", stdout=out, stderr=err).say("įrašyta", "written", err=True)
    assert out.getvalue() == "written\n" and err.getvalue() == "įrašyta\n"
