"""The document's parts -> the plan's data: metadata, prose, lists and tables, each with its provenance."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from planas.importing.context import ImportContext, unstar
from planas.importing.document import Paragraph, Table, WordDocument
from planas.importing.findings import Where
from planas.importing.matching import Vocabularies, normalise, slug
from planas.importing.regime2025 import READERS, Reader, read_distinct_recipients
from planas.importing.structure import Part, split_parts
from planas.importing.tablemaps import (
    header_notes,
    keep_rows,
    read_budget,
    read_finance,
    read_indicators,
    read_measures,
    read_provider_services,
    read_providers,
    read_provision,
)
from planas.importing.tables import TableView, view
from planas.importing.values import as_count, is_empty, money, parse_date, parse_number
from planas.reference import FormLayout, Reference, load_municipalities
from planas.reference.import_vocabulary import ImportVocabulary

_TITLE_YEAR = re.compile(r"\b(20[0-9]{2})\s*(?:[–—-]\s*20[0-9]{2}\s*)?(?:m\.|metų|metams|metai)", re.IGNORECASE)
_DECISION = re.compile(r"Nr\.\s*([A-Z0-9ĄČĘĖĮŠŲŪŽ][A-Za-z0-9ĄČĘĖĮŠŲŪŽ./-]*)")
_LEAD = {
    "legal_basis": ("vadovaujantis", "teisinis pagrindas", "teisės aktai"),
    "alignment": ("atitinka", "dera su", "sąsajos"),
    "data_sources": ("duomenų šaltiniai", "naudoti duomenys", "duomenys gauti"),
}
_ORGANISER = re.compile(r"^Plano rengimą organizuoja:\s*(.+)$")
_RESPONSIBLE = re.compile(r"^Už plano įgyvendinimo stebėseną atsako:\s*(.+?)\.?$")


def _metadata(ctx: ImportContext, front: list[Paragraph]) -> None:
    """Municipality and year from the title; the approval from the block above it."""
    municipalities = load_municipalities()
    name: str | None = None
    year: int | None = None
    for paragraph in front[:40]:
        text = " ".join(paragraph.shown.split())
        folded = text.casefold()
        if name is None and ("planas" in folded or "savivaldyb" in folded):
            for municipality in municipalities.municipalities:
                if municipality.genitive.casefold() in folded or municipality.name.casefold() in folded:
                    name = municipality.name
                    break
        if year is None and "plan" in folded:
            found = _TITLE_YEAR.search(text)
            if found:
                year = int(found.group(1))
    metadata = ctx.draft.section("metadata")
    metadata["municipality"] = {"name": name or "Nenustatyta savivaldybė"}
    if name is None:
        ctx.findings.add("E2101", Where(paragraph=1), what="savivaldybės pavadinimas")
    metadata["year"] = year or 0
    if year is None:
        ctx.findings.add("E2101", Where(paragraph=1), what="plano metai")
    ctx.year = year
    metadata["status"] = "projektas"
    _approval(ctx, front)


def _approval(ctx: ImportContext, front: list[Paragraph]) -> None:
    marks = {normalise(m) for m in ctx.vocabulary.approval_mark}
    for index, paragraph in enumerate(front[:20]):
        if normalise(paragraph.shown) not in marks:
            continue
        block = " ".join(p.shown for p in front[index + 1:index + 5])
        body = front[index + 1].shown.strip() if index + 1 < len(front) else ""
        approval: dict[str, Any] = {"body": re.sub(r"\s+(tarybos|taryba)$", r" taryba", body.rstrip(",")) or body}
        approval["body"] = re.sub(r"tarybos$", "taryba", body.strip()) if body else "Savivaldybės taryba"
        number = _DECISION.search(block)
        if number:
            approval["decision_number"] = unstar(number.group(1))[0]
        date = parse_date(block)
        if date is not None:
            approval["decision_date"] = date
        approval["source"] = ctx.source(Where(paragraph=paragraph.number))
        ctx.draft.section("metadata")["approval"] = approval
        ctx.findings.add("W2112", Where(paragraph=paragraph.number))
        return


_ILLUSTRATIVE_NOTES = frozenset({"Skirsnio tekstas iliustracinis*.", "* Tekstas iliustracinis."})


def _prose(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as Markdown: list items as list lines, paragraphs apart by a blank line."""
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph.text.strip() in _ILLUSTRATIVE_NOTES:
            continue  # the renderer's note that a section's text is illustrative, not the planner's text
        text = unstar(paragraph.text)[0] if paragraph.text.endswith("*") else paragraph.text
        if paragraph.label == "•":
            out.append(f"- {text}")
        elif paragraph.label:
            out.append(f"{paragraph.label} {text}")
        else:
            if out:
                out.append("")
            out.append(text)
    return "\n".join(out).strip()


def _list_after_leads(paragraphs: list[Paragraph]) -> tuple[dict[str, list[Paragraph]], list[Paragraph]]:
    """List items grouped by the lead sentence above them (`Planas parengtas vadovaujantis:`); the rest."""
    groups: dict[str, list[Paragraph]] = {}
    rest: list[Paragraph] = []
    current: str | None = None
    for paragraph in paragraphs:
        if paragraph.label:
            if current is not None:
                groups.setdefault(current, []).append(paragraph)
                continue
            rest.append(paragraph)
            continue
        text = paragraph.text.casefold()
        current = None
        if text.rstrip().endswith(":"):
            current = next((key for key, words in _LEAD.items() if any(w in text for w in words)), None)
            if current is not None:
                continue
        rest.append(paragraph)
    return groups, rest


_ACT_DETAIL = re.compile(r"^(?P<title>.+?) \((?P<detail>[^()]*)\)(?:, (?P<point>.+))?$")
_ACT_POINT = re.compile(r"^(?P<title>.+?), (?P<point>\d+[^,]*(?:straipsn|punkt|dal|skyri)[^,]*)$")
_CODE = re.compile(r"^[0-9IVXLC]+(?:\.[0-9]+)*\.?$")


def _legal_act(text: str) -> dict[str, Any]:
    """`Title (issuer, 2006 m. lapkričio 15 d., Nr. 1132), 33 punktas` -> a legal act's fields, as the plan renders them."""
    act: dict[str, Any] = {}
    match = _ACT_DETAIL.match(text)
    if match:
        act["title"] = match.group("title")
        issuer: list[str] = []
        for piece in (p.strip() for p in match.group("detail").split(",")):
            date = parse_date(piece) if re.search(r"\d{4}", piece) else None
            if piece.startswith("Nr. "):
                act["number"] = piece[4:].strip()
            elif date is not None:
                act["date"] = date
            else:
                issuer.append(piece)
        if issuer:
            act["issuer"] = ", ".join(issuer)
        if match.group("point"):
            act["point"] = match.group("point")
        return act
    match = _ACT_POINT.match(text)
    if match:
        return {"title": match.group("title"), "point": match.group("point")}
    return {"title": text}


def _alignment(text: str) -> dict[str, Any]:
    """`Document – code – text` (the parts the plan has, in that order) -> an alignment's fields."""
    parts = text.split(" – ")
    entry: dict[str, Any] = {"document": parts[0]}
    rest = parts[1:]
    if rest and _CODE.match(rest[0]):
        entry["code"] = rest.pop(0)
    if rest:
        entry["text"] = " – ".join(rest)
    return entry


_CONTACT_FIELDS = (("tel. ", "phone"), ("el. p. ", "email"), ("kodas ", "legal_entity_code"))


def _contact(text: str) -> dict[str, Any]:
    """`Name, address, tel. …, el. p. …, kodas …` (the parts the plan has, in that order) -> the unit's fields."""
    name, *pieces = (p.strip() for p in text.split(", "))
    unit: dict[str, Any] = {"name": name}
    address: list[str] = []
    for piece in pieces:
        field = next((f for prefix, f in _CONTACT_FIELDS if piece.startswith(prefix)), None)
        if field is None:
            address.append(piece)
        else:
            unit[field] = piece.split(" ", 2 if field == "email" else 1)[-1]
    if address:
        unit["address"] = ", ".join(address)
    return unit


def _general(ctx: ImportContext, part: Part) -> None:
    groups, rest = _list_after_leads(part.paragraphs())
    introduction = ctx.draft.section("introduction")
    metadata = ctx.draft.section("metadata")
    for item in groups.get("legal_basis", []):
        text, starred = unstar(item.text)
        act = _legal_act(text)
        if starred:
            act["illustrative"] = True
        act["source"] = ctx.source(Where(paragraph=item.number))
        metadata.setdefault("legal_basis", []).append(act)
    for item in groups.get("alignment", []):
        introduction.setdefault("alignment", []).append(_alignment(unstar(item.text)[0]))
    for item in groups.get("data_sources", []):
        text = item.text
        url = re.search(r"\((https?://[^)\s]+)\)\s*$", text)
        entry: dict[str, Any] = {"name": text[:url.start()].strip() if url else text}
        if url:
            entry["url"] = url.group(1)
        introduction.setdefault("data_sources", []).append(entry)
    kept: list[Paragraph] = []
    for paragraph in rest:
        organiser = _ORGANISER.match(paragraph.text)
        if organiser:
            metadata["responsible_unit"] = _contact(organiser.group(1).rstrip("."))
            continue
        kept.append(paragraph)
    if kept:
        introduction["text"] = _prose(kept)
    _tables_as_own(ctx, part)


def _numbered_items(ctx: ImportContext, part: Part, key: str, prefix: str, ids: dict[str, str]) -> list[Paragraph]:
    """List items -> goals or priorities (T1, T2 … / P1, P2 …); the paragraphs that are not items."""
    items = [p for p in part.paragraphs() if p.label]
    others = [p for p in part.paragraphs() if not p.label and not p.text.rstrip().endswith(":")]
    introduction = ctx.draft.section("introduction")
    for index, paragraph in enumerate(items, start=1):
        text, starred = unstar(paragraph.text)
        item: dict[str, Any] = {"id": f"{prefix}{index}", "text": text}
        if starred:
            item["illustrative"] = True
        item["source"] = ctx.source(Where(paragraph=paragraph.number))
        introduction.setdefault(key, []).append(item)
        ids[normalise(text)] = item["id"]
    return others


def _authors(ctx: ImportContext, part: Part) -> None:
    for paragraph in part.paragraphs():
        if paragraph.text.rstrip().endswith(":") and not paragraph.label:
            continue
        pieces = [p.strip() for p in unstar(paragraph.text)[0].split(",")]
        author: dict[str, Any] = {"name": pieces[0]}
        if len(pieces) > 1:
            author["role"] = pieces[1]
        if len(pieces) > 2:
            author["institution"] = ", ".join(pieces[2:])
        author["source"] = ctx.source(Where(paragraph=paragraph.number))
        ctx.draft.section("metadata").setdefault("authors", []).append(author)
    _tables_as_own(ctx, part)


def _kind_of(tv: TableView, part: Part) -> str | None:
    concepts = tv.concepts
    if part.form_id == "kriterijai" or (part.heading is not None and part.heading.kind == "annex") or \
            tv.table.after_picture:
        return "computed"
    if "measure" in concepts and ({"executor", "deadline"} & concepts):
        return "measures"
    if "service" in concepts and ({"recipients", "waiting", "planned"} & concepts):
        return "provision"
    if "service" in concepts and "year" in concepts and ({"source", "funding"} & concepts):
        return "finance"
    if "provider" in concepts and ({"owner", "institution_type"} & concepts):
        return "providers"
    if "provider" in concepts and "service" in concepts:
        return "provider_services"
    if "budget_total" in concepts and "year" in concepts:
        return "budget"
    if "indicator" in concepts and "year_value" in concepts and part.form_id == "demografija":
        return "indicators"
    return None


def _read_indicators(ctx: ImportContext, tv: TableView) -> None:
    social = "social" in normalise(tv.table.caption) or "socialin" in normalise(tv.table.caption)
    read_indicators(ctx, tv, "social_indicators" if social else "demography")


# The reader of each kind of table `_kind_of` recognises (a computed table is reported, never read).
_READ_TABLE: dict[str, Callable[[ImportContext, TableView], None]] = {
    "measures": read_measures, "provision": read_provision, "finance": read_finance, "providers": read_providers,
    "provider_services": read_provider_services, "budget": read_budget, "indicators": _read_indicators,
}


def _table(ctx: ImportContext, part: Part, table: Table) -> None:
    tv = view(table, ctx.vocabulary, ctx.names.funding)
    kind = _kind_of(tv, part)
    header_notes(ctx, tv)
    where = Where(table.number)
    if kind == "computed":
        ctx.findings.add("W2110", where, caption=table.caption[:80] or "–")
    elif kind in _READ_TABLE:
        _READ_TABLE[kind](ctx, tv)
    else:
        ctx.findings.add("W2115", where, caption=table.caption[:80] or "–")
        keep_rows(ctx, tv, tv.data_rows(), "lentelė neatpažinta")
        return
    if any(cell.tables for row in table.rows for cell in row.starts()):
        ctx.findings.add("W2116", where)
    _unknown_columns(ctx, tv, kind)


def _unknown_columns(ctx: ImportContext, tv: TableView, kind: str) -> None:
    """Columns of a recognised table whose header names no concept: their values kept, as typed, with a finding."""
    if kind == "computed":
        return
    for column in tv.columns:
        if column.concept is not None:
            continue
        rows = [row for row in tv.data_rows() if row.text_at(column.index).strip()
                and (row.grid[column.index] is None or row.grid[column.index].col == column.index)]  # type: ignore[union-attr]
        if not rows:
            continue
        ctx.findings.add("W2119", Where(tv.table.number, 0, column.index + 1), title=column.path[:80] or "–")
        ctx.leftovers.append({
            "caption": f"{tv.table.caption or tv.table.number} – stulpelis „{column.path}“",
            "table": tv.table.number, "columns": [tv.columns[0].path or "1 stulpelis", column.path or "stulpelis"],
            "rows": [[row.text_at(0), row.text_at(column.index)] for row in rows],
            "reason": "stulpelis neatpažintas",
        })


def _tables_as_own(ctx: ImportContext, part: Part) -> None:
    for table in part.tables():
        _table(ctx, part, table)


def _section_text(ctx: ImportContext, part: Part, keys: tuple[str, ...]) -> None:
    captions = {t.paragraph_before for t in part.tables()}
    paragraphs = [p for p in part.paragraphs() if not _is_table_note(p) and p.number not in captions]
    if paragraphs:
        node = ctx.draft.section(*keys[:-1])
        node[keys[-1]] = _prose(paragraphs)
    _tables_as_own(ctx, part)


_NOTES = {"demografija": "demography", "infrastruktura": "providers", "gavejai": "provision",
          "finansavimas": "finance"}


def _goals(ctx: ImportContext, part: Part) -> None:
    _extra_text(ctx, part, _numbered_items(ctx, part, "goals", "T", ctx.goals))
    _tables_as_own(ctx, part)


_DEFAULT_PRIORITIES_LEAD = re.compile(
    r"^Socialinių paslaugų plane \d{4} metams numatytos šios prioritetinės socialinių paslaugų plėtros kryptys:$")


def _priorities(ctx: ImportContext, part: Part) -> None:
    # the lead sentence above the list is the plan's own unless it is the form's default wording
    leads = [p for p in part.paragraphs() if not p.label and p.text.rstrip().endswith(":")
             and not _DEFAULT_PRIORITIES_LEAD.match(p.text.strip())]
    others = _numbered_items(ctx, part, "priorities", "P", ctx.priorities)
    _extra_text(ctx, part, sorted([*leads, *others], key=lambda p: p.number))
    _tables_as_own(ctx, part)


def _analysis(ctx: ImportContext, part: Part) -> None:
    paragraphs = [p for p in part.paragraphs() if not _is_table_note(p)]
    if paragraphs and part.form_id is not None:
        ctx.draft.section("analysis", "notes")[_NOTES[part.form_id]] = _prose(paragraphs)
    _tables_as_own(ctx, part)


def _monitoring(ctx: ImportContext, part: Part) -> None:
    kept = []
    for paragraph in part.paragraphs():
        responsible = _RESPONSIBLE.match(paragraph.text)
        if responsible:
            ctx.draft.section("monitoring")["responsible"] = responsible.group(1)
        else:
            kept.append(paragraph)
    if kept:
        ctx.draft.section("monitoring")["text"] = _prose(kept)
    _tables_as_own(ctx, part)


def _criteria(ctx: ImportContext, part: Part) -> None:
    paragraphs = [p for p in part.paragraphs() if not _is_table_note(p)]
    if paragraphs:
        ctx.draft.section("criteria")["text"] = _prose(paragraphs)
    for table in part.tables():
        read_distinct_recipients(ctx, view(table, ctx.vocabulary, ctx.names.funding))
    _tables_as_own(ctx, part)


_HANDLERS = {
    "bendra_informacija": _general, "tikslai": _goals, "prioritetai": _priorities, "rengejai": _authors,
    "demografija": _analysis, "infrastruktura": _analysis, "gavejai": _analysis, "finansavimas": _analysis,
    "priemones": lambda ctx, part: _section_text(ctx, part, ("action_plan", "text")),
    "stebesena": _monitoring, "kriterijai": _criteria,
}


def _regime_block(ctx: ImportContext, part: Part, reader: Reader) -> None:
    """A block of the 2025+ form: its reader takes the tables it recognises, the others are read generically."""
    captions = {t.paragraph_before for t in part.tables()}
    paragraphs = [p for p in part.paragraphs() if not _is_table_note(p) and p.number not in captions]
    views = {id(t): view(t, ctx.vocabulary, ctx.names.funding) for t in part.tables()}
    left = {id(tv.table) for tv in reader(ctx, paragraphs, list(views.values()), _prose)}
    for table in part.tables():
        if id(table) in left:
            _table(ctx, part, table)


def _part(ctx: ImportContext, part: Part, after: str | None, own_ids: set[str]) -> None:
    handler = _HANDLERS.get(part.form_id or "")
    reader = READERS.get(part.form_id or "")
    if handler is not None:
        handler(ctx, part)
    elif reader is not None:
        _regime_block(ctx, part, reader)
    elif part.heading is not None and part.heading.kind == "annex" and part.form_id is not None:
        _tables_as_own(ctx, part)  # the annex the form has (service descriptions): computed from the catalogue
    elif part.heading is not None and (part.paragraphs() or part.tables()):
        _own_section(ctx, part, after, own_ids)


def _is_table_note(paragraph: Paragraph) -> bool:
    """The renderer's explanation under a table (`Gavėjai – …`, `Šaltiniai (…)`), not prose of the section."""
    return paragraph.style.casefold() in ("pastaba", "lentelės pavadinimas", "caption")


def _extra_text(ctx: ImportContext, part: Part, others: list[Paragraph]) -> None:
    """Paragraphs of a list section that are not its items: kept as the introduction's text (with a finding)."""
    if not others:
        return
    introduction = ctx.draft.section("introduction")
    extra = _prose(others)
    if part.form_id == "prioritetai":
        introduction["priorities_text"] = extra
        return
    introduction["text"] = f"{introduction['text']}\n\n{extra}" if introduction.get("text") else extra
    ctx.findings.add("W2117", Where(paragraph=others[0].number))


_SWOT = ("stiprybes", "silpnybes", "galimybes", "gresmes")  # slugs of the four headers
_VISION = re.compile(r"^(?P<statement>.+?)(?: \(iki (?P<horizon>\d{4})\s*m\.\))?$")


def _swot(tv: TableView) -> dict[str, Any] | None:
    """A table headed Stiprybės / Silpnybės / Galimybės / Grėsmės: the SWOT block, its four lists by column."""
    if tuple(slug(c.path) for c in tv.columns) != _SWOT:
        return None
    lists: list[list[str]] = [[] for _ in _SWOT]
    for row in tv.data_rows():
        for index, values in enumerate(lists):
            text = row.text_at(index).strip()
            if text:
                values.append(text)
    swot: dict[str, Any] = dict(zip(("strengths", "weaknesses", "opportunities", "threats"), lists, strict=True))
    if unstar(tv.table.caption)[1]:
        swot["illustrative"] = True
    return swot


_NEEDS = ("nr", "veiksnys", "poveikis_poreikiui", "tikslines_grupes")  # slugs of the four headers


def _needs_factors(ctx: ImportContext, tv: TableView) -> list[dict[str, Any]] | None:
    """A table headed Nr. / Veiksnys / Poveikis poreikiui / Tikslinės grupės: the factors behind the need."""
    if tuple(slug(c.path) for c in tv.columns) != _NEEDS:
        return None
    factors: list[dict[str, Any]] = []
    for row in tv.data_rows():
        factor, starred = unstar(row.text_at(1))
        if not factor:
            continue
        item: dict[str, Any] = {"factor": factor}
        effect = row.text_at(2).strip()
        if effect and not is_empty(effect):
            item["effect"] = effect
        groups = []
        for name in re.split(r",\s*(?=[A-ZĄČĘĖĮŠŲŪŽ])", row.text_at(3)):
            code = ctx.names.groups.find(name.strip()).code if not is_empty(name) else None
            if code is not None and code not in groups:
                groups.append(code)
        if groups:
            item["target_groups"] = groups
        if starred:
            item["illustrative"] = True
        item["source"] = ctx.source(Where(tv.table.number, row.number))
        factors.append(item)
    return factors


def _education_level(ctx: ImportContext, title: str) -> str | None:
    key = normalise(title)
    for level, phrases in ctx.vocabulary.education_levels.items():
        if key in {normalise(p) for p in phrases}:
            return level
    return None


def _staff_education(ctx: ImportContext, tv: TableView) -> list[dict[str, Any]] | None:
    """A table headed Teikėjas / education levels … / Iš viso: staff per provider by education level."""
    titles = [c.path for c in tv.columns]
    if len(titles) < 3 or slug(titles[0]) != "teikejas" or normalise(titles[-1]) not in ctx.vocabulary.totals:
        return None
    levels = [_education_level(ctx, title) for title in titles[1:-1]]
    if any(level is None for level in levels):
        return None
    staff: list[dict[str, Any]] = []
    for row in tv.data_rows():
        name, starred = unstar(row.text_at(0))
        provider = ctx.provider_id(name) if name else None
        if provider is None:
            if normalise(name) not in ctx.vocabulary.totals:
                return None  # a provider the plan does not list: the table is kept as typed
            continue
        counts = {level: as_count(parse_number(row.text_at(index))) for index, level in enumerate(levels, start=1)}
        item: dict[str, Any] = {"provider": provider,
                                "counts": {k: v for k, v in counts.items() if v is not None}}
        if starred:
            item["illustrative"] = True
        item["source"] = ctx.source(Where(tv.table.number, row.number))
        staff.append(item)
    return staff or None


def _vision(paragraphs: list[Paragraph]) -> dict[str, Any] | None:
    """A vision section as rendered: the statement (with `(iki 2030 m.)`), then its directions as a bullet list."""
    if not paragraphs or paragraphs[0].label or any(p.label != "•" for p in paragraphs[1:]):
        return None
    text, starred = unstar(paragraphs[0].text)
    match = _VISION.match(text)
    if match is None or not (match.group("horizon") or paragraphs[1:]):
        return None  # one paragraph alone is the section's text
    vision: dict[str, Any] = {"statement": match.group("statement")}
    if match.group("horizon"):
        vision["horizon"] = int(match.group("horizon"))
    if paragraphs[1:]:
        vision["directions"] = [p.text.strip() for p in paragraphs[1:]]
    if starred:
        vision["illustrative"] = True
    return vision


def _own_section(ctx: ImportContext, part: Part, after: str | None, own_ids: set[str]) -> None:
    assert part.heading is not None
    title = unstar(part.heading.title)[0]
    section_id = slug(title, "skirsnis")
    while section_id in own_ids:
        section_id += "_2"
    own_ids.add(section_id)
    item: dict[str, Any] = {"id": section_id, "title": title}
    if part.within is not None:
        item["within"] = part.within
    else:
        item["after"] = after or "bendra_informacija"
    captions = {t.paragraph_before for t in part.tables()}  # kept as the captions of the section's tables
    paragraphs = [p for p in part.paragraphs() if p.number not in captions]
    vision = _vision(paragraphs) if "vizij" in normalise(title) else None
    if vision is not None:
        item["vision"] = vision
    elif paragraphs:
        item["text"] = _prose(paragraphs)
    item["source"] = ctx.source(Where(paragraph=part.heading.paragraph))
    ctx.draft.data.setdefault("sections", []).append(item)
    ctx.findings.add("W2118", Where(paragraph=part.heading.paragraph), title=title[:80])
    for table in part.tables():
        tv = view(table, ctx.vocabulary, ctx.names.funding)
        swot = _swot(tv)
        if swot is not None and "swot" not in item:
            item["swot"] = swot
            continue
        factors = _needs_factors(ctx, tv)
        if factors is not None and "needs_factors" not in item:
            item["needs_factors"] = factors
            continue
        staff = _staff_education(ctx, tv)
        if staff is not None and "staff_education" not in item:
            item["staff_education"] = staff
            continue
        kind = _kind_of(tv, part)
        if kind not in (None, "computed"):
            _table(ctx, part, table)
            continue
        item.setdefault("tables", []).append(_section_table(ctx, tv))


_UNIT = re.compile(r"^(?P<title>.+), (?P<unit>[^,]{1,20})$")
_PERCENT = re.compile(r"\s*(proc\.|%)$")
# a cell that is a date and nothing else: `2022 m. kovo 1 d.` (as the renderer prints it), `2022-03-01`, `2022.03.01`
_DATE_ONLY = re.compile(r"^(\d{4} m\. \w+ \d{1,2} d\.|\d{4}-\d{2}-\d{2}|\d{4}\.\d{2}\.\d{2})$")


def _a_date(text: str) -> Any:
    """The date a cell holds when it holds only a date, else None."""
    plain = re.sub(r"\s+", " ", text).strip()
    return parse_date(plain) if _DATE_ONLY.match(plain) else None


def _column_type(title: str, texts: list[str]) -> tuple[str, str, str | None]:
    """A column's type, title and unit as the renderer shows them; text unless every filled cell is a number.

    Numbers (`52`, `6 240`, `12,5 proc.`) in every filled cell and the unit after the title's last comma
    (`Lėšos, Eur`): a count, a number or a sum (Eur); percentages by their mark; dates when every cell is one.
    """
    filled = [unstar(t)[0] for t in texts if not is_empty(t)]
    if not filled:
        return "tekstas", title, None
    if all(_PERCENT.search(t) and parse_number(_PERCENT.sub("", t)) is not None for t in filled):
        return "procentai", title, None
    if all(_a_date(t) is not None for t in filled):
        return "data", title, None
    numbers = [parse_number(t) for t in filled]
    unit = _UNIT.match(title)
    if unit is None or any(n is None for n in numbers):
        return "tekstas", title, None
    if unit.group("unit").strip() == "Eur":
        return "suma", unit.group("title"), "Eur"
    whole = all(n is not None and as_count(n) is not None for n in numbers)
    return ("kiekis" if whole else "skaicius"), unit.group("title"), unit.group("unit").strip()


def _cell_value(kind: str, text: str) -> Any:
    if kind == "tekstas" or is_empty(text):
        return text
    if kind == "data":
        return _a_date(unstar(text)[0])
    number = parse_number(_PERCENT.sub("", unstar(text)[0]))
    assert number is not None  # the column's type says every filled cell is a number
    if kind == "suma":
        return money(number.value)
    if kind == "kiekis":
        return as_count(number)
    return number.value


def _section_table(ctx: ImportContext, tv: TableView) -> dict[str, Any]:
    columns = []
    used: set[str] = set()
    for column in tv.columns:
        kind, title, unit = _column_type(column.path, [row.text_at(column.index) for row in tv.data_rows()])
        key = slug(title or f"stulpelis {column.index + 1}", "s")[:30]
        while key in used:
            key += "_2"
        used.add(key)
        typed: dict[str, Any] = {"id": key, "title": title or f"{column.index + 1} stulpelis"}
        if kind != "tekstas":
            typed["type"] = kind
        if unit is not None:
            typed["unit"] = unit
        columns.append(typed)
    rows = []
    for row in tv.data_rows():
        values = {c["id"]: _cell_value(c.get("type", "tekstas"), row.text_at(i)) for i, c in enumerate(columns)
                  if not is_empty(row.text_at(i))}  # `–` is how an empty cell is printed
        if values:
            rows.append(values)
    table: dict[str, Any] = {"id": f"lentele_{tv.table.number}"}
    caption = unstar(tv.table.caption)[0]
    if caption:
        table["caption"] = caption[:200]
    table["columns"] = columns
    table["rows"] = rows
    table["source"] = ctx.source(Where(tv.table.number))
    return table


def _leftovers(ctx: ImportContext, own_ids: set[str]) -> None:
    """Tables and rows not imported as plan data: one own section at the end, kept verbatim."""
    if not ctx.leftovers:
        return
    tables = []
    for index, left in enumerate(ctx.leftovers, start=1):
        columns = []
        used: set[str] = set()
        for number, title in enumerate(left["columns"], start=1):
            key = slug(title, "s")[:30] or f"s{number}"
            while key in used:
                key += "_2"
            used.add(key)
            columns.append({"id": key, "title": title[:200] or f"{number} stulpelis"})
        rows = [{c["id"]: text for c, text in zip(columns, row, strict=True) if text.strip()} for row in left["rows"]]
        caption = f"{left['table']} lentelė: {left['caption']} ({left['reason']})"
        tables.append({"id": f"neimportuota_{index}", "caption": caption[:200],
                       "columns": columns, "rows": [r for r in rows if r],
                       "source": ctx.source(Where(left["table"]))})
    section_id = "neimportuoti_duomenys"
    while section_id in own_ids:
        section_id += "_2"
    ctx.draft.data.setdefault("sections", []).append({
        "id": section_id, "title": "Neimportuoti duomenys (patikrinkite ir perkelkite)", "after": "kriterijai",
        # a note for the planners, never printed: the section itself is meant to be emptied and deleted
        "comment": "Šių lentelių ir eilučių planas import neatpažino kaip plano duomenų; jos perkeltos čia tokios, "
                   "kokios buvo dokumente. Perkelkite duomenis į plano laukus ir ištrinkite šį skirsnį.",
        "tables": tables,
    })


def build_plan(document: WordDocument, reference: Reference, vocabulary: ImportVocabulary) -> ImportContext:
    """The plan's data from a read document, with findings and comments."""
    front = [b for b in document.blocks if isinstance(b, Paragraph)][:40]
    ctx = ImportContext(document.name, reference, vocabulary, Vocabularies.of(reference, None), None)
    _metadata(ctx, front)
    regime = reference.regime_for_year(ctx.year or 2024).id
    ctx.draft.section("metadata")["regime"] = regime
    ctx.names = Vocabularies.of(reference, ctx.year)
    parts = split_parts(document.blocks, vocabulary, vocabulary.regimes[regime])
    ctx.draft.section("introduction")
    own_ids: set[str] = set()
    after: str | None = None
    order = ["bendra_informacija", "tikslai", "rengejai", "demografija", "infrastruktura", "gavejai",
             "finansavimas", "prioritetai", "priemones", "stebesena", "kriterijai"]
    # the providers' part first: the tables of the other parts name its providers
    for part in parts:
        if part.form_id == "infrastruktura":
            _part(ctx, part, None, own_ids)
    for part in parts:
        if part.heading is not None:
            for note in part.heading.notes:
                ctx.findings.add("W2108", Where(paragraph=part.heading.paragraph), kind="antraštės pastaba",
                                 text=note[:120])
        if part.heading is None:
            _front_tables(ctx, part)
        elif part.form_id != "infrastruktura":
            _part(ctx, part, after, own_ids)
        if part.form_id in order:
            after = part.form_id
    _renamed_headings(ctx, parts, reference.layouts[reference.regime_for_year(ctx.year or 2024).form])
    _revisions(ctx, document)
    _leftovers(ctx, own_ids)
    return ctx


def _renamed_headings(ctx: ImportContext, parts: list[Part], layout: FormLayout) -> None:
    """A form section's heading typed other than the form's title: the plan's own heading (`document.headings`)."""
    titles = {section.id: section.title for chapter in layout.chapters for section in chapter.sections}
    for part in parts:
        if part.heading is None or part.heading.kind == "chapter" or part.form_id not in titles:
            continue
        typed = unstar(part.heading.title)[0].rstrip(".").strip()
        if typed and normalise(typed) != normalise(titles[part.form_id]):
            ctx.draft.section("document", "headings")[part.form_id] = typed


def _front_tables(ctx: ImportContext, part: Part) -> None:
    for table in part.tables():
        ctx.findings.add("W2115", Where(table.number), caption=table.caption[:80] or "–")
        tv = view(table, ctx.vocabulary, ctx.names.funding)
        keep_rows(ctx, tv, list(table.rows), "lentelė prieš pirmąją antraštę")


def _revisions(ctx: ImportContext, document: WordDocument) -> None:
    revisions = document.revisions
    if revisions.any:
        ctx.findings.add("W2101", Where(), insertions=revisions.insertions, deletions=revisions.deletions,
                         rows=revisions.deleted_rows)
    for comment in document.unattached_comments:
        ctx.findings.add("W2108", Where(), kind="komentaras", text=comment[:120])
