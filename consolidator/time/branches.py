"""Samenloop branches decided: for each conditional ARTIKEL of an act (each branch of one
with several conditions), whether it applies, from when, and what it then changes.

The other act's dates come from that act when it is among the acts known (given, or in the
corpus the store is built from), else from the facts file; the dates of the parts a
condition names («artikel I, onderdeel C, van die wet … dan artikel II van deze wet») are
those parts' own. A branch that cannot be decided is an error naming the fact needed.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from consolidator.errors import ActSyntaxError, TimeError
from consolidator.model import Act, Article
from consolidator.read.samenloop import parts_text, read_samenloop
from consolidator.read.samenloopact import reads_as_amendment
from consolidator.time.acts import act_label, refers_to
from consolidator.time.acttiming import ActTiming, RuleCache
from consolidator.time.facts import ActFact, fact_for
from consolidator.time.samenloop import Decision, decide


@dataclass(frozen=True)
class Branch:
    act: Act  # the act that holds the samenloop ARTIKEL
    article: Article  # the branch: an Article with a condition
    where: str  # «Stb. 1996, 649, ARTIKEL X»
    decision: Decision
    other: Optional[Act]  # the other act, when it is known as an act

    def targets(self, act: Act) -> bool:
        """Whether this branch, applying, changes ``act``."""
        law = self.article.law
        if law is None:
            return False
        return (self.act is act) if law.kind == "this-act" else refers_to(law, act)


def branches_of(act: Act, known: list[Act], facts: list[ActFact],
                known_at: Optional[_dt.date], cache: RuleCache) -> list[Branch]:
    """Every samenloop branch of ``act``, decided (cached per act, acts known and date)."""
    key = ("branches", id(act), tuple(id(a) for a in known), known_at)
    found = cache.derived.get(key)
    if found is None:
        found = cache.derived[key] = list(_decide_all(act, known, facts, known_at, cache))
    return found


def _decide_all(act, known, facts, known_at, cache):
    timing = None
    for article in act.articles:
        if article.kind != "samenloop":
            continue
        branches = article.samenloop_branches
        for n, branch in enumerate(branches, 1):
            timing = timing or ActTiming(act, known, cache)
            where = f"{act_label(act)}, ARTIKEL {article.number}"
            where += f" ({n}.)" if len(branches) > 1 else ""
            yield _decided(act, branch, where, timing, known, facts, known_at, cache)


def _decided(act, branch: Article, where, timing, known, facts, known_at, cache) -> Branch:
    condition = branch.condition
    own = condition.this_parts or ((branch.number, "", ""),)
    this_in_force = timing.latest(own).valid_from
    other = next((a for a in known if a is not act and refers_to(condition.act, a)), None)
    fact = _fact_of(other, condition, known, cache) if other else \
        fact_for(facts, condition.act) or _unpublished(act, condition, cache)
    label = condition.other + (f", {parts_text(condition.other_parts)}"
                               if condition.other_parts else "")
    decision = decide(condition.kind, label, this_in_force, fact, known_at)
    return Branch(act, branch, where, decision, other)


def _fact_of(other: Act, condition, known, cache: RuleCache) -> ActFact:
    """The dates of a known act (of the parts the condition names), as a fact."""
    parts = condition.other_parts or ((_first_article(other), "", ""),)
    entry = ActTiming(other, known, cache).latest(parts)
    return ActFact(stb=other.stb, kamerstukken=other.kamerstuk, title=other.title,
                   enacted=other.signed, published=other.published, in_force=entry.valid_from)


def _unpublished(act: Act, condition, cache: RuleCache) -> Optional[ActFact]:
    """An act given but not published on the knowledge date (so not among the acts known
    then): what was known of it then is that it was no law in force."""
    other = next((a for a in cache.given if a is not act and refers_to(condition.act, a)), None)
    if other is None:
        return None
    return ActFact(stb=other.stb, kamerstukken=other.kamerstuk, title=other.title,
                   published=other.published)


def _first_article(act: Act) -> str:
    return act.articles[0].number if act.articles else ""


def branch_notes(branches: list[Branch], known: list[Act]) -> list[str]:
    """What each branch does, as notes for ``show``; an undecided branch, or one that
    applies and changes text the engine cannot read, is an error."""
    notes = []
    for branch in branches:
        decision, where = branch.decision, f"{branch.where} (samenloop)"
        if decision.applies is None and not decision.waiting:
            raise TimeError(f"{where}: cannot decide: {decision.reason}",
                            source=branch.act.source, line=branch.article.span.line)
        if decision.applies is None or decision.waiting:
            notes.append(f"{where}: not decided yet: {decision.reason}")
        elif not decision.applies:
            notes.append(f"{where}: not applied: {decision.reason}")
        else:
            notes.append(f"{where}: applies: {decision.reason}; {_effect(branch, known)}")
    return notes


def _effect(branch: Branch, known: list[Act]) -> str:
    article, when = branch.article, branch.decision.when
    law = article.law
    if law is None:
        rest = _rest(article)
        if reads_as_amendment(rest):
            raise TimeError(f"{branch.where} (samenloop) applies, but what it then changes "
                            f"cannot be read: «{rest}»", source=branch.act.source,
                            line=article.span.line)
        return f"it changes no text: «{rest}»"
    if law.kind == "this-act":
        return f"it changes this act's own ARTIKELEN from {when}, before they take effect"
    if law.kind == "law":
        return f"it changes {law.name} from {when}"
    target = next((a for a in known if refers_to(law, a)), None)
    if target is not None:
        return f"it changes {act_label(target)} from {when}, before its parts take effect"
    return (f"it amends {law.name}, which is not among the acts given, so nothing of it "
            "reaches this law")


def _rest(article: Article) -> str:
    try:
        return read_samenloop(article.condition.text).rest
    except ActSyntaxError:
        return article.condition.text
