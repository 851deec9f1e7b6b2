"""Where the command line writes: data to stdout, messages to stderr, in the chosen language.

Colour comes from rich, imported only when a terminal will show it (not piped,
no `NO_COLOR`), so that start-up and CI logs do not pay for it. Text never
fails on the stream's encoding: a character the stream cannot hold (`→` on a
cp1257 console) is written as `?`. `-q` keeps only data and errors; `-v`
adds details.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
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


class Verbosity:
    """The run's verbosity, set once by the root options: -1 quiet (`-q`), 0 normal, 1 verbose (`-v`)."""

    level = 0


def write_text(stream: TextIO, text: str) -> None:
    """Write `text`, replacing what the stream's encoding cannot hold instead of failing."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))


def make_streams_safe() -> None:
    """Let the process's own stdout and stderr replace unencodable characters (typer's help too)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


@dataclass
class Output:
    """The two streams of a command, and its message language."""

    lang: str = "lt"
    stdout: TextIO | None = None
    stderr: TextIO | None = None
    verbosity: int = field(default_factory=lambda: Verbosity.level)

    def _stream(self, err: bool) -> TextIO:
        chosen = self.stderr if err else self.stdout
        return chosen or (sys.stderr if err else sys.stdout)

    def data(self, text: str) -> None:
        """Write a report or document text to stdout as it is (colour on a terminal only)."""
        stream = self._stream(err=False)
        if text and wants_colour(stream):
            self._coloured(stream, text)
        else:
            write_text(stream, text)
        stream.flush()

    def binary(self, data: bytes) -> None:
        """Write a document's bytes to stdout (`-o -`)."""
        stream = self._stream(err=False)
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            from planas.errors import UsageError

            raise UsageError("-o -: ši išvestis nepriima dvejetainių duomenų (stdout takes no bytes)")
        stream.flush()
        buffer.write(data)
        buffer.flush()

    def say(self, lt: str, en: str, *, err: bool = False) -> None:
        """One line in the chosen language (stdout, or stderr with `err`); none with `-q`."""
        if self.verbosity < 0:
            return
        stream = self._stream(err)
        write_text(stream, f"{en if self.lang == 'en' else lt}\n")
        stream.flush()

    def detail(self, lt: str, en: str) -> None:
        """A line on stderr only with `-v`."""
        if self.verbosity > 0:
            write_text(self._stream(err=True), f"{en if self.lang == 'en' else lt}\n")

    def error(self, text: str) -> None:
        """A one-line problem on stderr, prefixed with the program name."""
        write_text(self._stream(err=True), f"planas: {text}\n")

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
