"""The plan model's pydantic schema kept on disk: the same schema, the same validation, never an error."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from planas.loading.fast import SlowPath, fast_load
from planas.loading.positional import LoadProblem, load_plan_text
from planas.model import Plan, validate_plan
from planas.model import plan as plan_module
from planas.validation import prebuilt

from .conftest import DATA, EXAMPLE, ROOT, run_process


def _normalised(schema: Any) -> str:
    """The schema's text with object addresses dropped and the one renamed function named alike."""
    text = re.sub(r" at 0x[0-9a-f]+", "", repr(schema))
    return text.replace(prebuilt.serialize_through.__qualname__, "<lambda>").replace(
        prebuilt.__name__ + ".", "pydantic.functional_validators.")


def _kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    Plan.model_rebuild()
    prebuilt.keep(Plan.__pydantic_core_schema__)  # type: ignore[arg-type]
    loaded = prebuilt.load()
    assert loaded is not None
    return loaded


def test_the_kept_schema_is_the_one_pydantic_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = _kept(tmp_path, monkeypatch)
    assert _normalised(loaded) == re.sub(r"PlainValidator\.__get_pydantic_core_schema__\.<locals>\.<lambda>",
                                         "<lambda>", _normalised(Plan.__pydantic_core_schema__))


def _outcome(validate: Callable[[object], Plan], data: object) -> object:
    try:
        return validate(data).model_dump(mode="json")
    except ValidationError as error:
        return error.title, [(e["type"], e["loc"], e["msg"], e.get("ctx")) for e in error.errors()]


def test_the_kept_schema_validates_every_corpus_plan_alike(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate_plan` (a validator made from the kept schema, past pydantic's plugin loader) = pydantic's."""
    _kept(tmp_path, monkeypatch)
    monkeypatch.setattr(plan_module, "_validators", [])
    assert plan_module.stored_validator() is not None
    files = [EXAMPLE, *sorted((ROOT / "examples").rglob("*.yaml")), *sorted(DATA.rglob("*.yaml"))]
    compared = 0
    for path in files:
        raw = path.read_bytes()
        try:
            data: object = fast_load(raw)
        except SlowPath:
            try:
                data = load_plan_text(raw.decode("utf-8"), str(path)).data
            except (LoadProblem, UnicodeDecodeError):  # unreadable files are the readers' tests
                continue
        assert _outcome(validate_plan, data) == _outcome(Plan.model_validate, data), path
        compared += 1
    assert compared > 50


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["not", "a schema"]),
                                     pickle.dumps({"type": "definitions"})[:-3]])
def test_a_corrupt_kept_schema_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", str(tmp_path))
    (tmp_path / f"plan-schema-{prebuilt.stamp()}.pickle").write_bytes(content)
    assert prebuilt.load() is None


def test_without_a_cache_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANAS_CACHE_DIR", "off")
    prebuilt.keep({"type": "any"})
    assert prebuilt.load() is None


def test_a_second_run_takes_the_schema_the_first_kept(tmp_path: Path) -> None:
    """Two real runs (the cache outlives a process): the second reads the kept schema, same output."""
    env = {"PLANAS_CACHE_DIR": str(tmp_path)}
    broken = tmp_path / "plan.yaml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("year: 2021", "year: 1900", 1), encoding="utf-8")
    first = run_process("validate", "-f", "json", broken, env=env)
    kept = sorted(p.name for p in tmp_path.glob("plan-schema-*.pickle"))
    assert kept == [f"plan-schema-{prebuilt.stamp()}.pickle"]
    second = run_process("validate", "-f", "json", broken, env=env)
    assert (second.code, second.stdout, second.stderr) == (first.code, first.stdout, first.stderr)
    assert first.code == 1
