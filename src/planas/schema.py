"""The JSON Schema of a plan, for editors (yaml-language-server) and other validators.

Every closed code list (services, target groups, institution types, funding
sources) is an enum, and the field's description lists each code with its
Lithuanian title, so that an editor completes and explains the codes. Within a
plans repository the schema also carries its local codes (`planas schema`
there; `planas.repository.localref`).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from planas.model import Plan
from planas.model.codes import CODE_LIST_KEY
from planas.reference import Reference, load_reference

SCHEMA_ID = "urn:planas:plan-schema:1"
_FUNDING_PATTERN = "^(SB|VBD|VB|ES|UF|IL|P|GM|K)$"


def code_titles(reference: Reference) -> dict[str, dict[str, str]]:
    """Each code list the schema closes: code -> its Lithuanian title, in the data's order."""
    return {
        "services": {code: s.name_lt for code, s in reference.services.items()},
        "groups": {code: g.name_lt for code, g in reference.target_groups.items()},
        "institution-types": {code: t.name_lt for code, t in reference.institution_types.items()},
        "funding-sources": {code: f.name_lt for code, f in reference.funding_sources.items()},
    }


def _closed(node: dict[str, Any], titles: dict[str, str], list_name: str) -> None:
    """Make a code field an enum of the list's codes, its description naming each code's title."""
    node.pop("pattern", None)
    node.pop("maxLength", None)
    node.pop("minLength", None)
    node["enum"] = list(titles)
    listed = "; ".join(f"{code} – {title}" for code, title in titles.items())
    description = node.get("description", "")
    node["description"] = (f"{description} Galimi kodai (planas reference {list_name}): {listed}.").strip()


def _close_codes(node: Any, lists: dict[str, dict[str, str]]) -> None:
    """Walk the schema and close every marked code field (and the funding-source keys)."""
    if isinstance(node, list):
        for item in node:
            _close_codes(item, lists)
        return
    if not isinstance(node, dict):
        return
    marker = node.pop(CODE_LIST_KEY, None)
    if isinstance(marker, str):
        _closed(node, lists[marker], marker)
    names = node.get("propertyNames")
    if isinstance(names, dict) and _FUNDING_PATTERN in node.get("patternProperties", {}):
        _closed(names, lists["funding-sources"], "funding-sources")
    for value in node.values():
        _close_codes(value, lists)


YEAR_KEY = "^(20[0-9]{2}|2100)$"
"""A year as a mapping key (2000–2100): JSON and editors see YAML's `2021:` as the text "2021"."""


def _number(value: Any) -> int | float:
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


_BOUNDS = (("ge", "minimum"), ("le", "maximum"), ("gt", "exclusiveMinimum"), ("lt", "exclusiveMaximum"))


def _standard_bounds(node: Any) -> None:
    """`ge`/`le`/`decimal_places` (pydantic's names, for a constrained wrapped Decimal) -> JSON Schema's."""
    if isinstance(node, list):
        for item in node:
            _standard_bounds(item)
        return
    if not isinstance(node, dict):
        return
    if "decimal_places" in node:
        node.pop("decimal_places")
        for key, keyword in _BOUNDS:
            if key in node:
                node[keyword] = _number(node.pop(key))
    for value in node.values():
        _standard_bounds(value)


class StrictSchema(GenerateJsonSchema):
    """pydantic's schema, made as strict as planas where JSON Schema can say it.

    - Amounts and quantities are numbers (planas refuses text such as "12,50"),
      their bounds `minimum`/`maximum`. Decimal places are not in the schema:
      `multipleOf: 0.01` on binary floats rejects valid sums such as 12.35 in
      JSON Schema validators, so planas alone checks them (E0205).
    - Maps keyed by a pattern (funding by source) are closed: any other key is
      an error, as in planas (`funding: {XX: 1}`).
    - Maps keyed by year accept only year keys.
    """

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        """A number within the model's bounds (never text)."""
        result: dict[str, Any] = {"type": "number"}
        for key, keyword in _BOUNDS:
            bound = schema.get(key)
            if bound is not None:
                result[keyword] = _number(bound)
        return result

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        """The whole schema, with the constraints pydantic leaves in its own words made standard."""
        result = super().generate(schema, mode=mode)
        _standard_bounds(result)
        return result

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        """Closed maps: pattern keys admit nothing else; year keys are years."""
        result = super().dict_schema(schema)
        keys: Any = schema.get("keys_schema") or {}
        if keys.get("type") == "int":
            result["propertyNames"] = {"pattern": YEAR_KEY}
        patterns = result.get("patternProperties")
        if patterns:
            result["additionalProperties"] = False
            names = dict(result.get("propertyNames") or {})
            if len(patterns) == 1:
                names["pattern"] = next(iter(patterns))
            result["propertyNames"] = names
        return result


def plan_schema(reference: Reference | None = None) -> dict[str, object]:
    """The plan's JSON Schema (draft 2020-12 as pydantic writes it), code lists closed by `reference`."""
    schema = Plan.model_json_schema(mode="validation", schema_generator=StrictSchema)
    _close_codes(schema, code_titles(reference or load_reference()))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def plan_schema_text(reference: Reference | None = None) -> str:
    """The schema as the committed file holds it (sorted keys, trailing newline)."""
    return json.dumps(plan_schema(reference), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
