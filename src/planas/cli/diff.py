"""`planas diff`: what changed between two plans, matched by identity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planas.cli.output import Output, imports_done
from planas.cli.streams import DASH, STDIN_LABEL, read_stdin
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
from planas.errors import UsageError
from planas.validation import FileResult


@dataclass(frozen=True)
class DiffOptions:
    """What `planas diff` was asked to compare, and how to show it."""

    old: str
    new: str
    output_format: str = "text"
    repo: Path = Path()
    municipality: str | None = None
    exit_code: bool = False
    lang: str = "lt"


def _sources(options: DiffOptions, resolve: Any) -> tuple[Any, ...]:
    """Both plans: `-` is standard input (for one of them), the rest as `resolve_sources` finds them."""
    from planas.loading.positional import MAX_PLAN_BYTES
    from planas.repository.index import PlanSource

    arguments = (options.old, options.new)
    if arguments.count(DASH) > 1:
        raise UsageError("-: standartinė įvestis gali būti tik vienas iš planų (stdin once)")
    named = iter(resolve(tuple(a for a in arguments if a != DASH), options.repo, options.municipality))
    return tuple(PlanSource(STDIN_LABEL, read_stdin(MAX_PLAN_BYTES)) if a == DASH else next(named)
                 for a in arguments)


def run(options: DiffOptions, out: Output) -> int:
    """Validate both plans once (exit 1 when either has errors), then compare them."""
    from planas.repository.index import resolve_sources
    from planas.repository.localref import reference_for
    from planas.validation import validate_bytes
    from planas.validation.report import render_report
    from planas.years.diff import diff_plans
    from planas.years.report import render_diff

    imports_done()
    files = [Path(s) for s in (options.old, options.new) if Path(s).is_file()]
    reference = reference_for(files[0] if files else options.repo)
    sources = _sources(options, resolve_sources)
    results: list[FileResult] = []
    for source in sources:
        result = validate_bytes(source.raw, source.label, reference)
        if result.errors or result.plan is None:
            out.data(render_report([result], "text", options.lang))  # type: ignore[arg-type]
            out.say(f"planas: {source.label}: plane yra klaidų", f"planas: {source.label}: the plan has errors",
                    err=True)
            return EXIT_FINDINGS
        results.append(result)
    old, new = results
    assert old.plan is not None and new.plan is not None
    difference = diff_plans(old.plan, new.plan, reference, old_label=sources[0].label,
                            new_label=sources[1].label, criteria=(old.criteria, new.criteria))
    out.data(render_diff(difference, reference, options.output_format, options.lang))  # type: ignore[arg-type]
    if difference.municipalities_differ:
        from planas.years.report import municipality_warning

        out.say(f"planas: {municipality_warning(difference, 'lt')}", f"planas: {municipality_warning(difference, 'en')}",
                err=True)
    return EXIT_FINDINGS if options.exit_code and not difference.is_empty else EXIT_OK
