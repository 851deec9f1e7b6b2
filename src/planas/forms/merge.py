"""Merging the answers of filled forms into the plan's YAML, keeping comments, key order and the rest.

The plan is edited as a ruamel.yaml round-trip document: a value the form
gives and the plan already holds is left untouched (its comments and its
spelling stay); a different value replaces it; a new key is put where the
model orders it. An empty answer changes nothing, and nothing is deleted: a
row the provider removed is reported (W1830) and kept. Projects and proposals
have no place in a plan's data: each is reported (W1831, W1832) for the
planner to read, never silently dropped.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarfloat import ScalarFloat

from planas.errors import UsageError
from planas.findings import Finding, make_params
from planas.forms.cells import shown
from planas.forms.layout import SERVICE_LEVEL, SERVICES_SHEET
from planas.forms.prefill import service_rows
from planas.forms.reading import Cell, FormAnswers, ServiceAnswer
from planas.loading.positional import protect_line_breaks, restore_line_breaks
from planas.model import Plan
from planas.model.plan import (
    Analysis,
    Licence,
    Price,
    Provider,
    ProviderService,
    Provision,
    ProvisionYear,
    Staff,
)
from planas.reference import Reference
from planas.validation.registry import RULES

_SERVICE_LEVEL_LT = {"places": ("vietų skaičius", "places"),
                     "max_daily_visitors": ("lankytojų per dieną", "daily visitors"),
                     "price_amount": ("kaina", "price"), "price_unit": ("kainos vienetas", "price unit")}


@dataclass(frozen=True)
class MergeResult:
    """The merged plan's text (None when a form had errors: nothing is merged) and the merge's findings."""

    text: str | None
    findings: tuple[Finding, ...]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the planner's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _order(model: Any) -> tuple[str, ...]:
    return tuple(model.model_fields)


def _equal(old: Any, new: Any) -> bool:
    if isinstance(new, Decimal) or isinstance(old, float):
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except ArithmeticError:
            return False
    return bool(old == new) and type(old) is not bool


def _scalar(value: Any, money: bool = False) -> Any:
    """A value as the YAML document holds it: money with two decimals (5.20), counts as integers."""
    if isinstance(value, Decimal):
        if money:
            text = f"{value:.2f}"
            return ScalarFloat(float(text), width=len(text), prec=text.index("."), m_lead0=0)
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    return value


def _put(mapping: Any, key: str, value: Any, order: Sequence[str], money: bool = False) -> None:
    """Set `key` unless it already holds `value`; a new key goes where the model orders it."""
    if value is None:
        return
    if key in mapping:
        if not _equal(mapping[key], value):
            mapping[key] = _scalar(value, money)
        return
    rank = order.index(key) if key in order else len(order)
    position = len(mapping)
    for index, existing in enumerate(mapping):
        if existing in order and order.index(existing) > rank:
            position = index
            break
    mapping.insert(position, key, _scalar(value, money))


def _child(mapping: Any, key: str, order: Sequence[str], factory: type = CommentedMap) -> Any:
    if not isinstance(mapping.get(key), (dict, list)):
        _put(mapping, key, factory(), order)
    return mapping[key]


@dataclass
class _Merge:
    plan: Plan
    reference: Reference
    document: Any
    findings: list[Finding]

    def report(self, file: str, code: str, params: dict[str, str], cell: Cell | None, path: str = "") -> None:
        """Add a finding at the cell (or at `path`, a sheet, when no single cell is concerned)."""
        row, column = (cell.row, cell.column) if cell is not None else (1, 1)
        self.findings.append(Finding(file, row, column, code, RULES[code].severity,
                                     cell.name if cell is not None else path, make_params(params)))

    @property
    def analysis(self) -> Any:
        """The plan's `analysis` mapping."""
        return _child(self.document, "analysis", _order(Plan))

    def providers(self) -> Any:
        """The plan's `analysis.providers` list (made, in the model's place, when the plan has none)."""
        return _child(self.analysis, "providers", _order(Analysis), CommentedSeq)


def merge_forms(plan_text: str, plan_file: str, plan: Plan, forms: Sequence[FormAnswers],
                reference: Reference) -> MergeResult:
    """The plan's text with every form's answers merged in (forms already read without errors)."""
    protected, back = protect_line_breaks(plan_text)
    yaml = _yaml()
    try:
        document = yaml.load(protected)
    except YAMLError as error:
        raise UsageError(f"{plan_file}: nepavyko perskaityti YAML ({str(error).splitlines()[0]})") from None
    merge = _Merge(plan, reference, document, [])
    owners: dict[str, str] = {}
    for form in forms:
        if form.provider and form.provider in owners:
            merge.report(form.file, "E1822", {"ref": form.provider, "other": owners[form.provider]}, None)
            continue
        owners[form.provider or form.file] = form.file
        _merge_form(merge, form)
    if any(f.severity.value == "error" for f in merge.findings):
        return MergeResult(None, tuple(merge.findings))
    stream = io.StringIO()
    yaml.dump(document, stream)
    return MergeResult(restore_line_breaks(stream.getvalue(), back), tuple(merge.findings))


def _new_id(name: str, taken: set[str]) -> str:
    """A provider id from its name: ASCII letters of the words' initials (`Vaikų dienos centras` -> `vdc`)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    base = "".join(word[0] for word in words)[:12] or "teikejas"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{number}", number + 1
    return candidate


def _merge_form(merge: _Merge, form: FormAnswers) -> None:
    if not form.provider and not form.answered:
        return  # the blank form, sent back untouched
    providers = merge.providers()
    if form.provider:
        node = next(p for p in providers if isinstance(p, dict) and p.get("id") == form.provider)
        model = next(p for p in merge.plan.analysis.providers if p.id == form.provider)
    else:
        taken = {str(p.get("id")) for p in providers if isinstance(p, dict)}
        node = CommentedMap()
        node["id"] = _new_id(str(form.institution.get("name", "")), taken)
        providers.append(node)
        model = None
    provider_id = str(node["id"])
    _institution(node, form)
    for service, when, _cell in form.accreditations:
        _accreditation(node, service, when)
    _services(merge, node, provider_id, form)
    if model is not None:
        answered = {(a.values["service"], a.values.get("group", "")) for a in form.services}
        for row in service_rows(merge.plan, model):
            service, group = row.key
            if (service, group) not in answered:
                merge.report(form.file, "W1830", {"service": merge.reference.service_name(service),
                                                  "group": merge.reference.group_name(group) if group else "–"},
                             None, SERVICES_SHEET)
    for values, cell in form.projects:
        merge.report(form.file, "W1831", {"title": shown(values.get("title", values.get("description", "")))}, cell)
    for text, cell in form.proposals:
        merge.report(form.file, "W1832", {"excerpt": shown(text)}, cell)


def _institution(node: Any, form: FormAnswers) -> None:
    order = _order(Provider)
    for key in ("name", "owner", "institution_type", "address"):
        _put(node, key, form.institution.get(key), order)
    if "licence.number" in form.institution or "licence.date" in form.institution:
        licence = _child(node, "licence", order)
        _put(licence, "number", form.institution.get("licence.number"), _order(Licence))
        _put(licence, "date", form.institution.get("licence.date"), _order(Licence))
    staff_keys = ("social_workers", "social_worker_assistants", "other")
    if any(f"staff.{key}" in form.institution for key in staff_keys):
        staff = _child(node, "staff", order)
        for key in staff_keys:
            _put(staff, key, form.institution.get(f"staff.{key}"), _order(Staff))


def _accreditation(node: Any, service: str, when: date | None) -> None:
    accreditations = _child(node, "accreditations", _order(Provider), CommentedSeq)
    known = next((a for a in accreditations if isinstance(a, dict) and a.get("service") == service), None)
    if known is None:
        known = CommentedMap()
        known["service"] = service
        accreditations.append(known)
    _put(known, "date", when, ("service", "date"))


def _service_level(merge: _Merge, form: FormAnswers, rows: list[ServiceAnswer]) -> dict[str, Any]:
    """The service's own values (places, visitors, price) from its rows: equal where given, else E1819."""
    values: dict[str, Any] = {}
    first_row: dict[str, int] = {}
    for answer in rows:
        for key in SERVICE_LEVEL:
            if key not in answer.values:
                continue
            if key in values and not _equal(values[key], answer.values[key]):
                lt, en = _SERVICE_LEVEL_LT[key]
                merge.report(form.file, "E1819", {
                    "service": merge.reference.service_name(answer.values["service"]), "what": lt, "what_en": en,
                    "other": str(first_row[key]), "first": shown(values[key]), "value": shown(answer.values[key]),
                }, answer.cells[key])
                continue
            values[key], first_row[key] = answer.values[key], answer.row
    return values


def _services(merge: _Merge, node: Any, provider_id: str, form: FormAnswers) -> None:
    by_service: dict[str, list[ServiceAnswer]] = {}
    for answer in form.services:
        by_service.setdefault(answer.values["service"], []).append(answer)
    services = _child(node, "services", _order(Provider), CommentedSeq) if by_service else None
    for code, rows in by_service.items():
        assert services is not None
        entry = next((s for s in services if isinstance(s, dict) and s.get("service") == code), None)
        if entry is None:
            entry = CommentedMap()
            entry["service"] = code
            services.append(entry)
        groups = [a.values["group"] for a in rows if a.values.get("group")]
        if groups:
            known = _child(entry, "target_groups", _order(ProviderService), CommentedSeq)
            known.extend(g for g in dict.fromkeys(groups) if g not in known)
        level = _service_level(merge, form, rows)
        order = _order(ProviderService)
        _put(entry, "places", level.get("places"), order)
        _put(entry, "max_daily_visitors", level.get("max_daily_visitors"), order)
        _price(merge, form, entry, level, rows[0])
        for answer in rows:
            if answer.values.get("group"):
                _provision(merge, provider_id, code, answer)


def _price(merge: _Merge, form: FormAnswers, entry: Any, level: dict[str, Any],
           first: ServiceAnswer) -> None:
    amount, unit = level.get("price_amount"), level.get("price_unit")
    if amount is None and unit is None:
        return
    price = entry.get("price")
    if amount is None and not isinstance(price, dict):
        return  # a unit alone prices nothing; the plan stays as it is
    if unit is None and not (isinstance(price, dict) and price.get("unit")):
        merge.report(form.file, "E1820", {"service": merge.reference.service_name(first.values["service"])},
                     first.cells["price_unit"])
        return
    price = _child(entry, "price", _order(ProviderService))
    _put(price, "amount", amount, _order(Price), money=True)
    _put(price, "unit", unit, _order(Price))


def _provision(merge: _Merge, provider_id: str, service: str, answer: ServiceAnswer) -> None:
    figures = {key: answer.values.get(key) for key in ("recipients", "waiting", "planned")}
    if all(value is None for value in figures.values()):
        return
    year = merge.plan.metadata.year
    records = _child(merge.analysis, "provision", _order(Analysis), CommentedSeq)
    group = answer.values["group"]
    record = next((r for r in records if isinstance(r, dict) and r.get("service") == service
                   and r.get("target_group") == group and r.get("provider") == provider_id), None)
    if record is None:
        record = CommentedMap()
        record["service"], record["target_group"], record["provider"] = service, group, provider_id
        records.append(record)
    years = _child(record, "years", _order(Provision))
    order = _order(ProvisionYear)
    if figures["recipients"] is not None or figures["waiting"] is not None:
        last = years.get(year - 1)
        if not isinstance(last, dict):
            last = CommentedMap()
            _insert_year(years, year - 1, last)
        if figures["recipients"] is not None and last.get("provisional") is True:
            del last["provisional"]  # the fact has come: last year's planned figure is replaced
            last["recipients"] = figures["recipients"]
        _put(last, "recipients", figures["recipients"], order)
        _put(last, "waiting", figures["waiting"], order)
    if figures["planned"] is not None:
        this = years.get(year)
        if not isinstance(this, dict):
            this = CommentedMap()
            _insert_year(years, year, this)
        _put(this, "planned", figures["planned"], order)


def _insert_year(years: Any, year: int, value: CommentedMap) -> None:
    """A year's entry in year order among the others (flow style kept by the document)."""
    position = next((i for i, key in enumerate(years) if isinstance(key, int) and key > year), len(years))
    if any(isinstance(v, CommentedMap) and v.fa.flow_style() for v in years.values()):
        value.fa.set_flow_style()  # the plan writes its years as {recipients: 31, waiting: 3}
    years.insert(position, year, value)


__all__ = ["MergeResult", "merge_forms"]
