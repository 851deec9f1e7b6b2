"""`planas reference`: list and search the code lists a plan's codes come from, as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_OK
from planas.errors import UsageError

_KIND_TITLES = {
    "services": ("Socialinių paslaugų katalogas", "Social services catalogue"),
    "groups": ("Gavėjų (tikslinės) grupės", "Target groups"),
    "institution-types": ("Įstaigų tipai", "Institution types"),
    "indicators": ("Situacijos analizės rodikliai", "Situation-analysis indicators"),
    "funding-sources": ("Finansavimo šaltiniai (SPĮ 41 str. 1 d.)", "Funding sources (art. 41(1))"),
    "categories": ("Paslaugų rūšys", "Service categories"),
    "respite-forms": ("Laikino atokvėpio paslaugos teikimo formos (2025+ planai; nepatikrinta)",
                      "Forms of respite (2025+ plans; unverified)"),
    "municipalities": ("Savivaldybės", "Municipalities"),
    "rules": ("Tikrinimo taisyklės", "Validation rules"),
}


@dataclass(frozen=True)
class ReferenceOptions:
    """What `planas reference` was asked to list."""

    kind: str | None = None
    search: str | None = None
    year: int | None = None
    output_format: str = "table"
    lang: str = "lt"
    repo: Path = Path()


@dataclass(frozen=True)
class _Table:
    kind: str
    columns: tuple[tuple[str, str, str], ...]
    rows: tuple[dict[str, str], ...]
    year: int | None = None
    regime: str | None = None


def _rules(search: str | None, lang: str) -> _Table:
    from planas.reference.listing import normal
    from planas.validation.registry import RULES

    wanted = normal(search) if search else ""
    rows = []
    for code, rule in sorted(RULES.items()):
        text = rule.message_en if lang == "en" else rule.message_lt
        if wanted and not any(wanted in normal(t) for t in (code, rule.message_lt, rule.message_en, rule.clause)):
            continue
        rows.append({"code": code, "severity": rule.severity.value, "message": text, "clause": rule.clause})
    columns = (("code", "Kodas", "Code"), ("severity", "Svarba", "Severity"), ("message", "Pranešimas", "Message"),
               ("clause", "Pagrindas", "Clause"))
    return _Table("rules", columns, tuple(rows))


def _table(options: ReferenceOptions) -> _Table:
    from planas.reference import load_municipalities
    from planas.reference.listing import listing
    from planas.repository.localref import reference_for

    if options.kind == "rules":
        return _rules(options.search, options.lang)
    assert options.kind is not None
    found = listing(reference_for(options.repo), load_municipalities(), options.kind, search=options.search,
                    year=options.year, lang=options.lang)
    return _Table(found.kind, found.columns, found.rows, found.year, found.regime)


def _text(table: _Table, lang: str) -> str:
    """Aligned columns, a title line and a count; empty columns are left out."""
    columns = [c for c in table.columns if any(row.get(c[0]) for row in table.rows)] or list(table.columns[:2])
    titles = [en if lang == "en" else lt for _, lt, en in columns]
    cells = [[row.get(key, "") for key, _, _ in columns] for row in table.rows]
    widths = [max([len(t), *(len(r[i]) for r in cells)]) for i, t in enumerate(titles)]
    widths = [min(w, 60) for w in widths]
    title_lt, title_en = _KIND_TITLES[table.kind]
    head = title_en if lang == "en" else title_lt
    if table.year is not None:
        head += f" ({table.year}: {table.regime})" if lang == "en" else f" ({table.year} m.: {table.regime})"
    lines = [head, "  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    count = len(table.rows)
    lines.append(f"{count} entries" if lang == "en" else f"Iš viso: {count}")
    return "\n".join(lines) + "\n"


def _overview(lang: str) -> str:
    lines = ["Code lists (planas reference LIST [--search WORD] [--year YEAR] [--format json]):" if lang == "en"
             else "Žinynai (planas reference SĄRAŠAS [--search ŽODIS] [--year METAI] [--format json]):"]
    lines += [f"  {kind:<18} {en if lang == 'en' else lt}" for kind, (lt, en) in _KIND_TITLES.items()]
    return "\n".join(lines) + "\n"


def run(options: ReferenceOptions, out: Output) -> int:
    """Print the chosen code list (or the list of lists); 0 always, 2 when the local data is broken."""
    imports_done()
    if options.kind is None:
        out.data(_overview(options.lang))
        return EXIT_OK
    if options.kind not in _KIND_TITLES:  # pragma: no cover - typer checks the choice
        raise UsageError(f"nežinomas žinynas „{options.kind}“ (unknown list)")
    table = _table(options)
    if options.output_format == "json":
        document = {"list": table.kind, "year": table.year, "regime": table.regime,
                    "columns": [key for key, _, _ in table.columns], "entries": list(table.rows)}
        out.data(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        out.data(_text(table, options.lang))
    return EXIT_OK
