"""Every amending ARTIKEL of some acts applied to one law, in order, dates left aside:
a preview of the acts as if in force (``consolidator apply`` without ``--date``).

Samenloop ARTIKELEN are reported, not applied: which branch holds depends on when other
acts took effect (the time rules, ``time.inforce``).
"""
from __future__ import annotations

from consolidator.apply.sentences import apply_counting
from consolidator.errors import ApplyError
from consolidator.law.toestand import law_title
from consolidator.read.select import articles_for, conditional_articles_for, law_names


def apply_acts(tree, acts, notify=lambda message: None):
    """``tree`` with the amending ARTIKELEN of each act that change it, in order.

    Samenloop ARTIKELEN are reported, not applied: which branch holds depends on
    when other acts took effect (the time rules). An act whose ARTIKELEN for this law
    change nothing in it is an ``ApplyError``: its instructions cannot have been meant."""
    title = law_title(tree)
    names = law_names(title, _bwb_id(tree))
    for act in acts:
        articles = articles_for(act, names)
        if articles:
            notify(f"{act.source}: applying ARTIKEL {_numbers(articles)} to {title}")
            tree, changes = apply_counting(tree, articles, source_label=_source_label(act),
                                           in_place=True)
            if not changes:
                raise ApplyError(f"ARTIKEL {_numbers(articles)} change nothing in {title}",
                                 source=act.source)
        skipped = conditional_articles_for(act, names)
        if skipped and not articles:
            raise ApplyError(f"the act changes {title} only in samenloop ARTIKEL "
                             f"{_numbers(skipped)}, whose condition needs the dates of other "
                             "acts: apply it with --date", source=act.source)
        if skipped:
            notify(f"{act.source}: samenloop ARTIKEL {_numbers(skipped)} not applied "
                   "(its condition needs the dates of other acts)")
    return tree


def refuse_unnamed(tree, acts) -> None:
    """``ApplyError`` when acts are given and none of them names the law (by its
    citeertitel or a former one): applying them would write the law back unchanged as
    if that were their effect."""
    if not acts:
        return
    title = law_title(tree)
    names = law_names(title, _bwb_id(tree))
    if any(articles_for(act, names) or conditional_articles_for(act, names) for act in acts):
        return
    named = sorted({a.law.name for act in acts for a in act.articles
                    if a.law is not None and a.law.kind == "law"})
    raise ApplyError(f"none of the acts given changes {title}"
                     + (f"; they change: {'; '.join(named)}" if named else
                        "; they name no law they change"))


def _bwb_id(tree) -> str:
    return tree.getroot().get("bwb-id", "")


def _source_label(act) -> str:
    return f"Stb. {act.stb}" if act.stb else act.title


def _numbers(articles) -> str:
    return ", ".join(a.number for a in articles)
