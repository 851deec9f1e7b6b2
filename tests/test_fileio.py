"""No lost work: a write that fails or is interrupted leaves the old file and no temporary files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planas.errors import UsageError
from planas.loading.fileio import write_atomic


def test_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    write_atomic(target, b"senas")
    write_atomic(target, b"naujas")
    assert target.read_bytes() == b"naujas"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_an_interrupted_or_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException | type[BaseException]
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"ankstesnis darbas")

    def fail(_: int) -> None:
        raise error

    monkeypatch.setattr(os, "fsync", fail)
    expected = UsageError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_atomic(target, b"pusiau")
    assert target.read_bytes() == b"ankstesnis darbas"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_unwritable_folder_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "failas"
    blocker.write_text("ne aplankas", encoding="utf-8")
    with pytest.raises(UsageError):
        write_atomic(blocker / "plan.md", b"x")


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "naujas.md", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "naujas.md").stat().st_mode & 0o777 == 0o640


def test_an_overwritten_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"senas")
    target.chmod(0o644)
    previous = os.umask(0o077)
    try:
        write_atomic(target, b"naujas")
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_bytes() == b"naujas"
