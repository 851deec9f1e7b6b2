"""Validating plans: loading, structure (the model) and semantic rules, as located findings.

A plan is read, validated and its criteria evaluated once: the `FileResult`
carries the model, the findings and the criteria table, and `render`, `diff`
and `check` reuse it. Clean plans are read on the fast path (no positions);
only a plan with findings is read again with positions, to locate them: its
model and rules are not run twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planas.criteria import CriteriaTable, evaluate_criteria
from planas.findings import Finding, FindingCounts, format_path, make_params
from planas.loading.fast import SlowPath, fast_load
from planas.loading.positional import (
    LoadedDocument,
    LoadProblem,
    decode_plan_bytes,
    load_plan_text,
    read_plan_bytes,
)
from planas.model import Plan, validate_plan
from planas.reference import Reference, load_reference
from planas.validation import prebuilt
from planas.validation.issue import Issue
from planas.validation.registry import RULES
from planas.validation.rules import semantic_issues
from planas.validation.structural import structural_findings

prebuilt.install()  # the model's pydantic schema from the cache (built once per model and pydantic version)


@dataclass(frozen=True)
class FileResult(FindingCounts):
    """The outcome of validating one plan file: findings, and the model and criteria when it holds."""

    file: str
    findings: tuple[Finding, ...]
    plan: Plan | None = None
    criteria: CriteriaTable | None = None
    data: dict[str, Any] | None = None
    source_sha256: str | None = None
    """SHA-256 of the file's bytes: the rendered document records which file it was made from."""


MAX_FINDINGS = 500
"""Findings reported per file; a broken generator can produce millions, nobody reads them."""


def _more(file: str, hidden: int) -> tuple[Finding, ...]:
    if hidden <= 0:
        return ()
    return (Finding(file, 1, 1, "E0209", RULES["E0209"].severity, "", make_params({"count": hidden})),)


def _raw_status(data: dict[str, object]) -> str:
    metadata = data.get("metadata")
    status = metadata.get("status") if isinstance(metadata, dict) else None
    return status if isinstance(status, str) else "patvirtintas"


def _structural(doc: LoadedDocument, error: ValidationError) -> tuple[Finding, ...]:
    status = _raw_status(doc.data)
    shown = tuple(sorted(structural_findings(error, doc, status, limit=MAX_FINDINGS)))
    return shown + _more(doc.file, error.error_count() - len(shown))


def _located(doc: LoadedDocument, plan: Plan, issues: list[Issue]) -> tuple[Finding, ...]:
    status = plan.metadata.status
    findings = set()
    for issue in issues:
        pos = doc.positions.locate(issue.loc, key=issue.key)
        findings.add(Finding(file=doc.file, line=pos.line, column=pos.column, code=issue.code,
                             severity=RULES[issue.code].severity_for(status),
                             path=format_path(issue.loc), params=make_params(issue.params),
                             acknowledged=issue.acknowledged))
    kept = sorted(findings)
    return tuple(kept[:MAX_FINDINGS]) + _more(doc.file, len(kept) - MAX_FINDINGS)


def validate_document(doc: LoadedDocument, reference: Reference | None = None) -> FileResult:
    """Validate loaded data: the model first, then (when it holds) the semantic rules."""
    reference = reference or load_reference()
    try:
        plan = validate_plan(doc.data)
    except ValidationError as error:
        return FileResult(doc.file, _structural(doc, error), data=doc.data)
    criteria = evaluate_criteria(plan, reference)
    findings = _located(doc, plan, semantic_issues(plan, reference, criteria))
    return FileResult(doc.file, findings, plan, criteria, doc.data)


def _problem_result(file: str, problem: LoadProblem) -> FileResult:
    finding = Finding(file=file, line=problem.line, column=problem.column, code=problem.code,
                      severity=RULES[problem.code].severity, params=make_params(problem.params))
    return FileResult(file=file, findings=(finding,))


def _positional(raw: bytes, file: str) -> LoadedDocument | FileResult:
    """The document with positions, or the result of a file that cannot become one."""
    try:
        return load_plan_text(decode_plan_bytes(raw), file)
    except LoadProblem as problem:
        return _problem_result(file, problem)


def validate_bytes(raw: bytes, file: str, reference: Reference | None = None, *, digest: bool = True) -> FileResult:
    """Validate a plan given as bytes (`file` names it in findings; `digest`: record the bytes' SHA-256)."""
    result = _validate_bytes(raw, file, reference)
    return replace(result, source_sha256=hashlib.sha256(raw).hexdigest()) if digest else result


def _validate_bytes(raw: bytes, file: str, reference: Reference | None = None) -> FileResult:
    """The fast path where it answers, the positional reader where it must."""
    reference = reference or load_reference()
    try:
        data = fast_load(raw, bounded=True)  # validated next: the model bounds the depth
    except SlowPath:
        loaded = _positional(raw, file)
        return loaded if isinstance(loaded, FileResult) else validate_document(loaded, reference)
    try:
        plan = validate_plan(data)
    except ValidationError as error:
        loaded = _positional(raw, file)
        if isinstance(loaded, FileResult):  # pragma: no cover - the readers agree (property test)
            return loaded
        return FileResult(file, _structural(loaded, error), data=loaded.data)
    criteria = evaluate_criteria(plan, reference)
    issues = semantic_issues(plan, reference, criteria)
    if not issues:
        return FileResult(file, (), plan, criteria, data)
    loaded = _positional(raw, file)
    if isinstance(loaded, FileResult):  # pragma: no cover - the readers agree (property test)
        return loaded
    return FileResult(file, _located(loaded, plan, issues), plan, criteria, data)


def validate_file(path: Path, reference: Reference | None = None) -> FileResult:
    """Validate one plan file. Raises `UsageError` when the file cannot be read at all."""
    try:
        raw = read_plan_bytes(path)
    except LoadProblem as problem:
        return _problem_result(str(path), problem)
    return validate_bytes(raw, str(path), reference)


__all__ = ["FileResult", "validate_bytes", "validate_document", "validate_file"]
