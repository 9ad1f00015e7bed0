"""Filling the version store for one law from its base text and the acts.

For every knowledge date (each act's publication), ``timeline.plan`` gives the
events that change the law. Compared with the plan known just before, the
earliest date whose events differ is where the history changes: the versions
valid before it stay as they are, the version current just before it and all
later ones are superseded (closed on the knowledge axis) and rebuilt from the
text valid just before it. One knowledge date is one transaction.
"""
from __future__ import annotations

import copy
import datetime as _dt
import hashlib
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Optional

from consolidator.law import lawtext
from consolidator.law.history import mark_withdrawn, withdrawn
from consolidator.law.elements import artikel_number, is_repealed, iter_articles, version_stamp
from consolidator.law.lawfile import parse_law, serialize
from consolidator.law.toestand import law_title, set_toestand_date, toestand_date
from consolidator.apply.sentences import apply_articles
from consolidator.errors import ApplyError, TimeError
from consolidator.store.db import EARLIEST, LATEST, Store
from consolidator.store.sources import event_sources, known_by_sources
from consolidator.time.causes import knowledge_causes
from consolidator.time.timeline import Event, RuleCache, act_label, plan


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


def knowledge_dates(acts) -> list[Optional[_dt.date]]:
    """Publication dates, ascending; None last when an act is unpublished (a bill)."""
    dates = sorted({a.published for a in acts if a.published is not None})
    return dates + ([None] if any(a.published is None for a in acts) else [])


def build_law(store: Store, law: LawInput, acts, facts,
              notify: Callable[[str], None] = lambda message: None) -> int:
    """Add ``law`` and all its versions to ``store``; the number of knowledge dates
    at which its history changed."""
    base_date = toestand_date(law.tree)
    if base_date is None:
        raise TimeError(f"{law.law_id}: the base text has no date (toestand/@inwerkingtreding)",
                        source=law.where)
    with store.transaction():
        store.add_law(law.law_id, law_title(law.tree), base_date, law.source)
        base = {"label": f"base text ({law.source})", "reason": f"the text on {base_date}"}
        _insert(store, law.law_id, base_date, None, EARLIEST, law.tree, [base])
        store.set_notes(law.law_id, EARLIEST, [])
    previous: list[Event] = []
    changes = 0
    cache = RuleCache()
    for known in knowledge_dates(acts):
        previous, changed = advance(store, law, previous, acts, facts, known, notify, cache)
        changes += changed
    return changes


def advance(store: Store, law: LawInput, previous: list[Event], acts, facts,
            known: Optional[_dt.date], notify=lambda message: None,
            cache: Optional[RuleCache] = None) -> tuple[list[Event], bool]:
    """Bring the store to what is known on ``known`` (None: every act), given the
    events known before; the new events and whether the history changed."""
    current = plan(set(law.names), acts, facts, known_at=known, cache=cache)
    known_from = known.isoformat() if known else LATEST
    latest = store.latest_knowledge(law.law_id)
    if known_from < latest:
        raise TimeError(f"{law.law_id}: the store already holds what was known on {latest}; "
                        f"an act published on {known_from} must be added by rebuilding the store")
    with store.transaction():
        store.set_notes(law.law_id, known_from, current.notes)
        first = first_difference(previous, current.events)
        if first is not None:
            causes = knowledge_causes(previous, current.events, acts, known, cache)
            _rebuild_from(store, law, first, current.events, known_from,
                          _dt.date.fromisoformat(store.base_date(law.law_id)), causes)
            notify(f"{law.law_id}: history from {first} rebuilt as known from {known_from}")
    return current.events, first is not None


def first_difference(before: list[Event], after: list[Event]) -> Optional[_dt.date]:
    """The earliest date of effect whose events differ between two plans."""
    differing = set(before) ^ set(after)
    return min((e.valid_from for e in differing), default=None)


def _rebuild_from(store: Store, law: LawInput, first: _dt.date, events: list[Event],
                  known_from: str, base_date: _dt.date, causes: list[dict] = ()) -> None:
    if first <= base_date:
        event = next(e for e in events if e.valid_from == first) if any(
            e.valid_from == first for e in events) else None
        what = event.label if event else "a change"
        raise TimeError(f"{law.law_id}: {what} takes effect on {first}, not after the base text "
                        f"({base_date}); the store cannot tell whether the base already has it",
                        source=law.where)
    rows = store.current_versions(law.law_id)
    start = [r for r in rows if r.valid_from < first.isoformat()][-1]
    superseded = [r.id for r in rows if r.valid_from >= start.valid_from]
    tree = parse_law(store.xml(start.id), source=f"store version {start.id}")
    starts = [(start.valid_from, tree, list(start.sources))]
    later = [e for e in events if e.valid_from >= first]
    digests = store.article_digests(start.id)
    for date, group in groupby(later, key=lambda e: e.valid_from):
        group = list(group)
        tree = _apply_events(tree, group, law, known_from)
        after = article_digests(tree)
        starts.append((date.isoformat(), tree, event_sources(tree, group, digests, after)))
        digests = after
    known_by = known_by_sources(causes, known_from, [s for r in rows for s in r.sources]
                                + [s for _, _, listed in starts for s in listed])
    store.close_versions(superseded, known_from)
    for n, (valid_from, version_tree, sources) in enumerate(starts):
        until = starts[n + 1][0] if n + 1 < len(starts) else None
        _insert(store, law.law_id, valid_from, until, known_from, version_tree,
                sources + known_by)


def _apply_events(tree, events: list[Event], law: LawInput, known_from: str):
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
                                      date=group[0].valid_from)
        except ApplyError as exc:
            exc.message = (f"{exc.message} (consolidating {law.law_id} on "
                           f"{group[0].valid_from}, as known from {known_from})")
            raise
        for event in group:
            if event.article.kind == "repeal":
                if not amending:  # the tree of the version before: leave it as it is
                    tree, amending = copy.deepcopy(tree), [event.article]
                mark_withdrawn(tree, event.valid_from, event.label)
    return tree


def _insert(store: Store, law_id: str, valid_from, valid_until, known_from: str, tree,
            sources: list[dict]) -> None:
    valid_from = valid_from if isinstance(valid_from, str) else valid_from.isoformat()
    set_toestand_date(tree, _dt.date.fromisoformat(valid_from))
    store.insert_version(law_id, valid_from, valid_until, known_from, serialize(tree), sources,
                         article_digests(tree))


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
