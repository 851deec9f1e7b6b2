"""The code lists as rows to show or search: `planas reference services --search globa --year 2023`.

Every code a planner types comes from one of these lists. A listing is plain
data (column keys, their titles in Lithuanian and English, rows of text); the
command line prints it as a table or JSON. Search ignores case and accents and
looks at codes, names and aliases (old names); `year` keeps the services valid
that year and shows their category under that year's regime.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planas.reference import Municipalities, Reference

Row = dict[str, str]


@dataclass(frozen=True)
class Listing:
    """A code list ready to print: columns (key, Lithuanian and English title) and rows."""

    kind: str
    columns: tuple[tuple[str, str, str], ...]
    rows: tuple[Row, ...]
    year: int | None = None
    regime: str | None = None


def normal(text: str) -> str:
    """Lower case, no accents, words split on spaces, `_` and `-` ("Senyvo_amžiaus" -> "senyvo amziaus")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").split())


def _matches(search: str | None, texts: Iterable[str | None]) -> bool:
    if not search:
        return True
    wanted = normal(search)
    return any(wanted in normal(text) for text in texts if text)


def _origin(reference: Reference, code: str) -> str:
    return "vietinis" if code in reference.local_codes else "planas"


def _services(reference: Reference, search: str | None, year: int | None, lang: str) -> Listing:
    regime = reference.regime_for_year(year).id if year is not None else None
    rows = []
    for code, service in reference.services.items():
        if year is not None and not service.valid_in(year):
            continue
        if not _matches(search, (code, service.name_lt, service.name_en, *service.aliases)):
            continue
        if regime is not None:
            category = reference.categories.get(service.category.get(regime, ""))
            category_text = category.name_lt if category else "–"
            category_text += _moved_note(reference, code, year, lang) if year is not None else ""
        else:
            category_text = "; ".join(f"{r}: {c}" for r, c in service.category.items())
        years = f"{service.first_year or ''}–{service.last_year or ''}" if service.first_year or service.last_year else ""
        rows.append({"code": code, "name": service.name_en if lang == "en" else service.name_lt,
                     "category": category_text, "years": years, "specialises": service.specialises or "",
                     "origin": _origin(reference, code)})
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"), ("category", "Rūšis", "Category"),
               ("years", "Metai", "Years"), ("specialises", "Patikslina", "Specialises"),
               ("origin", "Šaltinis", "Origin"))
    return Listing("services", columns, tuple(rows), year, regime)


def _moved_note(reference: Reference, code: str, year: int, lang: str) -> str:
    """" (iki 2024 m. – Bendrosios …)" when the law moved the service into its category of `year`."""
    for other in (r for r in reference.regimes if r.id != reference.regime_for_year(year).id):
        span = other.last_year if other.first_year <= year and other.last_year else other.first_year
        move = reference.category_move(code, span, year)
        if move is not None:
            old = reference.categories[move[0]].name_lt
            if other.first_year <= year:
                return f" (iki {span} m. – {old})" if lang != "en" else f" (until {span}: {old})"
            return f" (nuo {span} m. – {old})" if lang != "en" else f" (from {span}: {old})"
    return ""


def _groups(reference: Reference, search: str | None, lang: str) -> Listing:
    rows = tuple(
        {"code": code, "name": g.name_en if lang == "en" else g.name_lt, "parent": g.parent or "",
         "aliases": ", ".join(g.aliases), "origin": _origin(reference, code)}
        for code, g in reference.target_groups.items()
        if _matches(search, (code, g.name_lt, g.name_en, *g.aliases)))
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"), ("parent", "Platesnė grupė", "Parent"),
               ("aliases", "Kiti pavadinimai", "Aliases"), ("origin", "Šaltinis", "Origin"))
    return Listing("groups", columns, rows)


def _institution_types(reference: Reference, search: str | None) -> Listing:
    rows = tuple(
        {"code": code, "name": t.name_lt, "licence": "taip" if t.licence_required else "ne",
         "origin": _origin(reference, code)}
        for code, t in reference.institution_types.items() if _matches(search, (code, t.name_lt)))
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"),
               ("licence", "Reikia licencijos", "Licence required"), ("origin", "Šaltinis", "Origin"))
    return Listing("institution-types", columns, rows)


def _indicators(reference: Reference, search: str | None) -> Listing:
    rows = []
    for section, items in (("analysis.demography", reference.demography_indicators),
                           ("analysis.social_indicators", reference.social_indicators)):
        rows += [{"code": code, "name": i.name_lt, "unit": i.unit, "section": section,
                  "origin": _origin(reference, code)}
                 for code, i in items.items() if _matches(search, (code, i.name_lt))]
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"), ("unit", "Mat. vnt.", "Unit"),
               ("section", "Plano vieta", "Where in the plan"), ("origin", "Šaltinis", "Origin"))
    return Listing("indicators", columns, tuple(rows))


def _funding_sources(reference: Reference, search: str | None, lang: str) -> Listing:
    rows = tuple(
        {"code": code, "name": f.name_en if lang == "en" else f.name_lt, "public": "taip" if f.public else "ne"}
        for code, f in reference.funding_sources.items() if _matches(search, (code, f.name_lt, f.name_en)))
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"),
               ("public", "Viešosios lėšos (SPĮ 42 str.)", "Public funds (art. 42)"))
    return Listing("funding-sources", columns, rows)


def _categories(reference: Reference, search: str | None, year: int | None) -> Listing:
    """The categories; for `year`, only those its regime knows (respite is one from 2025)."""
    regime = reference.regime_for_year(year).id if year is not None else None
    rows = tuple({"code": code, "name": c.name_lt + (f" ({', '.join(c.subtypes)})" if c.subtypes else ""),
                  "group": c.group, "clause": c.clause, "from": str(c.first_year or "")}
                 for code, c in reference.categories.items()
                 if _matches(search, (code, c.name_lt))
                 and (year is None or (regime in c.regimes and (c.first_year or 0) <= year)))
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"), ("group", "Grupė", "Group"),
               ("clause", "Pagrindas", "Clause"), ("from", "Nuo metų", "From"))
    return Listing("categories", columns, rows, year, regime)


def _respite_forms(reference: Reference, search: str | None, lang: str) -> Listing:
    """The forms respite is delivered in (2025+ plans give its places by form); none of them is verified yet."""
    checked = ("verified", "unverified") if lang == "en" else ("patikrinta", "nepatikrinta")
    rows = tuple({"code": code, "name": f.name_lt, "service": reference.service_name(f.service), "source": f.source,
                  "verified": checked[0] if f.verified else checked[1]}
                 for code, f in reference.respite_forms.items()
                 if _matches(search, (code, f.name_lt, f.service, reference.service_name(f.service))))
    columns = (("code", "Kodas", "Code"), ("name", "Pavadinimas", "Name"), ("service", "Paslauga", "Service"),
               ("source", "Šaltinis", "Source"), ("verified", "Ar patikrinta", "Verified"))
    return Listing("respite-forms", columns, rows)


def _municipalities(municipalities: Municipalities, search: str | None) -> Listing:
    rows = tuple({"name": m.name, "genitive": m.genitive, "code": m.iso_code, "aliases": ", ".join(m.aliases)}
                 for m in municipalities.municipalities if _matches(search, (m.name, m.iso_code, *m.aliases)))
    columns = (("name", "Pavadinimas", "Name"), ("genitive", "Kilmininkas", "Genitive"),
               ("code", "ISO kodas", "ISO code"), ("aliases", "Kiti pavadinimai", "Aliases"))
    return Listing("municipalities", columns, rows)


def listing(reference: Reference, municipalities: Municipalities, kind: str, *, search: str | None = None,
            year: int | None = None, lang: str = "lt") -> Listing:
    """One code list, searched (`search`), for one year's plans (`year`), names in `lang`."""
    builders: dict[str, Callable[[], Listing]] = {
        "services": lambda: _services(reference, search, year, lang),
        "groups": lambda: _groups(reference, search, lang),
        "institution-types": lambda: _institution_types(reference, search),
        "indicators": lambda: _indicators(reference, search),
        "funding-sources": lambda: _funding_sources(reference, search, lang),
        "categories": lambda: _categories(reference, search, year),
        "respite-forms": lambda: _respite_forms(reference, search, lang),
        "municipalities": lambda: _municipalities(municipalities, search),
    }
    return builders[kind]()


KINDS = ("services", "groups", "institution-types", "indicators", "funding-sources", "categories",
         "respite-forms", "municipalities")
"""The code lists of the reference data (rules come from the validation registry)."""
