"""What the pages of one law show, read from the store once: its versions as known now
(one text page each, with the redline against the one before), the versions that later
knowledge superseded (one page each, and one «zoals bekend op» page per moment of
knowledge that had any), and every article through time.

Dates in the law text's repeal marks are in words here («[Vervallen per 1 januari 1997]»);
the units are compared after that, so a redline marks the same words the page shows.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Optional

from consolidator.errors import StoreError
from consolidator.names import check_name
from consolidator.law.history import withdrawn
from consolidator.law.lawfile import parse_law
from consolidator.store.db import EARLIEST, Store, Version
from consolidator.views.redline import UnitChange, compare, fresh_sources
from consolidator.views.redline_sources import KnownOrder
from consolidator.views.units import Unit, UnitReader
from consolidator.views.site_words import dutch_date, period, repeal_marks


@dataclass
class Page:
    """One version of a law as known now, on the site."""

    version: Version
    name: str                       # "1997-01-01.html"
    changes_name: str               # "1997-01-01-wijzigingen.html" ("" for the first)
    period: str
    units: list[Unit]
    changes: list[UnitChange] = field(default_factory=list)
    previous: Optional["Page"] = None
    withdrawn: str = ""             # «Ingetrokken per 1 januari 2026 door …» of a withdrawn law

    @property
    def folder(self) -> str:
        """The stable address of this version: «1997-01-01/» (written as index.html)."""
        return f"{self.version.valid_from}/"


@dataclass
class Superseded:
    """A version that later knowledge replaced: its text, and what now holds instead."""

    version: Version
    name: str                       # "1999-01-01-bekend-op-1996-12-23.html"
    changes_name: str               # its differences with the text as known now
    period: str
    units: list[Unit]
    now: Optional[Page]             # the version as known now for the same first day
    changes: list[UnitChange]

    @property
    def known_name(self) -> str:
        """The «zoals bekend op» page of the moment this version became known."""
        return f"bekend-op-{known_tag(self.version.known_from)}.html"


@dataclass
class Knowledge:
    """What was known during one stretch of time in which a superseded version held."""

    known_from: str
    known_until: Optional[str]      # the next moment of knowledge (None: still so)
    name: str                       # "bekend-op-1996-12-23.html"
    versions: list[tuple[Version, str]]   # by validity: (version, its text page)

    @property
    def words(self) -> str:
        """«zoals bekend op 23 december 1996»; before the first act: «zoals bekend vóór …»."""
        if self.known_from == EARLIEST and self.known_until:
            return f"zoals bekend vóór {dutch_date(self.known_until)}"
        return f"zoals bekend op {dutch_date(self.known_from)}"

    @property
    def span(self) -> str:
        """«van 23 december 1996 tot 28 april 1998»."""
        start = "" if self.known_from == EARLIEST else f"van {dutch_date(self.known_from)} "
        return start + (f"tot {dutch_date(self.known_until)}" if self.known_until else "tot nu")


@dataclass
class LawSite:
    law_id: str
    title: str
    pages: list[Page]
    article_pages: dict[str, str]     # unit key -> "artikel/105a1.html"
    history: list[Version]            # every version, superseded ones too
    notes: list[str]
    base_source: str
    superseded: list[Superseded] = field(default_factory=list)
    knowledge: list[Knowledge] = field(default_factory=list)
    version_pages: dict[int, str] = field(default_factory=dict)   # version id -> its page
    periods: Optional[dict] = None    # unit key -> its periods (``article_periods``), read once
    # (knowledge, known_from -> its moment): ``known_moment``'s lookup, made once
    _moments: Optional[tuple] = field(default=None, repr=False, compare=False)

    @property
    def withdrawn(self) -> str:
        return self.pages[-1].withdrawn if self.pages else ""

    def known_moment(self, version: Version) -> Optional["Knowledge"]:
        """The «zoals bekend op» page of the moment a version became known, if it has one."""
        if self._moments is None or self._moments[0] is not self.knowledge:
            by_date = {}
            for moment in self.knowledge:
                by_date.setdefault(moment.known_from, moment)
            self._moments = (self.knowledge, by_date)
        return self._moments[1].get(version.known_from)


class SiteUnits:
    """The units of the versions of one law with the repeal marks' dates in words; an
    article that reads the same in several versions is read (and its dates put in words)
    once."""

    def __init__(self):
        self.reader = UnitReader()
        self._marked: dict[str, str] = {}

    def __call__(self, tree) -> list[Unit]:
        return [self._in_words(u) if "[Vervallen per " in u.text else u
                for u in self.reader.units(tree)]

    def _in_words(self, unit: Unit) -> Unit:
        marked = self._marked.get(unit.text)
        if marked is None:
            marked = self._marked[unit.text] = repeal_marks(unit.text)
        return dataclasses.replace(unit, text=marked)


def _withdrawn_text(tree) -> str:
    gone = withdrawn(tree)
    if gone is None:
        return ""
    when = f" per {dutch_date(gone.date.isoformat())}" if gone.date else ""
    return f"Ingetrokken{when}" + (f" door {gone.source}" if gone.source else "")


def build_law(store: Store, law_id: str) -> LawSite:
    """Everything the pages of one law need, read from the store once."""
    current = store.current_versions(law_id)
    if not current:
        raise StoreError(f"{law_id}: no versions in {store.path}")
    pages: list[Page] = []
    cut = SiteUnits()   # one for the law: an article that stays the same is read once
    for version in current:
        check_name(version.valid_from, f"{law_id}: the date of a version", StoreError)
        tree = _tree(store, version)
        page = Page(version, f"{version.valid_from}.html", "",
                    period(version.valid_from, version.valid_until), cut(tree),
                    withdrawn=_withdrawn_text(tree))
        if pages:
            previous = pages[-1]
            page.previous = previous
            page.changes_name = f"{version.valid_from}-wijzigingen.html"
            page.changes = compare(None, None, fresh_sources(previous.version, [version]),
                                   previous.units, page.units)
        pages.append(page)
    title = next(u.text for u in pages[-1].units if u.kind == "title")
    history = store.all_versions(law_id)
    law = LawSite(law_id, title, pages, _article_pages(pages), history, store.notes(law_id),
                  store.law_source(law_id))
    law.version_pages = {p.version.id: p.name for p in pages}
    lookup = _Lookup(law)
    law.superseded = [_superseded(store, law, v, cut, lookup) for v in history
                      if not v.current]
    law.version_pages.update({s.version.id: s.name for s in law.superseded})
    law.knowledge = knowledge_moments(law)
    return law


def _tree(store: Store, version: Version):
    return parse_law(store.xml(version.id), source=f"{store.path} version {version.id}")


def known_tag(known_from: str) -> str:
    """A moment of knowledge in a file name: its date, «begin» for the start of time."""
    return "begin" if known_from == EARLIEST else known_from


class _Lookup:
    """What each superseded version of a law is looked up in, made once for the law (not
    once per superseded version): the pages as known now by their first day, the names
    they take, the versions in the order they became known."""

    def __init__(self, law: LawSite):
        self.pages = law.pages
        self.starts = [p.version.valid_from for p in law.pages]
        self.taken = set(law.version_pages.values())
        self.known = KnownOrder(law.history)

    def page_on(self, day: str) -> Optional[Page]:
        """The version as known now valid on ``day`` (those never overlap: one text per
        day), if any."""
        n = bisect.bisect_right(self.starts, day)
        page = self.pages[n - 1] if n else None
        if page is None or (page.version.valid_until is not None
                            and day >= page.version.valid_until):
            return None
        return page


def _superseded(store: Store, law: LawSite, version: Version, cut: SiteUnits,
                lookup: _Lookup) -> Superseded:
    now = lookup.page_on(version.valid_from)
    stem = f"{version.valid_from}-bekend-op-{known_tag(version.known_from)}"
    while f"{stem}.html" in lookup.taken:
        stem += "-"
    own = cut(_tree(store, version))
    changes = [] if now is None else compare(
        None, None, fresh_sources(version, [now.version], dated=False), own, now.units,
        lookup.known.causes(version.known_from, now.version.known_from, version.valid_from))
    return Superseded(version, f"{stem}.html", f"{stem}-verschil.html",
                      period(version.valid_from, version.valid_until), own, now, changes)


def knowledge_moments(law: LawSite) -> list[Knowledge]:
    """Each moment at which the store came to know something, from which until the next
    at least one version held that was later superseded: what was known then. One sweep
    over the moments, the versions held kept as they come and go."""
    if all(v.current for v in law.history):
        return []   # nothing superseded: no moment to show
    coming: dict[str, list[int]] = {}
    going: dict[str, list[int]] = {}
    for n, v in enumerate(law.history):
        if v.known_until is None or v.known_from < v.known_until:  # else never held
            coming.setdefault(v.known_from, []).append(n)
        if v.known_until:
            going.setdefault(v.known_until, []).append(n)
    moments = sorted(coming.keys() | going.keys())
    held: set[int] = set()
    superseded = 0   # how many of those held were later superseded
    found = []
    for m, moment in enumerate(moments):
        for n in coming.get(moment, ()):
            held.add(n)
            superseded += not law.history[n].current
        for n in going.get(moment, ()):
            if n in held:
                held.remove(n)
                superseded -= not law.history[n].current
        if not superseded:
            continue
        until = moments[m + 1] if m + 1 < len(moments) else None
        versions = sorted((law.history[n] for n in sorted(held)), key=lambda v: v.valid_from)
        found.append(Knowledge(moment, until, f"bekend-op-{known_tag(moment)}.html",
                               [(v, law.version_pages[v.id]) for v in versions]))
    return found


def slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower() or "x"


def _article_pages(pages: list[Page]) -> dict[str, str]:
    found: dict[str, str] = {}
    taken: set[str] = set()
    for page in pages:
        for unit in page.units:
            if unit.kind != "artikel" or unit.key in found:
                continue
            name = slug(unit.key.removeprefix("artikel "))
            while name in taken:
                name += "-"
            taken.add(name)
            found[unit.key] = f"artikel/{name}.html"
    return found


@dataclass
class Period:
    """A stretch of versions in which one article read the same."""

    first: Page
    last: Page
    unit: Unit
    change: Optional[UnitChange]   # how it came to read so (None: in the first version)

    @property
    def text(self) -> str:
        return period(self.first.version.valid_from, self.last.version.valid_until)


def article_periods(law: LawSite, key: str) -> list[Period]:
    """The periods of one article, oldest first; a gap where it was not in the text."""
    if law.periods is None:
        law.periods = _periods(law)
    return law.periods.get(key, [])


def _periods(law: LawSite) -> dict[str, list[Period]]:
    """The periods of every unit, in one pass over the versions."""
    found: dict[str, list[Period]] = {}
    for page in law.pages:
        changes: dict[str, UnitChange] = {}
        for change in page.changes:
            changes.setdefault(change.key, change)
        for unit in page.units:
            periods = found.setdefault(unit.key, [])
            change = changes.get(unit.key)
            if periods and periods[-1].last is page.previous and change is None:
                periods[-1].last = page
            else:
                periods.append(Period(page, page, unit, change))
    return found


def article_index(law: LawSite) -> list[dict]:
    """Every article that was ever in the text (as known now), in the order of the last
    version it appears in."""
    seen: dict[str, dict] = {}
    for page in law.pages:
        for unit in page.units:
            if unit.kind == "artikel":
                seen[unit.key] = {"label": unit.label, "page": law.article_pages[unit.key],
                                  "repealed": unit.repealed, "until": page.version.valid_until}
    last = law.pages[-1].version.valid_until
    for entry in seen.values():
        entry["gone"] = entry["until"] != last
    return list(seen.values())
