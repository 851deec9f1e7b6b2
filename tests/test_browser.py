"""The pages as a person reads them: Debian Chromium, axe-core (WCAG 2.1 A/AA), reflow at 320 px, Nu Html Checker.

One browser for the module; every page is checked at 1280x900 and 320x640.
Skips with the reason when Chromium, playwright or the npm checkers are absent
(CI installs them: .ci/run).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import (
    CHROMIUM_ARGS,
    SIZES,
    VNU,
    axe_violations,
    missing_browser_tools,
    page_width,
    vnu_errors,
)
from tests.conftest import EXAMPLE, run_planas
from tests.html_support import example_repository

_MISSING = missing_browser_tools()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")]

SITE_PAGES = ("index.html", "birstono-savivaldybe/index.html", "birstono-savivaldybe/2021.html",
              "kriterijai/index.html", "kriterijai/k1.html", "kriterijai/k7.html")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    plan_page = folder / "plan.html"
    assert run_planas("render", EXAMPLE, "--format", "html", "-o", plan_page).code == 0
    site = folder / "public"
    assert run_planas("site", example_repository(folder), "-o", site).code == 0
    found = {"plan": plan_page}
    found.update({name: site / name for name in SITE_PAGES})
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


def _open(browser: Any, path: Path, size: tuple[int, int]) -> Any:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("name", ["plan", *SITE_PAGES])
def test_page_has_no_wcag_violations_and_reflows(browser: Any, pages: dict[str, Path], name: str) -> None:
    for size in SIZES:
        page = _open(browser, pages[name], size)
        try:
            assert axe_violations(page) == [], f"{name} at {size}"
            if size[0] == 320:
                assert page_width(page) <= 320, f"{name} scrolls sideways at 320 px"
        finally:
            page.close()


def test_the_oracle_finds_a_page_without_language_and_title(browser: Any, tmp_path: Path) -> None:
    bare = tmp_path / "bare.html"
    bare.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><h1>Planas</h1>"
                    "<p>Tekstas.</p></main></body></html>", encoding="utf-8")
    page = _open(browser, bare, SIZES[0])
    try:
        assert sorted(rule for rule, _, _ in axe_violations(page)) == ["document-title", "html-has-lang"]
    finally:
        page.close()


def test_wide_tables_scroll_inside_their_region_at_320_px(browser: Any, pages: dict[str, Path]) -> None:
    page = _open(browser, pages["plan"], SIZES[1])
    try:
        widths = page.evaluate("[...document.querySelectorAll('.lentele')].map(r => [r.scrollWidth, r.clientWidth])")
        assert any(scroll > client for scroll, client in widths)  # the measures table is wider than a phone
        assert all(client <= 320 for _, client in widths)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "praleisti"
    finally:
        page.close()


@pytest.mark.skipif(shutil.which("java") is None or not VNU.is_file(), reason="Java or npm vnu-jar is not installed")
def test_nu_html_checker_reports_no_errors(pages: dict[str, Path]) -> None:
    assert vnu_errors(sorted(pages.values())) == []
