"""Validating plans: loading, structure (the model) and semantic rules, as located findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from planas.findings import Finding, FindingCounts, format_path, make_params
from planas.loading.positional import (
    LoadedDocument,
    LoadProblem,
    decode_plan_bytes,
    load_plan_text,
    read_plan_bytes,
)
from planas.model import Plan
from planas.reference import Reference, load_reference
from planas.validation.registry import RULES
from planas.validation.rules import semantic_issues
from planas.validation.structural import structural_findings


@dataclass(frozen=True)
class FileResult(FindingCounts):
    """The outcome of validating one plan file."""

    file: str
    findings: tuple[Finding, ...]
    plan: Plan | None = None
    document: LoadedDocument | None = None


MAX_FINDINGS = 500
"""Findings reported per file; a broken generator can produce millions, nobody reads them."""


def _more(doc: LoadedDocument, hidden: int) -> tuple[Finding, ...]:
    if hidden <= 0:
        return ()
    return (Finding(doc.file, 1, 1, "E0209", RULES["E0209"].severity, "", make_params({"count": hidden})),)


def _raw_status(data: dict[str, object]) -> str:
    metadata = data.get("metadata")
    status = metadata.get("status") if isinstance(metadata, dict) else None
    return status if isinstance(status, str) else "patvirtintas"


def validate_document(
    doc: LoadedDocument, reference: Reference | None = None
) -> tuple[Plan | None, tuple[Finding, ...]]:
    """Validate loaded data: the model first, then (when it holds) the semantic rules."""
    reference = reference or load_reference()
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as error:
        status = _raw_status(doc.data)
        shown = tuple(sorted(structural_findings(error, doc, status, limit=MAX_FINDINGS)))
        return None, shown + _more(doc, error.error_count() - len(shown))
    status = plan.metadata.status
    findings = []
    for issue in semantic_issues(plan, reference):
        pos = doc.positions.locate(issue.loc, key=issue.key)
        findings.append(
            Finding(
                file=doc.file,
                line=pos.line,
                column=pos.column,
                code=issue.code,
                severity=RULES[issue.code].severity_for(status),
                path=format_path(issue.loc),
                params=make_params(issue.params),
            )
        )
    kept = sorted(set(findings))
    return plan, tuple(kept[:MAX_FINDINGS]) + _more(doc, len(kept) - MAX_FINDINGS)


def _problem_result(file: str, problem: LoadProblem) -> FileResult:
    finding = Finding(
        file=file,
        line=problem.line,
        column=problem.column,
        code=problem.code,
        severity=RULES[problem.code].severity,
        params=make_params(problem.params),
    )
    return FileResult(file=file, findings=(finding,))


def validate_bytes(raw: bytes, file: str, reference: Reference | None = None) -> FileResult:
    """Validate a plan given as bytes (`file` names it in findings)."""
    try:
        doc = load_plan_text(decode_plan_bytes(raw), file)
    except LoadProblem as problem:
        return _problem_result(file, problem)
    plan, findings = validate_document(doc, reference)
    return FileResult(file=file, findings=findings, plan=plan, document=doc)


def validate_file(path: Path, reference: Reference | None = None) -> FileResult:
    """Validate one plan file. Raises `UsageError` when the file cannot be read at all."""
    try:
        raw = read_plan_bytes(path)
    except LoadProblem as problem:
        return _problem_result(str(path), problem)
    return validate_bytes(raw, str(path), reference)


__all__ = ["FileResult", "validate_bytes", "validate_document", "validate_file"]
