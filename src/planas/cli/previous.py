"""`planas render --previous` / `--report`: last year's plan found, validated and reviewed.

Last year's plan is the `--previous` file, or else the plan of the same
municipality for the year before in the plan's repository (the folder of its
`.planas.yaml`). Without either, the document has no review section and
`--report` is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planas.cli.output import Output
from planas.errors import UsageError

if TYPE_CHECKING:
    from planas.model import Plan
    from planas.reference import Reference
    from planas.review import ImplementationReview
    from planas.validation import FileResult


class PreviousPlanInvalid(Exception):
    """Last year's plan has errors: its report has been shown, nothing is rendered."""


def _from_repository(plan_file: Path, plan: Plan) -> tuple[bytes, str] | None:
    from planas.reference.local import repository_root
    from planas.repository.index import RepositoryIndex

    root = repository_root(plan_file)
    if root is None:
        return None
    index = RepositoryIndex.build(root)
    year, name = plan.metadata.year - 1, plan.metadata.municipality.name
    matches = [p for p in index.plans if p.year == year and p.municipality == name]
    if len(matches) > 1:
        files = ", ".join(str(p.path) for p in matches)
        raise UsageError(f"{root}: keli {year} m. {name} planai ({files}); nurodykite --previous FAILAS")
    return (matches[0].raw, str(matches[0].path)) if matches else None


def _validated(source: Path | tuple[bytes, str], reference: Reference, out: Output, lang: str) -> FileResult:
    """Last year's plan validated (a file, or bytes found in the repository); errors stop the rendering."""
    from planas.validation import validate_bytes, validate_file
    from planas.validation.report import render_report

    if isinstance(source, Path):
        result = validate_file(source, reference)
    else:
        result = validate_bytes(*source, reference)
    if result.errors or result.plan is None:
        out.data(render_report([result], "text", lang))  # type: ignore[arg-type]
        out.say(f"planas: {result.file}: praėjusių metų plane yra klaidų, dokumentas neparengtas",
                f"planas: {result.file}: last year's plan has errors; nothing rendered", err=True)
        raise PreviousPlanInvalid
    return result


def _check_identity(previous: Plan, plan: Plan, file: str) -> None:
    year = plan.metadata.year - 1
    if previous.metadata.year != year:
        raise UsageError(f"{file}: --previous: tai {previous.metadata.year} m. planas, o reikia {year} m. "
                         f"(the previous plan must be of {year})")
    if previous.metadata.municipality.name != plan.metadata.municipality.name:
        raise UsageError(f"{file}: --previous: kitos savivaldybės planas ({previous.metadata.municipality.name}) "
                         f"(another municipality's plan)")


def _warn(review: ImplementationReview, raw: bytes, file: str, status: str, out: Output) -> None:
    """The review's gaps as located warnings in last year's plan file (stderr); the document is still written."""
    from planas.loading.positional import decode_plan_bytes, load_plan_text
    from planas.validation.registry import hint, message

    positions = load_plan_text(decode_plan_bytes(raw), file).positions

    def locate(loc: tuple[str | int, ...]) -> tuple[int, int]:
        position = positions.locate(loc)
        return position.line, position.column

    for finding in review.findings(file, locate, status):
        where = f"{finding.file}:{finding.line}:{finding.column}"
        out.say(f"{where}: įspėjimas {finding.code}: {message(finding, 'lt')} {hint(finding, 'lt')}",
                f"{where}: warning {finding.code}: {message(finding, 'en')} {hint(finding, 'en')}", err=True)


def previous_review(plan_file: Path, from_stdin: bool, previous: Path | None, result: FileResult,
                    reference: Reference, out: Output, lang: str, *, report: bool = False) -> ImplementationReview | None:
    """Last year's plan reviewed against this year's, or None when there is no last year's plan to find.

    Last year's plan with errors stops the rendering when it was asked for (`--previous`, or `report`);
    one found in the repository by itself only leaves the review out, with a warning.
    """
    from planas.review import review_plan

    plan = result.plan
    assert plan is not None
    source: Path | tuple[bytes, str] | None = previous
    if source is None and not from_stdin:
        source = _from_repository(plan_file, plan)
    if source is None:
        return None
    if previous is None and not report:
        # Found by itself: last year's errors do not stop this year's document, it only lacks the review.
        from planas.validation import validate_bytes

        assert not isinstance(source, Path)
        found = validate_bytes(*source, reference)
        if found.errors or found.plan is None:
            out.say(f"planas: {found.file}: praėjusių metų plane yra klaidų; apžvalgos skirsnis neparengtas "
                    f"(planas validate {found.file})",
                    f"planas: {found.file}: last year's plan has errors; no review section "
                    f"(planas validate {found.file})", err=True)
            return None
        checked = found
    else:
        checked = _validated(source, reference, out, lang)
    assert checked.plan is not None
    _check_identity(checked.plan, plan, checked.file)
    review = review_plan(checked.plan, reference, plan, result.criteria)
    if review.gaps:
        raw = source.read_bytes() if isinstance(source, Path) else source[0]
        _warn(review, raw, checked.file, plan.metadata.status, out)
    return review
