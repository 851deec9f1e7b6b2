"""The on-disk cache of the built reference data: used when its stamp matches, never an error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from planas.reference import Reference, build_reference
from planas.reference.cache import cached, data_stamp

DATA = Path(build_reference.__code__.co_filename).parent / "data"


def _calls() -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> Reference:
        calls.append(1)
        return build_reference()

    return calls, build


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    calls, build = _calls()
    first = cached(Reference, DATA, build)  # type: ignore[arg-type]
    second = cached(Reference, DATA, build)  # type: ignore[arg-type]
    assert calls == [1]
    assert sorted(second.services) == sorted(first.services)
    assert second.version == first.version
    assert [p.name for p in tmp_path.iterdir()] == [f"reference-{data_stamp(DATA)}.pickle"]


def test_a_changed_data_file_changes_the_stamp(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    copy.mkdir()
    for path in DATA.glob("*.yaml"):
        (copy / path.name).write_bytes(path.read_bytes())
    before = data_stamp(copy)
    (copy / "catalogue.yaml").write_bytes((copy / "catalogue.yaml").read_bytes() + b"\n# edited\n")
    assert data_stamp(copy) != before


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"not": "a reference"}),
                                     pickle.dumps(Reference)[:-3]])
def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    target = tmp_path / f"reference-{data_stamp(DATA)}.pickle"
    target.write_bytes(content)
    calls, build = _calls()
    assert isinstance(cached(Reference, DATA, build), Reference)  # type: ignore[arg-type]
    assert calls == [1]
    assert isinstance(cached(Reference, DATA, build), Reference)  # type: ignore[arg-type]
    assert calls == [1]  # replaced by a good one


def test_a_cache_path_that_is_a_file_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(blocker / "cache"))  # cannot be created as a folder
    calls, build = _calls()
    assert isinstance(cached(Reference, DATA, build), Reference)  # type: ignore[arg-type]
    assert calls == [1]
    assert not list(tmp_path.glob("**/*.tmp"))


def test_off_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", "off")
    calls, build = _calls()
    cached(Reference, DATA, build)  # type: ignore[arg-type]
    cached(Reference, DATA, build)  # type: ignore[arg-type]
    assert calls == [1, 1]
