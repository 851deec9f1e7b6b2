"""The baseline: findings a repository has accepted, by a fingerprint that survives line moves."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from planas.errors import UsageError
from planas.findings import Finding


def fingerprint(finding: Finding, root: Path) -> str:
    """A finding's identity for the baseline: file, rule, YAML path, parameters (not line numbers)."""
    try:
        relative = Path(finding.file).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = finding.file
    text = "|".join([relative, finding.code, finding.path, json.dumps(sorted(finding.params))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def read_baseline(path: Path) -> frozenset[str]:
    """Fingerprints recorded by --write-baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(str(item["fingerprint"]) for item in data["findings"])
    except FileNotFoundError:
        raise UsageError(f"{path}: bazinio failo nėra (baseline not found)") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"{path}: netinkamas bazinis failas ({error})") from None


def baseline_text(findings: Iterable[Finding], root: Path) -> str:
    """The baseline file for these findings."""
    items = sorted(
        ({"fingerprint": fingerprint(f, root), "file": f.file, "code": f.code, "path": f.path} for f in findings),
        key=lambda item: (item["file"], item["code"], item["path"], item["fingerprint"]),
    )
    return json.dumps({"version": 1, "findings": items}, ensure_ascii=False, indent=2) + "\n"
