"""Measure `planas render` on the example (start-up included), beside pandoc on the same Markdown.

    .venv/bin/python benchmarks/bench_render.py [--runs N]

pandoc is the peer: it converts the Markdown planas rendered into a .docx,
with no validation, no criteria and no form layout. Skipped when not installed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import line, time_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "birstonas-2021" / "plan.yaml"


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        planas = [sys.executable, "-m", "planas", "render", str(EXAMPLE)]
        print(line("planas render --format docx (whole command)",
                    time_command([*planas, "--format", "docx", "-o", str(out / "plan.docx")], options.runs)))
        print(line("planas render --format md (whole command)",
                    time_command([*planas, "--format", "md", "-o", str(out / "plan.md")], options.runs)))
        previous = ["--previous", str(ROOT / "examples" / "birstonas-2020" / "plan.yaml")]
        print(line("planas render --previous (review section, four charts drawn)",
                    time_command([*planas, *previous, "-o", str(out / "review.docx")], options.runs)))
        print(line("planas render --previous --report (the report alone)",
                    time_command([*planas, *previous, "--report", "-o", str(out / "report.docx")], options.runs)))
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("pandoc: not installed (apt-get install pandoc), peer not measured")
            return
        version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True)
        print(line(f"{version.stdout.splitlines()[0]}: the same Markdown -> docx",
                    time_command([pandoc, str(out / "plan.md"), "-o", str(out / "pandoc.docx")], options.runs)))


if __name__ == "__main__":
    main()
