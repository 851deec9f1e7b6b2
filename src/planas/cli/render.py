"""`planas render`: the plan as a Word or Markdown document, or `--check` that it is up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.streams import STDIN_LABEL, is_dash, read_stdin
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
from planas.errors import UsageError


@dataclass(frozen=True)
class RenderOptions:
    """What `planas render` was asked to do."""

    plan_file: Path
    output_format: str = "docx"
    output: Path | None = None
    template: Path | None = None
    check: bool = False
    lang: str = "lt"
    notes: bool = False


def _is_current(target: Path, data: bytes, out: Output) -> int:
    """`--check`: 0 when the file on disk is what rendering gives, 1 when it is stale or missing."""
    try:
        current: bytes | None = target.read_bytes()
    except OSError:
        current = None
    if current != data:
        state_lt, state_en = ("nėra", "missing") if current is None else ("pasenęs", "out of date")
        out.say(f"planas: {target}: dokumentas {state_lt}; paleiskite be --check",
                f"planas: {target}: the document is {state_en}; run without --check", err=True)
        return EXIT_FINDINGS
    out.say(f"{target}: dokumentas atnaujintas", f"{target}: the document is up to date")
    return EXIT_OK


def run(options: RenderOptions, out: Output) -> int:
    """Validate once, then render from that result; a plan with errors is not rendered (exit 1)."""
    from planas.loading.fileio import write_atomic
    from planas.render import render_plan
    from planas.repository.localref import reference_for
    from planas.validation import validate_file
    from planas.validation.report import render_report

    imports_done()
    from_stdin = is_dash(options.plan_file)
    # A plan from standard input belongs to the repository of the working folder.
    reference = reference_for(Path.cwd() if from_stdin else options.plan_file)
    if from_stdin:
        from planas.loading.positional import MAX_PLAN_BYTES
        from planas.validation import validate_bytes

        result = validate_bytes(read_stdin(MAX_PLAN_BYTES), STDIN_LABEL, reference)
    else:
        result = validate_file(options.plan_file, reference)
    if result.errors or result.plan is None:
        out.data(render_report([result], "text", options.lang))  # type: ignore[arg-type]
        out.say("planas: plane yra klaidų, dokumentas neparengtas",
                "planas: the plan has errors; nothing rendered", err=True)
        return EXIT_FINDINGS
    if from_stdin and options.output is None:
        raise UsageError("-: nurodykite, kur įrašyti: -o FAILAS arba -o - (standartinė išvestis)")
    target = options.output or options.plan_file.with_suffix(f".{options.output_format}")
    data = render_plan(result.plan, reference, options.output_format,  # type: ignore[arg-type]
                       options.template, criteria=result.criteria, notes=options.notes,
                       source_sha256=result.source_sha256)
    if is_dash(target):
        out.binary(data)
        return EXIT_OK
    if options.check:
        return _is_current(target, data, out)
    write_atomic(target, data)
    out.say(f"{target}: įrašyta ({len(data)} B)", f"{target}: written ({len(data)} B)")
    return EXIT_OK
