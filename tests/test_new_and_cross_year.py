"""`planas new` (next year's draft) and the rules across consecutive years."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from planas.findings import Severity
from planas.loading.positional import load_plan_file, load_plan_text
from planas.repository.check import check_repository
from planas.validation import validate_bytes, validate_file
from planas.validation.crossyear import PlanYear, cross_year_findings

from .conftest import EXAMPLE, ROOT, run_planas

OLD = ROOT / "examples" / "birstonas-2020" / "plan.yaml"


def test_new_draft_loads_and_validates_with_warnings_only(tmp_path: Path) -> None:
    out = tmp_path / "plan-2022.yaml"
    run = run_planas("new", "2022", "--from", EXAMPLE, "-o", out)
    assert run.code == 0, run
    result = validate_file(out)
    assert result.plan is not None
    assert result.plan.metadata.year == 2022 and result.plan.metadata.status == "projektas"
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    codes = {f.code for f in result.findings}
    assert {"C0804", "W0504"} <= codes  # provisional facts and missing plan-year figures are listed
    assert run_planas("validate", out).code == 0


def test_new_keeps_comments_order_and_moves_planned_to_facts(tmp_path: Path) -> None:
    out = tmp_path / "plan-2022.yaml"
    assert run_planas("new", "2022", "--from", EXAMPLE, "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# The working group's members are not named in the sources." in text
    assert "2021: {recipients: 38, provisional: true}" in text
    assert "decision_number" not in text and "body: Birštono savivaldybės taryba" in text
    assert "deadline: 2022-12-31" in text
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line[0] in " #"]
    assert keys == ["schema_version", "metadata", "introduction", "analysis", "action_plan", "monitoring",
                    "criteria"]


def test_new_moves_actuals_into_baselines(tmp_path: Path) -> None:
    out = tmp_path / "plan-2021.yaml"
    assert run_planas("new", "2021", "--from", OLD, "-o", out).code == 0
    plan = validate_file(out).plan
    assert plan is not None
    indicator = next(m for m in plan.action_plan.measures if m.id == "1.1").indicators[0]
    assert (indicator.baseline, indicator.actual) == (Decimal(41), None)


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan-2022.yaml"
    out.write_text("mano darbas\n", encoding="utf-8")
    run = run_planas("new", "2022", "--from", EXAMPLE, "-o", out)
    assert run.code == 2 and "--force" in run.stderr
    assert out.read_text(encoding="utf-8") == "mano darbas\n"
    assert run_planas("new", "2022", "--from", EXAMPLE, "-o", out, "--force").code == 0
    assert out.read_text(encoding="utf-8") != "mano darbas\n"


def test_new_default_output_moves_the_year_in_the_folder_name(tmp_path: Path) -> None:
    folder = tmp_path / "birstonas-2021"
    folder.mkdir()
    (folder / "plan.yaml").write_bytes(EXAMPLE.read_bytes())
    run = run_planas("new", "2022", "--from", folder / "plan.yaml")
    assert run.code == 0, run
    assert (tmp_path / "birstonas-2022" / "plan.yaml").is_file()
    assert run_planas("new", "2020", "--from", folder / "plan.yaml").code == 2  # not after 2021


def _year(path: Path, text: str | None = None) -> PlanYear:
    result = validate_file(path) if text is None else validate_bytes(text.encode("utf-8"), str(path))
    assert result.plan is not None
    document = load_plan_file(path) if text is None else load_plan_text(text, str(path))
    return PlanYear(result.plan, document)


def test_cross_year_rules_on_the_examples() -> None:
    findings = list(cross_year_findings(_year(OLD), _year(EXAMPLE)))
    # The 2020 indicator without an actual is reported in the later plan: the approved 2020 plan gets nothing.
    assert [(f.code, f.file, f.param("ref")) for f in findings] == [("X1002", str(EXAMPLE), "3.2.1")]


def test_baseline_against_last_years_actual_and_unexplained_jump() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("unit: asm., baseline: 41, target: 46", "unit: asm., baseline: 35, target: 46")
    text = text.replace("2021: {planned: 13}\n      illustrative: true\n    - service: trumpalaike",
                        "2021: {planned: 30}\n      illustrative: true\n    - service: trumpalaike")
    findings = list(cross_year_findings(_year(OLD), _year(EXAMPLE, text)))
    codes = [(f.code, f.path) for f in findings]
    assert ("X1001", "action_plan.measures[0].indicators[0].baseline") in codes
    assert any(code == "X1003" and "provision" in path for code, path in codes)
    jump = next(f for f in findings if f.code == "X1003")
    assert jump.param("change") == "130.8" and jump.line > 0


def test_new_from_a_broken_file_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "plan.yaml"
    broken.write_text("metadata: [1,\n", encoding="utf-8")
    run = run_planas("new", "2022", "--from", broken, "-o", tmp_path / "out.yaml")
    assert run.code == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not (tmp_path / "out.yaml").exists()


def test_new_lists_every_stale_year_mention_in_prose_with_its_position(tmp_path: Path) -> None:
    out = tmp_path / "plan-2021.yaml"
    run = run_planas("new", "2021", "--from", OLD, "-o", out)
    assert run.code == 0, run
    draft = out.read_text(encoding="utf-8").splitlines()
    found = re.findall(r"^(\S+):(\d+):(\d+): W0509 .*?(\d{4}) m\. paminėjimas.* \[(\S+)\]$", run.stdout, re.MULTILINE)
    assert found, run.stdout
    for file, line, column, year, _ in found:
        assert file == str(out)
        assert draft[int(line) - 1][int(column) - 1:].startswith(year)  # the position is the mention itself
    mentioned = sorted({(path, year) for *_, year, path in found})
    assert mentioned == [("analysis.demography[0].note", "2019"), ("analysis.demography[0].note", "2020"),
                         ("analysis.notes.finance", "2020"), ("introduction.text", "2019"),
                         ("introduction.text", "2020")]
    assert "2021 m. plane gal reikia 2021 m.?" in run.stdout  # 2020 -> 2021; 2019 (last year then) -> 2020
    assert "metadata.legal_basis" not in run.stdout  # acts keep their dates


def test_check_never_adds_a_finding_caused_by_a_later_plan_to_the_approved_earlier_one() -> None:
    run = run_planas("check", ROOT / "examples", "--format", "json")
    plans = {p["file"]: p for p in json.loads(run.stdout)["plans"]}
    old = plans["birstonas-2020/plan.yaml"]
    assert [f["code"] for f in old["findings"] if f["code"].startswith("X")] == []
    assert old["warnings"] == 0
    assert any(f["code"] == "X1002" for f in plans["birstonas-2021/plan.yaml"]["findings"])


def test_the_scorecard_counts_plan_year_data(tmp_path: Path) -> None:
    repo = tmp_path / "planai"
    repo.mkdir()
    (repo / "2021.yaml").write_bytes(EXAMPLE.read_bytes())
    assert run_planas("new", "2022", "--from", repo / "2021.yaml", "-o", repo / "2022.yaml").code == 0
    result = check_repository(repo, jobs=1)
    by_year = {p.year: p for p in result.plans}
    assert by_year[2021].completeness_share == 1.0
    draft = dict(by_year[2022].completeness)
    assert draft["6. Socialinių paslaugų gavėjų ir poreikio analizė"] is False  # last year's figures only
    assert draft["7. Socialinių paslaugų finansavimo analizė"] is False
    assert by_year[2022].completeness_share < 1.0


def test_new_replaces_last_years_header_and_keeps_the_planners_comments(tmp_path: Path) -> None:
    first, second = tmp_path / "plan-2022.yaml", tmp_path / "plan-2023.yaml"
    assert run_planas("new", "2022", "--from", EXAMPLE, "-o", first).code == 0
    assert run_planas("new", "2023", "--from", first, "-o", second).code == 0
    text = second.read_text(encoding="utf-8")
    assert text.count("parengtas komanda `planas new") == 1 and "`planas new 2023 --from" in text
    assert "# The working group's members are not named in the sources." in text
    # a header the planner edited is theirs: it stays
    edited = first.read_text(encoding="utf-8").replace("parengtas komanda", "parengtas mūsų komanda", 1)
    first.write_text(edited, encoding="utf-8")
    assert run_planas("new", "2023", "--from", first, "-o", second, "--force").code == 0
    assert "parengtas mūsų komanda `planas new 2022" in second.read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new"), [
    ("deadline: 2021-12-31", "deadline: 2022-12-31"),  # due this year: moves with the year
    ("deadline: 2021-Q3", "deadline: 2022-Q3"),  # a quarter, in its own form
    ("deadline: 2021", "deadline: 2022"),  # a year
    ("deadline: 2024-06-30", "deadline: 2024-06-30"),  # a measure running over several years keeps its deadline
    ("deadline: 2024-Q2", "deadline: 2024-Q2"),
])
def test_new_moves_deadlines_due_last_year_in_their_own_form(tmp_path: Path, old: str, new: str) -> None:
    source = tmp_path / "plan.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count("deadline: 2021-12-31") >= 1
    source.write_text(text.replace("deadline: 2021-12-31", old, 1), encoding="utf-8")
    out = tmp_path / "plan-2022.yaml"
    assert run_planas("new", "2022", "--from", source, "-o", out).code == 0
    lines = {line.strip() for line in out.read_text(encoding="utf-8").splitlines()}
    assert new in lines and (old == new or old not in lines)
