"""`planas check` results for every CI surface: text, JSON, GitHub, JUnit, SARIF, Code Quality, Markdown.

Every machine report names the planas version and the reference data's version.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote
from xml.etree import ElementTree

from planas import __version__
from planas.findings import Finding, Severity
from planas.i18n import collation_key, counted
from planas.reference import load_reference
from planas.repository.check import CheckResult, PlanReport
from planas.repository.init import PROJECT_URL
from planas.validation import FileResult
from planas.validation.registry import RULES, Lang, Rule, clause, hint, message
from planas.validation.report import (
    acknowledged_note,
    finding_dict,
    format_finding_text,
    report_github,
)

CheckFormat = Literal["text", "json", "github", "junit", "sarif", "codequality", "md"]
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _relative(file: str, root: Path) -> str:
    try:
        return Path(file).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()


def repository_root(start: Path) -> Path:
    """The git top level above `start` (a `.git` folder or file), or `start` itself outside git."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _source_root(result: CheckResult) -> Path:
    return (result.source_root or repository_root(result.root)).resolve()


def _summary_line(result: CheckResult, lang: Lang) -> str:
    plans, errors, warnings = len(result.plans), result.errors, result.warnings
    suppressed = f", {counted(lang, result.suppressed, 'known')} (baseline)" if result.suppressed else ""
    acknowledged = acknowledged_note(sum(p.acknowledged for p in result.plans), lang)
    return (f"{counted(lang, plans, 'plan')}: {counted(lang, errors, 'error')}, "
            f"{counted(lang, warnings, 'warning')}{acknowledged}{suppressed}")


def _latest(result: CheckResult) -> dict[str, list[PlanReport]]:
    by_municipality: dict[str, list[PlanReport]] = defaultdict(list)
    for plan in result.plans:
        by_municipality[plan.municipality or "?"].append(plan)
    for plans in by_municipality.values():
        plans.sort(key=lambda p: (p.year or 0, p.file))
    return dict(sorted(by_municipality.items(), key=lambda item: collation_key(item[0])))


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


_SCORECARD_HEADER: dict[str, tuple[str, ...]] = {
    "lt": ("Savivaldybė", "Planai (metai)", "Naujausi", "Užpildyta", "Klaidos", "Įspėjimai"),
    "en": ("Municipality", "Plans (years)", "Latest", "Filled", "Errors", "Warnings"),
}
_FINDINGS_HEADER: dict[str, tuple[str, ...]] = {
    "lt": ("Failas", "Vieta", "Kodas", "Pranešimas"),
    "en": ("File", "Position", "Code", "Message"),
}


def report_text(result: CheckResult, lang: Lang) -> str:
    """Findings like `validate`, then the completeness scorecard."""
    lines = [format_finding_text(f, lang) for f in result.findings]
    header = _SCORECARD_HEADER[lang]
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
                    "acknowledged": sum(p.acknowledged for p in result.plans),
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
                "acknowledged": p.acknowledged,
                "completeness": round(p.completeness_share, 3),
                "sections": dict(p.completeness),
                "findings": [finding_dict(f, lang) for f in p.findings],
            }
            for p in result.plans
        ],
        "repository_findings": [finding_dict(f, lang) for f in result.repository_findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def report_github_check(result: CheckResult, lang: Lang) -> str:
    """GitHub workflow-command annotations."""
    files = [FileResult(p.file, p.findings) for p in result.plans]
    files += [FileResult(f.file, (f,)) for f in result.repository_findings]
    return report_github(files, lang)


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
        # An acknowledged warning is shown but never fails the case, not even with --strict.
        failing = [f for f in plan.findings if f.acknowledged is None and (f.severity is Severity.ERROR or strict)]
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


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _neutral(text: str) -> str:
    """A rule's message or hint with its `{placeholders}` left out (a rule's text, not a finding's)."""
    return re.sub(r"\s+([.,:;)])", r"\1", _PLACEHOLDER.sub("…", text)).strip()


def rule_texts(rule: Rule, lang: Lang) -> tuple[str, str]:
    """(description, hint) of a rule in the reader's language, without placeholders."""
    if lang == "en":
        return _neutral(rule.message_en), _neutral(rule.hint_en)
    return _neutral(rule.message_lt), _neutral(rule.hint_lt)


def rule_help_uri(code: str) -> str:
    """The rule's entry in docs/rules.md (each heading has an anchor by its code)."""
    return f"{PROJECT_URL}/blob/v{__version__}/docs/rules.md#{code.lower()}"


def artifact_uri(file: str, root: Path) -> tuple[str, bool]:
    """(URI, relative to `root`) of a file: percent-encoded, so that any file name is a valid URI.

    A path relative to the repository root is a relative reference (`%3A` for
    `:`, so `klaida:2.yaml` is no scheme; `%23`, `%25`, `%20`, UTF-8 for `š`);
    a file outside it gets an absolute `file:` URI.
    """
    path = Path(file).resolve()
    try:
        return quote(path.relative_to(root).as_posix(), safe="/"), True
    except ValueError:
        return path.as_uri(), False


def finding_fingerprint(finding: Finding, root: Path) -> str:
    """A finding's identity across commits: rule, file and YAML path, not the line it is on."""
    uri, _ = artifact_uri(finding.file, root)
    return hashlib.sha256(f"{finding.code}|{uri}|{finding.path}".encode()).hexdigest()


def _pascal(code: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", _PLACEHOLDER.sub(" ", RULES[code].message_en.split(":")[0]))
    return "".join(word[:1].upper() + word[1:] for word in words[:6]) or code


def rule_name(code: str) -> str:
    """A rule's friendly name in Pascal case (SARIF `name`), from its English message: `UnknownKey`.

    Two rules whose messages start alike get their codes appended (`InvalidValueE0203`).
    """
    name = _pascal(code)
    twins = [other for other in RULES if other != code and _pascal(other) == name]
    return f"{name}{code}" if twins else name


def _sarif_rule(code: str, lang: Lang) -> dict[str, Any]:
    rule = RULES[code]
    description, rule_hint = rule_texts(rule, lang)
    basis = "Pagrindas" if lang == "lt" else "Clause"
    return {
        "id": code,
        "name": rule_name(code),
        "shortDescription": {"text": description},
        "fullDescription": {"text": f"{description} {rule_hint}"},
        "help": {"text": f"{rule_hint} {basis}: {rule.clause}.",
                 "markdown": f"{rule_hint}\n\n**{basis}:** {rule.clause}"},
        "helpUri": rule_help_uri(code),
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"clause": rule.clause},
    }


def _sarif_result(finding: Finding, index: int, root: Path, lang: Lang, suppressed: bool) -> dict[str, Any]:
    uri, relative = artifact_uri(finding.file, root)
    location: dict[str, Any] = {"uri": uri, "uriBaseId": "SRCROOT"} if relative else {"uri": uri}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": "error" if finding.severity is Severity.ERROR else "warning",
        "message": {"text": f"{message(finding, lang)} {hint(finding, lang)} ({clause(finding)})."},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": finding.line, "startColumn": finding.column},
            },
            "logicalLocations": [{"fullyQualifiedName": finding.path or "/", "kind": "member"}],
        }],
        "partialFingerprints": {"planasFinding/v1": finding_fingerprint(finding, root)},
    }
    if suppressed:
        justification = ("Žinomas radinys (planas check --baseline)" if lang == "lt"
                         else "A known finding (planas check --baseline)")
        # No `status`: SARIF 2.1.0's final schema calls it `status`, its rtm.4 draft `state`; both optional.
        result["suppressions"] = [{"kind": "external", "justification": justification}]
    elif finding.acknowledged is not None:  # acknowledged in the plan itself, with its reason
        result["suppressions"] = [{"kind": "inSource", "justification": finding.acknowledged}]
    return result


def report_sarif(result: CheckResult, lang: Lang) -> str:
    """SARIF 2.1.0: one run, the rules that fired, one result per finding (baselined ones suppressed).

    URIs are relative to the repository root (the git top level, or
    `--sarif-root`), which code scanning resolves against the checkout.
    """
    root = _source_root(result)
    tagged = sorted([(f, False) for f in result.findings] + [(f, True) for f in result.baselined])
    codes = sorted({f.code for f, _ in tagged})
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "planas", "version": __version__, "semanticVersion": __version__,
                "informationUri": PROJECT_URL,
                "rules": [_sarif_rule(code, lang) for code in codes],
                "properties": {"reference_version": load_reference().version},
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(f, codes.index(f.code), root, lang, known) for f, known in tagged],
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def report_codequality(result: CheckResult, lang: Lang) -> str:
    """GitLab Code Quality (a CodeClimate subset): merge requests show each finding on its line.

    Fields as GitLab documents them: description, check_name, fingerprint (unique
    per finding), severity, location.path (from the repository root) and
    location.lines.begin. Baselined findings are left out: they are accepted.
    """
    root = _source_root(result)
    issues = []
    seen: set[str] = set()
    for finding in result.findings:
        digest = finding_fingerprint(finding, root)
        unique = hashlib.sha256(f"{digest}|{sorted(finding.params)}".encode()).hexdigest()
        while unique in seen:  # the same rule twice at the same YAML path
            unique = hashlib.sha256(unique.encode()).hexdigest()
        seen.add(unique)
        _, relative = artifact_uri(finding.file, root)
        path = Path(finding.file).resolve().relative_to(root).as_posix() if relative else finding.file
        issues.append({
            "description": f"{finding.code} {message(finding, lang)} {hint(finding, lang)}",
            "check_name": finding.code,
            "fingerprint": unique,
            "severity": ("major" if finding.severity is Severity.ERROR
                         else "info" if finding.acknowledged is not None else "minor"),
            "location": {"path": path, "lines": {"begin": finding.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def report_markdown(result: CheckResult, lang: Lang) -> str:
    """The scorecard and the findings as Markdown (GitHub job summary, merge-request note)."""
    data = "reference data" if lang == "en" else "žinynai"
    lines = ["## planas check", "",
             f"planas {__version__}, {data} {load_reference().version}. {_summary_line(result, lang)}.", ""]
    rows = scorecard_rows(result)
    if rows:
        lines += ["| " + " | ".join(_SCORECARD_HEADER[lang]) + " |", "|---|---|---:|---:|---:|---:|"]
        lines += [f"| {' | '.join(row)} |" for row in rows]
        lines.append("")
        latest = [plans[-1] for plans in _latest(result).values()]
        # The first plan that has sections: an unreadable file ("?") has none, and must not hide the table.
        complete = next((plan for plan in latest if plan.completeness), None)
        sections = [name for name, _ in complete.completeness] if complete is not None else []
        if sections:
            summary = ("Filled sections of the form (latest plans)" if lang == "en"
                       else "Užpildyti formos skirsniai (naujausi planai)")
            lines += [f"<details><summary>{summary}</summary>", "",
                      f"| {_SCORECARD_HEADER[lang][0]} | " + " | ".join(s.split(".")[0] for s in sections) + " |",
                      "|---|" + "---|" * len(sections)]
            for plan in (p for p in latest if p.completeness):
                marks = dict(plan.completeness)
                lines.append(f"| {plan.municipality} {plan.year} | "
                             + " | ".join("✓" if marks.get(s) else "–" for s in sections) + " |")
            lines += ["", ("Sections: " if lang == "en" else "Skirsniai: ") + "; ".join(sections) + ".", "", "</details>", ""]
    findings = result.findings
    if findings:
        lines += ["| " + " | ".join(_FINDINGS_HEADER[lang]) + " |", "|---|---|---|---|"]
        for f in findings[:200]:
            text = message(f, lang)
            if f.acknowledged is not None:
                text += f" ({'pripažinta' if lang == 'lt' else 'acknowledged'}: {f.acknowledged})"
            text = text.replace("|", "\\|").replace("\n", " ")
            name = _relative(f.file, result.root).replace("|", "\\|")
            lines.append(f"| {name} | {f.line}:{f.column} | {f.code} | {text} |")
        if len(findings) > 200:
            lines.append(f"| … | | | {'and' if lang == 'en' else 'dar'} {len(findings) - 200} |")
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
    "codequality": lambda result, lang, _strict: report_codequality(result, lang),
    "md": lambda result, lang, _strict: report_markdown(result, lang),
}
"""Every format of `check`'s report, by the name `--format` and `--report` use."""
