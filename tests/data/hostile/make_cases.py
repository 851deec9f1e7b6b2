"""Write the hostile cases that must not live in git: large, binary or not plain UTF-8 text.

Usage: python tests/data/hostile/make_cases.py OUTPUT_DIR

tests/test_hostile.py calls `write_cases` into a temporary directory; cases.yaml
lists these files with `generated: true`. The small text cases sit next to
this script as ordinary files.
"""

from __future__ import annotations

import codecs
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "birstonas-2021" / "plan.yaml"
VALID = ROOT / "tests" / "data" / "valid" / "approved-2025.yaml"

DEPTH = 20_000
BIG_SCALAR_BYTES = 30 * 1024 * 1024
LONG_LINE_CHARS = 1024 * 1024
FLOOD_ITEMS = 50_000


def _valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


def _replace_once(text: str, old: str, new: str) -> str:
    # A base plan that drifts must break the generator loudly, not yield a different case.
    if text.count(old) != 1:
        raise ValueError(f"expected exactly one {old!r} in the base plan")
    return text.replace(old, new)


def _binary(path: Path) -> None:
    # Seeded, so a failure reproduces byte for byte; the NULs mark it as binary.
    rng = random.Random(20_250_101)
    path.write_bytes(rng.randbytes(4096) + b"\x00\x00metadata:\x00")


def _invalid_utf8(path: Path) -> None:
    # 0xC5 0x3F: a truncated "š", then a lone continuation byte; first bad byte at 3:11.
    path.write_bytes(b"metadata:\n  municipality:\n    name: Bir\xc5?tono \x80savivaldyb\n")


def _utf16_bom(path: Path) -> None:
    # What Windows Notepad's "Unicode" option writes.
    path.write_bytes(codecs.BOM_UTF16_LE + EXAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))


def _utf8_bom_crlf(path: Path) -> None:
    # A valid plan as a Windows editor saves it; generated so git's EOL handling cannot undo it.
    text = EXAMPLE.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    path.write_bytes(codecs.BOM_UTF8 + text)


def _alias_bomb(path: Path) -> None:
    # "Billion laughs": ten levels of nine aliases each expand to 9**10 strings.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path.write_text("\n".join(lines) + "\nmetadata: *a9\n", encoding="utf-8")


def _nesting_flow(path: Path) -> None:
    path.write_text("metadata: " + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8")


def _nesting_block(path: Path) -> None:
    # Compact block sequences ("- - - x"): indented lines would need about 400 MB.
    path.write_text("metadata:\n" + "- " * DEPTH + "x\n", encoding="utf-8")


def _scalar_30mb(path: Path) -> None:
    # Written in chunks: the generator itself should not need 30 MB at once.
    chunk = "a" * (1024 * 1024)
    with path.open("w", encoding="utf-8") as stream:
        stream.write("metadata:\n  note: ")
        for _ in range(BIG_SCALAR_BYTES // len(chunk)):
            stream.write(chunk)
        stream.write("\n")


def _long_comment_line(path: Path) -> None:
    comment = "# " + "komentaras " * (LONG_LINE_CHARS // 11) + "\n"
    path.write_text(comment + _valid_text(), encoding="utf-8")


def _long_text_line(path: Path) -> None:
    # Valid YAML text, but more than the 100,000 characters a text field may hold.
    words = "žodis " * (LONG_LINE_CHARS // 6)
    text = _replace_once(_valid_text(), "  text: Įgyvendinimo", f"  text: {words}Įgyvendinimo")
    path.write_text(text, encoding="utf-8")


def _findings_flood(path: Path) -> None:
    # 0.7 MB, far below the 5 MiB limit, yet three findings per line.
    items = "    - {id: x}\n" * FLOOD_ITEMS
    path.write_text(_replace_once(_valid_text(), "  providers:\n", "  providers:\n" + items),
                    encoding="utf-8")


def _directory(path: Path) -> None:
    path.mkdir()


def _unreadable(path: Path) -> None:
    # Permission bits cannot be committed to git, hence generated.
    path.write_text(_valid_text(), encoding="utf-8")
    path.chmod(0)


def _missing(path: Path) -> None:
    # Deliberately nothing: the case is a path that does not exist.
    del path


GENERATED: dict[str, Callable[[Path], None]] = {
    "binary-random-bytes.yaml": _binary,
    "invalid-utf8.yaml": _invalid_utf8,
    "utf16-with-bom.yaml": _utf16_bom,
    "utf8-bom-crlf-valid.yaml": _utf8_bom_crlf,
    "alias-bomb.yaml": _alias_bomb,
    "nesting-20000-flow.yaml": _nesting_flow,
    "nesting-20000-block.yaml": _nesting_block,
    "scalar-30mb.yaml": _scalar_30mb,
    "long-line-1mb-comment-valid.yaml": _long_comment_line,
    "long-line-1mb-text-field.yaml": _long_text_line,
    "findings-flood.yaml": _findings_flood,
    "directory-not-file.yaml": _directory,
    "unreadable-file.yaml": _unreadable,
    "missing-file.yaml": _missing,
}


def write_cases(folder: Path) -> dict[str, Path]:
    """Write every generated case into `folder`; map each file name to its path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, make in GENERATED.items():
        path = folder / name
        make(path)
        paths[name] = path
    return paths


def main(argv: list[str]) -> int:
    """Command-line entry: write the cases into the directory given as the only argument."""
    if len(argv) != 1:
        print("usage: make_cases.py OUTPUT_DIR", file=sys.stderr)
        return 2
    for path in write_cases(Path(argv[0])).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
