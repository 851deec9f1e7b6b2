"""Round trip: each example rendered to Word by planas and imported gives back the same plan.

The import reads only what a person sees (no embedded source, no custom XML).
Both plans are normalised and compared through `planas.years.diff.diff_plans`
(the engine of `planas diff`) and must not differ at all. Normalised are only the
fields the document never shows, each where it is removed:

- internal comments, `source` citations and `illustrative` flags (a star is shown, not the flag of every level);
- the target groups, status, task, partners and stated total of goals, priorities and measures;
- the ids the document does not print (providers, own sections and their tables and columns, own indicators,
  development norms), rebuilt from the rendered order or titles;
- a finance row's provider, target group and stated total: the rows of one service are summed (the table
  names the group or provider beside the service only to tell a service's rows apart);
- an indicator's note, a provider's address and a service's daily visitors (no column shows them);
- the status and regime (an import is a draft and names the regime its year implies), a draft's approval
  (a draft prints no approval block), an author's kind, a provider service's stated category, a development
  norm's service, acknowledgements, a measure indicator's achieved value;
- where the introduction's purpose ends and its text begins, and soft line breaks (shown as spaces).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planas.importing import import_docx
from planas.loading.fast import fast_load
from planas.model import Plan
from planas.years.diff import diff_plans

from .conftest import ROOT
from .html_support import render_example, validated_example

EXAMPLES = sorted((ROOT / "examples").glob("*/plan.yaml"))

# Never rendered: internal comments, `source` citations, `illustrative` flags (the
# document shows a star, not the flag on every level), and the target groups and
# status of goals, priorities and measures, a measure's task, partners and stated
# total (the document shows the sum of its funds).
_NEVER_RENDERED = frozenset({"source", "comment", "illustrative"})
_UNSHOWN_FIELDS = ("target_groups", "status", "task", "partners", "total")
_UNSHOWN_LISTS = (("introduction", "goals"), ("introduction", "priorities"), ("action_plan", "measures"))


def _money(values: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)).quantize(Decimal("0.01")) for k, v in (values or {}).items()}


def _content(data: dict[str, Any]) -> dict[str, Any]:
    """A summary of what the document shows, keyed by content (the mutation tests compare two imports by it)."""
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


def _ascii_id(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", plain.casefold()).strip("_")[:64] or "x"


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _NEVER_RENDERED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _rebuild_providers(data: dict[str, Any]) -> None:
    # providers' ids are never printed: rebuilt from the rendered order, and every reference to them with it
    analysis = data.get("analysis", {})
    ids = {p["id"]: f"p{n}" for n, p in enumerate(analysis.get("providers", []), start=1)}
    for provider in analysis.get("providers", []):
        provider["id"] = ids[provider["id"]]
    referring = [*analysis.get("provision", []), *analysis.get("finance", []),
                 *(s for section in data.get("sections", []) for s in section.get("staff_education", []))]
    for item in referring:
        if item.get("provider") in ids:
            item["provider"] = ids[item["provider"]]


def _rebuild_columns(table: dict[str, Any]) -> None:
    # a column's id is never printed (its title is): rebuilt from the title, and the rows' keys with it
    ids = {c["id"]: _ascii_id(c["title"]) for c in table.get("columns", [])}
    for column in table.get("columns", []):
        column["id"] = ids[column["id"]]
    table["rows"] = [{ids.get(k, k): v for k, v in row.items()} for row in table.get("rows", [])]


def _merge_finance(analysis: dict[str, Any]) -> None:
    # a finance row shows its service and the sum of its sources, not its provider, target group or stated total:
    # the rows of one service are summed by year and kind
    merged: dict[str, dict[tuple[int, str], dict[str, Decimal]]] = {}
    for item in analysis.get("finance", []):
        for entry in item["entries"]:
            sources = merged.setdefault(item["service"], {}).setdefault((entry["year"], entry["kind"]), {})
            for source, amount in entry["sources"].items():
                sources[source] = sources.get(source, Decimal(0)) + amount
    if "finance" in analysis:
        analysis["finance"] = [{"service": service, "entries": [
            {"year": year, "kind": kind, "sources": sources} for (year, kind), sources in entries.items()]}
            for service, entries in merged.items()]


def _drop_unshown_analysis(analysis: dict[str, Any]) -> None:
    for key in ("demography", "social_indicators"):
        for indicator in analysis.get(key, []):
            indicator.pop("note", None)  # an indicator's note is not shown under its table
    for provider in analysis.get("providers", []):
        provider.pop("address", None)  # the providers' table has no address column
        for service in provider.get("services", []):
            service.pop("max_daily_visitors", None)  # nor the services' table a visitors column
    notes = analysis.get("notes") or {}
    if notes.get("demography"):
        # the indicators' sources are shown as one joined line under the tables: the import keeps it with the notes
        notes["demography"] = re.sub(r"\n\nŠaltiniai: [^\n]*$", "", notes["demography"]).strip()


def _soft_breaks(text: str | None) -> str | None:
    return re.sub(r"(?<=\S)\n(?=\S)", " ", text).strip() if text else text


def _drop_unshown_2025(data: dict[str, Any], approved: bool) -> None:
    metadata, analysis = data["metadata"], data.get("analysis", {})
    if not approved and not (metadata.get("approval") or {}).get("text"):
        metadata["approval"] = None  # a draft's document prints no approval block (only an approval's text)
    for author in metadata.get("authors", []):
        author.pop("kind", None)  # an author's kind (meras, padalinys …) is not printed beside the name
    for provider in analysis.get("providers", []):
        for service in provider.get("services", []):
            service.pop("category", None)  # a stated category is not printed in the services' table
    norms = analysis.get("development_norms") or {}
    for norm in norms.get("items", []):
        norm["id"] = _ascii_id(norm["norm"])  # a norm is shown by its wording, never by its id
        norm.pop("service", None)  # nor the service it concerns
    # a soft line break inside a paragraph renders as a space
    for block, key in ((analysis.get("needs_assessment"), "findings"),
                       (data.get("action_plan", {}).get("dependency_prevention"), "text")):
        if block:
            block[key] = _soft_breaks(block.get(key))


def _normalised(plan: Plan, approved: bool) -> Plan:
    """The plan without what its document never shows; `approved`: the original's status is approved."""
    data: dict[str, Any] = _strip(plan.model_dump(mode="python", exclude={"schema_version"}))
    metadata, introduction = data["metadata"], data["introduction"]
    metadata["status"] = "projektas"  # an import is always a draft (`status: projektas`), by design
    metadata["regime"] = None  # the import names the regime the year implies; an example may leave it implicit
    # purpose and text are rendered as consecutive paragraphs: where one ends is not visible
    introduction["text"] = "\n\n".join(t for t in (introduction.pop("purpose", None), introduction.get("text")) if t)
    # a soft line break inside a paragraph renders as a space
    introduction["text"] = re.sub(r"(?<=\S)\n(?=\S)", " ", introduction["text"]).strip() or None
    for section, key in _UNSHOWN_LISTS:
        for item in data.get(section, {}).get(key, []):
            for field in _UNSHOWN_FIELDS:
                item.pop(field, None)
    _rebuild_providers(data)
    _merge_finance(data.get("analysis", {}))
    # own sections and own indicators are shown by their titles, never by their ids
    for section in data.get("sections", []):
        section["id"] = _ascii_id(section["title"])
        for number, table in enumerate(section.get("tables", []), start=1):
            table["id"] = f"t{number}"  # an own table is shown by its caption and place, never by its id
            _rebuild_columns(table)
    for indicator in data.get("analysis", {}).get("social_indicators", []):
        if indicator.get("title"):
            indicator["id"] = _ascii_id(indicator["title"])
    data.pop("acknowledged", None)  # acknowledgements of findings are for validation, never rendered
    _drop_unshown_analysis(data.get("analysis", {}))
    _drop_unshown_2025(data, approved)
    for measure in data.get("action_plan", {}).get("measures", []):
        for indicator in measure.get("indicators", []):
            indicator.pop("actual", None)  # the achieved value is shown in next year's review, not in this plan
    return Plan.model_validate(data)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_an_example_rendered_and_imported_gives_back_the_same_plan(example: Path, tmp_path: Path) -> None:
    reference, result = validated_example(example)  # validated and rendered once per process (read, never changed)
    assert result.plan is not None
    document = tmp_path / "plan.docx"
    document.write_bytes(render_example(example, "docx"))
    imported = import_docx(document, reference)
    assert imported.text is not None and imported.errors == 0, [
        (f.code, f.path) for f in imported.validation if f.severity.value == "error"]
    back = Plan.model_validate(fast_load(imported.text.encode("utf-8")))
    approved = result.plan.metadata.status == "patvirtintas"
    diff = diff_plans(_normalised(result.plan, approved), _normalised(back, approved), reference)
    changes = [("/".join(p.strip("[]") for p in c.path), c.old, c.new) for c in diff.changes]
    assert changes == []
