"""Each plan's check result kept between runs: `planas check` checks again only the plans that changed.

What `check` learns of one file (its findings, identity, completeness, the facts
the cross-year rules compare, its acknowledgements) depends only on the file's
bytes and name, the reference data it is checked against, and the code that
reads and checks it. The result is kept in the user's cache folder
(`planas.reference.cache`) under a hash of all of these: the file's bytes and
path, the repository's settings and local reference files, every file of the
planas package, and the versions of Python and of the libraries that read and
validate (pydantic, pydantic-core, rapidyaml, PyYAML). Any change makes another
key, so a kept result is found again only for the very same input; nothing is
ever judged stale by time. Duplicates, the cross-year rules, settings and the
baseline are applied on every run, over all the files.

`planas check --no-cache` or `PLANAS_CACHE_DIR=off` checks every file again;
an unreadable, corrupt or unwritable cache only means checking again. Like the
reference data kept there, the results are pickled: the cache is the user's own
folder, trusted as the user's own files are.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import sys
from pathlib import Path

import pydantic
import pydantic_core
import ryml

import planas
from planas import __version__
from planas.reference.cache import keep_bytes, kept_bytes, pickled, unpickled
from planas.repository.localref import fingerprint_at

KIND = "checked"
"""The cache folder of kept results."""
LIMIT = 10_000
"""Results kept at most (~6 KB each): a national repository of 1,200 plans and years of its history."""


@functools.cache
def code_stamp() -> bytes:
    """A hash of the code a result comes from: every file of the planas package and the libraries' versions."""
    yaml_spec = importlib.util.find_spec("yaml")  # found, not imported: a clean plan never needs PyYAML
    yaml_init = Path(yaml_spec.origin).read_bytes() if yaml_spec is not None and yaml_spec.origin else b""
    versions = (__version__, sys.version, pydantic.VERSION, pydantic_core.__version__, ryml.__version__)
    digest = hashlib.sha256(repr(versions).encode("utf-8") + b"\0" + yaml_init)
    package = Path(planas.__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.digest()


def result_key(path: Path, raw: bytes, root: Path | None) -> str | None:
    """The key of a plan file's result (None: its repository's settings cannot be read; it is not kept).

    `root`: the repository the file belongs to (`planas.reference.local.repository_root`).
    """
    reference = fingerprint_at(root)
    if reference is None:
        return None
    digest = hashlib.sha256(code_stamp())
    for part in (reference, str(path).encode("utf-8", "surrogateescape"), raw):
        digest.update(len(part).to_bytes(8, "little") + part)  # lengths first: no two inputs join alike
    return f"{digest.hexdigest()[:40]}.pickle"


def recall(key: str, file: str, kind: type[object]) -> object | None:
    """The result kept under `key` for `file`, if it is one of `kind`; else None."""
    data = kept_bytes(KIND, key)
    value = unpickled(data) if data is not None else None
    return value if isinstance(value, kind) and getattr(value, "file", None) == file else None


def keep(key: str, value: object) -> None:
    """Keep a result under `key` (one that cannot be pickled is simply not kept)."""
    data = pickled(value)
    if data is not None:
        keep_bytes(KIND, key, data, LIMIT)
