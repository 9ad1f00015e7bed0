"""Named write steps, and a hook that stops a run at one of them (fault injection).

The engine calls ``step(name)`` right after each write that a kill could interrupt. With
``CONSOLIDATOR_KILL_AT=<name>`` in the environment the process kills itself with SIGKILL
when it first reaches that step: no ``finally``, no cleanup, exactly as ``kill -9`` then.
``tests/test_killed_runs.py`` stops a run at every step and checks that the store and the
output folders are from one run (or that the next run says so and repairs them);
``tools/killsweep.py`` does the same at random moments.
"""
from __future__ import annotations

import os
import signal

#: the environment variable naming the step to die at
KILL_AT = "CONSOLIDATOR_KILL_AT"
#: the environment variable naming a step to stop at (SIGSTOP) until continued: a second
#: run can then be started while the first one holds the lock, without guessing times
STOP_AT = "CONSOLIDATOR_STOP_AT"

#: every step, in the order a run meets them, with what has been written by then
STEPS = {
    "consolidate:locked": "the store's write lock is held; nothing written yet",
    "consolidate:parts": "each law built into a store of its own in the work folder",
    "consolidate:merged": "the new store complete under its staging name",
    "consolidate:staged": "the latest texts written to the staging folder, no marker yet",
    "consolidate:journal": "the publication journal written beside the store; nothing renamed",
    "consolidate:store-replaced": "the new store in place; the output folder still the old one",
    "output:moved-aside": "(without an atomic exchange) the old folder moved aside, the new "
                          "one not yet in place",
    "output:exchanged": "the new folder in place, the old one under the staging name",
    "output:merge-started": "(--force beside files the engine did not write) the marker "
                            "lists old and new files; no file moved yet",
    "output:merge-file": "(--force) one new file moved into the output folder",
    "output:merge-removed": "(--force) every new file in, the engine's old files removed; "
                            "the new marker not yet in",
    "consolidate:output-placed": "store and output folder from this run; journal still there",
    "consolidate:published": "journal removed; the work folder not yet",
}


def step(name: str) -> None:
    """A write step is done: die (or stop) here if the environment asks for it."""
    if name not in STEPS:
        raise KeyError(f"unknown write step {name!r}")  # a typo in the engine: a bug
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get(STOP_AT) == name:
        os.kill(os.getpid(), signal.SIGSTOP)  # frozen, holding what it holds, until SIGCONT
