"""Acknowledged warnings (`acknowledged:` in the plan) and the 2024 law's funding rules by regime."""

from __future__ import annotations

import json
from pathlib import Path

from planas.validation import validate_bytes

from .conftest import DATA, run_planas

APPROVED = (DATA / "valid" / "approved-2025.yaml").read_text(encoding="utf-8")
BIRSTONAS = (DATA / "valid" / "birstonas-2021.yaml").read_text(encoding="utf-8")
EU_MONEY = ("        - {year: 2025, kind: planas, sources: {SB: 325000.00, GM: 23000.00}}\n",
            "        - {year: 2025, kind: planas, sources: {SB: 325000.00, ES: 5000.00, GM: 23000.00}}\n")
PATH = "analysis.finance[0].entries[1].sources.ES"


def _acknowledging(text: str, code: str, path: str, reason: str = "ES projekto lėšos (projektas Nr. 08.4.1)") -> str:
    return text + f"acknowledged:\n  - code: {code}\n    path: {path}\n    reason: {reason}\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_acknowledged_warning_is_shown_with_its_reason_and_does_not_fail_strict(tmp_path: Path) -> None:
    plan = _write(tmp_path, _acknowledging(APPROVED.replace(*EU_MONEY), "W0601", PATH))
    run = run_planas("validate", plan, "--strict")
    assert run.code == 0, run
    assert "W0601 įspėjimas (pripažintas)" in run.stdout
    assert "pripažinta: ES projekto lėšos (projektas Nr. 08.4.1)" in run.stdout
    assert "0 klaidų, 0 įspėjimų, pripažinta įspėjimų: 1" in run.stdout
    report = json.loads(run_planas("validate", plan, "--format", "json").stdout)["files"][0]
    assert (report["warnings"], report["acknowledged"]) == (0, 1)
    assert report["findings"][0]["acknowledged"] == "ES projekto lėšos (projektas Nr. 08.4.1)"
    github = run_planas("validate", plan, "--format", "github").stdout
    assert github.startswith("::notice ") and "pripažinta: ES projekto lėšos" in github


def test_the_same_warning_unacknowledged_fails_strict(tmp_path: Path) -> None:
    plan = _write(tmp_path, APPROVED.replace(*EU_MONEY))
    run = run_planas("validate", plan, "--strict")
    assert run.code == 1 and "W0601 įspėjimas:" in run.stdout


def test_a_shorter_path_acknowledges_every_finding_of_the_code_below_it() -> None:
    text = _acknowledging(APPROVED.replace(*EU_MONEY), "W0601", "analysis.finance[0]")
    result = validate_bytes(text.encode("utf-8"), "plan.yaml")
    assert [(f.code, f.acknowledged is not None) for f in result.findings] == [("W0601", True)]
    assert result.warnings == 0 and result.acknowledged == 1


def test_an_acknowledgement_matching_nothing_is_an_error() -> None:
    text = _acknowledging(APPROVED.replace(*EU_MONEY), "W0601", "analysis.finance[1]")
    result = validate_bytes(text.encode("utf-8"), "plan.yaml")
    assert sorted(f.code for f in result.findings) == ["E1301", "W0601"]
    wrong = next(f for f in result.findings if f.code == "E1301")
    assert wrong.path == "acknowledged[0].path" and wrong.param("path") == "analysis.finance[1]"


def test_an_error_cannot_be_acknowledged() -> None:
    text = APPROVED.replace("total: 332000.00", "total: 330000.00")
    text = _acknowledging(text, "E0401", "analysis.finance[0].entries[0].total", "Suma iš ataskaitos.")
    result = validate_bytes(text.encode("utf-8"), "plan.yaml")
    assert sorted(f.code for f in result.findings) == ["E0401", "E1302"]
    assert all(f.acknowledged is None for f in result.findings)


def test_the_2024_law_funding_rules_apply_from_2025_only() -> None:
    # EU money for long-term care and a state grant for social skills: art. 42 of the 2024 law does not name
    # them, but a 2021 plan was made under the earlier law, so nothing is said (no push to change real data).
    old = BIRSTONAS.replace("        - {year: 2021, kind: planas, sources: {SB: 25800.00}}\n",
                            "        - {year: 2021, kind: planas, sources: {SB: 20800.00, VBD: 5000.00}}\n")
    old = old.replace("        - {year: 2021, kind: planas, sources: {SB: 101000.00, VBD: 32000.00, GM: 63000.00}}\n",
                      "        - {year: 2021, kind: planas, sources: {SB: 101000.00, ES: 32000.00, GM: 63000.00}}\n")
    assert old != BIRSTONAS
    assert validate_bytes(old.encode("utf-8"), "2021.yaml").findings == ()
    new = APPROVED.replace(*EU_MONEY)
    assert [f.code for f in validate_bytes(new.encode("utf-8"), "2025.yaml").findings] == ["W0601"]
