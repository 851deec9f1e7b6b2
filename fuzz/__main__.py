"""`python -m fuzz`: run a mutation campaign against planas's command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fuzz.campaign import keep_reproducers, run_campaign
from fuzz.corpus import CORPUS
from fuzz.runner import COMMANDS


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the campaign, print the figures; exit 1 when a violation was found."""
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__)
    parser.add_argument("--mutants", type=int, default=500, help="how many mutants (dealt to the commands)")
    parser.add_argument("--seed", type=int, default=1, help="campaign seed: the same seed, the same mutants")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--command", choices=[*COMMANDS, "all"], default="all")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="where reproducers of new failures are written (default tests/data/fuzz)")
    parser.add_argument("--no-keep", action="store_true", help="do not minimise and write reproducers")
    parser.add_argument("--docx", type=int, default=0, metavar="N",
                        help="instead: N mutated Word documents through `planas import` (fuzz/docx.py)")
    options = parser.parse_args(argv)
    if options.docx:
        from fuzz.docx import run_docx_campaign

        docx_summary = run_docx_campaign(options.seed, options.docx)
        print(docx_summary.text())
        return 1 if docx_summary.violations else 0
    commands = list(COMMANDS) if options.command == "all" else [options.command]
    summary = run_campaign(options.seed, options.mutants, commands, options.workers)
    print(summary.text())
    if summary.total_violations and not options.no_keep:
        for path in keep_reproducers(summary, options.corpus):
            print(f"reproducer: {path}")
    return 1 if summary.total_violations else 0


if __name__ == "__main__":
    sys.exit(main())
