"""The content a plan of the 2024 law (regime A1-368_2024, plans for 2025 and later) must show.

Each block is optional in the model (a plan of the old regime has none of them)
and required by the rules of family 17 where the law or A1-368 requires it:
the needs assessment (SPĮ 14 str. 4 d. 1 p.), the factors behind needs and the
money needed (A1-368 4.1 p.; SPĮ 14 str. 3 d. 2 p.), the needs nobody meets yet
(A1-368 2 p.), the forecast against the development norms (SPĮ 14 str. 3 d.
1 p.) and dependency prevention (A1-368 4.2 p.). `planas new` writes them as
empty placeholders when a plan crosses into the new regime; a block counts as
filled when any of its content is written (`filled_blocks`).
"""


from decimal import Decimal
from typing import Literal

from planas.model.base import (
    Count,
    Date,
    FundingBySource,
    Identifier,
    Markdown,
    PlanModel,
    Quantity,
    ShortText,
    Text,
    Year,
    described,
    no_entries,
    no_items,
)
from planas.model.codes import GroupCode, ServiceCode
from planas.model.provenance import Sourced
from planas.model.sections import NeedFactor

AssessmentMethod = Literal["apklausa", "spis_duomenys", "teikeju_ataskaitos", "seniuniju_duomenys",
                           "statistika", "kita"]
AccreditationArea = Literal["socialine_prieziura", "laikino_atokvepio_paslauga"]
AuthorKind = Literal["meras", "administracijos_direktorius", "padalinys", "darbo_grupe"]
RespiteFormId = Literal["pagalba_i_namus", "dsg_asmens_namuose", "trumpalaike_globa_institucijoje"]


class NeedsAssessment(Sourced):
    """The residents' needs assessment and analysis (SPĮ 14 str. 4 d. 1 p.)."""

    methods: list[AssessmentMethod] = described(
        "Metodai",
        "Kaip vertinta: apklausa, spis_duomenys, teikeju_ataskaitos, seniuniju_duomenys, statistika, kita.",
        default_factory=no_items,
    )
    period_from: Date | None = described("Laikotarpio pradžia", "Nuo kada vertinta (YYYY-MM-DD).", default=None)
    period_to: Date | None = described("Laikotarpio pabaiga", "Iki kada vertinta (YYYY-MM-DD).", default=None)
    findings: Markdown | None = described(
        "Išvados", "Ką vertinimas parodė (Markdown; spausdinama).", default=None
    )


class NeedFactors(Sourced):
    """The factors that drive residents' needs (A1-368 4.1 p.)."""

    text: Markdown | None = described("Tekstas", "Įvadinis tekstas (Markdown).", default=None)
    items: list[NeedFactor] = described(
        "Veiksniai", "Poreikius lemiantys veiksniai ir jų poveikis.", default_factory=no_items
    )


class UnmetNeedItem(Sourced):
    """A need nobody meets yet: which service, for whom, how many, why (A1-368 2 p.)."""

    service: ServiceCode = described("Paslauga", "Reikalingos paslaugos kodas (planas reference services).")
    target_group: GroupCode = described("Gavėjų grupė", "Kam paslaugos reikia (planas reference groups).")
    persons: Count | None = described("Asmenų", "Kiek asmenų paslaugos reikia, bet jos negauna.", default=None)
    reason: ShortText = described("Priežastis", "Kodėl poreikis nepatenkintas (nėra teikėjo, vietų, lėšų…).")


class UnmetNeed(Sourced):
    """The needs nobody meets yet (A1-368 2 p.: the plan covers services „kurių reikia“)."""

    text: Markdown | None = described(
        "Tekstas", "Paaiškinimas; jei nepatenkinto poreikio nėra, parašykite tai čia.", default=None
    )
    items: list[UnmetNeedItem] = described("Poreikiai", "Nepatenkinti poreikiai.", default_factory=no_items)


class FundingNeedItem(Sourced):
    """The money one service (or the plan as a whole) needs against what is allocated, by source."""

    service: ServiceCode | None = described(
        "Paslauga", "Paslaugos kodas; nenurodžius – visų paslaugų poreikis.", default=None
    )
    needed: FundingBySource = described(
        "Reikia", "Lėšų poreikis pagal šaltinius, Eur (SPĮ 14 str. 3 d. 2 p.).", default_factory=no_entries
    )
    allocated: FundingBySource = described(
        "Skirta", "Skirtos (numatytos biudžete) lėšos pagal šaltinius, Eur.", default_factory=no_entries
    )

    def needed_total(self) -> Decimal:
        """The money needed, over all sources."""
        return sum(self.needed.values(), Decimal(0))

    def allocated_total(self) -> Decimal:
        """The money allocated, over all sources."""
        return sum(self.allocated.values(), Decimal(0))


class FundingNeed(Sourced):
    """The amount of money social services need (A1-368 4.1 p.; SPĮ 14 str. 3 d. 2 p.), apart from the budget."""

    year: Year | None = described("Metai", "Kuriems metams poreikis (paprastai plano metai).", default=None)
    text: Markdown | None = described("Tekstas", "Kaip poreikis apskaičiuotas (Markdown).", default=None)
    items: list[FundingNeedItem] = described(
        "Poreikis pagal paslaugas", "Reikia ir skirta pagal šaltinius; iš viso apskaičiuojama.",
        default_factory=no_items,
    )

    def needed_total(self) -> Decimal:
        """The computed total of the money needed."""
        return sum((item.needed_total() for item in self.items), Decimal(0))

    def allocated_total(self) -> Decimal:
        """The computed total of the money allocated."""
        return sum((item.allocated_total() for item in self.items), Decimal(0))


class NormComparison(Sourced):
    """One development norm against the actual and planned figure (SPĮ 14 str. 3 d. 1 p.).

    The norms' values (order A1-23 and later) are not in planas's reference data:
    the planners enter them and the document marks them as entered by the planners.
    """

    id: Identifier = described("Identifikatorius", "Stabilus normatyvo identifikatorius, pvz. dsg_namuose.")
    norm: ShortText = described("Normatyvas", "Socialinių paslaugų išvystymo normatyvas (kaip įsakyme).")
    service: ServiceCode | None = described("Paslauga", "Susijusios paslaugos kodas.", default=None)
    unit: Text | None = described("Matavimo vienetas", "Pvz. „vietų 1000 gyv.“.", default=None)
    norm_value: Quantity | None = described(
        "Normatyvo reikšmė", "Normatyvo reikšmė, įrašyta rengėjų (planas jos netikrina).", default=None
    )
    norm_act: Text | None = described(
        "Normatyvo aktas", "Įsakymas, kuriuo normatyvas nustatytas (numeris, data, punktas).", default=None
    )
    actual: Quantity | None = described("Esama reikšmė", "Faktinė reikšmė (praėję metai).", default=None)
    planned: Quantity | None = described("Planuojama reikšmė", "Planuojama reikšmė plano metais.", default=None)


class DevelopmentNorms(Sourced):
    """The forecast against the development norms (SPĮ 14 str. 3 d. 1 p.)."""

    text: Markdown | None = described("Tekstas", "Prognozės tekstas (Markdown).", default=None)
    items: list[NormComparison] = described("Normatyvai", "Normatyvas, esama ir planuojama.", default_factory=no_items)


class DependencyPrevention(Sourced):
    """How the plan prevents dependency, the loss of autonomy (A1-368 4.2 p.)."""

    text: Markdown | None = described("Tekstas", "Priklausomumo prevencijos kryptys (Markdown).", default=None)
    measures: list[Identifier] = described(
        "Priemonės", "Tam skirtų priemonių identifikatoriai (action_plan.measures).", default_factory=no_items
    )
    services: list[ServiceCode] = described(
        "Paslaugos", "Tam skirtos paslaugos (pvz. pagalba į namus, dienos socialinė globa namuose).",
        default_factory=no_items,
    )


BLOCKS_2025: tuple[tuple[str, ...], ...] = (
    ("analysis", "needs_assessment"),
    ("analysis", "need_factors"),
    ("analysis", "unmet_need"),
    ("analysis", "funding_need"),
    ("analysis", "development_norms"),
    ("action_plan", "dependency_prevention"),
)
"""Where the 2025+ blocks live in a plan, in the order of the 2025+ layout."""

_CONTENT = ("methods", "period_from", "period_to", "findings", "text", "items", "measures", "services")


def block_filled(block: PlanModel | None) -> bool:
    """Whether a 2025+ block holds any content (a placeholder from `planas new` does not)."""
    if block is None:
        return False
    return any(getattr(block, name, None) not in (None, "", [], {}) for name in _CONTENT)


__all__ = [
    "BLOCKS_2025", "AccreditationArea", "AuthorKind", "DependencyPrevention", "DevelopmentNorms",
    "FundingNeed", "FundingNeedItem", "NeedFactors", "NeedsAssessment", "NormComparison",
    "RespiteFormId", "UnmetNeed", "UnmetNeedItem", "block_filled",
]
