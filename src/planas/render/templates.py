"""Where the default templates live, and how `--template` names one.

The templates are kept in the project's top-level `templates/` folder, where a
municipality sees and copies them; the wheel carries the same folder as
`planas/templates` (hatch force-include). A source checkout or an editable
install reads the top-level folder directly.
"""

from __future__ import annotations

from pathlib import Path

from planas.errors import UsageError

_PACKAGE = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """The folder of the default templates (packaged, or the checkout's `templates/`)."""
    packaged = _PACKAGE / "templates"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / "templates"


def default_template(name: str) -> Path:
    """A default template by file name (`plan.docx`, `plan.md.j2`)."""
    return templates_dir() / name


def resolve_template(argument: Path | None) -> Path | None:
    """`--template`: a path to a file, or the name of a default template; None keeps the default."""
    if argument is None or argument.is_file():
        return argument
    by_name = default_template(argument.name)
    if argument.parent == Path() and by_name.is_file():
        return by_name
    raise UsageError(f"{argument}: šablonas nerastas (template not found)")
