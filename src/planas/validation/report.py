"""Findings -> text, JSON or GitHub annotations (strings; the CLI prints them)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Literal

from planas import __version__
from planas.findings import Finding, Severity
from planas.i18n import counted
from planas.reference import load_reference
from planas.validation import FileResult
from planas.validation.registry import Lang, clause, hint, message

ReportFormat = Literal["text", "json", "github"]
JSON_REPORT_VERSION = 1

_SEVERITY_LT = {Severity.ERROR: "klaida", Severity.WARNING: "įspėjimas"}


def acknowledged_note(count: int, lang: Lang) -> str:
    """`, 2 pripažinti` for a summary line: acknowledged warnings are shown, not counted as warnings."""
    if not count:
        return ""
    return f", pripažinta įspėjimų: {count}" if lang == "lt" else f", {count} acknowledged"


def summary_line(results: Sequence[FileResult], lang: Lang) -> str:
    """One closing line: how many files, errors and warnings (and acknowledged warnings, if any)."""
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    acknowledged = sum(r.acknowledged for r in results)
    return (f"{counted(lang, len(results), 'file')}: {counted(lang, errors, 'error')}, "
            f"{counted(lang, warnings, 'warning')}{acknowledged_note(acknowledged, lang)}")


def severity_label(finding: Finding, lang: Lang) -> str:
    """`klaida`, `įspėjimas`, or `įspėjimas (pripažintas)` for a warning the plan acknowledges."""
    severity = _SEVERITY_LT[finding.severity] if lang == "lt" else finding.severity.value
    if finding.acknowledged is not None:
        severity += " (pripažintas)" if lang == "lt" else " (acknowledged)"
    return severity


def format_finding_text(finding: Finding, lang: Lang) -> str:
    """`file:line:col: CODE severity: message [path]` plus hint and clause lines (and the plan's reason)."""
    path = f" [{finding.path}]" if finding.path else ""
    hint_label, clause_label = ("patarimas", "pagrindas") if lang == "lt" else ("hint", "clause")
    reason = ""
    if finding.acknowledged is not None:
        reason = f"\n    {'pripažinta' if lang == 'lt' else 'acknowledged'}: {finding.acknowledged}"
    return (
        f"{finding.file}:{finding.line}:{finding.column}: {finding.code} {severity_label(finding, lang)}: "
        f"{message(finding, lang)}{path}\n"
        f"    {hint_label}: {hint(finding, lang)}\n"
        f"    {clause_label}: {clause(finding)}{reason}"
    )


def report_text(results: Sequence[FileResult], lang: Lang) -> str:
    """A readable report, grouped by file, ending with a summary line."""
    lines = [format_finding_text(f, lang) for result in results for f in result.findings]
    lines.append(summary_line(results, lang))
    return "\n".join(lines) + "\n"


def finding_dict(finding: Finding, lang: Lang) -> dict[str, object]:
    """One finding as a JSON-ready mapping (stable keys)."""
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "code": finding.code,
        "severity": finding.severity.value,
        "path": finding.path,
        "message": message(finding, lang),
        "hint": hint(finding, lang),
        "clause": clause(finding),
        "params": dict(finding.params),
        "acknowledged": finding.acknowledged,
    }


def report_json(results: Sequence[FileResult], lang: Lang) -> str:
    """A versioned JSON report with provenance (planas and reference-data versions)."""
    payload = {
        "version": JSON_REPORT_VERSION,
        "planas_version": __version__,
        "reference_version": load_reference().version,
        "files": [
            {
                "file": result.file,
                "valid": result.errors == 0,
                "errors": result.errors,
                "warnings": result.warnings,
                "acknowledged": result.acknowledged,
                "findings": [finding_dict(f, lang) for f in result.findings],
            }
            for result in results
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def escape_data(text: str) -> str:
    """A GitHub workflow command's message, escaped as the runner reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A GitHub workflow command's property value (file, title), escaped as the runner reads it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(f: Finding, lang: Lang, title: str | None = None) -> str:
    """One finding as a GitHub Actions workflow command (`title` defaults to the finding's code)."""
    level = "error" if f.severity is Severity.ERROR else "warning"
    text = f"{message(f, lang)} {hint(f, lang)} ({clause(f)})"
    if f.acknowledged is not None:  # shown, but not as a warning: a notice with the plan's reason
        level = "notice"
        text += f" [{'pripažinta' if lang == 'lt' else 'acknowledged'}: {f.acknowledged}]"
    props = (f"file={escape_property(f.file)},line={f.line},col={f.column},"
             f"title={escape_property(title or f.code)}")
    return f"::{level} {props}::{escape_data(text)}"


def report_github(results: Sequence[FileResult], lang: Lang) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = [github_annotation(f, lang) for result in results for f in result.findings]
    lines.append(summary_line(results, lang))
    return "\n".join(lines) + "\n"


REPORTERS: dict[str, Callable[[Sequence[FileResult], Lang], str]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
"""Every format of `validate`'s report: one shape, (results, lang) -> text."""


def render_report(results: Sequence[FileResult], fmt: ReportFormat, lang: Lang) -> str:
    """The report in the chosen format."""
    return REPORTERS[fmt](results, lang)
