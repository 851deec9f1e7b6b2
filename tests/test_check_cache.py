"""`planas check` keeps each plan's result between runs and recalls it only for the very same input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planas.repository import check as check_module
from planas.repository import localref, result_cache
from planas.repository.check import CheckResult, check_repository

from .conftest import ROOT, run_planas

_GROUP = ("target_groups: [socialine_rizika_vaikai, jaunimas]", "target_groups: [socialine_rizika_vaikai, benamiai]")
_NO_GROUPS = 'version: "2023.1"\ngroups: []\n'
_LOCAL_GROUP = 'version: "2023.1"\ngroups:\n  - id: benamiai\n    name_lt: Benamiai asmenys\n    name_en: Homeless persons\n'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test alone."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two years of Birštonas and a repository whose local reference data names one more target group."""
    root = tmp_path / "planai"
    shutil.copytree(ROOT / "examples" / "birstonas-2020", root / "birstonas-2020")
    shutil.copytree(ROOT / "examples" / "birstonas-2021", root / "birstonas-2021")
    (root / ".planas.yaml").write_text("reference: zinynas/\n", encoding="utf-8")
    (root / "zinynas").mkdir()
    (root / "zinynas" / "target_groups.yaml").write_text(_NO_GROUPS, encoding="utf-8")
    return root


class _Counted:
    """`check_bytes` that counts the files it really checks."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        real = check_module.check_bytes

        def counted(path: Path, raw: bytes, root: Path | None) -> check_module.PlanReport | None:
            self.files.append(path.name if path.name != "plan.yaml" else path.parent.name)
            return real(path, raw, root)

        monkeypatch.setattr(check_module, "check_bytes", counted)


def _codes(result: CheckResult) -> list[str]:
    return sorted(f.code for f in result.findings)


def test_an_unchanged_repository_is_recalled_and_a_changed_file_checked_again(
        repo: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted(monkeypatch)
    first = check_repository(repo, jobs=1)
    assert sorted(counted.files) == ["birstonas-2020", "birstonas-2021"]
    assert len(list((cache / result_cache.KIND).iterdir())) == 2
    again = check_repository(repo, jobs=1)
    assert again == first and sorted(counted.files) == ["birstonas-2020", "birstonas-2021"]  # none checked
    plan = repo / "birstonas-2021" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("      goal: T3\n", "      goal: T33\n", 1),
                    encoding="utf-8")
    changed = check_repository(repo, jobs=1)
    assert counted.files[2:] == ["birstonas-2021"]
    assert changed.errors > first.errors and "E0301" in _codes(changed)


def test_changed_local_reference_data_checks_the_plans_again(repo: Path, cache: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    plan = repo / "birstonas-2021" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(*_GROUP, 1), encoding="utf-8")
    unknown = check_repository(repo, jobs=1)
    assert "E0305" in _codes(unknown)
    groups = repo / "zinynas" / "target_groups.yaml"
    groups.write_text(_LOCAL_GROUP, encoding="utf-8")
    localref.reference_for_root.cache_clear()  # kept for the process: a new run reads them afresh
    localref._root_fingerprint.cache_clear()
    known = check_repository(repo, jobs=1)
    assert "E0305" not in _codes(known)


def test_another_planas_or_another_path_is_never_served_a_kept_result(repo: Path, cache: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted(monkeypatch)
    check_repository(repo, jobs=1)
    monkeypatch.setattr(result_cache, "code_stamp", lambda: b"another build of planas")
    check_repository(repo, jobs=1)
    assert len(counted.files) == 4
    moved = repo.parent / "moved"
    shutil.move(repo, moved)
    result = check_repository(moved, jobs=1)
    assert len(counted.files) == 6
    assert all(p.file.startswith(str(moved)) for p in result.plans)


def test_a_corrupt_or_foreign_entry_is_checked_again(repo: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = check_repository(repo, jobs=1)
    entries = sorted((cache / result_cache.KIND).iterdir())
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:-20])
    counted = _Counted(monkeypatch)
    assert check_repository(repo, jobs=1) == first
    assert len(counted.files) == 2


def test_no_cache_neither_recalls_nor_keeps(repo: Path, cache: Path) -> None:
    run = run_planas("check", repo, "--no-cache")
    assert run.code == 0, run
    assert not (cache / result_cache.KIND).exists()
    assert run_planas("check", repo).stdout == run.stdout
    assert len(list((cache / result_cache.KIND).iterdir())) == 2


def test_without_a_cache_folder_check_works(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", "off")
    assert check_repository(repo, jobs=1) == check_repository(repo, jobs=1, use_cache=False)
    unwritable = repo.parent / "a-file"
    unwritable.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(unwritable))  # a file where the folder should be
    assert check_repository(repo, jobs=1).errors == 0
