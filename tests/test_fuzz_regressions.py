"""The kinds of failure the mutation fuzzer found, each through the real command line.

tests/data/fuzz/ holds the reproducers themselves; these tests say what each
kind must do now, in plain words.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from tests.conftest import DATA, run_planas

APPROVED = (DATA / "valid" / "approved-2025.yaml").read_text(encoding="utf-8")
MINIMAL = (DATA / "valid" / "minimal-draft.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _findings(tmp_path: Path, text: str) -> list[dict[str, object]]:
    run = run_planas("validate", _write(tmp_path, text), "--format", "json", cwd=tmp_path)
    assert run.code in (0, 1), str(run)
    return [f for file in json.loads(run.stdout)["files"] for f in file["findings"]]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_places_true_is_a_finding_at_its_position(tmp_path: Path) -> None:
    text = APPROVED.replace("places: 90", "places: true")
    found = [f for f in _findings(tmp_path, text) if f["path"] == "analysis.providers[0].services[1].places"]
    assert [f["code"] for f in found] == ["E0203"]
    assert found[0]["line"] == _line_of(text, "places: true")


def test_counts_money_dates_and_flags_are_not_coerced(tmp_path: Path) -> None:
    cases = {
        "analysis.provision[1].years[2023].waiting": APPROVED.replace("waiting: 10", "waiting: false"),
        "analysis.provision[0].years[2023].recipients": APPROVED.replace("recipients: 120", "recipients: 120.0"),
        "analysis.municipal_budget[1].total": APPROVED.replace("total: 43000000.00", 'total: "43000000.00"'),
        "metadata.approval.decision_date": APPROVED.replace("decision_date: 2025-03-27", "decision_date: 0"),
        "analysis.municipal_budget[0].illustrative": APPROVED.replace(
            "kind: faktas, total: 41000000.00}", 'kind: faktas, total: 41000000.00, illustrative: "yes"}'),
    }
    for path, text in cases.items():
        assert path in {f["path"] for f in _findings(tmp_path, text)}, path


def test_u2028_in_a_quoted_string_leaves_later_line_numbers_unchanged(tmp_path: Path) -> None:
    plain = MINIMAL + "unknown_key: 1\n"
    separated = plain.replace("Užtikrinti kokybiškas", '"Užtikrinti\u2028kokybiškas').replace(
        "socialines paslaugas.", 'socialines paslaugas."')
    (before,) = _findings(tmp_path, plain)
    (after,) = _findings(tmp_path, separated)
    assert before["code"] == after["code"] == "E0201"
    assert (after["line"], after["column"]) == (before["line"], before["column"]) == (_line_of(plain, "unknown_key"), 1)


def test_u2029_and_nel_unquoted_are_ordinary_characters(tmp_path: Path) -> None:
    text = MINIMAL.replace("Pavyzdžio savivaldybė", "Pavyzdžio\u2029savivaldybė\x85")
    assert _findings(tmp_path, text) == _findings(tmp_path, MINIMAL)


def test_lines_end_at_cr_as_editors_count_them(tmp_path: Path) -> None:
    text = (MINIMAL + "unknown_key: 1\n").replace("\n", "\r")
    (finding,) = _findings(tmp_path, text)
    assert finding["line"] == MINIMAL.count("\n") + 1


def test_a_syntax_error_at_the_end_of_a_cut_file_is_inside_the_file(tmp_path: Path) -> None:
    text = APPROVED[: APPROVED.index("2025: 5010}") + 6]
    (finding,) = _findings(tmp_path, text)
    lines = text.split("\n")
    assert finding["code"] == "E0101"
    assert (finding["line"], finding["column"]) == (len(lines), len(lines[-1]) + 1)


def test_a_control_character_is_a_located_error_and_nothing_is_rendered(tmp_path: Path) -> None:
    text = APPROVED.replace("text: Įgyvendinimo ataskaita teikiama tarybai kasmet.",
                            'text: "Įgyvendinimo\\0 ataskaita teikiama tarybai kasmet."')
    plan = _write(tmp_path, text)
    for fmt in ("docx", "md"):
        run = run_planas("render", plan, "--format", fmt, "-o", tmp_path / f"out.{fmt}", cwd=tmp_path)
        assert run.code == 1, str(run)
        assert f"{_line_of(text, 'Įgyvendinimo')}:" in run.stdout and "E0210" in run.stdout
        assert "U+0000" in run.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_a_long_name_is_cut_in_the_word_property_only(tmp_path: Path) -> None:
    name = "Pavyzdžio " + "labai " * 60 + "rajono savivaldybė"
    plan = _write(tmp_path, APPROVED.replace("name: Pavyzdžio rajono savivaldybė", f"name: {name}"))
    run = run_planas("render", plan, "--format", "docx", "-o", tmp_path / "plan.docx", cwd=tmp_path)
    assert run.code == 0, str(run)
    with zipfile.ZipFile(tmp_path / "plan.docx") as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
        body = archive.read("word/document.xml").decode("utf-8")
    title = core.find("{http://purl.org/dc/elements/1.1/}title")
    assert title is not None and title.text is not None and len(title.text) <= 255
    words = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
    assert "LABAI " * 60 in re.sub(r"\s+", " ", words).upper()  # the body keeps the whole name


def test_numbers_that_validate_can_be_computed(tmp_path: Path) -> None:
    tiny = APPROVED.replace("2025: 20150}", "2025: 1e-99999}")
    assert "E0205" in {f["code"] for f in _findings(tmp_path, tiny)}
    # Half a resident, and no more residents aged 65+ than residents (a part above its whole is E1404).
    half = _write(tmp_path, APPROVED.replace("2025: 20150}", "2025: 0.5}").replace("2025: 5010}", "2025: 0.25}"))
    assert run_planas("render", half, "--format", "md", "-o", tmp_path / "plan.md", cwd=tmp_path).code == 0
    huge = _write(tmp_path, APPROVED.replace("target: 200", "target: " + "1" + "0" * 39), "huge.yaml")
    run = run_planas("diff", DATA / "valid" / "approved-2025.yaml", huge, cwd=tmp_path)
    assert run.code == 1 and "E0205" in run.stdout, str(run)


def test_broken_settings_are_located_findings(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(APPROVED, encoding="utf-8")
    cases = {"disabled: 5\n": "1:11: E0203", "exclude: 5\n": "1:10: E0203", "severity: [W0601]\n": "1:11: E0203",
             "jump_threshold: .nan\n": "1:17: E0205", "severity:\n  ZZZ: error\n": "2:3: E1201"}
    for settings, where in cases.items():
        (tmp_path / ".planas.yaml").write_text(settings, encoding="utf-8")
        run = run_planas("check", tmp_path, "--jobs", "1", cwd=tmp_path)
        assert run.code == 2, str(run)
        assert f".planas.yaml:{where}" in run.stderr, str(run)


def test_junit_is_well_formed_with_a_control_character_in_a_key(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(APPROVED.replace("  purpose: Nustatyti", '  "purpose\\x1b": Nustatyti'),
                                        encoding="utf-8")
    report = tmp_path / "out" / "junit.xml"
    run = run_planas("check", tmp_path, "--jobs", "1", "--report", f"junit:{report}", cwd=tmp_path)
    assert run.code == 1, str(run)
    suite = ElementTree.fromstring(report.read_bytes())
    assert suite.get("failures") == "1"
    assert "\\x1b" in ElementTree.tostring(suite, encoding="unicode")
