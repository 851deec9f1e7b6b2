"""A `PlanDiff` as a terminal report, as Markdown (pull requests, the council) or as JSON.

The JSON structure is documented by docs/diff.schema.json (version 1): exact
decimals are strings, whole numbers are numbers, dates are ISO strings.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable
from decimal import Decimal, localcontext
from typing import Any, Literal

from planas import __version__
from planas.formatting import long_date, money, number
from planas.reference import Reference
from planas.years.diff import SECTIONS, Change, PlanDiff
from planas.years.titles import BY_YEAR, MONEY_MAPS, field_titles, is_money, model_at, title_of

DiffFormat = Literal["text", "md", "json"]
JSON_DIFF_VERSION = 1
_TITLES = {section: (lt, en) for section, lt, en in SECTIONS}


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def delta(change: Change) -> tuple[Decimal, Decimal | None] | None:
    """The change of a number and its percentage (None for a share's percentage points or from 0)."""
    if not (_is_number(change.old) and _is_number(change.new)) or change.path[-1] == "year":
        return None
    old, new = Decimal(change.old), Decimal(change.new)
    difference = new - old
    if change.unit == "proc." or old == 0:
        return difference, None
    with localcontext(prec=80):  # bounded figures, but their ratio can need more than 28 digits
        return difference, (difference / old * 100).quantize(Decimal("0.1"))


class _Labels:
    """Human names for identities in paths: services, groups, providers, criteria."""

    def __init__(self, diff: PlanDiff, reference: Reference) -> None:
        self.reference = reference
        self.providers = {p.id: p.name for plan in (diff.old_plan, diff.new_plan) for p in plan.analysis.providers}

    def part(self, text: str) -> str:
        if not text.startswith("["):
            return text
        inner = text[1:-1]
        names = []
        for piece in inner.replace(":", "/").split("/"):
            if piece in self.reference.services:
                names.append(self.reference.services[piece].name_lt)
            elif piece in self.reference.target_groups:
                names.append(self.reference.target_groups[piece].name_lt)
            elif piece in self.providers:
                names.append(self.providers[piece])
            elif piece in self.reference.demography_indicators:
                names.append(self.reference.demography_indicators[piece].name_lt)
            elif piece in self.reference.social_indicators:
                names.append(self.reference.social_indicators[piece].name_lt)
            elif piece != "-":
                names.append(piece)
        return " / ".join(names)

    def source(self, code: str) -> str:
        """`SB` -> `SB (Savivaldybės biudžeto lėšos)`."""
        known = self.reference.funding_sources.get(code)
        return f"{code} ({known.name_lt})" if known is not None else code

    def titles(self, path: tuple[str, ...], start: int = 0) -> list[str]:
        """The fields of a path from `start` by their titles (years and year-keyed mappings are shown apart)."""
        names = []
        for index, (part, title) in enumerate(zip(path, field_titles(path), strict=True)):
            if index < start or part.startswith("[") or part.isdigit() or part in BY_YEAR:
                continue
            if index > 0 and path[index - 1] in MONEY_MAPS:
                names.append(self.source(part))
            else:
                names.append(title or part)
        return names

    def label(self, change: Change) -> str:
        """`Patvirtinimas › Sprendimo data`; `Pagalba į namus / … , 2020 m.: Gavėjai` (titles, not keys)."""
        path = change.path
        marks = [i for i, p in enumerate(path) if p.startswith("[")]
        if not marks:
            text = " › ".join(self.titles(path)) or change.path_text
            years = [p for p in path if p.isdigit()]
            return f"{text}, {years[-1]} m." if years else text
        identities = [self.part(path[i]) for i in marks]
        years = [p for p in path if p.isdigit()]
        text = " › ".join(identities)
        if years:
            text += f", {years[-1]} m."
        tail = self.titles(path, marks[-1] + 1) if path[0] != "criteria" else []
        if path[0] == "criteria" and not path[-1].startswith("[") and not path[-1].isdigit():
            tail = [path[-1]]
        if tail:
            text += f": {' › '.join(tail)}"
        return text

    def value(self, name: str, value: object, model: Any) -> str:
        """One field of an added or removed item, by its title: codes by their names, money in euros."""
        shown = self.part(f"[{value}]") if name in _CODE_FIELDS and isinstance(value, str) else _plain(
            value, field=name, euros=name in _MONEY_KEYS)
        return f"{title_of(model, name)}: {shown}"


_QUIET_KEYS = frozenset({"source", "illustrative", "note", "illustrative_years", "comment"})
_CODE_FIELDS = frozenset({"service", "target_group", "provider", "institution_type", "goal", "priority"})
_MONEY_KEYS = frozenset({"total", "social_programme", "amount"})


def _summary(value: object, labels: _Labels | None = None, path: tuple[str, ...] = ()) -> str:
    if isinstance(value, dict):
        if isinstance(value.get("sources"), dict):
            funds = "; ".join(f"{k} {_plain(v, euros=True)}" for k, v in value["sources"].items())
            return f"{value.get('year')} m. {value.get('kind')}: {funds}"
        for key in ("text", "title", "name"):
            if isinstance(value.get(key), str):
                return str(value[key])
        model = model_at(path)
        shown = [
            labels.value(k, v, model) if labels is not None else f"{k}: {_plain(v, field=k)}"
            for k, v in value.items()
            if v is not None and v is not False and k not in _QUIET_KEYS and not isinstance(v, dict | list)
        ]
        return ", ".join(shown)[:200]
    return _plain(value)


def _plain(value: object, unit: str | None = None, *, field: str = "", euros: bool = False) -> str:
    """A value in Lithuanian format: `116 000 Eur`, `2021 m. vasario 12 d.`, `10,8 proc.`, `taip`."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "taip" if value else "ne"
    if field == "year":
        return str(value)
    if _is_number(value):
        if euros:
            return money(Decimal(value))  # type: ignore[arg-type]
        text = number(Decimal(value) if isinstance(value, Decimal) else value)  # type: ignore[arg-type]
        return f"{text} {unit}" if unit else text
    if isinstance(value, dt.date):
        return long_date(value)
    return str(value)


def word_diff(old: str, new: str, *, markdown: bool) -> str:
    """Words removed and added: `[-old-] {+new+}` (text) or `~~old~~ **new**` (Markdown)."""
    old_words, new_words = old.split(), new.split()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(old_words[i1:i2])
            continue
        if i2 > i1:
            removed = " ".join(old_words[i1:i2])
            out.append(f"~~{removed}~~" if markdown else f"[-{removed}-]")
        if j2 > j1:
            added = " ".join(new_words[j1:j2])
            out.append(f"**{added}**" if markdown else f"{{+{added}+}}")
    return " ".join(out)


def _numbers(change: Change) -> str:
    moved = delta(change)
    field = change.path[-1]
    euros = is_money(change.path)
    old = _plain(change.old, change.unit, field=field, euros=euros)
    new = _plain(change.new, change.unit, field=field, euros=euros)
    if moved is None:
        return f"{old} → {new}"
    difference, pct = moved
    sign = "+" if difference > 0 else ""
    if change.unit == "proc.":
        return f"{old} → {new} ({sign}{number(difference)} proc. punkto)"
    rate = f"; {sign}{number(pct)} proc." if pct is not None else ""
    step = money(difference) if euros else number(difference)
    return f"{old} → {new} ({sign}{step}{rate})"


def _is_category_move(change: Change) -> bool:
    """A service the law moved to another category (`diff._category_moves`): its path ends in `category`."""
    return change.section == "services" and len(change.path) == 3 and change.path[2] == "category"


def _category_move(change: Change, labels: _Labels) -> str:
    """`Bendrosios socialinės paslaugos → Prevencinės socialinės paslaugos`: the categories by their names."""
    names = [labels.reference.categories[str(c)].name_lt if str(c) in labels.reference.categories else str(c)
             for c in (change.old, change.new)]
    return f"{names[0]} → {names[1]}"


def _describe(change: Change, labels: _Labels, *, markdown: bool) -> str:
    label = labels.label(change)
    marks = {"added": "pridėta", "removed": "pašalinta", "changed": "pakeista"} if markdown else \
        {"added": "+", "removed": "-", "changed": "~"}
    mark = f"*{marks[change.kind]}*" if markdown else marks[change.kind]
    if change.kind in ("added", "removed"):
        value = change.new if change.kind == "added" else change.old
        shown = (_summary(value, labels, change.path) if isinstance(value, dict)
                 else _plain(value, change.unit, euros=is_money(change.path)))
        return f"{mark} {label}: {shown}"
    if _is_category_move(change):
        return f"{mark} {labels.part(change.path[1])}: kategorija: {_category_move(change, labels)}"
    if isinstance(change.old, str) and isinstance(change.new, str) and len(change.old) + len(change.new) > 40:
        return f"{mark} {label}: {word_diff(change.old, change.new, markdown=markdown)}"
    return f"{mark} {label}: {_numbers(change)}"


def municipality_warning(diff: PlanDiff, lang: str = "lt") -> str | None:
    """The warning when the two plans are of different municipalities (None when they are of one)."""
    if not diff.municipalities_differ:
        return None
    old, new = diff.old_plan.metadata.municipality.name, diff.new_plan.metadata.municipality.name
    if lang == "en":
        return f"Note: the plans are of different municipalities ({old}; {new}): the differences are not a year's changes."
    return f"Dėmesio: lyginami skirtingų savivaldybių planai ({old}; {new}) – skirtumai nėra metų pokyčiai."


def report_text(diff: PlanDiff, reference: Reference, lang: str = "lt") -> str:
    """A readable terminal report, by section."""
    labels = _Labels(diff, reference)
    lines = [f"planas diff: {diff.old_label} → {diff.new_label}"]
    warning = municipality_warning(diff, lang)
    if warning:
        lines.append(warning)
    if diff.is_empty:
        lines.append("Skirtumų nėra." if lang == "lt" else "No differences.")
        return "\n".join(lines) + "\n"
    for section, changes in diff.by_section():
        lt, en = _TITLES[section]
        lines.append("")
        lines.append(f"== {lt if lang == 'lt' else en} ({len(changes)}) ==")
        lines.extend(f"  {_describe(change, labels, markdown=False)}" for change in changes)
    lines.append("")
    lines.append(_count_line(diff, lang))
    return "\n".join(lines) + "\n"


def _count_line(diff: PlanDiff, lang: str) -> str:
    counts = {kind: sum(1 for c in diff.changes if c.kind == kind) for kind in ("added", "removed", "changed")}
    if lang == "lt":
        return f"Iš viso: pridėta {counts['added']}, pašalinta {counts['removed']}, pakeista {counts['changed']}."
    return f"Total: {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed."


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(diff: PlanDiff, reference: Reference, lang: str = "lt") -> str:
    """Markdown for a pull-request comment or the council: a table of numbers, lists of wording."""
    labels = _Labels(diff, reference)
    title = "Plano pakeitimai" if lang == "lt" else "Changes to the plan"
    lines = [f"## {title}: {diff.old_label} → {diff.new_label}", ""]
    warning = municipality_warning(diff, lang)
    if warning:
        lines += [f"> **{warning.split(':', 1)[0]}:**{warning.split(':', 1)[1]}", ""]
    if diff.is_empty:
        lines.append("Skirtumų nėra." if lang == "lt" else "No differences.")
        return "\n".join(lines) + "\n"
    for section, changes in diff.by_section():
        lt, en = _TITLES[section]
        lines += [f"### {lt if lang == 'lt' else en}", ""]
        numeric = [c for c in changes if c.kind == "changed" and delta(c) is not None]
        others = [c for c in changes if c not in numeric]
        if numeric:
            lines += ["| Kas | Buvo | Dabar | Pokytis |", "|---|---:|---:|---:|"]
            for change in numeric:
                moved = delta(change)
                assert moved is not None
                difference, pct = moved
                sign = "+" if difference > 0 else ""
                if change.unit == "proc.":
                    shift = f"{sign}{number(difference)} proc. punkto"
                else:
                    step = money(difference) if is_money(change.path) else number(difference)
                    shift = f"{sign}{step}" + (f" ({sign}{number(pct)} proc.)" if pct is not None else "")
                euros = is_money(change.path)
                lines.append(f"| {_md_cell(labels.label(change))} | {_plain(change.old, change.unit, euros=euros)} | "
                             f"{_plain(change.new, change.unit, euros=euros)} | {shift} |")
            lines.append("")
        for change in others:
            lines.append(f"- {_md_cell(_describe(change, labels, markdown=True))}")
        if others:
            lines.append("")
    lines.append(f"_{_count_line(diff, lang)}_")
    return "\n".join(lines) + "\n"


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def report_json(diff: PlanDiff, reference: Reference) -> str:
    """The documented JSON structure (docs/diff.schema.json)."""
    labels = _Labels(diff, reference)
    sections = []
    for section, changes in diff.by_section():
        lt, en = _TITLES[section]
        items = []
        for change in changes:
            moved = delta(change)
            items.append({
                "kind": change.kind,
                "path": change.path_text,
                "label": labels.label(change),
                "old": _json_value(change.old),
                "new": _json_value(change.new),
                "delta": format(moved[0], "f") if moved else None,
                "percent": format(moved[1], "f") if moved and moved[1] is not None else None,
                "unit": change.unit,
            })
        sections.append({"id": section, "title_lt": lt, "title_en": en, "changes": items})
    payload = {
        "version": JSON_DIFF_VERSION,
        "planas_version": __version__,
        "old": {"label": diff.old_label, "municipality": diff.old_plan.metadata.municipality.name,
                "year": diff.old_plan.metadata.year},
        "new": {"label": diff.new_label, "municipality": diff.new_plan.metadata.municipality.name,
                "year": diff.new_plan.metadata.year},
        "summary": {kind: sum(1 for c in diff.changes if c.kind == kind) for kind in ("added", "removed", "changed")},
        "sections": sections,
    }
    if diff.municipalities_differ:
        payload["warnings"] = [{"code": "different_municipalities", "message_lt": municipality_warning(diff, "lt"),
                                "message_en": municipality_warning(diff, "en")}]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[PlanDiff, Reference, str], str]] = {
    "text": report_text,
    "md": report_markdown,
    "json": lambda diff, reference, _lang: report_json(diff, reference),  # both languages' titles
}
"""Every format of `diff`'s report: one shape, (diff, reference, lang) -> text."""


def render_diff(diff: PlanDiff, reference: Reference, fmt: DiffFormat, lang: str = "lt") -> str:
    """The diff in the chosen format."""
    return REPORTERS[fmt](diff, reference, lang)
