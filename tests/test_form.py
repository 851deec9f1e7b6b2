"""Issue 10: a plan's own sections and numbering, typed blocks, deadlines, `planas reference`, local
reference data, provenance, and messages that lead to the fix — all through the real command line."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from .conftest import ROOT, run_planas

TELSIAI = ROOT / "examples" / "telsiai-2023"
PLAN = TELSIAI / "plan.yaml"
CODES = re.compile(r":\d+:\d+: ([A-Z]\d{4}) ")

# The real plan's table of contents as far as the published excerpt reaches (real-plans/telsiai-2023.md).
REAL_TOC = (
    "I. ĮVADAS",
    "1. Bendra informacija",
    "2. Socialinių paslaugų teikimo ir plėtros tikslai",
    "3. Socialinių paslaugų plano rengėjai",
    "II. BŪKLĖS ANALIZĖ",
    "4. Savivaldybės socialinės ekonominės ir demografinės si",
)


def _repo(tmp_path: Path, old: str = "", new: str = "", name: str = "repo") -> Path:
    """A copy of the Telšiai example repository, its plan changed by one replacement."""
    target = tmp_path / name
    shutil.copytree(TELSIAI, target)
    plan = target / "plan.yaml"
    if old:
        text = plan.read_text(encoding="utf-8")
        assert old in text, old
        plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _codes(stdout: str) -> list[str]:
    """The errors, and the warnings of this issue's families (other rules' warnings may come and go)."""
    return [c for c in CODES.findall(stdout) if c.startswith(("E", "W03", "W15"))]


def _headings_md(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("##")]


# --- the example ---------------------------------------------------------------------------------


def test_telsiai_validates_renders_and_follows_the_real_table_of_contents(tmp_path: Path) -> None:
    run = run_planas("validate", PLAN)
    assert run.code == 0 and "0 klaidų, 0 įspėjimų" in run.stdout, run
    out = tmp_path / "plan.md"
    assert run_planas("render", PLAN, "-f", "md", "-o", out).code == 0
    headings = _headings_md(out.read_text(encoding="utf-8"))
    for expected, actual in zip(REAL_TOC, headings, strict=False):
        assert actual.startswith(expected)
    assert headings[6:8] == ["4.1. Socialinių paslaugų poreikį lemiantys veiksniai",
                             "5. Socialinių paslaugų infrastruktūros analizė"]
    assert "8. Socialinių paslaugų SSGG analizė" in headings  # after section 7: the rest renumbered
    assert "11. Plano įgyvendinimo stebėsena ir atsiskaitymas" in headings  # a heading override
    docx_out = tmp_path / "plan.docx"
    assert run_planas("render", PLAN, "-o", docx_out).code == 0
    document = docx.Document(io.BytesIO(docx_out.read_bytes()))
    toc = [p.text for p in document.paragraphs if p.style is not None and p.style.name.lower().startswith("toc")]
    assert all(actual.startswith(expected) for expected, actual in zip(REAL_TOC, toc[:6], strict=True))
    assert "4.1. Socialinių paslaugų poreikį lemiantys veiksniai" in toc
    sub = [p for p in document.paragraphs if p.text.startswith("4.1. Socialinių")]
    assert sub[-1].style.name == "Heading 3"


def test_typed_blocks_deadlines_and_links_are_rendered(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", PLAN, "-f", "md", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "| Stiprybės | Silpnybės | Galimybės | Grėsmės |" in text
    assert "Aukštasis universitetinis" in text and "| Iš viso | 14 | 11 | 38 | 6 | 69 |" in text
    assert "Mokymų valandos, val." in text and "6\u00a0240" in text  # typed columns: count, money
    assert "Benamiai asmenys" in text  # the local target group by its name
    assert "2023\u00a0m. IV\u00a0ketv." in text  # a quarter deadline
    assert "| 2\\.1 | P2 |" in text  # a measure linked to a priority direction only
    assert "iki 2030\u00a0m." in text
    assert "Atsižvelgiant į būklės analizę" in text  # the directions' own lead-in


# --- the plan's own sections: rules ----------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "code"), [
    ("    after: finansavimas\n", "    after: finansai\n", "E1501"),
    ("    after: finansavimas\n", "    after: finansavimas\n    within: gavejai\n", "E1502"),
    ("  - id: ssgg\n", "  - id: gavejai\n", "E1503"),
    ("    within: prioritetai\n", "    within: poreikio_veiksniai\n", "E1504"),
    ("{teikejas: Telšių socialinių paslaugų centras,", "{teikejai: Telšių socialinių paslaugų centras,", "E1505"),
    ("darbuotojai: 52,", "darbuotojai: 52.5,", "E1506"),
    ("      - provider: spc\n", "      - provider: spx\n", "E0302"),
])
def test_section_rules(tmp_path: Path, old: str, new: str, code: str) -> None:
    run = run_planas("validate", _repo(tmp_path, old, new) / "plan.yaml")
    assert run.code == 1 and _codes(run.stdout) == [code], run


def test_diff_matches_sections_by_id(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "Trūksta laikino apnakvindinimo vietų", "Trūksta socialinių darbuotojų")
    run = run_planas("diff", PLAN, repo / "plan.yaml", "--format", "json")
    assert run.code == 0, run
    changes = json.dumps(json.loads(run.stdout), ensure_ascii=False)
    assert "sections[ssgg].swot.weaknesses" in changes and "Trūksta socialinių darbuotojų" in changes


# --- measures and deadlines -------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "codes"), [
    ("      priority: P2\n", "", ["E0320"]),
    ("      deadline: 2023-Q4\n", "      deadline: 2024\n", ["W0322"]),
    ("      deadline: 2023-Q4\n", "      deadline: 2024-Q1\n", ["W0322"]),
    ("      deadline: 2023-Q4\n", "      deadline: 2023-Q5\n", ["E0321"]),
    ("      deadline: 2023-Q4\n", "      deadline: 2023\n", []),
])
def test_measure_links_and_deadlines(tmp_path: Path, old: str, new: str, codes: list[str]) -> None:
    run = run_planas("validate", _repo(tmp_path, old, new) / "plan.yaml")
    assert _codes(run.stdout) == codes, run
    if codes == ["W0322"]:
        assert "daugiametė" in run.stdout.lower() and "E0501" not in run.stdout


# --- planas reference and the schema ---------------------------------------------------------------


def test_reference_services_search_year_and_json() -> None:
    run = run_planas("reference", "services", "--search", "globa", "--year", "2023")
    assert run.code == 0 and "ilgalaike_socialine_globa" in run.stdout and "Socialinė globa" in run.stdout
    assert "pagalba_i_namus" not in run.stdout
    data = json.loads(run_planas("reference", "services", "--search", "globa", "--format", "json").stdout)
    assert data["list"] == "services" and {e["code"] for e in data["entries"]} >= {"ilgalaike_socialine_globa"}
    english = run_planas("reference", "groups", "--search", "senyvo", "--lang", "en")
    assert "Elderly persons" in english.stdout and "Target groups" in english.stdout
    for kind, code in (("institution-types", "globos_namai"), ("indicators", "population_total"),
                       ("funding-sources", "VBD"), ("municipalities", "LT-"), ("rules", "E0320")):
        assert code in run_planas("reference", kind).stdout, kind
    assert "services" in run_planas("reference").stdout


def test_hints_name_the_reference_command(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "      services: [pagalba_i_namus]\n", "      services: [pagalba_namuose]\n")
    run = run_planas("validate", repo / "plan.yaml")
    assert "E0303" in run.stdout and "planas reference services --search" in run.stdout


def test_schema_closes_code_lists_with_titles_and_cites_no_internal_document(tmp_path: Path) -> None:
    schema = json.loads(run_planas("schema").stdout)
    service = schema["$defs"]["Provision"]["properties"]["service"]
    assert "informavimas" in service["enum"] and "informavimas – Informavimas" in service["description"]
    group = schema["$defs"]["Goal"]["properties"]["target_groups"]["items"]
    assert "senyvo_amziaus" in group["enum"] and "benamiai_asmenys" not in group["enum"]
    assert "CustomSection" in schema["$defs"]
    deadline = schema["$defs"]["Measure"]["properties"]["deadline"]["anyOf"]
    assert {"type": "integer", "minimum": 2000, "maximum": 2100, "description": "Metai, pvz. 2023."} in deadline
    text = json.dumps(schema, ensure_ascii=False)
    assert not re.search(r"DOMAIN-RESEARCH|DESIGN\.md|ANCHORS|seeds/", text)
    local = json.loads(run_planas("schema", cwd=_repo(tmp_path)).stdout)
    assert "benamiai_asmenys" in local["$defs"]["Goal"]["properties"]["target_groups"]["items"]["enum"]


# --- local reference data ---------------------------------------------------------------------------


def test_local_group_is_known_only_inside_its_repository(tmp_path: Path) -> None:
    outside = tmp_path / "plan.yaml"
    shutil.copy(PLAN, outside)
    run = run_planas("validate", outside)
    assert run.code == 1 and set(_codes(run.stdout)) == {"E0305"}
    assert "vietiniame žinyne" in run.stdout  # how to add a local group
    listed = run_planas("reference", "groups", "--search", "benam", cwd=_repo(tmp_path))
    assert "benamiai_asmenys" in listed.stdout and "vietinis" in listed.stdout
    check = run_planas("check", _repo(tmp_path, name="checked"))
    assert check.code == 0, check


@pytest.mark.parametrize(("entry", "code"), [
    ("  - {id: senyvo_amziaus, name_lt: Seni, name_en: Old}\n", "E1510"),
    ("  - {id: vieniši, name_lt: Vieniši}\n", "E1511"),
])
def test_local_data_is_checked_like_the_packaged_data(tmp_path: Path, entry: str, code: str) -> None:
    repo = _repo(tmp_path)
    groups = repo / "reference" / "target_groups.yaml"
    groups.write_text(groups.read_text(encoding="utf-8") + entry, encoding="utf-8")
    run = run_planas("validate", repo / "plan.yaml")
    assert run.code == 2 and code in run.stderr and "target_groups.yaml:" in run.stderr, run


def test_local_services_and_indicators(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "      services: [laikinas_apnakvindinimas]\n",
                 "      services: [nakvyne_ziema]\n")
    (repo / "reference" / "catalogue.yaml").write_text(
        "services:\n  - code: nakvyne_ziema\n    name_lt: Žiemos nakvynė\n    name_en: Winter shelter\n"
        "    category: {legacy_1132_A1-104: socialine_prieziura, A1-368_2024: socialine_prieziura}\n"
        "    specialises: laikinas_apnakvindinimas\n    source: Telšių r. sav. (iliustracinis)\n", encoding="utf-8")
    plan = repo / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("      title: Nakvynės namų vietų užimtumas\n      unit: proc.\n", ""), encoding="utf-8")
    (repo / "reference" / "indicators.yaml").write_text(
        "social:\n  - {id: nakvynes_vietu_uzimtumas, name_lt: Nakvynės namų vietų užimtumas, unit: proc.}\n",
        encoding="utf-8")
    (repo / "reference" / "institution_types.yaml").write_text(
        "types:\n  - {id: bendruomenes_namai, name_lt: Bendruomenės namai, licence_required: false}\n",
        encoding="utf-8")
    assert run_planas("validate", plan).code == 0
    listed = run_planas("reference", "services", "--search", "žiemos", cwd=repo)
    assert "nakvyne_ziema" in listed.stdout and "laikinas_apnakvindinimas" in listed.stdout
    assert "nakvynes_vietu_uzimtumas" in run_planas("reference", "indicators", cwd=repo).stdout
    assert "bendruomenes_namai" in run_planas("reference", "institution-types", cwd=repo).stdout
    out = tmp_path / "plan.md"
    assert run_planas("render", plan, "-f", "md", "-o", out).code == 0
    assert "Žiemos nakvynė" in out.read_text(encoding="utf-8")


def test_review_block_and_chaptered_numbering(tmp_path: Path) -> None:
    review = (
        "  - id: ankstesni_metai\n    title: 2022 metų plano įgyvendinimas\n    within: stebesena\n"
        "    review:\n      year: 2022\n      text: Dauguma priemonių įvykdyta.\n      items:\n"
        "        - {measure: '1.1', title: Pagalba į namus, status: ivykdyta, result: 149 gavėjai}\n"
        "        - {title: Nakvynės vietos, status: neivykdyta, result: Perkelta į 2023 m.}\n"
        "  - id: vizija\n")
    repo = _repo(tmp_path, "  - id: vizija\n", review)
    plan = repo / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("chapter_numbering: romenisku", "chapter_numbering: skyrius")
    plan.write_text(text.replace("section_numbering: arabisku", "section_numbering: skirsnis"), encoding="utf-8")
    out = tmp_path / "plan.md"
    assert run_planas("render", plan, "-f", "md", "-o", out).code == 0, run_planas("validate", plan)
    rendered = out.read_text(encoding="utf-8")
    assert "2022 m. plano priemonių įgyvendinimas" in rendered and "| 1\\.1 | Pagalba į namus | įvykdyta |" in rendered
    headings = _headings_md(rendered)
    assert "II SKYRIUS BŪKLĖS ANALIZĖ" in headings
    assert "PENKTASIS SKIRSNIS Socialinių paslaugų SSGG analizė" in headings  # the 5th section of chapter II
    assert "2022 metų plano įgyvendinimas" in headings  # a sub-section: its title, no number


# --- provenance -------------------------------------------------------------------------------------


def test_comments_are_never_rendered_and_the_legend_only_with_illustrative_data(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "      illustrative: true\n  priorities:",
                 "      illustrative: true\n      comment: VIDINĖ-PASTABA-123\n  priorities:")
    out = tmp_path / "plan.md"
    assert run_planas("render", repo / "plan.yaml", "-f", "md", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "VIDINĖ-PASTABA" not in text and "Sprendimo data ir numeris – iš TAR" not in text
    assert "Žvaigždute" in text and "mažinti socialinę atskirtį.\\*" in text
    assert "Skirsnio tekstas iliustracinis" in text
    clean = ROOT / "tests" / "data" / "valid"
    plain = next(p for p in sorted(clean.glob("*.yaml")) if "illustrative" not in p.read_text(encoding="utf-8"))
    out2 = tmp_path / "clean.md"
    rendered = run_planas("render", plain, "-f", "md", "-o", out2)
    assert rendered.code == 0, rendered
    assert "Žvaigždute" not in out2.read_text(encoding="utf-8")


def test_approval_note_is_split_into_public_text_and_comment(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "    comment: Sprendimo data", "    note: Sprendimo data")
    run = run_planas("validate", repo / "plan.yaml")
    assert _codes(run.stdout) == ["E1507"] and "approval.comment" in run.stdout
    repo = _repo(tmp_path, "    comment: Sprendimo data", "    text: VIEŠAS-TEKSTAS\n    comment: Sprendimo data",
                 name="text")
    out = tmp_path / "text.md"
    assert run_planas("render", repo / "plan.yaml", "-f", "md", "-o", out).code == 0
    assert "VIEŠAS-TEKSTAS" in out.read_text(encoding="utf-8")


def test_custom_indicator_needs_a_unit(tmp_path: Path) -> None:
    run = run_planas("validate", _repo(tmp_path, "      unit: proc.\n      values: {2021: 82", "      values: {2021: 82")
                     / "plan.yaml")
    assert _codes(run.stdout) == ["E0323"]


# --- messages that lead to the fix --------------------------------------------------------------------


def test_unquoted_comma_in_a_flow_mapping_says_so(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "{year: 2022, kind: faktas, total: 61200000.00,",
                 "{year: 2022, kind: faktas, total: 61200000.00, Telšiai,")
    run = run_planas("validate", repo / "plan.yaml", "--lang", "en")
    assert "E1508" in run.stdout and "Quote a value that holds a comma" in run.stdout


def test_did_you_mean_searches_titles_and_aliases(tmp_path: Path) -> None:
    run = run_planas("validate", _repo(tmp_path, "target_groups: [senyvo_amziaus]\n        illustrative",
                                       "target_groups: [psichikos_negalia]\n        illustrative") / "plan.yaml")
    assert "E0305" in run.stdout and "vaikai_su_negalia" not in run.stdout
    run = run_planas("validate", _repo(tmp_path, "target_groups: [senyvo_amziaus]\n        illustrative",
                                       "target_groups: [seni_asmenys]\n        illustrative", name="alias")
                     / "plan.yaml")
    assert "Gal turėjote omenyje „senyvo_amziaus“?" in run.stdout  # an alias ("seni asmenys")
    run = run_planas("validate", _repo(tmp_path, "target_groups: [benamiai_asmenys]\n        illustrative",
                                       "target_groups: [benamiai]\n        illustrative", name="local")
                     / "plan.yaml")
    assert "Gal turėjote omenyje „benamiai_asmenys“?" in run.stdout  # a local group, by its alias


def test_the_example_matches_its_golden_markdown_and_renders_reproducibly(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", PLAN, "-f", "md", "-o", out).code == 0
    assert out.read_bytes() == (ROOT / "tests" / "golden" / "telsiai-2023.md").read_bytes(), \
        "run python scripts/regenerate.py"
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_planas("render", PLAN, "-o", first).code == 0
    assert run_planas("render", PLAN, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_plan_organised_by_directions_only_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "valid" / "approved-2025.yaml").read_text(encoding="utf-8")
    goals = "  goals:\n    - {id: T1, text: Stiprinti prevencines paslaugas bendruomenėje., target_groups: [asmenys_ir_seimos]}\n"
    assert goals in text and "      goal: T1\n" in text
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace(goals, "").replace("      goal: T1\n", ""), encoding="utf-8")
    run = run_planas("validate", plan)
    assert run.code == 0 and not _codes(run.stdout) and "C0803" not in run.stdout, run
    out = tmp_path / "plan.md"
    assert run_planas("render", plan, "-f", "md", "-o", out).code == 0
    assert "planas sudarytas pagal prioritetines" in out.read_text(encoding="utf-8")


def test_every_hint_that_names_a_code_list_names_the_reference_command() -> None:
    from planas.validation.registry import RULES

    lists = {"E0303": "services", "E0305": "groups", "E0307": "institution-types", "E0309": "indicators",
             "E0323": "indicators", "W0312": "municipalities", "W0313": "municipalities", "E1510": "{kind}"}
    for code, name in lists.items():
        rule = RULES[code]
        assert f"planas reference {name}" in rule.hint_lt and f"planas reference {name}" in rule.hint_en, code


@pytest.mark.parametrize(("cell", "codes", "printed"), [
    ("2022-03-01", [], "2022 m. kovo 1 d."),  # YAML's timestamp, kept as text by the safe loader, is a date here
    ("2022-02-30", ["E1506"], None),  # not a real date
    ("kovo 1 d.", ["E1506"], None),
])
def test_a_date_column_takes_an_iso_date(tmp_path: Path, cell: str, codes: list[str], printed: str | None) -> None:
    repo = _repo(tmp_path, "          - {id: lesos, title: Lėšos, type: suma, unit: Eur}\n",
                 "          - {id: lesos, title: Lėšos, type: suma, unit: Eur}\n          - {id: kada, title: Data, type: data}\n")
    plan = repo / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lesos: 6240.00}", f"lesos: 6240.00, kada: {cell}}}", 1),
                    encoding="utf-8")
    run = run_planas("validate", plan)
    assert _codes(run.stdout) == codes, run
    if printed is not None:
        assert run_planas("render", plan, "--format", "md", "-o", tmp_path / "p.md").code == 0
        page = re.sub("[\u00a0\u202f]", " ", (tmp_path / "p.md").read_text(encoding="utf-8"))
        assert f"| 6 240 | {printed} |" in page
