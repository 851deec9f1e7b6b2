"""Prose is Markdown, parsed by a real parser: nothing a planner typed is changed or lost, in md or docx."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from planas.model import Plan
from planas.reference import load_reference
from planas.render import render_plan
from planas.render.gfm import escape, prose_md
from planas.render.prose import parse
from planas.validation import validate_file

from .conftest import EXAMPLE

CORPUS = """\
Kontaktai: soc_parama_info@pasvalys.lt ir snake_case_žodis; 5 * 3 = 15, o *ne* kursyvas be poros: a * b.
Tai **svarbu** ir _kursyvas_; citata „Gerovės namai“.

1. pirmas punktas
2. antras punktas
   - įdėtas punktas
   - *kitas* įdėtas
3. trečias punktas

| Paslauga | Vietų |
|---|---:|
| Pagalba į namus | 40 |
| Dienos **globa** | 12 |

<script>alert("x")</script>

Daugiau: https://www.birstonas.lt/lt/veikla/socialine_parama/paslaugu_planas/2021_metu_planas_su_priedais.pdf
"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    base = validate_file(EXAMPLE).plan
    assert base is not None
    introduction = base.introduction.model_copy(update={"text": CORPUS})
    return base.model_copy(update={"introduction": introduction})


def test_markdown_round_trip_keeps_the_meaning() -> None:
    blocks = parse(CORPUS)
    assert parse(prose_md(blocks)) == blocks


def test_markdown_output_keeps_every_word(plan: Plan) -> None:
    text = render_plan(plan, load_reference(), "md").decode("utf-8")
    assert "soc_parama_info@pasvalys.lt" in text and "snake_case_žodis" in text
    assert "5 \\* 3 = 15" in text and "a \\* b" in text
    assert "Tai **svarbu** ir *kursyvas*; citata „Gerovės namai“." in text
    assert "1. pirmas punktas\n2. antras punktas\n   - įdėtas punktas\n   - *kitas* įdėtas\n3. trečias punktas" in text
    assert "| Paslauga | Vietų |\n|---|---:|\n| Pagalba į namus | 40 |\n| Dienos **globa** | 12 |" in text
    assert "<script>" not in text and '\\<script\\>alert("x")\\</script\\>' in text
    assert "https://www.birstonas.lt/lt/veikla/socialine_parama/paslaugu_planas/2021_metu_planas_su_priedais.pdf" in text


def test_word_output_has_runs_lists_and_a_table(plan: Plan) -> None:
    document = docx.Document(io.BytesIO(render_plan(plan, load_reference(), "docx")))
    texts = [p.text for p in document.paragraphs]
    first = next(p for p in document.paragraphs if p.text.startswith("Kontaktai:"))
    assert "soc_parama_info@pasvalys.lt" in first.text and "5 * 3 = 15" in first.text
    assert "citata „Gerovės namai“" in first.text
    assert any(r.bold and r.text == "svarbu" for r in first.runs)
    assert any(r.italic and r.text == "kursyvas" for r in first.runs)
    start = texts.index("pirmas punktas")
    items = document.paragraphs[start:start + 5]
    assert [p.text for p in items] == ["pirmas punktas", "antras punktas", "įdėtas punktas", "kitas įdėtas",
                                       "trečias punktas"]
    assert all(p._p.pPr.numPr is not None for p in items)
    levels = [p._p.pPr.numPr.find(qn("w:ilvl")).get(qn("w:val")) for p in items]
    assert levels == ["0", "0", "1", "1", "0"]
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Paslauga")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Paslauga", "Vietų"], ["Pagalba į namus", "40"], ["Dienos globa", "12"]]
    assert '<script>alert("x")</script>' in texts
    url = next(p for p in document.paragraphs if p.text.startswith("Daugiau:"))
    assert url.text.endswith("2021_metu_planas_su_priedais.pdf")


@pytest.mark.parametrize(("text", "escaped"), [
    ("<b>", "\\<b\\>"), ("a_b", "a_b"), ("_a_", "\\_a\\_"), ("[x](y)", "\\[x\\](y)"), ("&amp;", "\\&amp;"),
    ("a | b", "a \\| b"), ("~50", "\\~50"),
])
def test_escaping_plan_text(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_line_start_markers_stay_literal() -> None:
    assert escape("1. punktas", line_start=True) == "1\\. punktas"
    assert escape("# ne antraštė", line_start=True) == "\\# ne antraštė"
    assert escape("- ne sąrašas", line_start=True) == "\\- ne sąrašas"
