"""`planas import`: the command's contract, the committed corpus scored against its facts, the hostile set."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from planas.importing import import_docx
from planas.loading.fast import fast_load
from planas.reference import load_reference
from planas.validation import validate_bytes

from .conftest import ROOT, run_planas, script_module
from .html_support import render_example

CORPUS = ROOT / "tests" / "data" / "import"
DOCUMENTS = sorted(CORPUS.glob("*.facts.json"))
HOSTILE = sorted((CORPUS / "hostile").glob("*.docx"))


def _generator() -> ModuleType:
    return script_module("make_import_corpus")


def resolve(data: Any, path: str) -> Any:
    """`action_plan.measures[id=1.1].funding.SB` in a plan's data (KeyError when it is not there)."""
    node = data
    for part in re.findall(r"[^.\[\]]+(?:\[[^\]]+\])?", path):
        match = re.fullmatch(r"([^\[]+)\[(?:(\d+)|([a-z_]+)=([^\]]+))\]", part)
        if match is None:
            key: Any = int(part) if part.isdigit() and isinstance(node, dict) and int(part) in node else part
            node = node[key]
            continue
        node = node[match.group(1)]
        if match.group(2) is not None:
            node = node[int(match.group(2))]
        else:
            field, wanted = match.group(3), match.group(4)
            node = next(item for item in node if str(item.get(field)) == wanted)
    return node


def _same(found: Any, expected: Any) -> bool:
    """Money is compared as the amount (YAML reads 126000.00 as a float), dates and quarters as written."""
    if isinstance(expected, str) and isinstance(found, float):
        return Decimal(str(found)) == Decimal(expected)
    if isinstance(expected, str) and not isinstance(found, str):
        return str(found) == expected
    return bool(found == expected)


def _score(data: Any, facts: list[list[Any]]) -> tuple[float, list[str]]:
    missed = []
    for path, expected in facts:
        try:
            found = resolve(data, path)
        except (KeyError, StopIteration, IndexError, TypeError):
            missed.append(f"{path}: missing")
            continue
        if not _same(found, expected):
            missed.append(f"{path}: {found!r} != {expected!r}")
    return 1 - len(missed) / len(facts), missed


@pytest.mark.parametrize("facts_file", DOCUMENTS, ids=lambda p: p.name.removesuffix(".facts.json"))
def test_corpus_document_imports_its_facts_and_none_of_its_traps(facts_file: Path) -> None:
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    document = CORPUS / facts["document"]
    reference = load_reference()
    result = import_docx(document, reference, display_name=document.name)
    assert result.text is not None
    assert result.errors == 0, [f.code for f in result.validation if f.severity.value == "error"]
    data = yaml.safe_load(result.text)
    figures, missed_figures = _score(data, facts["figures"])
    texts, missed_texts = _score(data, facts["texts"])
    assert figures >= 0.95, missed_figures
    assert texts >= 0.95, missed_texts
    body = re.sub(r"(?m)^\s*(source|comment):.*$|#.*$", "", result.text)
    for trap in facts["traps"]:
        assert not re.search(rf"(?<![0-9]){re.escape(trap)}(?![0-9])", body), f"trap imported: {trap}"
    for path in facts["trap_paths"]:
        with pytest.raises((KeyError, StopIteration)):
            resolve(data, path)
    assert data["metadata"]["status"] == "projektas"
    assert sorted({f.code for f in result.findings}) == facts["codes"]
    assert validate_bytes(result.text.encode(), "draft.yaml", reference).errors == 0


def test_the_committed_corpus_is_what_the_generator_writes() -> None:
    # LibreOffice's .docx is not byte-stable: its HTML source is compared, and its text is checked above
    for path, data in _generator().outputs().items():
        assert path.read_bytes() == data, f"{path.name} changed: run python scripts/make_import_corpus.py"


@pytest.mark.parametrize("document", HOSTILE, ids=lambda p: p.name)
def test_hostile_documents_give_exit_2_one_line_and_no_output(document: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    run = run_planas("import", document, "-o", target)
    assert run.code == 2, run
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planas: "), run
    assert "Traceback" not in run.stderr and not target.exists()


def test_a_doc_file_is_told_how_to_convert_it(tmp_path: Path) -> None:
    run = run_planas("import", CORPUS / "hostile" / "doc-renamed.docx", "-o", tmp_path / "p.yaml")
    assert "soffice --headless --convert-to docx" in run.stderr


def test_a_missing_file_and_a_folder_are_exit_2(tmp_path: Path) -> None:
    assert run_planas("import", tmp_path / "nera.docx").code == 2
    assert run_planas("import", tmp_path, "-o", tmp_path / "p.yaml").code == 2


def test_import_writes_a_valid_draft_and_never_overwrites_without_force(tmp_path: Path) -> None:
    document = CORPUS / "rankinis-telsiai-2023.docx"
    target = tmp_path / "plan.yaml"
    first = run_planas("import", document, "-o", target)
    assert first.code == 0, first
    assert "W2101" in first.stdout and "3 lentelė, 4 eilutė, 5 stulpelis" in first.stdout
    written = target.read_bytes()
    assert run_planas("validate", target).code == 0
    target.write_text("mano\n", encoding="utf-8")
    refused = run_planas("import", document, "-o", target)
    assert refused.code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mano\n"
    assert run_planas("import", document, "-o", target, "--force").code == 0
    assert target.read_bytes() == written  # deterministic: the same document, the same bytes


def test_strict_fails_on_warnings_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    run = run_planas("import", CORPUS / "rankinis-telsiai-2023.docx", "-o", target, "--strict")
    assert run.code == 1 and not target.exists()


def test_standard_output_gets_the_yaml_and_the_report_goes_to_stderr() -> None:
    run = run_planas("import", CORPUS / "libreoffice-druskininkai-2021.docx", "-o", "-")
    assert run.code == 0, run
    data = yaml.safe_load(run.stdout)
    assert data["metadata"]["municipality"]["name"] == "Druskininkų savivaldybė"
    assert "W2104" not in run.stdout


def test_json_report_in_english(tmp_path: Path) -> None:
    run = run_planas("import", CORPUS / "rankinis-telsiai-2023.docx", "-o", tmp_path / "p.yaml", "-f", "json",
                     "--lang", "en")
    assert run.code == 0, run
    report = json.loads(run.stdout[: run.stdout.rindex("}") + 1])
    codes = {f["code"] for f in report["import_findings"]}
    assert {"W2101", "W2109", "W2111", "W2116", "W2118"} <= codes
    joint = next(f for f in report["import_findings"] if f["code"] == "W2109")
    assert joint["location"] == "table 3, row 4, column 5" and joint["message"].startswith("The funds")


def test_rejecting_tracked_changes_keeps_the_deleted_row_and_drops_the_insertion() -> None:
    document = CORPUS / "rankinis-telsiai-2023.docx"
    accepted = yaml.safe_load(import_docx(document, load_reference()).text or "")
    rejected = yaml.safe_load(import_docx(document, load_reference(), "reject").text or "")
    assert len(rejected["analysis"]["provision"]) == len(accepted["analysis"]["provision"]) + 1
    day_care = resolve(rejected, "analysis.provision[service=dienos_socialine_globa_namuose]")
    assert day_care["years"][2021]["recipients"] == 3
    assert resolve(rejected, "action_plan.measures[id=1.3].title") == "Atnaujinti dienos centro patalpas ir kiemą"


FINDINGS = json.loads((CORPUS / "findings" / "codes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings_corpus_raises_exactly_its_codes(name: str, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    run = run_planas("import", CORPUS / "findings" / name, "-o", target, "-f", "json")
    report = json.loads(run.stdout[: run.stdout.rindex("}") + 1])
    assert sorted({f["code"] for f in report["import_findings"]}) == FINDINGS[name]
    failed = any(code.startswith("E") for code in FINDINGS[name])
    assert run.code == (1 if failed else 0), run
    assert target.exists() is not failed


def _rendered(plan_data: dict[str, Any], tmp_path: Path, example: str) -> Path:
    """The plan (data) rendered to Word by planas, as the round trip does."""
    from planas.model import Plan
    from planas.render import render_plan
    from planas.repository.localref import reference_for

    reference = reference_for(ROOT / "examples" / example / "plan.yaml")
    document = tmp_path / "plan.docx"
    document.write_bytes(render_plan(Plan.model_validate(plan_data), reference, "docx", None))
    return document


def test_finance_rows_of_one_service_are_told_apart_by_the_provider_shown_beside_it(tmp_path: Path) -> None:
    data = fast_load((ROOT / "examples" / "birstonas-2020" / "plan.yaml").read_bytes())
    rows = [f for f in data["analysis"]["finance"] if f["service"] == "pagalba_i_namus"]
    for row in rows:
        row.pop("target_group")
    rows[1]["provider"] = "vdc"  # the same service, no groups: the providers tell the two rows apart
    imported = import_docx(_rendered(data, tmp_path, "birstonas-2020"), load_reference())
    assert imported.text is not None and imported.errors == 0
    back = yaml.safe_load(imported.text)
    found = [(f.get("provider"), f.get("target_group"), [e["sources"]["SB"] for e in f["entries"]])
             for f in back["analysis"]["finance"] if f["service"] == "pagalba_i_namus"]
    names = {p["id"]: p["name"] for p in back["analysis"]["providers"]}
    shown = {p["id"]: p["name"] for p in data["analysis"]["providers"]}
    assert [(names[p], g, sb) for p, g, sb in found] == [
        (shown[r["provider"]], None, [Decimal(str(e["sources"]["SB"])) for e in r["entries"]]) for r in rows]
    assert "W2107" not in {f.code for f in imported.findings}


def test_a_row_of_a_2025_block_naming_an_unknown_service_is_kept_as_typed_with_a_finding(tmp_path: Path) -> None:
    import docx

    document = tmp_path / "plan.docx"  # the example unchanged: its render of this process (byte-identical)
    document.write_bytes(render_example(ROOT / "examples" / "birstonas-2027" / "plan.yaml", "docx"))
    word = docx.Document(str(document))
    table = next(t for t in word.tables if [c.text for c in t.rows[0].cells][:4] ==
                 ["Paslauga", "Gavėjų grupė", "Asmenų", "Priežastis"])
    cell = table.rows[1].cells[0]
    cell.paragraphs[0].runs[0].text = "Kosminė globa"
    for run in cell.paragraphs[0].runs[1:]:
        run.text = ""
    word.save(str(document))
    imported = import_docx(document, load_reference())
    assert imported.text is not None and imported.errors == 0
    back = yaml.safe_load(imported.text)
    assert [i["service"] for i in back["analysis"]["unmet_need"]["items"]] == [
        "dienos_socialine_globa_namuose", "socialiniu_dirbtuviu_paslaugos"]
    assert any(f.code == "W2102" and dict(f.params)["name"] == "Kosminė globa" for f in imported.findings)
    kept = next(s for s in back["sections"] if s["id"] == "neimportuoti_duomenys")
    assert any("Kosminė globa" in row.values() for table in kept["tables"] for row in table["rows"])


def test_an_own_table_comes_back_with_its_typed_columns(tmp_path: Path) -> None:
    data = fast_load((ROOT / "examples" / "telsiai-2023" / "plan.yaml").read_bytes())
    section = next(s for s in data["sections"] if s.get("tables"))
    section["tables"][0]["columns"] += [{"id": "dalis", "title": "Dalis", "type": "procentai"},
                                        {"id": "pastaba", "title": "Pastaba, trumpai"},
                                        {"id": "kada", "title": "Mokymų data", "type": "data"}]
    section["tables"][0]["rows"][0].update({"dalis": Decimal("12.5"), "pastaba": "pavasarį", "kada": "2022-03-01"})
    imported = import_docx(_rendered(data, tmp_path, "telsiai-2023"), load_reference())
    assert imported.text is not None and imported.errors == 0
    back = fast_load(imported.text.encode("utf-8"))
    table = next(t for s in back["sections"] for t in s.get("tables", [])
                 if t.get("caption") == section["tables"][0]["caption"])
    assert [(c["title"], c.get("type", "tekstas"), c.get("unit")) for c in table["columns"]] == [
        ("Teikėjas", "tekstas", None), ("Darbuotojai", "kiekis", "asm."), ("Mokymų valandos", "kiekis", "val."),
        ("Lėšos", "suma", "Eur"), ("Dalis", "procentai", None),
        ("Pastaba, trumpai", "tekstas", None), ("Mokymų data", "data", None)]
    # the date is printed `2022 m. kovo 1 d.` and comes back as the date it is (YAML `2022-03-01`)
    assert list(table["rows"][0].values())[1:] == [52, 1040, Decimal("6240.00"), Decimal("12.5"), "pavasarį",
                                                   "2022-03-01"]
