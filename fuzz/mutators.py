"""Mutation operators over a plan's structure, syntax, bytes and domain content.

A mutant is fully determined by (campaign seed, mutant index, command): each
draws from its own `random.Random`, so a campaign gives the same mutants in
any number of worker processes, and a reproducer can be regenerated.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fuzz import tree
from fuzz.fields import kind_at
from fuzz.seeds import SETTINGS_SEED, Seed, seeds
from planas.findings import format_path


@dataclass
class Draft:
    """A mutant in the making: tree operators edit `data`, text and byte operators `text`/`raw`."""

    data: Any
    text: str | None = None
    raw: bytes | None = None
    retyped: list[str] = field(default_factory=list)
    origin: str | None = None

    def as_text(self) -> str:
        """Switch to the text stage (dumping the tree if a tree operator changed it)."""
        if self.text is None:
            self.text = tree.dump(self.data)
        return self.text

    def as_bytes(self) -> bytes:
        """Switch to the byte stage."""
        if self.raw is None:
            self.raw = self.as_text().encode("utf-8", "surrogatepass")
        return self.raw


@dataclass(frozen=True)
class Mutant:
    """One mutated plan (and, for `check`, perhaps mutated settings)."""

    seed: str
    operators: tuple[str, ...]
    raw: bytes
    settings: bytes | None = None
    retyped: tuple[str, ...] = ()


Op = Callable[[random.Random, Draft], str | None]

# --- pools of hostile values ---------------------------------------------------------------

_SCALARS: tuple[Any, ...] = (
    None, True, False, 0, -1, 1, 2**63, 10**39, Decimal("0.5"), Decimal("-0.0"), Decimal("1E-99999"),
    Decimal("1E+39"), Decimal("NaN"), Decimal("Infinity"), "", " ", "x" * 3000, "yes", "NO", "2021-02-12",
    "ąčęėįšųūž", "🙂", "T1", "1.1", "null", "~",
)
_NUMBERS: tuple[Any, ...] = (
    Decimal("1E-99999"), Decimal("1E+39"), 10**39, Decimal("0.5"), Decimal("-0.0"), Decimal("1E+999999"),
    Decimal("0.000000001"), Decimal("123456789012.345"), 99999999999999, -1, Decimal("1E-5"),
    Decimal("999999999999.99"), Decimal("9999999999999999999999999999.9"), 0, 2**63 - 1,
    Decimal("0.0001"), Decimal(100000000), Decimal("100000000.0001"),
)
_RETYPES: dict[str, tuple[Any, ...]] = {
    "count": (True, False, "5", Decimal("5.5"), Decimal("5.0"), "penki", [], {"a": 1}),
    "money": (True, False, "100", "12,50", "abc", [], {"a": 1}),
    "number": (True, "5", "abc", [], {"a": 1}),
    "date": (20210212, True, "2021-02-30", "12/02/2021", Decimal("2021.5"), [], "2021-13-01"),
    "bool": ("yes", "true", "no", 1, 0, "false", "on", Decimal("1.0"), []),
}
_DATES = ("2021-02-30", "2021-13-01", "2021-00-10", "0000-01-01", "9999-12-31", "2021-2-3", "2021-02-29",
          "1900-02-29", "2021-02-12T10:00:00", "2021-02-12 10:00", "20210212")
_YEARS: tuple[Any, ...] = (1999, 2101, 0, -2021, 99999999999999999999, Decimal("2021.5"), "2021", 1900, 3000)
_CODES = ("nezinoma_paslauga", "", "UPPER_CASE", "a" * 200, "pagalba i namus", "ąžuolas", "1", "-")
_NOT_BREAKS = ("\u2028", "\u2029", "\x85")
_ESCAPES = ("\\x01", "\\0", "\\e", "\\x0b", "\\x0c", "\\x1f", "\\ud800", "\\uFFFE", "\\uFFFF", "\\x7f",
            "\\x85", "\\L", "\\P", "\\x08", "\\U0010FFFF")


def _paths(draft: Draft, predicate: Callable[[tree.Path, Any], bool]) -> list[tree.Path]:
    return [path for path, value in tree.walk(draft.data) if path and predicate(path, value)]


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


# --- structure --------------------------------------------------------------------------------


def op_delete(rng: random.Random, draft: Draft) -> str | None:
    """Delete a key or a list item."""
    paths = _paths(draft, lambda p, v: True)
    path = rng.choice(paths)
    tree.delete(draft.data, path)
    return f"delete {format_path(path)}"


def op_move(rng: random.Random, draft: Draft) -> str | None:
    """Move a subtree to another mapping (under its own key) or list."""
    paths = _paths(draft, lambda p, v: True)
    path = rng.choice(paths)
    value = tree.clone(tree.get(draft.data, path))
    tree.delete(draft.data, path)
    targets = [p for p, v in tree.walk(draft.data) if isinstance(v, dict | list)]
    target = rng.choice(targets)
    container = tree.get(draft.data, target)
    if isinstance(container, dict):
        container[path[-1]] = value
    else:
        container.insert(rng.randint(0, len(container)), value)
    return f"move {format_path(path)} -> {format_path(target)}"


def op_retype_structure(rng: random.Random, draft: Draft) -> str | None:
    """Replace a mapping by a list, a list by a scalar, a scalar by a mapping, and so on."""
    path = rng.choice(_paths(draft, lambda p, v: True))
    value = tree.get(draft.data, path)
    if isinstance(value, dict):
        new: Any = rng.choice([list(value.values()), list(value), str(value)[:50], None])
    elif isinstance(value, list):
        new = rng.choice([{str(i): v for i, v in enumerate(value)}, value[0] if value else "x", None])
    else:
        new = rng.choice([{"value": value}, [value], [], {}])
    tree.put(draft.data, path, new)
    return f"retype-structure {format_path(path)}"


def op_replace_scalar(rng: random.Random, draft: Draft) -> str | None:
    """Replace a scalar by a hostile one."""
    paths = _paths(draft, lambda p, v: _is_scalar(v))
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(_SCALARS))
    return f"replace-scalar {format_path(path)}"


def op_duplicate_item(rng: random.Random, draft: Draft) -> str | None:
    """Repeat a list item (duplicate ids and records)."""
    lists = {p for p, v in tree.walk(draft.data) if isinstance(v, list) and v}
    paths = _paths(draft, lambda p, v: p[:-1] in lists)
    if not paths:
        return None
    path = rng.choice(paths)
    parent = tree.get(draft.data, path[:-1])
    parent.insert(int(path[-1]), tree.clone(parent[path[-1]]))
    return f"duplicate-item {format_path(path)}"


def op_retype_field(rng: random.Random, draft: Draft) -> str | None:
    """Write a value of the wrong type where the model counts, sums, dates or decides (oracle: a finding)."""
    paths = _paths(draft, lambda p, v: _is_scalar(v) and v is not None
                   and kind_at(p) in ("count", "money", "date", "bool", "number"))
    if not paths:
        return None
    path = rng.choice(paths)
    kind = kind_at(path)
    new = rng.choice(_RETYPES[kind])
    tree.put(draft.data, path, new)
    if kind != "number":
        draft.retyped.append(format_path(path))
    return f"retype-{kind} {format_path(path)} = {new!r}"


# --- domain content ----------------------------------------------------------------------------


def op_dangling_id(rng: random.Random, draft: Draft) -> str | None:
    """Point a measure, provision or finance record at an id that does not exist."""
    paths = _paths(draft, lambda p, v: p[-1] in ("goal", "priority", "provider", "criterion"))
    if not paths:
        return None
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(["ZZ99", "t1", "", "1.1 ", "T1\u2028"]))
    return f"dangling-id {format_path(path)}"


def op_duplicate_id(rng: random.Random, draft: Draft) -> str | None:
    """Give an item the id of its neighbour."""
    paths = _paths(draft, lambda p, v: p[-1] == "id" and isinstance(p[-2], int) and p[-2] > 0)
    if not paths:
        return None
    path = rng.choice(paths)
    first = (*path[:-2], 0, "id")
    tree.put(draft.data, path, tree.get(draft.data, first))
    return f"duplicate-id {format_path(path)}"


def op_impossible_date(rng: random.Random, draft: Draft) -> str | None:
    """An impossible or oddly written date."""
    paths = _paths(draft, lambda p, v: kind_at(p) == "date")
    if not paths:
        return None
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(_DATES))
    return f"impossible-date {format_path(path)}"


def op_year_out_of_range(rng: random.Random, draft: Draft) -> str | None:
    """A plan year, record year or year key outside 2000-2100 (or not a year at all)."""
    paths = _paths(draft, lambda p, v: p[-1] == "year" or (isinstance(p[-1], int) and p[-1] > 1000))
    if not paths:
        return None
    path = rng.choice(paths)
    year = rng.choice(_YEARS)
    if path[-1] == "year":
        tree.put(draft.data, path, year)
    else:
        parent = tree.get(draft.data, path[:-1])
        if isinstance(parent, dict):
            parent[year if not isinstance(year, Decimal) else str(year)] = parent.pop(path[-1])
    return f"year-out-of-range {format_path(path)} = {year!r}"


def op_unknown_code(rng: random.Random, draft: Draft) -> str | None:
    """A catalogue, group or institution code that does not exist."""
    names = ("service", "target_group", "institution_type", "owner", "kind", "status", "regime")
    paths = _paths(draft, lambda p, v: p[-1] in names or (len(p) > 1 and p[-2] in ("services", "target_groups")
                                                         and isinstance(v, str)))
    if not paths:
        return None
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(_CODES))
    return f"unknown-code {format_path(path)}"


def op_extreme_number(rng: random.Random, draft: Draft) -> str | None:
    """A huge, tiny, negative or fractional number where a figure goes."""
    numeric = ("count", "money", "number")
    paths = _paths(draft, lambda p, v: kind_at(p) in numeric or p[-1] in ("baseline", "target", "actual", "value"))
    if not paths:
        return None
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(_NUMBERS))
    return f"extreme-number {format_path(path)}"


def op_long_text(rng: random.Random, draft: Draft) -> str | None:
    """A very long name (Word's document properties hold 255 characters)."""
    paths = _paths(draft, lambda p, v: isinstance(v, str) and p[-1] in ("name", "title", "text", "body"))
    if not paths:
        return None
    path = rng.choice(paths)
    tree.put(draft.data, path, rng.choice(["Ž" * 256, "a " * 999 + "b", "x" * 2000, "y" * 2001]))
    return f"long-text {format_path(path)}"


# --- text: special characters (raw, so the loader sees them as written) -------------------------

_VALUE_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*: )([^\s\"'{\[&*!|>#][^#\n]*)$", re.MULTILINE)


def op_not_a_break(rng: random.Random, draft: Draft) -> str | None:
    """U+2028, U+2029 or U+0085 inside a plain, single- or double-quoted value (YAML 1.2: not breaks)."""
    text = draft.as_text()
    matches = list(_VALUE_LINE.finditer(text))
    if not matches:
        return None
    match = rng.choice(matches)
    char = rng.choice(_NOT_BREAKS)
    value = match.group(2).rstrip()
    cut = rng.randint(1, max(1, len(value)))
    inner = value[:cut] + char + value[cut:]
    style = rng.choice(["plain", "single", "double"])
    if style == "single":
        inner = "'" + inner.replace("'", "''") + "'"
    elif style == "double":
        inner = '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    draft.text = text[: match.start(2)] + inner + text[match.start(2) + len(value):]
    return f"not-a-break U+{ord(char):04X} {style} line {text.count(chr(10), 0, match.start()) + 1}"


def op_control_character(rng: random.Random, draft: Draft) -> str | None:
    """A control character (or surrogate) written as a double-quoted escape, or raw."""
    text = draft.as_text()
    matches = list(_VALUE_LINE.finditer(text))
    if not matches:
        return None
    match = rng.choice(matches)
    value = match.group(2).rstrip()
    if rng.random() < 0.2:
        raw = rng.choice(["\x01", "\x1b", "\x7f", "\x0b", "\ufeff", "\ufffe"])
        draft.text = text[: match.start(2)] + value + raw + text[match.start(2) + len(value):]
        return f"raw-control U+{ord(raw):04X}"
    escape = rng.choice(_ESCAPES)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + escape + '"'
    draft.text = text[: match.start(2)] + quoted + text[match.start(2) + len(value):]
    return f"control-escape {escape}"


def op_control_key(rng: random.Random, draft: Draft) -> str | None:
    """A control character in a key (it reaches reports as an unknown key)."""
    text = draft.as_text()
    matches = list(_VALUE_LINE.finditer(text))
    if not matches:
        return None
    match = rng.choice(matches)
    line = match.group(1)
    indent = len(line) - len(line.lstrip(" -"))
    escape = rng.choice(("\\x01", "\\x1b", "\\0", "\\x0b"))
    key = line.strip(" -:")
    draft.text = text[: match.start(1) + indent] + f'"{key}{escape}": ' + text[match.start(2):]
    return f"control-key {escape}"


# --- syntax ----------------------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^(\s*)(- )?([A-Za-z_0-9][A-Za-z_0-9.]*):( .*)?$", re.MULTILINE)


def _spellings(key: str, rng: random.Random) -> str:
    if key.isdigit():
        return rng.choice([key, f'"{key}"', f"'{key}'", f"{key}.0", f"0{key}", f"+{key}", f"{key}.00"])
    return rng.choice([key, f'"{key}"', f"'{key}'", f"? {key}\n"])


def op_duplicate_key(rng: random.Random, draft: Draft) -> str | None:
    """Repeat a key in its mapping, in any of its spellings (plain, quoted, a year as 2021.0)."""
    text = draft.as_text()
    matches = [m for m in _KEY_LINE.finditer(text) if m.group(4)]
    if not matches:
        return None
    match = rng.choice(matches)
    indent = match.group(1) + ("  " if match.group(2) else "")
    spelled = _spellings(match.group(3), rng)
    if spelled.startswith("? "):
        copy = f"{indent}? {match.group(3)}\n{indent}:{match.group(4)}"
    else:
        copy = f"{indent}{spelled}:{match.group(4)}"
    draft.text = text[: match.end()] + "\n" + copy + text[match.end():]
    return f"duplicate-key {match.group(3)} as {spelled.strip()}"


def op_flow_duplicate_key(rng: random.Random, draft: Draft) -> str | None:
    """Repeat a key inside a flow mapping `{a: 1, a: 2}`."""
    text = draft.as_text()
    matches = list(re.finditer(r"\{([A-Za-z_0-9]+): ([^,{}\n]+)", text))
    if not matches:
        return None
    match = rng.choice(matches)
    key = _spellings(match.group(1), rng).replace("? ", "").strip()
    insert = f"{key}: {match.group(2)}, "
    draft.text = text[: match.start() + 1] + insert + text[match.start() + 1:]
    return f"flow-duplicate-key {match.group(1)} as {key}"


def op_anchor_alias(rng: random.Random, draft: Draft) -> str | None:
    """An anchor on one value and an alias to it on another."""
    text = draft.as_text()
    matches = list(_VALUE_LINE.finditer(text))
    if len(matches) < 2:
        return None
    first, second = sorted(rng.sample(matches, 2), key=lambda m: m.start())
    name = rng.choice(["a", "x1", "anchor"])
    mode = rng.choice(["both", "anchor", "alias"])
    parts = [text[: first.start(2)]]
    parts.append(f"&{name} {first.group(2)}" if mode in ("both", "anchor") else first.group(2))
    parts.append(text[first.end(2): second.start(2)])
    parts.append(f"*{name}" if mode in ("both", "alias") else second.group(2))
    parts.append(text[second.end(2):])
    draft.text = "".join(parts)
    return f"anchor-alias {mode}"


def op_merge_key(rng: random.Random, draft: Draft) -> str | None:
    """A merge key `<<:` inside a mapping."""
    text = draft.as_text()
    matches = list(_KEY_LINE.finditer(text))
    match = rng.choice(matches)
    indent = match.group(1) + ("  " if match.group(2) else "")
    value = rng.choice(["{x: 1}", "*a", "[{a: 1}]", "{name: X}"])
    draft.text = text[: match.end()] + f"\n{indent}<<: {value}" + text[match.end():]
    return "merge-key"


def op_tag(rng: random.Random, draft: Draft) -> str | None:
    """A tag on a value (standard, custom, or one that would construct an object)."""
    text = draft.as_text()
    matches = list(_VALUE_LINE.finditer(text))
    match = rng.choice(matches)
    tag = rng.choice(["!!str", "!!int", "!!float", "!!binary", "!custom", "!!python/object/apply:os.system",
                      "!<tag:yaml.org,2002:str>", "!!timestamp", "!!set", "!"])
    draft.text = text[: match.start(2)] + f"{tag} " + text[match.start(2):]
    return f"tag {tag}"


def op_documents(rng: random.Random, draft: Draft) -> str | None:
    """Several documents, document markers, directives."""
    text = draft.as_text()
    choice = rng.choice(["second", "start", "end", "directive", "empty-second", "directive-1.1"])
    if choice == "second":
        draft.text = text + "\n---\nmetadata: {}\n"
    elif choice == "start":
        draft.text = "---\n" + text
    elif choice == "end":
        draft.text = text + "\n...\n"
    elif choice == "directive":
        draft.text = "%YAML 1.2\n---\n" + text
    elif choice == "directive-1.1":
        draft.text = "%YAML 1.1\n%TAG ! tag:example.com,2000:\n---\n" + text
    else:
        draft.text = text + "\n---\n"
    return f"documents {choice}"


def op_flow_style(rng: random.Random, draft: Draft) -> str | None:
    """The whole plan, or one section, in flow style."""
    if draft.text is not None and draft.text != draft.origin:
        return None
    if rng.random() < 0.5:
        draft.text = tree.dump(draft.data, flow=True)
        return "flow-style all"
    keys = list(draft.data)
    key = rng.choice(keys)
    head = tree.dump({k: v for k, v in draft.data.items() if k != key})
    draft.text = head + f"{key}: " + tree.dump(draft.data[key], flow=True)
    return f"flow-style {key}"


def op_tabs(rng: random.Random, draft: Draft) -> str | None:
    """Tabs in indentation or after a colon."""
    text = draft.as_text()
    lines = text.split("\n")
    indices = [i for i, line in enumerate(lines) if line.startswith("  ")]
    if not indices:
        return None
    i = rng.choice(indices)
    if rng.random() < 0.5:
        lines[i] = "\t" + lines[i][2:]
    else:
        lines[i] = lines[i].replace(": ", ":\t", 1)
    draft.text = "\n".join(lines)
    return f"tabs line {i + 1}"


def op_line_ends(rng: random.Random, draft: Draft) -> str | None:
    """CRLF everywhere, lone CR somewhere, or mixed."""
    text = draft.as_text()
    choice = rng.choice(["crlf", "cr", "mixed", "lone-cr-in-value"])
    if choice == "crlf":
        draft.text = text.replace("\n", "\r\n")
    elif choice == "cr":
        draft.text = text.replace("\n", "\r")
    elif choice == "mixed":
        draft.text = "".join(c + ("\r" if c == "\n" and rng.random() < 0.3 else "") for c in text).replace(
            "\n\r", "\r\n")
    else:
        matches = list(_VALUE_LINE.finditer(text))
        match = rng.choice(matches)
        draft.text = text[: match.end(2) - 1] + "\r" + text[match.end(2) - 1:]
    return f"line-ends {choice}"


def op_bom(rng: random.Random, draft: Draft) -> str | None:
    """A byte-order mark at the start (UTF-8, UTF-16) or in the middle."""
    raw = draft.as_bytes()
    choice = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf", b"mid"])
    if choice == b"mid":
        cut = raw.find(b"\n", len(raw) // 2) + 1
        draft.raw = raw[:cut] + b"\xef\xbb\xbf" + raw[cut:]
    else:
        draft.raw = choice + raw
    return f"bom {choice!r}"


def op_truncate(rng: random.Random, draft: Draft) -> str | None:
    """The file cut at a random byte (perhaps inside a UTF-8 sequence)."""
    raw = draft.as_bytes()
    draft.raw = raw[: rng.randint(0, len(raw))]
    return f"truncate {len(draft.raw)}"


def op_deep(rng: random.Random, draft: Draft) -> str | None:
    """Deep nesting in flow or block style."""
    text = draft.as_text()
    depth = rng.choice([63, 64, 65, 200, 1001])
    if rng.random() < 0.5:
        nested = "[" * depth + "]" * depth
    else:
        nested = "\n" + "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x"
    draft.text = text + f"\nnested: {nested}\n"
    return f"deep {depth}"


# --- bytes -------------------------------------------------------------------------------------------


def op_flip(rng: random.Random, draft: Draft) -> str | None:
    """Flip a few random bits."""
    raw = bytearray(draft.as_bytes())
    if not raw:
        return None
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(raw))
        raw[i] ^= 1 << rng.randrange(8)
    draft.raw = bytes(raw)
    return "flip"


def op_invalid_utf8(rng: random.Random, draft: Draft) -> str | None:
    """A byte sequence that is not UTF-8 (lone continuation, overlong, encoded surrogate, NUL)."""
    raw = draft.as_bytes()
    bad = rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\x00",
                      b"\xf4\x90\x80\x80"])
    i = rng.randint(0, len(raw))
    draft.raw = raw[:i] + bad + raw[i:]
    return f"invalid-utf8 {bad!r}"


def op_encoding(rng: random.Random, draft: Draft) -> str | None:
    """The plan saved in another encoding."""
    text = draft.as_text()
    encoding = rng.choice(["latin-1", "cp1257", "utf-16-le", "utf-16", "utf-32", "utf-16-be", "cp1252"])
    draft.raw = text.encode(encoding, "replace")
    return f"encoding {encoding}"


# --- settings (.planas.yaml) for check ---------------------------------------------------------------

_SETTINGS_EDITS = (
    "disabled: 5", "exclude: 5", "severity: [W0601]", "jump_threshold: .nan", "jump_threshold: .inf",
    "jump_threshold: -1", "jump_threshold: abc", "jump_threshold: 1e999999", "jump_threshold: true",
    "jump_threshold: 1e-99999", "severity: {W0601: fatal}", "severity: {ZZZ: error}", "severity: {W0601: 5}",
    "colour: blue", "baseline: 5", "baseline: missing.json", "exclude: [5, true]", "disabled: [true]",
    "disabled: [ZZZ]", "severity: 5", "severity: {W0601: [error]}", "exclude: ['[']", "baseline: ''",
    "jump_threshold: 99999999999999999999999999999999999999999", "disabled: {a: 1}", "baseline: ../../x",
    "severity: {E0101: ignore}", "exclude: ['**']",
)


def settings_mutant(rng: random.Random) -> tuple[bytes, str]:
    """A mutated `.planas.yaml`."""
    text = SETTINGS_SEED
    choice = rng.random()
    if choice < 0.6:
        edit = rng.choice(_SETTINGS_EDITS)
        key = edit.split(":")[0]
        lines = [line for line in text.splitlines() if not line.startswith(key)]
        if key == "exclude":
            lines = [line for line in lines if not line.startswith("  - ")]
        if key == "severity":
            lines = [line for line in lines if not line.startswith("  ")]
        return ("\n".join([*lines, edit]) + "\n").encode(), f"settings {edit}"
    if choice < 0.7:
        return rng.choice([b"", b"- a\n- b\n", b"just text\n", b"~\n", b"[1, 2]\n"]), "settings root"
    draft = Draft(None, text=text)
    op = rng.choice([op_duplicate_key, op_tabs, op_line_ends, op_bom, op_truncate, op_flip, op_invalid_utf8,
                     op_encoding, op_anchor_alias, op_tag, op_control_character, op_documents])
    name = op(rng, draft) or "none"
    return draft.as_bytes(), f"settings {name}"


# --- assembling a mutant ------------------------------------------------------------------------------

TREE_OPS: tuple[Op, ...] = (
    op_delete, op_move, op_retype_structure, op_replace_scalar, op_duplicate_item, op_retype_field,
    op_retype_field, op_dangling_id, op_duplicate_id, op_impossible_date, op_year_out_of_range,
    op_unknown_code, op_extreme_number, op_extreme_number, op_long_text,
)
TEXT_OPS: tuple[Op, ...] = (
    op_not_a_break, op_not_a_break, op_control_character, op_control_key, op_duplicate_key,
    op_flow_duplicate_key, op_anchor_alias, op_merge_key, op_tag, op_documents, op_flow_style, op_tabs,
    op_line_ends, op_deep,
)
BYTE_OPS: tuple[Op, ...] = (op_bom, op_truncate, op_flip, op_invalid_utf8, op_encoding)


def _choose_ops(rng: random.Random) -> list[Op]:
    count = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
    chosen = [rng.choices([TREE_OPS, TEXT_OPS, BYTE_OPS], weights=[50, 35, 15])[0] for _ in range(count)]
    ops = [rng.choice(family) for family in chosen]
    order = {id(op): (0 if op in TREE_OPS else 1 if op in TEXT_OPS else 2) for op in ops}
    return sorted(ops, key=lambda op: order[id(op)])


def make_mutant(campaign_seed: int, index: int, command: str) -> Mutant:
    """Mutant `index` of a campaign (the same on every machine and in every worker)."""
    rng = random.Random(f"planas-fuzz/{campaign_seed}/{index}/{command}")
    seed: Seed = rng.choice(seeds())
    settings: bytes | None = None
    names: list[str] = []
    if command == "check" and rng.random() < 0.25:
        settings, name = settings_mutant(rng)
        names.append(name)
        if rng.random() < 0.6:
            return Mutant(seed.name, tuple(names), seed.text.encode("utf-8"), settings)
    draft = Draft(tree.clone(seed.data))
    edited = False
    for op in _choose_ops(rng):
        if op in TREE_OPS and draft.text is not None:
            continue
        if op not in TREE_OPS and draft.text is None and not edited:
            draft.text = draft.origin = seed.text  # no tree edit: text operators work on the seed as written
        try:
            name = op(rng, draft)
        except (IndexError, ValueError, KeyError, TypeError):
            name = None  # the operator does not apply to this seed (empty list and the like)
        if name is not None:
            names.append(name)
            edited = edited or op in TREE_OPS
    if not edited and draft.text is None:
        draft.text = None
        names.append(op_replace_scalar(rng, draft) or "none")
    retyped = tuple(draft.retyped) if len(names) == 1 and draft.retyped else ()
    return Mutant(seed.name, tuple(names), draft.as_bytes(), settings, retyped)
