"""The review section's blocks: last year's measures against their targets, the criteria, a chart.

Shown as the form's section "Ankstesnių metų plano įgyvendinimo apžvalga"
(block `implementation_review` in form_layouts.yaml) when last year's plan is
given, and alone as the implementation report (`planas render --report`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from planas.formatting import NBSP, number, percent
from planas.render.blocks import ILLUSTRATIVE_MARK, Block
from planas.render.chart_data import chart_block, review_chart
from planas.review import STATUS_LT, CriterionComparison, ImplementationReview

REVIEW_BLOCK = "implementation_review"
_STATUS_NOTE = ("Būsena nustatoma pagal pasiektą siektinų reikšmių dalį: įvykdyta – pasiekta visų rodiklių "
                "siektina reikšmė; iš dalies – pasiekta dalis; neįvykdyta arba nepradėta – nepasiekta nieko; "
                "be rodiklių – pagal priemonės būseną.")


def _value(value: Decimal | None, unit: str, decimals: int) -> str:
    if value is None:
        return "–"
    return percent(value, decimals) if unit == "proc." else number(value, decimals)


def _difference(row: CriterionComparison) -> str:
    if row.planned is None or row.actual is None:
        return "–"
    change = row.actual - row.planned
    sign = "+" if change > 0 else ""
    return sign + (_value(change, row.unit, row.decimals) if change else "0")


def review_blocks(review: ImplementationReview, service_name: Callable[[str], str],
                  flag: Callable[[bool], bool], group_name: Callable[[str], str] = str) -> list[Block]:
    """Measures (target, achieved, share, status, comment), their chart, then the criteria planned and reached."""
    counts = {key: sum(1 for m in review.measures if m.status == key) for key in STATUS_LT}
    summary = ", ".join(f"{STATUS_LT[key]} – {number(n)}" for key, n in counts.items() if n)
    unknown = sum(1 for m in review.measures if m.status is None)
    lead = (f"{review.year}{NBSP}m. socialinių paslaugų plane numatytos {number(len(review.measures))} "
            f"priemonės: {summary or 'būsena nenurodyta'}"
            + (f"; neįvertinta – {number(unknown)}" if unknown else "") + ".")
    rows: list[tuple[str, ...]] = []
    for m in review.measures:
        status = STATUS_LT[m.status] if m.status else "neįvertinta"
        title = f"{m.title}{ILLUSTRATIVE_MARK}" if flag(m.illustrative) else m.title
        if not m.indicators:
            rows.append((m.id, title, "–", "–", "–", "–", status, "–"))
        for i, ind in enumerate(m.indicators):
            unit = f" ({ind.unit})" if ind.unit else ""
            first = i == 0
            rows.append((m.id if first else "", title if first else "", f"{ind.name}{unit}",
                         number(ind.target), number(ind.actual) if ind.actual is not None else "neįrašyta",
                         percent(ind.share, 1) if ind.share is not None else "–", status if first else "",
                         ind.comment or "–"))
    blocks = [Block("paragraph", text=lead),
              Block("table", caption=f"{review.year}{NBSP}m. plano priemonių įgyvendinimas",
                    header=("Nr.", "Priemonė", "Rodiklis", "Siektina reikšmė", "Pasiekta reikšmė", "Pasiekta dalis",
                            "Būsena", "Komentaras"),
                    rows=tuple(rows), widths=(5, 25, 20, 9, 9, 9, 9, 14),
                    numeric=(False, False, False, True, True, True, False, False),
                    notes=(_STATUS_NOTE,))]
    chart = review_chart(review)
    if chart is not None:
        blocks.append(chart_block(chart, frozenset({0, 1, 5})))
    if review.criteria:
        criteria_rows = []
        for row in review.criteria:
            name = row.name + (f": {service_name(row.service)}" if row.service else "")
            name += f" ({group_name(row.target_group)})" if row.target_group else ""
            criteria_rows.append((row.id, name, row.unit, _value(row.planned, row.unit, row.decimals),
                                  _value(row.actual, row.unit, row.decimals), _difference(row)))
        note = (f"Planuota – apskaičiuota iš {review.year}{NBSP}m. plano duomenų; pasiekta – iš šio plano "
                f"faktinių {review.year}{NBSP}m. duomenų.")
        blocks.append(Block("table", caption=f"Efektyvumo vertinimo kriterijai {review.year}{NBSP}m.: planuota ir pasiekta",
                            header=("Nr.", "Kriterijus", "Mat. vnt.", "Planuota", "Pasiekta", "Skirtumas"),
                            rows=tuple(criteria_rows), widths=(6, 44, 14, 12, 12, 12),
                            numeric=(False, False, False, True, True, True),
                            notes=(note,)))
    return blocks
