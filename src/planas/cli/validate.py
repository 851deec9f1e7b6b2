"""`planas validate`: check plan files and report their findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class ValidateOptions:
    """What `planas validate` was asked to do."""

    files: tuple[Path, ...]
    output_format: str = "text"
    lang: str = "lt"
    strict: bool = False


def run(options: ValidateOptions, out: Output) -> int:
    """Validate every file; 0 valid, 1 findings that fail, 2 a file could not be read."""
    from planas.validation import FileResult, validate_file
    from planas.validation.report import render_report

    imports_done()
    results: list[FileResult] = []
    usage_failed = False
    for path in options.files:
        try:
            results.append(validate_file(path))
        except UsageError as error:
            out.error(str(error))
            usage_failed = True
    if results:
        out.data(render_report(results, options.output_format, options.lang))  # type: ignore[arg-type]
    if usage_failed:
        return EXIT_USAGE
    failed = any(r.errors or (options.strict and r.warnings) for r in results)
    return EXIT_FINDINGS if failed else EXIT_OK
