"""Provenance, the same way on every item: a source, or an admission that it is illustrative.

Goals, priority directions, measures, indicators, prose sections, authors, acts
of the legal basis and every figure carry `source` (a citation) or
`illustrative: true`; the rendered document marks illustrative items and
explains the mark only where there is one. `comment` is an internal remark for
the planners: it is never rendered.
"""


from planas.model.base import Flag, PlanModel, Text, described


class Sourced(PlanModel):
    """Where an item comes from, and a remark for the planners that is never printed."""

    source: Text | None = described(
        "Šaltinis",
        "Iš kur paimtas įrašas ar skaičius: dokumentas, jo adresas, lentelė.",
        default=None,
    )
    illustrative: Flag = described(
        "Iliustracinis",
        "true, kai įrašas ar skaičius nėra iš šaltinio, o tik iliustracinis (pvz., pavyzdiniame plane); "
        "dokumente pažymimas žvaigždute.",
        default=False,
    )
    comment: Text | None = described(
        "Vidinė pastaba",
        "Pastaba plano rengėjams; dokumente niekada nespausdinama.",
        default=None,
    )
