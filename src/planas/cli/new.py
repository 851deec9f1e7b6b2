"""`planas new`: next year's draft from this year's plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_OK
from planas.errors import UsageError

if TYPE_CHECKING:
    from planas.years.migrate import Change


@dataclass(frozen=True)
class NewOptions:
    """Which year to draft, from which plan, and where to write it."""

    year: int
    source: Path
    output: Path | None = None
    force: bool = False
    lang: str = "lt"


def run(options: NewOptions, out: Output) -> int:
    """Write the draft (never over an existing file without --force)."""
    from planas.loading.fileio import write_atomic
    from planas.loading.positional import (
        LoadProblem,
        decode_plan_bytes,
        load_plan_text,
        read_plan_bytes,
    )
    from planas.repository.index import identity_of
    from planas.validation.registry import Lang
    from planas.validation.report import format_finding_text
    from planas.years.draft import default_output, next_year_draft
    from planas.years.mentions import stale_year_mentions

    imports_done()
    source = options.source
    try:  # read once: the identity and the draft both come from this text
        text = decode_plan_bytes(read_plan_bytes(source))
        _, old_year, _ = identity_of(load_plan_text(text, str(source)).data)
    except LoadProblem:
        old_year = None
    if old_year is None:
        raise UsageError(f"{source}: tai ne planas arba jame nėra metadata.year (validate parodys kodėl)")
    target = options.output or default_output(source, old_year, options.year)
    draft, changes = next_year_draft(text, options.year, str(source))
    if str(target) == "-":  # standard output: the draft only, the migrations to stderr
        out.data(draft)
        _report_changes(out, changes, err=True)
        return EXIT_OK
    if target.exists() and not options.force:
        raise UsageError(f"{target}: failas jau yra; naudokite --force, jei norite jį perrašyti")
    write_atomic(target, draft.encode("utf-8"))
    out.say(f"{target}: įrašytas {options.year} m. plano projektas; toliau: planas validate {target}",
            f"{target}: draft plan for {options.year} written; next: planas validate {target}")
    _report_changes(out, changes)
    mentions = stale_year_mentions(draft, str(target), old_year, options.year)
    if mentions:
        lang: Lang = "en" if options.lang == "en" else "lt"
        out.say(f"Tekste liko ankstesnių metų paminėjimų ({len(mentions)}): perskaitykite kiekvieną sakinį.",
                f"The text still mentions earlier years ({len(mentions)} times): read each sentence.")
        out.data("".join(format_finding_text(f, lang) + "\n" for f in mentions))
    return EXIT_OK


def _report_changes(out: Output, changes: list[Change], *, err: bool = False) -> None:
    """The migrations of a draft that crossed into another regime, one line each."""
    if not changes:
        return
    out.say(f"Pereinant į kitą planavimo tvarką pakeista ({len(changes)}):",
            f"Crossing into another planning regime changed ({len(changes)}):", err=err)
    for change in changes:
        out.say(f"  - {change.lt}", f"  - {change.en}", err=err)
