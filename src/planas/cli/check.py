"""`planas check`: every plan of a repository, for CI (reports, baseline, step summary)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planas.cli.common import CheckFormat, Lang
from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_FINDINGS, EXIT_OK
from planas.errors import UsageError

REPORT_FORMATS = ("junit", "sarif", "codequality", "json", "md", "text", "github")


@dataclass(frozen=True)
class CheckOptions:
    """What `planas check` was asked to check, and where its reports go."""

    repo: Path = Path()
    output_format: str = "text"
    reports: tuple[str, ...] = ()
    strict: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    jobs: int | None = None
    lang: str = "lt"
    sarif_root: Path | None = None
    use_cache: bool = True
    """Recall the kept results of files checked before with the very same input."""


def command(repo: Path, output_format: CheckFormat, report: list[str] | None, strict: bool,
            baseline: Path | None, write_baseline: Path | None, jobs: int | None, lang: Lang,
            sarif_root: Path | None, no_cache: bool = False) -> int:
    """`planas check` with its parsed arguments (from typer or from `planas.cli.dispatch`)."""
    options = CheckOptions(repo, output_format.value, tuple(report or ()), strict, baseline, write_baseline,
                           jobs, lang.value, sarif_root, not no_cache)
    return run(options, Output(lang.value))


def report_targets(items: tuple[str, ...]) -> list[tuple[str, Path]]:
    """`--report FORMAT:FILE` items, checked before any work is done."""
    targets = []
    for item in items:
        kind, _, destination = item.partition(":")
        if kind not in REPORT_FORMATS or not destination:
            raise UsageError(f"--report {item}: naudokite FORMATAS:FAILAS, formatai: {', '.join(REPORT_FORMATS)}")
        targets.append((kind, Path(destination)))
    return targets


def _with_progress(out: Output, work: Callable[[Callable[[int, int], None] | None], object]) -> object:
    """Run `work` with a progress bar on stderr when a terminal shows it and the run takes a while."""
    bar = out.progress(total=1)
    if bar is None:
        return work(None)
    with bar:
        task = bar.add_task("planas check", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= 20:  # a second or more of work: worth a bar
                bar.update(task, completed=done, total=total, visible=True)

        return work(advance)


def run(options: CheckOptions, out: Output) -> int:
    """Check the repository; 0 clean, 1 errors (or warnings with --strict)."""
    from dataclasses import replace

    from planas.i18n import counted
    from planas.loading.fileio import write_atomic
    from planas.repository.baseline import baseline_text, read_baseline
    from planas.repository.check import CheckResult, check_repository
    from planas.repository.report import render_check
    from planas.repository.settings import load_settings

    imports_done()
    targets = report_targets(options.reports)
    repo = options.repo
    settings = load_settings(repo)
    baseline_path = options.baseline or (repo / settings.baseline if settings.baseline else None)
    known = (read_baseline(baseline_path) if baseline_path is not None and options.write_baseline is None
             else frozenset())
    result = _with_progress(out, lambda progress: check_repository(
        repo, jobs=options.jobs, settings=settings, baseline=known, progress=progress,
        use_cache=options.use_cache))
    assert isinstance(result, CheckResult)
    if options.sarif_root is not None:
        result = replace(result, source_root=options.sarif_root)
    if options.write_baseline is not None:
        write_atomic(options.write_baseline, baseline_text(result.findings, repo).encode("utf-8"))
        count = len(result.findings)
        out.say(f"{options.write_baseline}: įrašyta – {counted('lt', count, 'finding')} (baseline)",
                f"{options.write_baseline}: {counted('en', count, 'finding')} written (baseline)")
        return EXIT_OK
    lang, strict = options.lang, options.strict
    out.data(render_check(result, options.output_format, lang, strict=strict))  # type: ignore[arg-type]
    for kind, target in targets:
        text = render_check(result, kind, lang, strict=strict)  # type: ignore[arg-type]
        if str(target) == "-":
            out.data(text)
        else:
            write_atomic(target, text.encode("utf-8"))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as stream:
            stream.write(render_check(result, "md", lang))  # type: ignore[arg-type]
    failed = result.errors > 0 or (strict and result.warnings > 0)
    return EXIT_FINDINGS if failed else EXIT_OK
