"""Rendering a plan to Markdown, Word, a web page and PDF from one view-model (imported only by `planas render`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from planas.criteria import CriteriaTable
from planas.errors import UsageError
from planas.model import Plan
from planas.reference import Reference
from planas.render.templates import resolve_template
from planas.render.viewmodel import PlanView, build_report_view, build_view
from planas.review import ImplementationReview

RenderFormat = Literal["docx", "md", "html", "pdf"]


def plan_view(plan: Plan, reference: Reference, *, criteria: CriteriaTable | None = None, notes: bool = False,
              source_sha256: str | None = None, review: ImplementationReview | None = None,
              report: bool = False) -> PlanView:
    """The view-model of the plan, or of the implementation report alone (`report`, which needs `review`)."""
    if report:
        assert review is not None
        return build_report_view(plan, reference, review, source_sha256=source_sha256)
    return build_view(plan, reference, criteria, notes=notes, source_sha256=source_sha256, review=review)


def chart_files(view: PlanView) -> dict[str, bytes]:
    """The Markdown document's charts as files, by name (`<key>.svg`), written beside it in its chart folder."""
    from planas.render.charts import chart_svg

    return {f"{spec.key}.svg": chart_svg(spec).encode("utf-8") for spec in view.charts}


def render_plan(plan: Plan, reference: Reference, fmt: RenderFormat, template: Path | None = None,
                *, criteria: CriteriaTable | None = None, notes: bool = False,
                source_sha256: str | None = None, review: ImplementationReview | None = None,
                report: bool = False, chart_folder: str = "grafikai") -> bytes:
    """The rendered document's bytes (UTF-8 Markdown or HTML, a .docx archive, or a tagged PDF).

    `criteria`: the table validation already evaluated (evaluated here when not given);
    `notes`: a final annex on how the document was prepared (`render --notes`);
    `source_sha256`: the plan file's hash, recorded in the document's properties;
    `review`: last year's plan reviewed (the review section); `report`: the implementation report alone;
    `chart_folder`: where a Markdown document's charts lie, relative to it (`chart_files` gives them).
    """
    if fmt == "html" and template is not None:
        raise UsageError(f"{template}: tinklalapis daromas be šablono; --template tinka docx, md ir pdf "
                         "(the web page takes no template; --template is for docx, md and pdf)")
    template = resolve_template(template)
    view = plan_view(plan, reference, criteria=criteria, notes=notes, source_sha256=source_sha256, review=review,
                     report=report)
    if fmt == "md":
        from planas.render.markdown import render_markdown

        return render_markdown(view, template, chart_folder).encode("utf-8")
    if fmt == "html":
        from planas.render.html import render_html

        return render_html(view, plan).encode("utf-8")
    from planas.render.docx import render_docx

    document = render_docx(view, template)
    if fmt == "pdf":
        from planas.render.pdf import docx_to_pdf

        return docx_to_pdf(document)
    return document


__all__ = ["RenderFormat", "chart_files", "plan_view", "render_plan"]
