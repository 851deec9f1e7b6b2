"""The findings of `planas import` as text, JSON or GitHub annotations, located in the Word document.

The words are validate's (the registry's messages, hints and clauses in the
reader's language); an import finding is located as a planner finds it in Word
(`plan.docx: 3 lentelė, 5 eilutė, 4 stulpelis`), the draft's own validation
findings as `planas validate` locates them (line and column of the YAML).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from planas.importing import ImportResult
from planas.importing.findings import ImportFinding
from planas.validation.registry import Lang, clause, hint, message
from planas.validation.report import (
    escape_data,
    escape_property,
    finding_dict,
    format_finding_text,
    github_annotation,
    severity_label,
)


def _finding_text(result: ImportResult, finding: ImportFinding, lang: Lang) -> str:
    plain = finding.as_finding(result.name)
    hint_label, clause_label = ("patarimas", "pagrindas") if lang == "lt" else ("hint", "clause")
    return (f"{result.name}: {finding.where.text(lang)}: {finding.code} {severity_label(plain, lang)}: "
            f"{message(plain, lang)}\n    {hint_label}: {hint(plain, lang)}\n    {clause_label}: {clause(plain)}")


def report_text(result: ImportResult, lang: Lang) -> str:
    """One block per finding (the import's, then the draft's), then a summary line."""
    lines = [_finding_text(result, finding, lang) for finding in result.findings]
    lines += [format_finding_text(f, lang) for f in result.validation]
    if lang == "lt":
        lines.append(f"{result.name}: importavimo radinių {len(result.findings)}; projekte klaidų: "
                     f"{result.errors}, įspėjimų: {result.warnings}")
    else:
        lines.append(f"{result.name}: {len(result.findings)} import findings; the draft has {result.errors} "
                     f"errors, {result.warnings} warnings")
    return "\n".join(lines) + "\n"


def _finding_dict(result: ImportResult, finding: ImportFinding, lang: Lang) -> dict[str, object]:
    plain = finding.as_finding(result.name)
    return {"location": finding.where.text(lang), "table": finding.where.table, "row": finding.where.row,
            "column": finding.where.col, "paragraph": finding.where.paragraph, "code": finding.code,
            "severity": finding.severity.value, "message": message(plain, lang), "hint": hint(plain, lang),
            "clause": clause(plain), "params": dict(finding.params)}


def report_json(result: ImportResult, lang: Lang) -> str:
    """The document, its SHA-256, the counts, the import's findings (located in Word) and the draft's."""
    payload = {
        "version": 1,
        "document": result.name,
        "sha256": result.sha256,
        "errors": result.errors,
        "warnings": result.warnings,
        "import_findings": [_finding_dict(result, finding, lang) for finding in result.findings],
        "draft_findings": [finding_dict(f, lang) for f in result.validation],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def report_github(result: ImportResult, lang: Lang) -> str:
    """GitHub Actions annotations: the document with the place in Word in the title, then the draft's."""
    lines = []
    for finding in result.findings:
        level = "error" if finding.severity.value == "error" else "warning"
        text = escape_data(message(finding.as_finding(result.name), lang))
        title = escape_property(f"{finding.code} ({finding.where.text(lang)})")
        lines.append(f"::{level} file={escape_property(result.name)},title={title}::{text}")
    lines += [github_annotation(f, lang) for f in result.validation]
    return "".join(line + "\n" for line in lines)


REPORTERS: dict[str, Callable[[ImportResult, Lang], str]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
"""Every format of `planas import`'s findings report."""
