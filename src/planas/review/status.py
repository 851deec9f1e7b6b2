"""The rule that turns a measure's target and achieved values into its implementation status.

Share achieved, per indicator with a target and an achieved value
(`indicators[].target`, `indicators[].actual` in last year's plan):
share = achieved / target × 100. The plan does not say whether an indicator
is meant to go up or down (a target below the baseline may simply be a
smaller number of people expected), so an indicator to bring down, such as a
waiting list, is best written as the amount to reach (persons taken off the
list). A target of 0 counts as reached (100 %) only when the achieved value is
0 too.

Shares are rounded to one decimal and never below 0 %. A measure's status:

1. when some indicator has both a target and an achieved value:
   *įvykdyta* when every indicator with a target reached 100 %; otherwise
   *iš dalies* when some share is above 0 %; otherwise *nepradėta* when the
   planner's status is `planuojama`, else *neįvykdyta*;
2. when none has both, the planner's `status` decides: `ivykdyta` → įvykdyta,
   `vykdoma` → iš dalies, `neivykdyta` → neįvykdyta, `planuojama` → nepradėta;
   no status: unknown (a finding says what is missing).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

ReviewStatus = Literal["ivykdyta", "is_dalies", "neivykdyta", "nepradeta"]

STATUS_LT: dict[ReviewStatus, str] = {
    "ivykdyta": "įvykdyta",
    "is_dalies": "iš dalies",
    "neivykdyta": "neįvykdyta",
    "nepradeta": "nepradėta",
}
_FROM_PLANNER: dict[str, ReviewStatus] = {
    "ivykdyta": "ivykdyta",
    "vykdoma": "is_dalies",
    "neivykdyta": "neivykdyta",
    "planuojama": "nepradeta",
}
_FULL = Decimal(100)
_TENTH = Decimal("0.1")


def share_achieved(target: Decimal, actual: Decimal) -> Decimal:
    """The share of the target achieved, in percent (rule in the module docstring)."""
    if target == 0:
        return _FULL if actual == 0 else Decimal(0)
    share = (actual / target * _FULL).quantize(_TENTH, rounding=ROUND_HALF_UP)
    return max(share, Decimal(0))


def measure_status(shares: Sequence[Decimal | None], planner_status: str | None) -> ReviewStatus | None:
    """A measure's status from its indicators' shares (None: no achieved value) and the planner's status."""
    known = [s for s in shares if s is not None]
    if not known:
        return _FROM_PLANNER.get(planner_status) if planner_status else None
    if len(known) == len(shares) and all(s >= _FULL for s in known):
        return "ivykdyta"
    if any(s > 0 for s in known):
        return "is_dalies"
    return "nepradeta" if planner_status == "planuojama" else "neivykdyta"
