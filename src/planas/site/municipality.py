"""A municipality's page: its plans by year, what changed from year to year, and its criteria by year.

The changes come from `planas diff` (`planas.years.diff`): services added and
removed, and how many items changed in each part of the plan. The criteria by
year are each plan's own plan-year values, as a table and a chart (percentages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from planas.criteria import CriteriaTable
from planas.model import Plan
from planas.reference import Reference
from planas.render.html_blocks import TableContext, TableCounter, chart_html, text
from planas.site.csvfile import table_csv
from planas.site.pages import SiteTable, link, site_page, table_block


@dataclass(frozen=True)
class PlanYear:
    """A valid plan of one year, with its criteria table and where its page is."""

    year: int
    plan: Plan
    criteria: CriteriaTable | None
    reference: Reference
    page: str


def _changes(old: PlanYear, new: PlanYear) -> list[str]:
    from planas.years.diff import SECTIONS, diff_plans

    diff = diff_plans(old.plan, new.plan, new.reference, old_label=str(old.year), new_label=str(new.year),
                      criteria=(old.criteria, new.criteria))
    titles = {section: title for section, title, _ in SECTIONS}
    added = [new.reference.service_name(str(c.new)) for c in diff.changes if c.section == "services" and c.kind == "added"]
    removed = [old.reference.service_name(str(c.old)) for c in diff.changes
               if c.section == "services" and c.kind == "removed"]
    parts = [f'<section aria-labelledby="pokyciai-{new.year}">',
             f'<h3 id="pokyciai-{new.year}">{old.year} → {new.year} m.</h3>']
    if diff.is_empty:
        parts.append("<p>Pakeitimų nėra.</p>")
    for label, names in (("Naujos paslaugos", added), ("Nebeteikiamos paslaugos", removed)):
        if names:
            items = "".join(f"<li>{text(n)}</li>" for n in names)
            parts.append(f"<p>{label}:</p><ul>{items}</ul>")
    counts = [(titles[section], len(changes)) for section, changes in diff.by_section() if section != "services"]
    if counts:
        items = "".join(f"<li>{text(title)}: {n} pakeit.</li>" for title, n in counts)
        parts.append(f"<p>Pakeisti duomenys pagal plano dalis:</p><ul>{items}</ul>")
    parts.append("</section>")
    return parts


def _criteria_by_year(years: Sequence[PlanYear]) -> tuple[SiteTable, tuple[tuple[str, tuple[float | None, ...]], ...]]:
    from planas.site.criteria import latest_values

    values: dict[tuple[str, str], dict[int, tuple[str, str]]] = {}
    names: dict[tuple[str, str], str] = {}
    percent_rows: dict[tuple[str, str], dict[int, float | None]] = {}
    for plan_year in years:
        for row in latest_values("", "", plan_year):
            key = (row.criterion, row.service)
            names[key] = f"{row.criterion}. {row.name}" + (f": {row.service}" if row.service else "")
            values.setdefault(key, {})[plan_year.year] = (row.display, "" if row.value is None else str(row.value))
            if row.unit == "proc.":
                percent_rows.setdefault(key, {})[plan_year.year] = None if row.value is None else float(row.value)
    ordered = sorted(values, key=lambda k: (len(k[0]), k[0], k[1]))
    header = ("Kriterijus", *(f"{y.year}\u00a0m." for y in years))
    rows = tuple((names[k], *(values[k].get(y.year, ("–", ""))[0] for y in years)) for k in ordered)
    machine = tuple((names[k], *(values[k].get(y.year, ("–", ""))[1] for y in years)) for k in ordered)
    table = SiteTable(caption="Efektyvumo kriterijai pagal metus (kiekvieno plano metų reikšmė)", header=header,
                      rows=rows, numeric=(False, *([True] * len(years))), csv_name="kriterijai.csv",
                      csv_rows=machine)
    series = tuple((names[k], tuple(percent_rows[k].get(y.year) for y in years))
                   for k in ordered if k in percent_rows)
    return table, series


def municipality_page(name: str, folder: str, years: Sequence[PlanYear]) -> dict[str, bytes]:
    """The municipality's page and its CSV file, by path in the site."""
    from planas.render.charts import ChartSeries, ChartSpec

    plans = "".join(f"<li>{link(f'{y.year}.html', f'{y.year} metų socialinių paslaugų planas')}</li>" for y in years)
    body = ['<h2 id="planai">Planai</h2>', f"<ul>{plans}</ul>", '<h2 id="pokyciai">Pokyčiai kasmet</h2>']
    if len(years) < 2:
        body.append("<p>Palyginti nėra su kuo: yra tik vienų metų planas.</p>")
    for old, new in pairwise(years):
        body += _changes(old, new)
    table, series = _criteria_by_year(years)
    counter = TableCounter()
    body.append('<h2 id="kriterijai">Efektyvumo kriterijai pagal metus</h2>')
    body.append(table_block(table, counter))
    if any(v is not None for _, vals in series for v in vals) and len(years) > 1:
        shown = [(label, vals) for label, vals in series if any(v is not None for v in vals)][:6]
        spec = ChartSpec(
            key=f"{folder}-kriterijai", title=f"{name}: procentais išreikšti kriterijai pagal metus",
            description=("Linijinė diagrama: " + "; ".join(
                f"{label} – " + ", ".join(f"{y.year} m. {'nėra' if v is None else f'{v:.1f}'.replace('.', ',')}"
                                          for y, v in zip(years, vals, strict=True)) for label, vals in shown) + "."),
            headers=("Kriterijus", *(f"{y.year}\u00a0m." for y in years)),
            rows=tuple((label, *("–" if v is None else f"{v:.1f}".replace(".", ",") for v in vals))
                       for label, vals in shown),
            kind="line", categories=tuple(str(y.year) for y in years),
            series=tuple(ChartSeries(label, vals) for label, vals in shown), unit="proc.")
        body.append(chart_html(spec, counter, TableContext(spec.title)))
    page = site_page(f"{name}: socialinių paslaugų planai", body, home="../index.html")
    return {f"{folder}/index.html": page.encode("utf-8"),
            f"{folder}/kriterijai.csv": table_csv(table.header, table.csv_rows, convert=False)}
