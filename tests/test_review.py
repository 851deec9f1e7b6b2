"""Last year's implementation review: the status rule, the review section, the report alone, its findings."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from planas.review import measure_status, share_achieved

from .conftest import EXAMPLE, ROOT, run_planas
from .review_cases import CASES, PREVIOUS, ReviewCase


@pytest.mark.parametrize(("target", "actual", "share"), [
    ("40", "41", "102.5"), ("19", "17", "89.5"), ("3", "1", "33.3"), ("0", "0", "100"), ("0", "2", "0"),
    ("15", "0", "0"),
])
def test_share_achieved_is_achieved_over_target(target: str, actual: str, share: str) -> None:
    assert share_achieved(Decimal(target), Decimal(actual)) == Decimal(share)


@pytest.mark.parametrize(("shares", "planner", "status"), [
    (["100", "120"], None, "ivykdyta"),
    (["100", "50"], "ivykdyta", "is_dalies"),  # the figures win over the planner's word
    (["100", None], "ivykdyta", "is_dalies"),  # one indicator without its achieved value
    (["0"], "planuojama", "nepradeta"),
    (["0"], "vykdoma", "neivykdyta"),
    ([None], "neivykdyta", "neivykdyta"),  # no figures: the planner's status decides
    ([], "vykdoma", "is_dalies"),
    ([], "ivykdyta", "ivykdyta"),
    ([], "planuojama", "nepradeta"),
    ([], None, None),
])
def test_measure_status_rule(shares: list[str | None], planner: str | None, status: str | None) -> None:
    values = [None if s is None else Decimal(s) for s in shares]
    assert measure_status(values, planner) == status


def _render(tmp_path: Path, *args: str | Path) -> tuple[str, str]:
    target = tmp_path / "plan.md"
    run = run_planas("render", EXAMPLE, "--previous", PREVIOUS, "-f", "md", "-o", target, *args)
    assert run.code == 0, run
    return target.read_text(encoding="utf-8"), run.stderr


def test_the_2021_plan_reviews_each_2020_measure(tmp_path: Path) -> None:
    text, stderr = _render(tmp_path)
    assert "### 8. Ankstesnių metų plano įgyvendinimo apžvalga" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    expected = {  # measure: target, achieved, share, status (the 2020 example's figures)
        "1\\.1": ("40", "41", "102,5\u00a0proc.", "įvykdyta"),
        "1\\.3": ("1", "1", "100,0\u00a0proc.", "įvykdyta"),
        "3\\.1": ("19", "17", "89,5\u00a0proc.", "iš dalies"),
        "3\\.2": ("15", "neįrašyta", "–", "neįvykdyta"),
        "4\\.1": ("12", "12", "100,0\u00a0proc.", "įvykdyta"),
        "4\\.2": ("20", "19", "95,0\u00a0proc.", "iš dalies"),
    }
    for measure, (target, actual, share, status) in expected.items():
        row = next(r for r in rows if r.startswith(f"| {measure} |") and r.count("|") == 9)
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[3:7] == [target, actual, share, status], row
    assert "2020\u00a0m. socialinių paslaugų plane numatytos 6 priemonės: įvykdyta – 3, iš dalies – 2, " \
           "neįvykdyta – 1." in text
    # The criteria: planned in the 2020 plan, reached by the 2021 plan's facts for 2020.
    assert "| K1 | Socialinių paslaugų gavėjų skaičius, tenkantis 1000 gyventojų | asm./1000 gyv. | 50,4 | 49,7 |" in text
    # The one gap of the 2020 example, located in the 2020 file.
    assert f"{PREVIOUS}:425:11: įspėjimas W1901: 2020 m. plano priemonės 3.2 rodikliui 3.2.1" in stderr


def test_without_last_years_plan_there_is_no_review_section(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", target).code == 0
    assert "Ankstesnių metų plano įgyvendinimo apžvalga" not in target.read_text(encoding="utf-8")


def test_last_years_plan_is_found_in_the_repository(tmp_path: Path) -> None:
    (tmp_path / ".planas.yaml").write_text("{}\n", encoding="utf-8")
    shutil.copy(PREVIOUS, tmp_path / "2020.yaml")
    shutil.copy(EXAMPLE, tmp_path / "2021.yaml")
    run = run_planas("render", tmp_path / "2021.yaml", "-f", "md", "--report")
    assert run.code == 0, run
    report = (tmp_path / "2021-ataskaita.md").read_text(encoding="utf-8")
    assert "BIRŠTONO SAVIVALDYBĖS 2020 METŲ SOCIALINIŲ PASLAUGŲ PLANO ĮGYVENDINIMO ATASKAITA" in report
    assert "2020.yaml:425:11: įspėjimas W1901" in run.stderr


def test_report_alone_in_markdown_and_word(tmp_path: Path) -> None:
    report = tmp_path / "ataskaita.md"
    assert run_planas("render", EXAMPLE, "--previous", PREVIOUS, "--report", "-f", "md", "-o", report).code == 0
    text = report.read_text(encoding="utf-8")
    assert "# BIRŠTONO SAVIVALDYBĖS 2020 METŲ SOCIALINIŲ PASLAUGŲ PLANO ĮGYVENDINIMO ATASKAITA" in text
    assert "2020\u00a0m. plano priemonių įgyvendinimas" in text and "planuota ir pasiekta" in text
    assert "Demografiniai rodikliai" not in text and "Priemonių planas" not in text  # the report alone
    assert (tmp_path / "ataskaita-grafikai" / "priemones-ivykdymas.svg").is_file()
    word = tmp_path / "ataskaita.docx"
    assert run_planas("render", EXAMPLE, "--previous", PREVIOUS, "--report", "-o", word).code == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "PLANO ĮGYVENDINIMO ATASKAITA" in body and "Demografiniai rodikliai" not in body
    measures = document.tables[0]
    assert [c.text for c in measures.rows[0].cells][:7] == [
        "Nr.", "Priemonė", "Rodiklis", "Siektina reikšmė", "Pasiekta reikšmė", "Pasiekta dalis", "Būsena"]
    assert [c.text for c in measures.rows[3].cells][3:7] == ["19", "17", "89,5\u00a0proc.", "iš dalies"]
    assert len(document.inline_shapes) == 1  # the chart of targets achieved


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_gap_in_last_years_plan_is_a_located_finding(tmp_path: Path, case: ReviewCase) -> None:
    previous = tmp_path / "2020.yaml"
    previous.write_text(case.text(), encoding="utf-8")
    run = run_planas("render", EXAMPLE, "--previous", previous, "--report", "-f", "md", "-o", "-")
    assert run.code == 0, run  # warnings: the document is still written
    assert f"{previous}:{case.line()}:{case.column}: įspėjimas {case.code}:" in run.stderr
    english = run_planas("render", EXAMPLE, "--previous", previous, "--report", "-f", "md", "-o", "-",
                         "--lang", "en")
    assert f"{previous}:{case.line()}:{case.column}: warning {case.code}: Measure" in english.stderr


def test_last_years_plan_of_another_year_or_with_errors_is_refused(tmp_path: Path) -> None:
    run = run_planas("render", EXAMPLE, "--previous", EXAMPLE, "-o", tmp_path / "plan.docx")
    assert run.code == 2 and "--previous: tai 2021 m. planas, o reikia 2020 m." in run.stderr
    broken = tmp_path / "2020.yaml"
    broken.write_text(PREVIOUS.read_text(encoding="utf-8").replace("      goal: T4\n", "      goal: T44\n", 1),
                      encoding="utf-8")
    run = run_planas("render", EXAMPLE, "--previous", broken, "-o", tmp_path / "plan.docx")
    assert run.code == 1 and "praėjusių metų plane yra klaidų" in run.stderr
    assert not (tmp_path / "plan.docx").exists()
    run = run_planas("render", EXAMPLE, "--previous", tmp_path / "nera.yaml", "-o", tmp_path / "plan.docx")
    assert run.code == 2 and "nera.yaml" in run.stderr
    run = run_planas("render", EXAMPLE, "--report", "-o", tmp_path / "a.docx")
    assert run.code == 2 and "--report: nerastas praėjusių metų planas" in run.stderr


def test_review_package_is_documented() -> None:
    page = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    for term in ("indicators[].actual", "įvykdyta", "iš dalies", "neįvykdyta", "nepradėta", "--report",
                 "-grafikai", "W1901", "W1902"):
        assert term in page


def test_the_planners_comment_on_an_indicator_is_shown(tmp_path: Path) -> None:
    previous = tmp_path / "2020.yaml"
    previous.write_text(PREVIOUS.read_text(encoding="utf-8").replace(
        "baseline: 18, target: 19, actual: 17}", "baseline: 18, target: 19, actual: 17, note: Du vaikai išvyko.}"),
        encoding="utf-8")
    run = run_planas("render", EXAMPLE, "--previous", previous, "--report", "-f", "md", "-o", "-")
    assert run.code == 0, run
    row = next(line for line in run.stdout.splitlines() if line.startswith("| 3\\.1 |") and line.count("|") == 9)
    assert row.endswith("| 19 | 17 | 89,5\u00a0proc. | iš dalies | Du vaikai išvyko. |")


def test_a_broken_plan_found_in_the_repository_only_leaves_the_review_out(tmp_path: Path) -> None:
    (tmp_path / ".planas.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "2020.yaml").write_text(
        PREVIOUS.read_text(encoding="utf-8").replace("      goal: T4\n", "      goal: T44\n", 1), encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "2021.yaml")
    run = run_planas("render", tmp_path / "2021.yaml", "-f", "md", "-o", "-")
    assert run.code == 0 and "praėjusių metų plane yra klaidų; apžvalgos skirsnis neparengtas" in run.stderr
    assert "Ankstesnių metų plano įgyvendinimo apžvalga" not in run.stdout
    run = run_planas("render", tmp_path / "2021.yaml", "--report", "-o", tmp_path / "a.docx")
    assert run.code == 1 and not (tmp_path / "a.docx").exists()  # the report was asked for: it cannot be made
