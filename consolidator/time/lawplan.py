"""One law's plan, knowledge date after knowledge date, each act worked out only when it may
have changed.

``plan`` answers one knowledge date over every act; building a history asks it on every
date, so each date costs as much as all acts known by then. ``LawPlanner`` asks only the
dates on which some act that may name the law can change (``Settled``: the dates of its
group), and on each such date only the acts of the groups that can change then; the events
of the others are kept. The result on every date equals ``plan``'s: the same events in the
same order (by date of effect, then the acts' publication order, then each act's own order)
and the same notes; and the earliest date of effect whose events differ from the date
before (``first_difference``) is found from the acts that changed alone.
"""
from __future__ import annotations

import bisect
import datetime as _dt
from collections import Counter
from typing import Iterator, Optional

from consolidator.time.settle import Settled
from consolidator.time.timeline import Event, Plan

_EMPTY = Plan([], [])


class LawPlanner:
    """The plan of the law known by ``names``, advanced one knowledge date at a time."""

    def __init__(self, settled: Settled, names):
        self.settled = settled
        self.names = frozenset(names)
        self.acts = settled.naming(self.names)
        self._due: dict[Optional[_dt.date], list] = {}
        for act in self.acts:
            for date in settled.group[id(act)].dates:
                self._due.setdefault(date, []).append(act)
        dated = sorted(d for d in self._due if d is not None)
        #: the knowledge dates on which this law's plan may change, ascending (None last)
        self.dates: list[Optional[_dt.date]] = dated + ([None] if None in self._due else [])
        self._plans: dict[int, Plan] = {}
        self._present: Counter = Counter()
        self._on: dict[_dt.date, dict[int, list[Event]]] = {}  # valid_from → rank → events
        self._valid: list[_dt.date] = []  # the keys of ``_on``, ascending
        self._notes: dict[int, list[str]] = {}  # rank → notes, for acts with notes
        self.gone: list[Event] = []
        self.came: list[Event] = []

    def advance(self, known_at: Optional[_dt.date]) -> Optional[_dt.date]:
        """Bring the plan to what is known on ``known_at`` (a date of ``dates``, in order);
        the earliest date of effect whose events differ from before, None if none does."""
        changed: set[Event] = set()
        was: dict[Event, bool] = {}  # every event touched: present before this date?
        places: dict[Event, tuple] = {}  # its place in the plan (old or new)
        for act in self._due.get(known_at, ()):
            new = self.settled.events(act, self.names, known_at)
            self._replace(act, new, changed, was, places)
        #: what changed on this date, each in the plan's order (``time.causes`` credits them)
        self.gone = sorted((e for e, present in was.items()
                            if present and self._present[e] <= 0), key=places.__getitem__)
        self.came = sorted((e for e, present in was.items()
                            if not present and self._present[e] > 0), key=places.__getitem__)
        return min((e.valid_from for e in changed), default=None)

    def seed(self, known_at: Optional[_dt.date]) -> None:
        """The plan as known on ``known_at`` at once (to go on from there)."""
        for act in self.acts:
            self._replace(act, self.settled.events(act, self.names, known_at), set())

    def notes(self) -> list[str]:
        found = [note for rank in sorted(self._notes) for note in self._notes[rank]]
        return list(dict.fromkeys(found))

    def events_from(self, first: _dt.date) -> Iterator[Event]:
        """The events taking effect on ``first`` or later, in the order they apply."""
        for valid_from in self._valid[bisect.bisect_left(self._valid, first):]:
            by_rank = self._on[valid_from]
            for rank in sorted(by_rank):
                yield from by_rank[rank]

    def events(self) -> list[Event]:
        return list(self.events_from(_dt.date.min))

    def _replace(self, act, new: Plan, changed: set, was: Optional[dict] = None,
                 places: Optional[dict] = None) -> None:
        rank = self.settled.rank[id(act)]
        old = self._plans.get(id(act), _EMPTY)
        touched = set(old.events) | set(new.events)
        before = {e: self._present[e] > 0 for e in touched}
        if was is not None:
            for e in touched:
                was.setdefault(e, before[e])
            for plan in (old, new):  # the plan's order: date of effect, act, the act's own
                for n, e in enumerate(plan.events):
                    places.setdefault(e, (e.valid_from, rank, n))
        for event in old.events:
            self._present[event] -= 1
            self._drop(event.valid_from, rank)
        for event in new.events:
            self._present[event] += 1
            self._add(event, rank)
        changed |= {e for e in touched if before[e] != (self._present[e] > 0)}
        for event in touched:
            if self._present[event] <= 0:
                del self._present[event]
        self._plans[id(act)] = new
        if new.notes:
            self._notes[rank] = new.notes
        else:
            self._notes.pop(rank, None)

    def _drop(self, valid_from: _dt.date, rank: int) -> None:
        by_rank = self._on.get(valid_from)
        if by_rank is None or rank not in by_rank:
            return
        del by_rank[rank]
        if not by_rank:
            del self._on[valid_from]
            self._valid.pop(bisect.bisect_left(self._valid, valid_from))

    def _add(self, event: Event, rank: int) -> None:
        by_rank = self._on.get(event.valid_from)
        if by_rank is None:
            by_rank = self._on[event.valid_from] = {}
            bisect.insort(self._valid, event.valid_from)
        by_rank.setdefault(rank, []).append(event)
