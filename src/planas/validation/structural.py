"""Structural findings: pydantic's errors, mapped to file:line:col and Lithuanian messages."""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from planas.findings import Finding, format_path, make_params
from planas.loading.positional import LoadedDocument
from planas.model import Plan
from planas.validation.registry import RULES

_EXPECTED: dict[str, tuple[str, str]] = {
    "string_type": ("teksto", "text"),
    "int_type": ("sveikojo skaičiaus", "a whole number"),
    "int_parsing": ("sveikojo skaičiaus", "a whole number"),
    "int_from_float": ("sveikojo skaičiaus (be trupmenos)", "a whole number (no fraction)"),
    "decimal_type": ("skaičiaus", "a number"),
    "decimal_parsing": ("skaičiaus (pvz., 1250.50)", "a number (e.g. 1250.50)"),
    "bool_type": ("true arba false", "true or false"),
    "bool_parsing": ("true arba false", "true or false"),
    "dict_type": ("atvaizdžio (raktas: reikšmė)", "a mapping (key: value)"),
    "model_type": ("atvaizdžio (raktas: reikšmė)", "a mapping (key: value)"),
    "model_attributes_type": ("atvaizdžio (raktas: reikšmė)", "a mapping (key: value)"),
    "list_type": ("sąrašo (eilutės su „- “)", "a list (lines starting with '- ')"),
}
_DATE_TYPES = frozenset(
    {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_future", "date_past"}
)
_RANGE_TYPES = frozenset(
    {
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
        "decimal_max_places",
        "decimal_max_digits",
        "decimal_whole_digits",
        "finite_number",
        "string_too_long",
        "string_too_short",
        "too_long",
        "too_short",
        "int_parsing_size",
    }
)
_FUNDING_PATTERN = "^(SB|VBD|VB|ES|UF|IL|P|GM|K)$"


def _close_matches(word: str, possibilities: list[str], n: int, cutoff: float) -> list[str]:
    """`difflib.get_close_matches`, imported only for a finding (a clean plan's run need not pay for it)."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


def _limit_text(kind: str, ctx: dict[str, Any], fallback: str) -> tuple[str, str]:
    """The violated bound, said in Lithuanian and English."""
    texts: dict[str, tuple[str, str]] = {
        "greater_than_equal": ("turi būti ne mažesnė nei {ge}", "must be at least {ge}"),
        "greater_than": ("turi būti didesnė nei {gt}", "must be greater than {gt}"),
        "less_than_equal": ("turi būti ne didesnė nei {le}", "must be at most {le}"),
        "less_than": ("turi būti mažesnė nei {lt}", "must be less than {lt}"),
        "decimal_max_places": ("ne daugiau kaip {decimal_places} skaitmenys po kablelio",
                               "at most {decimal_places} decimal places"),
        "decimal_max_digits": ("ne daugiau kaip {max_digits} skaitmenų", "at most {max_digits} digits"),
        "decimal_whole_digits": ("per daug skaitmenų prieš kablelį", "too many digits before the point"),
        "finite_number": ("turi būti baigtinis skaičius (ne .inf ar .nan)", "must be finite (not .inf or .nan)"),
        "string_too_long": ("ne ilgesnė nei {max_length} simbolių", "at most {max_length} characters"),
        "string_too_short": ("ne trumpesnė nei {min_length} simbolių", "at least {min_length} characters"),
        "too_long": ("per daug elementų", "too many items"),
        "too_short": ("per mažai elementų", "too few items"),
        "int_parsing_size": ("skaičius per didelis", "the number is far too large"),
    }
    lt, en = texts.get(kind, (fallback, fallback))
    values = {key: str(value) for key, value in ctx.items()}
    try:
        return lt.format(**values), en.format(**values)
    except KeyError:
        return fallback, fallback


def _visible(text: str) -> str:
    r"""Control characters spelled out (`\x1b`): a message must not carry them to a terminal or XML."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n" else c
                   for c in text)


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = _visible(str(value))
    return text if len(text) <= 60 else text[:57] + "…"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `list[Goal] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_of(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def model_at(loc: tuple[Any, ...], root: type[BaseModel] = Plan) -> type[BaseModel] | None:
    """The model class whose fields live at `loc` (a mapping in the document)."""
    current: type[BaseModel] | None = root
    for element in loc:
        if current is None:
            return None
        if isinstance(element, str) and element in current.model_fields:
            current = _model_of(current.model_fields[element].annotation)
        # list indices and dict keys keep the item model found above
    return current


def _finding(doc: LoadedDocument, code: str, loc: tuple[Any, ...], *, at_key: bool, status: str,
             **params: object) -> Finding:
    pos = doc.positions.locate(loc, key=at_key)
    return Finding(
        file=doc.file,
        line=pos.line,
        column=pos.column,
        code=code,
        severity=RULES[code].severity_for(status),
        path=format_path(loc),
        params=make_params(params),
    )


def structural_findings(
    error: ValidationError, doc: LoadedDocument, status: str, *, limit: int | None = None,
    root: type[BaseModel] = Plan,
) -> Iterator[Finding]:
    """Turn each pydantic error into one located finding (at most `limit` of them).

    `root` is the model the document was validated against (a plan, or repository settings).
    """
    errors = error.errors(include_url=False, include_input=True)
    if limit is not None:
        errors = errors[:limit]
    for err in errors:
        if err["type"] in ("extra_forbidden", "missing"):
            yield _field_finding(err, doc, status, root)
        elif err["type"] in ("literal_error", "string_pattern_mismatch"):
            yield _choice_finding(err, doc, status)
        else:
            yield _value_finding(err, doc, status)


def _field_finding(err: Any, doc: LoadedDocument, status: str, root: type[BaseModel]) -> Finding:
    """An unknown key (with "did you mean") or a missing required field (with its description)."""
    loc = tuple(err["loc"])
    parent = model_at(loc[:-1], root)
    if err["type"] == "extra_forbidden":
        allowed = list(parent.model_fields) if parent is not None else []
        name = _visible(str(loc[-1]))
        special = _special_key(doc, loc, err.get("input"), status)
        if special is not None:
            return special
        close = _close_matches(name, allowed, n=1, cutoff=0.6)
        return _finding(doc, "E0201", loc, at_key=True, status=status, key=name,
                        **({"did_you_mean": close[0]} if close else {}))
    field = str(loc[-1])
    info = parent.model_fields.get(field) if parent is not None else None
    title = (info.title if info is not None else None) or field
    description = (info.description if info is not None else None) or ""
    return _finding(doc, "E0202", loc, at_key=False, status=status, field=field, title=title,
                    description=description)


_FLOW_PAIR = re.compile(r"([^\s{},:]+)\s*:\s*([^{},]*?)\s*,\s*$")


def _special_key(doc: LoadedDocument, loc: tuple[Any, ...], value: object, status: str) -> Finding | None:
    """An unknown key that is really a split value (E1508) or the retired approval.note (E1507)."""
    if loc[-3:] == ("metadata", "approval", "note"):
        return _finding(doc, "E1507", loc, at_key=True, status=status)
    if value is not None:
        return None
    pos = doc.positions.locate(loc, key=True)
    lines = doc.text.splitlines()
    if not 0 < pos.line <= len(lines):
        return None
    before = lines[pos.line - 1][: pos.column - 1]
    match = _FLOW_PAIR.search(before)
    if "{" not in before or match is None:
        return None
    return _finding(doc, "E1508", loc, at_key=True, status=status, key=_visible(str(loc[-1])),
                    previous=_show(match.group(1)), value=_show(match.group(2)))


def _choice_finding(err: Any, doc: LoadedDocument, status: str) -> Finding:
    """A value outside its list of choices, or not in its format."""
    loc, value, ctx = tuple(err["loc"]), err.get("input"), err.get("ctx") or {}
    is_key = "[key]" in loc
    if err["type"] == "literal_error":
        choices = [c.strip(" '") for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        close = _close_matches(str(value), choices, n=1, cutoff=0.5)
        return _finding(doc, "E0206", loc, at_key=is_key, status=status, value=_show(value),
                        choices=", ".join(choices), **({"did_you_mean": close[0]} if close else {}))
    if ctx.get("pattern") == _FUNDING_PATTERN:
        choices = ["SB", "VBD", "VB", "ES", "UF", "IL", "P", "GM", "K"]
        close = _close_matches(str(value).upper(), choices, n=1, cutoff=0.5)
        return _finding(doc, "E0206", loc, at_key=True, status=status, value=_show(value),
                        choices=", ".join(choices), **({"did_you_mean": close[0]} if close else {}))
    return _finding(doc, "E0207", loc, at_key=is_key, status=status, value=_show(value),
                    detail=str(ctx.get("pattern", "")))


def _value_finding(err: Any, doc: LoadedDocument, status: str) -> Finding:
    """A value of the wrong type, out of range, not a date, or holding a control character."""
    kind, loc, value, ctx = err["type"], tuple(err["loc"]), err.get("input"), err.get("ctx") or {}
    is_key = "[key]" in loc
    if kind == "deadline_format":
        return _finding(doc, "E0321", loc, at_key=is_key, status=status, value=_show(value))
    if kind == "control_character":
        return _finding(doc, "E0210", loc, at_key=is_key, status=status, char=ctx.get("char", "?"))
    if kind in _DATE_TYPES:
        return _finding(doc, "E0204", loc, at_key=is_key, status=status, value=_show(value))
    if kind in _RANGE_TYPES:
        limit_lt, limit_en = _limit_text(kind, ctx, err["msg"])
        return _finding(doc, "E0205", loc, at_key=is_key, status=status, value=_show(value),
                        limit=limit_lt, limit_en=limit_en)
    if kind in _EXPECTED:
        expected_lt, expected_en = _EXPECTED[kind]
        return _finding(doc, "E0203", loc, at_key=is_key, status=status, value=_show(value),
                        expected=expected_lt, expected_en=expected_en)
    return _finding(doc, "E0208", loc, at_key=is_key, status=status, detail=err["msg"])
