"""The timing of every act settled once, across acts: which acts can bear on each other's
dates and text, on which knowledge dates that can change, and which laws each act names.

The timeline asks, for one law and one knowledge date, every act known then (``plan``). But
an act's dates and text depend only on the acts it is tied to: decrees that set its dates,
acts that amend it (its entry-into-force article or its instructions), acts its dates are
tied to, acts its samenloop conditions name or whose branches change it, acts that withdraw
it. ``Settled`` links every two acts one of which refers to the other (every reference in
the parsed act and in its entry-into-force rules; for ARTIKELEN that change acts, also what
their quoted text cites: Staatsblad numbers, Kamerstukken and titles), and groups the acts
into the connected parts of that graph (``Group``). An act's events for a law, as known on a
date, are then those ``plan`` gives over the acts of its group known then (the group holds
every act any of its acts refers to), and they change only on a group's *dates*:

* the publication dates of its acts (an act becomes known);
* while one of its samenloop conditions rests on an act not yet published (from the facts
  file, or an act given but published later), every knowledge date: the decision then says
  «as known on DATE, … was not yet published», and says so on each date (and the first date
  after it);
* the date «when every act is known» (unpublished acts), where no date is asked.

Over-linking costs time, never correctness: ``tests/test_settle.py`` holds the events and
notes of every law on every date equal to ``plan`` over all acts.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import Optional

from consolidator.model import Act, Article, LawRef
from consolidator.read.iwtmoments import ActRef
from consolidator.read.select import _key as law_key
from consolidator.time.acts import _norm, citation_titles, refers_to
from consolidator.time.acttiming import RuleCache
from consolidator.time.actversions import versions_of
from consolidator.time.facts import ActFact, fact_for
from consolidator.time.timeline import Plan, _may_gain_articles, act_events

_STB = re.compile(r"(\d{4})\s*,\s*(?:nr\.?\s*)?(\d+)")
_KAMERSTUK = re.compile(r"\b(\d{2})\s?(\d{3})\b")
_NO_PLAN = Plan([], [])


def knowledge_dates(acts) -> list[Optional[_dt.date]]:
    """Publication dates, ascending; None last when an act is unpublished (a bill)."""
    dates = sorted({a.published for a in acts if a.published is not None})
    return dates + ([None] if any(a.published is None for a in acts) else [])


class Group:
    """Acts that may bear on each other's dates or text, with one cache of what the
    timeline derives from them."""

    def __init__(self, members: list[Act], facts: list[ActFact], rules: RuleCache):
        self.members = members  # in the order given
        self.cache = RuleCache(facts, members, rules)
        self.dates: list[Optional[_dt.date]] = []
        self._known: dict[Optional[_dt.date], list[Act]] = {}
        #: whether a samenloop condition or a date tied to another act may ask the facts file
        self.consults_facts = False
        #: (act, the act its samenloop condition names) for each branch of the group
        self.conditions = [(act, branch.condition.act) for act in members
                           for article in act.articles if article.kind == "samenloop"
                           for branch in article.samenloop_branches]

    def known(self, known_at: Optional[_dt.date]) -> list[Act]:
        found = self._known.get(known_at)
        if found is None:
            found = self._known[known_at] = [
                a for a in self.members if known_at is None
                or (a.published is not None and a.published <= known_at)]
        return found


class Settled:
    """Every act's group, the dates on which each group's answers may change, and for each
    law name the acts that may name it (on some date, in some version of the act)."""

    def __init__(self, acts: list[Act], facts: list[ActFact],
                 dates: Optional[list[Optional[_dt.date]]] = None):
        self.acts = list(acts)
        self.facts = list(facts)
        #: every knowledge date of the whole corpus (a worker given part of it passes them)
        self.dates = list(dates) if dates is not None else knowledge_dates(self.acts)
        self._is_date = set(self.dates)
        order = sorted(range(len(self.acts)),
                       key=lambda n: (self.acts[n].published or _dt.date.max, n))
        self.rank = {id(self.acts[n]): rank for rank, n in enumerate(order)}
        self._place = {id(act): n for n, act in enumerate(self.acts)}
        self.group: dict[int, Group] = {}
        self.rules = rules = RuleCache()  # each act's entry-into-force rules, read once
        self._published: dict[Optional[_dt.date], list[Act]] = {}
        for act in self.acts:
            self._published.setdefault(act.published, []).append(act)
        pairs, tied = _links(self.acts, rules)
        for members in _components(self.acts, pairs):
            group = Group(members, self.facts, rules)
            group.consults_facts = bool(group.conditions) or any(id(a) in tied for a in members)
            group.dates = self._group_dates(group)
            for act in members:
                self.group[id(act)] = group
        self._naming: dict[str, list[Act]] = {}
        for act in self.acts:
            for key in self._names_of(act):
                self._naming.setdefault(key, []).append(act)

    # -- what a law needs

    def naming(self, names) -> list[Act]:
        """The acts that may name a law known by ``names``, in the order given."""
        found = {id(a): a for key in names for a in self._naming.get(key, ())}
        return sorted(found.values(), key=lambda a: self._place[id(a)])

    def published_on(self, known_at: Optional[_dt.date]) -> list[Act]:
        """The acts published on ``known_at`` (None: those not published), in the order given."""
        return self._published.get(known_at, [])

    def relevant(self, names) -> list[Act]:
        """Every act a law's history may depend on: the acts that may name it and their
        groups, in the order given."""
        found = {id(m): m for a in self.naming(names) for m in self.group[id(a)].members}
        return sorted(found.values(), key=lambda a: self._place[id(a)])

    def events(self, act: Act, names, known_at: Optional[_dt.date]) -> Plan:
        """What ``act`` does to the law known by ``names`` as known on ``known_at``."""
        group = self.group[id(act)]
        known = group.known(known_at)
        if known_at is not None and (act.published is None or act.published > known_at):
            return _NO_PLAN
        return act_events(act, set(names), known, self.facts, known_at, group.cache,
                          self.rank[id(act)])

    # -- settling

    def _group_dates(self, group: Group) -> list[Optional[_dt.date]]:
        """The knowledge dates on which what the group's acts do may change."""
        own = {a.published for a in group.members if a.published is not None}
        if not group.conditions:  # only its own acts' publication can change it
            return sorted(own) + ([None] if None in self._is_date else [])
        dates, before = [], False
        for date in self.dates:
            if date is None:
                dates.append(None)
                continue
            waiting = self._waits_on_unpublished(group, date)
            if date in own or waiting or before:
                dates.append(date)
            before = waiting
        return dates

    def _waits_on_unpublished(self, group: Group, date: _dt.date) -> bool:
        """Whether a samenloop condition of the group rests, on ``date``, on an act not
        yet published (its decision then names the date it is known on)."""
        if not group.conditions:
            return False
        known = group.known(date)
        for act, ref in group.conditions:
            if any(refers_to(ref, other) for other in known if other is not act):
                continue
            fact = fact_for(self.facts, ref)
            if fact is None or fact.published is None or fact.published > date:
                return True
        return False

    def _names_of(self, act: Act) -> set[str]:
        """The law names ``act`` may use: in its ARTIKELEN, its withdrawals, its samenloop
        branches, and in every version other acts make of it on its group's dates."""
        found = set(_law_names(act))
        group = self.group[id(act)]
        for date in group.dates:
            known = group.known(date)
            if act not in known or not _may_gain_articles(act, known):
                continue
            for version in versions_of(act, known, self.facts, date, group.cache).versions:
                found |= _law_names(version.act)
        return found


def _law_names(act: Act) -> set[str]:
    found = set()
    for article in act.articles:
        for branch in (article,) + article.branches:
            if branch.law is not None:
                found.add(law_key(branch.law.name))
        for repeal in article.repeals:
            found |= {law_key(ref.name) for ref in repeal.laws}
    return found


# --------------------------------------------------------------------------- links


def _links(acts: list[Act], cache: RuleCache) -> tuple[list[tuple[int, int]], set[int]]:
    """Pairs of positions in ``acts`` of which one refers to the other; and the acts whose
    entry-into-force rules refer to another act (a date tied to it)."""
    index = _NameIndex(acts)
    pairs, tied = [], set()
    for n, act in enumerate(acts):
        in_rules = [r for rules in cache.rules(act) for r in _refs_in(rules)]
        if any(isinstance(r, ActRef) for r in in_rules):
            tied.add(id(act))
        refs = _refs_in(act) + in_rules
        found = set()
        for ref in refs:
            found |= index.named_by(ref)
        for article in _act_edits(act):
            found |= index.cited_in(" ".join(_strings(article.onderdelen)))
        pairs += [(n, other) for other in found if other != n]
    return pairs, tied


def _components(acts: list[Act], pairs) -> list[list[Act]]:
    parent = list(range(len(acts)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, list[Act]] = {}
    for n, act in enumerate(acts):
        groups.setdefault(root(n), []).append(act)
    return list(groups.values())


class _NameIndex:
    """Acts by Staatsblad number, Kamerstuk digits and the names they go by (title and
    citeertitel, with and without «de»/«het»): every way ``refers_to``, ``names_act`` and a
    tied date's reference can name an act, and then some."""

    def __init__(self, acts: list[Act]):
        self.stb: dict[str, set[int]] = {}
        self.kamerstuk: dict[str, set[int]] = {}
        self.names: dict[str, set[int]] = {}
        for n, act in enumerate(acts):
            if act.stb:
                self.stb.setdefault(_stb_key(act.stb), set()).add(n)
            if act.kamerstuk:
                self.kamerstuk.setdefault(_digits(act.kamerstuk), set()).add(n)
            for name in {_norm(act.title)} | citation_titles(act):
                for key in _name_keys(name):
                    self.names.setdefault(key, set()).add(n)

    def named_by(self, ref) -> set[int]:
        found = set()
        if ref.stb:
            found |= self.stb.get(_stb_key(ref.stb), set())
        if ref.kamerstuk:
            found |= self.kamerstuk.get(_digits(ref.kamerstuk), set())
        for text in (ref.name, getattr(ref, "text", "")):
            for key in _name_keys(_norm(text or "")):
                found |= self.names.get(key, set())
        return found

    def cited_in(self, text: str) -> set[int]:
        """Acts that quoted text cites (changes to an act's text may add references)."""
        found = set()
        for year, number in _STB.findall(text):
            found |= self.stb.get(f"{year}, {number}", set())
        for first, rest in _KAMERSTUK.findall(text):
            found |= self.kamerstuk.get(first + rest, set())
        plain = _norm(text)
        for name, acts in self.names.items():
            if name and name in plain:
                found |= acts
        return found


def _name_keys(name: str) -> set[str]:
    return {name, re.sub(r"^(de|het)\s+", "", name)} - {""}


def _stb_key(stb: str) -> str:
    found = _STB.search(stb)
    return f"{found.group(1)}, {found.group(2)}" if found else stb.strip()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _act_edits(act: Act) -> list[Article]:
    """ARTIKELEN (and samenloop branches) of ``act`` that change an act, not a law."""
    return [branch for article in act.articles for branch in (article,) + article.branches
            if branch.law is not None and branch.law.kind != "law"]


def _refs_in(value) -> list:
    """Every ``LawRef`` and ``ActRef`` anywhere in a parsed act or its rules."""
    return [item for item in _walk(value) if isinstance(item, (LawRef, ActRef))]


def _strings(value) -> list[str]:
    return [item for item in _walk(value) if isinstance(item, str)]


def _walk(value):
    """``value`` and everything in it: the fields of dataclasses, the items of tuples and
    lists, depth first."""
    stack = [value]
    while stack:
        item = stack.pop()
        yield item
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in _fields(type(item)))
        elif isinstance(item, (tuple, list)):
            stack.extend(item)


_FIELDS: dict[type, tuple] = {}


def _fields(cls: type) -> tuple:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = dataclasses.fields(cls)
    return found
