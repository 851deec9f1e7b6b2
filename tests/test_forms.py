"""`planas forms` and `planas forms merge` on the Birštonas example, as a provider would fill the forms."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from planas.validation import validate_file
from planas.years.diff import diff_plans

from .conftest import EXAMPLE, ROOT, run_planas, run_process
from .forms_cases import TWICE_CODE, example_forms

PROVIDERS = ("spc.xlsx", "vdc.xlsx", "globa.xlsx")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the example (the merge writes it)."""
    target = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, target)
    return target


def _forms(plan: Path) -> Path:
    """The forms `planas forms` writes for this plan, run now (the plan or its reference data differ)."""
    out = plan.parent / "formos"
    result = run_planas("forms", plan, "-o", out)
    assert result.code == 0, str(result)
    return out


def _example_forms(plan: Path) -> Path:
    """The forms of the unchanged example beside its copy `plan`: the command's bytes, generated once per process."""
    assert plan.read_bytes() == EXAMPLE.read_bytes()
    return example_forms(EXAMPLE, plan.parent / "formos")


def _load(path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path)


def _row(sheet: Any, service: str, group: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1)
                if sheet.cell(row=r, column=1).value == service and sheet.cell(row=r, column=2).value == group)


def test_one_form_per_provider_and_a_blank_one_byte_identical_each_time(plan: Path, tmp_path: Path) -> None:
    out = _example_forms(plan)
    assert sorted(p.name for p in out.iterdir()) == sorted([*PROVIDERS, "naujas-teikejas.xlsx"])
    again = tmp_path / "again"
    assert run_planas("forms", plan, "-o", again).code == 0
    for name in (*PROVIDERS, "naujas-teikejas.xlsx"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name
        with zipfile.ZipFile(out / name) as archive:
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core = archive.read("docProps/core.xml").decode()
        assert "2020-12-01T00:00:00Z" in core  # created and modified: fixed, not the wall clock


def test_forms_are_prefilled_protected_validated_and_identified(plan: Path) -> None:
    workbook = _load(_example_forms(plan) / "spc.xlsx")
    assert workbook.sheetnames == ["Paaiškinimai", "Įstaiga", "Paslaugos", "Projektai", "Pasiūlymai", "Sąrašai",
                                   "planas"]
    assert [workbook[n].sheet_state for n in ("Sąrašai", "planas")] == ["hidden", "hidden"]
    meta = {workbook["planas"].cell(row=r, column=1).value: workbook["planas"].cell(row=r, column=2).value
            for r in range(1, 7)}
    assert (meta["form"], meta["form_version"], meta["municipality"], meta["year"], meta["provider"]) == (
        "planas-teikejo-forma", "1", "Birštono savivaldybė", "2021", "spc")
    institution = workbook["Įstaiga"]
    assert institution["B2"].value == "Birštono socialinių paslaugų centras"
    assert institution["B3"].value == "Savivaldybė"
    assert institution.protection.sheet and not institution["B2"].protection.locked and institution["A2"].protection.locked
    services = workbook["Paslaugos"]
    assert [c.value for c in services[1]][:7] == [
        "Paslauga (iš katalogo)", "Gavėjų grupė", "Vietų skaičius", "Didžiausias lankytojų skaičius per dieną",
        "Gavėjų skaičius 2020 m.", "Laukiančiųjų eilėje 2020 m. pabaigoje", "Planuojama gavėjų 2021 m."]
    row = _row(services, "Pagalba į namus", "Senyvo amžiaus asmenys ir jų šeimos")
    assert [services.cell(row=row, column=c).value for c in range(3, 10)] == [40, None, 34, 5, 38, 5.2, "Eur/val."]
    kinds = {(v.type, v.operator) for v in services.data_validations.dataValidation}
    assert {("list", None), ("whole", "greaterThanOrEqual"), ("custom", None)} <= kinds
    lists = {str(v.sqref): v.formula1 for v in services.data_validations.dataValidation if v.type == "list"}
    assert any(f.startswith("'Sąrašai'!$A$2:$A$") for f in lists.values())


def test_filled_forms_merge_exactly_the_changes_and_keep_the_comments(plan: Path) -> None:
    out = _example_forms(plan)
    original = plan.read_text(encoding="utf-8")
    workbook = _load(out / "spc.xlsx")
    services = workbook["Paslaugos"]
    row = _row(services, "Pagalba į namus", "Senyvo amžiaus asmenys ir jų šeimos")
    services.cell(row=row, column=5, value=36)  # recipients 2020: 34 -> 36
    new = next(r for r in range(2, services.max_row + 1) if services.cell(row=r, column=1).value is None)
    for column, value in ((1, "Psichosocialinė pagalba"), (2, "Senyvo amžiaus asmenys ir jų šeimos"), (7, 10)):
        services.cell(row=new, column=column, value=value)  # a new service, 10 planned for 2021
    services.cell(row=row, column=3, value="40 vietų")  # the broken cell
    workbook.save(out / "spc.xlsx")

    broken = run_planas("forms", "merge", plan, *(out / n for n in PROVIDERS), "--write")
    assert broken.code == 1, str(broken)
    assert f"{out / 'spc.xlsx'}:Paslaugos!C{row}: E1812 klaida: „40 vietų“ – ne neneigiamas sveikasis skaičius" \
        in broken.stdout
    assert plan.read_text(encoding="utf-8") == original

    services.cell(row=row, column=3, value=40)  # fixed (and the second row of the service says 40 too)
    workbook.save(out / "spc.xlsx")
    preview = run_planas("forms", "merge", plan, *(out / n for n in PROVIDERS), out / "naujas-teikejas.xlsx")
    assert preview.code == 0, str(preview)
    assert "--write" in preview.stderr and plan.read_text(encoding="utf-8") == original
    written = run_planas("forms", "merge", plan, *(out / n for n in PROVIDERS), "--write")
    assert written.code == 0, str(written)
    assert written.stdout.split("planas diff:")[1] == preview.stdout.split("planas diff:")[1]

    assert run_planas("validate", plan).code == 0
    merged = plan.read_text(encoding="utf-8")
    comments = [line.strip() for line in original.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in merged for c in comments)
    before, after = validate_file(EXAMPLE), validate_file(plan)
    assert before.plan is not None and after.plan is not None
    from planas.reference import load_reference

    changes = diff_plans(before.plan, after.plan, load_reference()).changes
    assert sorted((c.kind, c.path_text) for c in changes if c.section != "criteria") == sorted([
        ("changed", "analysis.provision[pagalba_i_namus/senyvo_amziaus/spc].years.2020.recipients"),
        ("added", "analysis.providers[spc].services[psichosocialine_pagalba]"),
        ("added", "analysis.provision[psichosocialine_pagalba/senyvo_amziaus/spc]"),
        ("added", "services[psichosocialine_pagalba]"),
    ]), [(c.kind, c.path_text) for c in changes]
    assert "recipients: 36" in merged and "psichosocialine_pagalba" in merged
    assert merged.splitlines()[:5] == original.splitlines()[:5]  # the header comment and key order stay


def test_blank_form_adds_a_new_provider(plan: Path) -> None:
    out = _example_forms(plan)
    workbook = _load(out / "naujas-teikejas.xlsx")
    institution = workbook["Įstaiga"]
    institution["B2"], institution["B3"], institution["B4"] = ("Bendruomenės centras „Versmė“",
                                                               "Nevyriausybinė organizacija", "Dienos centras")
    institution["B8"] = 1.5
    services = workbook["Paslaugos"]
    for column, value in ((1, "Sociokultūrinės paslaugos"), (2, "Senyvo amžiaus asmenys ir jų šeimos"), (3, 15),
                          (5, 40), (8, 2), (9, "Eur/mėn.")):
        services.cell(row=2, column=column, value=value)
    workbook.save(out / "naujas-teikejas.xlsx")
    result = run_planas("forms", "merge", plan, out / "naujas-teikejas.xlsx", "--write")
    assert result.code == 0, str(result)
    after = validate_file(plan)
    assert after.plan is not None and after.errors == 0
    added = after.plan.analysis.providers[-1]
    assert (added.id, added.owner, added.institution_type) == ("bcv", "nvo", "dienos_centras")
    assert str(added.services[0].price.amount) == "2.00" if added.services[0].price else False
    assert "amount: 2.00" in plan.read_text(encoding="utf-8")


def test_one_provider_twice_is_refused(plan: Path) -> None:
    out = _example_forms(plan)
    shutil.copy(out / "vdc.xlsx", out / "vdc-kopija.xlsx")
    result = run_planas("forms", "merge", plan, out / "vdc.xlsx", out / "vdc-kopija.xlsx", "--lang", "en")
    assert result.code == 1
    assert f"{out / 'vdc-kopija.xlsx'}: {TWICE_CODE} error: The provider 'vdc' has two forms" in result.stdout


def test_json_and_github_reports_locate_the_cell(plan: Path) -> None:
    out = _example_forms(plan)
    workbook = _load(out / "vdc.xlsx")
    workbook["Paslaugos"]["E2"] = "daug"
    workbook.save(out / "vdc.xlsx")
    import json

    report = json.loads(run_planas("forms", "merge", plan, out / "vdc.xlsx", "-f", "json").stdout)
    finding = report["files"][0]["findings"][0]
    assert (finding["code"], finding["cell"], finding["line"], finding["column"]) == ("E1812", "Paslaugos!E2", 2, 5)
    assert report["diff"] is None  # nothing merged
    workbook["Paslaugos"]["E2"] = 21
    workbook.save(out / "vdc.xlsx")
    clean = json.loads(run_planas("forms", "merge", plan, out / "vdc.xlsx", "-f", "json").stdout)
    assert clean["files"][0]["errors"] == 0 and clean["diff"]["summary"]["changed"] >= 1, clean
    workbook["Paslaugos"]["E2"] = "daug"
    workbook.save(out / "vdc.xlsx")
    github = run_planas("forms", "merge", plan, out / "vdc.xlsx", "-f", "github").stdout
    assert github.startswith(f"::error file={out / 'vdc.xlsx'},line=2,col=5,title=E1812 Paslaugos!E2::")


def test_usage_errors_exit_2(plan: Path) -> None:
    out = _example_forms(plan)
    assert run_planas("forms", plan).code == 2  # no -o
    assert run_planas("forms", "merge", plan).code == 2  # no forms
    missing = run_planas("forms", "merge", plan, out / "nera.xlsx")
    assert missing.code == 2 and "nera.xlsx" in missing.stderr
    again = run_planas("forms", plan, "-o", out)
    assert again.code == 2 and "--force" in again.stderr  # returned answers are never overwritten unasked
    assert run_planas("forms", plan, "-o", out, "--force").code == 0
    invalid = run_planas("forms", ROOT / "tests" / "data" / "invalid" / "unknown-service.yaml", "-o", out / "x")
    assert invalid.code == 1 and "E0303" in invalid.stdout and not (out / "x").exists()  # a plan with errors: no forms


def test_help_in_both_languages() -> None:
    lt = run_process("forms", "--help", env={"COLUMNS": "200"})
    en = run_process("forms", "--help", "--lang", "en", env={"COLUMNS": "200"})
    assert lt.code == en.code == 0
    assert "planas forms merge PLANAS.yaml FORMA.xlsx" in lt.stdout and "Parinktys" in lt.stdout
    assert "Providers' data forms" in en.stdout and "merges the filled ones" in en.stdout


def test_local_reference_data_reaches_the_lists(tmp_path: Path) -> None:
    (tmp_path / ".planas.yaml").write_text("reference: reference/\n", encoding="utf-8")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "target_groups.yaml").write_text(
        'version: "2023.1"\ngroups:\n  - id: benamiai_asmenys\n    name_lt: Benamiai asmenys\n'
        "    name_en: Homeless persons\n", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "plan.yaml")
    out = _forms(tmp_path / "plan.yaml")
    lists = _load(out / "vdc.xlsx")["Sąrašai"]
    assert "Benamiai asmenys" in [c.value for c in lists["B"]]


def _has_calc() -> bool:
    """Whether LibreOffice with Calc is installed (Debian packs Calc apart: soffice alone may lack it)."""
    soffice = shutil.which("soffice")
    return soffice is not None and (Path(soffice).resolve().parent / "libsclo.so").exists()


@pytest.mark.visual
@pytest.mark.skipif(not _has_calc(), reason="LibreOffice Calc is not installed (libreoffice-calc-nogui; CI has it)")
def test_forms_open_cleanly_in_libreoffice_calc(plan: Path, tmp_path: Path) -> None:
    out = _example_forms(plan)
    converted = tmp_path / "csv"
    for name in (*PROVIDERS, "naujas-teikejas.xlsx"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
             str(converted), str(out / name)],
            check=True, capture_output=True, timeout=180)
    services = (converted / "spc-Paslaugos.csv").read_text(encoding="utf-8")
    assert "Pagalba į namus,Senyvo amžiaus asmenys ir jų šeimos,40,,34,5,38,5.2,Eur/val." in services
    assert (converted / "naujas-teikejas-Įstaiga.csv").read_text(encoding="utf-8").startswith("Laukas,Atsakymas")
    saved = tmp_path / "calc"  # saved again by Calc, a form still reads back clean, and unchanged
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(out / "spc.xlsx")],
                   check=True, capture_output=True, timeout=180)
    merged = run_planas("forms", "merge", plan, saved / "spc.xlsx")
    assert merged.code == 0 and "0 klaidų, 0 įspėjimų" in merged.stdout and "Skirtumų nėra." in merged.stdout


def test_no_form_is_written_into_the_examples() -> None:
    assert not list((ROOT / "examples").rglob("*.xlsx"))  # every test writes its forms under tmp_path


@pytest.mark.parametrize("example", ["birstonas-2021", "telsiai-2023"])
def test_forms_sent_back_untouched_change_nothing(example: str, tmp_path: Path) -> None:
    source = ROOT / "examples" / example / "plan.yaml"
    example_forms(source, tmp_path)  # the forms `planas forms` writes for it (generated once per process)
    merged = run_planas("forms", "merge", source, *sorted(tmp_path.glob("*.xlsx")))
    assert merged.code == 0 and "0 klaidų, 0 įspėjimų" in merged.stdout and "Skirtumų nėra." in merged.stdout
