"""The JSON Schema of a plan, for editors (yaml-language-server) and other validators."""

from __future__ import annotations

import json

from planas.model import Plan

SCHEMA_ID = "urn:planas:plan-schema:1"


def plan_schema() -> dict[str, object]:
    """The plan's JSON Schema (draft 2020-12 as pydantic writes it)."""
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def plan_schema_text() -> str:
    """The schema as the committed file holds it (sorted keys, trailing newline)."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
