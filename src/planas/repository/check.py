"""`planas check`: every plan of a repository, duplicates, cross-year rules, completeness.

Speed: each file is read on the fast path (rapidyaml, no positions) and
validated; only a file with findings is read again with positions. Files are
spread over worker processes (fork: the workers inherit the loaded code), and
results come back in a stable order.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from planas.errors import UsageError
from planas.findings import Finding, FindingCounts, Severity, make_params
from planas.loading.fast import SlowPath, fast_load
from planas.loading.positional import LoadProblem, load_plan_file, read_plan_bytes
from planas.model import Plan
from planas.reference import load_reference
from planas.repository.index import discover_plan_files, identity_of
from planas.validation import validate_bytes
from planas.validation.crossyear import DEFAULT_JUMP, YearFacts, cross_year_issues, locate
from planas.validation.registry import RULES
from planas.validation.rules import filled, semantic_issues

SETTINGS_FILE = ".planas.yaml"
PARALLEL_FROM = 24  # fewer files are checked in this process: forking costs more


@dataclass(frozen=True)
class Settings:
    """Repository settings (`.planas.yaml`): severity overrides, disabled rules, exclusions."""

    severity: dict[str, str] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    jump: Decimal = DEFAULT_JUMP
    exclude: tuple[str, ...] = ()
    baseline: str | None = None


def load_settings(root: Path) -> Settings:
    """Read `.planas.yaml` at the repository root (absent: defaults)."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UsageError(f"{path}: nepavyko perskaityti nustatymų ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: nustatymai turi būti atvaizdis (raktai: reikšmės)")
    unknown = set(data) - {"severity", "disabled", "jump_threshold", "exclude", "baseline"}
    if unknown:
        raise UsageError(f"{path}: nežinomi raktai {sorted(unknown)}")
    severity = {str(k): str(v) for k, v in (data.get("severity") or {}).items()}
    for code, level in severity.items():
        if code not in RULES or level not in ("error", "warning", "ignore"):
            raise UsageError(f"{path}: severity {code}: {level} (kodas iš docs/rules.md; error|warning|ignore)")
    disabled = frozenset(str(c) for c in data.get("disabled") or [])
    unknown_codes = sorted(disabled - set(RULES))
    if unknown_codes:
        raise UsageError(f"{path}: disabled: nežinomi kodai {unknown_codes}")
    try:
        jump = Decimal(str(data.get("jump_threshold", DEFAULT_JUMP)))
    except InvalidOperation:
        raise UsageError(f"{path}: jump_threshold turi būti skaičius, pvz. 0.5") from None
    exclude = tuple(str(p) for p in data.get("exclude") or [])
    baseline = data.get("baseline")
    return Settings(severity, disabled, jump, exclude, str(baseline) if baseline else None)


@dataclass(frozen=True)
class PlanReport(FindingCounts):
    """One plan file's outcome."""

    file: str
    municipality: str | None
    year: int | None
    status: str | None
    findings: tuple[Finding, ...]
    completeness: tuple[tuple[str, bool], ...] = ()
    facts: YearFacts | None = None

    @property
    def completeness_share(self) -> float:
        """Share of the form's sections that are filled (0..1)."""
        if not self.completeness:
            return 0.0
        return sum(1 for _, done in self.completeness if done) / len(self.completeness)


def completeness(data: dict[str, Any], year: int) -> tuple[tuple[str, bool], ...]:
    """Which of the regime's form sections have data (from the plan's plain data)."""
    reference = load_reference()
    layout = reference.layouts[reference.regime_for_year(year).form]
    return tuple(
        (f"{section.number}. {section.title}", any(filled(data, path) for path in section.data))
        for chapter in layout.chapters
        for section in chapter.sections
        if section.data
    )


def _slow(path: Path, raw: bytes) -> PlanReport:
    result = validate_bytes(raw, str(path))
    data = result.document.data if result.document is not None else {}
    name, year, status = identity_of(data)
    if result.plan is not None:
        meta = result.plan.metadata
        name, year, status = meta.municipality.name, meta.year, meta.status
    facts = YearFacts.of(result.plan) if result.plan is not None else None
    return PlanReport(str(path), name, year, status, result.findings,
                      completeness(data, year) if year is not None else (), facts)


def check_file(path: Path) -> PlanReport:
    """Validate one plan: fast when it is clean, with positions when it is not."""
    try:
        raw = read_plan_bytes(path)
    except LoadProblem as problem:
        finding = Finding(str(path), problem.line, problem.column, problem.code,
                          RULES[problem.code].severity, "", make_params(problem.params))
        return PlanReport(str(path), None, None, None, (finding,))
    except UsageError as error:
        finding = Finding(str(path), 1, 1, "E0113", Severity.ERROR, "", make_params({"detail": str(error)}))
        return PlanReport(str(path), None, None, None, (finding,))
    try:
        data = fast_load(raw)
        plan = Plan.model_validate(data)
    except (SlowPath, ValidationError):
        return _slow(path, raw)
    if semantic_issues(plan, load_reference()):
        return _slow(path, raw)
    meta = plan.metadata
    return PlanReport(str(path), meta.municipality.name, meta.year, meta.status, (),
                      completeness(data, meta.year), YearFacts.of(plan))


def _check_all(paths: Sequence[Path], jobs: int) -> list[PlanReport]:
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        return [check_file(p) for p in paths]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    load_reference()  # loaded once here, inherited by forked workers
    chunk = max(1, len(paths) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(check_file, paths, chunksize=chunk))


def _excluded(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _duplicate_findings(reports: Sequence[PlanReport]) -> list[Finding]:
    seen: dict[tuple[str, int], PlanReport] = {}
    findings = []
    for report in reports:
        if report.municipality is None or report.year is None:
            continue
        key = (report.municipality, report.year)
        if key in seen:
            document = load_plan_file(Path(report.file))
            position = document.positions.locate(("metadata", "year"))
            findings.append(Finding(report.file, position.line, position.column, "E1101",
                                    RULES["E1101"].severity, "metadata.year",
                                    make_params({"municipality": key[0], "year": key[1],
                                                 "other": seen[key].file})))
        else:
            seen[key] = report
    return findings


def _cross_year(reports: Sequence[PlanReport], jump: Decimal) -> list[Finding]:
    by_municipality: dict[str, dict[int, PlanReport]] = defaultdict(dict)
    for report in reports:
        if report.facts is not None and report.municipality and report.year is not None:
            by_municipality[report.municipality].setdefault(report.year, report)
    findings: list[Finding] = []
    documents: dict[str, Any] = {}

    def document(report: PlanReport) -> Any:
        if report.file not in documents:
            documents[report.file] = load_plan_file(Path(report.file))
        return documents[report.file]

    for municipality in sorted(by_municipality):
        years = by_municipality[municipality]
        for year in sorted(years):
            old, new = years.get(year - 1), years[year]
            if old is None or old.facts is None or new.facts is None:
                continue
            for side, code, loc, params in cross_year_issues(old.facts, new.facts, jump=jump):
                if code == "X1001":
                    params = {**params, "old_file": old.file}
                findings.append(locate(document(old if side == "old" else new), code, loc, params))
    return findings


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


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking a repository."""

    root: Path
    plans: tuple[PlanReport, ...]
    suppressed: int = 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, in file and position order."""
        return tuple(sorted(f for plan in self.plans for f in plan.findings))

    @property
    def errors(self) -> int:
        """All error findings."""
        return sum(p.errors for p in self.plans)

    @property
    def warnings(self) -> int:
        """All warning findings."""
        return sum(p.warnings for p in self.plans)


def _apply_settings(finding: Finding, settings: Settings) -> Finding | None:
    if finding.code in settings.disabled:
        return None
    level = settings.severity.get(finding.code)
    if level == "ignore":
        return None
    if level is not None:
        return replace(finding, severity=Severity(level))
    return finding


def check_repository(
    root: Path,
    *,
    jobs: int | None = None,
    settings: Settings | None = None,
    baseline: frozenset[str] = frozenset(),
) -> CheckResult:
    """Check every plan under `root`."""
    settings = settings or load_settings(root)
    paths = [p for p in discover_plan_files(root) if not _excluded(p, root, settings.exclude)]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    reports = _check_all(paths, workers)
    extra = _duplicate_findings(reports) + _cross_year(reports, settings.jump)
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in extra:
        by_file[finding.file].append(finding)
    suppressed = 0
    final = []
    for report in reports:
        kept = []
        for finding in (*report.findings, *by_file.get(report.file, ())):
            adjusted = _apply_settings(finding, settings)
            if adjusted is None:
                continue
            if fingerprint(adjusted, root) in baseline:
                suppressed += 1
                continue
            kept.append(adjusted)
        final.append(replace(report, findings=tuple(sorted(set(kept))), facts=None))
    return CheckResult(root, tuple(sorted(final, key=lambda r: r.file)), suppressed)


__all__ = [
    "CheckResult",
    "PlanReport",
    "Settings",
    "baseline_text",
    "check_file",
    "check_repository",
    "fingerprint",
    "load_settings",
    "read_baseline",
]
