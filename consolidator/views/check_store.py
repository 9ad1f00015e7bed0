"""The text an act meets, from the version store: each law the act changes as in force on
the act's own date, as known just before the act was published (``check`` and ``preview``).

* **The date**: the one asked for, else the act's own: the earliest date on which its
  entry-into-force article puts into force a part that changes a law in the store
  (``timeline.plan`` as known on the act's publication: samenloop decided, the dates of
  other acts as known then, ``facts`` for acts the store does not hold). An act of which
  no part can be dated (a bill whose date is left to a koninklijk besluit) is taken on
  today's date, and a note says so.
* **The knowledge**: the day before the act's publication, so an act that is already in
  the store meets the text it found, not the text it made; a bill (not published): every
  act in the store.
* **The text**: the store's version of each law valid on that date as known then. The
  store is opened read-only and left as it was.
* **The parts**: those in force on the date apply, in the order of their dates; those
  that take effect later are noted and not checked; those whose date cannot be told are
  taken as in force on the date, and noted.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from consolidator.errors import ActSyntaxError, ConsolidatorError, TimeError
from consolidator.law.lawfile import parse_law
from consolidator.model import Act, Place, Sentence
from consolidator.read import iwtrules
from consolidator.read.act import parse_act
from consolidator.read.select import articles_for, conditional_articles_for, law_names, \
    repeals_for
from consolidator.store import actstore
from consolidator.store.db import LATEST, Store, Version
from consolidator.store.versions import LawInput
from consolidator.time.acttiming import ActTiming
from consolidator.time.timeline import Event, RuleCache, act_key, act_label, known_acts, plan
from consolidator.views.check_report import ERROR, WARNING, Problem, problem
from consolidator.views.check_run import LawRun, sentences


@dataclass
class LawMeeting:
    """One law as the act meets it: its text, the store version that text is, and the
    act's changes to it that apply on the date."""

    law: LawInput
    version: Version
    events: list[Event]        # this act's parts in force on the date, in order
    pending: list[Sentence]    # this act's sentences with no date, taken to apply on it


@dataclass
class Meeting:
    """What the act meets in the store on ``date`` as known on ``known``."""

    act: Act
    date: _dt.date
    known: Optional[_dt.date]  # the knowledge date; None: every act in the store
    store: Path
    laws: list[LawMeeting] = field(default_factory=list)
    catalogue: list[LawInput] = field(default_factory=list)  # every law, names only
    titles: dict[str, str] = field(default_factory=dict)  # law id → citeertitel
    others: list[Act] = field(default_factory=list)  # the acts known before this one
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def known_words(self) -> str:
        """«as known on 1996-12-22» or «as known now»."""
        return f"as known on {self.known}" if self.known else "as known now (every act " \
                                                               "in the store)"


@dataclass
class _Found:
    """A law the act changes, before the date is decided."""

    law: LawInput
    events: list[Event]
    pending: list[Sentence]


def meet(store_path: Path, act: Act, date: Optional[_dt.date] = None,
         facts: Iterable = (), today: Optional[_dt.date] = None) -> Meeting:
    """The laws of the store at ``store_path`` that ``act`` changes, as the act meets them
    on ``date`` (default: its own date, or ``today`` when it has none)."""
    facts = list(facts)
    store = Store(store_path, read_only=True)
    try:
        known = act.published - _dt.timedelta(days=1) if act.published else None
        titles = dict(store.laws())
        catalogue = [LawInput(law_id, None, store.law_source(law_id),
                              frozenset(law_names(title, law_id)))
                     for law_id, title in titles.items()]
        meeting = Meeting(act, date or _dt.date.min, known, Path(store_path),
                          catalogue=catalogue, titles=titles, others=_acts_before(store, act))
        timing = _timing(meeting, facts)
        found = _changed_laws(meeting, facts)
        meeting.date = date or _own_date(meeting, found, timing, today or _dt.date.today())
        for item in found:
            _meet_law(store, meeting, item, timing)
        return meeting
    finally:
        store.close()


def _timing(meeting: Meeting, facts: list) -> Optional[ActTiming]:
    """The dates of the act's parts as known on its publication (None when its
    entry-into-force article cannot be read: ``check_inforce`` says so)."""
    act = meeting.act
    try:
        return ActTiming(act, known_acts(meeting.others + [act], act.published),
                         RuleCache(facts))
    except ConsolidatorError:
        return None


def _acts_before(store: Store, act: Act) -> list[Act]:
    """The acts in the store known before ``act`` (all of them for a bill), as published;
    ``act`` itself left out."""
    if not actstore.has_acts(store):
        return []
    found = []
    rows = store.query("SELECT id, published, source FROM act ORDER BY id")
    for act_id, published, source in rows:
        if act_id == act.id or (act.published and (published is None
                                                   or published >= act.published.isoformat())):
            continue
        versions = actstore.act_versions(store, act_id)
        first = next((v for v in versions if not v.changes), versions[0])
        other = parse_act(first.text, source=source)
        if act_key(other) != act_key(act):
            found.append(other)
    return found


def _changed_laws(meeting: Meeting, facts: list) -> list[_Found]:
    """Every law of the store the act changes, with the act's parts on it (by date) and
    the sentences whose date cannot be told."""
    act, found = meeting.act, []
    cache = RuleCache(facts)
    for law in meeting.catalogue:
        names = set(law.names)
        if not (articles_for(act, names) or conditional_articles_for(act, names)
                or repeals_for(act, names)):
            continue
        try:
            planned = _plan(names, meeting, facts, cache)
        except ActSyntaxError:  # an entry-into-force article not read: ``check_inforce``
            found.append(_Found(law, [], list(sentences(articles_for(act, names)))))
            continue
        except TimeError as exc:
            meeting.problems.append(Problem(ERROR, "entry-into-force", exc.message, exc.line,
                                            exc.column, law=law.law_id))
            continue
        own = [e for e in planned.events if act_key(e.act) == act_key(act)]
        pending = _undated(articles_for(act, names), own)
        # the parts that wait (for a decree, say) are checked on the date: noted there
        meeting.notes.extend(n for n in planned.notes if n.startswith(act_label(act))
                             and ": not applied, waits for " not in n and n not in meeting.notes)
        if own or pending:
            found.append(_Found(law, own, pending))
    return found


def _plan(names: set[str], meeting: Meeting, facts: list, cache: RuleCache):
    """The plan of the law with the acts known before this one; when another act's dates
    cannot be told (a samenloop of its own the facts do not decide), this act's alone:
    only its own parts are wanted."""
    act = meeting.act
    try:
        return plan(names, meeting.others + [act], facts, known_at=act.published, cache=cache)
    except TimeError:
        if not meeting.others:
            raise
    return plan(names, [act], facts, known_at=act.published, cache=RuleCache(facts))


def _undated(articles, events: list[Event]) -> list[Sentence]:
    """The sentences of ``articles`` no event applies: their date cannot be told."""
    dated = [part for event in events for part in event.parts]
    return [s for s in sentences(articles)
            if s.instructions and not any(_covers(p, s.instructions[0].place) for p in dated)]


def _covers(part: iwtrules.Part, place: Place) -> bool:
    return (part.artikel == place.article and part.onderdeel in ("", place.onderdeel)
            and part.punt in ("", place.punt))


def _own_date(meeting: Meeting, found: list[_Found], timing: Optional[ActTiming],
              today: _dt.date) -> _dt.date:
    """The earliest date on which a part of the act that changes a law takes effect
    (its entry into force, not the date a retroactive part reaches back to); ``today``
    when no part has a date."""
    events = [e for item in found for e in item.events]
    if not events:
        if found:
            meeting.notes.append(f"{act_label(meeting.act)}: no date of entry into force can "
                                 "be told: checked against the law in force today, "
                                 f"{today}")
        return today
    return min(_in_force(event, timing) for event in events)


def _in_force(event: Event, timing: Optional[ActTiming]) -> _dt.date:
    try:
        entry = timing.entry(event.parts[0]) if timing else None
    except ConsolidatorError:
        entry = None
    return max(entry.in_force or event.valid_from, event.valid_from) if entry else \
        event.valid_from


def _pending_notes(law_id: str, pending: list[Sentence], timing: Optional[ActTiming],
                   date: _dt.date) -> list[str]:
    """«ARTIKEL I, onderdeel A waits for a koninklijk besluit: checked as in force on D»,
    once per part."""
    notes = []
    for place in dict.fromkeys(s.instructions[0].place for s in pending):
        part = iwtrules.Part(place.article, place.onderdeel, place.punt)
        try:
            waits = timing.entry(part).pending if timing else ""
        except ConsolidatorError:
            waits = ""
        where = Place(place.article, place.onderdeel, place.punt)
        reason = f"waits for {waits}" if waits else "has no date"
        note = f"{law_id}: {where} {reason}: checked as in force on {date}"
        if note not in notes:
            notes.append(note)
    return notes


def _meet_law(store: Store, meeting: Meeting, item: _Found,
              timing: Optional[ActTiming]) -> None:
    """The law's text on the date as known before the act, and the act's parts that apply
    then; later parts noted."""
    law_id, date = item.law.law_id, meeting.date
    events = [event for event in item.events if event.valid_from <= date]
    for event in item.events:
        if event.valid_from > date:
            meeting.notes.append(f"{law_id}: {event.label} is not in force on {date} (from "
                                 f"{event.valid_from}): left out (--date {event.valid_from} "
                                 "takes it in)")
    if not events and not item.pending:
        return
    known = meeting.known.isoformat() if meeting.known else LATEST
    version = store.version_at(law_id, date.isoformat(), known)
    if version is None:
        meeting.problems.append(problem(
            WARNING, "before-base", f"the store has no text of {law_id} valid on {date} as "
            f"known on {known} (its first version is valid from {store.base_date(law_id)}): "
            "not checked", law=law_id))
        return
    tree = parse_law(store.xml(version.id), source=f"{store.path} version {version.id}")
    law = LawInput(law_id, tree, f"{store.path} version {version.id}", item.law.names)
    meeting.notes.extend(_pending_notes(law_id, item.pending, timing, date))
    meeting.laws.append(LawMeeting(law, version, events, item.pending))


def run_law(meeting: Meeting, law: LawMeeting) -> LawRun:
    """The act's parts that apply on the date, applied to the law's text as ``check``
    does (a failing sentence reported and skipped): the run, with its problems and the
    changed text."""
    run = LawRun(meeting.act, law.law)
    label = act_label(meeting.act)
    for event in law.events:
        for sentence in sentences([event.article]):
            run.sentence(sentence, label, event.valid_from, own=True)
    for sentence in law.pending:
        run.sentence(sentence, label, meeting.date, own=True)
    return run
