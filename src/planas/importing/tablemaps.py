"""Tables -> plan items, by the concepts of their columns (see `tables`).

Each reader takes a `TableView` and fills the draft; a row it cannot place
(an unknown service, a row without its key) is kept verbatim among the
leftovers with a finding, never dropped. Totals are checked against the rows
above them and never imported as data.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from planas.importing.context import ImportContext, unstar
from planas.importing.document import Row
from planas.importing.findings import Where
from planas.importing.matching import normalise, slug
from planas.importing.tables import TableView, row_role, several_names
from planas.importing.values import (
    as_count,
    header_year,
    is_empty,
    money,
    parse_date,
    parse_deadline,
    parse_number,
)

_SOURCE_AMOUNT = re.compile(r"([A-ZĄČĘĖĮŠŲŪŽ]{1,4})\s*[–—:-]?\s*([0-9][0-9\s\u00a0\u202f.,]*[0-9]|[0-9])")
_JOINT = re.compile(r"^((?:[A-Z]{1,4}\s*,\s*)+[A-Z]{1,4})\s*[:–—-]\s*(.+)$")
_IDS = re.compile(r"\b([TP][0-9]{1,2})\b")
_SVP = re.compile(r"\bSVP\s+([0-9A-Za-z][0-9A-Za-z.\-]*[0-9A-Za-z])")
_STAFF = re.compile(r"^\s*([0-9]+|–|-)\s*/\s*([0-9]+|–|-)\s*/\s*([0-9]+|–|-)\s*$")
_PRICE = re.compile(r"^\s*([0-9][0-9\s.,]*)\s*(Eur\s*/\s*\S+|Eur)\s*$")
_INDICATOR_UNIT = re.compile(r"^(.*?)\s*\(([^()]{1,20})\)\s*$")


def _where(tv: TableView, row: Row, col: int | None = None) -> Where:
    return Where(tv.table.number, row.number, (col + 1) if col is not None else 0)


def _cell(tv: TableView, row: Row, concept: str) -> tuple[str, int | None]:
    column = tv.column(concept)
    if column is None:
        return "", None
    return row.text_at(column.index), column.index


def _attach_notes(ctx: ImportContext, tv: TableView, row: Row, path: tuple[str | int, ...]) -> None:
    """Footnotes and comments of a row's cells become comments beside the item (never lost)."""
    for cell in row.starts():
        for note in cell.notes:
            ctx.draft.comment(path, f"išnaša dokumente: {note}")
            ctx.findings.add("W2108", _where(tv, row, cell.col), kind="išnaša", text=note[:120])
        for comment in cell.comments:
            ctx.draft.comment(path, f"komentaras dokumente: {comment}")
            ctx.findings.add("W2108", _where(tv, row, cell.col), kind="komentaras", text=comment[:120])
    if not tv.header_notes_attached:  # a header's note explains its column: written once, beside the first item
        tv.header_notes_attached = True
        for header_note in tv.header_notes:
            ctx.draft.comment(path, f"{header_note.kind} prie stulpelio „{header_note.header}“: {header_note.text}")


def header_notes(ctx: ImportContext, tv: TableView) -> None:
    """Footnotes and comments on header cells: findings naming the header (they explain a column, not one item)."""
    for note in tv.header_notes:
        ctx.findings.add("W2108", Where(tv.table.number, note.row, note.col + 1),
                         kind=f"{note.kind} prie stulpelio „{note.header[:60]}“", text=note.text[:120])


def _number(ctx: ImportContext, tv: TableView, row: Row, index: int, thousands: bool = False) -> Decimal | None:
    text = row.text_at(index)
    if is_empty(text):
        return None
    column = tv.columns[index]
    number = parse_number(text, thousands or column.thousands)
    if number is None:
        ctx.findings.add("W2114", _where(tv, row, index), text=text[:60])
        return None
    if number.scaled:
        ctx.findings.add("W2105", _where(tv, row, index), text=text[:60], value=str(number.value))
    return number.value


def keep_rows(ctx: ImportContext, tv: TableView, rows: list[Row], reason: str) -> None:
    """Rows not imported as data, kept as typed (columns as the header names them)."""
    if not rows:
        return
    ctx.leftovers.append({
        "caption": tv.table.caption or f"{tv.table.number} lentelė",
        "table": tv.table.number,
        "columns": [c.path or f"{c.index + 1} stulpelis" for c in tv.columns],
        "rows": [[row.text_at(i) for i in range(tv.table.columns)] for row in rows],
        "reason": reason,
    })


class RowWalk:
    """The data rows of a table with their context rows, totals checked and non-data rows reported."""

    def __init__(self, ctx: ImportContext, tv: TableView, sum_concepts: tuple[str, ...] = ()) -> None:
        self.ctx, self.tv = ctx, tv
        self.sum_columns = [c.index for c in tv.columns if c.concept in sum_concepts]
        self.context = ""

    def rows(self) -> list[tuple[Row, str]]:
        """Data rows, each with the context (full-width row text) it falls under."""
        out: list[tuple[Row, str]] = []
        since_total: list[Row] = []
        for row in self.tv.data_rows():
            role = row_role(row, self.tv, self.ctx.vocabulary)
            where = _where(self.tv, row)
            if role == "data":
                out.append((row, self.context))
                since_total.append(row)
            elif role == "context":
                self.context = unstar(row.starts()[0].text)[0]
            elif role == "header_again":
                self.ctx.findings.add("W2111", where, role="antraštė pakartota")
            elif role == "subrow":
                self.ctx.findings.add("W2111", where, role="„iš jų“ eilutė")
            elif role == "total":
                qualified = self._check_total(row, since_total)
                if not qualified:
                    since_total = []
        return out

    def _qualifies(self, total: Row, rows: list[Row]) -> tuple[list[Row], bool]:
        """The rows a total sums: those of the year (and kind) its label names, else all since the last total."""
        label = normalise(total.starts()[0].text) if total.starts() else ""
        year = header_year(label)
        year_col = self.tv.column("year")
        if year is None or year_col is None:
            return rows, False
        kept = [r for r in rows if header_year(r.text_at(year_col.index)) == year]
        kind_col = self.tv.column("kind")
        if kind_col is not None:
            for phrases in self.ctx.vocabulary.finance_kinds.values():
                if any(normalise(p) in label for p in phrases):
                    kept = [r for r in kept if any(normalise(p) in normalise(r.text_at(kind_col.index))
                                                   for p in phrases)]
        return kept, True

    def _check_total(self, total: Row, all_rows: list[Row]) -> bool:
        rows, qualified = self._qualifies(total, all_rows)
        for index in self.sum_columns:
            stated = parse_number(total.text_at(index))
            if stated is None:
                continue
            values = [parse_number(r.text_at(index)) for r in rows]
            computed = sum((v.value for v in values if v is not None), Decimal(0))
            if computed != stated.value:
                self.ctx.findings.add("W2104", _where(self.tv, total, index), stated=str(stated.value),
                                      computed=str(computed))
        return qualified


def _illustrative(item: dict[str, Any], *starred: bool) -> None:
    if any(starred):
        item["illustrative"] = True


def _service(ctx: ImportContext, tv: TableView, row: Row, text: str, col: int | None) -> tuple[str | None, bool]:
    name, starred = unstar(text)
    match = ctx.names.services.find(name)
    if match.code is None:
        ctx.findings.add("W2102", _where(tv, row, col), name=name[:80],
                         nearest=", ".join(match.nearest) or "–")
    return match.code, starred


def _groups(ctx: ImportContext, tv: TableView, row: Row, text: str, col: int | None) -> list[str]:
    codes: list[str] = []
    for part in re.split(r"[,;\n]\s*(?=[A-ZĄČĘĖĮŠŲŪŽ])", text):
        name = unstar(part)[0]
        if is_empty(name):
            continue
        match = ctx.names.groups.find(name)
        if match.code is None:
            ctx.findings.add("W2103", _where(tv, row, col), name=name[:80], nearest=", ".join(match.nearest) or "–")
        elif match.code not in codes:
            codes.append(match.code)
    return codes


# --- providers ----------------------------------------------------------------------------------


def _owner(ctx: ImportContext, text: str) -> str | None:
    """The owner whose longest phrase begins the text (`Valstybės (SADM)` before `Valstybės`)."""
    key = normalise(text)
    best, length = None, 0
    for owner, phrases in ctx.vocabulary.owners.items():
        for phrase in map(normalise, phrases):
            if (key == phrase or key.startswith(phrase + " ")) and len(phrase) > length:
                best, length = owner, len(phrase)
    return best


def _coded(ctx: ImportContext, tv: TableView, row: Row, path: tuple[str | int, ...], concept: str) -> str:
    """The provider's owner or institution type; an unrecognised one is guessed, marked and reported."""
    text, col = _cell(tv, row, concept)
    if concept == "owner":
        found, guess, what = _owner(ctx, text), "savivaldybe", "savininkas"
    else:
        found, guess, what = ctx.names.institution_types.find(unstar(text)[0]).code, "kita", "įstaigos tipas"
    if found is not None:
        return found
    ctx.draft.comment((*path, concept), f"{what} dokumente: „{text}“ – neatpažintas, įrašyta „{guess}“")
    ctx.findings.add("W2107", _where(tv, row, col), what=what, value=text[:40] or "–")
    return guess


def _provider_details(tv: TableView, row: Row, item: dict[str, Any]) -> None:
    """Address, licence (`L000000-0000, 2016 m. gegužės 10 d.`) and staff (`7 / 12 / 4`)."""
    address, _ = _cell(tv, row, "address")
    if address and not is_empty(address):
        item["address"] = address
    licence_text, _ = _cell(tv, row, "licence")
    if licence_text and not is_empty(licence_text):
        licence: dict[str, Any] = {"number": licence_text.split(",")[0].strip()}
        date = parse_date(licence_text)
        if date is not None:
            licence["date"] = date
        item["licence"] = licence
    staff_text, _ = _cell(tv, row, "staff")
    staff = _STAFF.match(staff_text or "")
    if staff:
        keys = ("social_workers", "social_worker_assistants", "other")
        values = {k: int(v) for k, v in zip(keys, staff.groups(), strict=True) if v.isdigit()}
        if values:
            item["staff"] = values


def read_providers(ctx: ImportContext, tv: TableView) -> None:
    """A providers table: name, owner, institution type, licence, staff."""
    for row, _ in RowWalk(ctx, tv).rows():
        name, starred = unstar(_cell(tv, row, "provider")[0])
        if not name:
            keep_rows(ctx, tv, [row], "teikėjo pavadinimo nėra")
            continue
        provider_id = slug(name, "teikejas")
        while provider_id in ctx.providers.values():
            provider_id += "_2"
        item: dict[str, Any] = {"id": provider_id, "name": name}
        path = ctx.draft.append(("analysis", "providers"), item)
        item["owner"] = _coded(ctx, tv, row, path, "owner")
        item["institution_type"] = _coded(ctx, tv, row, path, "institution_type")
        _provider_details(tv, row, item)
        _illustrative(item, starred)
        item["source"] = ctx.source(_where(tv, row))
        ctx.providers[normalise(name)] = provider_id
        _attach_notes(ctx, tv, row, path)


def _service_entry(ctx: ImportContext, tv: TableView, row: Row, code: str) -> dict[str, Any]:
    """One provider's service from a row: groups, places, price."""
    entry: dict[str, Any] = {"service": code}
    groups_text, groups_col = _cell(tv, row, "target_group")
    groups = _groups(ctx, tv, row, groups_text, groups_col)
    if groups:
        entry["target_groups"] = groups
    places = tv.column("places")
    if places is not None:
        value = as_count(parse_number(row.text_at(places.index)))
        if value is not None:
            entry["places"] = value
    price_text, _ = _cell(tv, row, "price")
    price = _PRICE.match(price_text or "")
    if price:
        amount = parse_number(price.group(1))
        if amount is not None:
            entry["price"] = {"amount": money(amount.value), "unit": price.group(2).replace(" ", "")}
    return entry


def read_provider_services(ctx: ImportContext, tv: TableView) -> None:
    """A table of the providers' services: provider, service, groups, places, price.

    A provider cell naming several providers (`Centras, Seniūnija`) gives the service to each (W2132).
    """
    providers: list[dict[str, Any]] = ctx.draft.data.get("analysis", {}).get("providers", [])
    by_id = {p["id"]: p for p in providers}
    left: list[Row] = []
    last_provider = ""
    for row, _ in RowWalk(ctx, tv).rows():
        provider_text, provider_col = _cell(tv, row, "provider")
        provider_text = unstar(provider_text)[0] or last_provider
        last_provider = provider_text
        names = _provider_names(ctx, provider_text)
        ids = [ctx.provider_id(name) for name in names]
        service_text, service_col = _cell(tv, row, "service")
        code, _ = _service(ctx, tv, row, service_text, service_col)
        for name, provider_id in zip(names, ids, strict=True):
            if provider_id is None:
                ctx.findings.add("W2106", _where(tv, row), name=name[:80] or "–")
        if None in ids or code is None:
            left.append(row)
            continue
        if len(ids) > 1:
            ctx.findings.add("W2132", _where(tv, row, provider_col), count=len(ids), names="; ".join(names)[:160])
        for provider_id in ids:
            by_id[str(provider_id)].setdefault("services", []).append(_service_entry(ctx, tv, row, code))
    keep_rows(ctx, tv, left, "teikėjas ar paslauga neatpažinti")


# --- provision ------------------------------------------------------------------------------------


def _provision_years(ctx: ImportContext, tv: TableView, row: Row) -> dict[int, dict[str, Any]]:
    years: dict[int, dict[str, Any]] = {}
    for column in tv.columns:
        if column.concept not in ("recipients", "waiting", "planned") or column.year is None:
            continue
        text = row.text_at(column.index)
        value = as_count(parse_number(text))
        if value is None and not is_empty(text):
            ctx.findings.add("W2114", _where(tv, row, column.index), text=text[:60])
        if value is not None:
            years.setdefault(column.year, {})[column.concept] = value
    return dict(sorted(years.items()))


def _provision_group(ctx: ImportContext, tv: TableView, row: Row) -> tuple[str | None, bool]:
    """The row's target group (None: named but unknown), and whether it was guessed (no group column)."""
    group_text, group_col = _cell(tv, row, "target_group")
    groups = _groups(ctx, tv, row, group_text, group_col) if group_col is not None else []
    if groups:
        return groups[0], False
    if group_col is not None and not is_empty(group_text):
        return None, False
    ctx.findings.add("W2107", _where(tv, row), what="gavėjų grupė", value="–")
    return "asmenys_ir_seimos", True


def read_provision(ctx: ImportContext, tv: TableView) -> None:
    """Recipients, waiting lists and planned recipients by service, group, provider and year."""
    left: list[Row] = []
    for row, _ in RowWalk(ctx, tv, ("recipients", "waiting", "planned")).rows():
        service_text, service_col = _cell(tv, row, "service")
        code, starred = _service(ctx, tv, row, service_text, service_col)
        group, guessed = _provision_group(ctx, tv, row) if code is not None else (None, False)
        if code is None or group is None:
            left.append(row)
            continue
        item: dict[str, Any] = {"service": code, "target_group": group}
        provider_text, provider_id = _provision_provider(ctx, tv, row)
        if provider_id is not None:
            item["provider"] = provider_id
        item["years"] = _provision_years(ctx, tv, row)
        cells_starred = any(unstar(row.text_at(c.index))[1] for c in tv.columns if c.year is not None)
        _illustrative(item, starred, cells_starred)
        item["source"] = ctx.source(_where(tv, row))
        path = ctx.draft.append(("analysis", "provision"), item)
        if guessed:
            ctx.draft.comment((*path, "target_group"), "gavėjų grupė dokumente nenurodyta – spėta; patikrinkite")
        if provider_id is None:
            _unlinked_provider(ctx, tv, row, path, provider_text)
        _attach_notes(ctx, tv, row, path)
    keep_rows(ctx, tv, left, "paslauga ar gavėjų grupė neatpažinta")


def _provider_names(ctx: ImportContext, text: str) -> list[str]:
    """The providers a cell names: one known provider's whole name (commas and all), else each name it lists."""
    if normalise(text) in ctx.providers:
        return [text]
    return several_names(text) or [text]


def _provision_provider(ctx: ImportContext, tv: TableView, row: Row) -> tuple[str, str | None]:
    """The provider cell as typed, and the one provider it links to (None: none named, unknown, or several)."""
    text = unstar(_cell(tv, row, "provider")[0])[0]
    if not text or is_empty(text) or len(_provider_names(ctx, text)) > 1:
        return text, None
    return text, ctx.provider_id(text)


def _unlinked_provider(ctx: ImportContext, tv: TableView, row: Row, path: tuple[str | int, ...], text: str) -> None:
    """A provider cell that links no provider: several named (W2131) or one not in the providers table (W2106)."""
    if not text or is_empty(text):
        return
    names = _provider_names(ctx, text)
    if len(names) > 1:  # a provision row links one provider: none is chosen for the planner
        ctx.draft.comment(path, f"teikėjai dokumente: „{text}“ – eilutė siejama su vienu teikėju; nurodykite jį "
                                "(provider) arba padalykite eilutę")
        ctx.findings.add("W2131", _where(tv, row, _cell(tv, row, "provider")[1]), count=len(names),
                         names="; ".join(names)[:160])
        return
    ctx.draft.comment(path, f"teikėjas dokumente: „{text}“ – teikėjų sąraše nerastas")
    ctx.findings.add("W2106", _where(tv, row), name=text[:80])


# --- finance ----------------------------------------------------------------------------------------


def _kind(ctx: ImportContext, text: str, year: int | None) -> str:
    key = normalise(text)
    for kind, phrases in ctx.vocabulary.finance_kinds.items():
        if any(normalise(p) in key for p in phrases):
            return kind
    return "planas" if year is not None and ctx.year is not None and year >= ctx.year else "faktas"


def _finance_entry(ctx: ImportContext, tv: TableView, row: Row, year: int) -> tuple[dict[str, Any], bool]:
    """One year's funds by source (and the stated total); whether a figure was marked illustrative."""
    sources: dict[str, Decimal] = {}
    starred = False
    for column in tv.columns:
        if column.concept == "source" and column.source is not None:
            value = _number(ctx, tv, row, column.index)
            starred = starred or unstar(row.text_at(column.index))[1]
            if value is not None:
                sources[column.source] = money(value)
    entry: dict[str, Any] = {"year": year, "kind": _kind(ctx, _cell(tv, row, "kind")[0], year), "sources": sources}
    total = tv.column("total")
    value = _number(ctx, tv, row, total.index) if total is not None else None
    if value is not None:
        entry["total"] = money(value)
    return entry, starred


def _row_year(ctx: ImportContext, tv: TableView, row: Row) -> int | None:
    year_text, year_col = _cell(tv, row, "year")
    year_value = parse_number(re.sub(r"\s*m\.?$", "", unstar(year_text)[0])) if year_text else None
    if year_value is None:
        ctx.findings.add("W2114", _where(tv, row, year_col), text=year_text[:60] or "–")
        return None
    return int(year_value.value)


class _FinanceItems:
    """Finance items by service and provider, in table order."""

    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self.items: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}

    def add(self, key: tuple[str, str | None, str | None], entry: dict[str, Any], where: Where,
            starred: bool) -> bool:
        """Add a year's entry (key: service, provider, target group).

        False when the item already has that year and kind (another group or provider, unnamed).
        """
        item = self.items.get(key)
        if item is not None and any(e["year"] == entry["year"] and e["kind"] == entry["kind"]
                                    for e in item["entries"]):
            return False
        if item is None:
            item = {"service": key[0]}
            if key[1] is not None:
                item["provider"] = key[1]
            if key[2] is not None:
                item["target_group"] = key[2]
            item["entries"] = []
            self.items[key] = item
            self.ctx.draft.append(("analysis", "finance"), item)
            item["source"] = self.ctx.source(where)
        item["entries"].append(entry)
        if starred and "illustrative" not in item:
            source = item.pop("source")
            item["illustrative"] = True
            item["source"] = source
        return True


_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifiers>[^()]+)\)$")


def _finance_service(ctx: ImportContext, tv: TableView, row: Row, text: str,
                     col: int | None) -> tuple[str | None, bool, tuple[str | None, str | None]]:
    """The service of a finance row and what tells its rows apart, as the renderer shows it beside the name.

    `Pagalba į namus (senyvo amžiaus asmenys; Teikėjas)`: the code, the star, (provider, target group).
    """
    name, starred = unstar(text)
    qualified = _QUALIFIED.match(name)
    if qualified is not None and normalise(name) not in ctx.names.services.by_name:
        code = ctx.names.services.find(qualified.group("name")).code
        if code is not None:
            provider: str | None = None
            group: str | None = None
            for piece in (p.strip() for p in qualified.group("qualifiers").split(";")):
                group = group or ctx.names.groups.find(piece).code
                provider = provider or ctx.provider_id(piece)
            if provider is not None or group is not None:
                return code, starred, (provider, group)
    code, starred = _service(ctx, tv, row, text, col)
    return code, starred, (None, None)


def read_finance(ctx: ImportContext, tv: TableView) -> None:
    """Funds by service, year, kind and source (source columns named by their codes)."""
    items = _FinanceItems(ctx)
    left: list[Row] = []
    last_service = ""
    for row, _ in RowWalk(ctx, tv, ("source", "total")).rows():
        service_text, service_col = _cell(tv, row, "service")
        service_text = last_service = service_text or last_service
        code, starred, qualifiers = _finance_service(ctx, tv, row, service_text, service_col)
        year = _row_year(ctx, tv, row) if code is not None else None
        if code is None or year is None:
            left.append(row)
            continue
        entry, figures_starred = _finance_entry(ctx, tv, row, year)
        provider_text = unstar(_cell(tv, row, "provider")[0])[0]
        provider = ctx.provider_id(provider_text) if provider_text else qualifiers[0]
        key = (code, provider, qualifiers[1])
        if not items.add(key, entry, _where(tv, row), starred or figures_starred):
            # the same service again for the same year: another target group or provider the table does not
            # name; two items of one service would be one identity, so the row is kept as typed
            ctx.findings.add("W2107", _where(tv, row, service_col), what="gavėjų grupė ar teikėjas",
                             value=unstar(service_text)[0][:40])
            left.append(row)
    keep_rows(ctx, tv, left, "paslauga ar metai neatpažinti")


def read_budget(ctx: ImportContext, tv: TableView) -> None:
    """The municipality's budget by year: total and the social programme's funds."""
    for row, _ in RowWalk(ctx, tv).rows():
        year_text, _ = _cell(tv, row, "year")
        year_value = parse_number(re.sub(r"\s*m\.?\*?$", "", unstar(year_text)[0]))
        total_col = tv.column("budget_total")
        if year_value is None or total_col is None:
            keep_rows(ctx, tv, [row], "metai ar suma neatpažinti")
            continue
        year = int(year_value.value)
        total = _number(ctx, tv, row, total_col.index)
        if total is None:
            keep_rows(ctx, tv, [row], "metai ar suma neatpažinti")
            continue
        kind_text, _ = _cell(tv, row, "kind")
        item: dict[str, Any] = {"year": year, "kind": _kind(ctx, kind_text, year), "total": money(total)}
        social = tv.column("social_programme")
        if social is not None:
            value = _number(ctx, tv, row, social.index)
            if value is not None:
                item["social_programme"] = money(value)
        _illustrative(item, *(unstar(row.text_at(i))[1] for i in range(tv.table.columns)))
        item["source"] = ctx.source(_where(tv, row))
        ctx.draft.append(("analysis", "municipal_budget"), item)


def _plain_number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def _year_values(ctx: ImportContext, tv: TableView, row: Row) -> tuple[dict[int, Any], list[int]]:
    """An indicator's values by year column, and the years marked illustrative (`4 521*`)."""
    values: dict[int, Any] = {}
    illustrative: list[int] = []
    for column in tv.columns:
        if column.year is None or column.concept not in ("year_value", None):
            continue
        text = row.text_at(column.index)
        number = parse_number(text)
        if number is None:
            if not is_empty(text):
                ctx.findings.add("W2114", _where(tv, row, column.index), text=text[:60])
            continue
        values[column.year] = _plain_number(number.value)
        if number.illustrative:
            illustrative.append(column.year)
    return values, illustrative


def read_indicators(ctx: ImportContext, tv: TableView, key: str) -> None:
    """Indicators by year (demography or social): the reference's indicator when the name is one."""
    used: set[str] = set()
    for row, _ in RowWalk(ctx, tv).rows():
        name, starred = unstar(_cell(tv, row, "indicator")[0])
        if not name:
            keep_rows(ctx, tv, [row], "rodiklio pavadinimo nėra")
            continue
        code = ctx.names.indicators.find(name).code
        item: dict[str, Any] = {"id": code if code is not None and code not in used else slug(name, "rodiklis")}
        used.add(str(item["id"]))
        if item["id"] != code:
            item["title"] = name
            unit, _ = _cell(tv, row, "unit")
            if unit and not is_empty(unit):
                item["unit"] = unit
        values, illustrative = _year_values(ctx, tv, row)
        item["values"] = values
        if values and len(illustrative) == len(values):
            item["illustrative"] = True
        elif illustrative:
            item["illustrative_years"] = illustrative
        _illustrative(item, starred)
        item["source"] = ctx.source(_where(tv, row))
        path = ctx.draft.append(("analysis", key), item)
        _attach_notes(ctx, tv, row, path)


# --- measures -----------------------------------------------------------------------------------------


def funding_cell(ctx: ImportContext, tv: TableView, row: Row, col: int) -> tuple[dict[str, Decimal], Decimal | None]:
    """`SB 126 000; GM 10 200`, `SB – 38 000 / VB – 126 000`: split by source; a joint sum kept joint."""
    text = row.text_at(col)
    if is_empty(text):
        return {}, None
    joint = _JOINT.match(" ".join(text.split()))
    if joint:
        amount = parse_number(joint.group(2))
        ctx.findings.add("W2109", _where(tv, row, col), sources=joint.group(1), text=text[:60])
        return {}, money(amount.value) if amount is not None else None
    sources: dict[str, Decimal] = {}
    for code_text, amount_text in _SOURCE_AMOUNT.findall(text):
        code = ctx.names.funding.find(code_text).code
        amount = parse_number(amount_text, tv.columns[col].thousands)
        if code is None or amount is None:
            ctx.findings.add("W2114", _where(tv, row, col), text=text[:60])
            return {}, None
        sources[code] = sources.get(code, Decimal(0)) + money(amount.value)
    if not sources:
        number = parse_number(text, tv.columns[col].thousands)
        if number is not None:
            ctx.findings.add("W2109", _where(tv, row, col), sources="–", text=text[:60])
            return {}, money(number.value)
        ctx.findings.add("W2114", _where(tv, row, col), text=text[:60])
    return sources, None


def _links(ctx: ImportContext, text: str, context: str) -> tuple[str | None, str | None]:
    ids = _IDS.findall(text)
    goal = next((i for i in ids if i.startswith("T")), None)
    priority = next((i for i in ids if i.startswith("P")), None)
    if goal is None and priority is None:
        for source in (text, context):
            key = normalise(source)
            if not key:
                continue
            goal = goal or next((gid for name, gid in ctx.goals.items() if name in key or key in name), None)
            priority = priority or next((pid for name, pid in ctx.priorities.items() if name in key or key in name),
                                        None)
            number = re.match(r"^([0-9]{1,2})\.?\s*(tikslas)?", key)
            if goal is None and number and f"T{number.group(1)}" in ctx.goals.values():
                goal = f"T{number.group(1)}"
    return goal, priority


def _measure_id(tv: TableView, row: Row, position: int, seen: set[str]) -> str:
    """The measure's number as typed (`1.1`), or its position when there is none or it repeats."""
    typed = _cell(tv, row, "number")[0].strip().rstrip(".")
    measure_id = typed if typed and re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]{0,30}", typed) else str(position)
    if measure_id in seen:
        measure_id = f"{measure_id}_{position}"
    seen.add(measure_id)
    return measure_id


def _measure_services(ctx: ImportContext, tv: TableView, row: Row) -> list[str]:
    text, col = _cell(tv, row, "service")
    codes: list[str] = []
    for part in re.split(r"[;\n]|,\s*(?=[A-ZĄČĘĖĮŠŲŪŽ])", text):
        if is_empty(part):
            continue
        code, _ = _service(ctx, tv, row, part, col)
        if code is not None and code not in codes:
            codes.append(code)
    return codes


def _measure_deadline(ctx: ImportContext, tv: TableView, row: Row, item: dict[str, Any],
                      path: tuple[str | int, ...]) -> None:
    text, col = _cell(tv, row, "deadline")
    deadline, guessed = parse_deadline(text, ctx.year)
    if deadline is not None:
        item["deadline"] = deadline
        if guessed:
            ctx.draft.comment((*path, "deadline"), f"terminas dokumente: „{text}“ – metai spėti pagal plano metus")
            ctx.findings.add("W2107", _where(tv, row, col), what="termino metai", value=text[:40])
    elif text and not is_empty(text):
        ctx.draft.comment(path, f"terminas dokumente: „{text}“ – ne data, ketvirtis ar metai")
        ctx.findings.add("W2113", _where(tv, row, col), text=text[:60])


def _measure_funding(ctx: ImportContext, tv: TableView, row: Row, item: dict[str, Any]) -> None:
    """Funds by source from a funds cell (`SB 126 000; GM 10 200`) or source columns; a total that says more."""
    funding: dict[str, Decimal] = {}
    joint_total: Decimal | None = None
    joint_text = ""
    for column in tv.columns:
        if column.concept == "funding":
            found, joint = funding_cell(ctx, tv, row, column.index)
            funding.update(found)
            if joint is not None and joint_total is None:
                joint_total, joint_text = joint, row.text_at(column.index)
        elif column.concept == "source" and column.source is not None:
            value = _number(ctx, tv, row, column.index)
            if value is not None:
                funding[column.source] = money(value)
    if funding:
        item["funding"] = funding
    total_col = tv.column("total")
    stated = _number(ctx, tv, row, total_col.index) if total_col is not None else None
    # the document prints the sources' sum where the plan states no total: keep only a total that says more
    if stated is not None and funding and sum(funding.values()) != stated:
        item["total"] = money(stated)
    if joint_total is not None and not funding:
        # a total needs its sources (E0401): the joint sum is kept in the planners' comment, not lost
        item["comment"] = f"Lėšos dokumente nurodytos bendrai: „{joint_text}“ ({joint_total} Eur); " \
                          "išskirstykite pagal šaltinius."


def _measure_indicator(tv: TableView, row: Row, measure_id: str) -> dict[str, Any] | None:
    name, starred = unstar(_cell(tv, row, "indicator")[0])
    if not name or is_empty(name):
        return None
    unit = None
    with_unit = _INDICATOR_UNIT.match(name)
    if with_unit:
        name, unit = with_unit.group(1).strip(), with_unit.group(2).strip()
    indicator: dict[str, Any] = {"id": f"{measure_id}.1", "name": name}
    if unit:
        indicator["unit"] = unit
    for concept in ("baseline", "target"):
        column = tv.column(concept)
        number = parse_number(row.text_at(column.index)) if column is not None else None
        if number is not None:
            indicator[concept] = _plain_number(number.value)
    _illustrative(indicator, starred)
    return indicator


def _measure_executor(ctx: ImportContext, tv: TableView, row: Row, path: tuple[str | int, ...]) -> str:
    text, col = _cell(tv, row, "executor")
    executor = unstar(text)[0]
    if executor and not is_empty(executor):
        names = several_names(executor)
        if len(names) > 1:  # the model holds one executor: kept as typed, for the planner to split
            ctx.draft.comment((*path, "executor"), f"dokumente nurodyti {len(names)} vykdytojai – palikta, kaip "
                                                   "įrašyta; vieną palikite vykdytoju, kitus perkelkite į partners")
            ctx.findings.add("W2130", _where(tv, row, col), count=len(names), names="; ".join(names)[:160])
        return executor
    ctx.draft.comment((*path, "executor"), "vykdytojas dokumente nenurodytas – įrašykite")
    ctx.findings.add("W2107", _where(tv, row, col), what="vykdytojas", value="–")
    return "Nenurodytas"


def _guess_goal(ctx: ImportContext, tv: TableView, row: Row, item: dict[str, Any],
                path: tuple[str | int, ...]) -> None:
    """No goal named: the one the measure's number points to (`2.1` -> T2), or the only goal; marked as a guess."""
    number = re.match(r"^([0-9]{1,2})\.", str(item["id"]))
    goals = sorted(set(ctx.goals.values()))
    guess = f"T{number.group(1)}" if number and f"T{number.group(1)}" in goals else (
        goals[0] if len(goals) == 1 else None)
    if guess is None:
        return
    item["goal"] = guess
    ctx.draft.comment((*path, "goal"), "tikslas dokumente nenurodytas – spėta pagal priemonės numerį; patikrinkite")
    ctx.findings.add("W2107", _where(tv, row), what="priemonės tikslas", value=str(item["id"]))


def read_measures(ctx: ImportContext, tv: TableView) -> None:
    """The action plan: one measure per row (a vertically merged goal or executor applies to each row)."""
    seen: set[str] = set()
    for position, (row, context) in enumerate(RowWalk(ctx, tv, ("total",)).rows(), start=1):
        title, starred = unstar(_cell(tv, row, "measure")[0])
        if not title:
            keep_rows(ctx, tv, [row], "priemonės pavadinimo nėra")
            continue
        measure_id = _measure_id(tv, row, position, seen)
        item: dict[str, Any] = {"id": measure_id}
        links = _cell(tv, row, "goal_priority")[0] or _cell(tv, row, "goal")[0]
        goal, priority = _links(ctx, links, context)
        svp = _SVP.search(links)
        item.update({k: v for k, v in (("goal", goal), ("priority", priority)) if v})
        path: tuple[str | int, ...] = ("action_plan", "measures",
                                       len(ctx.draft.section("action_plan").get("measures", [])))
        if not goal and not priority:
            _guess_goal(ctx, tv, row, item, path)
        task = _cell(tv, row, "task")[0]
        if task and not is_empty(task):
            item["task"] = unstar(task)[0]
        item["title"] = title
        services = _measure_services(ctx, tv, row)
        if services:
            item["services"] = services
        item["executor"] = _measure_executor(ctx, tv, row, path)
        partners = _cell(tv, row, "partners")[0]
        if partners and not is_empty(partners):
            item["partners"] = [p.strip() for p in re.split(r"[;\n]", partners) if p.strip()]
        _measure_deadline(ctx, tv, row, item, path)
        _measure_funding(ctx, tv, row, item)
        if svp is not None:
            item["svp_code"] = svp.group(1)
        indicator = _measure_indicator(tv, row, measure_id)
        if indicator is not None:
            item["indicators"] = [indicator]
        _illustrative(item, starred)
        item["source"] = ctx.source(_where(tv, row))
        ctx.draft.append(("action_plan", "measures"), item)
        _attach_notes(ctx, tv, row, path)
