"""`planas forms merge` as one call: read every form, merge the answers, validate the result, diff it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planas.findings import Finding, FindingCounts
from planas.forms.merge import merge_forms
from planas.forms.reading import FormAnswers, read_form
from planas.model import Plan
from planas.reference import Reference
from planas.validation import FileResult, validate_bytes
from planas.years.diff import PlanDiff, diff_plans


@dataclass(frozen=True)
class FormResult(FindingCounts):
    """One filled form: its findings (the report's unit, like a validated file)."""

    file: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class MergeOutcome:
    """What merging gave: per-form findings, and when every form was clean the merged plan and its diff."""

    forms: tuple[FormResult, ...]
    text: str | None = None
    merged: FileResult | None = None
    diff: PlanDiff | None = None

    @property
    def errors(self) -> int:
        """Errors in the forms and in the merged plan."""
        return sum(f.errors for f in self.forms) + (self.merged.errors if self.merged is not None else 0)


def merge_answers(plan: FileResult, plan_text: str, forms: Sequence[tuple[str, bytes]],
                  reference: Reference) -> MergeOutcome:
    """Read the forms, merge them into the plan (`plan`: the plan validated without errors), validate, diff."""
    assert plan.plan is not None
    model: Plan = plan.plan
    findings: dict[str, list[Finding]] = {}
    answers: list[FormAnswers] = []
    for label, raw in forms:
        read, found = read_form(raw, label, model, reference)
        findings[label] = list(found)
        if read is not None:
            answers.append(read)
    if len(answers) < len(forms):
        return MergeOutcome(_results(findings))
    merged = merge_forms(plan_text, plan.file, model, answers, reference)
    for finding in merged.findings:
        findings[finding.file].append(finding)
    if merged.text is None:
        return MergeOutcome(_results(findings))
    result = validate_bytes(merged.text.encode("utf-8"), plan.file, reference)
    if result.plan is None or result.errors:
        return MergeOutcome(_results(findings), merged.text, result)
    difference = diff_plans(model, result.plan, reference, old_label=plan.file, new_label=plan.file,
                            criteria=(plan.criteria, result.criteria))
    return MergeOutcome(_results(findings), merged.text, result, difference)


def _results(findings: dict[str, list[Finding]]) -> tuple[FormResult, ...]:
    return tuple(FormResult(file, tuple(sorted(found))) for file, found in findings.items())
