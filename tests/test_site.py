"""`planas site`: the static site of a repository, its links, CSV files, failures and rebuilds."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from planas.site.csvfile import machine_value, table_csv
from planas.site.statement import STATEMENT_FILE
from tests.conftest import ROOT, run_planas
from tests.html_support import example_repository


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_repository(tmp_path_factory.mktemp("examples"))


@pytest.fixture(scope="module")
def site(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = run_planas("site", examples, "-o", out)
    assert result.code == 0, result
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_has_index_plan_pages_years_and_criteria(site: Path) -> None:
    for name in ("index.html", "planai.csv", "birstono-savivaldybe/2020.html", "birstono-savivaldybe/2021.html",
                 "birstono-savivaldybe/index.html", "telsiu-rajono-savivaldybe/2023.html", "kriterijai/index.html",
                 "kriterijai/k1.html", "kriterijai/k10.html", STATEMENT_FILE):
        assert (site / name).is_file(), name
    index = html.fromstring((site / "index.html").read_bytes())
    names = [row[0].text_content() for row in index.findall(".//tbody/tr")]
    assert names == ["Birštono savivaldybė", "Telšių rajono savivaldybė"]
    header = [th.text_content() for th in index.findall(".//thead/tr/th")]
    assert header == ["Savivaldybė", "2020\u00a0m.", "2021\u00a0m.", "2023\u00a0m."]


def test_municipality_page_shows_what_changed_and_the_criteria_by_year(site: Path) -> None:
    page = html.fromstring((site / "birstono-savivaldybe" / "index.html").read_bytes())
    text = page.text_content()
    assert "2020 → 2021 m." in text and "Naujos paslaugos" in text
    criteria = next(t for t in page.findall(".//table") if t.find("caption").text_content().startswith("Efektyvumo kriterijai"))
    assert [th.text_content() for th in criteria.findall("thead/tr/th")] == ["Kriterijus", "2020\u00a0m.",
                                                                             "2021\u00a0m."]
    svg = [e for e in page.iter() if isinstance(e.tag, str) and e.tag.endswith("svg")]
    assert svg and svg[0].get("role") == "img"


def test_criterion_page_shows_missing_values_as_such_and_service_uses_not_as_persons(site: Path) -> None:
    page = html.fromstring((site / "kriterijai" / "k1.html").read_bytes())
    rows = page.findall(".//tbody/tr")
    assert [r[0].text_content() for r in rows] == ["Birštono savivaldybė", "Telšių rajono savivaldybė"]
    assert [r[1].text_content() for r in rows] == ["2021", "2023"]  # the latest plan of each
    for row in rows:
        cells = [c.text_content() for c in row]
        if "atvejai" in cells[5]:
            assert "asm." not in cells[4]
    k3 = (site / "kriterijai" / "k3.html").read_text(encoding="utf-8")
    assert "neapskaičiuojama" in k3
    assert ">0<" not in k3


def test_every_href_in_the_site_resolves(site: Path) -> None:
    checked = 0
    for page in _pages(site):
        tree = html.fromstring(page.read_bytes())
        for anchor in tree.iter("a"):
            href = anchor.get("href", "")
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, f"{page}: {href} is not relative"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: {href}"
            if parts.fragment and target.suffix == ".html":
                ids = {e.get("id") for e in html.fromstring(target.read_bytes()).iter() if e.get("id")}
                assert parts.fragment in ids, f"{page.relative_to(site)}: {href}"
            checked += 1
    assert checked > 100


def test_csv_files_are_rfc_4180_utf8_with_machine_numbers(site: Path) -> None:
    data = (site / "kriterijai" / "k1-legacy-1132-a1-104.csv").read_bytes()
    assert data.endswith(b"\r\n") and b"\r\n" in data.split(b"\r\n", 1)[1] + b"\r\n"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:4] == ["Savivaldybė", "Metai", "Paslauga", "Reikšmė"]
    assert rows[1][0] == "Birštono savivaldybė" and float(rows[1][3]) > 0
    plan_csvs = sorted((site / "birstono-savivaldybe" / "2021").glob("lentele-*.csv"))
    assert len(plan_csvs) >= 8
    for path in plan_csvs:
        parsed = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert len({len(r) for r in parsed}) == 1, path


def test_machine_values_and_quoting() -> None:
    assert machine_value("1\u00a0234,5") == "1234.5"
    assert machine_value("12,5 proc.") == "12.5"
    assert machine_value("–") == ""
    assert machine_value("-3") == "-3"
    assert machine_value("2021\u00a0m.") == "2021\u00a0m."
    assert machine_value("Pagalba į namus") == "Pagalba į namus"
    assert table_csv(("a", "b"), [('su "kabutėmis"', "x,y")]) == 'a,b\r\n"su ""kabutėmis""","x,y"\r\n'.encode()


def test_rebuilding_an_unchanged_repository_rewrites_nothing(site: Path, examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    shutil.copytree(site, out)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    result = run_planas("site", examples, "-o", out)
    assert result.code == 0 and "nepakito" in result.stdout, result
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_a_plan_with_errors_gets_no_page_is_marked_and_exits_1(tmp_path: Path) -> None:
    repo = example_repository(tmp_path)
    broken = repo / "birstonas-2021" / "plan.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("year: 2021", "year: 2021\n  nezinomas: 1", 1),
                      encoding="utf-8")
    out = tmp_path / "public"
    result = run_planas("site", repo, "-o", out)
    assert result.code == 1, result
    assert "birstonas-2021/plan.yaml" in result.stderr
    assert not (out / "birstono-savivaldybe" / "2021.html").exists()
    assert (out / "birstono-savivaldybe" / "2020.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "klaidų – puslapis neparengtas" in index and "nezinomas" in index


def test_a_failed_build_leaves_the_previous_site(site: Path, examples: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from planas.site import build as site_build

    out = tmp_path / "public"
    shutil.copytree(site, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken_index(*args: object) -> dict[str, bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(site_build, "_index_page", broken_index)
    with pytest.raises(OSError):
        site_build.build_site(examples, out, workers=1)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["public"]


def test_accessibility_statement_is_a_model_never_a_claim(site: Path) -> None:
    text = (site / STATEMENT_FILE).read_text(encoding="utf-8")
    assert "pareiškimas dėl prieinamumo".casefold() in text.casefold()
    assert "neteigia" in text and "[Savivaldybės pavadinimas]" in text
    for page in _pages(site):
        assert "atitinka WCAG" not in page.read_text(encoding="utf-8")


def test_site_needs_an_existing_folder(tmp_path: Path) -> None:
    result = run_planas("site", tmp_path / "nera", "-o", tmp_path / "public")
    assert result.code == 2 and "nerastas" in result.stderr


@pytest.mark.visual
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_documents_are_made_once_per_content(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "examples" / "birstonas-2021", repo / "birstonas-2021")
    out = tmp_path / "public"
    assert run_planas("site", repo, "-o", out, "--documents").code == 0
    pdf, docx = out / "birstono-savivaldybe" / "2021.pdf", out / "birstono-savivaldybe" / "2021.docx"
    assert pdf.read_bytes().startswith(b"%PDF") and docx.read_bytes().startswith(b"PK")
    first = pdf.read_bytes()  # PDF bytes vary between exports: the same bytes mean it was not made again
    again = run_planas("site", repo, "-o", out, "--documents")
    assert again.code == 0 and "nepakito" in again.stdout, again
    assert pdf.read_bytes() == first
    page = html.fromstring((out / "birstono-savivaldybe" / "2021.html").read_bytes())
    assert {"2021.docx", "2021.pdf"} <= {a.get("href") for a in page.iter("a")}


def test_a_second_plan_of_the_same_year_is_marked_and_the_first_keeps_its_page(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "examples" / "birstonas-2021", repo / "a")
    shutil.copytree(ROOT / "examples" / "birstonas-2021", repo / "b")
    out = tmp_path / "public"
    result = run_planas("site", repo, "-o", out)
    assert result.code == 1, result
    assert (out / "birstono-savivaldybe" / "2021.html").is_file()
    index = html.fromstring((out / "index.html").read_bytes())
    assert index.findtext(".//tbody/tr/td/a") == "planas"
    assert "b/plan.yaml" in index.text_content()
