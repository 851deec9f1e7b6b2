"""`-` where a file is expected: a plan read from standard input, a document written to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from planas.errors import UsageError

DASH = "-"
STDIN_LABEL = "<stdin>"
"""How findings name a plan read from standard input (`<stdin>:12:5 E0201 …`)."""


def is_dash(path: Path | str | None) -> bool:
    """Whether a file argument is `-` (standard input or output)."""
    return path is not None and str(path) == DASH


def read_stdin(limit: int) -> bytes:
    """A plan's bytes from standard input, refusing more than `limit` bytes before reading them all."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # pragma: no cover - every real and test stdin has a buffer
        raise UsageError("-: standartinė įvestis neprieinama (no standard input)")
    data: bytes = stream.read(limit + 1)
    if len(data) > limit:
        raise UsageError(f"-: planas per didelis (daugiau nei {limit} B; too large)")
    return data
