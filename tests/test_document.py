"""The document speaks as the municipality: metadata, language, title, headings, no tool leftovers."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planas.model import Plan
from planas.model.plan import DocumentSettings
from planas.reference import load_municipalities, load_reference
from planas.render import render_plan
from planas.validation import validate_file

from .conftest import DATA, EXAMPLE, run_planas

LEFTOVERS = ("planas 0.", "official: false", "catalogue.yaml", "nepatikrint", "python-docx", "Macintosh")


@pytest.fixture(scope="module")
def example() -> Plan:
    plan = validate_file(EXAMPLE).plan
    assert plan is not None
    return plan


@pytest.fixture(scope="module")
def example_docx(example: Plan) -> bytes:
    return render_plan(example, load_reference(), "docx")


def _docx_text(data: bytes) -> str:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))


def test_no_tool_leftovers_in_either_format(example: Plan, example_docx: bytes) -> None:
    markdown = render_plan(example, load_reference(), "md").decode("utf-8")
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(example_docx)).paragraphs)
    for leftover in LEFTOVERS:
        assert leftover not in markdown and leftover not in body, leftover
    xml = _docx_text(example_docx)
    assert "python-docx" not in xml and "Macintosh" not in xml
    assert not any(n.endswith("thumbnail.jpeg") for n in zipfile.ZipFile(io.BytesIO(example_docx)).namelist())


def test_language_is_lithuanian_everywhere(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    styles = document.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default.get(qn("w:val")) == "lt-LT"
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            assert style.rPr.find(qn("w:lang")).get(qn("w:val")) == "lt-LT", style.get(qn("w:styleId"))
    assert document.core_properties.language == "lt-LT"


def test_core_and_custom_properties_come_from_the_plan(example_docx: bytes) -> None:
    core = docx.Document(io.BytesIO(example_docx)).core_properties
    assert core.title == "Birštono savivaldybės 2021 metų socialinių paslaugų planas"
    assert core.author == core.last_modified_by == "Birštono savivaldybė"
    assert "Birštono savivaldybė" in core.keywords and "2021" in core.subject
    assert core.created is not None and core.created.date().isoformat() == "2021-02-12"
    custom = zipfile.ZipFile(io.BytesIO(example_docx)).read("docProps/custom.xml").decode("utf-8")
    for name in ("planas_version", "reference_data_version", "regime", "plan_data_sha256"):
        assert f'name="{name}"' in custom
    assert "legacy_1132_A1-104" in custom


def test_the_rendered_document_records_the_plan_file_it_came_from(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    assert run_planas("render", EXAMPLE, "-o", out).code == 0
    custom = zipfile.ZipFile(out).read("docProps/custom.xml").decode("utf-8")
    digest = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    assert 'name="source_sha256"' in custom and digest in custom


def test_no_empty_paragraphs_and_a_table_of_contents(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    body = document.element.body
    empty = [p for p in body.iterchildren(qn("w:p"))
             if not "".join(t.text or "" for t in p.iter(qn("w:t"))).strip() and p.find(".//" + qn("w:sectPr")) is None
             and p.find(".//" + qn("w:drawing")) is None]  # a chart's paragraph holds its picture
    assert empty == []
    assert 'TOC \\o "1-3"' in body.xml
    assert document.settings.element.find(qn("w:updateFields")) is not None


def test_tables_have_header_rows_and_fixed_measured_widths(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) in (9638, 14570)


def test_implementation_level_is_not_a_planned_value(example: Plan) -> None:
    markdown = render_plan(example, load_reference(), "md").decode("utf-8")
    k13 = next(line for line in markdown.splitlines() if line.startswith("| K13 |"))
    assert "(planas)" not in k13 and "vertinama pasibaigus plano metams" in k13


def test_illustrative_legend_only_with_illustrative_figures(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", DATA / "valid" / "approved-2025.yaml", "-f", "md", "-o", out).code == 0
    assert "iliustraciniai duomenys" not in out.read_text(encoding="utf-8")
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out).code == 0
    assert "iliustraciniai duomenys (ne iš šaltinio)" in out.read_text(encoding="utf-8")


def test_notes_annex_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--notes").code == 0
    text = out.read_text(encoding="utf-8")
    assert "## Pastabos apie dokumento parengimą" in text and "planas 0." in text


def test_an_alias_resolves_with_a_warning_and_the_title_is_genitive(tmp_path: Path) -> None:
    case = DATA / "invalid" / "municipality-alias.yaml"
    result = validate_file(case)
    (finding,) = result.findings
    assert finding.code == "W0312" and finding.param("did_you_mean") == "Pasvalio rajono savivaldybė"
    assert result.plan is not None
    text = render_plan(result.plan, load_reference(), "md").decode("utf-8")
    assert "# PASVALIO RAJONO SAVIVALDYBĖS 2025 METŲ SOCIALINIŲ PASLAUGŲ PLANAS" in text


def test_the_sixty_municipalities() -> None:
    municipalities = load_municipalities()
    assert len(municipalities.municipalities) == 60
    assert len({m.iso_code for m in municipalities.municipalities}) == 60
    for m in municipalities.municipalities:
        assert m.name.endswith("savivaldybė") and m.genitive == m.name[:-1] + "ės"
        assert re.fullmatch(r"LT-\d\d", m.iso_code)
    assert municipalities.by_alias("Pasvalio r. sav.").name == "Pasvalio rajono savivaldybė"  # type: ignore[union-attr]


def test_numbering_style_and_headings_per_plan(example: Plan) -> None:
    settings = DocumentSettings(chapter_numbering="skyrius", section_numbering="skirsnis",
                                headings={"bendra_informacija": "Bendroji dalis", "I": "BENDROSIOS NUOSTATOS"},
                                table_of_contents=False)
    plan = example.model_copy(update={"document": settings})
    markdown = render_plan(plan, load_reference(), "md").decode("utf-8")
    assert "## I SKYRIUS BENDROSIOS NUOSTATOS" in markdown
    assert "### PIRMASIS SKIRSNIS Bendroji dalis" in markdown and "### ANTRASIS SKIRSNIS" in markdown
    document = docx.Document(io.BytesIO(render_plan(plan, load_reference(), "docx")))
    assert "I SKYRIUS\nBENDROSIOS NUOSTATOS" in [p.text for p in document.paragraphs]
    assert "TOC" not in document.element.body.xml


def test_unknown_heading_key_is_an_error(tmp_path: Path) -> None:
    source = (DATA / "valid" / "approved-2025.yaml").read_text(encoding="utf-8")
    case = tmp_path / "plan.yaml"
    case.write_text(source + "document:\n  headings:\n    bendra_info: Bendroji dalis\n", encoding="utf-8")
    codes = [f.code for f in validate_file(case).findings]
    assert codes == ["E0314"]
