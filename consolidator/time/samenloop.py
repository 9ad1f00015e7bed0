"""Deciding samenloop branches: does a conditional ARTIKEL apply, and from when?

The condition (``model.Condition``, read by grammar/samenloop.lark) compares this act's
entry into force with the other act's (``model.CONDITION_KINDS``):

* ``on-or-after``: «Indien deze wet in werking treedt op of na het tijdstip waarop [het
  voorstel] tot wet is verheven en in werking is getreden» — the other act took effect on
  or before this one;
* ``not-yet``: «… op een tijdstip waarop [het voorstel] … nog niet in werking is getreden»
  — the other act is not in force when this one takes effect;
* ``earlier`` / ``later`` (Aanwijzing 5.68): the other act (or the part named) takes effect
  before / after this act (or the part named); on the same day neither can be told (a
  koninklijk besluit may set the order, Aanwijzing 5.70): undecided;
* ``in-force``: once the other act takes effect; the branch then holds from the later of
  the two dates;
* ``enacted`` (a novelle, Aanwijzing 252): once the bill is law.

The other act's dates come from the act itself when it is given, else from the facts file;
without either the answer is undecided and names the fact needed, never a guess. An other
act not yet published on the knowledge date counts as not in force (what was known then).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from consolidator.time.facts import ActFact


@dataclass(frozen=True)
class Decision:
    applies: Optional[bool]  # None: undecided (an error), unless ``waiting``
    reason: str
    #: the date from which the branch holds (this act's date, or the later of both)
    when: Optional[_dt.date] = None
    #: not decided yet, and rightly so: a date it needs is not set yet (a note, no error)
    waiting: bool = False


def decide(kind: str, other: str, this_in_force: Optional[_dt.date],
           fact: Optional[ActFact], known_at: Optional[_dt.date]) -> Decision:
    """Whether a samenloop branch of ``kind`` applies, and why. ``other`` names the other
    act for the reason; ``fact`` holds its dates (None: nothing is known about it)."""
    if this_in_force is None:
        return Decision(None, "this act's own date of entry into force is not known yet",
                        waiting=True)
    if fact is None:
        return Decision(None, f"no facts about {other} (add them to the corpus facts file "
                              "or give that act as input)")
    prefix = ""
    if known_at is not None and (fact.published is None or fact.published > known_at):
        prefix = f"as known on {known_at}, {fact.name} was not yet published: "
        fact = ActFact(stb=fact.stb, kamerstukken=fact.kamerstukken, title=fact.title)
    decision = _RULES[kind](fact, fact.in_force, this_in_force) if kind in _RULES else \
        Decision(None, f"unknown kind of condition {kind!r}")
    if prefix:
        return Decision(decision.applies, prefix + decision.reason, decision.when,
                        decision.waiting)
    return decision


def _on_or_after(fact, other_in_force, this_in_force) -> Decision:
    if other_in_force is None:
        return Decision(False, f"{fact.name} has no date of entry into force, so it is not in "
                               f"force when this act is ({this_in_force})")
    applies = other_in_force <= this_in_force
    relation = "on or before" if applies else "after"
    return Decision(applies, f"{fact.name} took effect on {other_in_force}, {relation} this "
                             f"act ({this_in_force})", this_in_force)


def _not_yet(fact, other_in_force, this_in_force) -> Decision:
    enacted = f"enacted {fact.enacted}, " if fact.enacted else ""
    if other_in_force is None:
        return Decision(True, f"{fact.name} ({enacted}no date of entry into force) is not in "
                              f"force when this act takes effect ({this_in_force})",
                        this_in_force)
    applies = other_in_force > this_in_force
    relation = "after" if applies else "on or before"
    return Decision(applies, f"{fact.name} ({enacted}in force {other_in_force}) takes effect "
                             f"{relation} this act ({this_in_force})", this_in_force)


def _earlier(fact, other_in_force, this_in_force) -> Decision:
    return _compare(fact, other_in_force, this_in_force, wanted="earlier")


def _later(fact, other_in_force, this_in_force) -> Decision:
    return _compare(fact, other_in_force, this_in_force, wanted="later")


def _compare(fact, other_in_force, this_in_force, wanted: str) -> Decision:
    if other_in_force is None:
        return Decision(wanted == "later", f"{fact.name} has no date of entry into force: it "
                                           f"is not in force when this act takes effect "
                                           f"({this_in_force})", this_in_force)
    if other_in_force == this_in_force:
        return Decision(None, f"{fact.name} and this act both take effect on {this_in_force}: "
                              "which is earlier needs the order a koninklijk besluit sets for "
                              "that day (Aanwijzing 5.70), which is not known")
    found = "earlier" if other_in_force < this_in_force else "later"
    return Decision(found == wanted, f"{fact.name} takes effect on {other_in_force}, {found} "
                                     f"than this act ({this_in_force})", this_in_force)


def _in_force(fact, other_in_force, this_in_force) -> Decision:
    if other_in_force is None:
        return Decision(False, f"{fact.name} has no date of entry into force yet: the clause "
                               "waits for it", waiting=True)
    when = max(other_in_force, this_in_force)
    return Decision(True, f"{fact.name} takes effect on {other_in_force} (this act: "
                          f"{this_in_force}), so the clause holds from {when}", when)


def _enacted(fact, other_in_force, this_in_force) -> Decision:
    if fact.enacted is None and fact.published is None:
        return Decision(False, f"{fact.name} is not known to be law yet: the clause waits "
                               "for it", waiting=True)
    when = fact.enacted or fact.published
    return Decision(True, f"{fact.name} became law ({when})", this_in_force)


_RULES = {"on-or-after": _on_or_after, "not-yet": _not_yet, "earlier": _earlier,
          "later": _later, "in-force": _in_force, "enacted": _enacted}
