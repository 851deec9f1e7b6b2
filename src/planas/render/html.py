"""The plan as one self-contained, accessible web page (inline CSS, no script, no external fetches).

Built from the same view-model as the Word and Markdown documents. The page is
in Lithuanian (`<html lang="lt">`), has a skip link, landmarks, one `h1` and
heading levels that follow the Word document's (chapter h2, section h3,
sub-section h4), a stable id on every chapter, section, goal, measure and
criterion (`planas.render.html_ids`), and tables written by
`planas.render.html_blocks`. Same view, same bytes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from planas.model import Plan
from planas.render.blocks import Block
from planas.render.engine import guard, make_environment
from planas.render.html_blocks import TableContext, TableCounter, block_html
from planas.render.html_ids import PlanAnchors, plan_anchors
from planas.render.html_style import page_css
from planas.render.templates import default_template
from planas.render.viewmodel import PlanView, SectionView

if TYPE_CHECKING:
    from jinja2 import Template

DEFAULT_TEMPLATE = "plan.html.j2"


@dataclass(frozen=True)
class SectionPage:
    """A section as the page template prints it: id, heading level, heading lines and body."""

    id: str
    level: int
    heading_lines: tuple[str, ...]
    body: Markup


@dataclass(frozen=True)
class ChapterPage:
    """A chapter (or an annex) as the page template prints it."""

    id: str
    heading_lines: tuple[str, ...]
    sections: tuple[SectionPage, ...]


@dataclass(frozen=True)
class PageLink:
    """A link to a neighbouring page of a site (the plan's documents, the index)."""

    href: str
    text: str


class _RowAnchors:
    """Ids for table rows: a measure's or a criterion's first row, once each."""

    def __init__(self, ids: dict[str, str]) -> None:
        self.ids, self.given = ids, set[str]()

    def __call__(self, first_cell: str) -> str | None:
        anchor = self.ids.get(first_cell)
        if anchor is None or anchor in self.given:
            return None
        self.given.add(anchor)
        return anchor


def _section_body(section: SectionView, level: int, anchors: PlanAnchors, counter: TableCounter,
                  rows: dict[str, _RowAnchors]) -> Markup:
    context = TableContext(fallback_caption=section.heading or section.title,
                           row_anchor=rows.get(section.id, lambda first: None), heading_level=level + 1)
    parts = [block_html(block, counter, context, _goal_ids(section, block, anchors)) for block in section.blocks]
    return Markup("\n".join(parts))


def _goal_ids(section: SectionView, block: Block, anchors: PlanAnchors) -> tuple[str, ...]:
    """The goals' ids on the items of the goals list (one item per goal, in order)."""
    if section.id == "tikslai" and block.kind == "numbered" and len(block.items) == len(anchors.goals):
        return anchors.goals
    return ()


def page_chapters(view: PlanView, anchors: PlanAnchors) -> tuple[ChapterPage, ...]:
    """The chapters with their sections' bodies written as HTML, ids given."""
    counter = TableCounter()
    rows = {"priemones": _RowAnchors(anchors.measures), "kriterijai": _RowAnchors(anchors.criteria)}
    chapters = []
    for c, chapter in enumerate(view.chapters):
        sections = []
        for s, section in enumerate(chapter.sections):
            level = 4 if section.is_subsection else 3
            sections.append(SectionPage(id=anchors.sections[(c, s)], level=level,
                                        heading_lines=section.heading_lines if section.heading else (),
                                        body=_section_body(section, level, anchors, counter, rows)))
        chapters.append(ChapterPage(id=anchors.chapters[c], heading_lines=chapter.heading_lines,
                                    sections=tuple(sections)))
    return tuple(chapters)


@functools.cache
def _page_template() -> Template:
    """The page's template, compiled once per process (a site renders hundreds of pages with it)."""
    source = default_template(DEFAULT_TEMPLATE).read_text(encoding="utf-8")
    env = make_environment(autoescape=True, source=source, name=DEFAULT_TEMPLATE)
    return guard(DEFAULT_TEMPLATE, lambda: env.get_template(DEFAULT_TEMPLATE))


def render_html(view: PlanView, plan: Plan, *, links: tuple[PageLink, ...] = (),
                home: PageLink | None = None) -> str:
    """The plan's page. `links`: documents beside it (a site's DOCX, PDF); `home`: the site's index."""
    anchors = plan_anchors(view, plan)
    template = _page_template()
    return guard(DEFAULT_TEMPLATE, lambda: template.render(
        view=view, chapters=page_chapters(view, anchors), css=Markup(page_css()),
        links=links, home=home))


__all__ = ["ChapterPage", "PageLink", "SectionPage", "page_chapters", "render_html"]
