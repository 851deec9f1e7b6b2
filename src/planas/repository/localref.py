"""Which reference data a plan is checked against: the packaged data, plus its repository's local data.

The repository of a file is the nearest folder at or above it that holds
`.planas.yaml`; when its `reference:` names a folder, that folder's files are
read (with positions, to locate problems), merged over the packaged data
(`planas.reference.local`) and kept for the process. The packaged data's
on-disk cache is never involved: its stamp covers only the packaged files.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from planas.errors import UsageError
from planas.findings import Finding, format_path, make_params
from planas.loading.positional import (
    LoadProblem,
    PositionIndex,
    decode_plan_bytes,
    load_plan_text,
    read_plan_bytes,
)
from planas.reference import Reference, load_reference
from planas.reference.local import (
    LOCAL_FILES,
    SETTINGS_FILE,
    LocalIssue,
    merge_local,
    repository_root,
)
from planas.repository.settings import load_settings
from planas.validation.registry import RULES, message


class LocalReferenceProblem(UsageError):
    """The repository's local reference data cannot be used: its located findings, one per line."""

    def __init__(self, findings: list[Finding]) -> None:
        """Keep the findings and say them in both languages."""
        self.findings = tuple(findings)
        lines = [f"{f.file}:{f.line}:{f.column}: {f.code} {message(f, 'lt')} ({message(f, 'en')})"
                 for f in self.findings]
        super().__init__("vietiniame žinyne yra klaidų (the local reference data has errors):\n" + "\n".join(lines))


def _finding(path: Path, issue: LocalIssue, positions: PositionIndex | None) -> Finding:
    line, column = 1, 1
    if positions is not None:
        pos = positions.locate(issue.loc, key=issue.key)
        line, column = pos.line, pos.column
    return Finding(str(path), line, column, issue.code, RULES[issue.code].severity, format_path(issue.loc),
                   make_params(issue.params))


def load_local(folder: Path) -> Reference:
    """The packaged reference merged with the local files in `folder`; raises `LocalReferenceProblem`."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: vietinio žinyno aplankas nerastas (.planas.yaml: reference) "
                         "(the local reference folder does not exist)")
    data: dict[str, object] = {}
    positions: dict[str, PositionIndex] = {}
    problems: list[Finding] = []
    for name in LOCAL_FILES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            document = load_plan_text(decode_plan_bytes(read_plan_bytes(path)), str(path))
        except LoadProblem as problem:
            problems.append(Finding(str(path), problem.line, problem.column, problem.code,
                                    RULES[problem.code].severity, "", make_params(problem.params)))
            continue
        data[name], positions[name] = document.data, document.positions
    merged, issues = merge_local(load_reference(), data)
    problems += [_finding(folder / issue.file, issue, positions.get(issue.file)) for issue in issues]
    if problems:
        raise LocalReferenceProblem(sorted(problems))
    return merged


@cache
def reference_for_root(root: Path) -> Reference:
    """The reference data of the repository at `root` (its `.planas.yaml` read once per process)."""
    settings = load_settings(root)
    if settings.reference is None:
        return load_reference()
    return load_local(root / settings.reference)


@cache
def _root_fingerprint(root: Path) -> bytes:
    """A hash of what a repository's reference data is made of: its settings file and local reference files."""
    digest = hashlib.sha256((root / SETTINGS_FILE).read_bytes())
    settings = load_settings(root)
    if settings.reference is not None:
        for name in LOCAL_FILES:
            path = root / settings.reference / name
            if path.is_file():
                digest.update(b"\0" + name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.digest()


def fingerprint_at(root: Path | None) -> bytes | None:
    """A hash of the data `reference_at(root)` is made of, beyond the packaged data (None: unreadable).

    `root` None: no repository, the packaged data only (an empty hash).
    """
    if root is None:
        return b""
    try:
        return _root_fingerprint(root)
    except (OSError, UsageError):
        return None


def reference_for(path: Path) -> Reference:
    """The reference data for a plan file (or a folder): packaged, plus its repository's local data."""
    return reference_at(repository_root(path))


def reference_at(root: Path | None) -> Reference:
    """The reference data of the repository at `root` (None: no repository, the packaged data)."""
    return load_reference() if root is None else reference_for_root(root)
