"""Every fuzz reproducer (tests/data/fuzz/) through the real command line: a permanent regression case.

Each file is a plan (or `.planas.yaml`) that once broke the input contract;
its header names the command and the exit code it must give now, and the
fuzzer's oracles must find nothing wrong with the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz.corpus import corpus_files, decode
from fuzz.oracles import violations
from fuzz.runner import run_case

CASES = corpus_files()


def test_the_corpus_is_not_empty() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_reproducer_keeps_the_contract(path: Path) -> None:
    reproducer = decode(path)
    case = reproducer.case()
    seen = run_case(case)
    found = violations(case, seen)
    assert not found, "\n".join(f"{v.kind}: {v.signature}\n{v.detail}" for v in found)
    assert seen.exit_code == reproducer.expect, f"exit {seen.exit_code}\n{seen.stdout}\n{seen.stderr}"
