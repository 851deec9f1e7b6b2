"""Rendering a plan to Markdown and Word from one view-model (imported only by `planas render`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from planas.model import Plan
from planas.reference import Reference
from planas.render.templates import resolve_template
from planas.render.viewmodel import build_view

RenderFormat = Literal["docx", "md"]


def render_plan(plan: Plan, reference: Reference, fmt: RenderFormat, template: Path | None = None) -> bytes:
    """The rendered document's bytes (UTF-8 Markdown, or a .docx archive)."""
    template = resolve_template(template)
    view = build_view(plan, reference)
    if fmt == "md":
        from planas.render.markdown import render_markdown

        return render_markdown(view, template).encode("utf-8")
    from planas.render.docx import render_docx

    return render_docx(view, template)


__all__ = ["RenderFormat", "render_plan"]
