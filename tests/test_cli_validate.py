"""`planas validate` through the real entry point: exit codes, formats, messages."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import DATA, EXAMPLE, run_planas


def test_example_validates(tmp_path: Path) -> None:
    run = run_planas("validate", EXAMPLE)
    assert run.code == 0, run
    assert "0 klaidų" in run.stdout


def test_unknown_key_at_line_one(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("nezinomas_raktas: 1\n" + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_planas("validate", plan)
    assert run.code == 1, run
    assert f"{plan}:1:1: E0201" in run.stdout
    assert "nezinomas_raktas" in run.stdout


def test_duplicated_key_is_reported_at_the_second_occurrence(tmp_path: Path) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("  year: 2021"))
    lines.insert(index + 1, "  year: 2022\n")
    plan = tmp_path / "plan.yaml"
    plan.write_text("".join(lines), encoding="utf-8")
    run = run_planas("validate", plan)
    assert run.code == 1, run
    assert f"{plan}:{index + 2}:3: E0102" in run.stdout
    assert f"pirmą kartą – {index + 1} eilutėje" in run.stdout


def test_wrong_type_is_reported_at_the_value(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("  year: 2021"))
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace("  year: 2021\n", "  year: [2021]\n", 1), encoding="utf-8")
    run = run_planas("validate", plan)
    assert run.code == 1, run
    assert f"{plan}:{index + 1}:9: E0203" in run.stdout
    assert "[metadata.year]" in run.stdout


def test_missing_file_exits_2_with_one_line() -> None:
    run = run_planas("validate", "no/such/plan.yaml")
    assert run.code == 2, run
    assert run.stderr.strip().count("\n") == 0
    assert "no/such/plan.yaml" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_directory_instead_of_file_exits_2(tmp_path: Path) -> None:
    run = run_planas("validate", tmp_path)
    assert run.code == 2, run
    assert "Traceback" not in run.stderr


def test_english_messages() -> None:
    run = run_planas("validate", DATA / "invalid" / "status-typo.yaml", "--lang", "en")
    assert run.code == 1
    assert "Did you mean 'patvirtintas'?" in run.stdout
    assert "1 file: 1 error, 0 warnings" in run.stdout


def test_json_report_is_versioned_and_complete() -> None:
    run = run_planas("validate", DATA / "invalid" / "total-mismatch.yaml", EXAMPLE, "--format", "json")
    assert run.code == 1, run
    report = json.loads(run.stdout)
    assert report["version"] == 1
    assert report["reference_version"]
    first, second = report["files"]
    assert first["valid"] is False and second["valid"] is True
    finding = first["findings"][0]
    assert finding["code"] == "E0401"
    expected = (DATA / "invalid" / "total-mismatch.expected").read_text(encoding="utf-8").split()[0]
    assert f"{finding['line']}:{finding['column']}" == expected
    assert finding["path"] == "analysis.finance[0].entries[0].total"
    assert finding["clause"] and finding["hint"] and finding["message"]


def test_github_annotations() -> None:
    run = run_planas("validate", DATA / "invalid" / "unknown-goal.yaml", "--format", "github")
    assert run.code == 1
    line = run.stdout.splitlines()[0]
    assert line.startswith("::error file=")
    line_col = (DATA / "invalid" / "unknown-goal.expected").read_text(encoding="utf-8").split()[0]
    assert f",line={line_col.replace(':', ',col=')},title=E0301::" in line


def test_strict_makes_warnings_fail() -> None:
    path = DATA / "invalid" / "approval-outside-year.yaml"
    assert run_planas("validate", path).code == 0
    assert run_planas("validate", path, "--strict").code == 1


def test_several_files_and_one_missing_exits_2() -> None:
    run = run_planas("validate", EXAMPLE, "missing.yaml")
    assert run.code == 2
    assert "1 failas" in run.stdout


def test_version() -> None:
    run = run_planas("--version")
    assert run.code == 0
    assert run.stdout.startswith("planas ")


def test_no_arguments_shows_help() -> None:
    run = run_planas()
    assert "validate" in run.stdout + run.stderr
