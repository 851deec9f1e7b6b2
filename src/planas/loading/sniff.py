"""Is this YAML file a plan? Judged by its content (a plan's top-level keys), never by its name.

`planas check` and the pre-commit hook (`planas validate --plans-only`) both
ask this before reading a file as a plan: a `config/2024.yaml` of another tool
is no plan, and a broken plan named `2021-planas.yaml` still is one.
"""

from __future__ import annotations

import re

PLAN_KEYS = ("metadata", "introduction", "analysis", "action_plan", "monitoring")
"""The plan's own top-level sections (planas.model.Plan): any one of them makes a file a plan.

`criteria`, `document` and `schema_version` are left out: other tools' YAML
uses such words too.
"""

_TOP_LEVEL_KEY = re.compile(
    rb"^(?:" + b"|".join(re.escape(key.encode()) for key in PLAN_KEYS) + rb"|[\"'](?:"
    + b"|".join(re.escape(key.encode()) for key in PLAN_KEYS) + rb")[\"'])[ \t]*:",
    re.MULTILINE,
)
SNIFF_BYTES = 65536
"""How much of a file is looked at: a plan's first sections start near the top."""


def looks_like_plan(raw: bytes) -> bool:
    """Whether a YAML file's bytes hold one of a plan's top-level keys (at column 1, near the start)."""
    head = raw[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    return _TOP_LEVEL_KEY.search(head) is not None
