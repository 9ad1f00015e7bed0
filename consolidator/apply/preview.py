"""Every amending ARTIKEL of some acts applied to one law, in order, dates left aside:
a preview of the acts as if in force (``consolidator apply`` without ``--date``).

Samenloop ARTIKELEN are reported, not applied: which branch holds depends on when other
acts took effect (the time rules, ``time.inforce``).
"""
from __future__ import annotations

from consolidator.apply.sentences import apply_articles
from consolidator.law.toestand import law_title
from consolidator.read.select import articles_for, conditional_articles_for, law_names


def apply_acts(tree, acts, notify=lambda message: None):
    """``tree`` with the amending ARTIKELEN of each act that change it, in order.

    Samenloop ARTIKELEN are reported, not applied: which branch holds depends on
    when other acts took effect (the time rules)."""
    title = law_title(tree)
    names = law_names(title, _bwb_id(tree))
    for act in acts:
        articles = articles_for(act, names)
        if articles:
            notify(f"{act.source}: applying ARTIKEL {_numbers(articles)} to {title}")
            tree = apply_articles(tree, articles, source_label=_source_label(act), in_place=True)
        skipped = conditional_articles_for(act, names)
        if skipped:
            notify(f"{act.source}: samenloop ARTIKEL {_numbers(skipped)} not applied "
                   "(its condition needs the dates of other acts)")
    return tree


def _bwb_id(tree) -> str:
    return tree.getroot().get("bwb-id", "")


def _source_label(act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def _numbers(articles) -> str:
    return ", ".join(a.number for a in articles)
