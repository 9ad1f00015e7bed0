"""Deciding samenloop ARTIKELEN: does this act's conditional article apply?

The two conditions Stb. 1996, 649 uses (``model.Condition.kind``):

* ``other-in-force-first``: «Indien deze wet in werking treedt op of na het
  tijdstip waarop [het andere voorstel] tot wet is verheven en in werking is
  getreden» — applies when the other act's entry into force is on or before
  this act's.
* ``other-enacted-not-in-force``: «Indien deze wet in werking treedt op een
  tijdstip waarop [het voorstel] tot wet is verheven, maar nog niet in werking is
  getreden, onderscheidenlijk nog niet tot wet is verheven …» — applies when the
  other act is not yet in force at this act's entry into force (enacted or not).

Both compare this act's entry into force with the other act's, so each needs
both dates; a missing one gives an undecided answer naming it, never a guess.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional

from consolidator.time.facts import ActFact


@dataclass(frozen=True)
class Decision:
    applies: Optional[bool]  # None: undecided
    reason: str


def decide(kind: str, other: str, this_in_force: Optional[_dt.date],
           fact: Optional[ActFact], known_at: Optional[_dt.date]) -> Decision:
    """Whether a conditional article of ``kind`` applies, and why."""
    if this_in_force is None:
        return Decision(None, "this act's own date of entry into force is not known yet")
    if fact is None:
        return Decision(None, f"no facts about {other} (add them to the corpus facts file "
                              "or give that act as input)")
    if known_at is not None and (fact.published is None or fact.published > known_at):
        return Decision(None, f"{fact.name} was not yet published on {known_at}")
    other_in_force = fact.in_force
    if kind == "other-in-force-first":
        return _in_force_first(fact, other_in_force, this_in_force)
    if kind == "other-enacted-not-in-force":
        return _not_yet_in_force(fact, other_in_force, this_in_force)
    return Decision(None, f"unknown kind of condition {kind!r}")


def _in_force_first(fact, other_in_force, this_in_force) -> Decision:
    if other_in_force is None:
        return Decision(False, f"{fact.name} has no date of entry into force, so it is not in "
                               f"force when this act is ({this_in_force})")
    applies = other_in_force <= this_in_force
    relation = "on or before" if applies else "after"
    return Decision(applies, f"{fact.name} took effect on {other_in_force}, {relation} this "
                             f"act ({this_in_force})")


def _not_yet_in_force(fact, other_in_force, this_in_force) -> Decision:
    enacted = f"enacted {fact.enacted}, " if fact.enacted else ""
    if other_in_force is None:
        return Decision(True, f"{fact.name} ({enacted}no date of entry into force) is not in "
                              f"force when this act takes effect ({this_in_force})")
    applies = other_in_force > this_in_force
    relation = "after" if applies else "on or before"
    return Decision(applies, f"{fact.name} ({enacted}in force {other_in_force}) takes effect "
                             f"{relation} this act ({this_in_force})")
