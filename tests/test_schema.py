"""The committed JSON Schema equals `planas schema`, and it accepts the valid corpus."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from planas.loading.positional import load_plan_file
from planas.schema import plan_schema_text

from .conftest import DATA, EXAMPLE, ROOT, run_planas, script_module

SCHEMA_FILE = ROOT / "schemas" / "plan.schema.json"


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == plan_schema_text(), (
        "schemas/plan.schema.json is stale: run `python scripts/regenerate.py`"
    )


def test_schema_command_prints_the_committed_schema() -> None:
    run = run_planas("schema")
    assert run.code == 0
    assert run.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def _json_default(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else str(value)  # amounts are numbers, dates text


def _json_ready(value: object) -> object:
    return json.loads(json.dumps(value, default=_json_default))


@pytest.mark.parametrize("path", [*sorted((DATA / "valid").glob("*.yaml")), EXAMPLE], ids=lambda p: p.stem)
def test_schema_accepts_valid_plans(path: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = load_plan_file(path).data
    # YAML years are integer keys; JSON keys are strings, as editors see them.
    jsonschema.Draft202012Validator(schema).validate(_json_ready(data))


def test_every_field_has_a_title_and_a_description() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    missing = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("title") or not spec.get("description")
    ]
    assert missing == []
    metadata = schema["$defs"]["Metadata"]
    assert metadata["properties"]["year"]["title"] == "Plano metai"
    assert metadata["additionalProperties"] is False


def test_rules_reference_is_current() -> None:
    module = script_module("regenerate")
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == module.rules_reference()
