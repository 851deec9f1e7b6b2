"""The blocks of the 2025+ form (A1-368_2024) read back as the document shows them.

Needs assessment, the factors behind needs, unmet need, development norms, funding
need against allocated funds, dependency prevention, staff and accreditations, and
respite places by form: each from its section's paragraphs and tables, in the
wording `render/regime2025.py` prints (and the synonyms of `import_vocabulary.yaml`).
Each reader returns the tables it did not recognise, for the generic table readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from planas.criteria import VARIABLE_TITLES
from planas.importing.context import ImportContext, unstar
from planas.importing.document import Paragraph, Row
from planas.importing.findings import Where
from planas.importing.matching import Names, normalise, slug
from planas.importing.tablemaps import keep_rows
from planas.importing.tables import TableView
from planas.importing.values import as_count, is_empty, money, parse_date, parse_number
from planas.validation.regime2025 import RESPITE_SERVICE

Prose = Callable[[list[Paragraph]], str]
Reader = Callable[[ImportContext, list[Paragraph], list[TableView], Prose], list[TableView]]

_ILLUSTRATIVE = re.compile(r"^\*\s*Tekstas iliustracinis\.?$")
_METHODS_LEAD = "Poreikiai vertinti remiantis:"
_PERIOD_LEAD = "Vertinimo laikotarpis:"
_MEASURES_LEAD = "Priklausomumo prevencijai skirtos priemonės:"
_SERVICES_LEAD = "Paslaugos:"
_NORM_MARK = "†"
_CAPTION_YEAR = re.compile(r"\b(20[0-9]{2})\s*m\.")


def _headers(tv: TableView) -> tuple[str, ...]:
    return tuple(slug(c.path, "s") if c.path else "" for c in tv.columns)


def _find(tables: list[TableView], headers: tuple[str, ...]) -> TableView | None:
    """The first table whose headers begin with these slugs (it is taken out of the list)."""
    for tv in tables:
        if _headers(tv)[:len(headers)] == headers:
            tables.remove(tv)
            return tv
    return None


def _phrase(table: dict[str, tuple[str, ...]], text: str) -> str | None:
    key = normalise(text)
    return next((code for code, phrases in table.items() if key in {normalise(p) for p in phrases}), None)


def _names(names: Names, text: str) -> list[str]:
    """Codes named in a comma-separated list whose names may hold commas themselves (joined greedily)."""
    codes: list[str] = []
    pending = ""
    for piece in (p.strip() for p in unstar(text)[0].rstrip(".").split(",")):
        pending = f"{pending}, {piece}" if pending else piece
        code = names.by_name.get(normalise(pending))
        if code is not None:
            if code not in codes:
                codes.append(code)
            pending = ""
    return codes


def _quantity(text: str) -> int | Decimal | None:
    number = parse_number(unstar(text.replace(_NORM_MARK, ""))[0])
    if number is None:
        return None
    whole = as_count(number)
    return whole if whole is not None else number.value


def _text(paragraphs: list[Paragraph], prose: Prose) -> tuple[str | None, bool]:
    """The block's prose without the renderer's note that it is illustrative; whether the note was there."""
    kept = [p for p in paragraphs if not _ILLUSTRATIVE.match(p.text.strip())]
    return (prose(kept) or None), len(kept) != len(paragraphs)


def _prose_into(block: dict[str, Any], key: str, paragraphs: list[Paragraph], prose: Prose) -> None:
    """A block's prose under `key`, and its illustrative flag where the renderer's note said so."""
    text, illustrative = _text(paragraphs, prose)
    if text:
        block[key] = text
    if illustrative:
        block["illustrative"] = True


def _put(ctx: ImportContext, keys: tuple[str, ...], block: dict[str, Any], where: Where) -> None:
    block["source"] = ctx.source(where)
    node = ctx.draft.section(*keys[:-1])
    node[keys[-1]] = block


def _plain_text(paragraphs: list[Paragraph], prose: Prose) -> dict[str, Any]:
    """`{"text": …}` of a block whose items, not the block, carry the illustrative mark; `{}` without prose."""
    text, _ = _text(paragraphs, prose)
    return {"text": text} if text else {}


def _placed(ctx: ImportContext, keys: tuple[str, ...], block: dict[str, Any], paragraphs: list[Paragraph],
            tables: list[TableView]) -> list[TableView]:
    """Put a block that holds anything into the draft, sourced at its first paragraph or table; the tables."""
    if block:
        _put(ctx, keys, block, _first(paragraphs, tables))
    return tables


def _first(paragraphs: list[Paragraph], tables: list[TableView]) -> Where:
    if paragraphs:
        return Where(paragraph=paragraphs[0].number)
    return Where(tables[0].table.number) if tables else Where()


def read_needs_assessment(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                          prose: Prose) -> list[TableView]:
    """`Poreikiai vertinti remiantis: …`, `Vertinimo laikotarpis: … – …`, then the findings."""
    block: dict[str, Any] = {}
    rest: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if text.startswith(_METHODS_LEAD):
            pieces = text.removeprefix(_METHODS_LEAD).rstrip(".").split(",")
            block["methods"] = [m for m in (_phrase(ctx.vocabulary.assessment_methods, p) for p in pieces) if m]
        elif text.startswith(_PERIOD_LEAD):
            dates = [parse_date(d) for d in re.split(r"\s[–—-]\s", text.removeprefix(_PERIOD_LEAD))]
            block.update({k: d for k, d in zip(("period_from", "period_to"), dates, strict=False) if d})
        else:
            rest.append(paragraph)
    _prose_into(block, "findings", rest, prose)
    return _placed(ctx, ("analysis", "needs_assessment"), block, paragraphs, tables)


def _groups(ctx: ImportContext, text: str) -> list[str]:
    return [] if is_empty(text) else _names(ctx.names.groups, text)


def read_need_factors(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                      prose: Prose) -> list[TableView]:
    """The text, and the table Veiksnys / Poveikis paslaugų poreikiui / Gavėjų grupės."""
    block = _plain_text(paragraphs, prose)
    tv = _find(tables, ("veiksnys", "poveikis_paslaugu_poreikiui", "gaveju_grupes"))
    for row in tv.data_rows() if tv is not None else []:
        factor, starred = unstar(row.text_at(0))
        if not factor:
            continue
        item: dict[str, Any] = {"factor": factor}
        if not is_empty(row.text_at(1)):
            item["effect"] = row.text_at(1).strip()
        item["target_groups"] = _groups(ctx, row.text_at(2))
        if starred:
            item["illustrative"] = True
        block.setdefault("items", []).append(item)
    return _placed(ctx, ("analysis", "need_factors"), block, paragraphs, tables)


def _unread(ctx: ImportContext, tv: TableView, row: Row, names: dict[str, str]) -> None:
    """A row whose service, group or provider is not known: a finding for each, the row kept as typed."""
    lists = {"service": ("W2102", ctx.names.services), "group": ("W2103", ctx.names.groups)}
    for kind, name in names.items():
        if kind == "provider":
            ctx.findings.add("W2106", Where(tv.table.number, row.number), name=name[:80] or "–")
        elif kind in lists:
            code, known = lists[kind]
            nearest = ", ".join(known.find(name).nearest) or "–"
            ctx.findings.add(code, Where(tv.table.number, row.number), name=name[:80] or "–", nearest=nearest)
        else:
            ctx.findings.add("W2115", Where(tv.table.number, row.number),
                             caption=f"{unstar(tv.table.caption)[0]}: {name}"[:80])
    keep_rows(ctx, tv, [row], "eilutė neatpažinta")


def _total_row(ctx: ImportContext, row: Row) -> bool:
    return normalise(row.text_at(0)) in {normalise(t) for t in ctx.vocabulary.totals}


def read_unmet_need(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                    prose: Prose) -> list[TableView]:
    """The text, and the table Paslauga / Gavėjų grupė / Asmenų / Priežastis (its `Iš viso` row computed)."""
    block = _plain_text(paragraphs, prose)
    tv = _find(tables, ("paslauga", "gaveju_grupe", "asmenu", "priezastis"))
    if tv is not None:
        block.update(_unmet_items(ctx, tv))
    return _placed(ctx, ("analysis", "unmet_need"), block, paragraphs, tables)


def _unmet_items(ctx: ImportContext, tv: TableView) -> dict[str, Any]:
    block: dict[str, Any] = {}
    for row in tv.data_rows():
        name, starred = unstar(row.text_at(0))
        service = ctx.names.services.find(name).code
        group = ctx.names.groups.find(row.text_at(1)).code
        if _total_row(ctx, row):
            continue
        if service is None or group is None:
            unknown = {"service": name} if service is None else {}
            _unread(ctx, tv, row, {**unknown, **({"group": row.text_at(1)} if group is None else {})})
            continue
        item: dict[str, Any] = {"service": service, "target_group": group}
        persons = as_count(parse_number(row.text_at(2)))
        if persons is not None:
            item["persons"] = persons
        item["reason"] = row.text_at(3).strip()
        if starred:
            item["illustrative"] = True
        block.setdefault("items", []).append(item)
    return block


def read_development_norms(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                           prose: Prose) -> list[TableView]:
    """The text, and the table of norms: the planners' value marked †, the actual and the planned value."""
    block = _plain_text(paragraphs, prose)
    tv = _find(tables, ("normatyvas", "mat_vnt", "normatyvas", "esama", "planuojama", "normatyvo_aktas"))
    used: set[str] = set()
    for row in tv.data_rows() if tv is not None else []:
        norm, starred = unstar(row.text_at(0))
        if not norm:
            continue
        ident = slug(norm, "n")
        while ident in used:
            ident += "_2"
        used.add(ident)
        item: dict[str, Any] = {"id": ident, "norm": norm}  # the id is never printed: made from the norm
        values = {"unit": None if is_empty(row.text_at(1)) else row.text_at(1).strip(),
                  "norm_value": _quantity(row.text_at(2)), "actual": _quantity(row.text_at(3)),
                  "planned": _quantity(row.text_at(4)),
                  "norm_act": None if is_empty(row.text_at(5)) else row.text_at(5).strip()}
        item.update({k: v for k, v in values.items() if v is not None})
        if starred:
            item["illustrative"] = True
        block.setdefault("items", []).append(item)
    return _placed(ctx, ("analysis", "development_norms"), block, paragraphs, tables)


def _sums(ctx: ImportContext, tv: TableView, row: Row) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for column in tv.columns[2:-1]:
        code = ctx.names.funding.find(column.path).code
        value = parse_number(unstar(row.text_at(column.index))[0])
        if code is not None and value is not None:
            sums[code] = money(value.value)
    return sums


def _funding_items(ctx: ImportContext, tv: TableView) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for row in tv.data_rows():
        label = normalise(row.text_at(1))
        if _total_row(ctx, row):
            break  # the totals below the items are computed
        if label == "reikia" and row.text_at(0).strip():
            name, starred = unstar(row.text_at(0))
            item: dict[str, Any] = {}
            service = ctx.names.services.find(name).code
            if service is not None:
                item["service"] = service
            item["needed"] = _sums(ctx, tv, row)
            if starred:
                item["illustrative"] = True
            items.append(item)
        elif label == "skirta" and items:
            items[-1]["allocated"] = _sums(ctx, tv, row)
    return items


def read_funding_need(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                      prose: Prose) -> list[TableView]:
    """The text, and the table of funds needed and allocated by source (`reikia` / `skirta` rows)."""
    block: dict[str, Any] = {}
    tv = _find(tables, ("paslauga", ""))
    year = _CAPTION_YEAR.search(tv.table.caption) if tv is not None else None
    if year is not None:
        block["year"] = int(year.group(1))
    block.update(_plain_text(paragraphs, prose))
    if tv is not None:
        block["items"] = _funding_items(ctx, tv)
    return _placed(ctx, ("analysis", "funding_need"), block, paragraphs, tables)


def read_dependency_prevention(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                               prose: Prose) -> list[TableView]:
    """The text, `Priklausomumo prevencijai skirtos priemonės:` with the measures' numbers, `Paslaugos: …`."""
    block: dict[str, Any] = {}
    rest: list[Paragraph] = []
    in_measures = False
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if text == _MEASURES_LEAD:
            in_measures = True
        elif in_measures and paragraph.label == "•":
            block.setdefault("measures", []).append(text.split()[0].rstrip("."))
        elif text.startswith(_SERVICES_LEAD):
            block["services"] = _names(ctx.names.services, text.removeprefix(_SERVICES_LEAD))
        else:
            in_measures = False
            rest.append(paragraph)
    _prose_into(block, "text", rest, prose)
    return _placed(ctx, ("action_plan", "dependency_prevention"), block, paragraphs, tables)


_STAFF_KEYS = ("social_workers", "social_worker_assistants", "care_coordinators", "other", "fte")


def _provider(ctx: ImportContext, text: str) -> dict[str, Any] | None:
    ident = ctx.provider_id(unstar(text)[0])
    providers: list[dict[str, Any]] = ctx.draft.data.get("analysis", {}).get("providers", [])
    return next((p for p in providers if p["id"] == ident), None) if ident else None


def _staff(ctx: ImportContext, tv: TableView) -> None:
    for row in tv.data_rows():
        provider = _provider(ctx, row.text_at(0))
        if provider is None:
            _unread(ctx, tv, row, {"provider": unstar(row.text_at(0))[0]})
            continue
        values = {key: _quantity(row.text_at(index)) for index, key in enumerate(_STAFF_KEYS, start=1)}
        staff = provider.setdefault("staff", {})
        staff.update({k: v for k, v in values.items() if v is not None})
        provider["staff"] = {k: staff[k] for k in _STAFF_KEYS if k in staff}


def _accreditations(ctx: ImportContext, tv: TableView) -> None:
    for row in tv.data_rows():
        provider = _provider(ctx, row.text_at(0))
        service = ctx.names.services.find(row.text_at(1)).code
        if provider is None or service is None:
            _unread(ctx, tv, row, {k: v for k, v, known in (("provider", unstar(row.text_at(0))[0], provider),
                                                             ("service", row.text_at(1), service)) if known is None})
            continue
        item: dict[str, Any] = {"service": service}
        dates = [parse_date(d) for d in re.split(r"\s[–—-]\s", row.text_at(3))]
        if dates and dates[0] is not None:
            item["date"] = dates[0]
        area = _phrase(ctx.vocabulary.accreditation_areas, row.text_at(2))
        if area is not None:
            item["area"] = area
        if len(dates) > 1 and dates[1] is not None:
            item["revoked"] = dates[1]
        provider.setdefault("accreditations", []).append(item)


def read_staff(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
               prose: Prose) -> list[TableView]:
    """Staff by category (with FTE) and the accreditations, onto the providers the plan lists."""
    staff = _find(tables, ("teikejas", "socialiniai_darbuotojai"))
    if staff is not None:
        _staff(ctx, staff)
    accredited = _find(tables, ("teikejas", "paslauga", "akreditavimo_sritis"))
    if accredited is not None:
        _accreditations(ctx, accredited)
    return tables


def read_respite(ctx: ImportContext, paragraphs: list[Paragraph], tables: list[TableView],
                 prose: Prose) -> list[TableView]:
    """Respite places by form: the form set on the provider's respite service with these groups and places."""
    tv = _find(tables, ("teikejas", "forma", "gaveju_grupes", "vietu"))
    if tv is not None:
        _respite_forms(ctx, tv)
    return tables


def _respite_forms(ctx: ImportContext, tv: TableView) -> None:
    forms = {normalise(f.name_lt): f for f in ctx.reference.respite_forms.values()}
    for row in tv.data_rows():
        provider = _provider(ctx, row.text_at(0))
        form = forms.get(normalise(row.text_at(1)))
        if provider is None:
            _unread(ctx, tv, row, {"provider": unstar(row.text_at(0))[0]})
            continue
        groups, places = set(_groups(ctx, row.text_at(2))), as_count(parse_number(row.text_at(3)))
        matching = [s for s in provider.get("services", []) if s["service"] == RESPITE_SERVICE
                    and "respite_form" not in s and set(s.get("target_groups", [])) == groups
                    and s.get("places") == places]
        if form is None or not matching:
            # an unknown form, or no respite service of the provider with these groups and places
            _unread(ctx, tv, row, {"row": f"{row.number} eilutė"})
            continue
        matching[0]["respite_form"] = form.id


READERS: dict[str, Reader] = {
    "poreikiu_vertinimas": read_needs_assessment, "poreikiu_veiksniai": read_need_factors,
    "darbuotojai": read_staff, "laikinas_atokvepis": read_respite, "nepatenkintas_poreikis": read_unmet_need,
    "normatyvai": read_development_norms, "lesu_poreikis": read_funding_need,
    "priklausomumo_prevencija": read_dependency_prevention,
}
"""Form section id (form_layouts.yaml) -> its reader."""


_K1_YEAR = re.compile(r"\b(20[0-9]{2})\s*m\.:\s*([0-9][0-9\s\u00a0\u202f]*)\s*/")


def _provision_sums(ctx: ImportContext, year: int) -> set[int]:
    """The year's recipients and planned recipients summed over the imported provision."""
    sums = {"recipients": 0, "planned": 0}
    for item in ctx.draft.data.get("analysis", {}).get("provision", []):
        values = item.get("years", {}).get(year, {})
        for key in sums:
            sums[key] += values.get(key) or 0
    return set(sums.values())


def read_distinct_recipients(ctx: ImportContext, tv: TableView) -> None:
    """The persons who received any service, by year, from the calculation the criteria table prints for K1.

    The document shows them only there (`2025 m.: 268 / 4 391 × 1000`); a year whose persons equal the
    provision's sum is the criterion's fallback to that sum, not a stated figure, and is not imported.
    """
    persons = VARIABLE_TITLES["persons"]
    for row in tv.data_rows():
        calculation = row.text_at(len(tv.columns) - 1)
        if row.text_at(0).strip() != "K1" or not calculation.startswith(persons):
            continue
        stated: dict[int, int] = {}
        for year_text, value_text in _K1_YEAR.findall(calculation):
            value = as_count(parse_number(value_text))
            if value is not None and value not in _provision_sums(ctx, int(year_text)):
                stated[int(year_text)] = value
        if stated:
            ctx.draft.section("analysis")["distinct_recipients"] = stated
        return
