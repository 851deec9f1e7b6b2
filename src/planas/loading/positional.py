"""Reading a plan file: bytes -> plain data, with the position of every key and value.

The YAML is read as YAML 1.2 (the core schema): `NO`, `yes`, `on` stay strings,
`010` is ten, and numbers with a fraction become `Decimal`, never `float`, so
money is exact. Everything a plan never needs and an attacker likes is refused
with a located problem: anchors and aliases (no "billion laughs"), tags (no
object construction), merge keys, several documents, nesting deeper than
`MAX_DEPTH`, files larger than `MAX_PLAN_BYTES`.

The tree is built from libyaml's event stream (PyYAML's C parser) in a loop,
not by recursion, so deep input cannot exhaust the Python stack
(`planas.loading.events`, imported only when a file is read with positions).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from planas.errors import UsageError

MAX_PLAN_BYTES = 5 * 1024 * 1024
"""Largest plan file planas reads (5 MiB; a full real plan is about 40 KB)."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists (a plan needs about 8 levels)."""

MAX_NUMBER_CHARS = 40
"""Longer digit strings stay text: no field holds such a number, and converting
one costs quadratic time in Python."""

PathElement = str | int
YamlPath = tuple[PathElement, ...]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in the source file."""

    line: int
    column: int


@dataclass
class PositionIndex:
    """Where each value and each mapping key of a document stands.

    Paths use `str` for mapping keys (numbers as their text) and `int` for
    list indices, the way pydantic reports locations.
    """

    values: dict[YamlPath, Position] = field(default_factory=dict)
    keys: dict[YamlPath, Position] = field(default_factory=dict)

    def resolve(self, loc: tuple[object, ...]) -> YamlPath:
        """The longest prefix of `loc` that exists in the document."""
        found: YamlPath = ()
        for element in loc:
            if isinstance(element, str) and element.startswith("[") and element.endswith("]"):
                continue  # pydantic's markers such as '[key]' are not document paths
            as_index = element if isinstance(element, int) else None
            candidates: list[PathElement] = []
            if as_index is not None:
                candidates.append(as_index)
            candidates.append(str(element))
            for candidate in candidates:
                if (*found, candidate) in self.values:
                    found = (*found, candidate)
                    break
            else:
                break
        return found

    def locate(self, loc: tuple[object, ...], *, key: bool = False) -> Position:
        """Position of the value (or of its key) at `loc`, or of its nearest ancestor."""
        path = self.resolve(loc)
        if key and path in self.keys:
            return self.keys[path]
        return self.values.get(path, Position(1, 1))


@dataclass(frozen=True)
class LoadedDocument:
    """A parsed plan file: its data and, for reporting, where everything is."""

    file: str
    data: dict[str, object]
    positions: PositionIndex
    text: str


class LoadProblem(Exception):
    """The file's content cannot become a plan document; located where possible."""

    def __init__(self, code: str, line: int, column: int, **params: object) -> None:
        """Record the finding code, its position and its message parameters."""
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.params = {key: str(value) for key, value in params.items()}


def read_plan_bytes(path: Path) -> bytes:
    """Read a plan file, turning OS errors into a one-line `UsageError`."""
    try:
        if path.is_dir():
            raise UsageError(f"{path}: tai aplankas, o ne plano failas (is a directory)")
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            # Refuse before reading: the limit also protects memory.
            raise LoadProblem("E0110", 1, 1, size=size, limit=MAX_PLAN_BYTES)
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: failas nerastas (no such file)") from None
    except PermissionError:
        raise UsageError(f"{path}: nėra teisės skaityti (permission denied)") from None
    except OSError as error:
        raise UsageError(f"{path}: nepavyko perskaityti ({error.strerror})") from None


def load_plan_file(path: Path) -> LoadedDocument:
    """Load a plan file with positions. Raises `UsageError` or `LoadProblem`."""
    return load_plan_text(decode_plan_bytes(read_plan_bytes(path)), str(path))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    r"""1-based line and column of character `offset`, counting lines as editors do.

    Only `\n`, `\r\n` and `\r` end a line; U+2028, U+2029 and U+0085 are
    ordinary characters (YAML 1.2), whatever libyaml's YAML 1.1 reader thinks.
    """
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def _line_col_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of byte `offset` of possibly undecodable bytes."""
    head = raw[:offset].decode("utf-8", "replace")
    return line_col(head, len(head))


def decode_plan_bytes(raw: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), CRLF folded to LF."""
    if len(raw) > MAX_PLAN_BYTES:
        raise LoadProblem("E0110", 1, 1, size=len(raw), limit=MAX_PLAN_BYTES)
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            raise LoadProblem("E0106", 1, 1, encoding=name)
    raw = raw.removeprefix(codecs.BOM_UTF8)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _line_col_of_offset(raw, nul)
        raise LoadProblem("E0106", line, column, encoding="binary")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col_of_offset(raw, error.start)
        raise LoadProblem("E0106", line, column, encoding="not UTF-8") from None
    return text.replace("\r\n", "\n")


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


_NUMBER_FORMS: tuple[tuple[re.Pattern[str], Callable[[str], object]], ...] = (
    (_INT, lambda text: int(text, 10)),
    (_OCT, lambda text: int(text, 0)),
    (_HEX, lambda text: int(text, 0)),
    (_FLOAT, Decimal),  # the pattern admits only numbers Decimal reads
    (_INF, lambda text: Decimal("-Infinity") if text.startswith("-") else Decimal("Infinity")),
    (_NAN, lambda text: Decimal("NaN")),
)


def resolve_plain_scalar(text: str) -> object:
    """The value of an unquoted scalar under the YAML 1.2 core schema.

    Fractions become `Decimal` (exact money); infinity and NaN become the
    `Decimal` specials so that validation can refuse them by name.
    """
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    if len(text) > MAX_NUMBER_CHARS:
        return text
    for pattern, convert in _NUMBER_FORMS:
        if pattern.fullmatch(text):
            return convert(text)
    return text


def _key_text(value: object, source: str) -> PathElement:
    """Mapping keys: numbers stay numbers (years), everything else is text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value
    return source


_NUMERIC_KEY = re.compile(r"[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?")


def canonical_key(key: PathElement) -> str:
    """The key as the model will see it: `2023`, `"2023"`, `2023.0`, `02023` are one year.

    Two keys that the model would merge into one are duplicates, or one value
    would silently overwrite the other.
    """
    text = str(key).strip()
    if _NUMERIC_KEY.fullmatch(text):
        try:
            number = Decimal(text.replace("_", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            return text
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    return text


_NOT_BREAKS = ("\u2028", "\u2029", "\x85")
_STAND_INS = range(0xE000, 0xF900)  # private use: printable to libyaml, never line breaks


def protect_line_breaks(text: str) -> tuple[str, dict[str, str]]:
    """Swap U+2028, U+2029 and U+0085 for private-use characters libyaml reads as ordinary.

    libyaml follows YAML 1.1, where they break lines: every later position would
    be a line off and, unquoted, they give false syntax errors. Each stand-in is
    one character absent from the text, so positions and content map back exactly.
    Returns the protected text and the map from stand-in back to original.
    """
    present = [char for char in _NOT_BREAKS if char in text]
    if not present:
        return text, {}
    free = (chr(code) for code in _STAND_INS if chr(code) not in text)
    back: dict[str, str] = {}
    for char in present:
        stand_in = next(free)
        text = text.replace(char, stand_in)
        back[stand_in] = char
    return text, back


def restore_line_breaks(value: str, back: dict[str, str]) -> str:
    """Put the original characters back in place of their stand-ins (see `protect_line_breaks`)."""
    for stand_in, char in back.items():
        value = value.replace(stand_in, char)
    return value


def load_plan_text(text: str, file: str) -> LoadedDocument:
    """Parse decoded YAML text into plain data with a position index."""
    # libyaml: loaded only for a file read with positions.
    from planas.loading.events import build_tree

    protected, back = protect_line_breaks(text)
    have_root, root, positions = build_tree(protected, back)
    if not have_root or root is None:
        raise LoadProblem("E0107", 1, 1)
    if not isinstance(root, dict):
        kind = "list" if isinstance(root, list) else "scalar"
        pos = positions.values.get((), Position(1, 1))
        raise LoadProblem("E0108", pos.line, pos.column, kind=kind)
    data = {str(key): value for key, value in root.items()}
    return LoadedDocument(file=file, data=data, positions=positions, text=text)
