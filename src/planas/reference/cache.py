"""A stamp-checked cache of the built reference data, so that each run does not parse its YAML again.

Parsing and checking the packaged YAML takes 10-20 ms, every command pays it,
and the data only changes with a release or an edit of the data files. The
built `Reference` is pickled under the user's cache folder, keyed by a hash of
the data files' bytes, the loader's source and the planas version: any change
makes a new key. An unwritable, missing or corrupt cache is never an error: the data is
then built from the YAML as before. `PLANAS_CACHE_DIR=off` turns the cache off.

The cache lives in the user's own folder and is written atomically; like any
file there, it is trusted as much as the user's own files are.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from planas import __version__

T = TypeVar("T")
_UNPICKLING_ERRORS = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
                      TypeError, ValueError, MemoryError, KeyError)


def unpickled(data: bytes) -> object | None:
    """What a cache file written by planas holds, or None when it is corrupt or from another build.

    The user's own cache, trusted as the user's own files are (see the module's note).
    """
    try:
        value: object = pickle.loads(data)
    except _UNPICKLING_ERRORS:
        return None
    return value


def pickled(value: object) -> bytes | None:
    """The value as cache bytes, or None when it cannot be pickled (then it is simply not kept)."""
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def cache_dir() -> Path | None:
    """The cache folder (`PLANAS_CACHE_DIR`, else `$XDG_CACHE_HOME/planas`, else `~/.cache/planas`)."""
    chosen = os.environ.get("PLANAS_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planas"


def data_stamp(data_dir: Path) -> str:
    """A hash of the planas version, every data file, and the code that builds the data.

    The loader's own source counts too: a changed record class (a new field) must
    not be served an old pickle of the same release during development.
    """
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in [*sorted(data_dir.glob("*.yaml")), *sorted(data_dir.parent.glob("*.py"))]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached(kind: type[T], data_dir: Path, build: Callable[[], T], name: str = "reference") -> T:
    """The built data (`name`: which of it) from the cache when its stamp matches, else `build()` (and store it)."""
    folder = cache_dir()
    if folder is None:
        return build()
    target = folder / f"{name}-{data_stamp(data_dir)}.pickle"
    try:
        value = unpickled(target.read_bytes())
    except OSError:
        value = None
    if isinstance(value, kind):
        return value  # else missing, corrupt or from an incompatible build: rebuilt and replaced below
    value = build()
    _store(target, value)
    return value


def _store(target: Path, value: object) -> None:
    """Pickle the built data into the cache; a value that cannot be pickled just means no cache."""
    data = pickled(value)
    if data is not None:
        _store_bytes(target, data)


def read_cached(name: str) -> bytes | None:
    """The bytes of a cache file written by `write_cached`, or None (no cache, no such file)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes) -> None:
    """Keep bytes in the cache under `name` (a name that carries its own stamp); no cache: nothing."""
    folder = cache_dir()
    if folder is not None:
        _store_bytes(folder / name, data)


# Drawn files (charts) kept beside the reference data: at most this many, the oldest dropped first.
_MAX_DRAWN = 4000


def cached_bytes(kind: str, key: str, build: Callable[[], bytes]) -> bytes:
    """Bytes made by `build()`, kept in the cache's `kind` folder under `key` (a content hash).

    For outputs that are slow to make and depend only on their key (a chart drawn
    from its spec). Plain bytes, never unpickled. The folder is kept to
    `_MAX_DRAWN` files, so a national site or years of renders do not fill the disk.
    """
    found = kept_bytes(kind, key)
    if found is not None:
        return found
    value = build()
    keep_bytes(kind, key, value)
    return value


def kept_bytes(kind: str, key: str) -> bytes | None:
    """The bytes kept under `key` in the cache's `kind` folder, or None (no cache, not kept)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / kind / key).read_bytes()
    except OSError:
        return None


def keep_bytes(kind: str, key: str, value: bytes, limit: int | None = None) -> None:
    """Keep bytes under `key` in the cache's `kind` folder, of at most `limit` files (None: `_MAX_DRAWN`)."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / kind / key
    _store_bytes(target, value)
    with contextlib.suppress(OSError):
        _count_and_prune(target.parent, _MAX_DRAWN if limit is None else limit)


# The files each folder held when this process last counted, plus those it wrote since: the folder is
# listed once per process and again only when the count passes the limit (not after every drawing,
# which cost a national site a listing of thousands of files per chart).
_COUNTED: dict[Path, int] = {}


def _count_and_prune(folder: Path, limit: int) -> None:
    """Count one more file in `folder`; list and prune it the first time and whenever the count passes the limit."""
    known = _COUNTED.get(folder)
    if known is not None and known + 1 <= limit:
        _COUNTED[folder] = known + 1
        return
    _COUNTED[folder] = _prune(folder, limit)


def _store_bytes(target: Path, value: bytes) -> None:
    """Write a cache file atomically; a folder that cannot be written just means no cache."""
    import tempfile  # only when something is written: a warm run reads

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cache-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(value)
        Path(temporary).replace(target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, limit: int) -> int:
    """Drop the oldest quarter of the folder's files once it holds more than `limit`; the files left."""
    entries = [entry for entry in os.scandir(folder) if entry.is_file() and not entry.name.startswith(".")]
    if len(entries) <= limit:
        return len(entries)
    entries.sort(key=lambda entry: (entry.stat().st_mtime, entry.name))
    dropped = entries[: len(entries) // 4]
    for entry in dropped:
        Path(entry.path).unlink(missing_ok=True)
    return len(entries) - len(dropped)
