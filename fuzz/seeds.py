"""The seed plans the mutants grow from: the examples and the valid test corpus."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from planas.loading.positional import decode_plan_bytes, load_plan_text

ROOT = Path(__file__).resolve().parent.parent
"""The repository (the fuzzer runs from a checkout, next to examples/ and tests/)."""


@dataclass(frozen=True)
class Seed:
    """One seed plan: its name (relative path), text and plain data."""

    name: str
    text: str
    data: dict[str, object]

    @property
    def path(self) -> Path:
        """The seed file."""
        return ROOT / self.name


@cache
def seeds() -> tuple[Seed, ...]:
    """Every seed, in a fixed order."""
    files = sorted(ROOT.glob("examples/*/plan.yaml")) + sorted(ROOT.glob("tests/data/valid/*.yaml"))
    found = []
    for path in files:
        text = decode_plan_bytes(path.read_bytes())
        found.append(Seed(path.relative_to(ROOT).as_posix(), text, load_plan_text(text, path.name).data))
    return tuple(found)


def previous_year(seed: Seed) -> Seed | None:
    """The seed of the same municipality one year earlier (cross-year rules), if any."""
    meta = seed.data.get("metadata")
    if not isinstance(meta, dict):
        return None
    for other in seeds():
        other_meta = other.data.get("metadata")
        if (isinstance(other_meta, dict) and other_meta.get("municipality") == meta.get("municipality")
                and other_meta.get("year") == _minus_one(meta.get("year"))):
            return other
    return None


def _minus_one(year: object) -> object:
    return year - 1 if isinstance(year, int) else None


SETTINGS_SEED = """\
# Repository settings (fuzz seed)
severity:
  W0601: ignore
  X1003: warning
disabled: [W0602]
jump_threshold: 0.5
exclude:
  - "drafts/*"
"""
