"""The statements of one lid (``iwtbuild``) → rules, per act they are for.

Within a lid, sentences speak of each other: a condition at the start of a
sentence («Indien het Staatsblad … wordt uitgegeven na …, treedt …») holds for
that sentence and the rest of its lid; «dat tijdstip» and «het in de eerste volzin
bedoelde tijdstip» are the moment of the sentence before, or of the first; «Deze
treden in werking …» are the parts the sentence before excepted; «Het in de eerste
volzin bedoelde tijdstip kan voor de verschillende artikelen … verschillend worden
vastgesteld» says so of the decree the sentence before names. A reference that
finds nothing to refer to is an error at its words.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Optional

from consolidator.model import LawRef
from consolidator.read.iwtstatements import (
    DECREE_MAY_SET, EXPIRES, IN_FORCE, NOTE, RETRO, TRANSITIONAL, Clause, Previous, Statement,
    Subject,
)
from consolidator.read.iwtmoments import DECREE, Condition, Delegated
from consolidator.read.iwtparts import Unsupported
from consolidator.read.iwtrules import ExpiryRule, RetroRule, Rule
from consolidator.read.iwtscope import WHOLE, Scope


@dataclass
class Bucket:
    """The rules of one lid (or article) for one act: ``target`` None is this act."""

    target: Optional[LawRef]
    rules: list = field(default_factory=list)
    retro: list = field(default_factory=list)
    expiry: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    transitional: list = field(default_factory=list)


def resolve(statements: list[Statement]) -> list[Statement]:
    """The statements of a lid with what one says of another filled in."""
    done: list[Statement] = []
    for statement in statements:
        if statement.may_differ:
            statement = _may_differ(statement, done)
            if statement is None:
                continue
        for subject in statement.subjects:
            if subject.previous:
                subject.scope = _previous_exceptions(done, subject)
                subject.previous = False
        for clause in statement.clauses:
            clause.moment = _moment(clause.moment, done)
            clause.conditions = tuple(_condition(c, done) for c in clause.conditions)
        statement.conditions = tuple(_condition(c, done) for c in statement.conditions)
        if statement.condition is not None:
            statement.condition = _condition(statement.condition, done)
        done.append(statement)
    return done


def _may_differ(statement: Statement, done: list[Statement]) -> Optional[Statement]:
    """«Het in de eerste volzin bedoelde tijdstip kan … verschillend worden vastgesteld»."""
    this_time = statement.token.value.lower().startswith("dit")
    if not done and this_time:
        raise Unsupported("«Dit tijdstip»: no sentence before it in this lid gives the time",
                          statement.token)
    if not done:  # read on its own: the first volzin left the time to a decree
        moment = Delegated(DECREE, may_differ=True)
        return Statement([Subject(WHOLE)], [Clause(IN_FORCE, None, moment, _text(statement))])
    # «Het in de eerste volzin bedoelde tijdstip …» is the first sentence's, «Dit tijdstip …» the last's
    before = done[-1] if this_time else done[0]
    for clause in before.clauses:
        if clause.kind == IN_FORCE and isinstance(clause.moment, Delegated):
            clause.moment = dataclasses.replace(clause.moment, may_differ=True)
            return None
    raise Unsupported("the volzin it refers to sets no time left to a decree, so it cannot be set "
                      "differently per part", statement.token)


def is_rest(statement: Statement) -> bool:
    return any(subject.rest for subject in statement.subjects)


def fill_rest(statement: Statement, own: Optional[Bucket]) -> None:
    """«De overige artikelen van deze wet treden …»: this act less every part the other
    sentences of the article give a time of their own. Refused when they name none, when
    one of them is for the whole act, or when the sentence holds more than this."""
    subject = statement.subjects[0]
    if len(statement.subjects) > 1 or statement.condition is not None or statement.except_scopes:
        raise Unsupported("«De overige artikelen» with other subjects, conditions or exceptions",
                          subject.token)
    named = [rule.scope for rule in own.rules if not rule.optional] if own else []
    if not named or any(scope.whole for scope in named):
        raise Unsupported("«De overige artikelen»: the other sentences of the article do not "
                          "name the parts with a time of their own", subject.token)
    scope = WHOLE
    for other in named:
        scope = scope.without(other)
    subject.scope, subject.rest = scope, False


def _text(statement: Statement) -> str:
    return " ".join(statement.token.value.split())


def _previous_exceptions(done: list[Statement], subject: Subject) -> Scope:
    for statement in reversed(done):
        if statement.except_scopes:
            scope = Scope()
            for excepted in statement.except_scopes:
                scope = scope.plus(excepted)
            return scope
    raise Unsupported("«Deze»: the sentence before names no parts it excepts", subject.token)


def _main_moment(statement: Statement, token):
    for clause in statement.clauses:
        if clause.kind in (IN_FORCE, EXPIRES) and clause.scope is None:
            if isinstance(clause.moment, tuple):
                raise Unsupported("refers to a time given as two alternatives", token)
            return clause.moment
    raise Unsupported("refers to a time the sentence before does not give", token)


def _moment(moment, done: list[Statement]):
    if not isinstance(moment, Previous):
        return moment
    if not done:
        raise Unsupported("refers to a time in a sentence that is not in this text", moment.token)
    return _main_moment(done[0] if moment.which == "first" else done[-1], moment.token)


def _condition(condition, done: list[Statement]):
    if isinstance(condition, Condition) and isinstance(condition.against, Previous):
        return dataclasses.replace(condition, against=_moment(condition.against, done),
                                   offset_days=condition.against.offset_days)
    return condition


# --------------------------------------------------------------------------- rules


def lid_buckets(statements: list[Statement], where: str) -> list[Bucket]:
    """The rules of a lid's (resolved) statements, one bucket per act they are for."""
    buckets: dict[str, Bucket] = {}
    condition = None
    for statement in statements:
        if statement.condition is not None:
            condition = statement.condition
        _statement_rules(statement, condition, where, buckets)
    return list(buckets.values())


def bucket_key(target: Optional[LawRef]) -> str:
    if target is None:
        return ""
    return f"{target.kind}:{target.stb or ' '.join(target.name.split()).casefold()}"


def _bucket(buckets: dict, target: Optional[LawRef]) -> Bucket:
    key = bucket_key(target)
    if key not in buckets:
        buckets[key] = Bucket(target)
    return buckets[key]


def _owner(statement: Statement) -> Subject:
    """The subject the parts named in the sentence belong to: this act if it is one of
    the subjects («De Wet op de accijns en deze wet treden …, met uitzondering van
    artikel XXIV …»), else the only subject."""
    own = [s for s in statement.subjects if s.target is None]
    if own:
        return own[0]
    if len(statement.subjects) == 1:
        return statement.subjects[0]
    raise Unsupported("parts named for one of several other acts", statement.subjects[0].token)


def _statement_rules(statement: Statement, lid_condition, where: str, buckets: dict) -> None:
    owner = _owner(statement)
    suffix = f" ({lid_condition.text})" if lid_condition else ""
    conditions = ((lid_condition,) if lid_condition else ()) + statement.conditions
    for clause in statement.clauses:
        if clause.kind == NOTE:
            _bucket(buckets, owner.target).notes.append(_reason(where, clause.text))
            continue
        if clause.kind == TRANSITIONAL:
            _bucket(buckets, owner.target).transitional.append(_reason(where, clause.text))
            continue
        if clause.scope is not None:
            targets = [(owner, clause.scope)]
        else:
            targets = [(s, _main_scope(s, owner, statement)) for s in statement.subjects]
        for subject, scope in targets:
            if clause.exclude is not None:
                scope = scope.without(clause.exclude)
            bucket = _bucket(buckets, subject.target)
            _clause_rules(clause, scope, conditions + clause.conditions, where, suffix, bucket)


def _main_scope(subject: Subject, owner: Subject, statement: Statement) -> Scope:
    scope = subject.scope
    if subject is owner:
        for excepted in statement.except_scopes:
            scope = scope.without(excepted)
    return scope


def _clause_rules(clause: Clause, scope: Scope, conditions: tuple, where: str, suffix: str,
                  bucket: Bucket) -> None:
    if clause.kind == RETRO:
        bucket.retro.append(RetroRule(scope, clause.moment, conditions,
                                      _reason(where, clause.text)))
    elif clause.kind == EXPIRES:
        bucket.expiry.append(ExpiryRule(scope, clause.moment, conditions,
                                        _reason(where, clause.text)))
    elif isinstance(clause.moment, tuple):  # «…, dan wel indien zij wordt geplaatst …»
        _, (first, first_text), alt, (second, second_text) = clause.moment
        bucket.rules.append(Rule(scope, first, conditions,
                                 _reason(where, first_text + suffix)))
        bucket.rules.append(Rule(scope, second, conditions + (alt,),
                                 _reason(where, f"{second_text}{suffix} (uitgegeven {alt.text})")))
    else:
        bucket.rules.append(Rule(scope, clause.moment, conditions,
                                 _reason(where, clause.text + suffix),
                                 optional=clause.kind == DECREE_MAY_SET))


def _reason(where: str, text: str) -> str:
    return f"{where}: {text}" if where else text
