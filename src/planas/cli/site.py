"""`planas site`: the static site of a plans repository (index, plan pages, years, criteria)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK


@dataclass(frozen=True)
class SiteOptions:
    """What `planas site` was asked to do."""

    repo: Path
    output: Path
    documents: bool = False
    lang: str = "lt"


def run(options: SiteOptions, out: Output) -> int:
    """Build the site; exit 1 when some plan had errors (it gets no page), 0 otherwise."""
    from planas.errors import UsageError
    from planas.site import build_site

    imports_done()
    if not options.repo.is_dir():
        raise UsageError(f"{options.repo}: aplankas nerastas (folder not found)")
    result = build_site(options.repo, options.output, documents=options.documents)
    for entry in result.failed:
        out.say(f"planas: {entry.file}: plane yra klaidų, puslapis neparengtas",
                f"planas: {entry.file}: the plan has errors; no page made", err=True)
        for line in entry.errors:
            out.say(f"  {line}", f"  {line}", err=True)
    state_lt = "įrašyta" if result.written else "nepakito, nieko neperrašyta"
    state_en = "written" if result.written else "unchanged, nothing rewritten"
    out.say(f"{options.output}: svetainė {state_lt} ({result.pages} planų puslapiai iš {result.plans}, "
            f"{result.files} failai)",
            f"{options.output}: site {state_en} ({result.pages} plan pages of {result.plans}, {result.files} files)")
    return EXIT_FINDINGS if result.failed else EXIT_OK
