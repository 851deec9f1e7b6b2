"""The hostile and malformed inputs of tests/test_hostile.py, generated (no 30 MB files in git).

Each case: a name, how to make the file, the expected exit code, the expected
finding code (None: a one-line usage message on stderr), its position where
one exists, and the time limit in seconds (measured by benchmarks/bench_hostile.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "birstonas-2021" / "plan.yaml"
VALID = ROOT / "tests" / "data" / "valid" / "approved-2025.yaml"


@dataclass(frozen=True)
class Case:
    """One hostile input and what planas must do with it."""

    name: str
    make: Callable[[Path], Path]
    exit: int
    code: str | None
    position: tuple[int, int] | None = None
    seconds: float = 2.0
    why: str = ""


def _bytes(data: bytes, name: str = "plan.yaml") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _text(text: str) -> Callable[[Path], Path]:
    return _bytes(text.encode("utf-8"))


def _valid_with(old: str, new: str, base: Path = VALID) -> Callable[[Path], Path]:
    text = base.read_text(encoding="utf-8")
    assert old in text, old
    return _text(text.replace(old, new, 1))


def _line_of(old: str, base: Path = VALID) -> int:
    return next(i for i, line in enumerate(base.read_text(encoding="utf-8").splitlines(), 1) if old in line)


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def _binary() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00"


def _directory(folder: Path) -> Path:
    path = folder / "aplankas.yaml"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "nera.yaml"


def _unreadable(folder: Path) -> Path:
    path = folder / "uzrakintas.yaml"
    path.write_text("metadata: {}\n", encoding="utf-8")
    path.chmod(0)
    return path


def _long_text(folder: Path) -> Path:
    text = VALID.read_text(encoding="utf-8").replace(
        "  purpose: Nustatyti", "  text: " + "žodis " * 170_000 + "\n  purpose: Nustatyti", 1)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _long_comment(folder: Path) -> Path:
    path = folder / "plan.yaml"
    path.write_text("# " + "komentaras " * 95_000 + "\n" + VALID.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _findings_flood(folder: Path) -> Path:
    # 0.7 MB, far below the size limit, yet three findings per line: reported up to a cap.
    text = VALID.read_text(encoding="utf-8").replace("  providers:\n", "  providers:\n" + "    - {id: x}\n" * 50_000, 1)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


CASES: tuple[Case, ...] = (
    Case("unclosed-flow-bracket", _text("metadata: [1, 2\nintroduction: {}\n"), 1, "E0101", (2, 13),
         why="a flow sequence never closed"),
    Case("unclosed-quote", _text('metadata:\n  municipality: "Birštono\n'), 1, "E0101",
         why="a double-quoted string never closed"),
    Case("tab-indentation", _text("metadata:\n\tyear: 2021\n"), 1, "E0101", (2, 1),
         why="YAML forbids tabs for indentation"),
    Case("bad-escape", _text('metadata: "x\\q"\n'), 1, "E0101", (1, 13), why="\\q is not a YAML escape"),
    Case("empty-file", _text(""), 1, "E0107", (1, 1), why="nothing to validate"),
    Case("only-comments", _text("# tik komentaras\n# ir dar vienas\n"), 1, "E0107", (1, 1)),
    Case("list-at-root", _text("- metadata\n- introduction\n"), 1, "E0108", (1, 1)),
    Case("scalar-at-root", _text("tiesiog tekstas\n"), 1, "E0108", (1, 1)),
    Case("several-documents", _text("metadata: {}\n---\nintroduction: {}\n"), 1, "E0105", (2, 1)),
    Case("binary-data", _bytes(_binary()), 1, "E0106", why="random bytes with NULs"),
    Case("invalid-utf8", _bytes(b"metadata:\n  year: \xff\xfe2021\n"), 1, "E0106", (2, 9)),
    Case("utf16-with-bom", _bytes(EXAMPLE.read_text(encoding="utf-8").encode("utf-16")), 1, "E0106", (1, 1)),
    Case("utf8-bom-and-crlf-valid", _bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes().replace(b"\n", b"\r\n")),
         0, None, why="a Windows editor's file is fine"),
    Case("alias-bomb", _bytes(_alias_bomb()), 1, "E0103", (1, 5), why="billion laughs"),
    Case("anchor-in-valid-plan", _valid_with("  year: 2025\n", "  year: &metai 2025\n"), 1, "E0103",
         (_line_of("  year: 2025"), 9)),
    Case("nesting-20000-flow", _text("metadata: " + "[" * 20_000 + "]" * 20_000 + "\n"), 1, "E0109"),
    Case("nesting-20000-block", _text("metadata:\n" + "- " * 20_000 + "x\n"), 1, "E0109"),
    Case("scalar-30-mb", _text("metadata:\n  note: " + "a" * (30 * 1024 * 1024) + "\n"), 1, "E0110", (1, 1),
         seconds=10.0, why="over the 5 MiB limit"),
    Case("year-5000-digits", _valid_with("  year: 2025\n", "  year: " + "9" * 5000 + "\n"), 1, "E0205",
         (_line_of("  year: 2025"), 9)),
    Case("money-1e400", _valid_with("total: 332000.00", "total: 1e400"), 1, "E0205",
         (_line_of("total: 332000.00"), 85)),
    Case("money-nan", _valid_with("total: 332000.00", "total: .nan"), 1, "E0205",
         (_line_of("total: 332000.00"), 85)),
    Case("money-infinity", _valid_with("total: 332000.00", "total: .inf"), 1, "E0205",
         (_line_of("total: 332000.00"), 85)),
    Case("money-negative-infinity", _valid_with("funding: {SB: 15000.00}", "funding: {SB: -.inf}"), 1, "E0205"),
    Case("negative-count", _valid_with("places: 90", "places: -90"), 1, "E0205", (_line_of("places: 90"), 79)),
    Case("impossible-date", _valid_with("decision_date: 2025-03-27", "decision_date: 2025-02-30"), 1, "E0204",
         (_line_of("decision_date: 2025-03-27"), 20)),
    Case("duplicate-top-level-key", _text(VALID.read_text(encoding="utf-8") + "metadata: {}\n"), 1, "E0102"),
    Case("duplicate-nested-key", _valid_with("  year: 2025\n", "  year: 2025\n  year: 2024\n"), 1, "E0102",
         (_line_of("  year: 2025") + 1, 3)),
    Case("python-object-tag", _text("metadata: !!python/object/apply:os.system ['echo pwned']\n"), 1, "E0104",
         (1, 11)),
    Case("custom-include-tag", _text("metadata: !include kitas.yaml\n"), 1, "E0104", (1, 11)),
    Case("merge-key", _text("base: &base {year: 2021}\nmetadata:\n  <<: *base\n"), 1, "E0103", (1, 7)),
    Case("merge-key-without-alias", _text("metadata:\n  <<: {year: 2021}\n"), 1, "E0111", (2, 3)),
    Case("mapping-as-key", _text("? {a: 1}\n: reikšmė\n"), 1, "E0112", (1, 3)),
    Case("one-megabyte-comment-line", _long_comment, 0, None, why="a 1 MB line that is valid YAML"),
    Case("one-megabyte-text-field", _long_text, 1, "E0205", (_line_of("  purpose: Nustatyti"), 9),
         why="a text field holds at most 100,000 characters"),
    Case("control-character", _text("metadata:\n  note: \"a\x07b\"\n"), 1, "E0101"),
    Case("control-character-after-lithuanian-letters", _text("metadata:\n  note: \"ąčęėįšųūž\x07\"\n"), 1,
         "E0101", (2, 19), why="libyaml counts bytes; the column is in characters"),
    Case("duplicate-year-quoted", _valid_with("{2023: 20500,", "{2023: 20500, \"2023\": 99999,"), 1, "E0102",
         why="2023 and \"2023\" are one year: one value would be lost"),
    Case("duplicate-year-decimal", _valid_with("{2023: 20500,", "{2023: 20500, 2023.0: 99999,"), 1, "E0102"),
    Case("findings-flood", _findings_flood, 1, "E0202", why="150,000 findings: the first 500 and a count (E0209)"),
    Case("directory-not-file", _directory, 2, None),
    Case("missing-file", _missing, 2, None),
    Case("unreadable-file", _unreadable, 2, None, why="chmod 000 (as root, who can read it, the read is refused in the test)"),
)
