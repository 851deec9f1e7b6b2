"""`planas diff`: what changed between two plans, matched by identity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
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


def run(options: DiffOptions, out: Output) -> int:
    """Validate both plans once (exit 1 when either has errors), then compare them."""
    from planas.reference import load_reference
    from planas.repository.index import resolve_sources
    from planas.validation import validate_bytes
    from planas.validation.report import render_report
    from planas.years.diff import diff_plans
    from planas.years.report import render_diff

    imports_done()
    reference = load_reference()
    sources = resolve_sources((options.old, options.new), options.repo, options.municipality)
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
    return EXIT_FINDINGS if options.exit_code and not difference.is_empty else EXIT_OK
