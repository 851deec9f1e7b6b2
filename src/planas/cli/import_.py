"""`planas import`: a municipality's Word plan -> a YAML draft, with the import's findings.

Exit 0: the draft is written (its warnings listed). Exit 1: the document was
read but no draft without errors could be made (or --strict and there are
warnings); nothing is written. Exit 2: the file could not be read, or the
output exists and --force was not given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from planas.errors import UsageError

if TYPE_CHECKING:
    from planas.validation.registry import Lang


@dataclass(frozen=True)
class ImportOptions:
    """What `planas import` was asked to do."""

    document: Path
    output: Path | None = None
    force: bool = False
    track_changes: str = "accept"
    output_format: str = "text"
    strict: bool = False
    lang: str = "lt"


def run(options: ImportOptions, out: Output) -> int:
    """Import the document; write the draft only when it has no errors (and no warnings with --strict)."""
    from planas.importing import import_docx
    from planas.importing.report import REPORTERS
    from planas.importing.safety import DocxUnreadable
    from planas.loading.fileio import write_atomic
    from planas.repository.localref import reference_for

    imports_done()
    lang: Lang = "en" if options.lang == "en" else "lt"
    target = options.output or options.document.with_suffix(".yaml")
    to_stdout = str(target) == "-"
    if not to_stdout and target.exists() and not options.force:
        raise UsageError(f"{target}: failas jau yra; naudokite --force, jei norite jį perrašyti "
                         f"(file exists; use --force to overwrite)")
    if not to_stdout and target.resolve() == options.document.resolve():
        raise UsageError(f"{target}: projektas būtų įrašytas ant paties dokumento; nurodykite -o plan.yaml")
    reference = reference_for(target if not to_stdout else Path.cwd())
    try:
        result = import_docx(options.document, reference, options.track_changes,  # type: ignore[arg-type]
                             display_name=str(options.document), output_name=str(target))
    except DocxUnreadable as error:
        out.error(error.message(lang))
        return EXIT_USAGE
    text = REPORTERS[options.output_format](result, lang)
    failed = result.errors > 0 or result.text is None or (options.strict and result.warnings > 0)
    if to_stdout and not failed:
        out.data(result.text or "")
        out.say(text.rstrip("\n"), text.rstrip("\n"), err=True)  # the report beside, not into, the YAML
        return EXIT_OK
    out.data(text)
    if failed:
        out.say("planas: projektas neįrašytas (yra klaidų" + (" arba įspėjimų su --strict" if options.strict else "")
                + ")", "planas: no draft written (errors" + (" or warnings with --strict" if options.strict
                                                            else "") + ")", err=True)
        return EXIT_FINDINGS
    write_atomic(target, (result.text or "").encode("utf-8"))
    out.say(f"{target}: įrašytas plano projektas; toliau: planas validate {target}",
            f"{target}: draft plan written; next: planas validate {target}")
    return EXIT_OK

