"""The one view-model both renderers share: what the document shows, with every number formatted.

The form layout (reference data) orders chapters and sections; each section's
`block` names a builder here that turns plan data into paragraphs, lists and
tables of ready-to-print strings. Templates only loop and print.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from planas import __version__
from planas.criteria import VARIABLE_TITLES, CriteriaTable, CriterionRow, evaluate_criteria
from planas.formatting import amount, genitive, long_date, money, number, percent
from planas.i18n import collation_key
from planas.model import Plan, YearIndicator
from planas.model.plan import DocumentSettings, Finance
from planas.model.sections import CustomSection
from planas.reference import (
    Criterion,
    FormLayout,
    IndicatorDef,
    Operand,
    Reference,
    Section,
    Service,
)
from planas.render.blocks import ILLUSTRATIVE_MARK, Block, block_marker, paragraphs
from planas.render.chart_data import chart_block, funding_chart, population_chart, provision_chart
from planas.render.charts import ChartSpec
from planas.render.headings import chapter_heading, municipality_names, section_heading
from planas.render.measure import layout_table
from planas.render.regime2025 import Regime2025Blocks, operand_filters
from planas.render.review import REVIEW_BLOCK, review_blocks
from planas.render.sections import SectionBlocks, deadline_text, illustrative_prose
from planas.review import ImplementationReview

_OWNERS = {
    "savivaldybe": "Savivaldybės",
    "valstybe": "Valstybės",
    "valstybe_sadm": "Valstybės (SADM)",
    "nvo": "NVO",
    "privatus": "Privatus",
    "religine": "Religinė bendruomenė",
}
_KIND_LT = {"faktas": "faktas", "planas": "planas"}
_STATUS_LT = {"planuojama": "planuojama", "vykdoma": "vykdoma", "ivykdyta": "įvykdyta",
              "neivykdyta": "neįvykdyta"}


@dataclass(frozen=True)
class SectionView:
    """A numbered section (or annex) with its content."""

    number: str
    title: str
    heading: str
    landscape: bool
    blocks: tuple[Block, ...]
    heading_lines: tuple[str, ...] = ()
    id: str = ""
    level: int = 2

    @property
    def is_subsection(self) -> bool:
        """A plan's own sub-section (4.1, 4.2): templates give it a lower heading level."""
        return self.level > 2

    @property
    def landscape_begin(self) -> str:
        """Word template: the placeholder where a landscape page begins."""
        return block_marker(f"landscape-begin:{self.id}")

    @property
    def landscape_end(self) -> str:
        """Word template: the placeholder where the landscape page ends."""
        return block_marker(f"landscape-end:{self.id}")


@dataclass(frozen=True)
class ChapterView:
    """A chapter (I, II, ...) or an annex, and its sections."""

    number: str
    title: str
    heading: str
    sections: tuple[SectionView, ...]
    new_page: bool = False
    heading_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentProperties:
    """Word document properties, taken from the plan (never from the clock)."""

    title: str
    author: str
    subject: str
    keywords: str
    created: dt.datetime
    custom: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PlanView:
    """Everything a template prints."""

    title: str
    title_lines: tuple[str, ...]
    approval_lines: tuple[str, ...]
    is_draft: bool
    chapters: tuple[ChapterView, ...]
    closing_note: str
    properties: DocumentProperties
    municipality: str
    year: int
    illustrative_note: str = field(default="")
    table_of_contents: bool = False
    notes: tuple[str, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    """Every chart in document order (the specs the sections' chart blocks hold)."""

    @property
    def toc_marker(self) -> str:
        """Word template: the placeholder of the table of contents."""
        return block_marker("toc")


def _mark(text: str, illustrative: bool) -> str:
    return f"{text}{ILLUSTRATIVE_MARK}" if illustrative else text


class _Builder:
    def __init__(self, plan: Plan, ref: Reference, criteria: CriteriaTable | None = None,
                 review: ImplementationReview | None = None) -> None:
        self.pages = True  # whether a wide table's section is measured for a landscape page (Word only)
        self.review = review
        self.plan = plan
        self.ref = ref
        self.year = plan.metadata.year
        self.regime = ref.regime_for_year(self.year)
        self.criteria_table: CriteriaTable = criteria if criteria is not None else evaluate_criteria(plan, ref)
        self.any_illustrative = False

    # --- names ---------------------------------------------------------------------------
    def service_name(self, code: str) -> str:
        return self.ref.service_name(code)

    def group_name(self, code: str) -> str:
        return self.ref.group_name(code)

    def provider_name(self, ident: str | None) -> str:
        if ident is None:
            return "–"
        for provider in self.plan.analysis.providers:
            if provider.id == ident:
                return provider.name
        return ident

    def flag(self, illustrative: bool) -> bool:
        self.any_illustrative = self.any_illustrative or illustrative
        return illustrative

    # --- sections ------------------------------------------------------------------------
    def general_information(self) -> list[Block]:
        meta, intro = self.plan.metadata, self.plan.introduction
        blocks: list[Block] = []
        if intro.purpose:
            blocks += paragraphs(intro.purpose)
        blocks += paragraphs(intro.text)
        blocks += illustrative_prose(bool(intro.purpose or intro.text) and self.flag(intro.illustrative))
        if meta.legal_basis:
            blocks.append(Block("paragraph", text="Planas parengtas vadovaujantis:"))
            items = []
            for act in meta.legal_basis:
                parts = [p for p in (act.issuer, long_date(act.date) if act.date else None,
                                     f"Nr. {act.number}" if act.number else None) if p]
                detail = f" ({', '.join(parts)})" if parts else ""
                point = f", {act.point}" if act.point else ""
                items.append(_mark(f"{act.title}{detail}{point}", self.flag(act.illustrative)))
            blocks.append(Block("bullets", items=tuple(items)))
        if intro.alignment:
            blocks.append(Block("paragraph", text="Planas atitinka:"))
            blocks.append(Block("bullets", items=tuple(
                " – ".join(p for p in (a.document, a.code, a.text) if p) for a in intro.alignment)))
        if intro.data_sources:
            blocks.append(Block("paragraph", text="Naudoti duomenų šaltiniai:"))
            blocks.append(Block("bullets", items=tuple(
                f"{s.name} ({s.url})" if s.url else s.name for s in intro.data_sources)))
        unit = meta.responsible_unit
        if unit is not None:
            contact = [unit.name]
            contact += [p for p in (unit.address,
                                    f"tel. {unit.phone}" if unit.phone else None,
                                    f"el. p. {unit.email}" if unit.email else None,
                                    f"kodas {unit.legal_entity_code}" if unit.legal_entity_code else None) if p]
            blocks.append(Block("paragraph", text="Plano rengimą organizuoja: " + ", ".join(contact) + "."))
        if meta.approval is not None and meta.approval.text:
            blocks += paragraphs(meta.approval.text)
        return blocks

    def goals(self) -> list[Block]:
        goals = self.plan.introduction.goals
        if not goals and self.plan.introduction.priorities:
            return [Block("paragraph", text="Atskiri tikslai nenurodyti: planas sudarytas pagal prioritetines "
                                            "socialinių paslaugų plėtros kryptis.")]
        if not goals:
            return [Block("paragraph", text="Tikslai nenurodyti.")]
        return [Block("paragraph", text="Pagrindiniai socialinių paslaugų teikimo ir plėtros tikslai:"),
                Block("numbered", items=tuple(_mark(g.text, self.flag(g.illustrative)) for g in goals))]

    def authors(self) -> list[Block]:
        authors = self.plan.metadata.authors
        if not authors:
            return [Block("paragraph", text="Plano rengėjai nenurodyti.")]
        return [Block("bullets", items=tuple(
            _mark(", ".join(p for p in (a.name, a.role, a.institution) if p), self.flag(a.illustrative))
            for a in authors))]

    def _indicator_table(
        self, caption: str, items: Sequence[YearIndicator], known: Mapping[str, IndicatorDef]
    ) -> Block | None:
        if not items:
            return None
        years = sorted({y for item in items for y in item.values})
        rows = []
        for item in items:
            definition = known.get(item.id)
            name = item.title or (definition.name_lt if definition else item.id)
            unit = definition.unit if definition else (item.unit or "")
            values = item.values
            marked_years = set(item.illustrative_years)
            whole = self.flag(item.illustrative)
            cells = [name, unit]
            for year in years:
                if year in values:
                    flagged = whole or (year in marked_years and self.flag(True))
                    cells.append(_mark(number(values[year]), flagged))
                else:
                    cells.append("–")
            rows.append(tuple(cells))
        header = ("Rodiklis", "Mat. vnt.", *(f"{y}\u00a0m." for y in years))
        return Block("table", caption=caption, header=header, rows=tuple(rows),
                     widths=(40, 10, *([10] * len(years))), numeric=(False, False, *([True] * len(years))))

    def notes(self, text: str | None) -> list[Block]:
        """A situation-analysis section's prose, marked when the analysis prose is illustrative."""
        notes = self.plan.analysis.notes
        if notes is None:
            return []
        return paragraphs(text) + illustrative_prose(bool(text) and self.flag(notes.illustrative))

    def demography(self) -> list[Block]:
        analysis = self.plan.analysis
        blocks: list[Block] = []
        if analysis.notes is not None:
            blocks += self.notes(analysis.notes.demography)
        for caption, items, known in (
            ("Demografiniai rodikliai", analysis.demography, self.ref.demography_indicators),
            ("Socialiniai rodikliai", analysis.social_indicators, self.ref.social_indicators),
        ):
            table = self._indicator_table(caption, items, known)
            if table is not None:
                blocks.append(table)
        sources = sorted({i.source for i in (*analysis.demography, *analysis.social_indicators) if i.source})
        if sources:
            blocks.append(Block("paragraph", text="Šaltiniai: " + "; ".join(sources)))
        return blocks or [Block("paragraph", text="Duomenys nepateikti.")]

    def providers(self) -> list[Block]:
        analysis = self.plan.analysis
        blocks: list[Block] = []
        if analysis.notes is not None:
            blocks += self.notes(analysis.notes.providers)
        if not analysis.providers:
            return blocks or [Block("paragraph", text="Teikėjai nenurodyti.")]
        rows = []
        for i, p in enumerate(analysis.providers, 1):
            kind = self.ref.institution_types.get(p.institution_type)
            staff = p.staff
            staff_text = "–" if staff is None else " / ".join(
                number(v) if v is not None else "–"
                for v in (staff.social_workers, staff.social_worker_assistants, staff.other))
            licence = "–"
            if p.licence is not None:
                licence = ", ".join(x for x in (p.licence.number, long_date(p.licence.date) if p.licence.date else None) if x)
            rows.append((f"{i}.", _mark(p.name, self.flag(p.illustrative)), _OWNERS[p.owner],
                         kind.name_lt if kind else p.institution_type, licence, staff_text))
        blocks.append(Block("table", caption="Socialinių paslaugų teikėjai",
                            header=("Nr.", "Teikėjas", "Savininkas", "Įstaigos tipas", "Licencija",
                                    "Darbuotojai (soc. darb. / IPD / kiti)"),
                            rows=tuple(rows), widths=(6, 30, 12, 20, 16, 16),
                            numeric=(False, False, False, False, False, True)))
        service_rows = []
        for p in analysis.providers:
            for s in p.services:
                price = f"{amount(s.price.amount)}\u00a0{s.price.unit}" if s.price else "–"
                service_rows.append((p.name, self.service_name(s.service),
                                     ", ".join(self.group_name(g) for g in s.target_groups) or "–",
                                     number(s.places) if s.places is not None else "–", price))
        if service_rows:
            blocks.append(Block("table", caption="Teikiamos paslaugos, vietos ir kainos",
                                header=("Teikėjas", "Paslauga", "Gavėjų grupės", "Vietų", "Kaina"),
                                rows=tuple(service_rows), widths=(22, 24, 30, 8, 16),
                                numeric=(False, False, False, True, True)))
        return blocks

    def provision(self) -> list[Block]:
        analysis = self.plan.analysis
        blocks: list[Block] = []
        if analysis.notes is not None:
            blocks += self.notes(analysis.notes.provision)
        records = analysis.provision
        if not records:
            return blocks or [Block("paragraph", text="Duomenys nepateikti.")]
        past = sorted({y for r in records for y, v in r.years.items()
                       if y < self.year and (v.recipients is not None or v.waiting is not None)})
        header = ["Paslauga", "Gavėjų grupė", "Teikėjas"]
        for y in past:
            header += [f"Gavėjai {y} m.", f"Laukia {y} m. pab."]
        header.append(f"Planuojama {self.year} m.")
        totals = [Decimal(0)] * (len(past) * 2 + 1)
        seen = [False] * len(totals)
        rows = []
        for r in records:
            flagged = self.flag(r.illustrative)
            cells = [_mark(self.service_name(r.service), flagged), self.group_name(r.target_group),
                     self.provider_name(r.provider)]
            values: list[int | None] = []
            for y in past:
                year = r.years.get(y)
                values += [year.recipients if year else None, year.waiting if year else None]
            plan_year = r.years.get(self.year)
            values.append(plan_year.planned if plan_year else None)
            for i, v in enumerate(values):
                if v is not None:
                    totals[i] += v
                    seen[i] = True
            cells += [number(v) if v is not None else "–" for v in values]
            rows.append(tuple(cells))
        rows.append(("Iš viso", "", "", *(number(t) if s else "–" for t, s in zip(totals, seen, strict=True))))
        count = len(header) - 3
        return [*blocks, Block("table", caption="Socialinių paslaugų gavėjai ir laukiantieji",
                               header=tuple(header), rows=tuple(rows),
                               widths=(24, 22, 18, *([36 // max(count, 1)] * count)),
                               numeric=(False, False, False, *([True] * count)),
                               notes=("Gavėjai – per metus paslaugą gavę asmenys; laukiantieji – metų pabaigoje.",))]

    def finance(self) -> list[Block]:
        analysis = self.plan.analysis
        blocks: list[Block] = []
        if analysis.notes is not None:
            blocks += self.notes(analysis.notes.finance)
        if analysis.municipal_budget:
            rows = tuple(
                (f"{b.year}\u00a0m.", _KIND_LT[b.kind], _mark(money(b.total), self.flag(b.illustrative)),
                 money(b.social_programme) if b.social_programme is not None else "–")
                for b in sorted(analysis.municipal_budget, key=lambda b: (b.year, b.kind)))
            blocks.append(Block("table", caption="Savivaldybės biudžetas",
                                header=("Metai", "Rūšis", "Biudžeto išlaidos", "Socialinės programos lėšos"),
                                rows=rows, widths=(15, 15, 35, 35), numeric=(False, False, True, True)))
        records = analysis.finance
        if not records:
            return blocks or [Block("paragraph", text="Duomenys nepateikti.")]
        used = [s for s in self.ref.funding_sources if any(s in e.sources for r in records for e in r.entries)]
        rows_list = []
        totals: dict[tuple[int, str], dict[str, Decimal]] = {}
        for r in sorted(records, key=lambda r: (collation_key(self.service_name(r.service)),
                                                 collation_key(r.provider or ""))):
            flagged = self.flag(r.illustrative)
            for e in sorted(r.entries, key=lambda e: (e.year, e.kind)):
                sums = totals.setdefault((e.year, e.kind), {})
                for s, v in e.sources.items():
                    sums[s] = sums.get(s, Decimal(0)) + v
                rows_list.append((_mark(self.finance_label(r, records), flagged), f"{e.year}\u00a0m.", _KIND_LT[e.kind],
                                  *(amount(e.sources[s]) if s in e.sources else "–" for s in used),
                                  amount(sum(e.sources.values(), Decimal(0)))))
        for (year, kind), sums in sorted(totals.items()):
            rows_list.append((f"Iš viso {year} m. ({_KIND_LT[kind]})", "", "",
                              *(amount(sums[s]) if s in sums else "–" for s in used),
                              amount(sum(sums.values(), Decimal(0)))))
        names = "; ".join(f"{s} – {self.ref.funding_sources[s].name_lt}" for s in used)
        blocks.append(Block("table", caption="Socialinių paslaugų finansavimas pagal šaltinius, Eur",
                            header=("Paslauga", "Metai", "Rūšis", *used, "Iš viso"),
                            rows=tuple(rows_list),
                            widths=(28, 9, 9, *([44 // (len(used) + 1)] * (len(used) + 1))),
                            numeric=(False, False, False, *([True] * (len(used) + 1))),
                            notes=(f"Šaltiniai (Socialinių paslaugų įstatymo 41 str. 1 d.): {names}.",)))
        return blocks

    def finance_label(self, record: Finance, records: Sequence[Finance]) -> str:
        """The service's name; where the service has several finance rows, what tells them apart beside it.

        The target group and, if the rows are of different providers, the provider: `Pagalba į namus (senyvo
        amžiaus asmenys)`, so that a reader (and `planas import`) can tell the rows apart.
        """
        name = self.service_name(record.service)
        same = [r for r in records if r.service == record.service]
        if len(same) < 2:
            return name
        qualifiers = []
        if len({r.target_group for r in same}) > 1 and record.target_group is not None:
            qualifiers.append(self.group_name(record.target_group))
        if len({r.provider for r in same}) > 1 and record.provider is not None:
            qualifiers.append(self.provider_name(record.provider))
        return f"{name} ({'; '.join(qualifiers)})" if qualifiers else name

    def priorities(self) -> list[Block]:
        priorities = self.plan.introduction.priorities
        if not priorities:
            return [Block("paragraph", text="Prioritetinės kryptys nenurodytos.")]
        intro = self.plan.introduction
        lead = paragraphs(intro.priorities_text) or [Block(
            "paragraph", text=f"Socialinių paslaugų plane {self.year} metams numatytos šios "
                              "prioritetinės socialinių paslaugų plėtros kryptys:")]
        return [*lead, Block("bullets", items=tuple(_mark(p.text, self.flag(p.illustrative)) for p in priorities))]

    def measures(self) -> list[Block]:
        action = self.plan.action_plan
        blocks = paragraphs(action.text) + illustrative_prose(bool(action.text) and self.flag(action.illustrative))
        if not action.measures:
            return blocks or [Block("paragraph", text="Priemonės nenurodytos.")]
        rows: list[tuple[str, ...]] = []
        total = Decimal(0)
        for m in action.measures:
            funds = "; ".join(f"{s} {amount(v)}" for s, v in m.funding.items()) or "–"
            measure_total = sum(m.funding.values(), Decimal(0))
            total += measure_total
            # the measure's code in the municipality's strategic plan (SPĮ 14 str. 3 d. 3 p.) beside its goal
            link = " / ".join(x for x in (m.goal, m.priority, f"SVP\u00a0{m.svp_code}" if m.svp_code else None) if x)
            base = (m.id, link, _mark(m.title, self.flag(m.illustrative)),
                    ", ".join(self.service_name(s) for s in m.services) or "–",
                    m.executor, deadline_text(m.deadline), funds,
                    amount(measure_total) if m.funding else "–")
            indicators = m.indicators or ()
            if not indicators:
                rows.append((*base, "–", "–", "–"))
            for i, ind in enumerate(indicators):
                cells = base if i == 0 else ("",) * len(base)
                unit = f" ({ind.unit})" if ind.unit else ""
                rows.append((*cells, _mark(f"{ind.name}{unit}", self.flag(ind.illustrative)), number(ind.baseline),
                             number(ind.target)))
        rows.append(("", "", "Iš viso", "", "", "", "", amount(total), "", "", ""))
        blocks.append(Block("table", caption="Priemonių planas",
                            header=("Nr.", "Tikslas / kryptis", "Priemonė", "Paslaugos", "Vykdytojas", "Terminas",
                                    "Lėšos pagal šaltinius, Eur", "Iš viso, Eur", "Rodiklis",
                                    "Pradinė reikšmė", "Siektina reikšmė"),
                            rows=tuple(rows), widths=(4, 6, 17, 12, 12, 9, 10, 7, 11, 6, 6),
                            numeric=(False, False, False, False, False, False, False, True, False, True, True)))
        return blocks

    def monitoring(self) -> list[Block]:
        monitoring = self.plan.monitoring
        blocks = paragraphs(monitoring.text)
        blocks += illustrative_prose(bool(monitoring.text) and self.flag(monitoring.illustrative))
        if monitoring.responsible:
            blocks.append(Block("paragraph", text=f"Už plano įgyvendinimo stebėseną atsako: {monitoring.responsible}."))
        return blocks or [Block("paragraph", text="Stebėsenos tvarka nenurodyta.")]

    def _formula(self, criterion: Criterion, *, fallback: bool = False) -> str:
        def side(operand: Operand | None) -> str:
            if operand is None:
                return "1"
            variable = operand.fallback if fallback and operand.fallback else operand.variable
            text = VARIABLE_TITLES.get(variable, variable)
            if operand.services:
                text += " (" + ", ".join(self.service_name(s) for s in operand.services) + ")"
            text += operand_filters(self.ref, operand)  # 2025+ candidates: categories, respite forms
            if operand.sources:
                text += " (" + ", ".join(operand.sources) + ")"
            if operand.minus_previous_year:
                text = f"pokytis per metus: {text}"
            if operand.year_offset:
                text += " praėjusiais metais"
            if operand.plus:
                text = f"({text} + {VARIABLE_TITLES.get(operand.plus, operand.plus)})"
            return text
        multiplier = f" × {criterion.multiplier}" if criterion.multiplier != 1 else ""
        if criterion.denominator is None:
            return side(criterion.numerator) + multiplier
        return f"{side(criterion.numerator)} / {side(criterion.denominator)}{multiplier}"

    def _value(self, row: CriterionRow, index: int) -> str:
        cell = row.values[index]
        if _after_the_year(row.criterion) and cell.kind != "rankinis":
            return "–"
        if cell.value is None:
            return "–"
        text = percent(cell.value, row.criterion.decimals) if row.criterion.unit == "proc." else number(
            cell.value, row.criterion.decimals)
        if cell.kind == "rankinis":
            return f"{text} (įrašyta)"
        return f"{text} (planas)" if cell.kind == "planas" else text

    def _inputs(self, row: CriterionRow) -> str:
        if _after_the_year(row.criterion) and all(cell.kind != "rankinis" for cell in row.values):
            return "vertinama pasibaigus plano metams (plano įgyvendinimo ataskaitoje)"
        parts = []
        for cell in row.values:
            if cell.kind == "rankinis":
                parts.append(f"{cell.year} m.: įrašyta ranka – {cell.reason}")
            elif cell.value is not None:
                denominator = "" if row.criterion.denominator is None else f" / {number(cell.denominator)}"
                multiplier = f" × {row.criterion.multiplier}" if row.criterion.multiplier != 1 else ""
                parts.append(f"{cell.year} m.: {number(cell.numerator)}{denominator}{multiplier}")
        missing = [cell for cell in row.values if cell.value is None and cell.kind != "rankinis"]
        if missing and not parts:
            parts.append("trūksta duomenų: " + "; ".join(missing[-1].missing))
        return "; ".join(parts)

    def criteria(self) -> list[Block]:
        blocks = paragraphs(self.plan.criteria.text)
        blocks += illustrative_prose(bool(self.plan.criteria.text) and self.flag(self.plan.criteria.illustrative))
        years = self.criteria_table.years
        rows = []
        for row in self.criteria_table.rows:
            name = row.criterion.name_lt
            if row.service is not None:
                name += f": {self.service_name(row.service)}"
            if row.target_group is not None:
                name += f" ({self.group_name(row.target_group)})"
            if row.basis is not None:
                name += f" – {row.basis}"  # K1-K3 from service uses where distinct persons are not given
            rows.append((row.criterion.id, name, row.criterion.unit,
                         *(self._value(row, i) for i in range(len(years))),
                         f"{self._formula(row.criterion, fallback=row.basis is not None)}. {self._inputs(row)}".strip()))
        blocks.append(Block("table", caption="Socialinių paslaugų efektyvumo vertinimo kriterijai",
                            header=("Nr.", "Kriterijus", "Mat. vnt.", *(f"{y}\u00a0m." for y in years),
                                    "Skaičiavimas"),
                            rows=tuple(rows), widths=(5, 28, 10, 10, 10, 10, 27),
                            numeric=(False, False, False, True, True, True, False),
                            notes=(
                                (f"Reikšmės apskaičiuotos iš plano duomenų; „(planas)“ – iš {self.year} m. "
                                "planuojamų duomenų."),
                            )))
        return blocks

    def services_in_plan(self) -> list[Service]:
        codes: list[str] = []
        analysis = self.plan.analysis
        for code in [*(s.service for p in analysis.providers for s in p.services),
                     *(r.service for r in analysis.provision)]:
            if code not in codes and code in self.ref.services:
                codes.append(code)
        return [self.ref.services[c] for c in codes]

    def service_descriptions(self) -> list[Block]:
        services = self.services_in_plan()
        if not services:
            return [Block("paragraph", text="Paslaugos nenurodytos.")]
        rows: list[tuple[str, ...]] = []
        for i, service in enumerate(services, 1):
            category = self.ref.categories.get(service.category.get(self.regime.id, ""))
            criteria: list[tuple[str, str | None]] = [
                ("Rūšis", category.name_lt if category else None),
                ("Apibrėžimas", service.definition),
                ("Sudėtis", service.composition),
                ("Gavėjai", ", ".join(self.group_name(g) for g in service.recipients) or None),
                ("Teikimo vieta", service.place),
                ("Teikimo trukmė / dažnumas", service.duration),
                ("Teikia", service.specialists),
                ("Ypatumai", service.specifics),
            ]
            present = [(k, v) for k, v in criteria if v]
            for j, (name, text) in enumerate(present):
                first = j == 0
                rows.append((f"{i}." if first else "", service.name_lt if first else "", name, text or ""))
        return [Block("table", caption="Teikiamų socialinių paslaugų aprašai (pagal Socialinių paslaugų katalogą)",
                      header=("Eil. Nr.", "Paslaugos pavadinimas", "Kriterijus", "Apibūdinimas"),
                      rows=tuple(rows), widths=(7, 23, 18, 52), numeric=(False, False, False, False))]

    def section(self, number: str, title: str, block: str, landscape: bool, heading: tuple[str, ...] = (),
                section_id: str = "") -> SectionView:
        builders: dict[str, Callable[[], list[Block]]] = {
            "general_information": self.general_information, "goals": self.goals, "authors": self.authors,
            "demography": self.demography, "providers": self.providers, "provision": self.provision,
            "finance": self.finance, "priorities": self.priorities, "measures": self.measures,
            "monitoring": self.monitoring, "criteria": self.criteria,
            "service_descriptions": self.service_descriptions,
            REVIEW_BLOCK: self.implementation_review,
        }
        builders.update(Regime2025Blocks(self.plan, self.ref, self.flag).builders())  # 2025+ layout
        blocks = tuple(builders[block]() + self.charts(block))
        # A table too wide for a portrait page takes its section onto a landscape page.
        wide = self.pages and any(_needs_landscape(b) for b in blocks)
        lines = heading or (f"{number}. {title}",)
        return SectionView(number=number, title=title, heading=" ".join(lines), landscape=landscape or wide,
                           blocks=blocks, heading_lines=lines, id=section_id)

    def implementation_review(self) -> list[Block]:
        """Last year's plan reviewed (the section is left out when there is no review)."""
        if self.review is None:
            return []
        return review_blocks(self.review, self.service_name, self.flag, self.group_name)

    def charts(self, block: str) -> list[Block]:
        """The charts a form section shows after its tables (only where the plan has the figures)."""
        makers: dict[str, Callable[[], ChartSpec | None]] = {
            "demography": lambda: population_chart(self.plan, self.ref),
            "provision": lambda: provision_chart(self.plan, self.service_name),
            "finance": lambda: funding_chart(self.plan, self.ref),
        }
        spec = makers[block]() if block in makers else None
        return [chart_block(spec)] if spec is not None else []

    def custom_section(self, section: CustomSection, number: str, heading: tuple[str, ...],
                       level: int) -> SectionView:
        """A section the plan adds to the form, with its prose, typed blocks and tables."""
        provider_names = {p.id: p.name for p in self.plan.analysis.providers}
        blocks = tuple(SectionBlocks(self.flag, provider_names, self.group_name).build(section))
        wide = self.pages and any(_needs_landscape(b) for b in blocks)
        return SectionView(number=number, title=section.title, heading=" ".join(heading),
                           landscape=section.landscape or wide, blocks=blocks, heading_lines=heading,
                           id=section.id, level=level)


class _Numbering:
    """The form's sections and the plan's own ones in order, numbered in sequence (sub-sections 4.1, 4.2)."""

    def __init__(self, builder: _Builder, settings: DocumentSettings, sections: Sequence[CustomSection]) -> None:
        self.builder, self.settings, self.counter = builder, settings, 0
        self.within: dict[str, list[CustomSection]] = {}
        self.after: dict[str, list[CustomSection]] = {}
        for section in sections:
            if section.within is not None:
                self.within.setdefault(section.within, []).append(section)
            elif section.after is not None:
                self.after.setdefault(section.after, []).append(section)

    def chapter(self, sections: Sequence[Section]) -> tuple[SectionView, ...]:
        """A chapter's sections, each followed by its sub-sections and the sections placed after it."""
        views: list[SectionView] = []
        for s in sections:
            if s.block == REVIEW_BLOCK and self.builder.review is None:
                continue  # no last year's plan given: the plan has no review section
            def form(number: str, heading: tuple[str, ...], s: Section = s) -> SectionView:
                return self.builder.section(number, s.title, s.block, s.landscape, heading, s.id)

            self._top(views, s.id, s.title, form)
        return tuple(views)

    def _top(self, views: list[SectionView], ident: str, title: str,
             make: Callable[[str, tuple[str, ...]], SectionView]) -> None:
        self.counter += 1
        number = str(self.counter)
        index = sum(1 for v in views if not v.is_subsection)
        views.append(make(number, section_heading(number, index, ident, title, self.settings)))
        for k, sub in enumerate(self._subsections(ident), 1):
            views.append(self.builder.custom_section(sub, f"{number}.{k}", self._sub_heading(f"{number}.{k}", sub), 3))
        for follower in self.after.get(ident, ()):
            def custom(n: str, heading: tuple[str, ...], f: CustomSection = follower) -> SectionView:
                return self.builder.custom_section(f, n, heading, 2)

            self._top(views, follower.id, follower.title, custom)

    def _subsections(self, ident: str) -> list[CustomSection]:
        found: list[CustomSection] = []

        def chain(section: CustomSection) -> None:
            found.append(section)
            for follower in self.after.get(section.id, ()):
                chain(follower)

        for child in self.within.get(ident, ()):
            chain(child)
        return found

    def _sub_heading(self, number: str, section: CustomSection) -> tuple[str, ...]:
        title = self.settings.headings.get(section.id, section.title)
        return (title,) if self.settings.section_numbering == "skirsnis" else (f"{number}. {title}",)


# Criteria whose inputs exist only once the year is over (which measures were carried out):
# a plan being approved shows them as to be assessed, never as a planned value.
_AFTER_THE_YEAR = frozenset({"measures_done"})


def _after_the_year(criterion: Criterion) -> bool:
    operands = (criterion.numerator, criterion.denominator)
    return any(o is not None and o.variable in _AFTER_THE_YEAR for o in operands)


def _needs_landscape(block: Block) -> bool:
    """Whether a table's words and numbers cannot fit a portrait page's width unbroken."""
    if not block.is_table:
        return False
    return layout_table(block.header, block.rows, block.numeric, landscape=False).landscape


def _illustrative_approval(plan: Plan) -> bool:
    """Whether the approval block shows an illustrative decision number."""
    approval = plan.metadata.approval
    return (plan.metadata.status == "patvirtintas" and approval is not None and approval.illustrative
            and bool(approval.decision_number))


def _approval_lines(plan: Plan) -> tuple[str, ...]:
    approval = plan.metadata.approval
    if plan.metadata.status != "patvirtintas" or approval is None:
        return ("PROJEKTAS",)
    lines = ["PATVIRTINTA", genitive(approval.body)]
    if approval.decision_date is not None:
        lines.append(long_date(approval.decision_date))
    number = _mark(f"Nr. {approval.decision_number}", approval.illustrative) if approval.decision_number else ""
    lines.append(f"sprendimu {number}".rstrip())
    return tuple(lines)


def _chapters(builder: _Builder, layout: FormLayout, settings: DocumentSettings) -> tuple[ChapterView, ...]:
    """The form's chapters with their sections and the plan's own, numbered and titled as the plan asks."""
    chapters = []
    numbering = _Numbering(builder, settings, builder.plan.sections)
    for chapter in layout.chapters:
        lines = chapter_heading(chapter.number, chapter.title, settings)
        sections = numbering.chapter(chapter.sections)
        chapters.append(ChapterView(number=chapter.number, title=chapter.title, heading=" ".join(lines),
                                    sections=sections, heading_lines=lines))
    for annex in layout.annexes:
        title = settings.headings.get(annex.id, annex.title)
        lines = (f"{annex.number} priedas. {title}",)
        section = replace(builder.section("", title, annex.block, False, section_id=annex.id), heading="",
                          heading_lines=())
        chapters.append(ChapterView(number=f"{annex.number} priedas", title=title, heading=lines[0],
                                    sections=(section,), new_page=True, heading_lines=lines))
    return tuple(chapters)


def _keyed(chapters: tuple[ChapterView, ...]) -> tuple[ChapterView, ...]:
    """Every block numbered in document order: the Word template's placeholders name them."""
    counter = 0
    keyed = []
    for chapter in chapters:
        sections = []
        for section in chapter.sections:
            blocks = []
            for block in section.blocks:
                counter += 1
                blocks.append(replace(block, key=f"b{counter}"))
            sections.append(replace(section, blocks=tuple(blocks)))
        keyed.append(replace(chapter, sections=tuple(sections)))
    return tuple(keyed)


def _provenance(plan: Plan, reference: Reference, regime_id: str, official_form: bool,
                source_sha256: str | None) -> tuple[tuple[str, str], ...]:
    """Where the document comes from: the document's custom properties (and the `--notes` annex)."""
    digest = hashlib.sha256(plan.model_dump_json().encode("utf-8")).hexdigest()
    source = (("source_sha256", source_sha256),) if source_sha256 else ()
    return (
        ("planas_version", __version__),
        ("reference_data_version", reference.version),
        ("regime", regime_id),
        ("form_layout_official", "true" if official_form else "false"),
        ("criteria_official", "true" if reference.criteria_official else "false"),
        ("plan_data_sha256", digest),
        *source,
    )


def _notes(reference: Reference, regime_id: str, official_form: bool) -> tuple[str, ...]:
    """The `--notes` annex: how the document was prepared, for the planners, not for the council."""
    notes = [(f"Dokumentas parengtas programa planas {__version__} (žinynų versija {reference.version}; "
              f"planavimo tvarka {regime_id})."),
             "Efektyvumo kriterijų reikšmės apskaičiuotos iš plano duomenų pagal žinyno formules (criteria.yaml)."]
    if not official_form:
        notes.append("Plano formos išdėstymas rekonstruotas pagal realius planus: formos tekstas nepatikrintas "
                     "(form_layouts.yaml, official: false).")
    if not reference.criteria_official:
        notes.append("Kriterijų sąrašas kandidatinis: kriterijų tekstas nepatikrintas (criteria.yaml, official: false).")
    notes.append("Paslaugų aprašai paimti iš žinyno (catalogue.yaml); šaltiniai nurodyti žinyne.")
    return tuple(notes)


def _charts(chapters: tuple[ChapterView, ...]) -> tuple[ChartSpec, ...]:
    return tuple(block.chart for chapter in chapters for section in chapter.sections for block in section.blocks
                 if block.chart is not None)


def build_view(plan: Plan, reference: Reference, criteria: CriteriaTable | None = None, *,
               notes: bool = False, source_sha256: str | None = None,
               review: ImplementationReview | None = None, pages: bool = True) -> PlanView:
    """The view-model of a plan under its regime's form layout (`criteria`: already evaluated).

    `notes`: add a final annex on how the document was prepared (tool, data versions);
    `source_sha256`: the plan file's hash, for the document's properties;
    `review`: last year's plan reviewed, shown as the form's review section (left out without it);
    `pages`: False for a web page, which has no pages: no section is measured for a landscape page.
    """
    builder = _Builder(plan, reference, criteria, review)
    builder.pages = pages
    layout = reference.layouts[builder.regime.form]
    official_name, municipality = municipality_names(plan.metadata.municipality.name)
    chapters = _keyed(_chapters(builder, layout, plan.document))
    title = f"{municipality} {plan.metadata.year} metų socialinių paslaugų planas"
    approval = plan.metadata.approval
    created_date = approval.decision_date if approval and approval.decision_date else dt.date(plan.metadata.year, 1, 1)
    return PlanView(
        title=title,
        title_lines=(municipality.upper(), f"{plan.metadata.year} METŲ SOCIALINIŲ PASLAUGŲ PLANAS"),
        approval_lines=_approval_lines(plan),
        is_draft=plan.metadata.status != "patvirtintas",
        chapters=chapters,
        closing_note="",
        properties=DocumentProperties(
            title=title,
            author=official_name,
            subject=f"{official_name}: {plan.metadata.year} metų socialinių paslaugų planas",
            keywords=f"socialinių paslaugų planas; {official_name}; {plan.metadata.year}",
            created=dt.datetime.combine(created_date, dt.time(0, 0)),
            custom=_provenance(plan, reference, builder.regime.id, layout.official, source_sha256),
        ),
        municipality=official_name,
        year=plan.metadata.year,
        illustrative_note=(f"Žvaigždute ({ILLUSTRATIVE_MARK}) pažymėti iliustraciniai duomenys (ne iš šaltinio)."
                           if builder.any_illustrative or _illustrative_approval(plan) else ""),
        table_of_contents=plan.document.table_of_contents,
        notes=_notes(reference, builder.regime.id, layout.official) if notes else (),
        charts=_charts(chapters),
    )


def build_report_view(plan: Plan, reference: Reference, review: ImplementationReview, *,
                      source_sha256: str | None = None) -> PlanView:
    """The implementation report alone (`render --report`): last year's plan reviewed, for the council."""
    builder = _Builder(plan, reference, None, review)
    official_name, municipality = municipality_names(plan.metadata.municipality.name)
    title = f"{municipality} {review.year} metų socialinių paslaugų plano įgyvendinimo ataskaita"
    section = SectionView(number="", title=title, heading="", landscape=False,
                          blocks=tuple(builder.implementation_review()), id="ataskaita")
    heading = f"{review.year} M. PLANO PRIEMONIŲ IR KRITERIJŲ ĮGYVENDINIMAS"
    chapters = _keyed((ChapterView(number="", title=heading, heading=heading, sections=(section,),
                                   heading_lines=(heading,)),))
    layout = reference.layouts[builder.regime.form]
    return PlanView(
        title=title,
        title_lines=(municipality.upper(), f"{review.year} METŲ SOCIALINIŲ PASLAUGŲ PLANO ĮGYVENDINIMO ATASKAITA"),
        approval_lines=("PROJEKTAS",),
        is_draft=True,
        chapters=chapters,
        closing_note="",
        properties=DocumentProperties(
            title=title, author=official_name,
            subject=f"{official_name}: {review.year} metų socialinių paslaugų plano įgyvendinimo ataskaita",
            keywords=f"socialinių paslaugų plano įgyvendinimo ataskaita; {official_name}; {review.year}",
            created=dt.datetime(plan.metadata.year, 1, 1),
            custom=_provenance(plan, reference, builder.regime.id, layout.official, source_sha256),
        ),
        municipality=official_name,
        year=review.year,
        illustrative_note=(f"Žvaigždute ({ILLUSTRATIVE_MARK}) pažymėti iliustraciniai duomenys (ne iš šaltinio)."
                           if builder.any_illustrative else ""),
        charts=_charts(chapters),
    )


def iter_tables(view: PlanView) -> Iterable[tuple[Block, bool]]:
    """Every table block in document order, with whether its page is landscape."""
    for chapter in view.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if block.is_table:
                    yield block, section.landscape
