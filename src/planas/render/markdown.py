"""The plan as GitHub-flavoured Markdown (tables render on GitHub and GitLab)."""

from __future__ import annotations

from pathlib import Path

from planas.render.engine import guard, load_text_template
from planas.render.templates import default_template
from planas.render.viewmodel import PlanView

DEFAULT_TEMPLATE = "plan.md.j2"


def default_template_source() -> str:
    """The packaged Markdown template."""
    return default_template(DEFAULT_TEMPLATE).read_text(encoding="utf-8")


def cell(text: object) -> str:
    """A table cell: pipes escaped, line breaks as <br>."""
    escaped = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
    return escaped.replace("\n", "<br>")


def render_markdown(view: PlanView, template: Path | None = None) -> str:
    """Render the view-model with the default or a user's Markdown template."""
    compiled, name = load_text_template(
        template, DEFAULT_TEMPLATE, default_template_source(), filters={"cell": cell}
    )
    text = guard(name, lambda: compiled.render(view=view))
    return text if text.endswith("\n") else text + "\n"
