"""Rendering a plan to Markdown and Word from one view-model (imported only by `planas render`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from planas.criteria import CriteriaTable
from planas.model import Plan
from planas.reference import Reference
from planas.render.templates import resolve_template
from planas.render.viewmodel import build_view

RenderFormat = Literal["docx", "md"]


def render_plan(plan: Plan, reference: Reference, fmt: RenderFormat, template: Path | None = None,
                *, criteria: CriteriaTable | None = None, notes: bool = False,
                source_sha256: str | None = None) -> bytes:
    """The rendered document's bytes (UTF-8 Markdown, or a .docx archive).

    `criteria`: the table validation already evaluated (evaluated here when not given);
    `notes`: a final annex on how the document was prepared (`render --notes`);
    `source_sha256`: the plan file's hash, recorded in the document's properties.
    """
    template = resolve_template(template)
    view = build_view(plan, reference, criteria, notes=notes, source_sha256=source_sha256)
    if fmt == "md":
        from planas.render.markdown import render_markdown

        return render_markdown(view, template).encode("utf-8")
    from planas.render.docx import render_docx

    return render_docx(view, template)


__all__ = ["RenderFormat", "render_plan"]
