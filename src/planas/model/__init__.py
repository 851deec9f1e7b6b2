"""The plan model (pydantic v2): no I/O, only structure and per-field rules."""

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
