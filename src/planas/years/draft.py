"""`planas new`: next year's draft from this year's plan, keeping comments and key order.

Items with identity carry over; the year moves on; the approval is cleared
(the plan becomes a draft); last year's planned figures move to where this
year's facts go, marked `provisional: true` so that `validate` lists them until
the facts are written; history older than two years is dropped. A draft that crosses into another
regime (2024 -> 2025) is migrated too (`planas.years.migrate`): its legal
basis, the categories and old service names it states, and the blocks the new
regime requires, written as empty placeholders; every change is reported.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from planas.errors import UsageError
from planas.loading.positional import protect_line_breaks, restore_line_breaks
from planas.reference import load_reference
from planas.years.migrate import Change, migrate_regime

HISTORY_YEARS = 2


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the specialist's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _map(node: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _move_provision(records: Any, last_year: int, first_kept: int) -> None:
    for record in records or []:
        years = record.get("years") if isinstance(record, dict) else None
        if not isinstance(years, dict):
            continue
        for year in [y for y in years if isinstance(y, int) and y < first_kept]:
            del years[year]
        entry = years.get(last_year)
        if isinstance(entry, dict) and "planned" in entry and entry.get("recipients") is None:
            planned = entry.pop("planned")
            if isinstance(entry, CommentedMap):
                entry.insert(0, "recipients", planned)
            else:
                entry["recipients"] = planned
            entry["provisional"] = True


def _move_finance(records: Any, last_year: int, first_kept: int) -> None:
    for record in records or []:
        entries = record.get("entries") if isinstance(record, dict) else None
        if not isinstance(entries, list):
            continue
        kept = [e for e in entries if not (isinstance(e, dict) and isinstance(e.get("year"), int)
                                           and e["year"] < first_kept)]
        facts = {e.get("year") for e in kept if isinstance(e, dict) and e.get("kind") == "faktas"}
        result = []
        for entry in kept:
            if isinstance(entry, dict) and entry.get("year") == last_year and entry.get("kind") == "planas":
                if last_year in facts:
                    continue  # the fact is already there: last year's plan is history
                entry["kind"] = "faktas"
                entry["provisional"] = True
            result.append(entry)
        entries[:] = result


def _next_deadline(deadline: Any, old_year: int, new_year: int) -> Any:
    """A deadline due by the end of last year's plan, moved to the new year in its own form (date, quarter, year).

    A later deadline, of a measure that runs over several years, stays as the planner wrote it.
    """
    if isinstance(deadline, dt.date) and deadline.year <= old_year:
        day = min(deadline.day, 28) if deadline.month == 2 else deadline.day
        return deadline.replace(year=new_year, day=day)
    if isinstance(deadline, str) and _QUARTER.match(deadline) and int(deadline[:4]) <= old_year:
        return f"{new_year}{deadline[4:]}"
    if isinstance(deadline, int) and not isinstance(deadline, bool) and deadline <= old_year:
        return new_year
    return deadline


_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def _next_measures(measures: Any, old_year: int, new_year: int) -> None:
    for measure in measures or []:
        if not isinstance(measure, dict):
            continue
        measure.pop("status", None)
        if "deadline" in measure:
            measure["deadline"] = _next_deadline(measure["deadline"], old_year, new_year)
        for indicator in measure.get("indicators") or []:
            if isinstance(indicator, dict) and indicator.get("actual") is not None:
                indicator["baseline"] = indicator.pop("actual")


def _next_need_year(document: Any, old_year: int, new_year: int) -> None:
    """The money needed (2025+ plans) is the plan year's: last year's block moves on with the year."""
    need = _map(document, "analysis", "funding_need")
    if isinstance(need, dict) and need.get("year") == old_year:
        need["year"] = new_year


def next_year_text(text: str, new_year: int, source_name: str) -> str:
    """The YAML text of next year's draft plan."""
    return next_year_draft(text, new_year, source_name)[0]


def next_year_draft(text: str, new_year: int, source_name: str) -> tuple[str, list[Change]]:
    """Next year's draft plan and the migrations made when it crosses into another regime."""
    yaml = _yaml()
    text, back = protect_line_breaks(text)  # ruamel, like libyaml, would break lines at U+2028
    try:
        document = yaml.load(text)
    except YAMLError as error:
        raise UsageError(f"{source_name}: nepavyko perskaityti YAML ({str(error).splitlines()[0]})") from None
    metadata = _map(document, "metadata")
    old_year = _map(metadata, "year")
    if not isinstance(old_year, int):
        raise UsageError(f"{source_name}: nėra metadata.year")
    if new_year <= old_year:
        raise UsageError(f"naujo plano metai ({new_year}) turi būti vėlesni nei {old_year}")
    first_kept = new_year - HISTORY_YEARS
    metadata["year"] = new_year
    metadata["status"] = "projektas"
    reference = load_reference()
    if "regime" in metadata:
        metadata["regime"] = reference.regime_for_year(new_year).id
    changes = migrate_regime(document, reference, old_year, new_year)
    _next_need_year(document, old_year, new_year)
    approval = metadata.get("approval")
    if isinstance(approval, dict):
        for key in [k for k in approval if k != "body"]:
            del approval[key]
    analysis = _map(document, "analysis")
    if isinstance(analysis, dict):
        _move_provision(analysis.get("provision"), old_year, first_kept)
        _move_finance(analysis.get("finance"), old_year, first_kept)
        budgets = analysis.get("municipal_budget")
        if isinstance(budgets, list):
            budgets[:] = [b for b in budgets if not (isinstance(b, dict) and isinstance(b.get("year"), int)
                                                     and b["year"] < first_kept)]
    _next_measures(_map(document, "action_plan", "measures"), old_year, new_year)
    overrides = _map(document, "criteria", "overrides")
    if isinstance(overrides, list):
        overrides[:] = [o for o in overrides if not (isinstance(o, dict) and isinstance(o.get("year"), int)
                                                     and o["year"] < first_kept)]
    stream = io.StringIO()
    yaml.dump(document, stream)
    written = restore_line_breaks(stream.getvalue(), back)
    return _with_header(written, new_year, old_year, source_name), changes


def _with_header(text: str, new_year: int, old_year: int, source_name: str) -> str:
    header = (
        f"# {new_year} m. plano projektas, parengtas komanda `planas new {new_year} --from {source_name}`.\n"
        f"# {old_year} m. planuoti skaičiai perkelti kaip {old_year} m. faktas su provisional: true –\n"
        "# įrašykite tikrus faktus; `planas validate` parodo, ką dar reikia užpildyti.\n"
    )
    lines = text.splitlines(keepends=True)
    first = 1 if lines and lines[0].startswith("# yaml-language-server:") else 0
    if _OUR_HEADER.match("".join(lines[first:first + 3])):
        del lines[first:first + 3]  # last year's `planas new` header, word for word: replaced, not piled up
    return "".join(lines[:first]) + header + "".join(lines[first:])


# The header `_with_header` writes, exactly (a planner's own comment above the plan is never matched).
_OUR_HEADER = re.compile(
    r"# \d{4} m\. plano projektas, parengtas komanda `planas new \d{4} --from [^\n]*`\.\n"
    r"# \d{4} m\. planuoti skaičiai perkelti kaip \d{4} m\. faktas su provisional: true –\n"
    r"# įrašykite tikrus faktus; `planas validate` parodo, ką dar reikia užpildyti\.\n\Z")


def default_output(source: Path, old_year: int, new_year: int) -> Path:
    """`examples/birstonas-2021/plan.yaml` -> `examples/birstonas-2022/plan.yaml`; `2021.yaml` -> `2022.yaml`."""
    old, new = str(old_year), str(new_year)
    if old in source.parent.name:
        return source.parent.parent / source.parent.name.replace(old, new) / source.name
    if old in source.stem:
        return source.with_name(source.name.replace(old, new))
    return source.with_name(f"{source.stem}-{new}{source.suffix}")
