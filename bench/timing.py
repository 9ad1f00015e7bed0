"""Timing helpers shared by the benchmark scripts."""
from __future__ import annotations

import statistics
import time


def timed_runs(runs: int, fn, clock=time.perf_counter) -> tuple[list[float], object]:
    """The seconds of each of ``runs`` calls of ``fn`` on ``clock``, and the last result.
    ``time.process_time`` counts this process alone: on a machine other work shares,
    wall time measures the others as much as this."""
    times, result = [], None
    for _ in range(runs):
        start = clock()
        result = fn()
        times.append(clock() - start)
    return times, result


def best(runs: int, fn, clock=time.perf_counter) -> float:
    """The fastest of ``runs`` calls of ``fn``, in seconds (the least disturbed one)."""
    return min(timed_runs(runs, fn, clock)[0])


def median(runs: int, fn, clock=time.perf_counter) -> float:
    """The median of ``runs`` calls of ``fn``, in seconds."""
    return statistics.median(timed_runs(runs, fn, clock)[0])
