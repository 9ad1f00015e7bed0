"""Filling the version store for one law from its base text and the acts.

On every knowledge date on which the law's plan may change (``LawPlanner``: the publication
dates of the acts that may name it and of the acts tied to those), the plan gives the
events that change the law. Compared with the plan known just before, the earliest date
whose events differ is where the history changes: the versions valid before it stay as
they are, the version current just before it and all later ones are superseded (closed on
the knowledge axis) and rebuilt from the text valid just before it. A knowledge period of
notes (``state``) starts where the notes change. The whole law is one transaction.
"""
from __future__ import annotations

import copy
import datetime as _dt
import hashlib
from dataclasses import dataclass
from itertools import chain, groupby
from typing import Callable, Optional

from consolidator.law import lawtext
from consolidator.law.history import mark_withdrawn, withdrawn
from consolidator.law.elements import artikel_number, is_repealed, iter_articles, version_stamp
from consolidator.law.lawfile import parse_law, serialize
from consolidator.law.toestand import law_title, set_toestand_date, toestand_date
from consolidator.apply.sentences import apply_articles
from consolidator.errors import ApplyError, TimeError
from consolidator.store.db import EARLIEST, KNOWN_BY, LATEST, Store
from consolidator.store.sources import event_sources, known_by_sources
from consolidator.time.causes import change_causes
from consolidator.time.lawplan import LawPlanner
from consolidator.time.settle import Settled, knowledge_dates  # noqa: F401 (its old home)
from consolidator.time.timeline import Event, act_label


@dataclass(frozen=True)
class LawInput:
    law_id: str
    tree: object  # the base toestand (lxml tree)
    source: str   # where the base text comes from (in the corpus), as the store records it
    names: frozenset  # names acts use for this law (select.law_names)
    path: str = ""    # the file it was read from, for messages

    @property
    def where(self) -> str:
        return self.path or self.source


def build_law(store: Store, law: LawInput, acts, facts,
              notify: Callable[[str], None] = lambda message: None,
              settled: Optional[Settled] = None) -> int:
    """Add ``law`` and all its versions to ``store``, in one transaction; the number of
    knowledge dates at which its history changed. ``settled``: the acts' timing settled
    once for many laws (else here, for these acts)."""
    builder = LawBuilder(store, law, settled or Settled(acts, facts), notify)
    with store.transaction():
        builder.start()
        builder.run()
    return builder.changes


#: the versions written last whose XML and article digests the builder keeps at hand
_AT_HAND = 4


@dataclass
class _Row:
    """A version as known now (not superseded), as the builder keeps it."""

    id: int
    valid_from: str
    sources: list


class LawBuilder:
    """One law's history, knowledge date after knowledge date (``LawPlanner``). It is the
    only writer of the law's rows while it runs: it keeps the versions as known now in
    memory instead of reading them back on every date."""

    def __init__(self, store: Store, law: LawInput, settled: Settled,
                 notify: Callable[[str], None] = lambda message: None):
        self.store, self.law, self.notify = store, law, notify
        self.planner = LawPlanner(settled, law.names)
        # the acts a change of this law's plan can be credited to: those it may depend on,
        # the same set whether the law is built here or shipped to a worker (lawtasks)
        self._relevant = {id(act) for act in settled.relevant(law.names)}
        self.current: list[_Row] = []
        self.notes: list[str] = []
        self.changes = 0
        # the latest versions written, by id: their XML and their article digests (in the
        # order of the articles, as written), a few at most
        self._at_hand_written: dict[int, tuple[bytes, dict[str, str]]] = {}
        # the last version a rebuild wrote and the tree it was written from, which nothing
        # else holds: the next rebuild, most often from that version, starts from it
        # instead of parsing its XML again
        self._at_hand: Optional[tuple[int, object]] = None
        self.base_date = toestand_date(law.tree)
        if self.base_date is None:
            raise TimeError(f"{law.law_id}: the base text has no date "
                            "(toestand/@inwerkingtreding)", source=law.where)

    def start(self) -> None:
        """The law and its base text, valid from its date, known from the start."""
        law, store = self.law, self.store
        store.add_law(law.law_id, law_title(law.tree), self.base_date, law.source)
        base = {"label": f"base text ({law.source})", "reason": f"the text on {self.base_date}"}
        self._insert(self.base_date.isoformat(), None, EARLIEST, law.tree, [base])
        store.set_notes(law.law_id, EARLIEST, [])

    def resume(self, since: str) -> None:
        """Go on with a law the store holds as known before ``since`` (an ISO date; no row
        of the law known from then on): its versions as known now and its notes read back,
        the plan as known on the law's last knowledge date before ``since``."""
        rows = self.store.current_versions(self.law.law_id)
        self.current = [_Row(r.id, r.valid_from, list(r.sources)) for r in rows]
        self.notes = self.store.notes(self.law.law_id)
        before = [d for d in self.planner.dates if (d.isoformat() if d else LATEST) < since]
        if before:
            self.planner.seed(before[-1])

    def run(self, since: Optional[str] = None) -> None:
        """Every knowledge date of the plan (from ``since`` on, an ISO date or LATEST)."""
        for known in self.planner.dates:
            if since is None or (known.isoformat() if known else LATEST) >= since:
                self.step(known)

    def step(self, known: Optional[_dt.date]) -> None:
        """Bring the law to what is known on ``known`` (None: every act)."""
        first = self.planner.advance(known)
        known_from = known.isoformat() if known else LATEST
        notes = self.planner.notes()
        if notes != self.notes:  # a knowledge period per change of the notes
            self.store.set_notes(self.law.law_id, known_from, notes)
            self.notes = notes
        if first is not None:
            causes = change_causes(self.planner.gone, self.planner.came,
                                   [act for act in self.planner.settled.published_on(known)
                                    if id(act) in self._relevant],
                                   self.planner.settled.rules)
            self._rebuild_from(first, known_from, causes)
            self.changes += 1
            self.notify(f"{self.law.law_id}: history from {first} rebuilt as known from "
                        f"{known_from}")

    def _rebuild_from(self, first: _dt.date, known_from: str, causes: list[dict]) -> None:
        law = self.law
        later = list(self.planner.events_from(first))
        if first <= self.base_date:
            what = later[0].label if later and later[0].valid_from == first else "a change"
            raise TimeError(f"{law.law_id}: {what} takes effect on {first}, not after the base "
                            f"text ({self.base_date}); the store cannot tell whether the base "
                            "already has it", source=law.where)
        keep = _last_before(self.current, first.isoformat())
        start = self.current[keep]
        superseded = [r.id for r in self.current[keep:]]
        written = self._written(start.id)  # (taken before the inserts below push it out)
        at_hand, self._at_hand = self._at_hand, None
        if written is not None and at_hand is not None and at_hand[0] == start.id:
            tree = at_hand[1]
        else:
            tree = parse_law(self._text(start.id), source=f"store version {start.id}")
        # per version: valid from, tree, sources, article digests (None: not yet taken)
        starts = [(start.valid_from, tree, list(start.sources), None)]
        # its article digests: those it was written with, else as the store holds them
        digests = written[1] if written is not None else self.store.article_digests(start.id)
        # the tree read for this rebuild may be changed in place when it is not written
        # again (its XML is at hand); every later one is a version still to be written
        owned = written is not None
        for date, group in groupby(later, key=lambda e: e.valid_from):
            group = list(group)
            tree = _apply_events(tree, group, law, known_from, owned)
            owned = False
            after = article_digests(tree)
            # each source names the articles its instructions changed (store.sources)
            starts.append((date.isoformat(), tree, event_sources(tree, group, digests, after),
                           after))
            digests = after
        known_by = known_by_sources(causes, known_from, chain(
            (s for r in self.current for s in r.sources),
            (s for _, _, listed, _ in starts for s in listed)))
        self.store.close_versions(superseded, known_from)
        del self.current[keep:]
        for n, (valid_from, version_tree, sources, taken) in enumerate(starts):
            until = starts[n + 1][0] if n + 1 < len(starts) else None
            if n == 0 and written is not None:
                # the version the rebuild starts from is written again only to end its
                # validity: its XML and article digests are those it was written with, not
                # serialised and taken again (its tree, read from that XML, is the one the
                # first date's acts then changed in place)
                self._insert_written(valid_from, until, known_from, written,
                                     sources + known_by)
            else:
                self._insert(valid_from, until, known_from, version_tree, sources + known_by,
                             taken)
        if len(starts) > 1:
            self._at_hand = (self.current[-1].id, starts[-1][1])

    def _insert(self, valid_from, valid_until, known_from: str, tree, sources,
                digests: Optional[dict[str, str]] = None) -> None:
        """Write a version of ``tree`` (its article digests ``digests`` when already taken
        from this tree: the toestand date ``_insert`` sets does not enter them)."""
        set_toestand_date(tree, _dt.date.fromisoformat(_iso(valid_from)))
        xml = serialize(tree)
        self._insert_written(valid_from, valid_until, known_from,
                             (xml, digests if digests is not None else article_digests(tree)),
                             sources)

    def _insert_written(self, valid_from, valid_until, known_from: str,
                        written: tuple[bytes, dict[str, str]], sources) -> None:
        xml, digests = written
        version_id = self.store.insert_version(self.law.law_id, _iso(valid_from), valid_until,
                                               known_from, xml, sources, digests)
        # as the store reads them back (``Version.sources``): what made it known stays behind
        self.current.append(_Row(version_id, _iso(valid_from),
                                 [s for s in sources if not s.get(KNOWN_BY)]))
        kept = self._at_hand_written
        kept[version_id] = written
        while len(kept) > _AT_HAND:
            del kept[next(iter(kept))]

    def _written(self, version_id: int) -> Optional[tuple[bytes, dict[str, str]]]:
        """The XML and article digests of a version this builder wrote, while at hand."""
        return self._at_hand_written.get(version_id)

    def _text(self, version_id: int) -> bytes:
        found = self._written(version_id)
        return found[0] if found is not None else self.store.xml(version_id)


def _last_before(rows: list[_Row], day: str) -> int:
    """The index of the last row valid from before ``day`` (rows by validity)."""
    n = len(rows) - 1
    while n > 0 and rows[n].valid_from >= day:  # a change is most often at the end
        n -= 1
    return n


def first_difference(before: list[Event], after: list[Event]) -> Optional[_dt.date]:
    """The earliest date of effect whose events differ between two plans."""
    differing = set(before) ^ set(after)
    return min((e.valid_from for e in differing), default=None)


def _apply_events(tree, events: list[Event], law: LawInput, known_from: str,
                  owned: bool = False):
    """The tree after ``events`` (one date), a new one; ``tree`` itself is changed only when
    ``owned`` (nothing else holds it). The tree an act's apply makes is this function's
    own, so the acts after it apply in place."""
    for _, group in groupby(events, key=lambda e: e.act_key):
        group = list(group)
        act = group[0].act
        gone = withdrawn(tree)
        if gone is not None:
            raise TimeError(f"{group[0].label} changes {law.law_id} on {group[0].valid_from}, "
                            f"but the law was withdrawn on {gone.date} by {gone.source}",
                            source=act.source)
        amending = [e.article for e in group if e.article.kind != "repeal"]
        try:
            if amending:
                tree = apply_articles(tree, amending, source_label=act_label(act),
                                      date=group[0].valid_from, in_place=owned)
                owned = True
        except ApplyError as exc:
            exc.message = (f"{exc.message} (consolidating {law.law_id} on "
                           f"{group[0].valid_from}, as known from {known_from})")
            raise
        for event in group:
            if event.article.kind == "repeal":
                if not amending:  # the tree of the version before, unless owned: left as it is
                    tree = tree if owned else copy.deepcopy(tree)
                    amending, owned = [event.article], True
                mark_withdrawn(tree, event.valid_from, event.label)
    return tree


def _iso(day) -> str:
    return day if isinstance(day, str) else day.isoformat()


def article_digests(tree) -> dict[str, str]:
    """A digest of each article's text, whether it is repealed and its BWB version
    stamp, by number. The text is the article as the plain format writes it (what a
    reader and ``diff`` see), so markup that BWB and the engine lay out differently
    («<label>Artikel</label><nr>48a</nr>» with or without a space between) is no change."""
    digests = {}
    for el in iter_articles(tree):
        shown = "\n".join(lawtext.article_lines(el))
        text = f"{is_repealed(el)}|{version_stamp(el)}|{shown}"
        digests[artikel_number(el)] = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return digests
