"""`planas render --format html`: one self-contained, accessible page holding all the Word document holds."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import html

from planas.render.blocks import Block
from planas.render.charts import ChartSeries, ChartSpec
from planas.render.html_blocks import TableContext, TableCounter, block_html
from planas.render.html_ids import slug
from planas.render.html_style import CONTRAST_PAIRS, PALETTE, page_css
from tests.conftest import EXAMPLE, ROOT, run_planas
from tests.html_support import (
    clashing_goals_text,
    contrast_ratio,
    docx_items,
    html_items,
    missing_in_order,
    render_example,
)

EXAMPLES = sorted((ROOT / "examples").glob("*/plan.yaml"))


@pytest.fixture(scope="module")
def page() -> str:
    return render_example(EXAMPLE, "html").decode("utf-8")


@pytest.fixture(scope="module")
def tree(page: str) -> html.HtmlElement:
    return html.fromstring(page.encode("utf-8"))


def test_render_html_is_byte_identical_and_check_knows_it(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run_planas("render", EXAMPLE, "--format", "html", "-o", first).code == 0
    assert run_planas("render", EXAMPLE, "--format", "html", "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert run_planas("render", EXAMPLE, "--format", "html", "-o", first, "--check").code == 0
    first.write_text(first.read_text(encoding="utf-8").replace("Birštono", "Birštano", 1), encoding="utf-8")
    stale = run_planas("render", EXAMPLE, "--format", "html", "-o", first, "--check")
    assert stale.code == 1 and "pasenęs" in stale.stderr


def test_default_output_is_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(EXAMPLE.read_bytes())
    result = run_planas("render", plan, "--format", "html")
    assert result.code == 0, result
    assert (tmp_path / "plan.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_page_is_lithuanian_titled_and_has_landmarks(tree: html.HtmlElement, page: str) -> None:
    assert tree.get("lang") == "lt"
    assert tree.findtext(".//title") == "Birštono savivaldybės 2021 metų socialinių paslaugų planas"
    assert len(tree.findall(".//h1")) == 1
    skip = tree.find(".//body/a")
    assert skip is not None and skip.get("href") == "#turinys"
    assert tree.find(".//main").get("id") == "turinys"
    assert tree.find(".//header") is not None and tree.find(".//nav").get("aria-label")
    # Self-contained: no script, no external fetch of any kind.
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r'\b(?:src|href)="(?:https?:)?//', page.split("</header>")[0])


def test_heading_levels_follow_the_word_document(tree: html.HtmlElement) -> None:
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 2 or levels[0] == 1
    for previous, current in pairwise(levels):
        assert current <= previous + 1, levels
    chapters = [h.text_content() for h in tree.findall(".//main/section/h2")]
    assert chapters[0] == "I. ĮVADAS" and chapters[-1].startswith("1 priedas.")


def test_every_section_goal_measure_and_criterion_has_a_stable_id(tree: html.HtmlElement) -> None:
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for wanted in ("skyrius-i", "skirsnis-bendra-informacija", "skirsnis-kriterijai", "priedas-1", "tikslas-t1",
                   "tikslas-t2", "priemone-1-1", "k1", "k10"):
        assert wanted in ids, wanted
    goal = tree.get_element_by_id("tikslas-t1")
    assert goal.tag == "li" and "užtikrinti kokybiškas" in goal.text_content()
    assert tree.get_element_by_id("priemone-1-1").tag == "tr"
    assert tree.get_element_by_id("k10").findtext("th") or tree.get_element_by_id("k10").findtext("td") == "K10"
    # Every link inside the page points at an id that exists.
    targets = {a.get("href")[1:] for a in tree.iter("a") if a.get("href", "").startswith("#")}
    assert targets <= set(ids)


def test_tables_have_captions_scoped_headers_totals_and_scroll_regions(tree: html.HtmlElement) -> None:
    tables = tree.findall(".//table")
    assert len(tables) >= 8
    for table in tables:
        caption = table.find("caption")
        assert caption is not None and caption.text_content().strip()
        assert all(th.get("scope") == "col" for th in table.findall("thead/tr/th"))
        assert all(th.get("scope") == "row" for th in table.findall("tbody/tr/th"))
        region = table.getparent()
        assert region.get("role") == "region" and region.get("tabindex") == "0"
        assert region.get("aria-labelledby") == caption.get("id")
    provision = next(t for t in tables if t.find("caption").text_content() == "Socialinių paslaugų gavėjai ir laukiantieji")
    total = provision.find("tfoot/tr")
    assert total is not None and total[0].text_content() == "Iš viso"
    numeric = provision.findall("tbody/tr/td[@class='sk']")
    assert numeric and all(re.fullmatch(r"[\d\u00a0–]+", td.text_content()) for td in numeric)
    # The first column names the row: a row header (not for empty continuation cells).
    assert provision.find("tbody/tr/th[@scope='row']") is not None


def test_css_has_tabular_figures_print_rules_and_reflow() -> None:
    css = page_css()
    assert "font-variant-numeric: tabular-nums" in css
    printed = css[css.index("@media print"):]
    assert "table-header-group" in printed and "break-inside: avoid" in printed and "attr(href)" in printed
    assert "overflow-x: auto" in css


@pytest.mark.parametrize(("foreground", "background", "minimum"), CONTRAST_PAIRS)
def test_palette_meets_contrast(foreground: str, background: str, minimum: float) -> None:
    assert contrast_ratio(PALETTE[foreground], PALETTE[background]) >= minimum


def test_contrast_ratio_function_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_colour_of_the_stylesheet_comes_from_the_palette() -> None:
    rules = page_css().split("\n", 1)[1]
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", rules)
    assert set(re.findall(r"var\(--([a-z-]+)\)", rules)) <= set(PALETTE)


@pytest.mark.parametrize("plan_file", EXAMPLES, ids=lambda p: p.parent.name)
def test_page_holds_everything_the_word_document_holds(plan_file: Path) -> None:
    expected = docx_items(render_example(plan_file, "docx"))
    found = html_items(render_example(plan_file, "html").decode("utf-8"))
    assert len(expected) > 50
    assert missing_in_order(expected, found) == []


def test_plan_text_is_escaped_and_unsafe_links_are_not_links(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    hostile = '"<script>alert(1)</script> ir [nuoroda](javascript:alert(2)) bei [svetainė](https://birstonas.lt)"'
    plan.write_text(re.sub(r"  purpose: >-\n(?:    .*\n)+", f"  purpose: {hostile}\n", text, count=1),
                    encoding="utf-8")
    result = run_planas("render", plan, "--format", "html", "-o", tmp_path / "p.html")
    assert result.code == 0, result
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert 'href="javascript' not in page and "[nuoroda](javascript:alert(2))" in page  # words kept, no link
    assert '<a href="https://birstonas.lt">svetainė</a>' in page


def test_ids_that_clash_are_reported_and_kept_unique(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(clashing_goals_text(EXAMPLE), encoding="utf-8")
    result = run_planas("render", plan, "--format", "html", "-o", tmp_path / "p.html")
    assert result.code == 0, result
    assert "W2001" in result.stderr and "#tikslas-t1" in result.stderr
    tree = html.fromstring((tmp_path / "p.html").read_bytes())
    assert tree.get_element_by_id("tikslas-t1") is not None
    assert tree.get_element_by_id("tikslas-t1-2") is not None
    english = run_planas("render", plan, "--format", "html", "-o", tmp_path / "p.html", "--lang", "en")
    assert "warning W2001" in english.stderr


def test_slug_keeps_identifiers_readable() -> None:
    assert slug("K10") == "k10"
    assert slug("1.1") == "1-1"
    assert slug("soc_darbas") == "soc-darbas"


def test_chart_is_an_svg_image_with_title_description_and_its_data_table() -> None:
    def chart(key: str) -> Block:
        spec = ChartSpec(key=key, title="Gyventojų skaičius", description="Gyventojų mažėja: 4 100 – 4 000.",
                         headers=("Metai", "Gyventojai"), rows=(("2019\u00a0m.", "4\u00a0100"), ("2020\u00a0m.", "4\u00a0000")),
                         kind="line", categories=("2019", "2020"), series=(ChartSeries("Gyventojai", (4100, 4000)),))
        return Block("chart", chart=spec)

    counter = TableCounter()
    context = TableContext(fallback_caption="Skirsnis")
    both = block_html(chart("gyventojai"), counter, context) + block_html(chart("gyventojai-2"), counter, context)
    fragment = html.fromstring(f"<div>{both}</div>")
    svgs = [e for e in fragment.iter() if isinstance(e.tag, str) and e.tag.endswith("svg")]
    assert len(svgs) == 2
    assert svgs[0].get("role") == "img"
    labelled = svgs[0].get("aria-labelledby").split()
    assert [fragment.get_element_by_id(i).text_content() for i in labelled] == [
        "Gyventojų skaičius", "Gyventojų mažėja: 4 100 – 4 000."]
    figure = svgs[0].getparent()
    table = figure.getnext().find("table")
    assert table.find("caption").text_content() == "Gyventojų skaičius: duomenys"
    ids = [e.get("id") for e in fragment.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(ids) == len(set(ids))
    assert "<?xml" not in both and "<!DOCTYPE" not in both


def test_a_template_is_refused_for_the_page_not_ignored(tmp_path: Path) -> None:
    result = run_planas("render", EXAMPLE, "--format", "html", "--template", "plan.md.j2", "-o", tmp_path / "p.html")
    assert result.code == 2 and "--template" in result.stderr
    assert not (tmp_path / "p.html").exists()
