"""Which parts of which acts change a law, from when, as known on a date.

``plan(law_names, acts, facts, known_at)`` answers for one law and one
knowledge date with a ``Plan``: the ``Event``s that change the law (a piece of an
amending ARTIKEL with the date it takes effect), in the order they apply, and
notes on everything that does not apply and why (samenloop branches, parts whose
date is left to a decree or a later law).

Rules (each has a test in tests/test_timeline.py):

* **Knowledge.** An act is known from its publication (``Act.published``); an
  act without one (a bill) only when no knowledge date is asked. A retroactive
  part therefore changes the past only as known from its publication on.
* **Granularity.** Entry into force is decided per punt where an onderdeel has
  punten, else per onderdeel, else per ARTIKEL (``iwtrules.Part``).
* **Order.** Events apply by date of effect; on one date by the acts'
  publication dates, then in the order of the act.
* **Amended entry-into-force articles.** A later act may change the text of an
  act's entry-into-force article (Wet van 2 april 1998, ARTIKEL XXI, on Stb.
  1996, 649 ARTIKEL XII). A part takes effect under the text in force when it
  would take effect: amendments are taken in order of their own date, and one
  that comes after the part took effect no longer matters.
* **Decrees.** An act whose entry-into-force article names another act
  (an inwerkingtredingsbesluit) sets dates for that act's pending parts.
* **Samenloop.** A conditional ARTIKEL is decided against this act's own
  entry into force and the other act's dates (an input act, else the facts
  file); undecided or unsupported branches are errors, never guesses.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from consolidator.read import iwt, iwtrules
from consolidator.apply.actedit import amend_article
from consolidator.errors import TimeError
from consolidator.time.facts import ActFact, find_fact
from consolidator.model import Act, Article, Onderdeel
from consolidator.time.samenloop import decide
from consolidator.read.select import articles_for


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

    @property
    def label(self) -> str:
        return f"{act_label(self.act)}, ARTIKEL {self.article.number}{_parts_label(self.parts)}"


@dataclass
class Plan:
    events: list[Event]
    notes: list[str]


def act_label(act: Act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def act_key(act: Act) -> str:
    """Identity of an act: its Staatsblad reference, else its title."""
    return f"stb {act.stb}" if act.stb else _norm(act.title)


def refers_to(ref, act: Act) -> bool:
    """Whether a ``LawRef`` of kind act names ``act`` (by Staatsblad reference, else title)."""
    if ref is None or ref.kind != "act":
        return False
    if ref.stb and act.stb:
        return ref.stb == act.stb
    return _norm(ref.name) == _norm(act.title)


def known_acts(acts: list[Act], known_at: Optional[_dt.date]) -> list[Act]:
    if known_at is None:
        return list(acts)
    return [a for a in acts if a.published is not None and a.published <= known_at]


class RuleCache:
    """Entry rules read once per act (by identity), for many plans over the same acts."""

    def __init__(self):
        self._rules: dict[int, tuple[Act, list]] = {}

    def rules(self, act: Act) -> list:
        found = self._rules.get(id(act))
        if found is None or found[0] is not act:
            found = (act, iwt.read_entry_rules(act))
            self._rules[id(act)] = found
        return found[1]

    def own(self, act: Act):
        return next((r for r in self.rules(act) if r.target is None), None) or \
            iwt.rules_from_article(Article(number="", kind="entry-into-force"), act.source)


def plan(names: set[str], acts: list[Act], facts: list[ActFact],
         known_at: Optional[_dt.date] = None, cache: Optional[RuleCache] = None) -> Plan:
    """The events that change the law known by ``names``, as known on ``known_at``."""
    cache = cache or RuleCache()
    known = known_acts(acts, known_at)
    ranked = sorted(enumerate(known), key=lambda pair: (pair[1].published or _dt.date.max,
                                                        pair[0]))
    events, notes = [], []
    for rank, (_, act) in enumerate(ranked):
        articles = articles_for(act, names)
        if not articles:
            continue
        timing = ActTiming(act, known, cache)
        for article in articles:
            _article_events(timing, article, rank, events, notes)
        _samenloop(timing, known, facts, known_at, notes, cache)
    events.sort(key=lambda e: (e.valid_from, e.rank))  # stable: the act's own order stays
    return Plan(events, notes)


def _article_events(timing: "ActTiming", article: Article, rank: int, events, notes) -> None:
    for piece, parts in _pieces(article):
        entries = {timing.entry(part) for part in parts}
        if len(entries) != 1:  # pieces are split until each has one date
            raise TimeError(f"{timing.label}, ARTIKEL {article.number}: parts of one onderdeel "
                            "take effect on different dates", source=timing.act.source)
        entry = entries.pop()
        if entry.valid_from is None:
            notes.append(f"{timing.label}, ARTIKEL {article.number}{_parts_label(parts)}: not "
                         f"applied, waits for {entry.pending} ({entry.reason})")
            continue
        events.append(Event(entry.valid_from, timing.act, piece, parts, act_key(timing.act),
                            entry.reason, rank))


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


# --------------------------------------------------------------------------- one act's dates


class ActTiming:
    """The dates of one act's parts, with later amendments and decrees that are known."""

    def __init__(self, act: Act, known: list[Act], cache: RuleCache):
        self.act = act
        self.label = act_label(act)
        self.cache = cache
        self.rules = cache.own(act)
        self.decrees = [rules for other in known if other is not act
                        for rules in cache.rules(other)
                        if rules.target is not None and refers_to(rules.target, act)]
        self.amendments = self._amendments(act, known)

    def _amendments(self, act: Act, known: list[Act]):
        """(date of effect, amending article, source) for each known change to an
        entry-into-force article of ``act``, by date."""
        numbers = {a.number for a in act.articles if a.kind == "entry-into-force"}
        found = []
        for other in known:
            if other is act:
                continue
            for article in other.articles:
                if article.kind == "amend" and refers_to(article.law, act):
                    targets = {_target_article(i) for i in article.instructions}
                    if targets & numbers:
                        found.append((self._amendment_date(other, article), article, other))
        return sorted(found, key=lambda f: f[0])

    def _amendment_date(self, other: Act, article: Article) -> _dt.date:
        entry = self.cache.own(other).entry(iwtrules.Part(article.number), other.published)
        if entry.valid_from is None:
            return _dt.date.max  # not in force (yet): it cannot have changed anything
        return entry.valid_from

    def entry(self, part: iwtrules.Part) -> iwtrules.Entry:
        """The entry of ``part``: under the entry-into-force text in force when it
        would take effect."""
        rules = self.rules
        for when, amending, other in self.amendments:
            entry = self._with_decrees(rules).entry(part, self.act.published)
            if entry.valid_from is not None and entry.valid_from < when:
                return entry
            rules = self._amended(rules, amending, other)
        return self._with_decrees(rules).entry(part, self.act.published)

    def _with_decrees(self, rules):
        for decree in self.decrees:
            rules = rules.with_decree(decree)
        return rules

    def _amended(self, rules, amending: Article, other: Act):
        targets = {_target_article(i) for i in amending.instructions}
        articles = [a for a in self.act.articles if a.kind == "entry-into-force"]
        rebuilt = []
        for article in articles:
            if article.number in targets:
                article = amend_article(article, amending, act_label(other))
            rebuilt.append(article)
        return _rules_of(self.act, rebuilt)


def _rules_of(act: Act, articles: list[Article]):
    """The entry rules of ``act`` read from (amended) entry-into-force articles."""
    changed = {a.number: a for a in articles}
    new_act = replace(act, articles=tuple(changed.get(a.number, a) for a in act.articles))
    return RuleCache().own(new_act)


def _target_article(instruction) -> str:
    for locator in instruction.targets:
        for step in locator.steps:
            if step.kind in ("artikel", "act-artikel"):
                return step.number
    return ""


# --------------------------------------------------------------------------- samenloop


def _samenloop(timing: ActTiming, known: list[Act], facts, known_at, notes,
               cache: RuleCache) -> None:
    for article in timing.act.articles:
        if article.kind != "samenloop" or article.condition is None:
            continue
        this_in_force = timing.entry(iwtrules.Part(article.number)).valid_from
        condition = article.condition
        other_act = next((a for a in known if refers_to(article.law, a)), None)
        fact = _fact_of(other_act, known, cache) if other_act else \
            find_fact(facts, condition.other)
        decision = decide(condition.kind, condition.other, this_in_force, fact, known_at)
        where = f"{timing.label}, ARTIKEL {article.number}"
        if decision.applies is None:
            raise TimeError(f"{where} (samenloop): cannot decide: {decision.reason}",
                            source=timing.act.source, line=article.span.line)
        if not decision.applies:
            notes.append(f"{where} (samenloop): not applied: {decision.reason}")
            continue
        notes.append(f"{where} (samenloop): applies: {decision.reason}; "
                     + _branch_effect(article, other_act, where, timing))


def _fact_of(other: Act, known, cache: RuleCache) -> ActFact:
    """Dates of an input act, in the form of a fact."""
    entry = ActTiming(other, known, cache).entry(iwtrules.Part(_first_article(other)))
    return ActFact(stb=other.stb, title=other.title, enacted=other.signed,
                   published=other.published, in_force=entry.valid_from)


def _first_article(act: Act) -> str:
    return act.articles[0].number if act.articles else ""


def _branch_effect(article: Article, other_act: Optional[Act], where: str, timing) -> str:
    if article.law is not None and article.law.kind == "this-act":
        raise TimeError(f"{where} (samenloop) applies, but amending this act's own onderdelen "
                        "is not supported: refusing rather than consolidating without it",
                        source=timing.act.source, line=article.span.line)
    if other_act is not None:
        raise TimeError(f"{where} (samenloop) applies and amends {act_label(other_act)}, which "
                        "is given as input; applying an act's changes to another act's "
                        "instructions is not supported", source=timing.act.source,
                        line=article.span.line)
    return (f"it amends {article.law.name if article.law else 'another act'}, which is not among "
            "the acts given, so nothing of it reaches this law")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()
