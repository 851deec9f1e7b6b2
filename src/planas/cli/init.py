"""`planas init`: set up a plans repository (settings, schema, pre-commit, CI, README)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planas.cli.output import Output, imports_done
from planas.cli.validate import EXIT_OK
from planas.errors import UsageError


@dataclass(frozen=True)
class InitOptions:
    """Where `planas init` sets up a repository, and whether it may overwrite."""

    directory: Path = Path()
    force: bool = False


def run(options: InitOptions, out: Output) -> int:
    """Write the repository's files (keeping existing ones unless --force); 0 when done."""
    from planas.i18n import counted
    from planas.repository.init import init_repository, release_tag

    imports_done()
    if options.directory.exists() and not options.directory.is_dir():
        raise UsageError(f"{options.directory}: tai ne aplankas (not a directory)")
    result = init_repository(options.directory, force=options.force)
    for name in result.created:
        out.say(f"sukurta: {name}", f"created: {name}")
    for name in result.kept:
        out.say(f"palikta, kaip buvo: {name} (--force perrašytų)", f"kept as it was: {name} (--force overwrites)")
    for name in result.linked:
        out.say(f"schemos eilutė: {name}", f"schema line: {name}")
    count = len(result.created)
    out.say(f"{options.directory}: sukurta – {counted('lt', count, 'file')}; "
            f"pre-commit ir CI naudoja planas {release_tag()}",
            f"{options.directory}: {counted('en', count, 'file')} created; "
            f"pre-commit and CI use planas {release_tag()}")
    return EXIT_OK
