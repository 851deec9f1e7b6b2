"""`planas render`: the Word document and the Markdown, read back and compared."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planas.model import Plan
from planas.reference import load_reference
from planas.render import render_plan
from planas.validation import validate_file

from .conftest import DATA, EXAMPLE, ROOT, run_planas

GOLDEN = ROOT / "tests" / "golden" / "birstonas-2021.md"


@pytest.fixture(scope="module")
def example_docx() -> bytes:
    result = validate_file(EXAMPLE)
    assert result.plan is not None
    # As `planas render` makes it: the plan file's hash goes into the document's properties.
    return render_plan(result.plan, load_reference(), "docx", source_sha256=result.source_sha256)


def test_markdown_matches_the_golden_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    run = run_planas("render", EXAMPLE, "--format", "md", "-o", out)
    assert run.code == 0, run
    assert out.read_bytes() == GOLDEN.read_bytes(), "rendering changed: run python scripts/regenerate.py"


def test_markdown_content_and_lithuanian_formats() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    assert "# BIRŠTONO SAVIVALDYBĖS 2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS" in text
    assert "PATVIRTINTA\\\nBirštono savivaldybės tarybos\\\n2021 m. vasario 12 d.\\\nsprendimu Nr. TSE-24" in text
    assert "<br>" not in text and "<p" not in text  # no raw HTML: GitHub-safe
    assert "## I. ĮVADAS" in text and "### 11. Socialinių paslaugų efektyvumo vertinimo kriterijai" in text
    for leftover in ("planas 0.", "official: false", "catalogue.yaml", "nepatikrint"):
        assert leftover not in text
    assert "8\u00a0813\u00a0771,35\u00a0Eur" in text  # the real 2020 budget, Lithuanian format
    assert "| K11 | Socialinių paslaugų asmens namuose gavėjų dalis" in text
    assert "4,6\u00a0proc." in text  # K11 2020: 50 / 1 078


def test_default_output_goes_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, plan)
    run = run_planas("render", plan, "--format", "md")
    assert run.code == 0, run
    assert (tmp_path / "plan.md").read_bytes() == GOLDEN.read_bytes()


def test_docx_is_byte_identical_across_runs(example_docx: bytes, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_planas("render", EXAMPLE, "-o", first).code == 0
    assert run_planas("render", EXAMPLE, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes() == example_docx


def test_docx_structure(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Patvirtinimo žyma", "PATVIRTINTA") in paragraphs
    assert ("Plano antraštė", "BIRŠTONO SAVIVALDYBĖS\n2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS") in paragraphs
    headings1 = [t for s, t in paragraphs if s in ("Heading 1", "Priedo antraštė")]
    assert headings1 == [
        "I. ĮVADAS", "II. BŪKLĖS ANALIZĖ", "III. SOCIALINIŲ PASLAUGŲ PLĖTROS PRIORITETAI IR PRIEMONĖS",
        "IV. PLANO ĮGYVENDINIMAS, STEBĖSENA IR VERTINIMAS",
        "1 priedas. Teikiamų socialinių paslaugų aprašai",
    ]
    headings2 = [t for s, t in paragraphs if s == "Heading 2"]
    assert headings2[0] == "1. Bendra informacija" and len(headings2) == 11
    assert not any("{{" in t or "{%" in t for _, t in paragraphs)
    assert document.core_properties.title == "Birštono savivaldybės 2021 metų socialinių paslaugų planas"


def _table(document: docx.document.Document, first_header: str, contains: str) -> list[list[str]]:
    for table in document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows[0][0] == first_header and any(contains in cell for row in rows for cell in row):
            return rows
    raise AssertionError(f"no table {first_header!r} with {contains!r}")


def test_docx_tables_and_key_cells(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    criteria = _table(document, "Nr.", "K1")
    assert criteria[0] == ["Nr.", "Kriterijus", "Mat. vnt.", "2019\u00a0m.", "2020\u00a0m.", "2021\u00a0m.",
                           "Skaičiavimas"]
    by_id = {row[0]: row for row in criteria[1:] if row[0] != "K7"}
    assert by_id["K1"][4] == "49,7"  # 222 recipients / 4 468 inhabitants x 1000
    assert by_id["K3"][4] == "92,5\u00a0proc."  # 222 / (222 + 18)
    assert by_id["K6"][4] == "107,69"  # 481 150 Eur (every service's 2020 facts) / 4 468
    assert by_id["K11"][4] == "4,6\u00a0proc."
    k7 = [row for row in criteria if row[0] == "K7"]
    # K7 per service and target group: home help's money is given per group (106 200 Eur / 34 elderly)
    assert any("Pagalba į namus (Senyvo" in row[1] and row[4] == "3\u00a0123,53" for row in k7)
    demography = _table(document, "Rodiklis", "Gyventojų skaičius")
    assert demography[1][-1] == "4\u00a0422"
    measures = _table(document, "Nr.", "Priemonė")
    assert measures[1][0] == "1.1" and measures[1][1] == "T1 / P2"  # goal / priority direction
    annex = _table(document, "Eil. Nr.", "Apibrėžimas")
    assert annex[0] == ["Eil. Nr.", "Paslaugos pavadinimas", "Kriterijus", "Apibūdinimas"]


def test_docx_header_rows_repeat_and_action_plan_is_landscape(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    for table in document.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    orientations = [s.orientation for s in document.sections]
    assert [int(o) for o in orientations] == [0, 1, 0]
    landscape = document.sections[1]
    assert landscape.page_width > landscape.page_height
    body = document.element.body.xml
    measures_at = body.index("Priemonių planas")
    breaks = [i for i in range(len(body)) if body.startswith("<w:sectPr", i)]
    assert any(b > measures_at for b in breaks)


def test_docx_has_page_numbers(example_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(example_docx))
    assert 'w:instr="PAGE"' in document.sections[0].footer._element.xml


def test_plan_with_errors_is_not_rendered(tmp_path: Path) -> None:
    out = tmp_path / "bad.docx"
    run = run_planas("render", DATA / "invalid" / "unknown-goal.yaml", "-o", out)
    assert run.code == 1, run
    assert "E0301" in run.stdout
    assert not out.exists()


def test_check_detects_stale_and_current_documents(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--check").code == 1  # missing
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out).code == 0
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--check").code == 0
    out.write_text("senas\n", encoding="utf-8")
    run = run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--check")
    assert run.code == 1 and "pasenęs" in run.stderr
    assert out.read_text(encoding="utf-8") == "senas\n"


def test_check_of_markdown_covers_the_charts_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out).code == 0
    charts = sorted((tmp_path / "plan-grafikai").glob("*.svg"))
    assert charts
    charts[0].write_text("<svg/>", encoding="utf-8")
    charts[-1].unlink()
    run = run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--check")
    assert run.code == 1 and charts[0].name in run.stderr and charts[-1].name in run.stderr
    assert charts[0].read_text(encoding="utf-8") == "<svg/>"  # --check writes nothing
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out).code == 0
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out, "--check").code == 0


def test_draft_plan_renders_with_projektas(tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    run = run_planas("render", DATA / "valid" / "minimal-draft.yaml", "-f", "md", "-o", out)
    assert run.code == 0, run
    text = out.read_text(encoding="utf-8")
    assert "PROJEKTAS" in text and "PATVIRTINTA" not in text
    assert "trūksta duomenų" in text


def test_2025_plan_uses_the_new_regime_layout(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", DATA / "valid" / "approved-2025.yaml", "-f", "md", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "## II. BŪKLĖS IR POREIKIŲ ANALIZĖ" in text
    assert "Potencialių socialinių paslaugų gavėjų paieška" in text


@pytest.mark.visual
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_docx_to_pdf(example_docx: bytes, tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(example_docx)
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = tmp_path / "plan.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stdout + proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages >= 5


def _times_100(plan: Plan) -> Plan:
    """The plan with every sum of money multiplied by 100 (seven- and eight-digit sums)."""
    analysis = plan.analysis
    finance = [f.model_copy(update={"entries": [e.model_copy(update={
        "sources": {s: v * 100 for s, v in e.sources.items()}, "total": e.total * 100 if e.total else None})
        for e in f.entries]}) for f in analysis.finance]
    budget = [b.model_copy(update={"total": b.total * 100, "social_programme":
                                   b.social_programme * 100 if b.social_programme else None})
              for b in analysis.municipal_budget]
    measures = [m.model_copy(update={"funding": {s: v * 100 for s, v in m.funding.items()},
                                     "total": m.total * 100 if m.total else None})
                for m in plan.action_plan.measures]
    return plan.model_copy(update={
        "analysis": analysis.model_copy(update={"finance": finance, "municipal_budget": budget}),
        "action_plan": plan.action_plan.model_copy(update={"measures": measures}),
    })


def _pdf(data: bytes, folder: Path) -> tuple[str, bytes]:
    """The document converted by LibreOffice: its text as `pdftotext -layout` reads it, and the PDF."""
    source = folder / "plan.docx"
    source.write_bytes(data)
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = folder / "plan.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stdout + proc.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.replace("\u00a0", " "), pdf.read_bytes()


@pytest.mark.visual
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are not installed")
@pytest.mark.parametrize("scale", ["as-is", "times-100"])
def test_every_amount_header_word_and_code_is_unbroken_in_the_pdf(scale: str, tmp_path: Path) -> None:
    from planas.render.viewmodel import build_view, iter_tables

    plan = validate_file(EXAMPLE).plan
    assert plan is not None
    if scale == "times-100":
        plan = _times_100(plan)
    reference = load_reference()
    text, pdf = _pdf(render_plan(plan, reference, "docx"), tmp_path)
    lines = text.splitlines()
    words = {word for line in lines for word in line.split()}
    compact = ["".join(line.split()) for line in lines]
    checked = 0
    for block, _ in iter_tables(build_view(plan, reference)):
        for header in block.header:
            for word in header.split():
                assert word in words, f"header word {word!r} of {block.caption!r} is broken"
        for row in block.rows:
            for value, numeric in zip(row, block.numeric, strict=False):
                if numeric and value not in ("", "–"):
                    # One line holds each number with its unit (joined by no-break spaces); a note
                    # such as "(planas)" may wrap. pdftotext may drop the space inside "2 / – / 1".
                    for part in value.split(" "):
                        flat = "".join(part.split())
                        assert any(flat in squeezed for squeezed in compact), f"{value!r} in {block.caption!r}"
                    checked += 1
            if block.caption.startswith("Socialinių paslaugų efektyvumo") and row[0]:
                assert row[0] in words, f"criterion code {row[0]} is broken"
    assert checked > 200
    assert b"/Lang(lt-LT)" in pdf.replace(b" ", b"")
