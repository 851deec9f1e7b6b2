"""The national comparison: one page per criterion, the latest plan of each municipality, within one regime.

A value that cannot be computed is shown as such with what is missing, never as
0; a criterion computed from service uses (no distinct persons given) says so,
so service uses are never read as persons.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planas.formatting import number, percent
from planas.i18n import collation_key
from planas.render.html_blocks import TableCounter, text
from planas.render.html_ids import slug as id_slug
from planas.site.csvfile import table_csv
from planas.site.municipality import PlanYear
from planas.site.pages import SiteTable, link, site_page, table_block


@dataclass(frozen=True)
class CriterionValueRow:
    """One municipality's value of one criterion (per service where the criterion is) in its latest plan."""

    criterion: str
    name: str
    unit: str
    regime: str
    regime_title: str
    municipality: str
    folder: str
    year: int
    service: str
    value: Decimal | None
    display: str
    basis: str
    missing: str


def display_value(value: Decimal | None, unit: str, decimals: int) -> str:
    """A criterion's value the Lithuanian way (`12,5 proc.`)."""
    return percent(value, decimals) if unit == "proc." else number(value, decimals)


def latest_values(municipality: str, folder: str, latest: PlanYear) -> list[CriterionValueRow]:
    """The plan-year value of every criterion row of a municipality's latest plan."""
    if latest.criteria is None:
        return []
    regime = latest.reference.regime_for_year(latest.year)
    rows = []
    for row in latest.criteria.rows:
        cell = next((c for c in row.values if c.year == latest.year), None)
        if cell is None:
            continue
        service = latest.reference.service_name(row.service) if row.service else ""
        if row.target_group:
            service = f"{service} ({latest.reference.group_name(row.target_group)})".strip()
        rows.append(CriterionValueRow(
            criterion=row.criterion.id, name=row.criterion.name_lt, unit=row.criterion.unit, regime=regime.id,
            regime_title=regime.title, municipality=municipality, folder=folder, year=latest.year,
            service=service, value=cell.value,
            display=display_value(cell.value, row.criterion.unit, row.criterion.decimals)
            if cell.value is not None else "neapskaičiuojama",
            basis=cell.basis or "",
            missing="; ".join(cell.missing)))
    return rows


def row_unit(row: CriterionValueRow) -> str:
    """The unit of a value: persons become service uses where the value was counted from service uses."""
    if row.basis and "asm." in row.unit:
        return row.unit.replace("asm.", "atvejai")
    return row.unit


def _criterion_page(key: str, rows: list[CriterionValueRow]) -> dict[str, bytes]:
    first = rows[0]
    page_slug = id_slug(key)
    files: dict[str, bytes] = {}
    counter = TableCounter()
    body = [("<p>Kiekvienos savivaldybės naujausio plano reikšmė (plano metų). Lyginama tik tos pačios planavimo "
             "tvarkos planuose. „Neapskaičiuojama“ – trūksta duomenų, ne nulis. Kur asmenų skaičius nenurodytas, "
             "reikšmė skaičiuojama iš paslaugų gavimo atvejų: tada ir matavimo vienetas – atvejai, ne asmenys.</p>")]
    regimes = sorted({(r.regime, r.regime_title) for r in rows})
    for regime, title in regimes:
        within = sorted((r for r in rows if r.regime == regime),
                        key=lambda r: (collation_key(r.municipality), collation_key(r.service)))
        header = ("Savivaldybė", "Metai", "Paslauga", "Reikšmė", "Mat. vnt.", "Skaičiavimo pagrindas",
                  "Trūksta duomenų")
        display = tuple((r.municipality, str(r.year), r.service or "–", r.display, row_unit(r), r.basis or "–",
                         r.missing or "–") for r in within)
        machine = tuple((r.municipality, str(r.year), r.service, "" if r.value is None else str(r.value),
                         row_unit(r), r.basis, r.missing) for r in within)
        csv_name = f"{page_slug}-{id_slug(regime)}.csv"
        links = tuple((f"../{r.folder}/{r.year}.html#{page_slug}",) for r in within)
        table = SiteTable(caption=f"{key}. {first.name}: {title}", header=header, rows=display,
                          numeric=(False, False, False, True, False, False, False), csv_name=csv_name, links=links)
        body.append(f"<h2>{text(title)}</h2>")
        body.append(table_block(table, counter))
        files[f"kriterijai/{csv_name}"] = table_csv(header, machine, convert=False)
    page = site_page(f"{key}. {first.name}", body, home="../index.html")
    files[f"kriterijai/{page_slug}.html"] = page.encode("utf-8")
    return files


def criterion_pages(rows: list[CriterionValueRow]) -> dict[str, bytes]:
    """A page per criterion and the list of them (`kriterijai/index.html`)."""
    files: dict[str, bytes] = {}
    keys = sorted({r.criterion for r in rows}, key=lambda k: (len(k), k))
    items = []
    for key in keys:
        chosen = [r for r in rows if r.criterion == key]
        files.update(_criterion_page(key, chosen))
        items.append(f"<li>{link(f'{id_slug(key)}.html', f'{key}. {chosen[0].name}')}</li>")
    body = [f"<ul>{''.join(items)}</ul>" if items else "<p>Kriterijų reikšmių nėra.</p>"]
    files["kriterijai/index.html"] = site_page("Efektyvumo kriterijai: savivaldybių palyginimas", body,
                                               home="../index.html").encode("utf-8")
    return files
