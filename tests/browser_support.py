"""Driving Debian's Chromium through playwright, with axe-core injected: the page as a person reads it.

No browser is downloaded: playwright launches the system `chromium`. axe-core
and the Nu Html Checker come from `npm ci` (package.json pins them). Where any
of them is missing the browser tests skip with the reason; CI has them all.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SIZES = ((1280, 900), (320, 640))
# Without the background-networking flags Chromium waits on a closed network.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")


def missing_browser_tools() -> str | None:
    """Why the browser tests cannot run here, or None when everything is installed."""
    # Found, not imported: every test run collects this module, and playwright's import costs a tenth of a second.
    if importlib.util.find_spec("playwright") is None or importlib.util.find_spec("playwright.sync_api") is None:
        return "PyPI playwright is not installed"
    if shutil.which("chromium") is None:
        return "Debian chromium is not installed (CI: apt-get install chromium)"
    if not AXE.is_file():
        return "axe-core is not installed (run npm ci)"
    return None


def axe_violations(page: Any) -> list[tuple[str, int, list[str]]]:
    """The axe-core WCAG 2.1 A/AA violations of the loaded page: (rule id, nodes, the first targets)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => [v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))])",
        list(WCAG_TAGS))
    return [(str(rule), int(count), list(targets)) for rule, count, targets in found]


def page_width(page: Any) -> int:
    """How wide the page's content is (more than the window: the page scrolls sideways)."""
    return int(page.evaluate("document.documentElement.scrollWidth"))


def vnu_errors(files: list[Path]) -> list[dict[str, Any]]:
    """The Nu Html Checker's errors on some pages (empty: valid)."""
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=300, check=False)
    messages: list[dict[str, Any]] = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    return messages
