"""`planas check` results for every CI surface: text, JSON, GitHub annotations, JUnit, SARIF, Markdown.

Every machine report names the planas version and the reference data's version.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

from planas import __version__
from planas.findings import Finding, Severity
from planas.i18n import counted, pick
from planas.reference import load_reference
from planas.repository.check import CheckResult, PlanReport
from planas.validation import FileResult
from planas.validation.registry import RULES, Lang, clause, hint, message
from planas.validation.report import finding_dict, format_finding_text, report_github

CheckFormat = Literal["text", "json", "github", "junit", "sarif", "md"]
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _relative(file: str, root: Path) -> str:
    try:
        return Path(file).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()


def _summary_line(result: CheckResult, lang: Lang) -> str:
    plans, errors, warnings = len(result.plans), result.errors, result.warnings
    known = pick(lang, "žinomi (baseline)", "known (baseline)")
    suppressed = f", {result.suppressed} {known}" if result.suppressed else ""
    return (f"{counted(lang, plans, 'plan')}: {counted(lang, errors, 'error')}, "
            f"{counted(lang, warnings, 'warning')}{suppressed}")


def _latest(result: CheckResult) -> dict[str, list[PlanReport]]:
    by_municipality: dict[str, list[PlanReport]] = defaultdict(list)
    for plan in result.plans:
        by_municipality[plan.municipality or "?"].append(plan)
    for plans in by_municipality.values():
        plans.sort(key=lambda p: (p.year or 0, p.file))
    return dict(sorted(by_municipality.items()))


def scorecard_rows(result: CheckResult) -> list[tuple[str, str, str, str, str, str]]:
    """Per municipality: years, latest year, its completeness, errors and warnings of all its plans."""
    rows = []
    for municipality, plans in _latest(result).items():
        latest = plans[-1]
        years = sorted({p.year for p in plans if p.year is not None})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "–")
        rows.append((municipality, f"{len(plans)} ({span})", str(latest.year or "–"),
                     f"{round(latest.completeness_share * 100)} %",
                     str(sum(p.errors for p in plans)), str(sum(p.warnings for p in plans))))
    return rows


def report_text(result: CheckResult, lang: Lang) -> str:
    """Findings like `validate`, then the completeness scorecard."""
    lines = [format_finding_text(f, lang) for f in result.findings]
    header = ("Savivaldybė", "Planai (metai)", "Naujausi", "Užpildyta", "Klaidos", "Įspėjimai")
    rows = scorecard_rows(result)
    if rows:
        widths = [max(len(r[i]) for r in (*rows, header)) for i in range(len(header))]
        lines.append("")
        lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
    lines.append(_summary_line(result, lang))
    return "\n".join(lines) + "\n"


def report_json(result: CheckResult, lang: Lang) -> str:
    """A versioned JSON report with provenance, per plan and with the scorecard."""
    payload = {
        "version": 1,
        "planas_version": __version__,
        "reference_version": load_reference().version,
        "summary": {"plans": len(result.plans), "errors": result.errors, "warnings": result.warnings,
                    "suppressed_by_baseline": result.suppressed},
        "plans": [
            {
                "file": _relative(p.file, result.root),
                "municipality": p.municipality,
                "year": p.year,
                "status": p.status,
                "valid": p.errors == 0,
                "errors": p.errors,
                "warnings": p.warnings,
                "completeness": round(p.completeness_share, 3),
                "sections": dict(p.completeness),
                "findings": [finding_dict(f, lang) for f in p.findings],
            }
            for p in result.plans
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def report_github_check(result: CheckResult, lang: Lang) -> str:
    """GitHub workflow-command annotations."""
    return report_github([FileResult(p.file, p.findings) for p in result.plans], lang)


def report_junit(result: CheckResult, lang: Lang, *, strict: bool = False) -> str:
    """JUnit XML: one test case per plan; errors (and warnings with --strict) fail it."""
    suite = ElementTree.Element("testsuite", {
        "name": "planas check", "tests": str(len(result.plans)),
        "failures": str(sum(1 for p in result.plans if p.errors or (strict and p.warnings))),
        "errors": "0", "skipped": "0",
    })
    properties = ElementTree.SubElement(suite, "properties")
    ElementTree.SubElement(properties, "property", {"name": "planas_version", "value": __version__})
    ElementTree.SubElement(properties, "property", {"name": "reference_version", "value": load_reference().version})
    for plan in result.plans:
        case = ElementTree.SubElement(suite, "testcase", {
            "classname": plan.municipality or "?", "name": _relative(plan.file, result.root), "time": "0"})
        failing = [f for f in plan.findings if f.severity is Severity.ERROR or strict]
        if failing:
            failure = ElementTree.SubElement(case, "failure", {
                "message": f"{len(failing)} findings", "type": failing[0].code})
            failure.text = "\n".join(format_finding_text(f, lang) for f in plan.findings)
        elif plan.findings:
            output = ElementTree.SubElement(case, "system-out")
            output.text = "\n".join(format_finding_text(f, lang) for f in plan.findings)
    _xml_safe(suite)
    ElementTree.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suite, encoding="unicode") + "\n"


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible(text: str) -> str:
    r"""Characters XML 1.0 cannot hold, even as references, spelled out (`\x01`)."""
    return _XML_FORBIDDEN.sub(lambda match: repr(match.group())[1:-1], text)


def _xml_safe(root: ElementTree.Element) -> None:
    """Make every text and attribute XML can hold: ElementTree writes control characters as they are."""
    for element in root.iter():
        element.attrib = {key: _visible(value) for key, value in element.attrib.items()}
        if element.text:
            element.text = _visible(element.text)


def report_sarif(result: CheckResult, lang: Lang) -> str:
    """SARIF 2.1.0: one run, the rules that fired, one result per finding with line and column."""
    findings: list[Finding] = list(result.findings)
    codes = sorted({f.code for f in findings})
    rules = [
        {
            "id": code,
            "shortDescription": {"text": RULES[code].message_en.split(":")[0][:120]},
            "fullDescription": {"text": RULES[code].message_lt if lang == "lt" else RULES[code].message_en},
            "help": {"text": RULES[code].hint_lt if lang == "lt" else RULES[code].hint_en},
            "properties": {"clause": RULES[code].clause},
            "defaultConfiguration": {"level": RULES[code].severity.value},
        }
        for code in codes
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": "error" if f.severity is Severity.ERROR else "warning",
            "message": {"text": f"{message(f, lang)} {hint(f, lang)} ({clause(f)})"},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _relative(f.file, result.root), "uriBaseId": "SRCROOT"},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
                "logicalLocations": [{"fullyQualifiedName": f.path or "/", "kind": "member"}],
            }],
        }
        for f in findings
    ]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "planas", "version": __version__, "semanticVersion": __version__,
                "rules": rules,
                "properties": {"reference_version": load_reference().version},
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": result.root.resolve().as_uri() + "/"}},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def report_markdown(result: CheckResult, lang: Lang) -> str:
    """The scorecard and the findings as Markdown (GitHub job summary, merge-request note)."""
    lines = ["## planas check", "",
             f"planas {__version__}, žinynai {load_reference().version}. {_summary_line(result, lang)}.", ""]
    rows = scorecard_rows(result)
    if rows:
        lines += ["| Savivaldybė | Planai (metai) | Naujausi | Užpildyta | Klaidos | Įspėjimai |",
                  "|---|---|---:|---:|---:|---:|"]
        lines += [f"| {' | '.join(row)} |" for row in rows]
        lines.append("")
        latest = [plans[-1] for plans in _latest(result).values()]
        sections = [name for name, _ in latest[0].completeness] if latest and latest[0].completeness else []
        if sections:
            lines += ["<details><summary>Užpildyti formos skirsniai (naujausi planai)</summary>", "",
                      "| Savivaldybė | " + " | ".join(s.split(".")[0] for s in sections) + " |",
                      "|---|" + "---|" * len(sections)]
            for plan in latest:
                marks = dict(plan.completeness)
                lines.append(f"| {plan.municipality} {plan.year} | "
                             + " | ".join("✓" if marks.get(s) else "–" for s in sections) + " |")
            lines += ["", "Skirsniai: " + "; ".join(sections) + ".", "", "</details>", ""]
    findings = result.findings
    if findings:
        lines += ["| Failas | Vieta | Kodas | Pranešimas |", "|---|---|---|---|"]
        for f in findings[:200]:
            text = message(f, lang).replace("|", "\\|")
            lines.append(f"| {_relative(f.file, result.root)} | {f.line}:{f.column} | {f.code} | {text} |")
        if len(findings) > 200:
            lines.append(f"| … | | | dar {len(findings) - 200} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def render_check(result: CheckResult, fmt: CheckFormat, lang: Lang, *, strict: bool = False) -> str:
    """The check result in one format (every reporter: result, lang, strict -> text)."""
    return REPORTERS[fmt](result, lang, strict)


REPORTERS: dict[str, Callable[[CheckResult, Lang, bool], str]] = {
    "text": lambda result, lang, _strict: report_text(result, lang),
    "json": lambda result, lang, _strict: report_json(result, lang),
    "github": lambda result, lang, _strict: report_github_check(result, lang),
    "junit": lambda result, lang, strict: report_junit(result, lang, strict=strict),
    "sarif": lambda result, lang, _strict: report_sarif(result, lang),
    "md": lambda result, lang, _strict: report_markdown(result, lang),
}
"""Every format of `check`'s report, by the name `--format` and `--report` use."""
