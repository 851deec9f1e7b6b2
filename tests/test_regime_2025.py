"""Plans for 2025 and later under the 2024 law (regime A1-368_2024): reference, content, rules, crossing, example."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from planas.criteria import evaluate_criteria
from planas.model.needs import BLOCKS_2025, NeedsAssessment, block_filled
from planas.reference import load_reference
from planas.render import render_plan
from planas.validation import validate_file
from planas.validation.registry import RULES

from .conftest import DATA, EXAMPLE, ROOT, run_planas

EXAMPLE_2027 = ROOT / "examples" / "birstonas-2027" / "plan.yaml"
GOLDEN = ROOT / "tests" / "golden"
REF = load_reference()


def _findings(run_stdout: str) -> list[dict[str, object]]:
    return [f for file in json.loads(run_stdout)["files"] for f in file["findings"]]


# --- reference data by regime ------------------------------------------------------------

def test_a_service_category_is_keyed_by_regime() -> None:
    assert REF.service_category("informavimas", 2023).id == "bendrosios"  # type: ignore[union-attr]
    assert REF.service_category("informavimas", 2027).id == "prevencines"  # type: ignore[union-attr]
    assert REF.service_category("laikino_atokvepio_paslauga", 2024).id == "socialine_prieziura"  # type: ignore[union-attr]
    assert REF.service_category("laikino_atokvepio_paslauga", 2025).id == "laikinas_atokvepis"  # type: ignore[union-attr]
    moves = REF.moved_services(2024, 2025)
    assert moves["sociokulturines_paslaugos"] == ("bendrosios", "prevencines")
    assert "konsultavimas" not in moves
    assert REF.service_by_name("Integrali pagalba").code == "dienos_socialine_globa_namuose"  # type: ignore[union-attr]
    assert REF.service_by_name("laikinas atokvėpis").code == "laikino_atokvepio_paslauga"  # type: ignore[union-attr]
    assert set(REF.respite_forms) == {"pagalba_i_namus", "dsg_asmens_namuose", "trumpalaike_globa_institucijoje"}
    assert all(not form.verified and form.service in REF.services for form in REF.respite_forms.values())


def test_the_new_services_of_the_2024_law_are_in_the_catalogue() -> None:
    preventive = {"potencialiu_gaveju_paieska", "kompleksines_paslaugos_seimai", "darbas_su_bendruomene",
                  "informavimas", "sociokulturines_paslaugos"}  # art. 8(2)
    supervision = {"socialine_prieziura_seimoms", "socialine_reabilitacija_bendruomeneje",
                   "socialiniu_dirbtuviu_paslaugos", "psichologine_socialine_reabilitacija_vaikams"}  # art. 10(3)
    for code in preventive:
        assert REF.service_category(code, 2025).id == "prevencines", code  # type: ignore[union-attr]
    for code in supervision:
        assert REF.service_category(code, 2025).id == "socialine_prieziura", code  # type: ignore[union-attr]


def test_reference_services_by_year_shows_the_regime_categories() -> None:
    new = json.loads(run_planas("reference", "services", "--year", "2027", "-f", "json").stdout)
    rows = {row["code"]: row for row in new["entries"]}
    assert new["regime"] == "A1-368_2024"
    assert rows["informavimas"]["category"].startswith("Prevencinės socialinės paslaugos (iki 2024 m. – Bendrosios")
    assert rows["laikino_atokvepio_paslauga"]["category"].startswith("Laikino atokvėpio paslauga")
    old = json.loads(run_planas("reference", "services", "--year", "2023", "-f", "json").stdout)
    rows = {row["code"]: row for row in old["entries"]}
    assert rows["informavimas"]["category"].startswith("Bendrosios socialinės paslaugos")
    assert rows["laikino_atokvepio_paslauga"]["category"].startswith("Socialinė priežiūra")
    table = run_planas("reference", "categories", "--year", "2023")
    assert table.code == 0 and "laikinas_atokvepis" not in table.stdout
    assert "laikinas_atokvepis" in run_planas("reference", "categories", "--year", "2027").stdout


def test_the_legal_basis_of_the_new_regime_is_data() -> None:
    regime = REF.regime("A1-368_2024")
    numbers = [act.number for act in regime.legal_basis]
    assert "A1-104" not in numbers and "A1-368" in numbers
    assert regime.legal_basis[0].point == "14 straipsnio 2 dalies 1 punktas"
    local = next(act for act in regime.legal_basis if "vietos savivaldos" in act.title)
    assert local.point and not local.verified  # the article is configurable and unverified
    assert {act.number for act in regime.other_acts} == {"A1-426", "A1-397"}
    assert "meras" in regime.author_kinds and "meras" not in REF.regime("legacy_1132_A1-104").author_kinds


# --- the model's 2025+ blocks --------------------------------------------------------------

def test_a_placeholder_block_is_not_filled() -> None:
    assert not block_filled(None)
    assert not block_filled(NeedsAssessment())
    assert block_filled(NeedsAssessment(findings="Trūksta pagalbos į namus."))
    assert block_filled(NeedsAssessment(methods=["apklausa"]))


def test_funding_need_totals_are_computed() -> None:
    plan = validate_file(EXAMPLE_2027).plan
    assert plan is not None and plan.analysis.funding_need is not None
    need = plan.analysis.funding_need
    assert need.needed_total() == Decimal(294000) and need.allocated_total() == Decimal(205600)


# --- rules ----------------------------------------------------------------------------------

def test_every_family_17_rule_cites_a_clause_in_both_languages() -> None:
    family = [rule for code, rule in RULES.items() if code[1:3] == "17"]
    assert len(family) == 14
    for rule in family:
        assert rule.clause and rule.message_lt and rule.message_en and rule.hint_lt and rule.hint_en


def test_an_approved_2025_plan_lists_each_missing_block_with_its_clause() -> None:
    case = DATA / "invalid" / "regime-approved-without-required-blocks.yaml"
    run = run_planas("validate", case, "-f", "json")
    assert run.code == 1
    found = {f["code"]: f for f in _findings(run.stdout)}
    for path, code in zip(BLOCKS_2025, ("E1701", "E1702", "E1703", "E1704", "E1705", "E1706"), strict=True):
        assert found[code]["severity"] == "error" and found[code]["path"] == ".".join(path)
        assert found[code]["clause"] == RULES[code].clause
    assert "14 str. 4 d. 1 p." in str(found["E1701"]["clause"]) and "4.2 p." in str(found["E1706"]["clause"])


# --- crossing the boundary: planas new 2025 --from a 2024 plan ----------------------------

@pytest.fixture(scope="module")
def plan_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("years")
    source = EXAMPLE
    for year in (2022, 2023, 2024):
        target = folder / f"plan-{year}.yaml"
        assert run_planas("new", str(year), "--from", source, "-o", target).code == 0
        source = target
    return source


def test_new_across_the_boundary_prints_its_migrations(plan_2024: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan-2025.yaml"
    run = run_planas("new", "2025", "--from", plan_2024, "-o", out)
    assert run.code == 0, run
    assert "Planavimo tvarka: legacy_1132_A1-104 → A1-368_2024" in run.stdout
    assert "pašalintas A1-104" in run.stdout and "įrašytas A1-368" in run.stdout
    assert "informavimas: rūšis bendrosios → prevencines" in run.stdout
    assert "analysis.needs_assessment: pridėtas tuščias blokas" in run.stdout
    text = out.read_text(encoding="utf-8")
    assert "A1-104" not in text.split("responsible_unit:")[0]  # not cited by default any more
    validated = run_planas("validate", out, "-f", "json")
    assert validated.code == 0, validated  # valid as a draft
    codes = {f["code"]: f["severity"] for f in _findings(validated.stdout)}
    assert {codes[c] for c in ("E1701", "E1702", "E1703", "E1704", "E1705", "E1706")} == {"warning"}
    english = run_planas("new", "2025", "--from", plan_2024, "-o", "-", "--lang", "en")
    assert "Crossing into another planning regime changed" in english.stderr
    assert english.stdout == text  # the same draft on standard output, the report apart


def test_new_within_a_regime_migrates_nothing(tmp_path: Path) -> None:
    run = run_planas("new", "2022", "--from", EXAMPLE, "-o", tmp_path / "plan.yaml")
    assert run.code == 0 and "Pereinant" not in run.stdout


def test_new_migrates_older_names_and_stated_categories(plan_2024: Path, tmp_path: Path) -> None:
    text = plan_2024.read_text(encoding="utf-8")
    text = text.replace("        - service: informavimas\n",
                        "        - service: informavimas\n          category: bendrosios\n", 1)
    text = text.replace("- service: dienos_socialine_globa_namuose\n", "- service: integrali_pagalba\n", 1)
    source = tmp_path / "plan-2024.yaml"
    source.write_text(text, encoding="utf-8")
    run = run_planas("new", "2025", "--from", source, "-o", tmp_path / "plan-2025.yaml")
    assert run.code == 0
    assert "services[0].category: bendrosios → prevencines" in run.stdout
    assert "integrali_pagalba → dienos_socialine_globa_namuose (senas pavadinimas)" in run.stdout
    draft = (tmp_path / "plan-2025.yaml").read_text(encoding="utf-8")
    assert "integrali_pagalba" not in draft and "category: prevencines" in draft


def test_diff_across_the_boundary_shows_category_moves(plan_2024: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan-2025.yaml"
    assert run_planas("new", "2025", "--from", plan_2024, "-o", out).code == 0
    report = json.loads(run_planas("diff", plan_2024, out, "-f", "json").stdout)
    services = next(s for s in report["sections"] if s["id"] == "services")["changes"]
    moves = {c["path"]: (c["kind"], c["old"], c["new"]) for c in services}
    assert moves["services[informavimas].category"] == ("changed", "bendrosios", "prevencines")
    assert moves["services[laikino_atokvepio_paslauga].category"] == (
        "changed", "socialine_prieziura", "laikinas_atokvepis")
    assert not any(c["kind"] in ("added", "removed") for c in services)  # a move, not a removal and an addition
    analysis = next(s for s in report["sections"] if s["id"] == "analysis")["changes"]
    assert {"kind": "added", "path": "analysis.needs_assessment"}.items() <= next(
        c for c in analysis if c["path"] == "analysis.needs_assessment").items()


# --- criteria candidates of the new goals -------------------------------------------------

def test_new_candidate_criteria_are_evaluated_for_2025_plans_only() -> None:
    plan = validate_file(EXAMPLE_2027).plan
    assert plan is not None
    rows = {row.criterion.id: row for row in evaluate_criteria(plan, REF).rows if row.service is None}
    assert all(not REF.criteria[i].official for i in range(len(REF.criteria)))
    plan_year = {cid: rows[cid].values[-1].value for cid in ("K14", "K15", "K16", "K17", "K18", "K19", "K20")}
    assert plan_year == {"K14": Decimal("69.9"), "K15": Decimal(11), "K16": Decimal(6), "K17": Decimal(5),
                         "K18": Decimal(2), "K19": Decimal("55.1"), "K20": Decimal("4.8")}
    legacy = validate_file(EXAMPLE).plan
    assert legacy is not None
    assert not {"K14", "K20"} & {row.criterion.id for row in evaluate_criteria(legacy, REF).rows}


# --- the 2027 example and its documents ----------------------------------------------------

def test_the_2027_example_is_a_clean_draft_and_approving_it_needs_the_decision(tmp_path: Path) -> None:
    run = run_planas("validate", EXAMPLE_2027)
    assert run.code == 0 and "0 klaidų, 0 įspėjimų" in run.stdout
    approved = tmp_path / "plan.yaml"
    approved.write_text(EXAMPLE_2027.read_text(encoding="utf-8").replace("status: projektas", "status: patvirtintas"),
                        encoding="utf-8")
    found = _findings(run_planas("validate", approved, "-f", "json").stdout)
    assert [f["code"] for f in found] == ["C0801", "C0801"]  # every required block is there
    assert "14 str. 2 d. 1 p." in str(found[0]["clause"])


def test_the_2027_example_renders_the_2025_layout_in_markdown() -> None:
    plan = validate_file(EXAMPLE_2027).plan
    assert plan is not None
    text = (GOLDEN / "birstonas-2027.md").read_text(encoding="utf-8")
    for heading in ("## II. BŪKLĖS IR POREIKIŲ ANALIZĖ", "### 5. Gyventojų socialinių paslaugų poreikių vertinimas",
                    "### 6. Socialinių paslaugų poreikius lemiantys veiksniai",
                    "### 8. Socialinių paslaugų teikėjų darbuotojai ir akreditacija",
                    "### 10. Laikino atokvėpio paslauga pagal teikimo formas",
                    "### 11. Nepatenkintas socialinių paslaugų poreikis",
                    "### 12. Socialinių paslaugų prognozė ir išvystymo normatyvai",
                    "### 14. Lėšų, reikalingų socialinėms paslaugoms finansuoti, poreikis",
                    "### 17. Asmenų priklausomumo (savarankiškumo netekimo) prevencija"):
        assert heading in text, heading
    assert "| Iš viso | reikia |   |   |   | 294\u00a0000 |" in text and "| trūksta |   |   |   | 88\u00a0400 |" in text
    assert "12† |" in text and "† Normatyvo reikšmę įrašė plano rengėjai." in text
    assert "Organizuojant trumpalaikę socialinę globą institucijoje" in text
    assert "Valstybės (SADM)" in text and "| 24,5 |" in text
    assert "Forma patvirtinta" not in text  # not the 2007 form
    assert "A1-104" not in text.split("### 2.")[0]


def test_golden_files_of_the_2027_example_are_current() -> None:
    from scripts.regenerate import CROSSING_PAIR, golden_diff, golden_markdown

    assert golden_markdown(EXAMPLE_2027) == (GOLDEN / "birstonas-2027.md").read_bytes()
    assert golden_diff("text", CROSSING_PAIR) == (GOLDEN / "diff-birstonas-2021-2027.txt").read_text(encoding="utf-8")


def test_the_2027_example_renders_the_2025_layout_in_word(tmp_path: Path) -> None:
    from docx import Document

    plan = validate_file(EXAMPLE_2027).plan
    assert plan is not None
    out = tmp_path / "plan.docx"
    out.write_bytes(render_plan(plan, REF, "docx"))
    document = Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(t.startswith("14. Lėšų, reikalingų socialinėms paslaugoms finansuoti") for t in paragraphs)
    assert any(t.startswith("17. Asmenų priklausomumo") for t in paragraphs)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"88\u00a0400", "trūksta", "Organizuojant dienos socialinę globą asmens namuose", "Globos koordinatoriai"} <= cells


def test_diff_2021_to_2027_works_across_the_boundary() -> None:
    run = run_planas("diff", EXAMPLE, EXAMPLE_2027)
    assert run.code == 0
    # the categories by their names; the JSON report keeps the codes
    assert "~ Informavimas: kategorija: Bendrosios socialinės paslaugos → Prevencinės socialinės paslaugos" in run.stdout


def test_reference_lists_the_respite_forms_and_says_they_are_unverified() -> None:
    table = run_planas("reference", "respite-forms")
    assert table.code == 0
    assert "dsg_asmens_namuose" in table.stdout and "Dienos socialinė globa asmens namuose" in table.stdout
    assert "nepatikrinta" in table.stdout and "patikrinta " not in table.stdout.replace("nepatikrinta", "")
    data = json.loads(run_planas("reference", "respite-forms", "--search", "trumpalaik", "-f", "json").stdout)
    assert [row["code"] for row in data["entries"]] == ["trumpalaike_globa_institucijoje"]
    assert "respite-forms" in run_planas("reference").stdout
