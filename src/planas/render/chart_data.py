"""What each chart of a plan shows: `ChartSpec`s built from plan data (no drawing, no matplotlib).

Four charts, each only when the plan has the figures: population by age group
over the years (demography), recipients and waiting lists by service in the
last year with facts (provision), funding by source per year (finance), and
the share of each target achieved in last year's plan (the review).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from planas.formatting import NBSP, amount, number, percent
from planas.model import Plan
from planas.reference import Reference
from planas.render.blocks import Block
from planas.render.charts import ChartSeries, ChartSpec
from planas.review import STATUS_LT, ImplementationReview

_AGE_GROUPS = ("age_0_17", "age_working", "age_65_plus")


def chart_block(spec: ChartSpec, text_columns: frozenset[int] = frozenset({0})) -> Block:
    """A chart as a section block: the picture, and its data table for who would rather read."""
    numeric = tuple(i not in text_columns for i in range(len(spec.headers)))
    return Block("chart", caption=spec.title, header=spec.headers, rows=spec.rows, numeric=numeric, chart=spec,
                 text=spec.description)


def _float(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


def _span(years: list[int]) -> str:
    return f"{years[0]}\u2013{years[-1]}{NBSP}m." if len(years) > 1 else f"{years[0]}{NBSP}m."


def population_chart(plan: Plan, reference: Reference) -> ChartSpec | None:
    """Population by age group over the years (or the total when no age groups are given)."""
    by_id = {i.id: i for i in plan.analysis.demography}
    items = [by_id[k] for k in _AGE_GROUPS if k in by_id] or [by_id[k] for k in ("population_total",) if k in by_id]
    years = sorted({y for item in items for y in item.values})
    if not items or len(years) < 2:
        return None
    names = [reference.demography_indicators[i.id].name_lt if i.id in reference.demography_indicators
             else (i.title or i.id) for i in items]
    series = tuple(ChartSeries(name, tuple(_float(i.values.get(y)) for y in years)) for name, i in zip(
        names, items, strict=True))
    rows = tuple((f"{y}{NBSP}m.", *(number(i.values[y]) if y in i.values else "–" for i in items)) for y in years)
    changes = []
    for name, item in zip(names, items, strict=True):
        known = sorted(item.values)
        first, last = known[0], known[-1]
        changes.append(f"{name}: {number(item.values[first])} ({first}{NBSP}m.) – "
                       f"{number(item.values[last])} ({last}{NBSP}m.)")
    description = (f"Linijinė diagrama: gyventojų skaičius pagal amžiaus grupes {_span(years)}: "
                   + "; ".join(changes) + ".")
    return ChartSpec("gyventojai-amzius", f"Gyventojai pagal amžiaus grupes {_span(years)}", description,
                     ("Metai", *names), rows, kind="line", categories=tuple(f"{y}" for y in years),
                     series=series, unit="gyv.")


def provision_chart(plan: Plan, service_name: Callable[[str], str]) -> ChartSpec | None:
    """Recipients during, and the waiting list at the end of, the last year with facts, by service."""
    year = plan.metadata.year
    past = sorted({y for r in plan.analysis.provision for y, v in r.years.items()
                   if y < year and (v.recipients is not None or v.waiting is not None)})
    if not past:
        return None
    last = past[-1]
    recipients: dict[str, int] = {}
    waiting: dict[str, int] = {}
    for record in plan.analysis.provision:
        entry = record.years.get(last)
        if entry is None:
            continue
        name = service_name(record.service)
        if entry.recipients is not None:
            recipients[name] = recipients.get(name, 0) + entry.recipients
        if entry.waiting is not None:
            waiting[name] = waiting.get(name, 0) + entry.waiting
    services = sorted({*recipients, *waiting}, key=lambda n: (-recipients.get(n, 0), n))
    if not services:
        return None
    rows = tuple((s, number(recipients[s]) if s in recipients else "–", number(waiting[s]) if s in waiting else "–")
                 for s in services)
    top = services[0]
    queue = sum(waiting.values())
    longest = max(services, key=lambda s: (waiting.get(s, 0), s)) if queue else None
    description = (f"Juostinė diagrama: {last}{NBSP}m. paslaugų gavėjai ir laukiantieji metų pabaigoje pagal "
                   f"paslaugas ({len(services)}). Daugiausia gavėjų – {top} ({number(recipients.get(top, 0))}); "
                   f"iš viso gavėjų {number(sum(recipients.values()))}, laukiančiųjų {number(queue)}"
                   + (f", daugiausia laukia – {longest} ({number(waiting[longest])})." if longest else "."))
    return ChartSpec("gavejai-laukiantieji", f"Paslaugų gavėjai ir laukiantieji {last}{NBSP}m.", description,
                     ("Paslauga", f"Gavėjai {last}{NBSP}m.", f"Laukia {last}{NBSP}m. pab."), rows, kind="bars",
                     categories=tuple(services),
                     series=(ChartSeries("Gavėjai", tuple(_float(recipients.get(s)) for s in services)),
                             ChartSeries("Laukiantieji metų pabaigoje", tuple(_float(waiting.get(s))
                                                                           for s in services))),
                     unit="asm.")


def funding_chart(plan: Plan, reference: Reference) -> ChartSpec | None:
    """Services' funding by source, per year and kind (fact or plan), stacked."""
    sums: dict[tuple[int, str], dict[str, Decimal]] = {}
    for record in plan.analysis.finance:
        for entry in record.entries:
            bucket = sums.setdefault((entry.year, entry.kind), {})
            for source, value in entry.sources.items():
                bucket[source] = bucket.get(source, Decimal(0)) + value
    if not sums:
        return None
    columns = sorted(sums)
    used = [s for s in reference.funding_sources if any(s in sums[c] for c in columns)]
    labels = tuple(f"{y}{NBSP}m. ({kind})" for y, kind in columns)
    names = [reference.funding_sources[s].name_lt for s in used]
    series = tuple(ChartSeries(f"{s} – {name}", tuple(_float(sums[c].get(s)) for c in columns))
                   for s, name in zip(used, names, strict=True))
    totals = [sum(sums[c].values(), Decimal(0)) for c in columns]
    rows = tuple((label, *(amount(sums[c][s]) if s in sums[c] else "–" for s in used), amount(total))
                 for label, c, total in zip(labels, columns, totals, strict=True))
    last = columns[-1]
    biggest = max(used, key=lambda s: (sums[last].get(s, Decimal(0)), s))
    share = sums[last].get(biggest, Decimal(0)) / totals[-1] * 100 if totals[-1] else Decimal(0)
    description = ("Stulpelinė diagrama: socialinių paslaugų lėšos pagal finansavimo šaltinius, Eur. "
                   + "; ".join(f"{label}: {amount(total)}{NBSP}Eur" for label, total in zip(labels, totals, strict=True))
                   + f". {labels[-1]} didžiausia dalis – {reference.funding_sources[biggest].name_lt} "
                   f"({percent(share, 1)}).")
    return ChartSpec("finansavimas-saltiniai", "Socialinių paslaugų finansavimas pagal šaltinius, Eur", description,
                     ("Metai", *used, "Iš viso"), rows, kind="stacked", categories=labels, series=series, unit="Eur")


def review_chart(review: ImplementationReview) -> ChartSpec | None:
    """The share of each indicator's target achieved in last year's plan (100 % marked)."""
    labels: list[str] = []
    shares: list[float | None] = []
    rows: list[tuple[str, ...]] = []
    for measure in review.measures:
        for ind in measure.indicators:
            if ind.target is None:
                continue
            labels.append(f"{measure.id} {ind.name}")
            shares.append(_float(ind.share))
            rows.append((measure.id, ind.name, number(ind.target), number(ind.actual),
                         percent(ind.share, 1) if ind.share is not None else "–",
                         STATUS_LT[measure.status] if measure.status else "–"))
    if not labels:
        return None
    reached = sum(1 for s in shares if s is not None and s >= 100)
    unknown = sum(1 for s in shares if s is None)
    description = (f"Juostinė diagrama: kokia {review.year}{NBSP}m. plano priemonių rodiklių siektinų reikšmių "
                   f"dalis pasiekta (procentais, 100{NBSP}% – siektina reikšmė). Iš {len(labels)} rodiklių "
                   f"siektina reikšmė pasiekta {reached}"
                   + (f", pasiekta reikšmė neįrašyta {unknown}" if unknown else "") + "; "
                   + "; ".join(f"{label}: {percent(Decimal(str(s)), 1) if s is not None else 'nėra duomenų'}"
                               for label, s in zip(labels, shares, strict=True)))
    return ChartSpec("priemones-ivykdymas", f"{review.year}{NBSP}m. plano rodiklių įvykdymas, proc.", description,
                     ("Nr.", "Rodiklis", "Siektina", "Pasiekta", "Pasiekta dalis", "Būsena"), tuple(rows),
                     kind="share", categories=tuple(labels),
                     series=(ChartSeries("Pasiekta siektinos reikšmės dalis", tuple(shares)),), unit="proc.")
