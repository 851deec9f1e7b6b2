"""A repository of plans: finding plan files, telling their municipality and year, git versions.

Layout: any folders, one plan per YAML file; a plan's municipality and year are
read from the plan itself (`metadata`), so `<municipality>/<year>.yaml` and
`examples/<name>/plan.yaml` both work.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planas.errors import UsageError

SKIPPED_DIRS = frozenset({".git", ".venv", "venv", "node_modules", "build", "dist", "__pycache__",
                          ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"})
_YEAR = re.compile(r"^\d{4}$")
_METADATA_KEYS = (b"metadata:", b"\nmetadata:")


@dataclass(frozen=True)
class PlanSource:
    """A plan's bytes and how to name it in reports."""

    label: str
    raw: bytes
    path: Path | None = None


def discover_plan_files(root: Path) -> list[Path]:
    """Every YAML file under `root` that looks like a plan (has a top-level `metadata:`), sorted."""
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
            elif entry.suffix in (".yaml", ".yml") and _looks_like_plan(entry):
                found.append(entry)
    return sorted(found)


def _looks_like_plan(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
    except OSError:
        return False
    return head.startswith(b"metadata:") or any(key in head for key in _METADATA_KEYS[1:])


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


def plan_identity(path: Path) -> tuple[str, int] | None:
    """(municipality, year) of a plan file, or None when it cannot be read as one."""
    from planas.loading.positional import LoadProblem, load_plan_file

    try:
        data = load_plan_file(path).data
    except (LoadProblem, UsageError):
        return None
    name, year, _ = identity_of(data)
    return (name, year) if name is not None and year is not None else None


def find_plan(root: Path, year: int, municipality: str | None = None) -> Path:
    """The one plan of `year` in the repository (of `municipality`, matched by part of its name)."""
    matches: list[tuple[Path, str]] = []
    for path in discover_plan_files(root):
        identity = plan_identity(path)
        if identity is None or identity[1] != year:
            continue
        if municipality is not None and municipality.lower() not in identity[0].lower():
            continue
        matches.append((path, identity[0]))
    if not matches:
        which = f" ({municipality})" if municipality else ""
        raise UsageError(f"{root}: nerastas {year} m. planas{which} (no plan for {year})")
    names = sorted({name for _, name in matches})
    if len(names) > 1:
        raise UsageError(
            f"{root}: {year} m. planus turi kelios savivaldybės ({', '.join(names)}); "
            "nurodykite --municipality"
        )
    if len(matches) > 1:
        files = ", ".join(str(p) for p, _ in matches)
        raise UsageError(f"{root}: keli {year} m. {names[0]} planai ({files})")
    return matches[0][0]


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


def resolve_source(argument: str, repo: Path, municipality: str | None = None) -> PlanSource:
    """A plan named as a file, a year inside `repo`, or `REV:PATH` in git."""
    from planas.loading.positional import read_plan_bytes

    path = Path(argument)
    if path.is_file():
        return PlanSource(argument, read_plan_bytes(path), path)
    if _YEAR.match(argument):
        found = find_plan(repo, int(argument), municipality)
        return PlanSource(str(found), read_plan_bytes(found), found)
    if ":" in argument and not path.exists():
        return PlanSource(argument, git_show(argument, repo if repo.is_dir() else Path()))
    return PlanSource(argument, read_plan_bytes(path), path)  # raises the one-line "no such file"
