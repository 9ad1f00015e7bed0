"""Timing helper shared by the benchmark scripts."""
from __future__ import annotations

import time


def best(runs: int, fn) -> float:
    """The fastest of ``runs`` calls of ``fn``, in seconds (the least disturbed one)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
