"""Which sources a redline names for each changed unit (``redline.compare``).

Between two dates of validity, most precise first: the WTI changes the store lists for that
article (official histories); else the change log ``history`` keeps per element («Stb. 1996,
649, art. I, onderdeel H, punt 2»), the entries the new unit has and the old one has not;
else those of a heading the unit came with; else every source of the versions between.

Between two knowledge dates (``--from-known``/``--to-known``), what changed is what became
known: the parts of the acts published in between that changed the plan (``Version.known_by``,
``time.causes``), each with the date it became known and what it did («Wet van 2 april 1998
…, ARTIKEL XXI (known from 1998-04-28: amends Stb. 1996, 649, ARTIKEL XII: Stb. 1996, 649,
ARTIKEL VI no longer takes effect on 1999-01-01)»), for an article only the parts whose
changes touched it. A store without them (built before, or an official history) falls back
to the rules above.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from consolidator.store.db import KNOWN_BY, Version
from consolidator.store.sources import ARTIKELEN


@dataclass(frozen=True)
class Source:
    """What made a change: a provision of an act, and since when (when known); for a
    change of knowledge, since when it is known (``known``) and what it did (``note``)."""

    label: str
    date: Optional[str] = None
    known: Optional[str] = None
    note: str = ""

    def __str__(self) -> str:
        text = f"{self.label} ({self.date})" if self.date else self.label
        if self.known:
            text += f" (known from {self.known}" + (f": {self.note})" if self.note else ")")
        return text


def unit_sources(old, new, after: dict, sources: list[dict],
                 causes: Optional[list[dict]] = None) -> tuple[Source, ...]:
    """The sources of one changed unit (``redline.Unit``; ``after``: the new units by key)."""
    unit = new or old
    if causes:
        return _known_sources(unit, causes)
    listed = [s for s in sources if unit.label in s.get("articles", ())]
    if listed:
        return _dedup(Source(s["label"], s.get("date")) for s in listed)
    logged = _new_changes(old, new)
    if not logged and new is not None:  # a unit that came with a new heading
        for key in reversed(new.parents):
            logged = [c for c in after[key].changes if c.effect == "nieuw"]
            if logged:
                break
    logged = sorted((c for c in logged if c.source),
                    key=lambda c: (c.date or _dt.date.min, natural_key(c.source)))
    if logged:
        return _dedup(Source(c.source, c.date.isoformat() if c.date else None) for c in logged)
    return _dedup(Source(s["label"], s.get("date")) for s in sources)


def _known_sources(unit, causes: list[dict]) -> tuple[Source, ...]:
    """The causes of a change of knowledge that concern ``unit``: for an article those whose
    changes touched it, for another unit those that touched no article; all of them when
    none is singled out (the causes do not say, or none fits)."""
    if unit.kind == "artikel":
        picked = [c for c in causes if ARTIKELEN not in c or unit.number in c[ARTIKELEN]]
    else:
        picked = [c for c in causes if not c.get(ARTIKELEN)]
    return _dedup(Source(c["label"], None, c[KNOWN_BY], "" if _direct(c) else c["reason"])
                  for c in picked or causes)


def _direct(cause: dict) -> bool:
    """Whether a cause is itself the part that took effect (it needs no explanation)."""
    return cause.get("events") == [cause.get("label")]


def causes_between(versions: Iterable[Version], after: str, upto: str,
                   valid_on: str) -> list[dict]:
    """What made the versions known from a date after ``after`` up to ``upto`` known and
    changed the text valid on ``valid_on``, each part once, in the order of knowledge."""
    return KnownOrder(versions).causes(after, upto, valid_on)


class KnownOrder:
    """Versions in the order they became known, sorted once: ``causes`` for many pairs of
    knowledge dates (a law's superseded versions) looks only at the versions between."""

    def __init__(self, versions: Iterable[Version]):
        self.versions = sorted(versions, key=lambda v: v.known_from)
        self.known = [v.known_from for v in self.versions]

    def causes(self, after: str, upto: str, valid_on: str) -> list[dict]:
        """``causes_between`` of these versions."""
        found: dict[str, dict] = {}
        for n in range(bisect.bisect_right(self.known, after), len(self.versions)):
            version = self.versions[n]
            if version.known_from > upto:
                break
            for cause in version.known_by:
                if cause.get("from", "") <= valid_on:
                    found.setdefault(cause["label"], cause)
        return list(found.values())


def natural_key(label: str) -> tuple:
    """A sort key that orders numbers by value: «punt 10» after «punt 9»."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", label))


def _new_changes(old, new) -> list:
    """The change log entries of the new unit that the old one does not have."""
    if new is None:
        return []
    seen = Counter(old.changes if old else ())
    fresh = []
    for change in new.changes:
        if seen[change]:
            seen[change] -= 1
        else:
            fresh.append(change)
    return fresh


def _dedup(sources: Iterable[Source]) -> tuple[Source, ...]:
    found: dict[str, Source] = {}
    for source in sources:
        found.setdefault(source.label, source)
    return tuple(found.values())


def fresh_sources(old: Version, versions: list[Version], dated: bool = True) -> list[dict]:
    """The sources of ``versions`` that the old version does not have, with their date."""
    had = {s.get("label") for s in old.sources}
    found = []
    for version in versions:
        for source in version.sources:
            if source.get("label") not in had:
                found.append(dict(source, date=version.valid_from if dated else None))
    return found
