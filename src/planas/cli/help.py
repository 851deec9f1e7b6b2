"""typer's own texts in the run's language: help headings, the help option, usage errors.

planas's help is Lithuanian; typer writes its own words ("Usage", "Options",
"Show this message and exit.", "Missing argument") in English, and shows
flags as `<bool>`. `install` (at import, cheap) hides the type of flags and
words the help option in the run's language; `localise_help` (only when help
is shown, which loads rich anyway) translates the headings; `usage_error`
words a usage error in one line plus where to find help, as planas words its
own errors (`planas: ...`), instead of typer's English panel.
"""

from __future__ import annotations

import re
from typing import Any

from planas.i18n import pick


class Language:
    """The run's language for typer's texts, decided before typer parses (`language_for_run`)."""

    current = "lt"


def language_for_run(argv: list[str], environment_language: str) -> str:
    """`--lang X` / `--lang=X` anywhere on the command line, else the environment's language."""
    for index, argument in enumerate(argv):
        if argument.startswith("--lang="):
            return "en" if argument.removeprefix("--lang=") == "en" else "lt"
        if argument == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "lt"
    return environment_language


_HEADINGS_LT = {
    "ARGUMENTS_PANEL_TITLE": "Argumentai",
    "OPTIONS_PANEL_TITLE": "Parinktys",
    "COMMANDS_PANEL_TITLE": "Komandos",
    "ERRORS_PANEL_TITLE": "Klaida",
    "DEFAULT_STRING": "[numatyta: {}]",
    "REQUIRED_LONG_STRING": "[privaloma]",
    "ENVVAR_STRING": "[aplinkos kintamasis: {}]",
    "DEPRECATED_STRING": "(pasenusi) ",
    "ABORTED_TEXT": "Nutraukta.",
    "RICH_HELP": "Pagalba: [blue]{command_path} {help_option}[/]",
}
HELP_OPTION = ("Parodyti šią pagalbą ir baigti.", "Show this message and exit.")


def install() -> None:
    """Flags show no `<bool>`; the help option speaks the run's language (a no-op on another typer)."""
    try:
        from typer import core
        from typer._click import core as click_core
        from typer._click import formatting
    except ImportError:  # pragma: no cover - another typer layout
        return
    option: Any = getattr(core, "TyperOption", None)
    argument: Any = getattr(core, "TyperArgument", None)
    command: Any = getattr(click_core, "Command", None)
    formatter: Any = getattr(formatting, "HelpFormatter", None)
    if option is None or argument is None or command is None or formatter is None:
        return  # pragma: no cover - another typer layout
    if getattr(option, "_planas_help", False):
        return
    display = option.display_type_rich
    get_help_option = command.get_help_option
    write_usage = formatter.write_usage

    def option_type(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag and self.metavar is None else display(self, ctx)

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None  # the argument's name (its metavar: PLANAS.yaml) says what it takes

    def help_option(self: Any, ctx: Any) -> Any:
        found = get_help_option(self, ctx)
        if found is not None:
            found.help = pick(Language.current, *HELP_OPTION)
        return found

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, pick(Language.current, "Naudojimas: ", "Usage: ") if prefix is None else prefix)

    option.display_type_rich = option_type
    argument.display_type_rich = argument_type
    command.get_help_option = help_option
    formatter.write_usage = usage
    for cls in (option, argument, command):
        cls.__init__ = _in_english(cls.__init__)
    option._planas_help = True


def _in_english(init: Any) -> Any:
    """Wrap a parameter's or command's constructor: its `help` in English for an English run."""

    def construct(self: Any, *args: Any, **kwargs: Any) -> None:
        text = kwargs.get("help")
        if Language.current == "en" and isinstance(text, str):
            from planas.cli.help_en import ENGLISH

            kwargs["help"] = ENGLISH.get(text, text)
        init(self, *args, **kwargs)

    return construct


def localise_help() -> None:
    """Typer's help headings in Lithuanian for a Lithuanian run (imports typer's rich helpers)."""
    if Language.current != "lt":
        return
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich: plain help
        return
    for name, text in _HEADINGS_LT.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)


_MESSAGES_LT = (
    (re.compile(r"^Missing argument '(.+)'\.?$"), "trūksta argumento {0}"),
    (re.compile(r"^Missing option '(.+)'\.?$"), "trūksta parinkties {0}"),
    (re.compile(r"^No such option: (\S+) Did you mean (.+)\?$"), "nėra parinkties {0}; gal {1}?"),
    (re.compile(r"^No such option: (\S+)$"), "nėra parinkties {0}"),
    (re.compile(r"^No such command '(.+)'\.?$"), "nėra komandos „{0}“"),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), "nereikalingi argumentai: {0}"),
    (re.compile(r"^Option '(.+)' requires an argument\.?$"), "parinkčiai {0} reikia reikšmės"),
    (re.compile(r"^Invalid value for (.+?): '(.+)' is not one of (.+)\.$"),
     "netinkama {0} reikšmė „{1}“; galimos: {2}"),
    (re.compile(r"^Invalid value for (.+?): '(.+)' is not a valid integer\.$"),
     "netinkama {0} reikšmė „{1}“: laukiamas sveikasis skaičius"),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "netinkama {0} reikšmė: {1}"),
)


def usage_message(text: str, lang: str) -> str:
    """A usage error's message in the run's language (typer's English where no translation is known)."""
    if lang == "en":
        return text
    for pattern, template in _MESSAGES_LT:
        match = pattern.match(text)
        if match:
            return template.format(*(group.replace("'", "") for group in match.groups()))
    return text


def usage_error(error: Any, lang: str) -> str:
    """The two lines planas writes for a usage error: what is wrong, and how to see the help."""
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "planas"
    text = usage_message(error.format_message(), lang)
    hint = pick(lang, f"Pagalba: {command} -h", f"Help: {command} -h")
    return f"planas: {pick(lang, 'klaida', 'error')}: {text}\n  {hint}\n"
