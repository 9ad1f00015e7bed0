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


#: additions in the pace loop: some 20–40 ms of pure Python on the machines measured
_PACE_LOOP = 200_000


class Pace:
    """The machine's pace over a run, roughly: a fixed piece of pure Python, timed before
    each measurement. On a shared virtual machine the same work can take up to twice as
    long from one second to the next, in processor time as much as in wall time (measured
    here: a loop of 2 million additions took 183–343 ms within a minute), and no
    statistic over runs removes a slow stretch that covers them. The spread of this loop
    says how far figures taken at different moments of one run may be apart for that
    reason alone. It is a lower bound: the loop follows the processor's clock, but hardly
    what other guests do to the caches, which slows work on many objects (an act's
    parse) more."""

    def __init__(self):
        self.samples: list[float] = []

    def sample(self) -> None:
        start = time.perf_counter()
        total = 0
        for number in range(_PACE_LOOP):
            total += number
        self.samples.append(time.perf_counter() - start)

    def summary(self) -> str:
        if not self.samples:
            return "machine pace: not sampled"
        quick, slow = min(self.samples), max(self.samples)
        return (f"machine pace: a fixed loop took {quick * 1000:.1f}–{slow * 1000:.1f} ms over "
                f"{len(self.samples)} samples, {slow / quick:.2f}× from the quickest to the "
                "slowest (figures taken at different moments may differ by that much, "
                "and more, for that reason alone)")
