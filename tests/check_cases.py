"""The repository corpus: rules only `planas check` raises (across files and years), case by case.

Each case builds a small repository from the frozen Birštonas plans of
tests/data/valid/ (2020 and 2021), changed in one place, and names every
finding `planas check` must give: (file, line:col, code), and whether the
plan acknowledges it. tests/test_check_corpus.py runs them; the rule coverage
test counts their codes as raised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

VALID = Path(__file__).resolve().parent / "data" / "valid"
OLD = (VALID / "birstonas-2020.yaml").read_text(encoding="utf-8")
NEW = (VALID / "birstonas-2021.yaml").read_text(encoding="utf-8")
ACKNOWLEDGE_X1002 = """
acknowledged:
  - code: X1002
    path: action_plan.measures
    reason: Savanorių mokymai neįvyko; rodiklis ataskaitoje neįvertintas.
"""
OWN = ("2020.yaml", "398:16", "W0403")
"""The 2020 plan acknowledges its car purchase (an investment the finance table does not show)."""
ACKNOWLEDGE_X1001 = """
acknowledged:
  - code: X1001
    path: action_plan.measures[0].indicators[0].baseline
    reason: Pradinė reikšmė patikslinta pagal SPIS.
"""


@dataclass(frozen=True)
class CheckCase:
    """A repository to build and the findings `planas check` gives on it."""

    name: str
    files: dict[str, str]
    expected: tuple[tuple[str, str, str], ...]
    acknowledged: tuple[str, ...] = ()
    """Codes of the expected findings that the plan acknowledges (shown, not counted)."""
    extra: Callable[[Path], None] | None = None
    why: str = ""

    def build(self, root: Path) -> Path:
        """Write the repository under `root` and return it."""
        root.mkdir(parents=True, exist_ok=True)
        for name, text in self.files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if self.extra is not None:
            self.extra(root)
        return root


def _changed(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _dangling_link(root: Path) -> None:
    (root / "nera.yaml").symlink_to(root / "tokio-failo-nera.yaml")


CASES = (
    CheckCase("consecutive-years", {"2020.yaml": OLD, "2021.yaml": NEW},
              (OWN, ("2021.yaml", "418:5", "X1002")), acknowledged=("W0403",),
              why="the 2020 indicator without an actual is reported in the 2021 plan, never in the approved 2020 one"),
    CheckCase("target-without-actual",
              {"2020.yaml": _changed(OLD, "baseline: 37, target: 40, actual: 41}", "baseline: 37, target: 40}"),
               "2021.yaml": NEW},
              (OWN, ("2021.yaml", "418:5", "X1002"), ("2021.yaml", "431:87", "X1002")), acknowledged=("W0403",),
              why="the 2020 plan gives no actual for 1.1.1: said in the 2021 plan, at the indicator it takes up"),
    CheckCase("duplicate-plan", {"2020.yaml": OLD, "2021.yaml": NEW, "kopija/2021.yaml": NEW},
              (OWN, ("2021.yaml", "418:5", "X1002"), ("kopija/2021.yaml", "17:9", "E1101")), acknowledged=("W0403",)),
    CheckCase("baseline-not-last-actual",
              {"2020.yaml": OLD, "2021.yaml": _changed(NEW, "unit: asm., baseline: 41, target: 46",
                                                       "unit: asm., baseline: 35, target: 46")},
              (OWN, ("2021.yaml", "418:5", "X1002"), ("2021.yaml", "431:87", "X1001")), acknowledged=("W0403",)),
    CheckCase("unexplained-jump",
              {"2020.yaml": OLD, "2021.yaml": _changed(NEW, "        2021: {planned: 13}\n      illustrative: true\n"
                                                            "    - service: trumpalaike",
                                                       "        2021: {planned: 25}\n      illustrative: true\n"
                                                       "    - service: trumpalaike")},
              (OWN, ("2021.yaml", "331:25", "X1003"), ("2021.yaml", "418:5", "X1002")), acknowledged=("W0403",)),
    CheckCase("unreadable-file", {"2021.yaml": NEW}, (("nera.yaml", "1:1", "E0113"),), extra=_dangling_link,
              why="a link to nothing: planas reports it as a finding, the rest of the repository is checked"),
    CheckCase("stale-schema-copy", {"2021.yaml": NEW, "schemas/plan.schema.json": "{}\n"},
              (("schemas/plan.schema.json", "1:1", "W1601"),),
              why="the repository's copy of the schema (planas init) is not this planas's schema"),
    CheckCase("acknowledged-across-years", {"2020.yaml": OLD, "2021.yaml": NEW + ACKNOWLEDGE_X1002},
              (OWN, ("2021.yaml", "418:5", "X1002")), acknowledged=("W0403", "X1002")),
    CheckCase("acknowledged-nothing-across-years", {"2020.yaml": OLD, "2021.yaml": NEW + ACKNOWLEDGE_X1001},
              (OWN, ("2021.yaml", "418:5", "X1002"), ("2021.yaml", "531:11", "E1301")), acknowledged=("W0403",)),
)
"""Every case of the repository corpus."""

SETTINGS_CASES = (
    # (name, .planas.yaml text, expected line:col, code): settings that cannot be used stop the check (exit 2).
    ("unknown-rule-in-settings", "severity:\n  ZZZ: error\n", "2:3", "E1201"),
)

LOCAL_GROUPS = """version: "2023.1"
groups:
  - id: benamiai_asmenys
    name_lt: Benamiai asmenys
    name_en: Homeless persons
"""
LOCAL_REFERENCE_CASES = (
    # (name, reference/target_groups.yaml text, expected line:col, code): local reference data that cannot be used.
    ("local-code-shadows-a-packaged-one", LOCAL_GROUPS + "  - {id: senyvo_amziaus, name_lt: Seni, name_en: Old}\n",
     "6:10", "E1510"),
    ("local-group-without-english-name", LOCAL_GROUPS + "  - {id: vienisi, name_lt: Vieniši}\n", "6:5", "E1511"),
)
