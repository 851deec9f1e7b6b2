"""Blocks of the 2025+ form layout (A1-368_2024): the content the 2024 law and A1-368 ask for.

Built from the generic `Block` kinds only (paragraph, bullets, table, prose), so
the Markdown, Word and HTML renderers write them without code of their own.
Each builder returns a placeholder sentence when its block is empty, so that a
draft's document shows what is still to be written rather than dropping it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from planas.formatting import amount, long_date, number
from planas.model import Plan
from planas.reference import Operand, Reference
from planas.render.blocks import ILLUSTRATIVE_MARK, Block, paragraphs

Flag = Callable[[bool], bool]
"""Records that an illustrative item is shown (the document then explains the mark)."""

NORM_MARK = "†"
"""Marks a development norm's value the planners entered (planas holds no norm values)."""

_METHODS = {
    "apklausa": "gyventojų apklausa", "spis_duomenys": "SPIS duomenys", "teikeju_ataskaitos": "teikėjų ataskaitos",
    "seniuniju_duomenys": "seniūnijų duomenys", "statistika": "statistiniai duomenys", "kita": "kiti šaltiniai",
}
_AREAS = {"socialine_prieziura": "socialinė priežiūra", "laikino_atokvepio_paslauga": "laikino atokvėpio paslauga"}
_EMPTY = "Dar neužpildyta (plano projektas)."
_FUNDING_NOTE = "Iš viso apskaičiuota iš eilučių; lėšų poreikis rodomas atskirai nuo biudžeto ir jo vykdymo."


def operand_filters(ref: Reference, operand: Operand) -> str:
    """A criterion operand's category and respite-form filters in words: " (Prevencinės socialinės paslaugos)"."""
    names = [ref.categories[c].name_lt for c in operand.categories]
    names += [ref.respite_forms[f].name_lt for f in operand.respite_forms]
    return f" ({', '.join(names)})" if names else ""


def _mark(text: str, illustrative: bool) -> str:
    return f"{text}{ILLUSTRATIVE_MARK}" if illustrative else text


def _count(value: Decimal | int | None) -> str:
    return number(value) if value is not None else "–"


class Regime2025Blocks:
    """The builders of the 2025+ blocks for one plan; `builders()` names them as form_layouts.yaml does."""

    def __init__(self, plan: Plan, ref: Reference, flag: Flag) -> None:
        self.plan = plan
        self.ref = ref
        self.flag = flag

    def builders(self) -> dict[str, Callable[[], list[Block]]]:
        """Block name (form_layouts.yaml `block`) -> builder."""
        return {
            "needs_assessment": self.needs_assessment, "need_factors": self.need_factors,
            "unmet_need": self.unmet_need, "funding_need": self.funding_need,
            "development_norms": self.development_norms, "dependency_prevention": self.dependency_prevention,
            "staff": self.staff, "respite": self.respite,
        }

    def needs_assessment(self) -> list[Block]:
        """The needs assessment: methods, period, findings."""
        block = self.plan.analysis.needs_assessment
        if block is None:
            return [Block("paragraph", text=_EMPTY)]
        blocks: list[Block] = []
        if block.methods:
            blocks.append(Block("paragraph", text="Poreikiai vertinti remiantis: "
                                + ", ".join(_METHODS[m] for m in block.methods) + "."))
        if block.period_from or block.period_to:
            period = " – ".join(long_date(d) for d in (block.period_from, block.period_to) if d is not None)
            blocks.append(Block("paragraph", text=f"Vertinimo laikotarpis: {period}".rstrip(".") + "."))
        findings = paragraphs(block.findings)
        if findings and self.flag(block.illustrative):
            findings.append(Block("paragraph", text=f"{ILLUSTRATIVE_MARK} Tekstas iliustracinis."))
        return [*blocks, *findings] or [Block("paragraph", text=_EMPTY)]

    def need_factors(self) -> list[Block]:
        """The factors behind needs, as a table."""
        block = self.plan.analysis.need_factors
        if block is None or not (block.text or block.items):
            return [Block("paragraph", text=_EMPTY)]
        blocks = paragraphs(block.text)
        if block.items:
            rows = tuple(
                (_mark(f.factor, self.flag(f.illustrative or block.illustrative)), f.effect or "–",
                 ", ".join(self.ref.group_name(g) for g in f.target_groups) or "–")
                for f in block.items)
            blocks.append(Block("table", caption="Socialinių paslaugų poreikius lemiantys veiksniai",
                                header=("Veiksnys", "Poveikis paslaugų poreikiui", "Gavėjų grupės"), rows=rows,
                                widths=(30, 45, 25), numeric=(False, False, False)))
        return blocks

    def unmet_need(self) -> list[Block]:
        """The needs nobody meets, with the persons' total."""
        block = self.plan.analysis.unmet_need
        if block is None or not (block.text or block.items):
            return [Block("paragraph", text=_EMPTY)]
        blocks = paragraphs(block.text)
        if block.items:
            rows: list[tuple[str, ...]] = [
                (_mark(self.ref.service_name(i.service), self.flag(i.illustrative or block.illustrative)),
                 self.ref.group_name(i.target_group), _count(i.persons), i.reason)
                for i in block.items]
            known = [i.persons for i in block.items if i.persons is not None]
            rows.append(("Iš viso", "", number(sum(known)) if known else "–", ""))
            blocks.append(Block("table", caption="Nepatenkintas socialinių paslaugų poreikis",
                                header=("Paslauga", "Gavėjų grupė", "Asmenų", "Priežastis"), rows=tuple(rows),
                                widths=(28, 24, 10, 38), numeric=(False, False, True, False)))
        return blocks

    def funding_need(self) -> list[Block]:
        """The money needed against allocated, by source, with computed totals."""
        block = self.plan.analysis.funding_need
        if block is None or not (block.text or block.items):
            return [Block("paragraph", text=_EMPTY)]
        blocks = paragraphs(block.text)
        if not block.items:
            return blocks
        used = [s for s in self.ref.funding_sources
                if any(s in i.needed or s in i.allocated for i in block.items)]
        rows: list[tuple[str, ...]] = []
        for item in block.items:
            name = self.ref.service_name(item.service) if item.service else "Visos paslaugos"
            name = _mark(name, self.flag(item.illustrative or block.illustrative))
            for label, sums, total in (("reikia", item.needed, item.needed_total()),
                                       ("skirta", item.allocated, item.allocated_total())):
                rows.append((name if label == "reikia" else "", label,
                             *(amount(sums[s]) if s in sums else "–" for s in used), amount(total)))
        needed, allocated = block.needed_total(), block.allocated_total()
        rows.append(("Iš viso", "reikia", *("",) * len(used), amount(needed)))
        rows.append(("", "skirta", *("",) * len(used), amount(allocated)))
        rows.append(("", "trūksta", *("",) * len(used), amount(max(needed - allocated, Decimal(0)))))
        year = f" {block.year} m." if block.year else ""
        blocks.append(Block("table", caption=f"Lėšų poreikis ir skirtos lėšos{year} pagal šaltinius, Eur",
                            header=("Paslauga", "", *used, "Iš viso"), rows=tuple(rows),
                            widths=(30, 10, *([60 // (len(used) + 1)] * (len(used) + 1))),
                            numeric=(False, False, *([True] * (len(used) + 1))),
                            notes=(_FUNDING_NOTE,)))
        return blocks

    def development_norms(self) -> list[Block]:
        """The norms (values entered by the planners, marked) against actual and planned."""
        block = self.plan.analysis.development_norms
        if block is None or not (block.text or block.items):
            return [Block("paragraph", text=_EMPTY)]
        blocks = paragraphs(block.text)
        if block.items:
            rows = tuple(
                (_mark(n.norm, self.flag(n.illustrative or block.illustrative)), n.unit or "–",
                 f"{number(n.norm_value)}{NORM_MARK}" if n.norm_value is not None else "–",
                 _count(n.actual), _count(n.planned), n.norm_act or "–")
                for n in block.items)
            blocks.append(Block("table", caption="Socialinių paslaugų išvystymo normatyvai ir prognozė",
                                header=("Normatyvas", "Mat. vnt.", "Normatyvas", "Esama", "Planuojama",
                                        "Normatyvo aktas"),
                                rows=rows, widths=(30, 12, 12, 10, 12, 24),
                                numeric=(False, False, True, True, True, False),
                                notes=(f"{NORM_MARK} Normatyvo reikšmę įrašė plano rengėjai.",)))
        return blocks

    def dependency_prevention(self) -> list[Block]:
        """Dependency prevention: text, its measures and services."""
        block = self.plan.action_plan.dependency_prevention
        if block is None or not (block.text or block.measures or block.services):
            return [Block("paragraph", text=_EMPTY)]
        blocks = paragraphs(block.text)
        if block.text and self.flag(block.illustrative):
            blocks.append(Block("paragraph", text=f"{ILLUSTRATIVE_MARK} Tekstas iliustracinis."))
        titles = {m.id: m.title for m in self.plan.action_plan.measures}
        if block.measures:
            blocks.append(Block("paragraph", text="Priklausomumo prevencijai skirtos priemonės:"))
            blocks.append(Block("bullets", items=tuple(f"{m} {titles.get(m, '')}".strip() for m in block.measures)))
        if block.services:
            blocks.append(Block("paragraph", text="Paslaugos: "
                                + ", ".join(self.ref.service_name(s) for s in block.services) + "."))
        return blocks

    def respite(self) -> list[Block]:
        """Respite places by form (published per form in practice; the forms are unverified)."""
        rows = []
        for p in self.plan.analysis.providers:
            for s in p.services:
                if s.respite_form is None:
                    continue
                form = self.ref.respite_forms.get(s.respite_form)
                rows.append((_mark(p.name, self.flag(p.illustrative)), form.name_lt if form else s.respite_form,
                             ", ".join(self.ref.group_name(g) for g in s.target_groups) or "–", _count(s.places)))
        if not rows:
            return [Block("paragraph", text="Laikino atokvėpio paslaugos vietos pagal formas nenurodytos.")]
        return [Block("table", caption="Laikino atokvėpio paslaugos vietos pagal teikimo formas",
                      header=("Teikėjas", "Forma", "Gavėjų grupės", "Vietų"), rows=tuple(rows),
                      widths=(28, 34, 28, 10), numeric=(False, False, False, True))]

    def staff(self) -> list[Block]:
        """Staff by the categories SADM uses (with FTE) and accreditations, supervision and respite apart."""
        providers = self.plan.analysis.providers
        staffed = [p for p in providers if p.staff is not None]
        blocks: list[Block] = []
        if staffed:
            rows = []
            for p in staffed:
                s = p.staff
                assert s is not None
                rows.append((_mark(p.name, self.flag(p.illustrative)), _count(s.social_workers),
                             _count(s.social_worker_assistants), _count(s.care_coordinators), _count(s.other),
                             _count(s.fte)))
            blocks.append(Block("table", caption="Teikėjų darbuotojai pagal kategorijas",
                                header=("Teikėjas", "Socialiniai darbuotojai",
                                        "Padėjėjai, lankomosios priežiūros darbuotojai", "Globos koordinatoriai",
                                        "Kiti", "Etatai"),
                                rows=tuple(rows), widths=(30, 14, 20, 14, 10, 12),
                                numeric=(False, True, True, True, True, True)))
        accredited = [(p, a) for p in providers for a in p.accreditations]
        if accredited:
            rows_a: list[tuple[str, ...]] = []
            for p, a in accredited:
                dates = " – ".join(long_date(d) for d in (a.date, a.revoked) if d is not None) or "–"
                rows_a.append((p.name, self.ref.service_name(a.service), _AREAS.get(a.area or "", "–"), dates))
            blocks.append(Block("table", caption="Akredituota socialinė priežiūra ir laikino atokvėpio paslauga",
                                header=("Teikėjas", "Paslauga", "Akreditavimo sritis", "Suteikta – panaikinta"),
                                rows=tuple(rows_a), widths=(30, 30, 20, 20), numeric=(False, False, False, False)))
        return blocks or [Block("paragraph", text="Darbuotojų ir akreditacijų duomenys nepateikti.")]
