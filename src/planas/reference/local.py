"""A plans repository's own reference data, merged over the packaged data (never into its cache).

`.planas.yaml` may name a folder (`reference: reference/`) with extra target
groups, services, institution types and indicators, in the files and shapes
of the packaged data. Each entry is built by the same loader as the packaged
data; a local code that shadows a packaged one is an error (E1510), a file or
entry of the wrong shape too (E1511). The packaged data stays cached by its
own stamp; the local data is read each time and merged into a copy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planas.reference import IndicatorDef, InstitutionType, Reference, Service, TargetGroup, _build

# file -> (list key, entry class, Reference field, key field, the code list's name in `planas reference`)
LOCAL_LISTS: tuple[tuple[str, str, type[Any], str, str, str], ...] = (
    ("target_groups.yaml", "groups", TargetGroup, "target_groups", "id", "groups"),
    ("catalogue.yaml", "services", Service, "services", "code", "services"),
    ("institution_types.yaml", "types", InstitutionType, "institution_types", "id", "institution-types"),
    ("indicators.yaml", "demography", IndicatorDef, "demography_indicators", "id", "indicators"),
    ("indicators.yaml", "social", IndicatorDef, "social_indicators", "id", "indicators"),
)
SETTINGS_FILE = ".planas.yaml"
"""The file that makes a folder a plans repository (its settings: planas.repository.settings)."""
LOCAL_FILES = tuple(dict.fromkeys(name for name, *_ in LOCAL_LISTS))
_TOP_KEYS = {name: {"version", *(key for n, key, *_ in LOCAL_LISTS if n == name)} for name in LOCAL_FILES}


@dataclass(frozen=True)
class LocalIssue:
    """A problem of a local reference file, at a path inside it (located by the caller)."""

    file: str
    loc: tuple[str | int, ...]
    code: str
    params: dict[str, object]
    key: bool = False


def _entries(file: str, data: object, issues: list[LocalIssue]) -> dict[str, list[Any]]:
    """The lists of a local file, by key; a file of the wrong shape is an issue."""
    if not isinstance(data, dict):
        issues.append(LocalIssue(file, (), "E1511", {"detail": f"{file}: laukiama atvaizdžio (groups:, services: …)"}))
        return {}
    found: dict[str, list[Any]] = {}
    for key, value in data.items():
        if key not in _TOP_KEYS[file]:
            allowed = ", ".join(sorted(_TOP_KEYS[file]))
            issues.append(LocalIssue(file, (str(key),), "E1511", {"detail": f"nežinomas raktas „{key}“ ({allowed})"},
                                     key=True))
        elif key != "version":
            if not isinstance(value, list):
                issues.append(LocalIssue(file, (key,), "E1511", {"detail": f"{key}: laukiama sąrašo"}))
            else:
                found[key] = value
    return found


def _check_service(service: Service, reference: Reference, where: tuple[str | int, ...], file: str,
                   issues: list[LocalIssue]) -> None:
    """A local service's categories and the catalogue service it specialises must exist."""
    for regime, category in service.category.items():
        if category not in reference.categories:
            issues.append(LocalIssue(file, (*where, "category", regime), "E1511",
                                     {"detail": f"nežinoma paslaugų rūšis „{category}“"}))
    if service.specialises is not None and service.specialises not in reference.services:
        issues.append(LocalIssue(file, (*where, "specialises"), "E1511",
                                 {"detail": f"kataloge nėra paslaugos „{service.specialises}“"}))


def merge_local(reference: Reference, files: Mapping[str, object]) -> tuple[Reference, list[LocalIssue]]:
    """The packaged reference with the local files' entries added (`files`: file name -> its YAML data)."""
    issues: list[LocalIssue] = []
    added: dict[str, dict[str, Any]] = {}
    local: set[str] = set()
    for file, data in files.items():
        lists = _entries(file, data, issues)
        for name, key, cls, field, ident, kind in LOCAL_LISTS:
            if name != file or key not in lists:
                continue
            target = added.setdefault(field, dict(getattr(reference, field)))
            for i, raw in enumerate(lists[key]):
                where: tuple[str | int, ...] = (key, i)
                try:
                    entry = _build(cls, raw, f"{key}[{i}]")
                except (TypeError, ValueError) as error:
                    issues.append(LocalIssue(file, where, "E1511", {"detail": str(error)}))
                    continue
                code = getattr(entry, ident)
                if code in getattr(reference, field) or code in local:
                    issues.append(LocalIssue(file, (*where, ident), "E1510", {"ref": code, "kind": kind}))
                    continue
                if isinstance(entry, Service):
                    _check_service(entry, reference, where, file, issues)
                target[code] = entry
                local.add(code)
    if not added:
        return reference, issues
    changes: dict[str, Any] = {**added, "local_codes": frozenset(local)}
    return dataclasses.replace(reference, **changes), issues


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` (a file or folder) that holds `.planas.yaml`."""
    here = start.resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        if (candidate / SETTINGS_FILE).is_file():
            return candidate
    return None
