"""`planas init`: a plans repository in one command, and its pre-commit hook in a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from planas import __version__
from planas.loading.sniff import PLAN_KEYS, looks_like_plan
from planas.model import Plan
from planas.repository.init import FILES, SCHEMA_COPY, release_tag
from planas.schema import plan_schema_text

from .conftest import EXAMPLE, ROOT, run_planas


def test_init_writes_every_file_and_keeps_existing_ones(tmp_path: Path) -> None:
    repo = tmp_path / "planai"
    (repo / "birstonas").mkdir(parents=True)
    plan = repo / "birstonas" / "2021.yaml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")  # ../../schemas line of planas
    (repo / "README.md").write_text("mūsų\n", encoding="utf-8")
    run = run_planas("init", repo)
    assert run.code == 0, run
    assert {name for name in FILES if (repo / name).is_file()} == set(FILES)
    assert (repo / "README.md").read_text(encoding="utf-8") == "mūsų\n"  # kept
    assert "palikta, kaip buvo: README.md" in run.stdout
    assert (repo / SCHEMA_COPY).read_text(encoding="utf-8") == plan_schema_text()
    assert plan.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/plan.schema.json\n#\n# Birštono")
    pre_commit = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert pre_commit["repos"][0]["rev"] == release_tag() == f"v{__version__}"
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "planai.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["planas"]["permissions"] == {"contents": "read", "security-events": "write"}
    gitlab = yaml.safe_load((repo / "ci" / "planas.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["planas"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    again = run_planas("init", repo)
    assert again.code == 0 and "sukurta – 0 failų" in again.stdout
    assert run_planas("check", repo, "-j", "1").code == 0


def test_check_notices_a_stale_schema_copy(tmp_path: Path) -> None:
    repo = tmp_path / "planai"
    assert run_planas("-q", "init", repo).code == 0
    shutil.copy(EXAMPLE, repo / "2021.yaml")
    (repo / SCHEMA_COPY).write_text('{"old": true}\n', encoding="utf-8")
    run = run_planas("check", repo, "-j", "1")
    assert f"{repo / SCHEMA_COPY}:1:1: W1601" in run.stdout
    assert "planas schema -o schemas/plan.schema.json" in run.stdout
    assert run_planas("schema", "-o", repo / SCHEMA_COPY).code == 0
    assert "W1601" not in run_planas("check", repo, "-j", "1").stdout


def test_plans_are_recognised_by_their_top_level_keys() -> None:
    assert set(PLAN_KEYS) <= set(Plan.model_fields)
    assert looks_like_plan(b"# comment\nmetadata:\n  year: 2021\n")
    assert looks_like_plan(b"\xef\xbb\xbfintroduction: {}\n")
    assert not looks_like_plan(b"database:\n  metadata: 1\n")  # not at the top level
    assert not looks_like_plan(b"version: 3\nservices: {}\n")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=30)


def _local_hook_config() -> str:
    """planas's own hook definition as a `repo: local` hook (no network), run by this Python."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = hook["entry"].replace("planas", f"{sys.executable} -m planas", 1)
    local = {**hook, "entry": entry, "language": "system"}
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_in_a_new_repository_blocks_a_broken_plan_under_any_name(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (dev dependency group)")
    repo = tmp_path / "planai"
    repo.mkdir()
    _git(repo, "init", "-q")
    assert run_planas("-q", "init", repo).code == 0
    (repo / ".pre-commit-config.yaml").write_text(_local_hook_config(), encoding="utf-8")
    (repo / "birstonas").mkdir()
    shutil.copy(EXAMPLE, repo / "birstonas" / "2021.yaml")
    (repo / "config").mkdir()
    (repo / "config" / "2024.yaml").write_text("database:\n  host: localhost\n", encoding="utf-8")  # no plan
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PYTHONPATH": str(ROOT / "src")}
    env.pop("GITHUB_STEP_SUMMARY", None)
    _git(repo, "add", "-A")

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(pre_commit), "run", "--color", "never"], cwd=repo, env=env,
                              capture_output=True, text=True, check=False, timeout=120)

    clean = subprocess.run([str(pre_commit), "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                           capture_output=True, text=True, check=False, timeout=120)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = EXAMPLE.read_text(encoding="utf-8").replace("      goal: T3\n", "      goal: T33\n", 1)
    (repo / "2021-planas.yaml").write_text(broken, encoding="utf-8")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "goal: T33" in text)
    _git(repo, "add", "2021-planas.yaml")
    blocked = run()
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert f"2021-planas.yaml:{line}:13: E0301" in blocked.stdout
