"""Writing files without ever leaving a half-written one: temp file, fsync, atomic rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from planas.errors import UsageError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file stays as it was."""
    directory = path.parent if str(path.parent) else Path()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise UsageError(f"{path}: nepavyko įrašyti ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise UsageError(f"{path}: nepavyko įrašyti ({error.strerror})") from None
        raise
