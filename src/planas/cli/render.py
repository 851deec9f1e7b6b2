"""`planas render`: the plan as a Word or Markdown document, or `--check` that it is up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planas.cli.output import Output, imports_done
from planas.cli.previous import PreviousPlanInvalid, previous_review
from planas.cli.streams import STDIN_LABEL, is_dash, read_stdin
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
from planas.errors import UsageError

if TYPE_CHECKING:
    from planas.criteria import CriteriaTable
    from planas.model import Plan
    from planas.reference import Reference
    from planas.review import ImplementationReview


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
    previous: Path | None = None
    report: bool = False


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


def _report_page_findings(plan: Plan, reference: Reference, file: str, criteria: CriteriaTable | None,
                          out: Output) -> None:
    """Warnings about the web page (W2001: two identifiers give one id); the page is still written."""
    from planas.render.html_ids import page_findings
    from planas.validation.registry import hint, message

    for finding in page_findings(plan, reference, file, criteria):
        out.say(f"{file}: įspėjimas {finding.code}: {message(finding, 'lt')} {hint(finding, 'lt')}",
                f"{file}: warning {finding.code}: {message(finding, 'en')} {hint(finding, 'en')}", err=True)


def _refuse_pdf_check(options: RenderOptions) -> None:
    """`--check` on a PDF: LibreOffice writes a time and a random id into every PDF, so bytes never match."""
    if options.check and options.output_format == "pdf":
        raise UsageError("--check netinka PDF: PDF baitai kaskart kitokie; tikrinkite DOCX "
                         "(--check does not apply to PDF: its bytes differ on every export; check the DOCX)")


def run(options: RenderOptions, out: Output) -> int:
    """Validate once, then render from that result; a plan with errors is not rendered (exit 1)."""
    from planas.loading.fileio import write_atomic
    from planas.render import render_plan
    from planas.render.markdown import chart_folder
    from planas.repository.localref import reference_for
    from planas.validation import validate_file
    from planas.validation.report import render_report

    imports_done()
    _refuse_pdf_check(options)
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
    try:
        review = previous_review(options.plan_file, from_stdin, options.previous, result, reference, out,
                                 options.lang, report=options.report)
    except PreviousPlanInvalid:
        return EXIT_FINDINGS
    if options.report and review is None:
        raise UsageError(f"{options.plan_file}: --report: nerastas praėjusių metų planas; nurodykite --previous "
                         "FAILAS (last year's plan not found)")
    suffix = f"-ataskaita.{options.output_format}" if options.report else f".{options.output_format}"
    target = options.output or options.plan_file.with_name(options.plan_file.stem + suffix)
    folder = chart_folder(options.plan_file if is_dash(target) else target)
    data = render_plan(result.plan, reference, options.output_format,  # type: ignore[arg-type]
                       options.template, criteria=result.criteria, notes=options.notes,
                       source_sha256=result.source_sha256, review=review, report=options.report,
                       chart_folder=folder)
    if options.output_format == "html":
        _report_page_findings(result.plan, reference, str(options.plan_file), result.criteria, out)
    if is_dash(target):
        out.binary(data)
        return EXIT_OK
    if options.check:
        charts = _chart_files(result.plan, reference, review, options) if options.output_format == "md" else {}
        # a Markdown document's charts beside it are part of it
        return max(_is_current(target, data, out), _charts_current(target.parent / folder, charts, out))
    write_atomic(target, data)
    out.say(f"{target}: įrašyta ({len(data)} B)", f"{target}: written ({len(data)} B)")
    if options.output_format == "md":
        _write_charts(target.parent / folder, result.plan, reference, review, options, out)
    return EXIT_OK


def _chart_files(plan: Plan, reference: Reference, review: ImplementationReview | None,
                 options: RenderOptions) -> dict[str, bytes]:
    """A Markdown document's charts by file name (SVG)."""
    from planas.render import chart_files, plan_view

    return chart_files(plan_view(plan, reference, review=review, report=options.report))


def _same_bytes(path: Path, content: bytes) -> bool:
    try:
        return path.read_bytes() == content
    except OSError:
        return False


def _charts_current(folder: Path, charts: dict[str, bytes], out: Output) -> int:
    """`--check` of a Markdown document's charts: 1 naming the stale or missing ones."""
    stale = [name for name, content in charts.items() if not _same_bytes(folder / name, content)]
    if not stale:
        return EXIT_OK
    names = ", ".join(stale)
    out.say(f"planas: {folder}: grafikai pasenę arba jų nėra ({names}); paleiskite be --check",
            f"planas: {folder}: charts out of date or missing ({names}); run without --check", err=True)
    return EXIT_FINDINGS


def _write_charts(folder: Path, plan: Plan, reference: Reference, review: ImplementationReview | None,
                  options: RenderOptions, out: Output) -> None:
    """A Markdown document's charts, as SVG files in its chart folder beside it (docs/review.md)."""
    from planas.loading.fileio import write_atomic

    files = _chart_files(plan, reference, review, options)
    if files:
        folder.mkdir(exist_ok=True)
    for name, content in files.items():
        write_atomic(folder / name, content)
    if files:
        out.say(f"{folder}: įrašyti grafikai ({len(files)})", f"{folder}: charts written ({len(files)})")
