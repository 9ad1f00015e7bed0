"""What one entry-into-force sentence says, before it becomes rules: its subjects,
the clauses that set a time for them, the conditions they hold under
(``iwtbuild`` makes these from the sentence's tree; ``iwtlid`` joins the statements
of a lid and makes rules of them)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from consolidator.model import LawRef
from consolidator.read.iwtmoments import ActRef, Condition, Tied
from consolidator.read.iwtscope import Scope

IN_FORCE, RETRO, EXPIRES, DECREE_MAY_SET, NOTE, TRANSITIONAL = (
    "in-force", "retroactive", "expires", "decree-may-set", "note", "transitional")
THIS_ACT = ActRef(text="this act", kind="this-act")


@dataclass(frozen=True)
class Previous:
    """«dat tijdstip», «het in de eerste volzin bedoelde tijdstip»: the moment of the
    first (``which`` «first») or the last sentence before, ``offset_days`` moved."""

    which: str
    token: object = None
    offset_days: int = 0


@dataclass
class Subject:
    """What a sentence is about: ``scope`` of this act (``target`` None) or of another;
    ``previous``: «Deze», the parts the sentence before excepted; ``rest``: «De overige
    artikelen van deze wet», the parts the other sentences of the article give no time."""

    scope: Scope
    target: Optional[LawRef] = None
    previous: bool = False
    rest: bool = False
    token: object = None


@dataclass
class Clause:
    """One time said of ``scope`` (None: the sentence's subject, less its
    exceptions): ``kind`` one of IN_FORCE, RETRO, EXPIRES, DECREE_MAY_SET, NOTE,
    TRANSITIONAL (transitional law: how the act applies to earlier cases, no time).
    ``exclude``: parts left out of it («werkt, met uitzondering van …, terug»)."""

    kind: str
    scope: Optional[Scope] = None
    moment: object = None
    text: str = ""
    conditions: tuple = ()
    exclude: Optional[Scope] = None


@dataclass
class Statement:
    subjects: list
    clauses: list = field(default_factory=list)
    condition: Optional[Condition] = None  # holds for this sentence and the rest of its lid
    except_scopes: list = field(default_factory=list)
    conditions: tuple = ()  # hold for this sentence only
    may_differ: bool = False
    token: object = None
    # «Het besluit, bedoeld in het eerste lid, kan …»: the number of the lid whose decree
    # the sentence speaks of («1»); that lid must leave a time to a koninklijk besluit
    decree_of_lid: str = ""


def timed(scope, moment) -> Clause:
    if isinstance(moment, tuple) and moment and moment[0] == "alternative":
        return Clause(IN_FORCE, scope, moment)
    when, text = moment
    return Clause(IN_FORCE, scope, when, text)


def own_scope(tail, scope) -> list:
    """An exception's own retroactivity («…, die in werking treden … en terugwerken tot en
    met …») is for the excepted parts."""
    out = []
    for clause in tail if isinstance(tail, list) else [tail]:
        if isinstance(clause, Clause) and clause.kind == RETRO and clause.scope is None:
            clause.scope = scope
        out.append(clause)
    return out


def add_insert(statement: Statement, item) -> None:
    kind, value = item
    if kind == "stray":  # «Dit besluit treedt, in werking …»
        return
    if kind == "except":
        statement.except_scopes.append(value)
    elif kind == "proviso":
        statement.conditions += (value,)
    else:
        statement.conditions += (value,)


def add_when(statement: Statement, moment, tails) -> None:
    if moment is None:  # «De artikelen 13 tot en met 19 … van de wet treden in werking.»
        moment = (Tied(THIS_ACT), "(when this act takes effect)")
    statement.clauses.insert(0, timed(None, moment))
    add_tails(statement, tails)


def add_tails(statement: Statement, tails) -> None:
    for item in tails:
        if isinstance(item, Clause):
            statement.clauses.append(item)
        elif item[0] == "condition":
            statement.conditions += (item[1],)
        elif isinstance(item[1], Scope):  # «met uitzondering van artikel IV» (no time of its own)
            statement.except_scopes.append(item[1])
        else:
            statement.except_scopes.extend(c.scope for c in item[1] if c.kind == IN_FORCE)
            statement.clauses.extend(item[1])
