"""Crossing a regime boundary in `planas new` (a 2024 plan drafted as a 2025 one).

Works on the round-trip YAML document (comments and key order kept) and
returns what it changed, in Lithuanian and English, for the command to print:

- the legal basis: the old regime's default acts (the 2006 law as art. 13, res.
  1132, order A1-104) give way to the new regime's (regimes.yaml `legal_basis`);
  acts the planners added themselves stay;
- codes: a service written by an older name or alias (`integrali pagalba`)
  becomes its catalogue code;
- categories: a `category` a provider states that the law moved is moved, and
  every service of the plan the law moved is reported;
- the blocks the new regime requires, added as empty placeholders, which
  `planas validate` then lists as what remains to fill (E1701-E1706).

Nothing is dropped silently: each change is one line of the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from planas.reference import Reference


@dataclass(frozen=True)
class Change:
    """One migration `planas new` made, worded for the planner."""

    lt: str
    en: str


_PLACEHOLDERS: tuple[tuple[str, str, tuple[tuple[str, Any], ...]], ...] = (
    ("analysis", "needs_assessment", (("methods", []), ("period_from", None), ("period_to", None),
                                      ("findings", None))),
    ("analysis", "need_factors", (("text", None), ("items", []))),
    ("analysis", "unmet_need", (("text", None), ("items", []))),
    ("analysis", "funding_need", (("year", 0), ("text", None), ("items", []))),
    ("analysis", "development_norms", (("text", None), ("items", []))),
    ("action_plan", "dependency_prevention", (("text", None), ("measures", []), ("services", []))),
)
"""The 2025+ blocks (model.needs.BLOCKS_2025) with the empty fields a placeholder shows."""


def _dicts(node: Any) -> list[Any]:
    return [item for item in node if isinstance(item, dict)] if isinstance(node, list) else []


def _legal_basis(metadata: Any, reference: Reference, old_id: str, new_id: str) -> list[Change]:
    """Replace the old regime's default acts by the new regime's, keeping the planners' own."""
    acts = metadata.get("legal_basis") if isinstance(metadata, dict) else None
    if not isinstance(acts, list):
        return []
    old_numbers = {act.number for act in reference.regime(old_id).legal_basis if act.number}
    dropped = [a for a in _dicts(acts) if str(a.get("number", "")) in old_numbers]
    kept = [a for a in acts if a not in dropped]
    new_acts = []
    for act in reference.regime(new_id).legal_basis:
        entry = CommentedMap()
        entry["title"] = act.title
        for key in ("number", "date", "issuer", "point"):
            value = getattr(act, key)
            if value is not None:
                entry[key] = value
        new_acts.append(entry)
    acts[:] = [*new_acts, *kept]
    changes = [Change(f"metadata.legal_basis: pašalintas {a.get('number')} ({a.get('title')})",
                      f"metadata.legal_basis: removed {a.get('number')} ({a.get('title')})") for a in dropped]
    changes += [Change(f"metadata.legal_basis: įrašytas {a.get('number') or a.get('point', '')} ({a['title']})",
                       f"metadata.legal_basis: added {a.get('number') or a.get('point', '')} ({a['title']})")
                for a in new_acts]
    return changes


def _code_fields(document: Any) -> list[tuple[Any, Any, str]]:
    """(container, key, path) of every service code in the plan's data tables."""
    analysis = document.get("analysis") if isinstance(document, dict) else None
    analysis = analysis if isinstance(analysis, dict) else {}
    fields: list[tuple[Any, Any, str]] = []
    for i, provider in enumerate(_dicts(analysis.get("providers"))):
        fields += [(s, "service", f"analysis.providers[{i}].services[{j}].service")
                   for j, s in enumerate(_dicts(provider.get("services")))]
    for section in ("provision", "finance"):
        fields += [(r, "service", f"analysis.{section}[{i}].service")
                   for i, r in enumerate(_dicts(analysis.get(section)))]
    action = document.get("action_plan") if isinstance(document, dict) else None
    for i, measure in enumerate(_dicts(action.get("measures") if isinstance(action, dict) else None)):
        services = measure.get("services")
        if isinstance(services, list):
            fields += [(services, j, f"action_plan.measures[{i}].services[{j}]") for j in range(len(services))]
    return fields


def _codes(document: Any, reference: Reference) -> tuple[list[Change], set[str]]:
    """Older names and aliases become catalogue codes; returns the changes and the codes in use."""
    changes, used = [], set()
    for container, key, path in _code_fields(document):
        code = container[key]
        if not isinstance(code, str):
            continue
        if code not in reference.services:
            service = reference.service_by_name(code.replace("_", " "))
            if service is not None:
                container[key] = service.code
                changes.append(Change(f"{path}: {code} → {service.code} (senas pavadinimas)",
                                      f"{path}: {code} → {service.code} (older name)"))
                code = service.code
        used.add(code)
    return changes, used


def _categories(document: Any, reference: Reference, used: set[str], old_year: int,
                new_year: int) -> list[Change]:
    """Move the categories providers state; report each service of the plan the law moved."""
    changes = []
    analysis = document.get("analysis") if isinstance(document, dict) else None
    providers = _dicts(analysis.get("providers")) if isinstance(analysis, dict) else []
    for i, provider in enumerate(providers):
        for j, service in enumerate(_dicts(provider.get("services"))):
            move = reference.category_move(str(service.get("service")), old_year, new_year)
            if move is not None and service.get("category") == move[0]:
                service["category"] = move[1]
                changes.append(Change(
                    f"analysis.providers[{i}].services[{j}].category: {move[0]} → {move[1]}",
                    f"analysis.providers[{i}].services[{j}].category: {move[0]} → {move[1]}"))
    for code, (old, new) in sorted(reference.moved_services(old_year, new_year).items()):
        if code in used:
            clause = reference.categories[new].clause
            changes.append(Change(f"{code}: rūšis {old} → {new} ({clause}; dokumente – naujoje rūšyje)",
                                  f"{code}: category {old} → {new} ({clause}; shown under the new one)"))
    return changes


def _placeholders(document: Any, new_year: int) -> list[Change]:
    """Add the blocks the new regime requires that the plan lacks, empty."""
    changes = []
    for part, key, fields in _PLACEHOLDERS:
        parent = document.get(part) if isinstance(document, dict) else None
        if parent is None and isinstance(document, dict):
            parent = document[part] = CommentedMap()
        if not isinstance(parent, dict) or key in parent:
            continue
        block = CommentedMap()
        for name, empty in fields:
            block[name] = new_year if name == "year" else (CommentedSeq() if isinstance(empty, list) else empty)
        parent[key] = block
        changes.append(Change(f"{part}.{key}: pridėtas tuščias blokas – užpildykite",
                              f"{part}.{key}: empty block added – fill it in"))
    return changes


def migrate_regime(document: Any, reference: Reference, old_year: int, new_year: int) -> list[Change]:
    """Migrate a draft's document from `old_year`'s regime to `new_year`'s; the changes made (none: same regime)."""
    old_id, new_id = reference.regime_for_year(old_year).id, reference.regime_for_year(new_year).id
    if old_id == new_id:
        return []
    metadata = document.get("metadata") if isinstance(document, dict) else None
    changes = [Change(f"Planavimo tvarka: {old_id} → {new_id}", f"Planning regime: {old_id} → {new_id}")]
    changes += _legal_basis(metadata, reference, old_id, new_id)
    code_changes, used = _codes(document, reference)
    changes += code_changes
    changes += _categories(document, reference, used, old_year, new_year)
    changes += _placeholders(document, new_year)
    return changes
