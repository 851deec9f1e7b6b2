"""The stable ids of a plan's page: every chapter, section, goal, measure and criterion, prefixed by kind.

A council decision or an e-mail links to `planas.html#k10` (criterion K10),
`#tikslas-t1` (goal T1), `#priemone-1-1` (measure 1.1), `#skirsnis-tikslai`
(a section). Ids come from the plan's own identifiers, never from positions, so
a link made this year still points at the same thing after edits elsewhere.
Two identifiers that give one id (`1.1` and `1-1`, `T1` and `t1`) are a clash:
the second keeps a numbered id and the clash is reported (W2001).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planas.criteria import CriteriaTable
from planas.findings import Finding, Severity, make_params
from planas.model import Plan
from planas.reference import Reference
from planas.render.viewmodel import PlanView, build_view

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(identifier: str) -> str:
    """An identifier as the tail of an id: lower case, anything but letters and digits as one hyphen."""
    return _UNSAFE.sub("-", identifier.lower()).strip("-") or "x"


@dataclass
class PageIds:
    """The ids given out on one page, and the clashes found while giving them."""

    used: dict[str, str] = field(default_factory=dict)
    clashes: list[tuple[str, str, str]] = field(default_factory=list)

    def give(self, kind: str, identifier: str, path: str) -> str:
        """The id of `identifier` of a kind (`tikslas`, `priemone`, `k` ...); a clash gets a numbered id."""
        wanted = f"{kind}{slug(identifier)}"
        if wanted not in self.used:
            self.used[wanted] = path
            return wanted
        self.clashes.append((wanted, self.used[wanted], path))
        n = 2
        while f"{wanted}-{n}" in self.used:
            n += 1
        self.used[f"{wanted}-{n}"] = path
        return f"{wanted}-{n}"


@dataclass(frozen=True)
class PlanAnchors:
    """The ids of a plan's page, by what they name."""

    chapters: tuple[str, ...]
    sections: dict[tuple[int, int], str]
    goals: tuple[str, ...]
    measures: dict[str, str]
    criteria: dict[str, str]
    clashes: tuple[tuple[str, str, str], ...]


def plan_anchors(view: PlanView, plan: Plan) -> PlanAnchors:
    """Every id of the page in document order (chapters, sections), then goals, measures, criteria."""
    ids = PageIds()
    chapters = []
    sections: dict[tuple[int, int], str] = {}
    for c, chapter in enumerate(view.chapters):
        prefix = "priedas-" if chapter.new_page else "skyrius-"
        chapters.append(ids.give(prefix, chapter.number.removesuffix(" priedas"), f"chapter {chapter.number}"))
        for s, section in enumerate(chapter.sections):
            sections[(c, s)] = ids.give("skirsnis-", section.id or f"{chapter.number}-{s + 1}",
                                        f"section {section.id}")
    goals = tuple(ids.give("tikslas-", g.id, f"introduction.goals[{i}].id")
                  for i, g in enumerate(plan.introduction.goals))
    measures = {}
    for i, m in enumerate(plan.action_plan.measures):
        if m.id not in measures:
            measures[m.id] = ids.give("priemone-", m.id, f"action_plan.measures[{i}].id")
    criteria = {}
    for row_id in dict.fromkeys(_criterion_ids(view)):
        criteria[row_id] = ids.give("", row_id, f"criterion {row_id}")
    return PlanAnchors(tuple(chapters), sections, goals, measures, criteria, tuple(ids.clashes))


def _criterion_ids(view: PlanView) -> list[str]:
    """The criterion numbers (K1, K10 ...) in the criteria section's table, in order."""
    found = []
    for chapter in view.chapters:
        for section in chapter.sections:
            if section.id != "kriterijai":
                continue
            for block in section.blocks:
                if block.is_table:
                    found += [row[0] for row in block.rows if row and row[0]]
    return found


def clash_findings(anchors: PlanAnchors, file: str) -> list[Finding]:
    """W2001 for every id two identifiers would share on the plan's page."""
    return [Finding(file=file, line=0, column=0, code="W2001", severity=Severity.WARNING, path=second,
                    params=make_params({"anchor": anchor, "first": first, "second": second}))
            for anchor, first, second in anchors.clashes]


def page_findings(plan: Plan, reference: Reference, file: str, criteria: CriteriaTable | None = None) -> list[Finding]:
    """The findings of a plan's page (W2001 id clashes), as `render --format html` and `site` report them."""
    view = build_view(plan, reference, criteria)
    return clash_findings(plan_anchors(view, plan), file)
