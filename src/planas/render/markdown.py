"""The plan as GitHub-flavoured Markdown (tables render on GitHub and GitLab)."""

from __future__ import annotations

from pathlib import Path

from planas.render.blocks import Block
from planas.render.engine import guard, load_text_template
from planas.render.gfm import escape, prose_md
from planas.render.templates import default_template
from planas.render.viewmodel import PlanView

DEFAULT_TEMPLATE = "plan.md.j2"
CHART_FOLDER = "grafikai"
"""Where a Markdown document's charts lie, beside it: `plan.md` → `plan-grafikai/<key>.svg` (docs/review.md)."""


def chart_folder(document: Path) -> str:
    """The folder of a Markdown document's charts, relative to the document (`plan-grafikai`)."""
    return f"{document.stem}-{CHART_FOLDER}"


def default_template_source() -> str:
    """The packaged Markdown template."""
    return default_template(DEFAULT_TEMPLATE).read_text(encoding="utf-8")


def cell(text: object) -> str:
    """A table cell of plan text: escaped, pipes included, on one line."""
    return escape(" ".join(str(text).split("\n")))


def text(value: object) -> str:
    """Plan text made literal in Markdown inside a line (a heading, emphasis): no markup, no raw HTML."""
    return escape(str(value))


def paragraph(value: object) -> str:
    """Plan text as a paragraph of its own: also a leading `1.` or `-` stays literal."""
    return escape(str(value), line_start=True)


def lines(values: object) -> str:
    """Lines of plan text with hard line breaks between them (the approval block: no raw HTML)."""
    items = [escape(str(v), line_start=True) for v in values]  # type: ignore[attr-defined]
    return "\\\n".join(items)


def _image(value: Block, folder: str) -> str:
    """A chart as an image with its text alternative, and the title as the image's title."""
    assert value.chart is not None
    alt = escape(" ".join(value.chart.description.split())).replace("[", "\\[").replace("]", "\\]")
    title = value.chart.title.replace('"', "'")
    return f'![{alt}]({folder}/{value.chart.key}.svg "{title}")'


def block(value: object, folder: str = CHART_FOLDER) -> str:
    """A view block as Markdown: a table's caption, the table and its notes; prose as the planner wrote it.

    A chart: its picture (the file `<folder>/<key>.svg`), its title and its data table.
    """
    assert isinstance(value, Block)
    parts: list[str] = []
    if value.is_chart:
        parts.append(_image(value, folder))
    if (value.is_table or value.is_chart) and value.caption:
        parts.append(f"**{escape(value.caption)}**")
    parts.append(prose_md(value.as_prose()))
    parts += [f"*{escape(note)}*" for note in value.notes]
    return "\n\n".join(parts)


FILTERS = {"cell": cell, "text": text, "paragraph": paragraph, "lines": lines, "block": block}


def render_markdown(view: PlanView, template: Path | None = None, charts: str = CHART_FOLDER) -> str:
    """Render the view-model with the default or a user's Markdown template (`charts`: the charts' folder)."""
    filters = {**FILTERS, "block": lambda value: block(value, charts)}
    compiled, name = load_text_template(
        template, DEFAULT_TEMPLATE, default_template_source(),
        filters=filters,
    )
    rendered = guard(name, lambda: compiled.render(view=view))
    return rendered if rendered.endswith("\n") else rendered + "\n"
