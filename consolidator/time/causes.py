"""Why what is known about a law changed on a knowledge date: the parts of the acts published
that day that changed the plan, and what each did to it.

``knowledge_causes(before, after, acts, known)`` compares the events of the plan known just
before ``known`` with those known on it. Each event that differs (new, gone, or on another
date) is credited to a part of an act published on ``known``:

* an event of that act itself: the event's own part («Stb. 1996, 649, ARTIKEL I, onderdeel B»);
* an ARTIKEL that amends the event's act (Wet van 2 april 1998, ARTIKEL XXI, on Stb. 1996,
  649, ARTIKEL XII: ARTIKEL VI no longer takes effect on 1 januari 1999);
* an ARTIKEL that withdraws the event's act, a samenloop ARTIKEL about it, or an
  entry-into-force ARTIKEL that sets its dates (a decree);
* otherwise the act as a whole («its publication changed the plan»): named, never guessed
  to a part.

Each cause is a dict: ``label`` (the part), ``reason`` (what it changed, in words),
``events`` (the labels of the events it explains) and ``from`` (the first date of validity
whose text it changes). The store keeps them with the versions
that became known then (``Version.known_by``).
"""
from __future__ import annotations

import datetime as _dt
from typing import Optional

from consolidator.model import Act, Article
from consolidator.time.acts import act_key, act_label, names_act, refers_to
from consolidator.time.acttiming import RuleCache, target_article


def knowledge_causes(before: list, after: list, acts: list[Act],
                     known: Optional[_dt.date], cache: Optional[RuleCache] = None) -> list[dict]:
    """The causes of the difference between the plans ``before`` and ``after`` (events), by
    the acts published on ``known`` (None: the acts not published, bills)."""
    published = [a for a in acts if a.published == known]
    before_set, after_set = set(before), set(after)
    gone = [e for e in before if e not in after_set]  # in the plans' order: deterministic
    came = [e for e in after if e not in before_set]
    causes: dict[str, dict] = {}
    for event in gone + came:
        for label, reason in _credited(event, published, cache or RuleCache()):
            cause = causes.setdefault(label, {"label": label, "reasons": [], "events": []})
            if reason not in cause["reasons"]:
                cause["reasons"].append(reason)
            if event.label not in cause["events"]:
                cause["events"].append(event.label)
    return [_finished(cause, gone, came) for cause in causes.values()]


def _finished(cause: dict, gone: list, came: list) -> dict:
    effects = [_effect(label, gone, came) for label in cause["events"]]
    # the first date whose text it changes: a text valid before it is not its doing
    cause["from"] = min(e.valid_from for e in gone + came
                        if e.label in cause["events"]).isoformat()
    reasons = "; ".join(cause.pop("reasons"))
    cause["reason"] = reasons + ": " + "; ".join(effects) if reasons else "; ".join(effects)
    return cause


def _effect(label: str, gone: list, came: list) -> str:
    """«Stb. 1996, 649, ARTIKEL VI no longer takes effect on 1999-01-01»."""
    old = sorted({e.valid_from for e in gone if e.label == label})
    new = sorted({e.valid_from for e in came if e.label == label})
    days = ", ".join(d.isoformat() for d in new)
    if old and new:
        return f"{label} takes effect on {days} instead of " \
               f"{', '.join(d.isoformat() for d in old)}"
    if old:
        return f"{label} no longer takes effect on {', '.join(d.isoformat() for d in old)}"
    return f"{label} takes effect on {days}"


def _credited(event, published: list[Act], cache: RuleCache) -> list[tuple[str, str]]:
    """(part, what it did) for each part of the acts published that explains ``event``."""
    found = []
    for act in published:
        if act_key(act) == event.act_key:
            return [(event.label, "")]
        found += _parts_about(act, event.act, cache) + _deciding(act, event.act)
    if found:
        return found
    return [(act_label(act), "its publication changed the plan") for act in published]


def _parts_about(act: Act, other: Act, cache: RuleCache) -> list[tuple[str, str]]:
    """The ARTIKELEN of ``act`` that change, withdraw, condition or date ``other``."""
    label, named = act_label(act), act_label(other)
    found = []
    for article in act.articles:
        where = f"{label}, ARTIKEL {article.number}"
        if article.kind == "amend" and refers_to(article.law, other):
            targets = ", ".join(dict.fromkeys(t for t in map(target_article,
                                                                 article.instructions) if t))
            found.append((where, f"amends {named}" + (f", ARTIKEL {targets}" if targets else "")))
        elif article.kind == "repeal" and any(names_act(ref, other) for repeal in article.repeals
                                              for ref in repeal.laws):
            found.append((where, f"withdraws {named}"))
        elif article.kind == "samenloop" and _samenloop_about(article, other):
            found.append((where, f"samenloop with {named}"))
    for rules in cache.rules(act):
        if rules.target is not None and refers_to(rules.target, other):
            numbers = [a.number for a in act.articles if a.kind == "entry-into-force"]
            where = f"{label}, ARTIKEL {numbers[0]}" if len(numbers) == 1 else label
            found.append((where, f"sets when {named} takes effect"))
    return list(dict.fromkeys(found))


def _deciding(act: Act, other: Act) -> list[tuple[str, str]]:
    """``act`` as a whole when a samenloop ARTIKEL of ``other`` depends on it: its
    publication (its dates) decides that ARTIKEL."""
    return [(act_label(act), f"its publication decides {act_label(other)}, ARTIKEL "
                             f"{article.number} (samenloop)")
            for article in other.articles if article.kind == "samenloop"
            and _samenloop_about(article, act)]


def _samenloop_about(article: Article, other: Act) -> bool:
    branches = article.branches or (article,)
    return any(refers_to(b.law, other) or (b.condition is not None
                                           and names_act(b.condition.act, other))
               for b in branches)
