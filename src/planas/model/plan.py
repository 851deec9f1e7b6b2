"""The plan document: one municipality's Social Services Plan for one year.

Keys are English snake_case; every field carries a Lithuanian title and a
description that cites the clause it comes from (the law on social services,
SPĮ; methodology 1132 / A1-368; the reconstructed A1-104 form, DOMAIN-RESEARCH
§2.2-§2.3, §8.2). Items that live on from year to year carry a stable `id`
(services are keyed by catalogue code) so that `planas diff` can match them.
"""

from __future__ import annotations

from typing import Literal

from planas.model.base import (
    Code,
    Count,
    Date,
    Flag,
    FundingBySource,
    Identifier,
    Markdown,
    Measurement,
    Money,
    PlanModel,
    Quantity,
    ShortText,
    Text,
    Year,
    described,
)

Status = Literal["projektas", "patvirtintas"]
RegimeId = Literal["legacy_1132_A1-104", "A1-368_2024"]
FinanceKind = Literal["faktas", "planas"]
Owner = Literal["savivaldybe", "valstybe", "nvo", "privatus", "religine"]
MeasureStatus = Literal["planuojama", "vykdoma", "ivykdyta", "neivykdyta"]

_FORM = "Plano forma (A1-104, rekonstruota pagal realius planus; DOMAIN-RESEARCH §2.2)"


class Provenance(PlanModel):
    """Where a figure comes from: a source, or an admission that it is illustrative."""

    source: Text | None = described(
        "Šaltinis",
        "Duomenų šaltinis (adresas ar dokumentas), iš kurio paimtas skaičius.",
        default=None,
    )
    illustrative: Flag = described(
        "Iliustracinis",
        "true, kai skaičius nėra iš šaltinio, o tik iliustracinis (pvz., pavyzdiniame plane).",
        default=False,
    )
    note: Markdown | None = described("Pastaba", "Paaiškinimas prie duomenų.", default=None)


# --- metadata ---------------------------------------------------------------------------


class Municipality(PlanModel):
    """The municipality whose plan this is."""

    name: ShortText = described(
        "Savivaldybės pavadinimas",
        "Pavadinimas vardininku, pvz. „Birštono savivaldybė“ (plano antraštė, SPĮ 14 str. 2 d. 1 p.).",
    )
    code: Text | None = described(
        "Savivaldybės kodas", "Savivaldybės kodas (VDA / LAU), jei žinomas.", default=None
    )


class Approval(PlanModel):
    """The council decision that approves the plan (methodology 1132 p. 33)."""

    body: ShortText = described(
        "Tvirtinanti institucija",
        "Institucija, tvirtinanti planą, pvz. „Birštono savivaldybės taryba“ (SPĮ 14 str. 2 d. 1 p.; "
        "metodikos 1132 33 p.).",
    )
    decision_number: Text | None = described(
        "Sprendimo numeris", "Tarybos sprendimo numeris, pvz. „TSE-34“.", default=None
    )
    decision_date: Date | None = described(
        "Sprendimo data", "Tarybos sprendimo data (YYYY-MM-DD).", default=None
    )
    source: Text | None = described(
        "Šaltinis", "Sprendimo adresas Teisės aktų registre ar kitur.", default=None
    )
    note: Markdown | None = described("Pastaba", "Paaiškinimas.", default=None)


class LegalAct(PlanModel):
    """An act the plan is prepared under (teisinis pagrindas)."""

    title: ShortText = described("Pavadinimas", "Teisės akto pavadinimas.")
    number: Text | None = described("Numeris", "Teisės akto numeris, pvz. „A1-104“.", default=None)
    date: Date | None = described("Data", "Teisės akto priėmimo data.", default=None)
    issuer: Text | None = described("Priėmė", "Institucija, priėmusi aktą.", default=None)
    point: Text | None = described("Punktas", "Cituojamas punktas ar straipsnis.", default=None)


class ContactUnit(PlanModel):
    """The department responsible for the plan (Socialinės paramos skyrius)."""

    name: ShortText = described("Padalinys", "Už planą atsakingas padalinys.")
    address: Text | None = described("Adresas", "Padalinio adresas.", default=None)
    phone: Text | None = described("Telefonas", "Telefonas.", default=None)
    email: Text | None = described("El. paštas", "Elektroninio pašto adresas.", default=None)
    legal_entity_code: Text | None = described(
        "Kodas", "Juridinio asmens kodas.", default=None
    )
    source: Text | None = described("Šaltinis", "Iš kur paimti kontaktai.", default=None)


class Author(PlanModel):
    """A member of the working group that prepared the plan (plano rengėjai)."""

    name: ShortText = described("Vardas, pavardė", "Rengėjo vardas ir pavardė.")
    role: Text | None = described("Pareigos", "Pareigos ar vaidmuo darbo grupėje.", default=None)
    institution: Text | None = described("Įstaiga", "Įstaiga ar padalinys.", default=None)


class Metadata(PlanModel):
    """Who, which year, under which acts, and whether the plan is approved."""

    municipality: Municipality = described("Savivaldybė", "Savivaldybė, kurios planas.")
    year: Year = described(
        "Plano metai", "Metai, kuriems planas sudaromas (SPĮ: planas sudaromas kiekvienais metais)."
    )
    regime: RegimeId | None = described(
        "Reglamentavimas",
        "Planavimo tvarka: legacy_1132_A1-104 (planai iki 2024 m.) arba A1-368_2024 (nuo 2025 m.). "
        "Nenurodžius nustatoma pagal metus.",
        default=None,
    )
    status: Status = described(
        "Būsena",
        "projektas (rengiamas) arba patvirtintas (patvirtintas tarybos sprendimu; metodikos 1132 33 p.).",
    )
    approval: Approval | None = described(
        "Patvirtinimas", "Tarybos sprendimas, kuriuo planas patvirtintas.", default=None
    )
    legal_basis: list[LegalAct] = described(
        "Teisinis pagrindas", "Teisės aktai, kuriais vadovaujantis parengtas planas.", default_factory=list
    )
    responsible_unit: ContactUnit | None = described(
        "Atsakingas padalinys", "Plano rengimą organizuojantis padalinys ir jo kontaktai.", default=None
    )
    authors: list[Author] = described(
        "Plano rengėjai", f"Darbo grupė, parengusi planą ({_FORM}, 3 skirsnis).", default_factory=list
    )


# --- introduction -----------------------------------------------------------------------


class Alignment(PlanModel):
    """A link to a strategic document ("Planas atitinka")."""

    document: ShortText = described(
        "Dokumentas", "Strateginis dokumentas, pvz. savivaldybės strateginis plėtros planas."
    )
    code: Text | None = described("Kodas", "Prioriteto, tikslo ar priemonės kodas.", default=None)
    text: Markdown | None = described("Tekstas", "Atitinkamo prioriteto ar tikslo tekstas.", default=None)


class DataSource(PlanModel):
    """A data source used for the analysis."""

    name: ShortText = described("Pavadinimas", "Duomenų šaltinis, pvz. Valstybės duomenų agentūra.")
    url: Text | None = described("Adresas", "Šaltinio adresas.", default=None)


class Goal(PlanModel):
    """A goal of service provision and development (tikslas)."""

    id: Identifier = described("Identifikatorius", "Stabilus tikslo identifikatorius, pvz. T1.")
    text: ShortText = described(
        "Tikslas", f"Socialinių paslaugų teikimo ir plėtros tikslas ({_FORM}, 2 skirsnis)."
    )
    target_groups: list[Code] = described(
        "Tikslinės grupės", "Gavėjų grupės (žinynas target_groups).", default_factory=list
    )


class Priority(PlanModel):
    """A priority development direction (prioritetinė plėtros kryptis)."""

    id: Identifier = described("Identifikatorius", "Stabilus krypties identifikatorius, pvz. P1.")
    text: ShortText = described(
        "Kryptis", f"Prioritetinė socialinių paslaugų plėtros kryptis ({_FORM}, III skyrius)."
    )
    target_groups: list[Code] = described(
        "Tikslinės grupės", "Gavėjų grupės (žinynas target_groups).", default_factory=list
    )


class Introduction(PlanModel):
    """I. ĮVADAS: purpose, alignment, data sources, goals, priority directions."""

    purpose: Markdown | None = described(
        "Paskirtis",
        "Plano paskirtis: nustatyti socialinių paslaugų teikimo mastą ir rūšis pagal gyventojų "
        "poreikius (SPĮ 14 str. 2 d. 1 p.; metodika 1132).",
        default=None,
    )
    text: Markdown | None = described(
        "Tekstas", "Bendros informacijos tekstas (Markdown).", default=None
    )
    alignment: list[Alignment] = described(
        "Planas atitinka", "Sąsajos su strateginiais dokumentais (SPĮ 14 str. 3 d. 3 p.).", default_factory=list
    )
    data_sources: list[DataSource] = described(
        "Duomenų šaltiniai", "Analizei naudoti duomenų šaltiniai.", default_factory=list
    )
    goals: list[Goal] = described(
        "Tikslai", f"Teikimo ir plėtros tikslai ({_FORM}, 2 skirsnis).", default_factory=list
    )
    priorities: list[Priority] = described(
        "Prioritetinės kryptys", "Prioritetinės socialinių paslaugų plėtros kryptys.", default_factory=list
    )


# --- analysis ---------------------------------------------------------------------------


class YearIndicator(Provenance):
    """A demographic or social indicator with one value per year."""

    id: Code = described(
        "Rodiklis", "Rodiklio kodas iš žinyno (indicators.yaml), pvz. population_total."
    )
    title: Text | None = described(
        "Pavadinimas", "Pavadinimas, kai rodiklio nėra žinyne.", default=None
    )
    values: dict[Year, Quantity] = described(
        "Reikšmės pagal metus", f"Metai -> reikšmė ({_FORM}, 4 skirsnis).", default_factory=dict
    )
    illustrative_years: list[Year] = described(
        "Iliustraciniai metai",
        "Metai, kurių reikšmės iliustracinės (kai kitų metų reikšmės paimtos iš šaltinio).",
        default_factory=list,
    )


class MunicipalBudget(Provenance):
    """The municipality's whole budget of a year (denominator of the budget-share criterion)."""

    year: Year = described("Metai", "Biudžeto metai.")
    kind: FinanceKind = described("Rūšis", "faktas (įvykdytas) arba planas (patvirtintas).")
    total: Money = described("Biudžeto išlaidos", "Visos savivaldybės biudžeto išlaidos, Eur.")
    social_programme: Money | None = described(
        "Socialinės programos lėšos",
        "Socialinės paramos ir paslaugų programos lėšos, Eur (jei nurodomos).",
        default=None,
    )


class Licence(PlanModel):
    """A social care licence (SPĮ 21 str.)."""

    number: Text | None = described("Numeris", "Licencijos numeris.", default=None)
    date: Date | None = described("Data", "Licencijos išdavimo data.", default=None)


class Accreditation(PlanModel):
    """An accreditation of social supervision or respite (SPĮ 33 str.)."""

    service: Code = described("Paslauga", "Akredituotos paslaugos kodas.")
    date: Date | None = described("Data", "Akreditavimo data.", default=None)


class Staff(PlanModel):
    """Staff of a provider (teikėjų darbuotojai)."""

    social_workers: Quantity | None = described(
        "Socialiniai darbuotojai", "Socialinių darbuotojų skaičius (etatais ar asmenimis).", default=None
    )
    social_worker_assistants: Quantity | None = described(
        "Individualios priežiūros darbuotojai",
        "Individualios priežiūros darbuotojų (socialinių darbuotojų padėjėjų) skaičius.",
        default=None,
    )
    other: Quantity | None = described("Kiti darbuotojai", "Kitų darbuotojų skaičius.", default=None)


class Price(PlanModel):
    """The price of a service (SPĮ 14 str. 5 d. 6 p.: prices are published)."""

    amount: Money = described("Kaina", "Paslaugos kaina, Eur.")
    unit: ShortText = described("Vienetas", "Kainos vienetas, pvz. „Eur/val.“, „Eur/mėn.“.")


class ProviderService(PlanModel):
    """A service a provider delivers, with its planned places."""

    service: Code = described("Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo.")
    target_groups: list[Code] = described(
        "Gavėjų grupės", "Kam teikiama (žinynas target_groups).", default_factory=list
    )
    places: Count | None = described(
        "Vietų skaičius",
        "Numatytas (planinis) vietų skaičius (SPĮ 14 str. 5 d. 6 p.).",
        default=None,
    )
    max_daily_visitors: Count | None = described(
        "Lankytojų per dieną", "Didžiausias lankytojų skaičius per dieną.", default=None
    )
    price: Price | None = described("Kaina", "Paslaugos kaina.", default=None)


class Provider(Provenance):
    """A service provider (socialinių paslaugų teikėjas)."""

    id: Identifier = described("Identifikatorius", "Stabilus teikėjo identifikatorius, pvz. spc.")
    name: ShortText = described("Pavadinimas", "Teikėjo pavadinimas.")
    owner: Owner = described(
        "Savininkas",
        "savivaldybe, valstybe, nvo, privatus arba religine (A1-368 2 p.: visi teikėjai).",
    )
    institution_type: Code = described(
        "Įstaigos tipas", "Įstaigos tipas iš žinyno institution_types."
    )
    address: Text | None = described("Adresas", "Teikėjo adresas.", default=None)
    licence: Licence | None = described(
        "Licencija", "Socialinės globos licencija (SPĮ 21 str.).", default=None
    )
    accreditations: list[Accreditation] = described(
        "Akreditacijos", "Akredituotos paslaugos (SPĮ 33 str.).", default_factory=list
    )
    staff: Staff | None = described("Darbuotojai", "Darbuotojų skaičiai.", default=None)
    services: list[ProviderService] = described(
        "Paslaugos", f"Teikiamos paslaugos ir vietos ({_FORM}, 5 skirsnis).", default_factory=list
    )


class ProvisionYear(PlanModel):
    """Recipients, waiting list and plan for one service, group and year."""

    recipients: Count | None = described(
        "Gavėjai", "Paslaugą per metus gavusių asmenų skaičius (SPIS, SPĮ 14 str. 5 d. 7 p.).", default=None
    )
    waiting: Count | None = described(
        "Laukiantys", "Laukiančiųjų eilėje skaičius metų pabaigoje.", default=None
    )
    planned: Count | None = described(
        "Planuojama gavėjų", "Planuojamas gavėjų skaičius (plano metams).", default=None
    )
    provisional: Flag = described(
        "Laikinas įrašas",
        "true, kai gavėjai dar yra praėjusių metų planuoti skaičiai (planas new), o ne faktas.",
        default=False,
    )


class Provision(Provenance):
    """Provision of one service to one target group, by year (gavėjai ir poreikis)."""

    service: Code = described("Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo.")
    target_group: Code = described("Gavėjų grupė", "Gavėjų grupė (žinynas target_groups).")
    provider: Identifier | None = described(
        "Teikėjas", "Teikėjo identifikatorius (analysis.providers).", default=None
    )
    years: dict[Year, ProvisionYear] = described(
        "Pagal metus", f"Metai -> gavėjai, laukiantys, planas ({_FORM}, 6 skirsnis).", default_factory=dict
    )


class FinanceEntry(PlanModel):
    """Funds for one year, as fact or as plan, by source."""

    year: Year = described("Metai", "Metai.")
    kind: FinanceKind = described("Rūšis", "faktas arba planas.")
    sources: FundingBySource = described(
        "Pagal šaltinius", "Lėšos pagal finansavimo šaltinius (SPĮ 41 str. 1 d.)."
    )
    total: Money | None = described(
        "Iš viso (nurodyta)", "Plane nurodyta bendra suma; tikrinama, ar sutampa su šaltinių suma.", default=None
    )
    provisional: Flag = described(
        "Laikinas įrašas",
        "true, kai faktas dar yra praėjusių metų planuotos sumos (planas new).",
        default=False,
    )


class Finance(Provenance):
    """Funds for one service (or the services of one provider), by year and source."""

    service: Code = described("Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo.")
    provider: Identifier | None = described(
        "Teikėjas", "Teikėjo identifikatorius, jei lėšos nurodomos teikėjui.", default=None
    )
    entries: list[FinanceEntry] = described(
        "Įrašai", f"Lėšos pagal metus ir šaltinius ({_FORM}, 7 skirsnis).", default_factory=list
    )


class AnalysisNotes(PlanModel):
    """Prose of the situation-analysis sections (Markdown)."""

    demography: Markdown | None = described("Demografija", "4 skirsnio tekstas.", default=None)
    providers: Markdown | None = described("Infrastruktūra", "5 skirsnio tekstas.", default=None)
    provision: Markdown | None = described("Gavėjai ir poreikis", "6 skirsnio tekstas.", default=None)
    finance: Markdown | None = described("Finansavimas", "7 skirsnio tekstas.", default=None)


class Analysis(PlanModel):
    """II. BŪKLĖS ANALIZĖ: demography, providers, recipients and waiting lists, finance."""

    notes: AnalysisNotes | None = described("Tekstas", "Skirsnių tekstas.", default=None)
    demography: list[YearIndicator] = described(
        "Demografija", "Demografiniai rodikliai pagal metus.", default_factory=list
    )
    social_indicators: list[YearIndicator] = described(
        "Socialiniai rodikliai", "Socialinės rizikos ir tikslinių grupių rodikliai pagal metus.", default_factory=list
    )
    municipal_budget: list[MunicipalBudget] = described(
        "Savivaldybės biudžetas", "Savivaldybės biudžeto išlaidos pagal metus.", default_factory=list
    )
    providers: list[Provider] = described(
        "Teikėjai", "Socialinių paslaugų teikėjai (SPĮ 14 str. 5 d. 6 p.).", default_factory=list
    )
    provision: list[Provision] = described(
        "Gavėjai ir poreikis", "Gavėjai pagal paslaugas, grupes ir metus.", default_factory=list
    )
    finance: list[Finance] = described(
        "Finansavimas", "Lėšos pagal paslaugas, metus ir šaltinius.", default_factory=list
    )


# --- action plan ------------------------------------------------------------------------


class Indicator(PlanModel):
    """A measure's product or result indicator (rodiklis)."""

    id: Identifier = described("Identifikatorius", "Stabilus rodiklio identifikatorius.")
    name: ShortText = described("Rodiklis", "Rodiklio pavadinimas.")
    unit: Text | None = described("Matavimo vienetas", "Pvz. „asm.“, „vnt.“, „proc.“.", default=None)
    baseline: Measurement | None = described(
        "Pradinė reikšmė", "Reikšmė plano pradžioje.", default=None
    )
    target: Measurement | None = described(
        "Siektina reikšmė", "Reikšmė, kurios siekiama plano metais.", default=None
    )
    actual: Measurement | None = described(
        "Pasiekta reikšmė", "Faktiškai pasiekta reikšmė (įgyvendinimo ataskaita).", default=None
    )
    note: Markdown | None = described("Pastaba", "Paaiškinimas.", default=None)


class Measure(PlanModel):
    """A measure of the action plan (priemonių planas)."""

    id: Identifier = described("Identifikatorius", "Stabilus priemonės identifikatorius, pvz. 1.1.")
    goal: Identifier = described("Tikslas", "Tikslo identifikatorius (introduction.goals).")
    priority: Identifier | None = described(
        "Kryptis", "Prioritetinės krypties identifikatorius (introduction.priorities).", default=None
    )
    task: Text | None = described("Uždavinys", "Uždavinys, kurį priemonė įgyvendina.", default=None)
    title: ShortText = described("Priemonė", "Priemonės pavadinimas.")
    services: list[Code] = described(
        "Paslaugos", "Susijusių paslaugų kodai iš katalogo.", default_factory=list
    )
    target_groups: list[Code] = described("Tikslinės grupės", "Gavėjų grupės.", default_factory=list)
    executor: ShortText = described("Vykdytojas", "Atsakingas vykdytojas.")
    partners: list[ShortText] = described("Partneriai", "Partneriai.", default_factory=list)
    deadline: Date | None = described("Įvykdymo terminas", "Terminas (YYYY-MM-DD).", default=None)
    funding: FundingBySource = described(
        "Lėšos", "Planuojamos lėšos pagal šaltinius, Eur.", default_factory=dict
    )
    total: Money | None = described(
        "Iš viso (nurodyta)", "Plane nurodyta bendra suma; tikrinama su šaltinių suma.", default=None
    )
    status: MeasureStatus | None = described(
        "Būsena", "planuojama, vykdoma, ivykdyta arba neivykdyta.", default=None
    )
    svp_code: Text | None = described(
        "SVP kodas", "Savivaldybės strateginio veiklos plano priemonės kodas.", default=None
    )
    indicators: list[Indicator] = described("Rodikliai", "Priemonės rodikliai.", default_factory=list)
    illustrative: Flag = described(
        "Iliustracinis", "true, kai priemonės skaičiai iliustraciniai.", default=False
    )


class ActionPlan(PlanModel):
    """III. The priority directions' measures (priemonių planas)."""

    text: Markdown | None = described("Tekstas", "Įvadinis tekstas.", default=None)
    measures: list[Measure] = described(
        "Priemonės", f"Plano priemonės ({_FORM}, III skyrius).", default_factory=list
    )


class Monitoring(PlanModel):
    """IV. Implementation, monitoring and evaluation."""

    text: Markdown | None = described(
        "Tekstas", "Kaip planas įgyvendinamas, stebimas ir vertinamas.", default=None
    )
    responsible: Text | None = described(
        "Atsakingas", "Kas atsako už įgyvendinimo stebėseną.", default=None
    )


class CriterionOverride(PlanModel):
    """A criterion value typed by hand instead of computed, with its reason."""

    criterion: Identifier = described("Kriterijus", "Kriterijaus identifikatorius, pvz. K1.")
    year: Year = described("Metai", "Metai.")
    value: Measurement = described("Reikšmė", "Reikšmė.")
    reason: ShortText = described("Priežastis", "Kodėl reikšmė įrašoma ranka.")


class CriteriaSection(PlanModel):
    """Efficiency criteria: computed from the data; overrides need a reason."""

    text: Markdown | None = described("Tekstas", "Kriterijų skyriaus tekstas.", default=None)
    overrides: list[CriterionOverride] = described(
        "Rankiniai įrašai", "Kriterijų reikšmės, įrašytos ranka, su priežastimi.", default_factory=list
    )


ChapterNumbering = Literal["romenisku", "skyrius"]
SectionNumbering = Literal["arabisku", "skirsnis"]


class DocumentSettings(PlanModel):
    """How the rendered document numbers and titles its parts (the form's texts by default)."""

    chapter_numbering: ChapterNumbering = described(
        "Skyrių numeracija",
        "romenisku – „I. ĮVADAS“ (Telšiai 2023); skyrius – „I SKYRIUS“ ir pavadinimas kitoje eilutėje "
        "(Alytus; teisės aktų rengimo rekomendacijos).",
        default="romenisku",
    )
    section_numbering: SectionNumbering = described(
        "Skirsnių numeracija",
        "arabisku – „1. Bendra informacija“ (ištisinė numeracija); skirsnis – „PIRMASIS SKIRSNIS“ ir "
        "pavadinimas (numeruojama kiekviename skyriuje iš naujo).",
        default="arabisku",
    )
    headings: dict[Identifier, ShortText] = described(
        "Antraštės",
        f"Pastovių antraščių tekstai vietoj formos tekstų ({_FORM}): raktas – skirsnio ar priedo "
        "identifikatorius (pvz. bendra_informacija, paslaugu_aprasai) arba skyriaus numeris (I, II, …).",
        default_factory=dict,
    )
    table_of_contents: Flag = described(
        "Turinys", "Ar Word dokumente rodyti turinį (atnaujinamas atidarius dokumentą).", default=True
    )


class Plan(PlanModel):
    """Savivaldybės socialinių paslaugų planas (SPĮ 14 str. 2 d. 1 p.; metodika 1132 / A1-368)."""

    schema_version: Literal[1] = described(
        "Schemos versija", "planas duomenų schemos versija.", default=1
    )
    metadata: Metadata = described("Plano duomenys", "Savivaldybė, metai, būsena, patvirtinimas.")
    introduction: Introduction = described("I. Įvadas", "Bendra informacija, tikslai, kryptys.")
    analysis: Analysis = described(
        "II. Būklės analizė", "Demografija, teikėjai, gavėjai, finansavimas.", default_factory=Analysis
    )
    action_plan: ActionPlan = described(
        "III. Priemonių planas", "Priemonės ir rodikliai.", default_factory=ActionPlan
    )
    monitoring: Monitoring = described(
        "IV. Įgyvendinimas ir stebėsena", "Stebėsena ir vertinimas.", default_factory=Monitoring
    )
    criteria: CriteriaSection = described(
        "Efektyvumo kriterijai", "Kriterijų tekstas ir rankiniai įrašai.", default_factory=CriteriaSection
    )
    document: DocumentSettings = described(
        "Dokumento išdėstymas", "Skyrių ir skirsnių numeracija, antraštės, turinys.",
        default_factory=DocumentSettings,
    )


__all__ = ["Plan"]
