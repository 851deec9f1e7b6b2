"""Round trip: each example rendered to Word by planas and imported gives back its content.

The import reads only what a person sees (no embedded source, no custom XML).
Compared are the items the document shows, by their content: goals and
directions, measures (title, executor, deadline, funds by source, indicator),
recipients and waiting lists, indicators, providers and the budget. Fields the
document never shows (ids of providers, `source`, `comment`, a finance item's
target group) are left out of the comparison.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from planas.importing import import_docx
from planas.repository.localref import reference_for
from planas.validation import validate_file

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*/plan.yaml"))


def _money(values: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)).quantize(Decimal("0.01")) for k, v in (values or {}).items()}


def _content(data: dict[str, Any]) -> dict[str, Any]:
    """What the document shows, keyed by content, from a plan's data (original or imported)."""
    introduction = data.get("introduction", {})
    analysis = data.get("analysis", {})
    measures = {}
    for m in data.get("action_plan", {}).get("measures", []):
        indicator = (m.get("indicators") or [{}])[0]
        measures[str(m["id"])] = (m["title"], m["executor"], str(m.get("deadline")), _money(m.get("funding", {})),
                                  indicator.get("name"), indicator.get("baseline"), indicator.get("target"))
    provision: Counter[tuple[Any, ...]] = Counter()
    for p in analysis.get("provision", []):
        for year, values in p.get("years", {}).items():
            provision[(p["service"], p["target_group"], int(year), values.get("recipients"), values.get("waiting"),
                       values.get("planned"))] += 1
    # an indicator of the plan's own (with a title) is shown by its title, a reference indicator by its name
    indicators = {(i.get("title") or i["id"], int(y), Decimal(str(v))) for key in ("demography", "social_indicators")
                  for i in analysis.get(key, []) for y, v in i.get("values", {}).items()}
    return {
        "goals": [g["text"] for g in introduction.get("goals", [])],
        "priorities": [p["text"] for p in introduction.get("priorities", [])],
        "measures": measures,
        "provision": provision,
        "indicators": indicators,
        "providers": sorted((p["name"], p["owner"], p["institution_type"]) for p in analysis.get("providers", [])),
        "budget": sorted((b["year"], b["kind"], Decimal(str(b["total"]))) for b in analysis.get("municipal_budget", [])),
        "municipality": data["metadata"]["municipality"]["name"],
        "year": data["metadata"]["year"],
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_an_example_rendered_and_imported_gives_back_its_content(example: Path, tmp_path: Path) -> None:
    from planas.render import render_plan

    reference = reference_for(example)
    result = validate_file(example, reference)
    assert result.plan is not None
    document = tmp_path / "plan.docx"
    document.write_bytes(render_plan(result.plan, reference, "docx", None, criteria=result.criteria))
    imported = import_docx(document, reference)
    assert imported.text is not None and imported.errors == 0, [
        (f.code, f.path) for f in imported.validation if f.severity.value == "error"]
    original = yaml.safe_load(example.read_text(encoding="utf-8"))
    back = yaml.safe_load(imported.text)
    expected, found = _content(original), _content(back)
    for key in expected:
        assert found[key] == expected[key], key
