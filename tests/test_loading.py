"""The loader: YAML 1.2 values, exact money, positions, and what it refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planas.loading.positional import LoadProblem, decode_plan_bytes, load_plan_text


def load(text: str) -> dict[str, object]:
    return load_plan_text(text, "t.yaml").data


def problem(text: str) -> tuple[str, int, int]:
    with pytest.raises(LoadProblem) as info:
        load_plan_text(text, "t.yaml")
    return info.value.code, info.value.line, info.value.column


def test_yaml_1_2_scalars() -> None:
    data = load("a: NO\nb: yes\nc: 010\nd: 0o17\ne: 12.50\nf: ~\ng: True\nh: '12'\ni: 2021-02-12\n")
    assert data == {
        "a": "NO", "b": "yes", "c": 10, "d": 15, "e": Decimal("12.50"),
        "f": None, "g": True, "h": "12", "i": "2021-02-12",
    }


def test_money_is_decimal_never_float() -> None:
    value = load("x: 0.1\n")["x"]
    assert isinstance(value, Decimal) and value == Decimal("0.1")


def test_year_keys_are_numbers() -> None:
    assert load("v: {2019: 1, 2020: 2}\n") == {"v": {2019: 1, 2020: 2}}


def test_positions_of_values_and_keys() -> None:
    doc = load_plan_text("a:\n  b:\n    - x\n    - {c: 5}\n", "t.yaml")
    position = doc.positions.locate(("a", "b", 1, "c"))
    assert (position.line, position.column) == (4, 11)
    key = doc.positions.locate(("a", "b"), key=True)
    assert (key.line, key.column) == (2, 3)
    missing = doc.positions.locate(("a", "zzz"))
    assert (missing.line, missing.column) == (2, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", ("E0102", 2, 1)),
        ("a: &x 1\nb: *x\n", ("E0103", 1, 4)),
        ("a: !!python/object:os.system x\n", ("E0104", 1, 4)),
        ("a: 1\n---\nb: 2\n", ("E0105", 2, 1)),
        ("# only a comment\n", ("E0107", 1, 1)),
        ("- 1\n- 2\n", ("E0108", 1, 1)),
        ("<<: {a: 1}\n", ("E0111", 1, 1)),
        ("? [a]\n: 1\n", ("E0112", 1, 3)),
        ("a: [1, 2\n", ("E0101", 2, 1)),
        ("a:\n\tb: 1\n", ("E0101", 2, 1)),
    ],
)
def test_refused_yaml(text: str, expected: tuple[str, int, int]) -> None:
    assert problem(text) == expected


def test_deep_nesting_is_refused_without_recursion() -> None:
    code, line, _ = problem("a: " + "[" * 20000 + "]" * 20000 + "\n")
    assert (code, line) == ("E0109", 1)


def test_bom_and_crlf_are_accepted() -> None:
    text = decode_plan_bytes(b"\xef\xbb\xbfa: 1\r\nb: \xc4\x85\r\n")
    assert load(text) == {"a": 1, "b": "ą"}


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        (b"a: \xff\xfe\n", "not UTF-8"),
        (b"a: 1\n\x00\x01", "binary"),
    ],
)
def test_undecodable_bytes(raw: bytes, encoding: str) -> None:
    with pytest.raises(LoadProblem) as info:
        decode_plan_bytes(raw)
    assert info.value.code == "E0106"
    assert info.value.params["encoding"] == encoding


def test_huge_numbers_stay_text() -> None:
    assert load("a: " + "9" * 100 + "\n")["a"] == "9" * 100
