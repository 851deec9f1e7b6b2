"""The ZIP container limits shared by the forms reader and the Word import."""

from __future__ import annotations

import zipfile

import pytest

from planas.loading.archive import ZipLimits, zip_problem

LIMITS = ZipLimits(max_entries=3, max_total=5_000_000, max_entry=3_000_000, max_ratio=100)


def _entry(name: str, size: int, packed: int, flags: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.file_size, info.compress_size, info.flag_bits = size, packed, flags
    return info


def test_a_container_within_the_limits_has_no_problem() -> None:
    assert zip_problem([_entry("a.xml", 2_000_000, 200_000), _entry("b.xml", 500, 1)], LIMITS) is None


@pytest.mark.parametrize(("entries", "kind", "entry", "found"), [
    ([_entry(f"{i}.xml", 10, 5) for i in range(4)], "entries", "", 4),
    ([_entry("a.xml", 10, 5, flags=0x1)], "encrypted", "a.xml", 0),
    ([_entry("a.xml", 3_000_001, 3_000_001)], "too_large", "a.xml", 3_000_001),
    ([_entry("a.xml", 2_900_000, 2_900_000), _entry("b.xml", 2_900_000, 2_900_000)], "too_large", "b.xml",
     5_800_000),
    ([_entry("bomb.xml", 2_000_000, 1_000)], "ratio", "bomb.xml", 2_000),
])
def test_the_first_broken_limit_is_named(entries: list[zipfile.ZipInfo], kind: str, entry: str, found: int) -> None:
    problem = zip_problem(entries, LIMITS)
    assert problem is not None and (problem.kind, problem.entry, problem.found) == (kind, entry, found)
