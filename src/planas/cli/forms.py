"""`planas forms`: the providers' spreadsheets out (`planas forms PLAN -o DIR`), the answers back (`merge`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
from planas.errors import UsageError
from planas.validation import FileResult

MERGE = "merge"


@dataclass(frozen=True)
class FormsOptions:
    """What `planas forms PLAN -o DIR` writes."""

    plan: Path
    output: Path
    force: bool = False
    lang: str = "lt"


@dataclass(frozen=True)
class MergeOptions:
    """What `planas forms merge PLAN FILLED.xlsx...` reads, and whether it writes the plan."""

    plan: Path
    forms: tuple[Path, ...]
    write: bool = False
    output_format: str = "text"
    lang: str = "lt"


def _read(path: Path, limit: int) -> bytes:
    if not path.is_file():
        raise UsageError(f"{path}: failas nerastas (file not found)")
    try:
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except OSError as error:
        raise UsageError(f"{path}: nepavyko perskaityti ({error.strerror})") from None


def _valid_plan(path: Path, out: Output, lang: str) -> tuple[FileResult, bytes] | None:
    """The plan validated once; None (its report printed) when it has errors."""
    from planas.loading.positional import MAX_PLAN_BYTES
    from planas.repository.localref import reference_for
    from planas.validation import validate_bytes
    from planas.validation.report import render_report

    raw = _read(path, MAX_PLAN_BYTES)
    result = validate_bytes(raw, str(path), reference_for(path))
    if result.errors or result.plan is None:
        out.data(render_report([result], "text", lang))  # type: ignore[arg-type]
        out.say(f"planas: {path}: plane yra klaidų – pirmiausia jas ištaisykite",
                f"planas: {path}: the plan has errors – fix them first", err=True)
        return None
    return result, raw


def run(options: FormsOptions, out: Output) -> int:
    """Write one form per provider and a blank one into the folder; refuse to overwrite without --force."""
    from planas.forms.workbook import build_forms
    from planas.loading.fileio import write_atomic
    from planas.repository.localref import reference_for

    imports_done()
    valid = _valid_plan(options.plan, out, options.lang)
    if valid is None:
        return EXIT_FINDINGS
    result, _ = valid
    assert result.plan is not None
    forms = build_forms(result.plan, reference_for(options.plan))
    existing = [options.output / form.name for form in forms if (options.output / form.name).exists()]
    if existing and not options.force:
        names = ", ".join(str(p) for p in existing)
        raise UsageError(f"{names}: jau yra; perrašyti – --force (already exist; use --force to overwrite): "
                         "gal tai teikėjų grąžintos formos?")
    for form in forms:
        write_atomic(options.output / form.name, form.data)
    out.say(f"{options.output}: įrašyta formų: {len(forms)} (teikėjų {len(forms) - 1} ir tuščia naujam teikėjui)",
            f"{options.output}: {len(forms)} forms written ({len(forms) - 1} providers' and a blank one)")
    return EXIT_OK


def run_merge(options: MergeOptions, out: Output) -> int:
    """Report every form's findings, show the plan's diff, and with --write replace the plan atomically."""
    from planas.forms.apply import merge_answers
    from planas.forms.report import REPORTERS
    from planas.forms.safety import MAX_FORM_BYTES
    from planas.loading.fileio import write_atomic
    from planas.repository.localref import reference_for
    from planas.validation.report import render_report
    from planas.years.report import render_diff

    imports_done()
    if not options.forms:
        raise UsageError("forms merge: nurodykite užpildytas formas (.xlsx) (name the filled forms)")
    valid = _valid_plan(options.plan, out, options.lang)
    if valid is None:
        return EXIT_FINDINGS
    plan, raw = valid
    reference = reference_for(options.plan)
    forms = [(str(path), _read(path, MAX_FORM_BYTES)) for path in options.forms]
    outcome = merge_answers(plan, raw.decode("utf-8"), forms, reference)
    lang = options.lang
    report = REPORTERS[options.output_format](outcome.forms, lang)  # type: ignore[arg-type]
    diff_text = None
    if outcome.diff is not None:
        diff_format = "json" if options.output_format == "json" else "text"
        diff_text = render_diff(outcome.diff, reference, diff_format, lang)  # type: ignore[arg-type]
    if options.output_format == "json":  # one JSON document: the findings, and the diff when there is one
        payload = json.loads(report)
        payload["diff"] = json.loads(diff_text) if diff_text is not None else None
        out.data(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.data(report)
    if outcome.merged is not None and outcome.merged.errors:
        out.data(render_report([outcome.merged], "text", lang))  # type: ignore[arg-type]
        out.say("planas: sujungtas planas netiktų – planas nepakeistas",
                "planas: the merged plan would not be valid – the plan is unchanged", err=True)
        return EXIT_FINDINGS
    if outcome.diff is None or outcome.text is None:
        out.say("planas: formose yra klaidų – planas nepakeistas",
                "planas: the forms have errors – the plan is unchanged", err=True)
        return EXIT_FINDINGS
    if diff_text is not None and options.output_format != "json":
        out.data(diff_text)
    if options.write and not outcome.diff.is_empty:
        write_atomic(options.plan, outcome.text.encode("utf-8"))
        out.say(f"{options.plan}: planas atnaujintas", f"{options.plan}: the plan is updated", err=True)
    elif not options.write and not outcome.diff.is_empty:
        out.say("planas: tai tik peržiūra; įrašyti į planą – --write",
                "planas: a preview only; to write it into the plan, add --write", err=True)
    return EXIT_OK
