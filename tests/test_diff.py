"""`planas diff`: identity-matched differences, golden reports, git revisions, properties."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planas.model import Plan
from planas.reference import load_reference
from planas.validation import validate_file
from planas.years.diff import diff_plans

from .conftest import DATA, EXAMPLE, ROOT, run_planas

OLD = ROOT / "examples" / "birstonas-2020" / "plan.yaml"
GOLDEN = ROOT / "tests" / "golden"
REF = load_reference()
PLAN_2021 = validate_file(EXAMPLE).plan
PLAN_2020 = validate_file(OLD).plan
assert PLAN_2021 is not None and PLAN_2020 is not None


def test_golden_reports_in_every_format() -> None:
    for fmt, suffix in (("text", "txt"), ("md", "md"), ("json", "json")):
        run = run_planas("diff", "examples/birstonas-2020/plan.yaml", "examples/birstonas-2021/plan.yaml",
                         "--format", fmt)
        assert run.code == 0, run
        expected = (GOLDEN / f"diff-birstonas-2020-2021.{suffix}").read_text(encoding="utf-8")
        assert run.stdout == expected, f"{fmt} changed: run python scripts/regenerate.py"


def test_years_in_a_repository_give_the_same_report() -> None:
    run = run_planas("diff", "2020", "2021", "--repo", "examples")
    assert run.code == 0, run
    assert run.stdout == (GOLDEN / "diff-birstonas-2020-2021.txt").read_text(encoding="utf-8")


def test_report_names_the_real_differences() -> None:
    text = (GOLDEN / "diff-birstonas-2020-2021.txt").read_text(encoding="utf-8")
    assert "~ T2: Tikslas: Mažinti gyventojų [-socialinę-] {+įvairių socialinių grupių+}" in text
    assert "+ P4: socialinių paslaugų tinklo prieinamumas šeimoms ir vaikams" in text
    assert "+ Laikino atokvėpio paslauga: laikino_atokvepio_paslauga" in text
    assert "Pagalba į namus: Vietų skaičius: 36 → 40 (+4; +11,1 proc.)" in text
    assert "- 1.3: Įsigyti automobilį" in text
    assert "K11, 2020 m.: 4,5 proc. → 4,6 proc. (+0,1 proc. punkto)" in text


def test_exit_code_option() -> None:
    assert run_planas("diff", OLD, EXAMPLE, "--exit-code").code == 1
    assert run_planas("diff", EXAMPLE, EXAMPLE, "--exit-code").code == 0
    same = run_planas("diff", EXAMPLE, EXAMPLE)
    assert same.code == 0 and "Skirtumų nėra." in same.stdout


def test_json_report_validates_against_its_schema() -> None:
    schema = json.loads((ROOT / "docs" / "diff.schema.json").read_text(encoding="utf-8"))
    report = json.loads((GOLDEN / "diff-birstonas-2020-2021.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["old"]["year"] == 2020 and report["new"]["year"] == 2021
    empty = json.loads(run_planas("diff", EXAMPLE, EXAMPLE, "-f", "json").stdout)
    jsonschema.Draft202012Validator(schema).validate(empty)
    assert empty["sections"] == [] and empty["summary"] == {"added": 0, "removed": 0, "changed": 0}


def test_git_revision_against_the_working_file(tmp_path: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(EXAMPLE, plans / "2021.yaml")
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "plan"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, env=env, capture_output=True)
    text = (plans / "2021.yaml").read_text(encoding="utf-8").replace("places: 40", "places: 44")
    (plans / "2021.yaml").write_text(text, encoding="utf-8")
    run = run_planas("diff", "HEAD:plans/2021.yaml", "plans/2021.yaml", cwd=tmp_path)
    assert run.code == 0, run
    assert "Pagalba į namus: Vietų skaičius: 40 → 44 (+4; +10 proc.)" in run.stdout
    bad = run_planas("diff", "HEAD:plans/nera.yaml", "plans/2021.yaml", cwd=tmp_path)
    assert bad.code == 2 and "Traceback" not in bad.stderr


def test_ambiguous_year_and_missing_year(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "a" / "plan.yaml")
    other = EXAMPLE.read_text(encoding="utf-8").replace("name: Birštono savivaldybė", "name: Prienų rajono savivaldybė")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "plan.yaml").write_text(other, encoding="utf-8")
    run = run_planas("diff", "2021", "2021", "--repo", tmp_path)
    assert run.code == 2 and "--municipality" in run.stderr
    run = run_planas("diff", "2021", "2021", "--repo", tmp_path, "--municipality", "Prienų")
    assert run.code == 0, run
    assert run_planas("diff", "2019", "2021", "--repo", tmp_path, "--municipality", "Prienų").code == 2


def test_invalid_plan_is_reported_not_diffed() -> None:
    run = run_planas("diff", DATA / "invalid" / "unknown-goal.yaml", EXAMPLE)
    assert run.code == 1 and "E0301" in run.stdout


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        items = [_shuffled(v, rng) for v in value]
        rng.shuffle(items)
        return items
    return value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_shuffled_copy_diffs_empty(seed: int) -> None:
    data = PLAN_2021.model_dump(mode="python")
    copy = Plan.model_validate(_shuffled(data, random.Random(seed)))
    assert diff_plans(PLAN_2021, copy, REF).changes == ()


@settings(max_examples=25, deadline=None)
@given(which=st.sampled_from(["goals", "priorities"]), index=st.integers(min_value=0, max_value=2))
def test_removing_one_item_is_exactly_one_removal(which: str, index: int) -> None:
    data = PLAN_2021.model_dump(mode="python")
    removed = data["introduction"][which].pop(index)
    result = diff_plans(PLAN_2021, Plan.model_validate(data), REF)
    assert [(c.kind, c.path) for c in result.changes] == [
        ("removed", ("introduction", which, f"[{removed['id']}]"))
    ]


def test_diff_with_itself_is_empty_and_reverse_swaps() -> None:
    assert diff_plans(PLAN_2020, PLAN_2020, REF).is_empty
    forward = diff_plans(PLAN_2020, PLAN_2021, REF)
    backward = diff_plans(PLAN_2021, PLAN_2020, REF)
    swap = {"added": "removed", "removed": "added", "changed": "changed"}
    structural = [c for c in forward.changes if c.section != "criteria"]
    reverse = {(c.path, c.kind, repr(c.old), repr(c.new)) for c in backward.changes if c.section != "criteria"}
    assert {(c.path, swap[c.kind], repr(c.new), repr(c.old)) for c in structural} == reverse


def test_values_are_lithuanian_and_fields_have_their_titles() -> None:
    text = run_planas("diff", OLD, EXAMPLE).stdout
    assert "Plano duomenys › Patvirtinimas › Sprendimo data: 2020 m. vasario 27 d. → 2021 m. vasario 12 d." in text
    assert "1.1: Lėšos › SB (Savivaldybės biudžeto lėšos): 116\u00a0000\u00a0Eur → 126\u00a0000\u00a0Eur" in text
    assert "Pagalba į namus: Vietų skaičius: 36 → 40" in text
    assert "Darbuotojai › Socialiniai darbuotojai: 6 → 7" in text
    assert "metadata.approval.decision_date" not in text and ": places:" not in text


def test_plans_of_different_municipalities_are_compared_with_a_warning(tmp_path: Path) -> None:
    other = tmp_path / "kita.yaml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "    name: Birštono savivaldybė\n", "    name: Prienų rajono savivaldybė\n", 1), encoding="utf-8")
    run = run_planas("diff", OLD, other)
    assert run.code == 0, run
    warning = "lyginami skirtingų savivaldybių planai (Birštono savivaldybė; Prienų rajono savivaldybė)"
    assert warning in run.stdout.splitlines()[1] and warning in run.stderr
    assert warning in run_planas("diff", OLD, other, "--format", "md").stdout
    report = json.loads(run_planas("diff", OLD, other, "--format", "json").stdout)
    assert report["warnings"][0]["code"] == "different_municipalities"
    schema = json.loads((ROOT / "docs" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert "warnings" not in json.loads(run_planas("diff", OLD, EXAMPLE, "--format", "json").stdout)
