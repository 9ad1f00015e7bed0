"""The ARTIKELEN of an act that the drafter's check cannot run against a corpus law:
one that changes a regulation the corpus does not hold (``law-not-in-corpus``), one that
changes another act of the corpus (checked on that act's text, as ``timeline`` will apply
it), and samenloop ARTIKELEN (noted: their branch depends on other acts' dates).
"""
from __future__ import annotations

from dataclasses import replace

from consolidator.apply.actedit import amend_article
from consolidator.errors import ApplyError
from consolidator.model import Act, Article, Onderdeel, Place, Span
from consolidator.read.select import articles_for
from consolidator.store.versions import LawInput
from consolidator.time.timeline import act_label, refers_to
from consolidator.views.check_inforce import same_label
from consolidator.views.check_report import ERROR, WARNING, Problem, error_kind, problem
from consolidator.views.check_run import sentences


def coverage(act: Act, laws: list[LawInput], acts: list[Act], notes: list,
             dated: bool = False) -> list[Problem]:
    """Amending ARTIKELEN whose regulation is not in the corpus (warnings), ARTIKELEN
    that change another act of the corpus (checked on that act's text), and
    samenloop ARTIKELEN (notes: their branch depends on other acts' dates)."""
    names = set().union(*(set(law.names) for law in laws)) if laws else set()
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
            span = article.law.span if article.law.span.line else article.span
            problems.append(problem(WARNING, "law-not-in-corpus",
                                    f"ARTIKEL {article.number} changes «{article.law.name}», "
                                    "which is not in the corpus: its instructions are not "
                                    "checked", span, Place(article.number)))
    return problems


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
