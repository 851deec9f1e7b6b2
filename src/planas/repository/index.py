"""A repository of plans: finding plan files, telling their municipality and year, git versions.

Layout: any folders, one plan per YAML file; a plan's municipality and year are
read from the plan itself (`metadata`), so `<municipality>/<year>.yaml` and
`examples/<name>/plan.yaml` both work.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planas.errors import UsageError
from planas.loading.sniff import looks_like_plan

SKIPPED_DIRS = frozenset({".git", ".venv", "venv", "node_modules", "build", "dist", "__pycache__",
                          ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"})
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class PlanSource:
    """A plan's bytes and how to name it in reports."""

    label: str
    raw: bytes


def discover_yaml_files(root: Path) -> list[Path]:
    """Every YAML file under `root` (tool and hidden folders skipped), sorted; nothing is read yet."""
    if not root.is_dir():
        raise UsageError(f"{root}: aplankas nerastas (no such directory)")
    found: list[Path] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError as error:
            raise UsageError(f"{directory}: nepavyko perskaityti aplanko ({error.strerror})") from None
        for entry in entries:
            if entry.is_dir():
                if entry.name not in SKIPPED_DIRS and not entry.name.startswith("."):
                    stack.append(entry)
            elif entry.suffix in (".yaml", ".yml"):
                found.append(entry)
    return sorted(found)


def identity_of(data: dict[str, Any]) -> tuple[str | None, int | None, str | None]:
    """(municipality, year, status) as a plan's raw data states them, None where it does not."""
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        return None, None, None
    municipality = metadata.get("municipality")
    name = municipality.get("name") if isinstance(municipality, dict) else None
    year = metadata.get("year")
    status = metadata.get("status")
    return (name if isinstance(name, str) else None,
            year if isinstance(year, int) and not isinstance(year, bool) else None,
            status if isinstance(status, str) else None)


def _file_identity(item: tuple[bytes, str]) -> tuple[str, int] | None:
    """`_raw_identity` of one (bytes, label) pair: a task a process pool can run."""
    return _raw_identity(*item)


Mapper = Callable[[Callable[[tuple[bytes, str]], tuple[str, int] | None], Iterable[tuple[bytes, str]]],
                  Iterator[tuple[str, int] | None]]
"""How the plans' identities are worked out: `map` here, a process pool's `map` for a large repository."""


def _raw_identity(raw: bytes, label: str) -> tuple[str, int] | None:
    """(municipality, year) of a plan's bytes: the fast reader, the positional one where it must."""
    from planas.loading.fast import SlowPath, fast_load
    from planas.loading.positional import LoadProblem, decode_plan_bytes, load_plan_text

    try:
        data = fast_load(raw)
    except SlowPath:
        try:
            data = load_plan_text(decode_plan_bytes(raw), label).data
        except LoadProblem:
            return None
    name, year, _ = identity_of(data)
    return (name, year) if name is not None and year is not None else None


@dataclass(frozen=True)
class IndexedPlan:
    """One plan file of a repository: its bytes (read once) and identity."""

    path: Path
    raw: bytes
    municipality: str
    year: int


@dataclass(frozen=True)
class RepositoryIndex:
    """The plans of a repository, each file read once; `diff YEAR YEAR --repo` looks both years up here."""

    root: Path
    plans: tuple[IndexedPlan, ...]

    @classmethod
    def build(cls, root: Path, mapper: Mapper = map) -> RepositoryIndex:
        """Read every plan file under `root` once (`mapper` may parse them for their identity in parallel)."""
        from planas.loading.positional import LoadProblem, read_plan_bytes

        files = []
        for path in discover_yaml_files(root):
            try:
                raw = read_plan_bytes(path)
            except (LoadProblem, UsageError):
                continue  # `check` reports unreadable files; a look-up just skips them
            if looks_like_plan(raw):
                files.append((path, raw))
        identities = mapper(_file_identity, [(raw, str(path)) for path, raw in files])
        plans = [IndexedPlan(path, raw, *identity)
                 for (path, raw), identity in zip(files, identities, strict=True) if identity is not None]
        return cls(root, tuple(plans))

    def find(self, year: int, municipality: str | None = None) -> IndexedPlan:
        """The one plan of `year` (of `municipality`, matched by part of its name)."""
        matches = [p for p in self.plans if p.year == year
                   and (municipality is None or municipality.lower() in p.municipality.lower())]
        if not matches:
            which = f" ({municipality})" if municipality else ""
            raise UsageError(f"{self.root}: nerastas {year} m. planas{which} (no plan for {year})")
        names = sorted({p.municipality for p in matches})
        if len(names) > 1:
            raise UsageError(
                f"{self.root}: {year} m. planus turi kelios savivaldybės ({', '.join(names)}); "
                "nurodykite --municipality"
            )
        if len(matches) > 1:
            files = ", ".join(str(p.path) for p in matches)
            raise UsageError(f"{self.root}: keli {year} m. {names[0]} planai ({files})")
        return matches[0]


def git_show(spec: str, cwd: Path) -> bytes:
    """The bytes of `REV:PATH` from git (`HEAD~1:plans/2021.yaml`)."""
    try:
        proc = subprocess.run(["git", "show", spec], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("git nerastas (git is not installed)") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git show {spec}: per ilgai (timed out)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git show {spec}: {message[-1] if message else 'failed'}")
    return proc.stdout


def resolve_sources(
    arguments: tuple[str, ...], repo: Path, municipality: str | None = None
) -> tuple[PlanSource, ...]:
    """Plans named as files, years inside `repo` (the repository indexed once), or `REV:PATH` in git."""
    from planas.loading.positional import read_plan_bytes

    index: RepositoryIndex | None = None
    sources = []
    for argument in arguments:
        path = Path(argument)
        if path.is_file():
            sources.append(PlanSource(argument, read_plan_bytes(path)))
        elif _YEAR.match(argument):
            index = index or RepositoryIndex.build(repo)
            found = index.find(int(argument), municipality)
            sources.append(PlanSource(str(found.path), found.raw))
        elif ":" in argument and not path.exists():
            sources.append(PlanSource(argument, git_show(argument, repo if repo.is_dir() else Path())))
        else:
            sources.append(PlanSource(argument, read_plan_bytes(path)))  # raises the one-line "no such file"
    return tuple(sources)
