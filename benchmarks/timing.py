"""Shared timing helpers of the benchmark scripts."""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Callable


def children_cpu() -> float:
    """CPU seconds (user + sys) of every child process waited for so far, their workers included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], runs: int) -> list[float]:
    """Wall times of running a command `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def time_call(function: Callable[[], object], runs: int) -> list[float]:
    """Wall times of calling a function `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def line(label: str, times: list[float]) -> str:
    """One result line: best and median in milliseconds."""
    return (f"{label:<48} best {min(times) * 1000:8.1f} ms   "
            f"median {statistics.median(times) * 1000:8.1f} ms   ({len(times)} runs)")
