"""`planas validate`: check plan files and report their findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.common import Lang, ValidateFormat
from planas.cli.output import Output, imports_done
from planas.cli.streams import STDIN_LABEL, is_dash, read_stdin
from planas.errors import UsageError
from planas.i18n import counted
from planas.loading.positional import LoadProblem
from planas.reference import Reference
from planas.validation import FileResult

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class ValidateOptions:
    """What `planas validate` was asked to do."""

    files: tuple[Path, ...]
    output_format: str = "text"
    lang: str = "lt"
    strict: bool = False
    plans_only: bool = False


def command(files: list[Path], output_format: ValidateFormat, lang: Lang, strict: bool, plans_only: bool) -> int:
    """`planas validate` with its parsed arguments (from typer or from `planas.cli.dispatch`)."""
    options = ValidateOptions(tuple(files), output_format.value, lang.value, strict, plans_only)
    return run(options, Output(lang.value))


def local_reference(path: Path) -> Reference:
    """The packaged reference data, plus the local data of the plan's repository (if it is in one).

    Outside a plans repository nothing of `planas.repository` is loaded (start-up time).
    """
    from planas.reference import load_reference
    from planas.reference.local import repository_root

    root = repository_root(path)
    if root is None:
        return load_reference()
    from planas.repository.localref import reference_for_root

    return reference_for_root(root)


def _validate_one(path: Path, plans_only: bool) -> FileResult | None:
    """One file's result (`-`: standard input); None when `plans_only` and the file is no plan."""
    from planas.loading.positional import MAX_PLAN_BYTES, read_plan_bytes
    from planas.loading.sniff import looks_like_plan
    from planas.validation import validate_bytes, validate_file

    reference = local_reference(Path() if is_dash(path) else path)
    if is_dash(path):
        raw = read_stdin(MAX_PLAN_BYTES)
        return None if plans_only and not looks_like_plan(raw) else validate_bytes(raw, STDIN_LABEL, reference)
    if plans_only:
        try:
            raw = read_plan_bytes(path)
        except LoadProblem:  # too large: validate_file reports it with its code
            return validate_file(path, reference)
        return validate_bytes(raw, str(path), reference) if looks_like_plan(raw) else None
    return validate_file(path, reference)


def run(options: ValidateOptions, out: Output) -> int:
    """Validate every file; 0 valid, 1 findings that fail, 2 a file could not be read."""
    import planas.validation  # noqa: F401 - loaded before the GC is frozen (imports_done)
    from planas.validation.report import render_report

    imports_done()
    results: list[FileResult] = []
    usage_failed = False
    for path in options.files:
        try:
            result = _validate_one(path, options.plans_only)
        except UsageError as error:
            out.error(str(error))
            usage_failed = True
            continue
        if result is None:
            out.detail(f"{path}: ne planas, praleista", f"{path}: not a plan, skipped")
            continue
        out.detail(f"{path}: {counted('lt', result.errors, 'error')}, {counted('lt', result.warnings, 'warning')}",
                   f"{path}: {counted('en', result.errors, 'error')}, {counted('en', result.warnings, 'warning')}")
        results.append(result)
    if results:
        out.data(render_report(results, options.output_format, options.lang))  # type: ignore[arg-type]
    if usage_failed:
        return EXIT_USAGE
    failed = any(r.errors or (options.strict and r.warnings) for r in results)
    return EXIT_FINDINGS if failed else EXIT_OK
