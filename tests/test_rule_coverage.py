"""Every rule of the registry is raised somewhere in the test corpora: a rule nobody provokes is untested.

The corpora, each checked finding by finding by its own test:
tests/data/invalid/ (test_corpus.py), tests/hostile_cases.py (test_hostile.py),
tests/check_cases.py (test_check_corpus.py), tests/forms_cases.py (test_forms_cases.py) and the draft `planas new` writes
from the 2020 example (test_new_and_cross_year.py). A new rule needs a case in
one of them; this test names the rules that have none.
"""

from __future__ import annotations

from pathlib import Path

from planas.validation import validate_file
from planas.validation.registry import RULES
from planas.years.draft import next_year_text
from planas.years.mentions import stale_year_mentions

from .check_cases import CASES as CHECK_CASES
from .check_cases import LOCAL_REFERENCE_CASES, SETTINGS_CASES
from .conftest import DATA, EXAMPLE, ROOT
from .forms_cases import CASES as FORM_CASES
from .forms_cases import TWICE_CODE
from .hostile_cases import CASES as HOSTILE_CASES
from .html_support import page_corpus
from .review_cases import CASES as REVIEW_CASES


def _invalid_corpus() -> set[str]:
    codes: set[str] = set()
    for expected in (DATA / "invalid").glob("*.expected"):
        codes |= set(expected.read_text(encoding="utf-8").split()[1::2])
    return codes


def _hostile_corpus(tmp_path: Path) -> set[str]:
    codes = {case.code for case in HOSTILE_CASES if case.code is not None}
    flood = next(case for case in HOSTILE_CASES if case.name == "findings-flood")  # its count: E0209
    codes |= {f.code for f in validate_file(flood.make(tmp_path)).findings}
    return codes


def _repository_corpus() -> set[str]:
    codes = {code for case in CHECK_CASES for _, _, code in case.expected}
    codes |= {code for *_, code in SETTINGS_CASES}
    return codes | {code for *_, code in LOCAL_REFERENCE_CASES}


def _new_draft() -> set[str]:
    source = ROOT / "examples" / "birstonas-2020" / "plan.yaml"
    draft = next_year_text(source.read_text(encoding="utf-8"), 2021, str(source))
    return {f.code for f in stale_year_mentions(draft, "draft.yaml", 2020, 2021)}


def _import_corpus() -> set[str]:
    """The codes of `planas import` (family 21): findings/codes.json and each document's facts (test_import.py)."""
    import json

    folder = DATA / "import"
    codes = {code for listed in json.loads((folder / "findings" / "codes.json").read_text(encoding="utf-8")).values()
             for code in listed}
    for facts in folder.glob("*.facts.json"):
        codes |= set(json.loads(facts.read_text(encoding="utf-8"))["codes"])
    return codes


def test_every_rule_is_raised_somewhere_in_the_corpora(tmp_path: Path) -> None:
    raised = (_invalid_corpus() | _hostile_corpus(tmp_path) | _repository_corpus() | _new_draft()
              | _import_corpus())
    raised |= {case.code for case in FORM_CASES} | {TWICE_CODE}  # tests/test_forms*.py
    raised |= page_corpus(EXAMPLE, tmp_path)  # the web page's ids (tests/test_html.py)
    raised |= {case.code for case in REVIEW_CASES}  # last year's plan reviewed (tests/test_review.py)
    assert sorted(set(RULES) - raised) == [], "rules no corpus case raises: add a case for each"
    assert sorted(raised - set(RULES)) == [], "corpus codes the registry does not know"
