"""`planas check`: every plan of a repository, duplicates, cross-year rules, completeness.

Speed: each file is read once; a file checked before with the very same input
gets its kept result back (`planas.repository.result_cache`); the others are
read on the fast path (rapidyaml, no positions) and validated, and only a file
with findings is read again with positions. Files to check are spread over
worker processes (fork: the workers inherit the loaded code), and results come
back in a stable order.
"""

from __future__ import annotations

import fnmatch
import gc
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from planas.errors import UsageError
from planas.findings import Finding, FindingCounts, Severity, count_by_severity, make_params
from planas.loading.positional import LoadProblem, load_plan_file, read_plan_bytes
from planas.loading.sniff import looks_like_plan
from planas.model import Plan
from planas.model.plan import stored_validator
from planas.reference import load_reference
from planas.reference.local import repository_root
from planas.repository import result_cache
from planas.repository.baseline import fingerprint
from planas.repository.index import discover_yaml_files, identity_of
from planas.repository.init import schema_copy_findings
from planas.repository.localref import reference_at
from planas.repository.settings import Settings, load_settings
from planas.validation import validate_bytes
from planas.validation.acknowledge import Pending, match_findings, pending, unmatched_issue
from planas.validation.crossyear import NAMES_OLD_FILE, YearFacts, cross_year_issues, locate
from planas.validation.registry import RULES
from planas.validation.rules import filled

PARALLEL_FROM = 24  # fewer files are checked in this process: forking costs more


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
    acknowledgements: tuple[Pending, ...] = ()
    """The plan's acknowledgements of cross-year findings, matched once those are known."""

    @property
    def completeness_share(self) -> float:
        """Share of the form's sections that are filled (0..1)."""
        if not self.completeness:
            return 0.0
        return sum(1 for _, done in self.completeness if done) / len(self.completeness)


def _plan_year_filled(plan: Plan | None, path: str) -> bool | None:
    """Recipients and funds count only with the plan year's own figures (None: any data counts)."""
    if plan is None:
        return None
    year = plan.metadata.year
    if path == "analysis.provision":
        return any(not values.provisional and (values.planned is not None or values.recipients is not None)
                   for record in plan.analysis.provision for y, values in record.years.items() if y == year)
    if path == "analysis.finance":
        return any(entry.year == year and not entry.provisional
                   for record in plan.analysis.finance for entry in record.entries)
    return None


def completeness(data: dict[str, Any], year: int, plan: Plan | None = None) -> tuple[tuple[str, bool], ...]:
    """Which of the regime's form sections have data; recipients and funds only with plan-year figures.

    A draft carried over by `planas new` has last year's figures, not this
    year's: its recipients and finance sections are not filled until the plan
    year's planned recipients and funds are written.
    """
    reference = load_reference()
    layout = reference.layouts[reference.regime_for_year(year).form]

    def has(path: str) -> bool:
        current = _plan_year_filled(plan, path)
        return filled(data, path) if current is None else current

    return tuple(
        (f"{section.number}. {section.title}", any(has(path) for path in section.data))
        for chapter in layout.chapters
        for section in chapter.sections
        if section.data
    )


def _read(path: Path) -> bytes | PlanReport:
    """The file's bytes, or the report of a file that cannot be read."""
    try:
        return read_plan_bytes(path)
    except LoadProblem as problem:
        finding = Finding(str(path), problem.line, problem.column, problem.code,
                          RULES[problem.code].severity, "", make_params(problem.params))
        return PlanReport(str(path), None, None, None, (finding,))
    except UsageError as error:
        return _unusable(path, error)


def _unusable(path: Path, error: UsageError) -> PlanReport:
    """The report of a file that cannot be checked at all: E0113 with the reason."""
    finding = Finding(str(path), 1, 1, "E0113", Severity.ERROR, "", make_params({"detail": str(error)}))
    return PlanReport(str(path), None, None, None, (finding,))


def check_bytes(path: Path, raw: bytes, root: Path | None) -> PlanReport | None:
    """Validate one plan file's bytes (`path` names it); None when it is no plan.

    `root`: the repository the file belongs to (`planas.reference.local.repository_root`; None: none).
    """
    if not looks_like_plan(raw):
        return None
    try:
        reference = reference_at(root)  # the packaged data, plus the local data of the plan's repository
    except UsageError as error:
        return _unusable(path, error)
    result = validate_bytes(raw, str(path), reference, digest=False)  # no document is made: no digest
    name, year, status = identity_of(result.data or {})
    if result.plan is not None:
        meta = result.plan.metadata
        name, year, status = meta.municipality.name, meta.year, meta.status
    facts = YearFacts.of(result.plan) if result.plan is not None else None
    filled_sections = completeness(result.data or {}, year, result.plan) if year is not None else ()
    acknowledgements = pending(result.plan) if result.plan is not None else ()
    return PlanReport(str(path), name, year, status, result.findings, filled_sections, facts, acknowledgements)


Progress = Callable[[int, int], None]
_Job = tuple[Path, bytes, Path | None, str | None]
"""A file to check: its path, its bytes, its repository, and the key its result is kept under (None: not kept)."""


def _check_job(job: _Job) -> PlanReport | None:
    path, raw, root, key = job
    report = check_bytes(path, raw, root)
    if key is not None and report is not None:
        result_cache.keep(key, report)
    return report


def _check_all(paths: Sequence[Path], jobs: int, progress: Progress | None,
               use_cache: bool = True) -> list[PlanReport]:
    """Every file's report in the order given: kept results recalled here, the others checked (in parallel)."""
    reports: list[PlanReport | None] = [None] * len(paths)
    todo: list[tuple[int, _Job]] = []
    done = 0
    roots: dict[Path, Path | None] = {}  # each folder's repository, looked up once (a few stat calls each)
    for index, path in enumerate(paths):
        raw = _read(path)
        if isinstance(raw, PlanReport):
            reports[index] = raw
        elif looks_like_plan(raw):
            if path.parent not in roots:
                roots[path.parent] = repository_root(path)
            root = roots[path.parent]
            key = result_cache.result_key(path, raw, root) if use_cache else None
            kept = result_cache.recall(key, str(path), PlanReport) if key is not None else None
            if isinstance(kept, PlanReport):
                reports[index] = kept
            else:
                todo.append((index, (path, raw, root, key)))
                continue
        done += 1
        if progress is not None:
            progress(done, len(paths))
    for (index, _), report in zip(todo, _run_jobs([job for _, job in todo], jobs), strict=True):
        reports[index] = report
        done += 1
        if progress is not None:
            progress(done, len(paths))
    return [r for r in reports if r is not None]


def _worker_start() -> None:
    """Set what a worker inherits aside from the cyclic GC, and collect less often.

    Frozen, the inherited objects are not scanned, nor written to (and so copied from the
    pages the worker shares with its parent). A plan's objects hardly ever form cycles:
    collecting after every 5,000 new ones instead of 700 saves ~2 % of a plan's cost.
    """
    gc.freeze()
    gc.set_threshold(5000, 10, 10)


def _run_jobs(work: Sequence[_Job], jobs: int) -> Iterator[PlanReport | None]:
    """The jobs' reports in their order, as they come (over worker processes for many files)."""
    if jobs <= 1 or len(work) < PARALLEL_FROM:
        yield from map(_check_job, work)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    load_reference()  # loaded once here, inherited by forked workers
    stored_validator()  # so is the plan's validator
    # Small chunks (~20 plans of 1,200 on 2 cores): when the last is handed out, the other
    # workers wait at most that long (chunks of 75 left a core idle for up to ~0.7 s).
    chunk = max(1, len(work) // (jobs * 32))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start) as pool:
        yield from pool.map(_check_job, work, chunksize=chunk)


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
                if code in NAMES_OLD_FILE:
                    params = {**params, "old_file": old.file}
                findings.append(locate(document(old if side == "old" else new), code, loc, params))
    return _acknowledged(reports, findings, document)


def _acknowledged(reports: Sequence[PlanReport], findings: list[Finding],
                  document: Callable[[PlanReport], Any]) -> list[Finding]:
    """Cross-year findings with each plan's acknowledgements applied; E1301 for those matching none."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.file].append(finding)
    result: list[Finding] = []
    for report in reports:
        matched, unused = match_findings(by_file.pop(report.file, []), report.acknowledgements)
        result.extend(matched)
        for item in unused:
            issue = unmatched_issue(item)
            result.append(locate(document(report), issue.code, issue.loc, issue.params))
    for rest in by_file.values():
        result.extend(rest)
    return result


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking a repository."""

    root: Path
    plans: tuple[PlanReport, ...]
    suppressed: int = 0
    baselined: tuple[Finding, ...] = ()
    """Findings the baseline accepts: not counted, but kept (SARIF marks them suppressed)."""
    source_root: Path | None = None
    """The repository's root for reports' paths (SARIF, Code Quality); None: the git top level."""
    repository_findings: tuple[Finding, ...] = ()
    """Findings about the repository rather than one plan (W1601: a stale schema copy)."""

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, in file and position order."""
        return tuple(sorted([*(f for plan in self.plans for f in plan.findings), *self.repository_findings]))

    @property
    def errors(self) -> int:
        """All error findings."""
        return sum(p.errors for p in self.plans) + count_by_severity(self.repository_findings)[Severity.ERROR]

    @property
    def warnings(self) -> int:
        """All warning findings."""
        return sum(p.warnings for p in self.plans) + count_by_severity(self.repository_findings)[Severity.WARNING]


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
    progress: Progress | None = None,
    use_cache: bool = True,
) -> CheckResult:
    """Check every plan under `root` (`progress(done, total)` is told as files are checked).

    `use_cache`: recall the kept result of a file checked before with the very same
    input, and keep the new ones (`planas.repository.result_cache`).
    """
    settings = settings or load_settings(root)
    paths = [p for p in discover_yaml_files(root) if not _excluded(p, root, settings.exclude)]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    reports = _check_all(paths, workers, progress, use_cache)
    extra = _duplicate_findings(reports) + _cross_year(reports, settings.jump)
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in extra:
        by_file[finding.file].append(finding)
    baselined: list[Finding] = []
    final = []
    for report in reports:
        kept = []
        for finding in (*report.findings, *by_file.get(report.file, ())):
            adjusted = _apply_settings(finding, settings)
            if adjusted is None:
                continue
            if fingerprint(adjusted, root) in baseline:
                baselined.append(adjusted)
                continue
            kept.append(adjusted)
        final.append(replace(report, findings=tuple(sorted(set(kept))), facts=None))
    settled = (_apply_settings(f, settings) for f in schema_copy_findings(root))
    repository = tuple(f for f in settled if f is not None)
    return CheckResult(root, tuple(sorted(final, key=lambda r: r.file)), len(baselined),
                       tuple(sorted(set(baselined))), repository_findings=repository)


__all__ = [
    "CheckResult",
    "PlanReport",
    "check_bytes",
    "check_repository",
]
