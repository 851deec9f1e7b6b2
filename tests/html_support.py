"""Helpers of the web page tests: render an example, read a page's text in order, contrast ratios."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from planas.reference import Reference
from planas.render import RenderFormat, render_plan
from planas.repository.localref import reference_for
from planas.validation import FileResult, validate_file

_SPACE = re.compile(r"\s+")


@cache
def validated_example(plan_file: Path) -> tuple[Reference, FileResult]:
    """A plan's reference and its validation, once per process (read it, never change it)."""
    reference = reference_for(plan_file)
    result = validate_file(plan_file, reference)
    assert result.plan is not None and not result.errors, result.findings
    return reference, result


@cache
def render_example(plan_file: Path, fmt: RenderFormat) -> bytes:
    """A plan rendered as `planas render` does it (validated once, criteria from validation; once per process).

    Rendering is deterministic: these are the bytes any render of the unchanged plan gives.
    """
    reference, result = validated_example(plan_file)
    assert result.plan is not None
    return render_plan(result.plan, reference, fmt, criteria=result.criteria)


def squeeze(text: str) -> str:
    """Text without any white space: line breaks and spans differ between Word and HTML, words do not."""
    return _SPACE.sub("", text)


def docx_items(document: bytes) -> list[tuple[str, str]]:
    """The headings, table cells and pictures of a Word document in body order, as (kind, text)."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(document))
    items: list[tuple[str, str]] = []
    for element in doc.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = element.find(qn("w:pPr"))
            style_id = ""
            if style is not None and style.find(qn("w:pStyle")) is not None:
                style_id = style.find(qn("w:pStyle")).get(qn("w:val"))
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            name = doc.styles.get_by_id(style_id, 1).name if style_id else ""
            if name.startswith("Heading") or name == "Priedo antraštė":
                items.append(("heading", text))
            items += [("figure", d.get("descr") or "") for d in element.iter(qn("wp:docPr"))]
        elif element.tag == qn("w:tbl"):
            seen: set[int] = set()
            for cell in element.iter(qn("w:tc")):
                if id(cell) in seen:
                    continue
                seen.add(id(cell))
                text = "".join(t.text or "" for t in cell.iter(qn("w:t")))
                if text.strip():
                    items.append(("cell", text))
    return items


def html_items(page: str) -> list[tuple[str, str]]:
    """The headings, table cells and pictures of a page in document order, as (kind, text)."""
    from lxml import html

    tree = html.fromstring(page.encode("utf-8"))
    items: list[tuple[str, str]] = []
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "{http://www.w3.org/2000/svg}svg",
                             "svg"):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.endswith("svg"):
            desc = [d for d in element.iter() if isinstance(d.tag, str) and d.tag.endswith("desc")]
            items.append(("figure", desc[0].text_content() if desc else ""))
        elif tag in ("th", "td"):
            items.append(("cell", element.text_content()))
        else:
            items.append(("heading", element.text_content()))
    return items


def missing_in_order(expected: list[tuple[str, str]], found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The expected items that do not appear, in order, among the found ones (empty: all there)."""
    position = 0
    missing = []
    squeezed = [(kind, squeeze(text)) for kind, text in found]
    for kind, text in expected:
        want = squeeze(text)
        for i in range(position, len(squeezed)):
            if squeezed[i][0] == kind and squeezed[i][1] == want:
                position = i + 1
                break
        else:
            missing.append((kind, text))
    return missing


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def clashing_goals_text(example: Path) -> str:
    """The example plan with goals T1 and t1: both want the id `tikslas-t1` (W2001)."""
    text = example.read_text(encoding="utf-8")
    assert "    - id: T2\n" in text
    return text.replace("    - id: T2\n", "    - id: t1\n", 1).replace("goal: T2", "goal: t1")


def page_corpus(example: Path, folder: Path) -> set[str]:
    """The codes the web page raises on its corpus case (for the rule-coverage test)."""
    from planas.render.html_ids import page_findings

    plan_file = folder / "plan.yaml"
    plan_file.write_text(clashing_goals_text(example), encoding="utf-8")
    reference = reference_for(plan_file)
    result = validate_file(plan_file, reference)
    assert result.plan is not None
    return {f.code for f in page_findings(result.plan, reference, str(plan_file), result.criteria)}


SITE_EXAMPLES = ("birstonas-2020", "birstonas-2021", "telsiai-2023")


def example_repository(folder: Path) -> Path:
    """A repository of the examples the site tests know (examples/ grows as plans are added)."""
    import shutil

    from tests.conftest import ROOT

    repo = folder / "repo"
    for name in SITE_EXAMPLES:
        shutil.copytree(ROOT / "examples" / name, repo / name)
    return repo
