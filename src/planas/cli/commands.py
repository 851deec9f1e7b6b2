"""The typer application: options are parsed into an options object, and `run(options)` gives the exit code.

Each command's work lives in its own module (`planas.cli.validate`, `.render`,
`.diff`, `.new`, `.check`), imported only when that command runs, so that
`planas validate` never loads the rendering stack. Exit codes, the same for
every command: 0 success; 1 findings (an invalid plan, a stale document,
differences with --exit-code); 2 the tool could not do its job (missing file,
bad option, internal error).
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from planas import __version__
from planas.cli import coercion
from planas.cli import help as typer_texts
from planas.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    CheckFormat,
    Lang,
    ValidateFormat,
    apply_root_options,
    internal_error_message,
    language_from_environment,
    report_failure,
)
from planas.cli.common import State as _State
from planas.cli.output import Output
from planas.errors import UsageError

coercion.install()  # before any parameter is built: see planas.cli.coercion
typer_texts.install()  # flags without <bool>, the help option in the run's language
app = typer.Typer(
    name="planas",
    help="Savivaldybės socialinių paslaugų planas kaip YAML: tikrinimas, dokumentai, palyginimas.",
    no_args_is_help=True,
    add_completion=False,  # `planas completion SHELL` instead: typer's options would be English
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
)

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "CheckFormat", "Lang", "ValidateFormat", "app",
           "internal_error_message", "language_from_environment", "run_app"]

P = ParamSpec("P")
R = TypeVar("R")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """One top-level handler: user errors in one line, internal errors with what to do (traceback with --debug)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the one place that catches everything
            raise typer.Exit(report_failure(error)) from None

    return wrapper


class RenderFormat(StrEnum):
    """Output formats of `render`."""

    docx = "docx"
    md = "md"
    html = "html"
    pdf = "pdf"


class DiffFormat(StrEnum):
    """Output formats of `diff`."""

    text = "text"
    md = "md"
    json = "json"


def _lang_default(ctx: typer.Context, param: typer.CallbackParam, value: Lang) -> Lang:
    """`--lang` when given; otherwise the environment's language (LANG), so a run speaks one language."""
    source = ctx.get_parameter_source(param.name or "lang")
    if source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT"):
        return value
    return language_from_environment()


LangOption = Annotated[
    Lang, typer.Option("--lang", help="Pranešimų kalba (numatyta: pagal LANG, kitaip lt).", callback=_lang_default,
                       show_default=False)
]


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
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Rodyti tik rezultatus ir klaidas.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Rodyti daugiau informacijos (stderr).")
    ] = False,
) -> None:
    """Savivaldybės socialinių paslaugų planas kaip YAML."""
    apply_root_options(debug=debug, quiet=quiet, verbose=verbose)


@app.command()
@guarded
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Plano YAML failai (- – standartinė įvestis).", show_default=False,
                                   readable=False, metavar="PLANAS.yaml")
    ],
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Išvesties formatas.")
    ] = ValidateFormat.text,
    lang: LangOption = Lang.lt,
    strict: Annotated[
        bool, typer.Option("--strict", help="Įspėjimai taip pat laikomi klaidomis (exit 1).")
    ] = False,
    plans_only: Annotated[
        bool, typer.Option("--plans-only", help="Praleisti YAML failus, kurie ne planai (pagal turinį; "
                                                "pre-commit).")
    ] = False,
) -> None:
    """Patikrinti planus: 0 – tinkami, 1 – rasta klaidų, 2 – nepavyko patikrinti."""
    from planas.cli.validate import command

    raise typer.Exit(command(files, output_format, lang, strict, plans_only))


@app.command()
@guarded
def render(
    plan_file: Annotated[Path, typer.Argument(help="Plano YAML failas (- – standartinė įvestis).",
                                              show_default=False, readable=False, metavar="PLANAS.yaml")],
    output_format: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="Dokumento formatas.")
    ] = RenderFormat.docx,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Kur įrašyti (numatyta: šalia plano, plan.docx / .md / .html / .pdf; "
                                            "- – standartinė išvestis)."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Savivaldybės Word (.docx) arba Markdown šablonas: failas arba "
                                        "numatytojo šablono vardas (plan.docx, plan.md.j2)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Nieko nerašyti: exit 1, jei diske esantis dokumentas pasenęs."),
    ] = False,
    lang: LangOption = Lang.lt,
    notes: Annotated[
        bool,
        typer.Option("--notes", help="Pridėti priedą apie dokumento parengimą (programa, žinynų versijos)."),
    ] = False,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help="Praėjusių metų planas įgyvendinimo apžvalgai (numatyta: ieškomas "
                                        "saugykloje pagal savivaldybę ir metus).", readable=False),
    ] = None,
    report: Annotated[
        bool,
        typer.Option("--report", help="Parengti tik praėjusių metų plano įgyvendinimo ataskaitą (tarybai)."),
    ] = False,
) -> None:
    """Parengti plano dokumentą (Word, Markdown, tinklalapį arba PDF) su apskaičiuotais kriterijais."""
    from planas.cli.render import RenderOptions, run

    options = RenderOptions(plan_file, output_format.value, output, template, check, lang.value, notes,
                            previous=previous, report=report)
    raise typer.Exit(run(options, Output(lang.value)))


@app.command()
@guarded
def diff(
    old: Annotated[str, typer.Argument(help="Senesnis planas: failas, metai (2020), REV:KELIAS arba - "
                                            "(standartinė įvestis).", metavar="SENAS")],
    new: Annotated[str, typer.Argument(help="Naujesnis planas: failas, metai (2021), REV:KELIAS arba -.",
                                       metavar="NAUJAS")],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Išvesties formatas.")] = DiffFormat.text,
    repo: Annotated[Path, typer.Option("--repo", help="Planų saugykla, kai nurodomi metai.", readable=False)] = Path(),
    municipality: Annotated[
        str | None, typer.Option("--municipality", help="Savivaldybė, kai saugykloje jų kelios.")
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1, kai yra skirtumų (kaip git diff).")
    ] = False,
    lang: LangOption = Lang.lt,
) -> None:
    """Palyginti du planus: kas pridėta, pašalinta, pakeista (pagal identifikatorius)."""
    from planas.cli.diff import DiffOptions, run

    options = DiffOptions(old, new, output_format.value, repo, municipality, exit_code, lang.value)
    raise typer.Exit(run(options, Output(lang.value)))


@app.command()
@guarded
def new(
    year: Annotated[int, typer.Argument(help="Naujo plano metai.")],
    source: Annotated[
        Path, typer.Option("--from", help="Praėjusių metų planas.", show_default=False, readable=False)
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Kur įrašyti (numatyta: šalia, su naujais metais; - – standartinė išvestis).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Perrašyti esamą failą.")] = False,
    lang: LangOption = Lang.lt,
) -> None:
    """Parengti kitų metų plano projektą iš šių metų plano (komentarai ir tvarka išlieka)."""
    from planas.cli.new import NewOptions, run

    raise typer.Exit(run(NewOptions(year, source, output, force, lang.value), Output(lang.value)))


@app.command()
@guarded
def site(
    repo: Annotated[Path, typer.Argument(help="Planų saugykla (aplankas).", readable=False)] = Path(),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Svetainės aplankas (perrašomas visas, kai kas nors pakito).")
    ] = Path("public"),
    documents: Annotated[
        bool, typer.Option("--documents", help="Šalia kiekvieno plano puslapio – DOCX ir PDF (tik pakitusiems).")
    ] = False,
    lang: LangOption = Lang.lt,
) -> None:
    """Parengti saugyklos planų svetainę: rodyklė, planų puslapiai, pokyčiai per metus, kriterijai."""
    from planas.cli.site import SiteOptions, run

    raise typer.Exit(run(SiteOptions(repo, output, documents, lang.value), Output(lang.value)))


class TrackChanges(StrEnum):
    """How `import` reads a document's tracked changes."""

    accept = "accept"
    reject = "reject"


@app.command("import")
@guarded
def import_plan(
    document: Annotated[Path, typer.Argument(help="Savivaldybės plano Word dokumentas (.docx).", show_default=False,
                                             readable=False, metavar="PLANAS.docx")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Kur įrašyti projektą (numatyta: šalia, plan.yaml; - – "
                                                         "standartinė išvestis).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Perrašyti esamą failą.")] = False,
    track_changes: Annotated[
        TrackChanges, typer.Option("--track-changes", help="Sekamus pakeitimus priimti (accept) ar atmesti (reject).")
    ] = TrackChanges.accept,
    output_format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Išvesties formatas.")] = (
        ValidateFormat.text),
    strict: Annotated[
        bool, typer.Option("--strict", help="Įspėjimai taip pat laikomi klaidomis: projektas neįrašomas (exit 1).")
    ] = False,
    lang: LangOption = Lang.lt,
) -> None:
    """Importuoti savivaldybės Word planą į YAML projektą (status: projektas) su radiniais."""
    from planas.cli.import_ import ImportOptions, run

    options = ImportOptions(document, output, force, track_changes.value, output_format.value, strict, lang.value)
    raise typer.Exit(run(options, Output(lang.value)))


@app.command()
@guarded
def forms(
    arguments: Annotated[
        list[str], typer.Argument(help="PLANAS.yaml – parengti formas; merge PLANAS.yaml FORMA.xlsx… – sujungti "
                                       "užpildytas formas į planą.", show_default=False,
                                  metavar="[merge] PLANAS.yaml [FORMA.xlsx…]")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Aplankas, į kurį įrašyti formas (po vieną teikėjui ir "
                                                         "tuščią naujam).", readable=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Perrašyti aplanke esamas formas.")] = False,
    write: Annotated[
        bool, typer.Option("--write", help="merge: įrašyti pakeitimus į planą (be jo – tik peržiūra kaip diff).")
    ] = False,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="merge: radinių išvesties formatas.")
    ] = ValidateFormat.text,
    lang: LangOption = Lang.lt,
) -> None:
    """Teikėjų duomenų formos (XLSX): planas forms PLANAS.yaml -o APLANKAS – parengti; planas forms merge PLANAS.yaml FORMA.xlsx… [--write] – sujungti užpildytas su planu."""
    from planas.cli.forms import MERGE, FormsOptions, MergeOptions, run, run_merge

    out = Output(lang.value)
    if arguments[0] == MERGE:
        if len(arguments) < 3 or output is not None or force:
            raise UsageError("forms merge PLANAS.yaml FORMA.xlsx… [--write] (-o ir --force – tik formoms parengti; "
                             "-o and --force only make forms)")
        options = MergeOptions(Path(arguments[1]), tuple(Path(a) for a in arguments[2:]), write,
                               output_format.value, lang.value)
        raise typer.Exit(run_merge(options, out))
    if len(arguments) != 1 or output is None or write:
        raise UsageError("forms PLANAS.yaml -o APLANKAS (formoms parengti; sujungti – forms merge PLANAS.yaml "
                         "FORMA.xlsx…)")
    raise typer.Exit(run(FormsOptions(Path(arguments[0]), output, force, lang.value), out))


@app.command()
@guarded
def check(
    repo: Annotated[Path, typer.Argument(help="Planų saugykla (aplankas).", readable=False)] = Path(),
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Išvestis ekrane.")] = CheckFormat.text,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", help="Ataskaita į failą: junit:FAILAS, sarif:FAILAS, codequality:FAILAS, "
                                      "json:FAILAS, md:FAILAS (FAILAS - – standartinė išvestis)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Įspėjimai taip pat laikomi klaidomis.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Žinomų radinių failas: jie nebelaiko klaidomis.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Įrašyti dabartinius radinius kaip bazinius.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Procesų skaičius (numatyta: branduolių).")] = None,
    lang: LangOption = Lang.lt,
    sarif_root: Annotated[
        Path | None, typer.Option("--sarif-root", help="Saugyklos šaknis SARIF ir Code Quality keliams "
                                                       "(numatyta: git šaknis).", readable=False)
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Tikrinti visus failus iš naujo (nenaudoti išsaugotų rezultatų).")
    ] = False,
) -> None:
    """Patikrinti visus saugyklos planus, metų seką ir užpildymą (CI)."""
    from planas.cli.check import command

    raise typer.Exit(command(repo, output_format, report, strict, baseline, write_baseline, jobs, lang, sarif_root,
                             no_cache))


@app.command()
@guarded
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Įrašyti į failą (pvz., schemas/plan.schema.json; "
                                                         "- – standartinė išvestis).", readable=False)
    ] = None,
) -> None:
    """Išvesti plano JSON schemą (ta pati, kaip schemas/plan.schema.json; saugykloje – su vietiniu žinynu)."""
    from planas.repository.localref import reference_for
    from planas.schema import plan_schema_text

    text = plan_schema_text(reference_for(Path.cwd()))
    if output is None or str(output) == "-":
        Output().data(text)
        return
    from planas.loading.fileio import write_atomic

    write_atomic(output, text.encode("utf-8"))
    Output().say(f"{output}: įrašyta", f"{output}: written")


@app.command()
@guarded
def init(
    directory: Annotated[Path, typer.Argument(help="Planų saugyklos aplankas.", readable=False)] = Path(),
    force: Annotated[bool, typer.Option("--force", help="Perrašyti esamus failus.")] = False,
    lang: LangOption = Lang.lt,
) -> None:
    """Paruošti planų saugyklą: nustatymai, schema, pre-commit, GitHub ir GitLab CI, README."""
    from planas.cli.init import InitOptions, run

    raise typer.Exit(run(InitOptions(directory, force), Output(lang.value)))


class Shell(StrEnum):
    """Shells `planas completion` writes a script for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command()
@guarded
def completion(
    shell: Annotated[Shell, typer.Argument(help="Apvalkalas.")],
) -> None:
    """Išvesti apvalkalo užbaigimo scenarijų, pvz.: planas completion bash > ~/.local/share/bash-completion/completions/planas."""
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name="planas", complete_var="_PLANAS_COMPLETE", shell=shell.value)
    Output().data(script.rstrip("\n") + "\n")


class ReferenceList(StrEnum):
    """The code lists `planas reference` shows."""

    services = "services"
    groups = "groups"
    institution_types = "institution-types"
    indicators = "indicators"
    funding_sources = "funding-sources"
    categories = "categories"
    respite_forms = "respite-forms"
    municipalities = "municipalities"
    rules = "rules"


class ReferenceFormat(StrEnum):
    """Output formats of `reference`."""

    table = "table"
    json = "json"


@app.command()
@guarded
def reference(
    kind: Annotated[
        ReferenceList | None, typer.Argument(help="Žinynas; nenurodžius – žinynų sąrašas.", show_default=False)
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Ieškoti kode, pavadinime ir senuose pavadinimuose.")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Plano metai: tų metų paslaugos ir jų rūšys.")
    ] = None,
    output_format: Annotated[
        ReferenceFormat, typer.Option("--format", "-f", help="Išvesties formatas.")
    ] = ReferenceFormat.table,
    lang: LangOption = Lang.lt,
) -> None:
    """Žinynai: paslaugos, gavėjų grupės, įstaigų tipai, rodikliai, šaltiniai, savivaldybės, taisyklės."""
    from planas.cli.reference import ReferenceOptions, run

    options = ReferenceOptions(kind.value if kind is not None else None, search, year, output_format.value,
                               lang.value, Path.cwd())
    raise typer.Exit(run(options, Output(lang.value)))


def run_app() -> None:
    """Run the typer application (see `planas.cli.main`)."""
    gc.disable()  # until the command's imports are done (output.imports_done)
    from planas.cli.output import make_streams_safe

    make_streams_safe()
    argv = sys.argv[1:]
    lang = typer_texts.language_for_run(argv, language_from_environment().value)
    typer_texts.Language.current = lang
    if not argv or "-h" in argv or "--help" in argv:
        typer_texts.localise_help()
    if "_PLANAS_COMPLETE" in os.environ:  # the shell asks for completions (`planas completion SHELL`)
        from typer._completion_classes import completion_init

        completion_init()
    from typer._click.exceptions import NoArgsIsHelpError
    from typer._click.exceptions import UsageError as TyperUsageError

    try:
        code = app(standalone_mode=False, prog_name="planas")
    except NoArgsIsHelpError as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except TyperUsageError as error:  # typer's own usage errors, worded as planas words its errors
        sys.stderr.write(typer_texts.usage_error(error, lang))
        sys.exit(EXIT_USAGE)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - errors in option callbacks and the like
        if _State.debug:
            traceback.print_exc()
        print(internal_error_message(error), file=sys.stderr)  # noqa: T201 - the CLI layer prints
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
