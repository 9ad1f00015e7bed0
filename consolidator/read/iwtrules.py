"""Entry-into-force rules and what they decide: which part of an act takes effect
when, works back to when, and lapses when. ``iwt`` reads them from an act's
entry-into-force articles; the timeline (time/) asks them for each part's date.

Why here, in read/: these types are what reading an entry-into-force article
yields, and the layering lets time/ and views/ import read/ but not the other
way round, so read/ is the lowest stage that both the reader and the timeline
may import. The parts a rule names are in ``iwtscope``, its moments and
conditions in ``iwtmoments``; both are re-exported here.

Deciding a part's date (``EntryRules.entry``):

* Every rule has a ``Scope`` (the whole act, or parts with exceptions). Of the
  rules that cover a part, the one naming it most precisely wins (a punt over its
  onderdeel, an onderdeel over its ARTIKEL, an ARTIKEL over the whole act); on
  equal precision a conditional rule whose condition holds («Indien het
  Staatsblad … wordt uitgegeven na …») wins over the unconditional one it
  replaces. A condition holds for its own sentence and the rest of its lid.
* Retroactivity («werkt terug tot en met») is a separate rule, chosen the same
  way; it makes ``valid_from`` earlier than ``in_force`` only if its date is
  earlier. A power of the decree to set retroactivity («In dat besluit kan worden
  bepaald dat artikel I, onderdeel B, terugwerkt …») dates nothing by itself: the
  decree that uses it says so in its own rules.
* A part left to a koninklijk besluit, a minister or a later law stays pending
  until ``with_decree`` supplies the rules of that decree or law. A rule that only
  lets a decree set another time («Bij koninklijk besluit kan een ander tijdstip
  worden vastgesteld waarop artikel II, onderdeel C, in werking treedt»,
  ``Rule.optional``) counts only when such a decree is given.
* A part tied to another act («op het tijdstip waarop … in werking treedt») stays
  pending until ``with_known`` gives that act's date; so do conditions against
  such a time. An expiry («en vervalt met ingang van …») is ``EntryRules.lapse``.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Optional

from consolidator.dates import MONTHS
from consolidator.errors import TimeError
from consolidator.model import LawRef
from consolidator.read.iwtmoments import (  # noqa: F401  (re-exported)
    ADOPTION, DECREE, ENTRY, EVENT, LATER_LAW, MINISTER, NO_PROVISION, OTHER_ACT, PROVISO,
    PUBLICATION, REFERRED, ActRef, Adoption, AfterEntry, AfterPublication, Condition, Dated,
    Delegated, Earliest, Event, Fixed, Latest, Moment, Moments, OnPublication, Proviso,
    Referred, Tied,
)
from consolidator.read.iwtscope import WHOLE, Part, Ref, Scope, bounds, label_key  # noqa: F401


@dataclass(frozen=True)
class Rule:
    """The parts in ``scope`` take effect at ``moment`` if all ``conditions`` hold;
    ``optional``: only if a decree that sets it is given (Aanwijzing 180 B)."""

    scope: Scope
    moment: Moment
    conditions: tuple = ()
    reason: str = field(default="", compare=False)
    optional: bool = False


@dataclass(frozen=True)
class RetroRule:
    """The parts in ``scope`` work back to ``back_to`` if all ``conditions`` hold."""

    scope: Scope
    back_to: Moment
    conditions: tuple = ()
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class ExpiryRule:
    """The parts in ``scope`` lapse at ``moment`` (the first day they no longer have
    effect) if all ``conditions`` hold."""

    scope: Scope
    moment: Moment
    conditions: tuple = ()
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class Entry:
    """When a part takes effect.

    ``valid_from`` is the date the part takes effect in the law (for a retroactive
    part the earlier date); ``in_force`` the formal entry into force. Both are
    None when ``pending`` says what is missing."""

    valid_from: Optional[_dt.date]
    in_force: Optional[_dt.date]
    pending: str
    reason: str
    retroactive: bool = False


@dataclass(frozen=True)
class Lapse:
    """When a part lapses: ``date`` (None while ``pending`` says what is missing)."""

    date: Optional[_dt.date]
    pending: str
    reason: str


@dataclass(frozen=True)
class EntryRules:
    """The entry-into-force rules of one act, or (``target`` set) the rules a decree
    or later act sets for another act.

    ``published`` and ``signed`` are those of the act that contains the rules: a
    decree's «de dag na de datum van uitgifte van het Staatsblad waarin dit besluit
    wordt geplaatst» counts from it. ``known``: dates of other acts a rule is tied
    to (``ActRef.key`` → date), given by the caller through ``with_known``."""

    target: Optional[LawRef] = None
    rules: tuple[Rule, ...] = ()
    retro: tuple[RetroRule, ...] = ()
    published: Optional[_dt.date] = None
    stb: str = ""
    label: str = ""
    notes: tuple[str, ...] = ()
    decrees: tuple["EntryRules", ...] = ()
    expiry: tuple[ExpiryRule, ...] = ()
    signed: Optional[_dt.date] = None
    known: tuple[tuple[str, _dt.date], ...] = ()
    #: transitional law of the article (how the act applies to earlier cases): no time
    transitional: tuple[str, ...] = ()

    def entry(self, part: Part, published: Optional[_dt.date]) -> Entry:
        """The entry of ``part`` for this act published on ``published`` (None:
        not known yet). Raises TimeError when two rules of equal rank disagree."""
        if not self.rules:
            where = self.label or "the act"
            return Entry(None, None, NO_PROVISION, f"{where} has no entry-into-force provision")
        moments = self._moments(published)
        by_decree = self._optional_decree(part)
        if by_decree is not None:
            return by_decree
        rule = _choose([r for r in self.rules if not r.optional], part, moments, "moment")
        if isinstance(rule, str):
            return Entry(None, None, rule, self._no_rule(part, rule))
        start, pending, reason = self._start(rule, part, moments)
        if start is None:
            return Entry(None, None, pending, reason)
        return self._with_retro(part, moments, start, reason)

    def lapse(self, part: Part, published: Optional[_dt.date]) -> Optional[Lapse]:
        """When ``part`` lapses by an expiry rule («en vervalt met ingang van …»),
        None if no such rule covers it."""
        if not self.expiry:
            return None
        moments = self._moments(published)
        rule = _choose(self.expiry, part, moments, "expiry")
        if rule is None or isinstance(rule, str):
            return None if rule is None else Lapse(None, rule, f"{self.label}: expiry of {part}")
        if _needs_entry(rule.moment):  # «vervalt na 120 dagen»: counted from the entry
            found = self.entry(part, published)
            if found.in_force is None:
                return Lapse(None, found.pending, f"{rule.reason}; {found.reason}")
            moments = dataclasses.replace(moments, entry=found.in_force)
        dated = moments.date_of(rule.moment)
        return Lapse(dated.date, dated.pending, rule.reason)

    def with_decree(self, other: "EntryRules") -> "EntryRules":
        """These rules, with parts pending on a koninklijk besluit or a later law
        taking the date ``other`` sets for them (``other.target`` names this act)."""
        if other.target is None:
            raise TimeError(f"{other.label or 'the decree'} sets no date for another act")
        if self.stb and other.target.stb and other.target.stb != self.stb:
            raise TimeError(f"{other.label or 'the decree'} sets dates for Stb. "
                            f"{other.target.stb}, not for Stb. {self.stb}")
        return dataclasses.replace(self, decrees=self.decrees + (other,))

    def with_known(self, key: str, date: _dt.date) -> "EntryRules":
        """These rules, knowing that the act (or part) ``key`` (an ``ActRef.key``)
        takes effect on ``date``."""
        return dataclasses.replace(self, known=self.known + ((key, date),))

    def tied_to(self) -> tuple[ActRef, ...]:
        """The other acts the rules wait for, each once."""
        found = []
        for rule in self.rules + self.retro + self.expiry:
            found.extend(_refs(rule.back_to if isinstance(rule, RetroRule) else rule.moment))
            for condition in rule.conditions:
                found.extend(_refs(getattr(condition, "against", None)))
        return tuple(dict.fromkeys(found))

    def qualified_parts(self) -> tuple[Part, ...]:
        """Parts that a rule names for one law article or lid only («onderdeel H,
        voor wat betreft artikel 13d»): ask ``entry`` for these separately."""
        refs = [ref for r in self.rules + self.retro for ref in r.scope.include]
        return tuple(dict.fromkeys(ref.first for ref in refs if ref.first.qualifier))

    # -- helpers

    def _moments(self, published) -> Moments:
        return Moments(published=published, signed=self.signed, known=self.known)

    def _no_rule(self, part: Part, pending: str) -> str:
        if pending == NO_PROVISION:
            return f"{self.label or 'the act'} names no date for {part}"
        return f"{self.label or 'the act'}: the date of {part} depends on {pending}"

    def _start(self, rule: Rule, part: Part, moments: Moments):
        if isinstance(rule.moment, Delegated):
            return self._decreed(rule, part)
        dated = moments.date_of(rule.moment)
        return dated.date, dated.pending, rule.reason

    def _decreed(self, rule: Rule, part: Part):
        moment = rule.moment
        found = self._decree_entry(part)
        if found is None:
            return None, moment.by, rule.reason
        if found.pending:
            return None, found.pending, f"{rule.reason}; {found.reason}"
        _check_day_month(moment, found, rule)
        return found, "", f"{rule.reason}; {found.reason}"

    def _decree_entry(self, part: Part) -> Optional[Entry]:
        for decree in self.decrees:
            found = decree.entry(part, decree.published)
            if found.pending != NO_PROVISION:
                return found
        return None  # no decree names this part

    def _optional_decree(self, part: Part) -> Optional[Entry]:
        """A decree's date for a part that a decree may move (``Rule.optional``)."""
        if not any(r.optional and r.scope.covers(part) for r in self.rules):
            return None
        found = self._decree_entry(part)
        if found is None:
            return None
        return dataclasses.replace(found, reason=f"{self.label or 'the act'}: by decree; "
                                   f"{found.reason}")

    def _decree_retro(self, part: Part):
        """(date, reason) of the retroactivity a decree sets for ``part`` where this act
        leaves it to the decree («In dat besluit kan worden bepaald dat artikel I, onderdeel
        B, terugwerkt …»), else None."""
        if not any(isinstance(r.back_to, Delegated) and r.scope.covers(part)
                   for r in self.retro):
            return None
        for decree in self.decrees:
            moments = decree._moments(decree.published)
            rule = _choose(decree.retro, part, moments, "retroactivity")
            if isinstance(rule, RetroRule):
                back = moments.date_of(rule.back_to)
                if back.date is not None:
                    return back.date, rule.reason
        return None

    def _with_retro(self, part: Part, moments: Moments, start, reason: str) -> Entry:
        decreed = start if isinstance(start, Entry) else None
        in_force = decreed.in_force if decreed else start
        valid_from = decreed.valid_from if decreed else start
        by_decree = self._decree_retro(part)
        if by_decree is not None and by_decree[0] < valid_from:
            valid_from, reason = by_decree[0], f"{reason}; {by_decree[1]}"
        rules = [r for r in self.retro if not isinstance(r.back_to, Delegated)]
        retro = _choose(rules, part, moments, "retroactivity") if rules else None
        if isinstance(retro, str):
            return Entry(None, None, retro, f"{reason}; retroactivity depends on {retro}")
        if isinstance(retro, RetroRule):
            back = moments.date_of(retro.back_to)
            if back.date is None:
                return Entry(None, None, back.pending, f"{reason}; {retro.reason}")
            if back.date < valid_from:
                valid_from, reason = back.date, f"{reason}; {retro.reason}"
        return Entry(valid_from, in_force, "", reason, retroactive=valid_from < in_force)


def _needs_entry(moment) -> bool:
    if isinstance(moment, AfterEntry):
        return True
    return isinstance(moment, (Latest, Earliest)) and any(map(_needs_entry, moment.moments))


def _refs(moment) -> list[ActRef]:
    if isinstance(moment, Tied):
        return [moment.other]
    if isinstance(moment, (Latest, Earliest)):
        return [ref for m in moment.moments for ref in _refs(m)]
    return []


def _check_day_month(moment: Delegated, found: Entry, rule: Rule) -> None:
    day, month = moment.day_month
    if day and (found.in_force.day, found.in_force.month) != (day, month):
        raise TimeError(f"{found.reason}: the act allows only {day} "
                        f"{list(MONTHS)[month - 1]} of a year ({rule.reason})")


def _choose(rules, part: Part, moments: Moments, what: str):
    """The rule that governs ``part``: the most precise, then the conditional one
    whose condition holds. Returns a pending reason (str) when none can be chosen,
    None for retroactivity or expiry without a rule."""
    ranked = {}
    for rule in rules:
        depth = rule.scope.depth(part)
        if depth >= 0:
            ranked.setdefault((depth, bool(rule.conditions)), []).append(rule)
    for rank in sorted(ranked, reverse=True):
        states = [_holds(rule, moments) for rule in ranked[rank]]
        waiting = [state for state in states if isinstance(state, str)]
        if waiting:
            return waiting[0]
        holding = [rule for rule, state in zip(ranked[rank], states) if state]
        if holding:
            return _agreeing(holding, part, what)
    return NO_PROVISION if what == "moment" else None


def _holds(rule, moments: Moments):
    """True, False, or (str) what the rule's conditions wait for."""
    for condition in rule.conditions:
        state = moments.holds(condition)
        if state is not True:
            return state
    return True


def _agreeing(rules, part: Part, what: str):
    values = {r.back_to if what == "retroactivity" else r.moment for r in rules}
    if len(values) > 1:
        raise TimeError(f"conflicting {what} rules for {part}: "
                        + " / ".join(r.reason for r in rules))
    return rules[0]
