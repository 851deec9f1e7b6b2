"""Limits on a ZIP container (an XLSX form, a DOCX plan), checked on its directory before anything unpacks it.

A hostile container is a few kilobytes that unpack to gigabytes (a zip bomb),
or thousands of entries, or encrypted entries. The directory tells all of that
without unpacking a byte; each reader words the refusal in its own terms.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

ProblemKind = Literal["entries", "encrypted", "too_large", "ratio"]


@dataclass(frozen=True)
class ZipLimits:
    """How much a container may hold; `max_ratio` applies to entries larger than `ratio_floor`."""

    max_entries: int
    max_total: int
    max_entry: int
    max_ratio: int
    ratio_floor: int = 1024 * 1024


@dataclass(frozen=True)
class ZipProblem:
    """The first limit a container breaks: which, at which entry, the figure found and the limit."""

    kind: ProblemKind
    entry: str
    found: int
    limit: int


def zip_problem(entries: Sequence[zipfile.ZipInfo], limits: ZipLimits) -> ZipProblem | None:
    """The first limit `entries` (a ZIP's directory) breaks, or None when the container is within them."""
    if len(entries) > limits.max_entries:
        return ZipProblem("entries", "", len(entries), limits.max_entries)
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            return ZipProblem("encrypted", entry.filename, 0, 0)
        total += entry.file_size
        if entry.file_size > limits.max_entry:
            return ZipProblem("too_large", entry.filename, entry.file_size, limits.max_entry)
        if total > limits.max_total:
            return ZipProblem("too_large", entry.filename, total, limits.max_total)
        ratio = entry.file_size // max(entry.compress_size, 1)
        if entry.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            return ZipProblem("ratio", entry.filename, ratio, limits.max_ratio)
    return None
