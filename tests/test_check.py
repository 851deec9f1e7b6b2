"""`planas check`: a repository of plans, every CI surface, baselines, settings, the fast path."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planas.loading.fast import SlowPath, fast_load
from planas.loading.positional import LoadProblem, load_plan_text
from planas.repository.check import check_repository

from .conftest import DATA, EXAMPLE, ROOT, run_planas

EXAMPLES = ROOT / "examples"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "planai"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def broken_repo(repo: Path) -> Path:
    plan = repo / "birstonas-2021" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("      goal: T3\n", "      goal: T33\n", 1),
                    encoding="utf-8")
    return repo


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_examples_pass() -> None:
    run = run_planas("check", "examples")
    assert run.code == 0, run
    assert "Birštono savivaldybė" in run.stdout and "100 %" in run.stdout


def test_one_broken_plan_is_named_with_line_and_column_in_every_format(broken_repo: Path, tmp_path: Path) -> None:
    plan = broken_repo / "birstonas-2021" / "plan.yaml"
    line = _line_of(plan, "goal: T33")
    reports = {kind: tmp_path / f"r.{kind}" for kind in ("junit", "sarif", "json", "md")}
    args = [f"--report={k}:{v}" for k, v in reports.items()]
    text = run_planas("check", broken_repo, *args)
    assert text.code == 1, text
    assert f"{plan}:{line}:13: E0301" in text.stdout
    github = run_planas("check", broken_repo, "--format", "github")
    assert github.code == 1 and f"file={plan},line={line},col=13,title=E0301" in github.stdout
    stdout_json = json.loads(run_planas("check", broken_repo, "--format", "json").stdout)
    broken = next(p for p in stdout_json["plans"] if p["errors"])
    assert broken["file"] == "birstonas-2021/plan.yaml"
    goal = next(f for f in broken["findings"] if f["code"] == "E0301")
    assert (goal["line"], goal["column"]) == (line, 13)
    assert stdout_json["planas_version"] and stdout_json["reference_version"]
    sarif = json.loads(reports["sarif"].read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "E0301")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, 13)
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "birstonas-2021/plan.yaml"
    suite = ElementTree.fromstring(reports["junit"].read_text(encoding="utf-8"))
    cases = suite.findall("testcase")
    plans = len({p.parent for p in broken_repo.rglob("plan.yaml")})
    assert len(cases) == plans and suite.get("failures") == "1"
    failure = next(c for c in cases if c.find("failure") is not None)
    assert failure.get("name") == "birstonas-2021/plan.yaml"
    assert f":{line}:13: E0301" in (failure.find("failure").text or "")  # type: ignore[union-attr]
    assert f"| birstonas-2021/plan.yaml | {line}:13 | E0301 |" in reports["md"].read_text(encoding="utf-8")
    assert json.loads(reports["json"].read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_baseline_round_trip(broken_repo: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run_planas("check", broken_repo, "--write-baseline", baseline).code == 0
    assert run_planas("check", broken_repo, "--baseline", baseline).code == 0
    plan = broken_repo / "birstonas-2020" / "plan.yaml"
    # Shifting lines does not matter; a new error does.
    plan.write_text("# nauja eilutė\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_planas("check", broken_repo, "--baseline", baseline).code == 0
    plan.write_text(plan.read_text(encoding="utf-8").replace("      goal: T4\n", "      goal: T44\n", 1),
                    encoding="utf-8")
    run = run_planas("check", broken_repo, "--baseline", baseline)
    assert run.code == 1 and "T44" in run.stdout and "T33" not in run.stdout


def test_duplicate_municipality_and_year(repo: Path) -> None:
    shutil.copy(EXAMPLE, repo / "kopija.yaml")
    run = run_planas("check", repo)
    assert run.code == 1 and "E1101" in run.stdout


def test_settings_override_severity_and_disable(repo: Path) -> None:
    (repo / ".planas.yaml").write_text("severity:\n  X1002: error\n", encoding="utf-8")
    assert run_planas("check", repo).code == 1
    (repo / ".planas.yaml").write_text("disabled: [X1002]\n", encoding="utf-8")
    run = run_planas("check", repo, "--strict")
    assert run.code == 0 and "X1002" not in run.stdout
    (repo / ".planas.yaml").write_text("severity:\n  NERA: error\n", encoding="utf-8")
    bad = run_planas("check", repo)
    assert bad.code == 2 and "Traceback" not in bad.stderr


def test_strict_fails_on_warnings_and_step_summary(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# ankstesnis žingsnis\n", encoding="utf-8")
    run = run_planas("check", repo, "--strict", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 1  # X1002 is a warning
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# ankstesnis žingsnis\n") and "## planas check" in text
    assert "| Birštono savivaldybė | 3 (2020–2027) | 2027 | 100 % | 0 | 1 |" in text


def test_missing_repository_exits_2() -> None:
    run = run_planas("check", "nera-tokio-aplanko")
    assert run.code == 2 and "Traceback" not in run.stderr


def test_parallel_and_sequential_agree(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import national_repo
    finally:
        sys.path.pop(0)
    files = national_repo.build(tmp_path / "nat", municipalities=3, years=9, broken=3)
    assert len(files) == 27
    one = check_repository(tmp_path / "nat", jobs=1, use_cache=False)
    two = check_repository(tmp_path / "nat", jobs=2)  # checked by the workers, which keep each result
    assert one == two
    assert check_repository(tmp_path / "nat", jobs=2) == one  # ... recalled, in the same order
    assert one.errors >= 3
    broken = {p.file for p in one.plans if p.errors}
    assert len(broken) == 3
    clean = next(f for f in files if str(f) not in broken)
    raw = clean.read_bytes()
    assert _normal(fast_load(raw)) == _normal(load_plan_text(raw.decode("utf-8"), "x").data)


def test_pre_commit_hook_command(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = hooks[0]
    assert hook["id"] == "planas-validate"
    assert hook["types"] == ["yaml"] and "files" not in hook  # plans by content, not by name
    command = hook["entry"].split()
    assert command[0] == "planas"
    assert run_planas(*command[1:], EXAMPLE).code == 0
    assert run_planas(*command[1:], DATA / "invalid" / "unknown-goal.yaml").code == 1
    other = tmp_path / "2024.yaml"
    other.write_text("database:\n  host: localhost\n", encoding="utf-8")
    assert run_planas(*command[1:], other).code == 0  # no plan: skipped


def test_action_runs_the_check_it_declares(repo: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "planas check")
    assert step["env"] == {"PLANAS_PATH": "${{ inputs.path }}", "PLANAS_ARGS": "${{ inputs.args }}"}
    assert "${{" not in step["run"]  # inputs reach the shell through env: only
    command = step["run"].split("\n", 1)[1].replace("\\\n", " ")
    command = command.replace('"$PLANAS_PATH"', str(repo)).replace('"${extra[@]}"', "")
    words = command.split()
    assert words[0] == "planas"
    run = run_planas(*words[1:], cwd=repo)
    assert run.code == 0, run
    assert (repo / "planas.sarif").is_file() and (repo / "planas-junit.xml").is_file()
    assert "::warning file=" in run.stdout


def _normal(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


@pytest.mark.parametrize("path", [*sorted((DATA / "valid").glob("*.yaml")), EXAMPLE,
                                  EXAMPLES / "birstonas-2020" / "plan.yaml"], ids=lambda p: p.parent.name + p.stem)
def test_fast_path_reads_exactly_what_the_positional_loader_reads(path: Path) -> None:
    raw = path.read_bytes()
    assert _normal(fast_load(raw)) == _normal(load_plan_text(raw.decode("utf-8"), "x").data)


_SCALARS = st.sampled_from(
    ["1", "010", "0o17", "0x1F", "-5", "+5", "1.50", ".5", "1e3", "~", "null", "Null", "true", "True", "FALSE",
     ".inf", "-.inf", ".nan", "NO", "yes", "2021-02-12", "'quoted'", '"x"', "a b", "-", "12 345", "0", "00"]
)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(_SCALARS, min_size=1, max_size=6), flow=st.booleans())
def test_fast_path_agrees_or_steps_aside(values: list[str], flow: bool) -> None:
    if flow:
        text = "a: [" + ", ".join(values) + "]\n"
    else:
        text = "".join(f"k{i}: {v}\n" for i, v in enumerate(values))
    try:
        slow = load_plan_text(text, "x").data
    except LoadProblem:
        slow = None
    try:
        fast = fast_load(text.encode("utf-8"))
    except SlowPath:
        return
    assert slow is not None
    assert _normal(fast) == _normal(slow)


@pytest.mark.parametrize("text", [
    "a: &x 1\n", "a: [*x]\n", "a: !t 1\n", "a: ! x\n", "<<: {b: 1}\n", "--- \na: 1\n", "a: 1\n...\n",
    "a: 1\n---\nb: 2\n", "a:\t{b: 1}\n", "a: ?x\n", "a: ~\n", "a: [1, True]\n", "a: 010\n", "a: -0x1F\n",
    "a: +5\n", '"2021": 1\n', "'2021': 1\n", "a: b\u0086c\n", "a: b\x07\n",
    "a: b\n\ufeffc: d\n", "a: b\r c\n", "a: \"\\ud800\"\n", "a: .inf\n",
], ids=repr)
def test_the_fast_path_steps_aside_where_the_readers_could_differ(text: str) -> None:
    with pytest.raises(SlowPath):
        fast_load(text.encode("utf-8"))


@pytest.mark.parametrize("text", [
    "a: Ar? taip, A&B svarbu* 2020-2022 m. 1+1 = 2, 'x' ir \"y\"\n", "a: 2020\nb: [1000, 20.50]\n",
    "a: \"Pagalba į namus\"\nb: 'žr. 1 priedą'\n", "a: 1 000 Eur, Nr. 010\n",
], ids=repr)
def test_ordinary_prose_and_numbers_stay_on_the_fast_path(text: str) -> None:
    assert _normal(fast_load(text.encode("utf-8"))) == _normal(load_plan_text(text, "x").data)


def _nesting(node: object, definitions: dict[str, object], seen: tuple[str, ...] = ()) -> int:
    """How many mappings and lists deep a document the schema accepts can be (a cycle fails the test)."""
    if not isinstance(node, dict):
        return 0
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        assert name not in seen, f"the plan schema refers to itself: {' -> '.join((*seen, name))}"
        return _nesting(definitions[name], definitions, (*seen, name))
    children = [*node.get("properties", {}).values(), *node.get("patternProperties", {}).values(),
                *node.get("anyOf", []), *node.get("oneOf", []), *node.get("allOf", [])]
    children += [node[key] for key in ("items", "additionalProperties") if isinstance(node.get(key), dict)]
    own = 1 if node.get("type") in ("object", "array") else 0
    return own + max((_nesting(child, definitions, seen) for child in children), default=0)


def test_the_model_bounds_the_nesting_the_fast_path_leaves_unchecked() -> None:
    # validate_bytes reads with fast_load(bounded=True): a plan the model accepts cannot nest
    # deeper than the positional loader allows, and one it refuses is read again with positions.
    from planas.loading.positional import MAX_DEPTH

    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert 5 <= _nesting(schema, schema["$defs"]) < MAX_DEPTH


def test_a_plan_nested_too_deep_is_refused_with_its_position(tmp_path: Path) -> None:
    from planas.loading.positional import MAX_DEPTH
    from planas.validation import validate_file

    text = EXAMPLE.read_text(encoding="utf-8")
    deep = "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)
    path = tmp_path / "deep.yaml"
    path.write_text(text.replace("\nmetadata:\n", f"\nextra_key: {deep}\nmetadata:\n", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(f"extra_key: {deep}") + 1
    assert [(f.code, f.line) for f in validate_file(path).findings] == [("E0109", line)]
