"""Versions of an act: its text as other acts change it before its parts take effect.

An act's amending instructions may be changed by a later act («Artikel I, onderdeel C, van
de Wet van 5 maart 2024 … komt te luiden:»), by a samenloop branch that applies (of
another act, «wordt die wet als volgt gewijzigd:», or of the act itself, «wordt deze wet
gewijzigd als volgt:»), or by a novelle. Each such change takes effect on its own date
(the date of the amending part); from that date the act reads as changed. The versions are
the act as published (from ``date.min``) and the act after each date with changes.

Changes to an act's entry-into-force article are not versions: ``acttiming`` applies them
to the rules (a part takes effect under the entry-into-force text in force when it would).
Whether a change came too late (the instruction had taken effect: «a spent instruction
cannot be amended») is decided by the timeline, which knows when each part took effect.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from itertools import groupby
from typing import Optional

from consolidator.apply.actedit import amend_act
from consolidator.errors import ApplyError, TimeError
from consolidator.model import Act, Article
from consolidator.read import iwtrules
from consolidator.time.acts import act_label, names_act, refers_to
from consolidator.time.acttiming import ActTiming, RuleCache, entry_article_numbers, target_article
from consolidator.time.branches import branches_of
from consolidator.time.facts import ActFact


@dataclass(frozen=True)
class Amendment:
    """A change to an act's text that takes effect on ``when``."""

    when: _dt.date
    by: Act
    article: Article  # the amending ARTIKEL (one onderdeel of it), or a samenloop branch
    label: str  # «Stb. 2024, 120, ARTIKEL I, onderdeel A»
    order: tuple  # publication rank of ``by``, then place in it


@dataclass(frozen=True)
class ActVersion:
    """The act as it reads from ``start`` on, and which change made which part so:
    (ARTIKEL, onderdeel, label of the change), onderdeel "" for a whole ARTIKEL."""

    start: _dt.date
    act: Act
    changes: tuple[tuple[str, str, str], ...] = ()
    #: withdrawn from ``start`` (Aanwijzing 245): by this ARTIKEL («Stb. 2025, 3, ARTIKEL II»)
    withdrawn: str = ""

    def changed_by(self, artikel: str, onderdeel: str) -> list[str]:
        return [label for a, o, label in self.changes
                if a == artikel and (o == onderdeel or not o)]


@dataclass(frozen=True)
class Versions:
    versions: list[ActVersion]
    notes: list[str]
    #: other acts with samenloop branches about this act (their notes belong with it)
    deciders: tuple[Act, ...] = ()


def versions_of(act: Act, known: list[Act], facts: list[ActFact],
                known_at: Optional[_dt.date], cache: RuleCache,
                whole_text: bool = False) -> Versions:
    """The versions of ``act`` as known from the acts ``known`` (cached). With
    ``whole_text`` changes to its entry-into-force article make versions too (the text as
    ``show`` prints it; the timeline takes those changes from ``acttiming``)."""
    key = ("versions", id(act), tuple(id(a) for a in known), known_at, whole_text)
    found = cache.derived.get(key)
    if found is None:
        found = _versions(act, known, facts, known_at, cache, whole_text)
        cache.derived[key] = found
    return found


def _versions(act, known, facts, known_at, cache, whole_text) -> Versions:
    amendments, notes, deciders = [], [], []
    ranked = sorted(range(len(known)), key=lambda n: (known[n].published or _dt.date.max, n))
    for rank, n in enumerate(ranked):
        other = known[n]
        if other is not act:
            amendments += _amending_articles(act, other, rank, known, cache, notes, whole_text)
        found = _branches(act, other, rank, known, facts, known_at, cache)
        if found is not None:
            amendments += found
            if other is not act:
                deciders.append(other)
    withdrawal = _withdrawal(act, known, cache, notes)
    versions = [ActVersion(_dt.date.min, act)]
    amendments.sort(key=lambda a: (a.when, a.order))
    for when, group in groupby(amendments, key=lambda a: a.when):
        if withdrawal is not None and when >= withdrawal[0]:
            break  # a withdrawn act is changed no more
        current, changes = versions[-1].act, list(versions[-1].changes)
        for amendment in group:
            current, touched = _amend(current, amendment)
            changes += [(artikel, part, amendment.label) for artikel, part in touched]
        versions.append(ActVersion(when, current, tuple(changes)))
    if withdrawal is not None:
        last = versions[-1]
        versions.append(ActVersion(withdrawal[0], last.act, last.changes, withdrawal[1]))
    return Versions(versions, notes, tuple(deciders))


def _withdrawal(act, known, cache, notes) -> Optional[tuple[_dt.date, str]]:
    """The first known withdrawal of ``act`` («De Wet van … (Stb. …) tot wijziging van …
    wordt ingetrokken.», Aanwijzing 245): its date and the ARTIKEL that withdraws it."""
    found = []
    for other in known:
        if other is act:
            continue
        for article in other.articles:
            repeal = next((r for r in article.repeals if article.kind == "repeal"
                           and any(names_act(ref, act) for ref in r.laws)), None)
            if repeal is None:
                continue
            entry = ActTiming(other, known, cache).entry(iwtrules.Part(article.number))
            if repeal.date is not None:  # «wordt met ingang van … ingetrokken»
                entry = iwtrules.Entry(repeal.date, repeal.date, "", "")
            label = f"{act_label(other)}, ARTIKEL {article.number}"
            if entry.valid_from is None:
                notes.append(f"{label}: withdraws {act_label(act)}, but waits for "
                             f"{entry.pending} ({entry.reason})")
            else:
                found.append((entry.valid_from, label))
    return min(found) if found else None


def _amend(act: Act, amendment: Amendment):
    try:
        return amend_act(act, amendment.article, amendment.by, amendment.label)
    except ApplyError as exc:
        exc.message = (f"{exc.message} (changing {act_label(act)} as {amendment.label} says, "
                       f"from {amendment.when})")
        raise


def _amending_articles(act, other, rank, known, cache, notes, whole_text) -> list[Amendment]:
    """The onderdelen of ``other``'s ARTIKELEN that change ``act`` (not its entry into
    force), each with the date it takes effect."""
    found = []
    own_entry = set() if whole_text else entry_article_numbers(act)
    timing = None
    for index, article in enumerate(other.articles):
        if article.kind != "amend" or not refers_to(article.law, act):
            continue
        for place, onderdeel in enumerate(article.onderdelen):
            targets = {target_article(i) for i in onderdeel.instructions}
            if targets and targets <= own_entry:
                continue  # a change to the entry-into-force article: acttiming's
            timing = timing or ActTiming(other, known, cache)
            entry = timing.entry(iwtrules.Part(article.number, onderdeel.label))
            label = f"{act_label(other)}, ARTIKEL {article.number}" + (
                f", onderdeel {onderdeel.label}" if onderdeel.label else "")
            if entry.valid_from is None:
                notes.append(f"{label}: changes {act_label(act)}, but waits for "
                             f"{entry.pending} ({entry.reason})")
                continue
            piece = Article(number=article.number, kind="amend", law=article.law,
                            onderdelen=(onderdeel,), span=article.span)
            found.append(Amendment(entry.valid_from, other, piece, label, (rank, index, place)))
    return found


def _branches(act, other, rank, known, facts, known_at, cache) -> Optional[list[Amendment]]:
    """Samenloop branches of ``other`` (or of ``act`` itself) that apply and change ``act``;
    None when ``other`` has no branch about ``act``."""
    if not any(a.kind == "samenloop" for a in other.articles):
        return None
    found, about = [], False
    for index, branch in enumerate(branches_of(other, known, facts, known_at, cache)):
        if not branch.targets(act):
            continue
        about = True
        decision = branch.decision
        if decision.applies is None and not decision.waiting:
            raise TimeError(f"{branch.where} (samenloop): cannot decide: {decision.reason}; "
                            f"so the text of {act_label(act)} cannot be told",
                            source=other.source, line=branch.article.span.line)
        if decision.applies and branch.article.onderdelen:
            found.append(Amendment(branch.decision.when, other, branch.article,
                                   f"{branch.where} (samenloop)", (rank, 10 ** 6 + index, 0)))
    return found if about else None
