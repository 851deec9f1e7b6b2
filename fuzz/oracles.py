"""The contract every run must keep, as checks over one observation.

Each check returns violations: (kind, signature, detail). The kind names the
broken promise; the signature groups violations that are one failure.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.etree import ElementTree

from fuzz.positions import decoded, editor_lines, reference_index
from fuzz.runner import Case, Observation
from fuzz.seeds import ROOT

INTERNAL_ERROR = "internal error"
_EXCEPTION_TEXT = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|Value error,|Assertion failed|object has no attribute"
    r"|invalid literal for|unsupported operand|NoneType|decimal\.|<class '"
)


@dataclass(frozen=True)
class Violation:
    """One broken promise."""

    kind: str
    signature: str
    detail: str


def _last_frame(trace: str) -> str:
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', trace)
    ours = [f for f in frames if "/planas/" in f[0]] or frames
    if not ours:
        return "?"
    path, _, name = ours[-1]
    return f"{path.split('/planas/')[-1]}:{name}"


def _exception_name(trace: str) -> str:
    last = trace.strip().splitlines()[-1] if trace.strip() else ""
    return last.split(":")[0]


def check_process(case: Case, seen: Observation) -> list[Violation]:
    """Crashes, the guard, exit codes, time."""
    found = []
    if seen.timed_out:
        found.append(Violation("timeout", case.command, f"no exit after {seen.seconds:.1f} s"))
    if seen.exception is not None:
        found.append(Violation("exception", f"{_exception_name(seen.exception)} at {_last_frame(seen.exception)}",
                               seen.exception[-2000:]))
    found.extend(Violation("traceback", case.command, stream[-2000:]) for stream in (seen.stdout, seen.stderr)
                 if "Traceback (most recent call last)" in stream)
    if INTERNAL_ERROR in seen.stderr:
        detail = seen.stderr.split(INTERNAL_ERROR, 1)[1].strip()
        head = re.sub(r"\d+", "N", detail.splitlines()[0] if detail else "")[:80]
        found.append(Violation("internal-error", head, seen.stderr[-2000:]))
    if seen.exit_code is not None and seen.exit_code not in (0, 1, 2):
        found.append(Violation("exit-code", str(seen.exit_code), seen.stderr[-500:]))
    return found


def _chart_files(case: Case, seen: Observation) -> dict[str, bytes]:
    """A Markdown document's charts, written beside it: `plan.md` -> `plan-grafikai/*.svg` (docs/review.md)."""
    folders = tuple(name.removesuffix(".md") + "-grafikai/" for name, kind in case.outputs.items() if kind == "md")
    return {name: data for name, data in seen.files.items() if folders and name.startswith(folders)
            and name.endswith(".svg")}


def check_files(case: Case, seen: Observation) -> list[Violation]:
    """No temporary file left, no output after a failure, no truncated output (a chart: a whole SVG)."""
    found: list[Violation] = []
    allowed = set(case.outputs) if seen.exit_code == 0 or case.command == "check" else set()
    charts = _chart_files(case, seen) if seen.exit_code == 0 else {}
    allowed |= set(charts)
    found.extend(Violation("invalid-svg", case.command, name) for name, data in charts.items()
                 if b"<svg" not in data or not data.rstrip().endswith(b"</svg>"))
    for name in seen.files:
        if name not in allowed:
            kind = "leftover-temp" if name.endswith(".tmp") or "/." in f"/{name}" else "unexpected-output"
            found.append(Violation(kind, f"{case.command} exit {seen.exit_code}", name))
    if seen.exit_code == 0:
        for name, kind in case.outputs.items():
            data = seen.files.get(name)
            if data is None:
                found.append(Violation("missing-output", f"{case.command} {kind}", name))
                continue
            problem = _output_problem(kind, data)
            if problem is not None:
                found.append(Violation(f"invalid-{kind}", problem[:80], problem))
    elif case.command == "check" and seen.exit_code == 1:
        for name, kind in case.outputs.items():
            data = seen.files.get(name)
            problem = "not written" if data is None else _output_problem(kind, data)
            if problem is not None:
                found.append(Violation(f"invalid-{kind}", problem[:80], problem))
    return found


def _output_problem(kind: str, data: bytes) -> str | None:
    try:
        if kind == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    if name.endswith((".xml", ".rels")):
                        ElementTree.fromstring(archive.read(name))
            return None
        if kind == "md":
            text = data.decode("utf-8")
            return None if text.endswith("\n") and text.strip() else "empty or truncated Markdown"
        if kind == "json" or kind == "codequality":
            json.loads(data.decode("utf-8"))
            return None
        if kind == "sarif":
            return _sarif_problem(json.loads(data.decode("utf-8")))
        if kind == "junit":
            return _junit_problem(data)
    except (zipfile.BadZipFile, ElementTree.ParseError, UnicodeDecodeError, ValueError, KeyError) as error:
        return f"{type(error).__name__}: {error}"
    return None


@cache
def _sarif_validator() -> Any:
    import jsonschema

    # The OASIS SARIF 2.1.0 schema (rtm.4, as shipped by sarif-om; see tests/data/README).
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    return jsonschema.Draft4Validator(schema)


def _sarif_problem(document: Any) -> str | None:
    errors = sorted(_sarif_validator().iter_errors(document), key=lambda e: list(e.path))
    if errors:
        return f"SARIF: {errors[0].message[:200]} at {list(errors[0].path)}"
    return None


def _junit_problem(data: bytes) -> str | None:
    root = ElementTree.fromstring(data)  # expat: strict about well-formedness
    if root.tag != "testsuite":
        return f"JUnit root is {root.tag}"
    cases = root.findall("testcase")
    if int(root.get("tests", "-1")) != len(cases):
        return "JUnit tests count differs from the test cases"
    failing = sum(1 for c in cases if c.find("failure") is not None)
    if int(root.get("failures", "-1")) != failing:
        return "JUnit failures count differs from the failing cases"
    if any(not c.get("name") or c.get("classname") is None for c in cases):
        return "JUnit test case without name or classname"
    return None


def _findings(case: Case, seen: Observation) -> list[dict[str, Any]] | None:
    """The findings a run reported about the plan file, where the output is JSON."""
    try:
        if case.command == "validate" and "--format" in case.args and "json" in case.args:
            payload = json.loads(seen.stdout)
            return [f for file in payload["files"] for f in file["findings"]]
        if case.command == "check" and seen.exit_code in (0, 1):
            payload = json.loads(seen.stdout)
            return [f | {"file": p["file"]} for p in payload["plans"] for f in p["findings"]]
    except (ValueError, KeyError, TypeError):
        return None
    return None


def check_findings(case: Case, seen: Observation) -> list[Violation]:
    """Valid JSON; positions inside the file, at the key or value of the path; retypes found; no exception text."""
    if seen.exit_code not in (0, 1) or seen.exception is not None:
        return []
    found: list[Violation] = []
    if case.command == "diff" and "json" in case.args and seen.exit_code == 0:
        try:
            json.loads(seen.stdout)
        except ValueError as error:
            found.append(Violation("invalid-json", "diff", str(error)))
    findings = _findings(case, seen)
    if findings is None:
        if case.command in ("validate", "check"):
            found.append(Violation("invalid-json", case.command, seen.stdout[:500]))
        return found
    found += [Violation("exception-text", f["code"], text[:300]) for f in findings
              if _EXCEPTION_TEXT.search(text := f"{f.get('message', '')} {f.get('hint', '')}")]
    plan_name = case.plan_file.rsplit("/", 1)[-1]
    ours = [f for f in findings if str(f.get("file", "")).endswith(plan_name)]
    found += _position_violations(decoded(case.inputs[case.plan_file]), ours)
    paths = {f["path"] for f in findings}
    found += [Violation("retype-without-finding", re.sub(r"\[\d+\]", "[]", path), path)
              for path in case.retyped if path not in paths]
    return found


def _position_violations(text: str, findings: list[dict[str, Any]]) -> list[Violation]:
    """Findings outside the file, or not at the key or value of their path."""
    found = []
    lines = editor_lines(text)
    reference = reference_index(text)
    for finding in findings:
        line, column, path = finding["line"], finding["column"], finding["path"]
        if not (1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1):
            found.append(Violation("position-outside-file", finding["code"],
                                   f"{line}:{column} {path} (file has {len(lines)} lines)"))
            continue
        spots = reference.allowed(path) if path and reference is not None else None
        if spots is not None and (line, column) not in spots:
            found.append(Violation("position-not-at-path", finding["code"],
                                   f"{line}:{column} {path}, expected one of {sorted(spots)}"))
    return found


def violations(case: Case, seen: Observation) -> list[Violation]:
    """Every violation of one run."""
    return check_process(case, seen) + check_files(case, seen) + check_findings(case, seen)
