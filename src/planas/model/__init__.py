"""The plan model (pydantic v2): no I/O, only structure and per-field rules.

The model's modules do without `from __future__ import annotations`: with it,
pydantic evaluates every field's annotation from its text when a class is
made, some 6 ms of every command's start-up.
"""

from planas.model.plan import (
    Analysis,
    Finance,
    FinanceEntry,
    Goal,
    Indicator,
    Measure,
    Metadata,
    Plan,
    Priority,
    Provider,
    Provision,
    YearIndicator,
    validate_plan,
)

__all__ = [
    "Analysis",
    "Finance",
    "FinanceEntry",
    "Goal",
    "Indicator",
    "Measure",
    "Metadata",
    "Plan",
    "Priority",
    "Provider",
    "Provision",
    "YearIndicator",
    "validate_plan",
]
