"""When each part of one act takes effect: its entry-into-force rules, the decrees that
set dates it leaves open, and later acts that change its entry-into-force article.

* **Amended entry-into-force articles.** A later act may change the text of an act's
  entry-into-force article (Wet van 2 april 1998, ARTIKEL XXI, on Stb. 1996, 649 ARTIKEL
  XII). A part takes effect under the text in force when it would take effect: amendments
  are taken in order of their own date, and one that comes after the part took effect no
  longer matters.
* **Decrees.** An act whose entry-into-force article names another act (an
  inwerkingtredingsbesluit) sets dates for that act's pending parts.
* **No entry-into-force article** (Aanwijzing 172): the Bekendmakingswet, artikel 7,
  applies: the first day of the second calendar month after publication. An ARTIKEL that
  reads like an entry-into-force article but is not read as one is an error when dates are
  needed, never a silent wait; so is an excerpt that may have left the article out.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re

from consolidator.apply.actedit import amend_article
from consolidator.errors import TimeError
from consolidator.model import Act, Article, LawRef
from consolidator.read import iwt, iwtrules
from consolidator.read.samenloop import read_parts
from consolidator.time.acts import act_label, names_act, refers_to
from consolidator.time.facts import fact_for

BEKENDMAKINGSWET = ("no entry-into-force article: Bekendmakingswet, artikel 7 (Aanwijzing "
                    "172): the first day of the second calendar month after publication")
# what an entry-into-force article says («treedt in werking», «werkt terug»)
_LOOKS_LIKE_IWT = re.compile(r"(treedt|treden)\b.*\bin\s+werking|in\s+werking\s+(met\s+ingang|op)"
                             r"|werkt\s+terug|terugwerkt", re.I)


class RuleCache:
    """Entry rules read once per act (by identity), for many plans over the same acts; and
    what the timeline derives from them (versions of acts, samenloop decisions). ``facts``:
    what the facts file says about acts not given; ``given``: the acts given (``plan`` sets
    both); ``rules``: another cache whose rules this one shares (read once for many)."""

    def __init__(self, facts=(), given=(), rules: "RuleCache | None" = None):
        self._rules: dict[int, tuple[Act, list]] = rules._rules if rules else {}
        self.derived: dict[tuple, object] = {}
        self.facts = list(facts)
        #: every act given, also those not yet published on the knowledge date asked
        self.given = list(given)

    def rules(self, act: Act) -> list:
        found = self._rules.get(id(act))
        if found is None or found[0] is not act:
            found = (act, iwt.read_entry_rules(act, act.text or None))
            self._rules[id(act)] = found
        return found[1]

    def own(self, act: Act):
        found = next((r for r in self.rules(act) if r.target is None), None)
        if found is not None and (found.rules or found.retro):
            return found
        if any(a.kind == "entry-into-force" for a in act.articles):
            return found or iwt.rules_from_article(Article(number="", kind="entry-into-force"),
                                                   act.source)
        return _without_article(act, found)


def _without_article(act: Act, found):
    """The rules of an act without an entry-into-force ARTIKEL: the Bekendmakingswet."""
    unread = next((a for a in act.articles if a.kind not in ("entry-into-force", "samenloop")
                   and _LOOKS_LIKE_IWT.search(" ".join(a.text))), None)
    if unread is not None:
        raise TimeError(f"{act_label(act)}, ARTIKEL {unread.number} reads like an "
                        "entry-into-force article but is not read as one, so the dates of the "
                        "act cannot be told", source=act.source, line=unread.span.line)
    if act.elided:
        raise TimeError(f"{act_label(act)}: no entry-into-force article, and the excerpt leaves "
                        "ARTIKELEN out: the article may be among them, so the dates of the act "
                        "cannot be told", source=act.source)
    rule = iwtrules.Rule(iwtrules.WHOLE, iwtrules.AfterPublication(calendar_month=2),
                         reason=BEKENDMAKINGSWET)
    base = found or iwtrules.EntryRules(published=act.published, stb=act.stb,
                                        label=act_label(act))
    return dataclasses.replace(base, rules=(rule,))


class ActTiming:
    """The dates of one act's parts, with later amendments and decrees that are known."""

    def __init__(self, act: Act, known: list[Act], cache: RuleCache,
                 resolving: frozenset = frozenset()):
        self.act = act
        self.label = act_label(act)
        self.cache = cache
        self.known = known
        self.resolving = resolving | {id(act)}  # acts whose dates are being worked out
        self.rules = cache.own(act)
        self.decrees = [rules for other in known if other is not act
                        for rules in cache.rules(other)
                        if rules.target is not None and refers_to(rules.target, act)]
        self.amendments = self._amendments(act, known)

    def _amendments(self, act: Act, known: list[Act]):
        """(date of effect, amending article, source) for each known change to an
        entry-into-force article of ``act``, by date."""
        numbers = entry_article_numbers(act)
        found = []
        for other in known:
            if other is act:
                continue
            for article in other.articles:
                if article.kind == "amend" and refers_to(article.law, act):
                    targets = {target_article(i) for i in article.instructions}
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

    def latest(self, parts) -> iwtrules.Entry:
        """The entry of the last of ``parts`` to take effect (all must have a date). A whole
        ARTIKEL whose onderdelen the rules date one by one takes effect when they all do, if
        they share one date."""
        entries = [self._whole(iwtrules.Part(*p)) for p in parts]
        pending = next((e for e in entries if e.valid_from is None), None)
        return pending or max(entries, key=lambda e: e.in_force)

    def _whole(self, part: iwtrules.Part) -> iwtrules.Entry:
        entry = self.entry(part)
        if entry.valid_from is not None or part.onderdeel:
            return entry
        article = next((a for a in self.act.articles if a.number == part.artikel), None)
        labels = [o.label for o in article.onderdelen if o.label] if article else []
        found = {self.entry(iwtrules.Part(part.artikel, label)) for label in labels}
        return found.pop() if len(found) == 1 else entry

    def _with_decrees(self, rules):
        for decree in self.decrees:
            rules = rules.with_decree(decree)
        return self._with_tied(rules)

    def _with_tied(self, rules):
        """Dates tied to another act («op het tijdstip waarop artikel 3 van de Wet … in
        werking treedt»): from that act's own rules when it is known, else from the facts
        file; else the part stays pending, and says what it waits for."""
        for ref in _tied_refs(rules):
            date = self._tied_date(ref)
            if date is not None:
                rules = rules.with_known(ref.key, date)
        return rules

    def _tied_date(self, ref):
        parts = read_parts(ref.parts) if ref.parts else ()
        other = next((a for a in self.known if a is not self.act and _names(ref, a)), None)
        if other is not None:
            if id(other) in self.resolving:
                raise TimeError(f"{self.label}: its date is tied to {act_label(other)}, whose "
                                "date is tied to it in turn: it cannot be told",
                                source=self.act.source)
            timing = ActTiming(other, self.known, self.cache, self.resolving)
            entry = timing.latest(parts or ((other.articles[0].number, "", ""),))
            return entry.in_force
        fact = fact_for(self.cache.facts, LawRef(ref.name or ref.text, kind="act", stb=ref.stb,
                                                 kamerstuk=ref.kamerstuk))
        return fact.in_force if fact is not None and not parts else None

    def _amended(self, rules, amending: Article, other: Act):
        targets = {target_article(i) for i in amending.instructions}
        articles = [a for a in self.act.articles if a.kind == "entry-into-force"]
        rebuilt = []
        for article in articles:
            if article.number in targets:
                article = amend_article(article, amending, act_label(other))
            rebuilt.append(article)
        return _rules_of(self.act, rebuilt)


def _tied_refs(rules) -> list:
    """The other acts the rules wait for to take effect, each once (``EntryRules.tied_to``
    read over every kind of rule, those without a moment too)."""
    found = []
    for rule in rules.rules + rules.retro + rules.expiry:
        moments = [getattr(rule, "moment", None)]
        moments += [getattr(c, "against", None) for c in getattr(rule, "conditions", ())]
        while moments:
            moment = moments.pop(0)
            if isinstance(moment, iwtrules.Tied) and moment.event == "in-force" \
                    and moment.other.kind != "this-act":
                found.append(moment.other)
            elif isinstance(moment, iwtrules.ActRef) and moment.kind != "this-act":
                found.append(moment)
            moments.extend(getattr(moment, "moments", ()))
    return list(dict.fromkeys(found))


def _names(ref, act: Act) -> bool:
    """Whether an ``ActRef`` of a tied date names ``act``."""
    return names_act(LawRef(ref.name or ref.text, kind="act" if (ref.stb or ref.kamerstuk)
                             else "law", stb=ref.stb, kamerstuk=ref.kamerstuk), act)


def entry_article_numbers(act: Act) -> set[str]:
    return {a.number for a in act.articles if a.kind == "entry-into-force"}


def _rules_of(act: Act, articles: list[Article]):
    """The entry rules of ``act`` read from (amended) entry-into-force articles."""
    changed = {a.number: a for a in articles}
    new_act = dataclasses.replace(act, articles=tuple(changed.get(a.number, a)
                                                      for a in act.articles))
    return RuleCache().own(new_act)


def target_article(instruction) -> str:
    for locator in instruction.targets:
        for step in locator.steps:
            if step.kind in ("artikel", "act-artikel"):
                return step.number
    return ""
