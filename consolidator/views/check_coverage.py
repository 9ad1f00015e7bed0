"""The ARTIKELEN of an act that the drafter's check cannot run against a corpus law:
one that changes a regulation the corpus (or store) does not hold (``law-not-in-corpus``;
``law-name`` when the name is a slip away from a law's: «did you mean …?»), one that
changes another act of the corpus (checked on that act's text, as ``timeline`` will apply
it), and samenloop ARTIKELEN (noted: their branch depends on other acts' dates). An act
none of whose regulations is known is ``nothing-checked``.
"""
from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher, get_close_matches
from typing import Optional

from consolidator.apply.actedit import amend_article
from consolidator.errors import ApplyError
from consolidator.model import Act, Article, Onderdeel, Place, Span
from consolidator.law.toestand import law_title
from consolidator.read.select import FORMER_NAMES, articles_for, name_key
from consolidator.store.versions import LawInput
from consolidator.time.timeline import act_label, refers_to
from consolidator.views.check_inforce import same_label
from consolidator.views.check_report import ERROR, WARNING, Problem, error_kind, problem
from consolidator.views.check_run import sentences


def coverage(act: Act, laws: list[LawInput], acts: list[Act], notes: list,
             dated: bool = False, where: str = "corpus",
             titles: Optional[dict[str, str]] = None) -> list[Problem]:
    """Amending ARTIKELEN whose regulation is not in the corpus (or store: ``where``):
    an error when its name is a slip away from a law's (``law-name``), else a warning;
    ARTIKELEN that change another act of the corpus (checked on that act's text), and
    samenloop ARTIKELEN (notes: their branch depends on other acts' dates). ``titles``:
    each law's citeertitel by id (default: read from its text), for «did you mean»."""
    names = set().union(*(set(law.names) for law in laws)) if laws else set()
    known = known_names(laws, titles)
    problems = []
    for article in act.articles:
        if article.kind == "samenloop" and not dated:  # with a date, ``plan`` decides them
            notes.append(f"ARTIKEL {article.number} (samenloop) is not checked: which branch "
                         "applies depends on when other acts take effect")
            continue
        if article.kind != "amend" or article.law is None or article.law.kind == "this-act":
            continue
        if articles_for(Act(act.title, (article,)), names):
            continue  # checked against the law
        other = next((a for a in acts if refers_to(article.law, a)), None)
        if other is not None:
            problems += _act_edits(article, other, act_label(act), notes)
        else:
            problems.append(_not_known(article, known, where))
    return problems


def _not_known(article: Article, known: dict[str, str], where: str) -> Problem:
    span = article.law.span if article.law.span.line else article.span
    head = f"ARTIKEL {article.number} changes «{article.law.name}», which is not in the {where}"
    close = close_name(article.law.name, known)
    if close is not None:
        return problem(ERROR, "law-name", f"{head}; did you mean «{close}»? Its instructions "
                       "are not checked", span, Place(article.number))
    return problem(WARNING, "law-not-in-corpus", f"{head}: its instructions are not checked",
                   span, Place(article.number))


def known_names(laws: list[LawInput], titles: Optional[dict[str, str]] = None) -> dict[str, str]:
    """Every name an act may use for one of ``laws`` (its citeertitel and former names,
    ``select.FORMER_NAMES``), by the key names compare with, as the law writes it."""
    found = {}
    for law in laws:
        title = (titles or {}).get(law.law_id) or (law_title(law.tree) if law.tree is not None
                                                   else "")
        for name in (title,) + FORMER_NAMES.get(law.law_id, ()):
            if name:
                found.setdefault(name_key(name), name)
    return found


def close_name(name: str, known: dict[str, str]) -> Optional[str]:
    """The known name ``name`` is a slip away from: the closest by ``difflib`` whose
    letters differ in at most a few places (2, or one in twelve for a long name), so that
    «Wet op het primair onderwijs BES» is another law, not a slip for «Wet op het primair
    onderwijs»."""
    key = name_key(name)
    for found in get_close_matches(key, list(known), n=3, cutoff=0.8):
        matched = sum(b.size for b in SequenceMatcher(None, key, found,
                                                      autojunk=False).get_matching_blocks())
        if max(len(key), len(found)) - matched <= max(2, len(key) // 12):
            return known[found]
    return None


def nothing_checked(act: Act, laws: list[LawInput], acts: list[Act], problems: list[Problem],
                    where: str = "corpus") -> list[Problem]:
    """An error when the act changes laws but none of them is in the corpus (store) and no
    other act it changes is either: nothing could be checked (unless a «did you mean»
    already says why)."""
    names = set().union(*(set(law.names) for law in laws)) if laws else set()
    amending = [a for a in act.articles if a.kind == "amend" and a.law is not None
                and a.law.kind != "this-act"]
    if not amending or any(p.kind == "law-name" for p in problems):
        return []
    for article in amending:
        if articles_for(Act(act.title, (article,)), names) or any(
                refers_to(article.law, other) for other in acts):
            return []
    return [problem(ERROR, "nothing-checked", f"none of the regulations this act changes is "
                    f"in the {where}: nothing was checked",
                    amending[0].law.span if amending[0].law.span.line else amending[0].span,
                    Place(amending[0].number))]


def _act_edits(article: Article, other: Act, label: str, notes: list) -> list[Problem]:
    """An ARTIKEL that changes non-amending ARTIKELEN of another corpus act (its
    entry-into-force article, say): each sentence applied to that article's text
    as ``timeline`` will (``actedit``), failures reported and skipped."""
    problems, current = [], {}
    for sentence in sentences([article]):
        ins = sentence.instructions[0]
        number = next((step.number for loc in ins.targets for step in loc.steps
                       if step.kind in ("artikel", "act-artikel")), "")
        target = current.get(number) or next(
            (a for a in other.articles if same_label(a.number, number, "artikel")), None)
        if target is None:
            problems.append(problem(ERROR, "not-found", f"{act_label(other)} has no ARTIKEL "
                                    f"{number or '(none named)'}", ins.span, ins.place))
            continue
        if target.kind in ("amend", "samenloop"):
            notes.append(f"{ins.place}: changes the instructions of {act_label(other)}, "
                         f"ARTIKEL {target.number}: not checked")
            continue
        single = replace(article, onderdelen=(Onderdeel(label="", sentences=(sentence,)),))
        try:
            current[number] = amend_article(target, single, label)
        except ApplyError as exc:
            span = Span(exc.line, exc.column) if exc.line else sentence.span
            problems.append(problem(ERROR, error_kind(exc), getattr(exc, "reason", exc.message),
                                    span, getattr(exc, "place", None) or ins.place,
                                    act_label(other)))
    return problems
