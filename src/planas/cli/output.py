"""Where the command line writes: data to stdout, messages to stderr, in the chosen language.

Colour comes from rich, imported only when a terminal will show it (not piped,
no `NO_COLOR`), so that start-up and CI logs do not pay for it.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from typing import Any, TextIO

_STYLES = (("klaida:", "bold red"), ("error:", "bold red"), ("įspėjimas:", "yellow"),
           ("warning:", "yellow"))


def imports_done() -> None:
    """Freeze what the imports built, then collect as usual.

    `main` pauses the cyclic GC while the command's modules load: the import-time
    heap (pydantic schemas, the model, reference data) lives as long as the
    process, and scanning it again and again costs ~15-50 ms per command.
    """
    gc.freeze()
    gc.enable()


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


@dataclass
class Output:
    """The two streams of a command, and its message language."""

    lang: str = "lt"
    stdout: TextIO | None = None
    stderr: TextIO | None = None

    def _stream(self, err: bool) -> TextIO:
        chosen = self.stderr if err else self.stdout
        return chosen or (sys.stderr if err else sys.stdout)

    def data(self, text: str) -> None:
        """Write a report or document text to stdout as it is (colour on a terminal only)."""
        stream = self._stream(err=False)
        if text and wants_colour(stream):
            self._coloured(stream, text)
        else:
            stream.write(text)
        stream.flush()

    def say(self, lt: str, en: str, *, err: bool = False) -> None:
        """One line in the chosen language (stdout, or stderr with `err`)."""
        stream = self._stream(err)
        stream.write(f"{en if self.lang == 'en' else lt}\n")
        stream.flush()

    def error(self, text: str) -> None:
        """A one-line problem on stderr, prefixed with the program name."""
        self._stream(err=True).write(f"planas: {text}\n")

    def progress(self, total: int) -> Any:
        """A progress bar on stderr for long runs on a terminal; None where it would only be noise."""
        stream = self._stream(err=True)
        if total < 1 or not wants_colour(stream):
            return None
        from rich.progress import Progress

        return Progress(transient=True, console=_console(stream))

    @staticmethod
    def _coloured(stream: TextIO, text: str) -> None:
        from rich.text import Text

        console = _console(stream)
        for line in text.splitlines():
            styled = Text(line)
            for marker, style in _STYLES:
                start = line.find(marker)
                if start >= 0:
                    styled.stylize(style, start, start + len(marker))
            console.print(styled, soft_wrap=True, highlight=False)


def _console(stream: TextIO) -> Any:
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True)
