"""Last year's implementation review: per measure target, achieved value, share and status; criteria.

Core library (no command line): `review_plan(previous, reference, current)`
computes an `ImplementationReview`; its `gaps` become located findings
(W1901, W1902) in last year's plan file. The status rule: `planas.review.status`.
"""

from __future__ import annotations

from planas.review.compute import (
    CriterionComparison,
    Gap,
    ImplementationReview,
    IndicatorResult,
    MeasureResult,
    review_plan,
)
from planas.review.status import STATUS_LT, ReviewStatus, measure_status, share_achieved

__all__ = ["STATUS_LT", "CriterionComparison", "Gap", "ImplementationReview", "IndicatorResult", "MeasureResult",
           "ReviewStatus", "measure_status", "review_plan", "share_achieved"]
