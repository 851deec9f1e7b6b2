"""A failing and a passing example for each rule of docs/rules.md, taken from the test corpora.

The corpora: tests/data/invalid/ (a valid plan of tests/data/valid/ changed in
one place or a few), the hostile inputs of tests/hostile_cases.py that change a
valid plan, the repository cases of tests/check_cases.py, and the draft that
`planas new` writes from the 2020 example. For each rule the case that shows it
best is chosen: the finding stands on the changed lines, the case raises the
fewest other rules, and it changes the fewest places.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data"
MAX_HUNKS = 3
MAX_BYTES = 200_000


@dataclass(frozen=True)
class Example:
    """Where an example comes from, the failing lines and the passing ones."""

    source: str
    failing: str
    passing: str
    score: tuple[int, int, int]


def _snippet(base: list[str], lines: list[str]) -> tuple[str, str, list[tuple[int, int]]] | None:
    """(failing, passing, changed line ranges) of a text against its base, or None when it changes too much."""
    matcher = difflib.SequenceMatcher(a=base, b=lines, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes or len(changes) > MAX_HUNKS:
        return None
    failing, passing, ranges = [], [], []
    for _, i1, i2, j1, j2 in changes:
        failing.append("\n".join(lines[max(0, j1 - 1):j2]).rstrip())  # one unchanged line before
        passing.append("\n".join(base[max(0, i1 - 1):i2]).rstrip())
        ranges.append((j1 + 1, max(j2, j1 + 1)))
    return "\n# …\n".join(failing), "\n# …\n".join(passing), ranges


def _offer(found: dict[str, Example], code: str, line: int, source: str, shown: tuple[str, str, list[tuple[int, int]]],
           codes: set[str]) -> None:
    failing, passing, ranges = shown
    on_change = any(first - 1 <= line <= last + 1 for first, last in ranges)
    example = Example(source, failing, passing, (0 if on_change else 1, len(codes), len(ranges)))
    if code not in found or example.score < found[code].score:
        found[code] = example


def _closest(bases: dict[str, list[str]], lines: list[str]) -> list[str]:
    return min(bases.values(), key=lambda b: len(set(b) ^ set(lines)))


def _invalid(found: dict[str, Example], bases: dict[str, list[str]]) -> None:
    for case in sorted((CORPUS / "invalid").glob("*.yaml")):
        lines = case.read_text(encoding="utf-8").splitlines()
        expected = case.with_suffix(".expected").read_text(encoding="utf-8").split()
        pairs = list(zip(expected[0::2], expected[1::2], strict=True))
        shown = _snippet(_closest(bases, lines), lines)
        if shown is None:
            continue
        for position, code in pairs:
            _offer(found, code, int(position.split(":")[0]), f"tests/data/invalid/{case.name}", shown,
                   {c for _, c in pairs})


def _hostile(found: dict[str, Example], bases: dict[str, list[str]]) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.hostile_cases import CASES

    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            if case.code is None or case.code in found or case.code in NOT_SHOWN:
                continue  # (NOT_SHOWN: big or binary inputs, never a snippet)
            directory = Path(folder) / case.name
            directory.mkdir()
            try:
                path = case.make(directory)
                if not path.is_file() or path.stat().st_size > MAX_BYTES:
                    continue
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            shown = _snippet(_closest(bases, lines), lines)
            if shown is not None:
                line = case.position[0] if case.position else 1
                _offer(found, case.code, line, f"tests/hostile_cases.py ({case.name})", shown, {case.code})


def _repository(found: dict[str, Example]) -> None:
    """Cross-file rules: the file a case changes is the example, wherever the finding stands."""
    sys.path.insert(0, str(ROOT))
    from tests.check_cases import CASES, NEW, OLD

    bases = {"2020.yaml": OLD.splitlines(), "2021.yaml": NEW.splitlines()}
    for case in CASES:
        codes = {code for _, _, code in case.expected} - {"W0403"}  # the 2020 plan's own, acknowledged
        changed = [(name, _snippet(bases[Path(name).name], text.splitlines()))
                   for name, text in case.files.items() if Path(name).name in bases]
        shown = [(name, snippet) for name, snippet in changed if snippet is not None]
        if not shown:
            continue
        name, snippet = shown[0]
        for file, position, code in case.expected:
            if code in codes:
                line = int(position.split(":")[0]) if file == name else 0
                _offer(found, code, line, f"tests/check_cases.py ({case.name}: {name})", snippet, codes)


def _local(found: dict[str, Example]) -> None:
    """Local reference data (reference/target_groups.yaml of a repository): the entry that is refused."""
    sys.path.insert(0, str(ROOT))
    from tests.check_cases import LOCAL_GROUPS, LOCAL_REFERENCE_CASES

    for name, text, _, code in LOCAL_REFERENCE_CASES:
        shown = _snippet(LOCAL_GROUPS.splitlines(), text.splitlines())
        if shown is not None and code not in found:
            found[code] = Example(f"tests/check_cases.py ({name}: reference/target_groups.yaml)", shown[0],
                                  shown[1], (0, 1, 1))


def _new(found: dict[str, Example]) -> None:
    from planas.years.draft import next_year_text
    from planas.years.mentions import stale_year_mentions

    source = ROOT / "examples" / "birstonas-2020" / "plan.yaml"
    draft = next_year_text(source.read_text(encoding="utf-8"), 2021, "examples/birstonas-2020/plan.yaml")
    mentions = stale_year_mentions(draft, "draft.yaml", 2020, 2021)
    if mentions:
        line = draft.splitlines()[mentions[0].line - 1]
        year, suggested = mentions[0].param("year"), mentions[0].param("suggested")
        fixed = line[:mentions[0].column - 1] + line[mentions[0].column - 1:].replace(year, suggested, 1)
        found["W0509"] = Example("planas new 2021 --from examples/birstonas-2020/plan.yaml", line.strip(),
                                 fixed.strip(), (0, 1, 1))


def rule_examples() -> dict[str, tuple[str, str, str]]:
    """Per rule code: (source, failing snippet, passing snippet)."""
    bases = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (CORPUS / "valid").glob("*.yaml")}
    found: dict[str, Example] = {}
    _invalid(found, bases)
    _repository(found)
    _local(found)
    _new(found)
    _hostile(found, bases)
    return {code: (e.source, e.failing, e.passing) for code, e in found.items()}


NOT_SHOWN = {
    "E0106": "a file that is not UTF-8 (tests/hostile_cases.py: binary-data, invalid-utf8, utf16-with-bom)",
    "E0107": "an empty file (tests/hostile_cases.py: empty-file, only-comments)",
    "E0109": "nesting 20,000 levels deep (tests/hostile_cases.py: nesting-20000-flow)",
    "E0110": "a file of 30 MB (tests/hostile_cases.py: scalar-30-mb)",
    "E0113": "a path that is no readable file (tests/check_cases.py: unreadable-file)",
    "E1101": "two plan files of one municipality and year (tests/check_cases.py: duplicate-plan)",
    "E0209": "more than 500 findings in one file (tests/hostile_cases.py: findings-flood)",
    "E1201": "a rule code in .planas.yaml that does not exist (tests/check_cases.py: SETTINGS_CASES)",
    "W1601": "a schemas/plan.schema.json copy that is not this planas's schema (tests/check_cases.py: stale-schema-copy)",
}
"""Rules whose failing input is no snippet to read: what it is, and where the corpus has it."""
NOT_SHOWN.update(dict.fromkeys(
    ("E1801", "E1802", "E1803", "E1804", "E1805", "E1806", "E1807", "E1808", "E1809", "E1810", "E1811", "E1812",
     "E1813", "E1814", "E1815", "E1816", "E1817", "E1818", "E1819", "E1820", "E1821", "E1822", "W1830", "W1831",
     "W1832", "W1833"),
    "a filled provider's form, not a plan (tests/forms_cases.py; `planas forms merge`, docs/forms.md)",
))
NOT_SHOWN.update(dict.fromkeys(
    ("E2101", *(f"W21{n:02d}" for n in (*range(1, 20), 30, 31, 32))),
    "a Word document read by `planas import`, not a plan (tests/data/import/: findings/codes.json and the "
    "facts files; docs/importas.md)",
))
