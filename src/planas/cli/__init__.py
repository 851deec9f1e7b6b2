"""The command line: parse options, call the core, print its values, map outcomes to exit codes.

Exit codes, the same for every command: 0 success; 1 findings (an invalid
plan, a stale document, differences with --exit-code); 2 the tool could not
do its job (missing file, bad option, internal error).
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from planas import __version__
from planas.errors import UsageError

app = typer.Typer(
    name="planas",
    help="Savivaldybės socialinių paslaugų planas kaip YAML: tikrinimas, dokumentai, palyginimas.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
ISSUES_URL = "the planas issue tracker (attach the command and, if you can, the plan file)"


class _State:
    debug = False


P = ParamSpec("P")
R = TypeVar("R")


def _err(text: str) -> None:
    typer.echo(text, err=True)


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """One top-level handler: user errors in one line, internal errors short (traceback with --debug)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except UsageError as error:
            _err(f"planas: {error}")
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            _err("planas: nutraukta (interrupted)")
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as error:  # noqa: BLE001 - the one place that catches everything
            if _State.debug:
                traceback.print_exc()
            _err(
                f"planas: vidinė klaida (internal error): {type(error).__name__}: {error}\n"
                f"Praneškite apie ją (report it to {ISSUES_URL}); "
                "išsamiau: paleiskite su --debug."
            )
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper


class Lang(StrEnum):
    """Message language."""

    lt = "lt"
    en = "en"


class ValidateFormat(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planas {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Parodyti versiją ir baigti."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Vidinės klaidos atveju parodyti visą klaidos eigą.")
    ] = False,
) -> None:
    """Savivaldybės socialinių paslaugų planas kaip YAML."""
    _State.debug = debug


@app.command()
@guarded
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Plano YAML failai.", show_default=False, readable=False)
    ],
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Išvesties formatas.")
    ] = ValidateFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", help="Pranešimų kalba.")] = Lang.lt,
    strict: Annotated[
        bool, typer.Option("--strict", help="Įspėjimai taip pat laikomi klaidomis (exit 1).")
    ] = False,
) -> None:
    """Patikrinti planus: 0 – tinkami, 1 – rasta klaidų, 2 – nepavyko patikrinti."""
    from planas.validation import FileResult, validate_file
    from planas.validation.report import render_report

    results: list[FileResult] = []
    usage_failed = False
    for path in files:
        try:
            results.append(validate_file(path))
        except UsageError as error:
            _err(f"planas: {error}")
            usage_failed = True
    if results:
        typer.echo(render_report(results, output_format.value, lang.value), nl=False)
    if usage_failed:
        raise typer.Exit(EXIT_USAGE)
    failed = any(r.errors or (strict and r.warnings) for r in results)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


class RenderFormat(StrEnum):
    """Output formats of `render`."""

    docx = "docx"
    md = "md"


@app.command()
@guarded
def render(
    plan_file: Annotated[Path, typer.Argument(help="Plano YAML failas.", show_default=False, readable=False)],
    output_format: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="Dokumento formatas.")
    ] = RenderFormat.docx,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Kur įrašyti (numatyta: šalia plano, plan.docx / plan.md)."),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Savivaldybės Word (.docx) arba Markdown šablonas.")
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Nieko nerašyti: exit 1, jei diske esantis dokumentas pasenęs."),
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Pranešimų kalba.")] = Lang.lt,
) -> None:
    """Parengti plano dokumentą (Word arba Markdown) su apskaičiuotais kriterijais."""
    from planas.loading.fileio import write_atomic
    from planas.reference import load_reference
    from planas.render import render_plan
    from planas.validation import validate_file
    from planas.validation.report import render_report

    result = validate_file(plan_file)
    if result.errors or result.plan is None:
        typer.echo(render_report([result], "text", lang.value), nl=False)
        _err("planas: plane yra klaidų, dokumentas neparengtas (the plan has errors; nothing rendered)")
        raise typer.Exit(EXIT_FINDINGS)
    target = output or plan_file.with_suffix(f".{output_format.value}")
    data = render_plan(result.plan, load_reference(), output_format.value, template)
    if check:
        try:
            current = target.read_bytes()
        except OSError:
            current = None
        if current != data:
            state = "nėra" if current is None else "pasenęs"
            _err(f"planas: {target}: dokumentas {state} (out of date); paleiskite be --check")
            raise typer.Exit(EXIT_FINDINGS)
        typer.echo(f"{target}: dokumentas atnaujintas (up to date)")
        raise typer.Exit(EXIT_OK)
    write_atomic(target, data)
    typer.echo(f"{target}: įrašyta ({len(data)} B)")


class DiffFormat(StrEnum):
    """Output formats of `diff`."""

    text = "text"
    md = "md"
    json = "json"


def _load_valid(source: object, lang: Lang) -> object:
    """Validate a plan source; print its findings and exit 1 when it has errors."""
    from planas.repository.index import PlanSource
    from planas.validation import validate_bytes
    from planas.validation.report import render_report

    assert isinstance(source, PlanSource)
    result = validate_bytes(source.raw, source.label)
    if result.errors or result.plan is None:
        typer.echo(render_report([result], "text", lang.value), nl=False)
        _err(f"planas: {source.label}: plane yra klaidų (the plan has errors)")
        raise typer.Exit(EXIT_FINDINGS)
    return result.plan


@app.command()
@guarded
def diff(
    old: Annotated[str, typer.Argument(help="Senesnis planas: failas, metai (2020) arba REV:KELIAS.")],
    new: Annotated[str, typer.Argument(help="Naujesnis planas: failas, metai (2021) arba REV:KELIAS.")],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Išvesties formatas.")] = DiffFormat.text,
    repo: Annotated[Path, typer.Option("--repo", help="Planų saugykla, kai nurodomi metai.", readable=False)] = Path(),
    municipality: Annotated[
        str | None, typer.Option("--municipality", help="Savivaldybė, kai saugykloje jų kelios.")
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1, kai yra skirtumų (kaip git diff).")
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Pranešimų kalba.")] = Lang.lt,
) -> None:
    """Palyginti du planus: kas pridėta, pašalinta, pakeista (pagal identifikatorius)."""
    from planas.model import Plan
    from planas.reference import load_reference
    from planas.repository.index import resolve_source
    from planas.years.diff import diff_plans
    from planas.years.report import render_diff

    old_source = resolve_source(old, repo, municipality)
    new_source = resolve_source(new, repo, municipality)
    old_plan, new_plan = _load_valid(old_source, lang), _load_valid(new_source, lang)
    assert isinstance(old_plan, Plan) and isinstance(new_plan, Plan)
    reference = load_reference()
    result = diff_plans(old_plan, new_plan, reference, old_label=old_source.label, new_label=new_source.label)
    typer.echo(render_diff(result, reference, output_format.value, lang.value), nl=False)
    raise typer.Exit(EXIT_FINDINGS if exit_code and not result.is_empty else EXIT_OK)


@app.command()
@guarded
def new(
    year: Annotated[int, typer.Argument(help="Naujo plano metai.")],
    source: Annotated[
        Path, typer.Option("--from", help="Praėjusių metų planas.", show_default=False, readable=False)
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Kur įrašyti (numatyta: šalia, su naujais metais).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Perrašyti esamą failą.")] = False,
) -> None:
    """Parengti kitų metų plano projektą iš šių metų plano (komentarai ir tvarka išlieka)."""
    from planas.loading.fileio import write_atomic
    from planas.loading.positional import (
        LoadProblem,
        decode_plan_bytes,
        load_plan_text,
        read_plan_bytes,
    )
    from planas.repository.index import identity_of
    from planas.years.draft import default_output, next_year_text

    try:  # read once: the identity and the draft both come from this text
        text = decode_plan_bytes(read_plan_bytes(source))
        _, old_year, _ = identity_of(load_plan_text(text, str(source)).data)
    except LoadProblem:
        old_year = None
    if old_year is None:
        raise UsageError(f"{source}: tai ne planas arba jame nėra metadata.year (validate parodys kodėl)")
    target = output or default_output(source, old_year, year)
    if target.exists() and not force:
        raise UsageError(f"{target}: failas jau yra; naudokite --force, jei norite jį perrašyti")
    draft = next_year_text(text, year, str(source))
    write_atomic(target, draft.encode("utf-8"))
    typer.echo(f"{target}: įrašytas {year} m. plano projektas; toliau: planas validate {target}")


class CheckFormat(StrEnum):
    """Stdout formats of `check`."""

    text = "text"
    json = "json"
    github = "github"


REPORT_FORMATS = ("junit", "sarif", "json", "md", "text", "github")


@app.command()
@guarded
def check(
    repo: Annotated[Path, typer.Argument(help="Planų saugykla (aplankas).", readable=False)] = Path(),
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Išvestis ekrane.")] = CheckFormat.text,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", help="Ataskaita į failą: junit:FAILAS, sarif:FAILAS, json:FAILAS, md:FAILAS."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Įspėjimai taip pat laikomi klaidomis.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Žinomų radinių failas: jie nebelaiko klaidomis.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Įrašyti dabartinius radinius kaip bazinius.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Procesų skaičius (numatyta: branduolių).")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Pranešimų kalba.")] = Lang.lt,
) -> None:
    """Patikrinti visus saugyklos planus, metų seką ir užpildymą (CI)."""
    import os

    from planas.loading.fileio import write_atomic
    from planas.repository.check import (
        baseline_text,
        check_repository,
        load_settings,
        read_baseline,
    )
    from planas.repository.report import render_check

    targets: list[tuple[str, Path]] = []
    for item in report or []:
        kind, _, destination = item.partition(":")
        if kind not in REPORT_FORMATS or not destination:
            raise UsageError(f"--report {item}: naudokite FORMATAS:FAILAS, formatai: {', '.join(REPORT_FORMATS)}")
        targets.append((kind, Path(destination)))
    settings = load_settings(repo)
    baseline_path = baseline or (repo / settings.baseline if settings.baseline else None)
    known = read_baseline(baseline_path) if baseline_path is not None and write_baseline is None else frozenset()
    result = check_repository(repo, jobs=jobs, settings=settings, baseline=known)
    if write_baseline is not None:
        write_atomic(write_baseline, baseline_text(result.findings, repo).encode("utf-8"))
        typer.echo(f"{write_baseline}: įrašyta {len(result.findings)} radinių (baseline)")
        raise typer.Exit(EXIT_OK)
    typer.echo(render_check(result, output_format.value, lang.value, strict=strict), nl=False)
    for kind, target in targets:
        write_atomic(target, render_check(result, kind, lang.value, strict=strict).encode("utf-8"))  # type: ignore[arg-type]
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as stream:
            stream.write(render_check(result, "md", lang.value))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
@guarded
def schema() -> None:
    """Išvesti plano JSON schemą (ta pati, kaip schemas/plan.schema.json)."""
    from planas.schema import plan_schema_text

    typer.echo(plan_schema_text(), nl=False)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - errors in option callbacks and the like
        _err(f"planas: vidinė klaida (internal error): {type(error).__name__}: {error}")
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    main()
