"""One plan's files in the site: its page, each of its tables as CSV, and (asked) its DOCX and PDF."""

from __future__ import annotations

from planas.criteria import CriteriaTable
from planas.model import Plan
from planas.reference import Reference
from planas.render.html import PageLink, render_html
from planas.render.viewmodel import build_view, iter_tables
from planas.site.csvfile import table_csv


def plan_files(plan: Plan, reference: Reference, criteria: CriteriaTable | None, folder: str, year: int,
               digest: str | None, old_digest: str | None) -> dict[str, bytes]:
    """The files of one plan, by path in the site.

    `digest`: the plan file's hash when documents are asked for; a document whose
    plan has the hash the previous site's was made from is not made again (its
    bytes come back empty: the build keeps the previous file).
    """
    view = build_view(plan, reference, criteria, pages=False)  # a web page: no landscape pages to measure
    files: dict[str, bytes] = {}
    links = [PageLink("index.html", "Visų metų planai ir pokyčiai")]
    if digest is not None:
        links += [PageLink(f"{year}.docx", "Word dokumentas (DOCX)"), PageLink(f"{year}.pdf", "PDF dokumentas")]
    for number, (block, _) in enumerate(iter_tables(view), 1):
        name = f"{year}/lentele-{number}.csv"
        files[f"{folder}/{name}"] = table_csv(block.header, block.rows)
        links.append(PageLink(name, f"{block.caption or 'Lentelė'} (CSV)"))
    page = render_html(view, plan, links=tuple(links), home=PageLink("../index.html", "Visi socialinių paslaugų planai"))
    files[f"{folder}/{year}.html"] = page.encode("utf-8")
    if digest is not None:
        if digest == old_digest:
            files[f"{folder}/{year}.docx"] = b""
            files[f"{folder}/{year}.pdf"] = b""
        else:
            from planas.render.docx import render_docx
            from planas.render.pdf import docx_to_pdf
            from planas.render.templates import resolve_template

            document = render_docx(build_view(plan, reference, criteria, source_sha256=digest), resolve_template(None))
            files[f"{folder}/{year}.docx"] = document
            files[f"{folder}/{year}.pdf"] = docx_to_pdf(document)
    return files
