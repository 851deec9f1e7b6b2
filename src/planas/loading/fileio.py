"""Writing files without ever leaving a half-written one: temp file, fsync, atomic rename.

`mkstemp` creates its file 0600; the result gets ordinary permissions instead:
an overwritten file keeps its mode, a new file follows the umask (0666 & ~umask).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from planas.errors import UsageError


def _current_umask() -> int:
    """The process umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target_mode(path: Path) -> int:
    """The mode the written file should have: the existing file's, or 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


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
            os.fchmod(stream.fileno(), _target_mode(path))
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise UsageError(f"{path}: nepavyko įrašyti ({error.strerror})") from None
        raise
