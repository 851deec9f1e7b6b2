"""The findings of filled forms as text, JSON or GitHub annotations, located by sheet and cell.

The words are validate's (the registry's messages, hints and clauses in the
reader's language); only the location differs: `teikejas.xlsx:Paslaugos!C7:`
instead of a line and column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from planas import __version__
from planas.findings import Finding
from planas.forms.apply import FormResult
from planas.i18n import counted
from planas.validation.registry import Lang, clause, hint, message
from planas.validation.report import finding_dict, github_annotation, severity_label


def location(finding: Finding) -> str:
    """`teikejas.xlsx:Paslaugos!C7`, or the file alone (or with its sheet) when no cell is concerned."""
    return f"{finding.file}:{finding.path}" if finding.path else finding.file


def _summary(results: Sequence[FormResult], lang: Lang) -> str:
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    return f"{counted(lang, len(results), 'file')}: {counted(lang, errors, 'error')}, {counted(lang, warnings, 'warning')}"


def report_text(results: Sequence[FormResult], lang: Lang) -> str:
    """One block per finding (location, code, severity, message; hint and clause), then a summary line."""
    hint_label, clause_label = ("patarimas", "pagrindas") if lang == "lt" else ("hint", "clause")
    lines = [f"{location(f)}: {f.code} {severity_label(f, lang)}: {message(f, lang)}\n"
             f"    {hint_label}: {hint(f, lang)}\n    {clause_label}: {clause(f)}"
             for result in results for f in result.findings]
    lines.append(_summary(results, lang))
    return "\n".join(lines) + "\n"


def report_json(results: Sequence[FormResult], lang: Lang) -> str:
    """Validate's JSON report shape, each finding with its `cell` (`Paslaugos!C7`)."""
    payload = {
        "version": 1,
        "planas_version": __version__,
        "files": [{"file": r.file, "valid": r.errors == 0, "errors": r.errors, "warnings": r.warnings,
                   "findings": [{**finding_dict(f, lang), "cell": f.path} for f in r.findings]}
                  for r in results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def report_github(results: Sequence[FormResult], lang: Lang) -> str:
    """GitHub Actions annotations: the file, the cell's row and column, the cell's name in the title."""
    lines = [github_annotation(f, lang, title=f"{f.code} {f.path}".strip())
             for result in results for f in result.findings]
    lines.append(_summary(results, lang))
    return "\n".join(lines) + "\n"


REPORTERS: dict[str, Callable[[Sequence[FormResult], Lang], str]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
"""Every format of `forms merge`'s findings report."""
