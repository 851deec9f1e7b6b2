"""The plan document: one municipality's Social Services Plan for one year.

Keys are English snake_case; every field carries a Lithuanian title and a
description that cites the clause it comes from (the law on social services,
SPĮ; methodology 1132 / A1-368; the reconstructed A1-104 form, DOMAIN-RESEARCH
§2.2-§2.3, §8.2). Items that live on from year to year carry a stable `id`
(services are keyed by catalogue code) so that `planas diff` can match them.
"""


from typing import Annotated, Any, Generic, Literal, TypeVar, cast

from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, SchemaValidator

from planas.model import prebuilt
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
    no_entries,
    no_items,
)
from planas.model.codes import GroupCode, InstitutionTypeCode, ServiceCode
from planas.model.deadline import Deadline
from planas.model.needs import (
    AccreditationArea,
    AuthorKind,
    DependencyPrevention,
    DevelopmentNorms,
    FundingNeed,
    NeedFactors,
    NeedsAssessment,
    RespiteFormId,
    UnmetNeed,
)
from planas.model.provenance import Sourced
from planas.model.sections import CustomSection, MeasureStatus

Status = Literal["projektas", "patvirtintas"]
RegimeId = Literal["legacy_1132_A1-104", "A1-368_2024"]
FinanceKind = Literal["faktas", "planas"]
Owner = Literal["savivaldybe", "valstybe", "valstybe_sadm", "nvo", "privatus", "religine"]
CategoryId = Literal["prevencines", "bendrosios", "socialine_prieziura", "laikinas_atokvepis", "socialine_globa",
                     "kita"]

_FORM = "Plano forma (A1-104, rekonstruota pagal realius planus)"


class Provenance(Sourced):
    """Where a figure comes from (`source` or `illustrative`), and a note that explains it."""

    note: Markdown | None = described(
        "Pastaba", "Paaiškinimas prie duomenų (pvz., kodėl skaičius pasikeitė).", default=None
    )


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


class Approval(Sourced):
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
    text: Markdown | None = described(
        "Tekstas dokumente",
        "Viešas tekstas apie patvirtinimą, spausdinamas dokumento bendrojoje informacijoje. Vidinėms "
        "pastaboms – comment (nespausdinama).",
        default=None,
    )


class LegalAct(Sourced):
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


class Author(Sourced):
    """A member of the working group that prepared the plan (plano rengėjai)."""

    name: ShortText = described("Vardas, pavardė", "Rengėjo vardas ir pavardė.")
    role: Text | None = described("Pareigos", "Pareigos ar vaidmuo darbo grupėje.", default=None)
    institution: Text | None = described("Įstaiga", "Įstaiga ar padalinys.", default=None)
    kind: AuthorKind | None = described(
        "Rengėjo tipas",
        "meras, administracijos_direktorius, padalinys arba darbo_grupe (nuo 2025 m. planą rengti "
        "organizuoja meras, SPĮ 14 str. 3 d.).",
        default=None,
    )


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
        "Teisinis pagrindas", "Teisės aktai, kuriais vadovaujantis parengtas planas.", default_factory=no_items
    )
    responsible_unit: ContactUnit | None = described(
        "Atsakingas padalinys", "Plano rengimą organizuojantis padalinys ir jo kontaktai.", default=None
    )
    authors: list[Author] = described(
        "Plano rengėjai", f"Darbo grupė, parengusi planą ({_FORM}, 3 skirsnis).", default_factory=no_items
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


class Goal(Sourced):
    """A goal of service provision and development (tikslas)."""

    id: Identifier = described("Identifikatorius", "Stabilus tikslo identifikatorius, pvz. T1.")
    text: ShortText = described(
        "Tikslas", f"Socialinių paslaugų teikimo ir plėtros tikslas ({_FORM}, 2 skirsnis)."
    )
    target_groups: list[GroupCode] = described(
        "Tikslinės grupės", "Gavėjų grupės (planas reference groups).", default_factory=no_items
    )


class Priority(Sourced):
    """A priority development direction (prioritetinė plėtros kryptis)."""

    id: Identifier = described("Identifikatorius", "Stabilus krypties identifikatorius, pvz. P1.")
    text: ShortText = described(
        "Kryptis", f"Prioritetinė socialinių paslaugų plėtros kryptis ({_FORM}, III skyrius)."
    )
    target_groups: list[GroupCode] = described(
        "Tikslinės grupės", "Gavėjų grupės (planas reference groups).", default_factory=no_items
    )


class Introduction(Sourced):
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
        "Planas atitinka", "Sąsajos su strateginiais dokumentais (SPĮ 14 str. 3 d. 3 p.).", default_factory=no_items
    )
    data_sources: list[DataSource] = described(
        "Duomenų šaltiniai", "Analizei naudoti duomenų šaltiniai.", default_factory=no_items
    )
    goals: list[Goal] = described(
        "Tikslai", f"Teikimo ir plėtros tikslai ({_FORM}, 2 skirsnis).", default_factory=no_items
    )
    priorities: list[Priority] = described(
        "Prioritetinės kryptys", "Prioritetinės socialinių paslaugų plėtros kryptys.", default_factory=no_items
    )
    priorities_text: Markdown | None = described(
        "Krypčių įvadas",
        "Įvadinis tekstas prieš krypčių sąrašą (vietoj numatytojo sakinio).",
        default=None,
    )


# --- analysis ---------------------------------------------------------------------------


class YearIndicator(Provenance):
    """A demographic or social indicator with one value per year."""

    id: Code = described(
        "Rodiklis", "Rodiklio kodas iš žinyno (planas reference indicators), pvz. population_total."
    )
    title: Text | None = described(
        "Pavadinimas", "Pavadinimas, kai rodiklio nėra žinyne.", default=None
    )
    unit: Text | None = described(
        "Matavimo vienetas",
        "Savo rodiklio (kurio nėra žinyne) matavimo vienetas, pvz. „asm.“; žinyno rodikliai jį turi.",
        default=None,
    )
    values: dict[Year, Quantity] = described(
        "Reikšmės pagal metus", f"Metai -> reikšmė ({_FORM}, 4 skirsnis).", default_factory=no_entries
    )
    illustrative_years: list[Year] = described(
        "Iliustraciniai metai",
        "Metai, kurių reikšmės iliustracinės (kai kitų metų reikšmės paimtos iš šaltinio).",
        default_factory=no_items,
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

    service: ServiceCode = described("Paslauga", "Akredituotos paslaugos kodas (planas reference services).")
    date: Date | None = described("Data", "Akreditavimo data.", default=None)
    area: AccreditationArea | None = described(
        "Sritis",
        "socialine_prieziura arba laikino_atokvepio_paslauga: akreditacijos laikomos atskirai (SPĮ 14 str. 4 d. "
        "2 p.; laikino atokvėpio paslauga akredituojama nuo 2024-07-01).",
        default=None,
    )
    revoked: Date | None = described("Panaikinta", "Akreditacijos panaikinimo data, jei panaikinta.", default=None)


class Staff(PlanModel):
    """Staff of a provider (teikėjų darbuotojai)."""

    social_workers: Quantity | None = described(
        "Socialiniai darbuotojai", "Socialinių darbuotojų skaičius (etatais ar asmenimis).", default=None
    )
    social_worker_assistants: Quantity | None = described(
        "Individualios priežiūros darbuotojai",
        "Socialinio darbuotojo padėjėjų, lankomosios priežiūros (individualios priežiūros) darbuotojų skaičius "
        "(SADM akreditavimo duomenų kategorija).",
        default=None,
    )
    care_coordinators: Quantity | None = described(
        "Globos koordinatoriai", "Globos koordinatorių skaičius (SADM akreditavimo duomenų kategorija).",
        default=None,
    )
    fte: Quantity | None = described(
        "Etatai", "Etatų skaičius paslaugoms teikti (SADM: „Etatų skaičius paslaugai teikti“).", default=None
    )
    other: Quantity | None = described("Kiti darbuotojai", "Kitų darbuotojų skaičius.", default=None)


class Price(PlanModel):
    """The price of a service (SPĮ 14 str. 5 d. 6 p.: prices are published)."""

    amount: Money = described("Kaina", "Paslaugos kaina, Eur.")
    unit: ShortText = described("Vienetas", "Kainos vienetas, pvz. „Eur/val.“, „Eur/mėn.“.")


class ProviderService(PlanModel):
    """A service a provider delivers, with its planned places."""

    service: ServiceCode = described(
        "Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo (planas reference services)."
    )
    target_groups: list[GroupCode] = described(
        "Gavėjų grupės", "Kam teikiama (planas reference groups).", default_factory=no_items
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
    category: CategoryId | None = described(
        "Rūšis (kaip nurodo teikėjas)",
        "Paslaugų rūšis, kaip ją nurodo teikėjas; tikrinama su plano metų tvarkos rūšimi (W1708).",
        default=None,
    )
    respite_form: RespiteFormId | None = described(
        "Laikino atokvėpio forma",
        "Laikino atokvėpio paslaugos teikimo forma: pagalba_i_namus, dsg_asmens_namuose, "
        "trumpalaike_globa_institucijoje (vietos skelbiamos pagal formas; nepatvirtinta).",
        default=None,
    )


class Provider(Provenance):
    """A service provider (socialinių paslaugų teikėjas)."""

    id: Identifier = described("Identifikatorius", "Stabilus teikėjo identifikatorius, pvz. spc.")
    name: ShortText = described("Pavadinimas", "Teikėjo pavadinimas.")
    owner: Owner = described(
        "Savininkas",
        "savivaldybe, valstybe, nvo, privatus arba religine (A1-368 2 p.: visi teikėjai).",
    )
    institution_type: InstitutionTypeCode = described(
        "Įstaigos tipas", "Įstaigos tipas (planas reference institution-types)."
    )
    address: Text | None = described("Adresas", "Teikėjo adresas.", default=None)
    licence: Licence | None = described(
        "Licencija", "Socialinės globos licencija (SPĮ 21 str.).", default=None
    )
    accreditations: list[Accreditation] = described(
        "Akreditacijos", "Akredituotos paslaugos (SPĮ 33 str.).", default_factory=no_items
    )
    staff: Staff | None = described("Darbuotojai", "Darbuotojų skaičiai.", default=None)
    services: list[ProviderService] = described(
        "Paslaugos", f"Teikiamos paslaugos ir vietos ({_FORM}, 5 skirsnis).", default_factory=no_items
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

    service: ServiceCode = described(
        "Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo (planas reference services)."
    )
    target_group: GroupCode = described("Gavėjų grupė", "Gavėjų grupė (planas reference groups).")
    provider: Identifier | None = described(
        "Teikėjas", "Teikėjo identifikatorius (analysis.providers).", default=None
    )
    years: dict[Year, ProvisionYear] = described(
        "Pagal metus", f"Metai -> gavėjai, laukiantys, planas ({_FORM}, 6 skirsnis).", default_factory=no_entries
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

    service: ServiceCode = described(
        "Paslauga", "Paslaugos kodas iš socialinių paslaugų katalogo (planas reference services)."
    )
    provider: Identifier | None = described(
        "Teikėjas", "Teikėjo identifikatorius, jei lėšos nurodomos teikėjui.", default=None
    )
    target_group: GroupCode | None = described(
        "Gavėjų grupė",
        "Gavėjų grupė, jei paslaugos lėšos nurodomos atskirai kiekvienai grupei (žinynas target_groups); "
        "kriterijus K7 (išlaidos vienam gavėjui) skaičiuojamas paslaugai ir grupei.",
        default=None,
    )
    entries: list[FinanceEntry] = described(
        "Įrašai", f"Lėšos pagal metus ir šaltinius ({_FORM}, 7 skirsnis).", default_factory=no_items
    )


class AnalysisNotes(Sourced):
    """Prose of the situation-analysis sections (Markdown)."""

    demography: Markdown | None = described("Demografija", "4 skirsnio tekstas.", default=None)
    providers: Markdown | None = described("Infrastruktūra", "5 skirsnio tekstas.", default=None)
    provision: Markdown | None = described("Gavėjai ir poreikis", "6 skirsnio tekstas.", default=None)
    finance: Markdown | None = described("Finansavimas", "7 skirsnio tekstas.", default=None)


class Analysis(PlanModel):
    """II. BŪKLĖS ANALIZĖ: demography, providers, recipients and waiting lists, finance."""

    notes: AnalysisNotes | None = described("Tekstas", "Skirsnių tekstas.", default=None)
    demography: list[YearIndicator] = described(
        "Demografija", "Demografiniai rodikliai pagal metus.", default_factory=no_items
    )
    social_indicators: list[YearIndicator] = described(
        "Socialiniai rodikliai", "Socialinės rizikos ir tikslinių grupių rodikliai pagal metus.", default_factory=no_items
    )
    municipal_budget: list[MunicipalBudget] = described(
        "Savivaldybės biudžetas", "Savivaldybės biudžeto išlaidos pagal metus.", default_factory=no_items
    )
    providers: list[Provider] = described(
        "Teikėjai", "Socialinių paslaugų teikėjai (SPĮ 14 str. 5 d. 6 p.).", default_factory=no_items
    )
    provision: list[Provision] = described(
        "Gavėjai ir poreikis", "Gavėjai pagal paslaugas, grupes ir metus.", default_factory=no_items
    )
    distinct_recipients: dict[Year, Count] = described(
        "Skirtingi paslaugų gavėjai (asmenys)",
        "Metai -> kiek skirtingų asmenų per metus gavo bent vieną socialinę paslaugą (SPIS). Gavėjai "
        "pagal paslaugas (provision) skaičiuoja paslaugų gavimo atvejus: asmuo, gavęs dvi paslaugas, ten "
        "skaičiuojamas du kartus. Nenurodžius kriterijai K1–K3 skaičiuojami iš paslaugų gavimo atvejų ir taip "
        "pažymimi.",
        default_factory=no_entries,
    )
    finance: list[Finance] = described(
        "Finansavimas", "Lėšos pagal paslaugas, metus ir šaltinius.", default_factory=no_items
    )
    needs_assessment: NeedsAssessment | None = described(
        "Poreikių vertinimas",
        "Gyventojų socialinių paslaugų poreikių vertinimas ir analizė (SPĮ 14 str. 4 d. 1 p.; nuo 2025 m.).",
        default=None,
    )
    need_factors: NeedFactors | None = described(
        "Poreikius lemiantys veiksniai", "Veiksniai, turintys įtakos poreikiams (A1-368 4.1 p.; nuo 2025 m.).",
        default=None,
    )
    unmet_need: UnmetNeed | None = described(
        "Nepatenkintas poreikis",
        "Paslaugos, kurių reikia, bet niekas neteikia ar neužtenka (A1-368 2 p.; nuo 2025 m.).",
        default=None,
    )
    funding_need: FundingNeed | None = described(
        "Lėšų poreikis",
        "Lėšų suma, reikalinga paslaugoms finansuoti, palyginti su skirtomis (A1-368 4.1 p.; SPĮ 14 str. 3 d. "
        "2 p.; nuo 2025 m.).",
        default=None,
    )
    development_norms: DevelopmentNorms | None = described(
        "Išvystymo normatyvai",
        "Prognozė, palyginta su socialinių paslaugų išvystymo normatyvais (SPĮ 14 str. 3 d. 1 p.; nuo 2025 m.).",
        default=None,
    )


# --- action plan ------------------------------------------------------------------------


class Indicator(Sourced):
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


class Measure(Sourced):
    """A measure of the action plan (priemonių planas)."""

    id: Identifier = described("Identifikatorius", "Stabilus priemonės identifikatorius, pvz. 1.1.")
    goal: Identifier | None = described(
        "Tikslas",
        "Tikslo identifikatorius (introduction.goals). Priemonė susiejama su tikslu, kryptimi arba abiem.",
        default=None,
    )
    priority: Identifier | None = described(
        "Kryptis",
        "Prioritetinės krypties identifikatorius (introduction.priorities). Priemonė susiejama su tikslu, "
        "kryptimi arba abiem.",
        default=None,
    )
    task: Text | None = described("Uždavinys", "Uždavinys, kurį priemonė įgyvendina.", default=None)
    title: ShortText = described("Priemonė", "Priemonės pavadinimas.")
    services: list[ServiceCode] = described(
        "Paslaugos", "Susijusių paslaugų kodai iš katalogo (planas reference services).", default_factory=no_items
    )
    target_groups: list[GroupCode] = described(
        "Tikslinės grupės", "Gavėjų grupės (planas reference groups).", default_factory=no_items
    )
    executor: ShortText = described("Vykdytojas", "Atsakingas vykdytojas.")
    partners: list[ShortText] = described("Partneriai", "Partneriai.", default_factory=no_items)
    deadline: Deadline | None = described(
        "Įvykdymo terminas",
        "Data (2023-12-31), ketvirtis (2023-Q4, dokumente „2023 m. IV ketv.“) arba metai (2023). Priemonė "
        "gali baigtis po plano metų (daugiametė priemonė).",
        default=None,
    )
    funding: FundingBySource = described(
        "Lėšos", "Planuojamos lėšos pagal šaltinius, Eur.", default_factory=no_entries
    )
    total: Money | None = described(
        "Iš viso (nurodyta)", "Plane nurodyta bendra suma; tikrinama su šaltinių suma.", default=None
    )
    status: MeasureStatus | None = described(
        "Būsena", "planuojama, vykdoma, ivykdyta arba neivykdyta.", default=None
    )
    svp_code: Text | None = described(
        "SVP kodas",
        "Savivaldybės strateginio plėtros (ar veiklos) plano priemonės kodas (SPĮ 14 str. 3 d. 3 p.).",
        default=None,
    )
    indicators: list[Indicator] = described("Rodikliai", "Priemonės rodikliai.", default_factory=no_items)


class ActionPlan(Sourced):
    """III. The priority directions' measures (priemonių planas)."""

    text: Markdown | None = described("Tekstas", "Įvadinis tekstas.", default=None)
    measures: list[Measure] = described(
        "Priemonės", f"Plano priemonės ({_FORM}, III skyrius).", default_factory=no_items
    )
    dependency_prevention: DependencyPrevention | None = described(
        "Priklausomumo prevencija",
        "Asmenų priklausomumo (savarankiškumo netekimo) prevencija (A1-368 4.2 p.; nuo 2025 m.).",
        default=None,
    )


class Monitoring(Sourced):
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


class CriteriaSection(Sourced):
    """Efficiency criteria: computed from the data; overrides need a reason."""

    text: Markdown | None = described("Tekstas", "Kriterijų skyriaus tekstas.", default=None)
    overrides: list[CriterionOverride] = described(
        "Rankiniai įrašai", "Kriterijų reikšmės, įrašytos ranka, su priežastimi.", default_factory=no_items
    )


class Acknowledgement(PlanModel):
    """A warning the planners know of and keep, with their reason (shown as acknowledged, never failing)."""

    code: Annotated[str, Field(pattern=r"^[EWCX][0-9]{4}$")] = described(
        "Taisyklė", "Pripažįstamo įspėjimo kodas, pvz. W0601 (docs/rules.md)."
    )
    path: Text = described(
        "Vieta",
        "Radinio vieta plane, kaip ją rodo ataskaita laužtiniuose skliaustuose, pvz. "
        "analysis.finance[3].entries[1].sources.VB; nurodžius dalį kelio (analysis.finance[3]) "
        "pripažįstami visi tos taisyklės radiniai toje dalyje.",
    )
    reason: ShortText = described(
        "Priežastis", "Kodėl duomenys teisingi, nors taisyklė įspėja (rodoma ataskaitose)."
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
        default_factory=no_entries,
    )
    table_of_contents: Flag = described(
        "Turinys", "Ar Word dokumente rodyti turinį (atnaujinamas atidarius dokumentą).", default=True
    )


_Section = TypeVar("_Section", bound=PlanModel)


class _Defaults(Generic[_Section]):
    """A default factory: an absent section is its model's defaults, built without a validator.

    Validating would build that model's own validator (~5 ms) just for this. A small
    class rather than the bound `model_construct`: pydantic inspects a default
    factory's signature on every use (a bound classmethod's costs ~0.1 ms), and the
    kept schema holds the factory, so it must pickle (a closure would not).
    """

    def __init__(self, model: type[_Section]) -> None:
        self.model = model

    def __call__(self) -> _Section:
        return cast(_Section, self.model.model_construct())  # pydantic types it as the base model


class Plan(PlanModel):
    """Savivaldybės socialinių paslaugų planas (SPĮ 14 str. 2 d. 1 p.; metodika 1132 / A1-368)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler, /) -> CoreSchema:
        """The schema an earlier run built, when `planas.model.prebuilt` has one; else pydantic builds it."""
        stored = prebuilt.stored_schema() if source is cls else None
        return stored if stored is not None else handler(source)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        """Offer the schema pydantic built to `planas.model.prebuilt` (a later run reuses it)."""
        prebuilt.built(cls.__pydantic_core_schema__)

    schema_version: Literal[1] = described(
        "Schemos versija", "planas duomenų schemos versija.", default=1
    )
    metadata: Metadata = described("Plano duomenys", "Savivaldybė, metai, būsena, patvirtinimas.")
    introduction: Introduction = described("I. Įvadas", "Bendra informacija, tikslai, kryptys.")
    analysis: Analysis = described(
        "II. Būklės analizė", "Demografija, teikėjai, gavėjai, finansavimas.", default_factory=_Defaults(Analysis)
    )
    action_plan: ActionPlan = described(
        "III. Priemonių planas", "Priemonės ir rodikliai.", default_factory=_Defaults(ActionPlan)
    )
    monitoring: Monitoring = described(
        "IV. Įgyvendinimas ir stebėsena", "Stebėsena ir vertinimas.", default_factory=_Defaults(Monitoring)
    )
    criteria: CriteriaSection = described(
        "Efektyvumo kriterijai", "Kriterijų tekstas ir rankiniai įrašai.", default_factory=_Defaults(CriteriaSection)
    )
    sections: list[CustomSection] = described(
        "Papildomi skirsniai",
        "Plano skirsniai, kurių formoje nėra (pvz. SSGG analizė, plėtros vizija): po formos skirsnio (after) "
        "arba jo dalis (within); su tekstu, lentelėmis ir tipuotais blokais.",
        default_factory=no_items,
    )
    document: DocumentSettings = described(
        "Dokumento išdėstymas", "Skyrių ir skirsnių numeracija, antraštės, turinys.",
        default_factory=_Defaults(DocumentSettings),
    )
    acknowledged: list[Acknowledgement] = described(
        "Pripažinti įspėjimai",
        "Įspėjimai, kuriuos rengėjai žino ir palieka su priežastimi: ataskaitose jie rodomi kaip pripažinti "
        "ir nelaikomi nesėkme (--strict). Pripažinimas, neatitinkantis jokio radinio, yra klaida.",
        default_factory=no_items,
    )


__all__ = ["Plan"]


def validate_plan(data: object) -> Plan:
    """`Plan.model_validate(data)`, through a validator made straight from a stored schema where there is one.

    pydantic makes a model's validator through its plugin loader, whose import
    (importlib.metadata, ~16 ms) costs more than validating a plan; pydantic-core
    makes the same validator from the same schema and config without it.
    """
    validator = stored_validator()
    return Plan.model_validate(data) if validator is None else validator.validate_python(data)


_validators: list[SchemaValidator] = []


def stored_validator() -> SchemaValidator | None:
    """The plan's validator made from the stored schema (made once), or None where none is stored."""
    if not _validators:
        stored = prebuilt.stored_schema()
        if stored is None:
            return None
        model = stored["schema"] if stored["type"] == "definitions" else stored
        _validators.append(SchemaValidator(stored, model.get("config")))  # the config pydantic would pass
    return _validators[0]
