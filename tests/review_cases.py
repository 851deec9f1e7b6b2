"""Last year's plan with one thing missing for its review, and the finding each gives (W1901, W1902).

Each case changes the 2020 example in one place; tests/test_review.py renders
the 2021 example with it as `--previous` and checks each finding's code and
position; tests/test_rule_coverage.py counts the codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .conftest import ROOT

PREVIOUS = ROOT / "examples" / "birstonas-2020" / "plan.yaml"


@dataclass(frozen=True)
class ReviewCase:
    """A change to last year's plan and the finding it must give, on the line that `marker` is on."""

    name: str
    old: str
    new: str
    code: str
    marker: str
    column: int

    def text(self) -> str:
        """Last year's plan with the change made."""
        source = PREVIOUS.read_text(encoding="utf-8")
        assert source.count(self.old) == 1, self.name
        return source.replace(self.old, self.new)

    def line(self) -> int:
        """The line the finding stands on."""
        lines = self.text().splitlines()
        return next(i for i, line in enumerate(lines, 1) if self.marker in line)


CASES = (
    ReviewCase("achieved-value-missing", "baseline: 10, target: 12, actual: 12}", "baseline: 10, target: 12}",
               "W1901", '{id: "4.1.1"', 11),
    ReviewCase("no-indicator-no-status",
               '      status: ivykdyta\n      funding: {SB: 18000.00}\n      indicators:\n'
               '        - {id: "1.3.1", name: Įsigytas automobilis, unit: vnt., baseline: 0, target: 1, actual: 1}\n',
               "      funding: {SB: 18000.00}\n", "W1902", '- id: "1.3"', 7),
)
