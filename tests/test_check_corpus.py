"""The repository corpus (tests/check_cases.py): each case gives exactly its findings in `planas check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planas.repository.check import check_repository
from planas.repository.localref import LocalReferenceProblem, load_local
from planas.repository.settings import SettingsProblem, load_settings

from .check_cases import CASES, LOCAL_REFERENCE_CASES, SETTINGS_CASES, CheckCase
from .conftest import run_planas


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_case_gives_its_findings(case: CheckCase, tmp_path: Path) -> None:
    root = case.build(tmp_path / "planai")
    result = check_repository(root, jobs=1)
    found = [(Path(f.file).relative_to(root).as_posix(), f"{f.line}:{f.column}", f.code) for f in result.findings]
    assert found == list(case.expected)
    acknowledged = sorted(f.code for f in result.findings if f.acknowledged is not None)
    assert acknowledged == sorted(case.acknowledged)


def test_acknowledged_cross_year_finding_does_not_fail_strict(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "acknowledged-across-years")
    root = case.build(tmp_path / "planai")
    run = run_planas("check", root, "--strict")
    assert run.code == 0, run
    assert "X1002 įspėjimas (pripažintas)" in run.stdout and "pripažinta: Savanorių mokymai neįvyko" in run.stdout
    plain = next(c for c in CASES if c.name == "consecutive-years").build(tmp_path / "kiti")
    assert run_planas("check", plain, "--strict").code == 1


@pytest.mark.parametrize(("name", "text", "position", "code"), SETTINGS_CASES, ids=lambda v: str(v)[:30])
def test_settings_case_stops_the_check(name: str, text: str, position: str, code: str, tmp_path: Path) -> None:
    (tmp_path / ".planas.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsProblem) as raised:
        load_settings(tmp_path)
    assert [(f"{f.line}:{f.column}", f.code) for f in raised.value.findings] == [(position, code)]


@pytest.mark.parametrize(("name", "text", "position", "code"), LOCAL_REFERENCE_CASES, ids=lambda v: str(v)[:30])
def test_local_reference_case_is_refused(name: str, text: str, position: str, code: str, tmp_path: Path) -> None:
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "target_groups.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LocalReferenceProblem) as raised:
        load_local(folder)
    assert [(f"{f.line}:{f.column}", f.code) for f in raised.value.findings] == [(position, code)]


def test_every_check_report_shows_the_acknowledged_finding_as_such(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    from planas.repository.report import render_check

    root = next(c for c in CASES if c.name == "acknowledged-across-years").build(tmp_path / "planai")
    result = check_repository(root, jobs=1)
    reason = "Savanorių mokymai neįvyko; rodiklis ataskaitoje neįvertintas."
    sarif = json.loads(render_check(result, "sarif", "lt"))
    x1002 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "X1002")
    assert x1002["suppressions"] == [{"kind": "inSource", "justification": reason}]
    suite = ElementTree.fromstring(render_check(result, "junit", "lt", strict=True))
    assert suite.get("failures") == "0" and suite.find(".//failure") is None
    quality = json.loads(render_check(result, "codequality", "lt"))
    assert {f["check_name"]: f["severity"] for f in quality}["X1002"] == "info"
    report = json.loads(render_check(result, "json", "lt"))
    assert report["summary"]["warnings"] == 0 and report["summary"]["acknowledged"] == 2
    assert f"(pripažinta: {reason})" in render_check(result, "md", "lt")
    assert "pripažinta įspėjimų: 2" in render_check(result, "text", "lt")
