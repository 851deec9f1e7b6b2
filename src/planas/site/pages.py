"""The site's own pages (index, a municipality's years, a criterion across municipalities) as HTML.

The same stylesheet, skip link, landmarks and table writer as a plan's page, so
they are accessible the same way. Every href is relative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planas.render.html_blocks import TableContext, TableCounter, table_html, text
from planas.render.html_style import page_css


@dataclass(frozen=True)
class SiteTable:
    """A table of a site page with its CSV file beside it (display cells; machine values for the CSV)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    csv_name: str
    csv_rows: tuple[tuple[str, ...], ...] = ()
    links: tuple[tuple[str, ...], ...] = ()
    """Per row and cell: a relative href for the cell's text, or ''."""


def link(href: str, label: str) -> str:
    """An escaped link."""
    return f'<a href="{text(href)}">{text(label)}</a>'


def table_block(table: SiteTable, counter: TableCounter) -> str:
    """A site table in its scroll region, with a link to its CSV file."""
    rows = []
    for r, row in enumerate(table.rows):
        hrefs = table.links[r] if r < len(table.links) else ()
        rows.append(tuple(link(hrefs[c], cell) if c < len(hrefs) and hrefs[c] else text(cell)
                          for c, cell in enumerate(row)))
    header = tuple(text(h) for h in table.header)
    html = table_html(header, rows, table.numeric, table.caption, counter, TableContext(table.caption),
                      cell=lambda cell: cell)
    return f'{html}\n<p class="pastaba">{link(table.csv_name, "Lentelė CSV formatu")} ({text(table.caption)})</p>'


def site_page(title: str, body: Sequence[str], *, home: str | None) -> str:
    """A complete page of the site: `home` is the relative href of the index (None on the index itself)."""
    crumbs = (f'<header>\n<p class="kelias">{link(home, "Visi socialinių paslaugų planai")}</p>\n</header>\n'
              if home else "")
    content = "\n".join(body)
    return (
        '<!DOCTYPE html>\n<html lang="lt">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>\n{page_css()}\n</style>\n</head>\n<body>\n"
        '<a class="praleisti" href="#turinys">Pereiti prie turinio</a>\n'
        f"{crumbs}"
        f'<main id="turinys" tabindex="-1">\n<h1>{text(title)}</h1>\n{content}\n</main>\n</body>\n</html>\n'
    )
