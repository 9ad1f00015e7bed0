"""Which parts of which acts change a law, from when, as known on a date.

``plan(law_names, acts, facts, known_at)`` answers for one law and one
knowledge date with a ``Plan``: the ``Event``s that change the law (a piece of an
amending ARTIKEL with the date it takes effect), in the order they apply, and
notes on everything that does not apply and why (samenloop branches, parts whose
date is left to a decree or a later law, parts of a withdrawn act).

Rules (each has a test in tests/test_timeline.py or tests/test_acts_time.py):

* **Knowledge.** An act is known from its publication (``Act.published``); an
  act without one (a bill) only when no knowledge date is asked. A retroactive
  part therefore changes the past only as known from its publication on.
* **Granularity.** Entry into force is decided per punt where an onderdeel has
  punten, else per onderdeel, else per ARTIKEL (``iwtrules.Part``).
* **Order.** Events apply by date of effect; on one date by the acts'
  publication dates, then in the order of the act.
* **Dates** come from ``acttiming``: the act's entry-into-force rules, decrees,
  amended entry-into-force articles, the Bekendmakingswet when there is no article.
* **Acts that amend acts** (``actversions``): a part takes effect as its act reads
  on that date, changes by other acts, samenloop branches and novelles included.
  A change to a part that has already taken effect is refused: a spent
  instruction cannot be amended.
* **Samenloop** (``branches``): every conditional ARTIKEL is decided against
  this act's own entry into force and the other act's dates (a known act, else
  the facts file); an undecided branch is an error, never a guess.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import Optional

from consolidator.errors import TimeError
from consolidator.model import Act, Article, Onderdeel
from consolidator.read import iwtrules
from consolidator.read.select import articles_for, names_law
from consolidator.time.acts import act_key, act_label, known_acts, refers_to
from consolidator.time.acttiming import ActTiming, RuleCache
from consolidator.time.actversions import ActVersion, versions_of
from consolidator.time.branches import branch_notes, branches_of
from consolidator.time.facts import ActFact

__all__ = ["Event", "Plan", "RuleCache", "act_events", "act_key", "act_label", "known_acts",
           "plan", "refers_to"]


@dataclass(frozen=True)
class Event:
    """A piece of an amending ARTIKEL that changes the law on ``valid_from``."""

    valid_from: _dt.date
    act: Act = field(compare=False)
    article: Article = field(compare=False)  # only the onderdelen/punten of this piece
    parts: tuple[iwtrules.Part, ...]
    act_key: str
    reason: str = field(compare=False)
    rank: int = field(default=0, compare=False)  # the act's place in publication order
    #: the changes by other acts that made this piece read as it does (they make the
    #: piece another one: a plan that knows of them differs from one that does not)
    amended: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{act_label(self.act)}, ARTIKEL {self.article.number}{_parts_label(self.parts)}"


@dataclass
class Plan:
    events: list[Event]
    notes: list[str]


def plan(names: set[str], acts: list[Act], facts: list[ActFact],
         known_at: Optional[_dt.date] = None, cache: Optional[RuleCache] = None) -> Plan:
    """The events that change the law known by ``names``, as known on ``known_at``."""
    cache = cache or RuleCache(facts)
    cache.facts, cache.given = list(facts), list(acts)
    known = known_acts(acts, known_at)
    ranked = sorted(enumerate(known), key=lambda pair: (pair[1].published or _dt.date.max,
                                                        pair[0]))
    events, notes = [], []
    for rank, (_, act) in enumerate(ranked):
        found = act_events(act, names, known, facts, known_at, cache, rank)
        events.extend(found.events)
        notes.extend(found.notes)
    events.sort(key=lambda e: (e.valid_from, e.rank))  # stable: the act's own order stays
    return Plan(events, list(dict.fromkeys(notes)))


def act_events(act: Act, names: set[str], known: list[Act], facts: list[ActFact],
               known_at: Optional[_dt.date], cache: RuleCache, rank: int) -> Plan:
    """What one act does to the law known by ``names`` as known on ``known_at``: its events
    (in the act's own order) and notes. ``known``: the acts known then that may bear on
    this act's dates and text (all of them, or those ``settle`` groups with it)."""
    events, notes = [], []
    withdrawals = _withdrawals(act, names)
    if withdrawals:
        _withdrawal_events(ActTiming(act, known, cache), withdrawals, rank, events, notes)
    _law_branch_events(branches_of(act, known, facts, known_at, cache), names, rank, known,
                       events, notes)
    if not articles_for(act, names) and not _may_gain_articles(act, known):
        return Plan(events, notes)
    found = versions_of(act, known, facts, known_at, cache)
    if not any(articles_for(v.act, names) for v in found.versions):
        return Plan(events, notes)
    timing = ActTiming(act, known, cache)
    _ActEvents(timing, found.versions, names, rank).collect(events, notes)
    notes.extend(found.notes)
    notes.extend(branch_notes(branches_of(act, known, facts, known_at, cache), known))
    for other in found.deciders:  # a novelle, a branch of another act about this one
        notes.extend(branch_notes([b for b in branches_of(other, known, facts, known_at,
                                                          cache) if b.targets(act)], known))
    return Plan(events, notes)


def _withdrawals(act: Act, names: set[str]) -> list[Article]:
    """The ARTIKELEN of ``act`` that withdraw the law known by ``names`` («De Wet … wordt
    ingetrokken.»), each narrowed to that withdrawal."""
    found = []
    for article in act.articles:
        for repeal in article.repeals if article.kind == "repeal" else ():
            if any(ref.kind == "law" and names_law(ref.name, names) for ref in repeal.laws):
                found.append(replace(article, repeals=(repeal,), onderdelen=()))
    return found


def _withdrawal_events(timing: ActTiming, withdrawals, rank: int, events, notes) -> None:
    for article in withdrawals:
        part = iwtrules.Part(article.number)
        dated = article.repeals[0].date  # «wordt met ingang van 1 januari 2026 ingetrokken»
        entry = iwtrules.Entry(dated, dated, "", f"ARTIKEL {article.number}: met ingang van "
                                                 f"{dated}") if dated else timing.entry(part)
        where = f"{timing.label}, ARTIKEL {article.number}"
        if entry.valid_from is None:
            notes.append(f"{where}: withdraws the law, but waits for {entry.pending} "
                         f"({entry.reason})")
            continue
        events.append(Event(entry.valid_from, timing.act, article, (part,),
                            act_key(timing.act), f"{entry.reason}; the law is withdrawn",
                            rank))


def _law_branch_events(branches, names: set[str], rank: int, known, events, notes) -> None:
    """Samenloop branches that change this law itself («…, wordt in artikel 5 van de Wet X
    «…» vervangen door: …»): from the date the branch holds, if it applies."""
    mine = [b for b in branches if b.article.law is not None and b.article.law.kind == "law"
            and names_law(b.article.law.name, names)]
    if not mine:
        return
    notes.extend(branch_notes(mine, known))
    for branch in mine:
        if not branch.decision.applies:
            continue
        for piece, parts in _pieces(branch.article):
            events.append(Event(branch.decision.when, branch.act, piece, parts,
                                act_key(branch.act), f"{branch.where} (samenloop): "
                                f"{branch.decision.reason}", rank))


def _may_gain_articles(act: Act, known: list[Act]) -> bool:
    """Whether some change could give ``act`` an ARTIKEL for a law it has none for: a
    samenloop branch of its own, or another act that changes it."""
    if any(a.kind == "samenloop" for a in act.articles):
        return True
    return any(branch.law is not None and refers_to(branch.law, act)
               for other in known if other is not act for article in other.articles
               if article.kind in ("amend", "samenloop")
               for branch in (article,) + article.branches)


class _ActEvents:
    """The events of one act on one law, version by version."""

    def __init__(self, timing: ActTiming, versions: list[ActVersion], names: set[str],
                 rank: int):
        self.timing = timing
        self.versions = versions
        self.names = names
        self.rank = rank
        self.taken: dict[tuple, tuple[Article, _dt.date]] = {}
        self.original = {parts: piece for article in articles_for(versions[0].act, names)
                         for piece, parts in _pieces(article)}

    def collect(self, events: list, notes: list) -> None:
        for n, version in enumerate(self.versions):
            if version.withdrawn:
                notes.extend(self._withdrawn(version))
                return
            end = self.versions[n + 1].start if n + 1 < len(self.versions) else _dt.date.max
            last = n + 1 == len(self.versions)
            seen = set()
            for article in articles_for(version.act, self.names):
                for piece, parts in _pieces(article):
                    seen.add(parts)
                    self._piece(version, piece, parts, end, last, events, notes)
            self._check_removed(version, seen)

    def _piece(self, version, piece, parts, end, last, events, notes) -> None:
        where = f"{self.timing.label}, ARTIKEL {piece.number}{_parts_label(parts)}"
        if parts in self.taken:
            if self.taken[parts][0] != piece:
                self._spent(version, parts, where)
            return
        entry = _entry(self.timing, piece, parts)
        if entry.valid_from is None:
            if last:
                notes.append(f"{where}: not applied, waits for {entry.pending} ({entry.reason})")
            return
        if entry.in_force >= end:
            return  # it takes effect as a later version reads
        if entry.in_force < version.start:
            self._spent(version, parts, where, new=True)
        amended = tuple(version.changed_by(piece.number, parts[0].onderdeel)) \
            if piece != self.original.get(parts) else ()
        reason = entry.reason + (f"; as amended by {', '.join(amended)}" if amended else "")
        events.append(Event(entry.valid_from, version.act, piece, parts,
                            act_key(version.act), reason, self.rank, amended))
        self.taken[parts] = (piece, entry.in_force)

    def _withdrawn(self, version: ActVersion) -> list[str]:
        """Aanwijzing 245: parts not yet in force never take effect; parts in force stay."""
        stays, never = [], []
        for article in articles_for(version.act, self.names):
            for piece, parts in _pieces(article):
                label = f"ARTIKEL {piece.number}{_parts_label(parts)}"
                (stays if parts in self.taken else never).append(label)
        head = f"{self.timing.label}: withdrawn from {version.start} by {version.withdrawn}"
        notes = []
        if never:
            notes.append(f"{head}: {'; '.join(never)} never take(s) effect (Aanwijzing 245)")
        if stays:
            notes.append(f"{head}: {'; '.join(stays)} took effect before and stay(s) in force: "
                         "withdrawing an amending act does not undo its changes (Aanwijzing 245)")
        return notes

    def _check_removed(self, version: ActVersion, seen: set) -> None:
        for parts in self.taken:
            if parts not in seen:
                self._spent(version, parts, f"{self.timing.label}, ARTIKEL {parts[0].artikel}"
                                            f"{_parts_label(parts)}")

    def _spent(self, version: ActVersion, parts, where: str, new: bool = False) -> None:
        part = parts[0]
        by = version.changed_by(part.artikel, part.onderdeel) or ["a later act"]
        if new:
            took = self.timing.entry(iwtrules.Part(part.artikel)).in_force
            what = f"{where} is added on {version.start}, but ARTIKEL {part.artikel} took effect"
            when = took
        else:
            when = self.taken[parts][1]
            what = f"{where} took effect"
        raise TimeError(f"{by[-1]}: a spent instruction cannot be amended: {what} on {when}, "
                        f"before this change takes effect ({version.start})",
                        source=self.timing.act.source)


def _entry(timing: ActTiming, piece: Article, parts) -> iwtrules.Entry:
    dated = _intro_date(timing, piece)
    if dated is not None:
        return dated
    entries = {timing.entry(part) for part in parts}
    if len(entries) != 1:  # pieces are split until each has one date
        raise TimeError(f"{timing.label}, ARTIKEL {piece.number}: parts of one onderdeel "
                        "take effect on different dates", source=timing.act.source)
    return entries.pop()


def _intro_date(timing: ActTiming, piece: Article) -> Optional[iwtrules.Entry]:
    """A dated intro («De Wet X wordt met ingang van 1 januari 2020 als volgt gewijzigd:»)
    is the most precise rule for the parts it opens: the sentence's own date, else its
    onderdeel's, else its ARTIKEL's."""
    dates = {sentence.date or onderdeel.date or piece.date
             for onderdeel in piece.onderdelen for sentence in onderdeel.all_sentences}
    dates = dates or {piece.date}
    if dates == {None}:
        return None
    if len(dates) != 1:
        raise TimeError(f"{timing.label}, ARTIKEL {piece.number}: parts of one onderdeel take "
                        "effect on different dates (their intros give different dates)",
                        source=timing.act.source)
    date = dates.pop()
    return iwtrules.Entry(date, date, "", f"ARTIKEL {piece.number}: its intro gives the date "
                                          f"(met ingang van {date})")


def _pieces(article: Article):
    """The article split into runs of onderdelen/punten, each with its ``Part``s.

    An onderdeel with punten is split per punt (a rule may name «N punt 2»)."""
    for onderdeel in article.onderdelen:
        if not onderdeel.items:
            yield _only(article, onderdeel), (iwtrules.Part(article.number, onderdeel.label),)
            continue
        if onderdeel.sentences:
            yield (_only(article, replace(onderdeel, items=())),
                   (iwtrules.Part(article.number, onderdeel.label),))
        for item in onderdeel.items:
            yield (_only(article, replace(onderdeel, sentences=(), items=(item,))),
                   (iwtrules.Part(article.number, onderdeel.label, item.label),))


def _only(article: Article, onderdeel: Onderdeel) -> Article:
    return replace(article, onderdelen=(onderdeel,))


def _parts_label(parts) -> str:
    part = parts[0]
    text = f", onderdeel {part.onderdeel}" if part.onderdeel else ""
    return text + (f", punt {part.punt}" if part.punt else "")
