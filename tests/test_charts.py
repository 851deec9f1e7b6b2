"""Charts: deterministic SVG and PNG, Lithuanian numbers, text alternatives, in Word and beside Markdown."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

import planas.reference.cache as drawn_cache
from planas.reference import load_reference
from planas.render import plan_view
from planas.render.charts import (
    ChartSeries,
    ChartSpec,
    _draw_png,
    _draw_svg,
    axis_number,
    chart_png,
    chart_svg,
    plan_charts,
)
from planas.review import review_plan
from planas.validation import validate_file

from .conftest import EXAMPLE, run_planas
from .review_cases import PREVIOUS
from .test_architecture import _modules_after

SPEC = ChartSpec("bandymas", "Gavėjai 2020\u00a0m.", "Juostinė diagrama: gavėjai pagal paslaugas.",
                 ("Paslauga", "Gavėjai"), (("Pagalba į namus", "1\u00a0234"), ("Transportas", "88")),
                 kind="bars", categories=("Pagalba į namus", "Transportas"),
                 series=(ChartSeries("Gavėjai", (1234.0, 88.0)),), unit="asm.")


@pytest.fixture(scope="module")
def view_charts() -> tuple[ChartSpec, ...]:
    reference = load_reference()
    previous, current = validate_file(PREVIOUS, reference), validate_file(EXAMPLE, reference)
    assert previous.plan is not None and current.plan is not None
    review = review_plan(previous.plan, reference, current.plan, current.criteria)
    return plan_charts(plan_view(current.plan, reference, criteria=current.criteria, review=review))


def test_the_plan_has_its_four_charts_each_with_text_and_table(view_charts: tuple[ChartSpec, ...]) -> None:
    assert [c.key for c in view_charts] == ["gyventojai-amzius", "gavejai-laukiantieji", "finansavimas-saltiniai",
                                            "priemones-ivykdymas"]
    for chart in view_charts:
        assert chart.description and chart.title and chart.rows
        assert all(len(row) == len(chart.headers) for row in chart.rows)
        assert all(len(s.values) == len(chart.categories) for s in chart.series)
    population, provision, _, review = view_charts
    assert "65 m. ir vyresni gyventojai: 1\u00a0062 (2019\u00a0m.) – 1\u00a0090 (2021\u00a0m.)" in population.description
    assert "Daugiausia gavėjų – Transporto organizavimas (88)" in provision.description
    assert "3.1 Vaikų dienos centrą lankančių vaikų skaičius: 89,5\u00a0proc." in review.description


@pytest.mark.parametrize(("value", "text"), [(1234.5, "1\u00a0234,5"), (500000.0, "500\u00a0000"), (0.0, "0"),
                                             (2.25, "2,25")])
def test_axis_numbers_are_written_the_lithuanian_way(value: float, text: str) -> None:
    assert axis_number(value) == text


def test_svg_is_deterministic_and_scales_to_its_container() -> None:
    first = _draw_svg(SPEC)  # drawn twice, taken from no cache
    assert first == _draw_svg(SPEC)
    root = re.search(r"<svg[^>]*>", first)
    assert root is not None and 'width="100%"' in root.group(0) and "viewBox=" in root.group(0)
    assert "height=" not in root.group(0)  # no fixed size: the page's width decides (320 px reflow)
    assert "<dc:date>" not in first and "Matplotlib" not in first


def test_svg_keeps_its_text_as_text_in_the_page_font_stack() -> None:
    svg = _draw_svg(SPEC)
    texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)
    assert "Pagalba į namus" in texts and "Gavėjai 2020\u00a0m." in texts and "asm." in texts
    assert "font-family: 'DejaVu Sans', sans-serif" in svg and "<use " not in svg  # no glyph paths


def test_a_drawing_does_not_depend_on_the_charts_drawn_before_it() -> None:
    other = ChartSpec("kitas", "Finansavimas", "D", ("Metai", "SB"), (("2020", "1"),), kind="stacked",
                      categories=("2020 m. (faktas)", "2021 m. (planas)"),
                      series=(ChartSeries("SB", (1.0, 2.0)), ChartSeries("VB", (3.0, None))), unit="Eur")
    first_svg, first_png = _draw_svg(SPEC), _draw_png(SPEC, 40)
    _draw_svg(other)
    _draw_png(other, 40)
    assert _draw_svg(SPEC) == first_svg and _draw_png(SPEC, 40) == first_png  # one canvas, nothing carried over


def test_png_is_deterministic_and_carries_no_software_or_date() -> None:
    first = _draw_png(SPEC, 60)
    assert first == _draw_png(SPEC, 60)
    assert first.startswith(b"\x89PNG") and b"Software" not in first and b"matplotlib" not in first.lower()


@pytest.mark.parametrize("kind", ["line", "stacked", "share"])
def test_every_kind_of_chart_draws(kind: str) -> None:
    spec = ChartSpec("k", "T", "D", ("a", "b"), (("x", "1"),), kind=kind,  # type: ignore[arg-type]
                     categories=("2019", "2020"), series=(ChartSeries("A", (1.0, None)), ChartSeries("B", (2.0, 3.0))))
    assert chart_svg(spec).startswith("<?xml") and chart_png(spec, dpi=40).startswith(b"\x89PNG")


def test_word_document_holds_the_charts_with_alt_text_and_renders_identically(
        tmp_path: Path, view_charts: tuple[ChartSpec, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", "off")  # drawn anew each time, not read from the cache folder
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for target in (first, second):
        chart_png.cache_clear()  # each document draws its charts anew
        assert run_planas("render", EXAMPLE, "--previous", PREVIOUS, "-o", target).code == 0
    assert first.read_bytes() == second.read_bytes()
    document = docx.Document(io.BytesIO(first.read_bytes()))
    assert len(document.inline_shapes) == 4
    xml = zipfile.ZipFile(first).read("word/document.xml").decode("utf-8")
    described = re.findall(r'<wp:docPr [^>]*name="([^"]+)" descr="([^"]+)" title="([^"]+)"', xml)
    assert [(name, title) for name, _, title in described] == [(c.key, c.title) for c in view_charts]
    assert all(descr.startswith(("Linijinė", "Juostinė", "Stulpelinė")) for _, descr, _ in described)


def test_markdown_charts_are_written_beside_it_and_referenced(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", "off")
    target = tmp_path / "plan.md"
    run = run_planas("render", EXAMPLE, "--previous", PREVIOUS, "-f", "md", "-o", target)
    assert run.code == 0
    text = target.read_text(encoding="utf-8")
    folder = tmp_path / "plan-grafikai"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["finansavimas-saltiniai.svg", "gavejai-laukiantieji.svg", "gyventojai-amzius.svg",
                     "priemones-ivykdymas.svg"]
    for name in names:
        assert re.search(rf'!\[(Linijinė|Juostinė|Stulpelinė) diagrama: [^]]+\]\(plan-grafikai/{name} "', text)
    before = {name: (folder / name).read_bytes() for name in names}
    chart_svg.cache_clear()
    assert run_planas("render", EXAMPLE, "--previous", PREVIOUS, "-f", "md", "-o", target).code == 0
    assert {name: (folder / name).read_bytes() for name in names} == before


def test_a_drawn_chart_is_kept_in_the_cache_folder_and_served_from_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    chart_svg.cache_clear()
    drawn = chart_svg(SPEC)
    kept = list((tmp_path / "charts").iterdir())
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == drawn
    kept[0].write_text("<svg>kept</svg>", encoding="utf-8")  # served from the folder, not drawn again
    chart_svg.cache_clear()
    assert chart_svg(SPEC) == "<svg>kept</svg>"
    chart_svg.cache_clear()


def test_the_cache_folder_keeps_a_bounded_number_of_drawings(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(drawn_cache, "_MAX_DRAWN", 8)
    for i in range(9):
        assert drawn_cache.cached_bytes("charts", f"k{i}", lambda i=i: str(i).encode()) == str(i).encode()
    assert len(list((tmp_path / "charts").iterdir())) == 7  # the oldest quarter of nine dropped


def test_validate_never_loads_matplotlib() -> None:
    modules = _modules_after("validate", str(EXAMPLE))
    assert [m for m in modules if m.startswith(("matplotlib", "planas.review"))] == []


def test_a_missing_figure_never_reads_as_a_zero_in_the_bar_chart() -> None:
    spec = ChartSpec("trukstama", "Gavėjai", "D", ("Paslauga", "2020", "2021"), (("A", "0", "–"),),
                     categories=("A",), series=(ChartSeries("2020", (0.0,)), ChartSeries("2021", (None,))), unit="asm.")
    texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", _draw_svg(spec))
    assert texts.count("nėra duomenų") == 1  # the missing 2021 figure, not the 2020 zero
