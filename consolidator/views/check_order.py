"""The ``out-of-order`` warning of the drafter's check: an article or heading the act
inserts that is out of numeric order with its neighbours.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from consolidator.law.elements import artikel_number, heading_info, is_heading, is_repealed, iter_articles, wettekst
from consolidator.law.artindex import number_key
from consolidator.model import Instruction
from consolidator.numbers import roman_to_int
from consolidator.views.check_snapshot import Headings

_ROMAN_RE = re.compile(r"[IVXLC]+")


def order_key(number: str) -> Optional[tuple]:
    """A sort key for article and heading numbers: «95» < «95a» < «95a1» < «95b» <
    «96»; «E 24» < «E 24a»; «1.1» < «1.2» < «2.1»; roman numerals by value. None
    for an empty number."""
    tokens = re.findall(r"\d+|[A-Za-z]+", number)
    if not tokens:
        return None
    key = []
    for n, token in enumerate(tokens):
        if token.isdigit():
            key.append((0, int(token)))
        elif n == 0 and _ROMAN_RE.fullmatch(token):
            key.append((0, roman_to_int(token)))
        else:
            key.append((1, token.lower()))
    return tuple(key)


def warn_new_articles(tree, before: dict, after: dict, changed: list, ins: Instruction,
                      warn: Callable) -> None:
    """The articles that are live now and were not (``before``/``after``: snapshots by
    number key), each against its neighbours in the law."""
    new = [key for key in changed if after.get(key) and after[key].live
           and not (before.get(key) and before[key].live)]
    if not new:
        return
    articles = list(iter_articles(tree))
    for n, el in enumerate(articles):
        if number_key(artikel_number(el)) in new and not is_repealed(el):
            _order(el, articles[n - 1] if n else None,
                   articles[n + 1] if n + 1 < len(articles) else None,
                   artikel_number, "artikel", ins, warn)


def warn_new_headings(tree, before: Headings, ins: Instruction, warn: Callable) -> None:
    """The headings not in ``before`` (a ``headings`` snapshot), each against its
    neighbours of the same kind."""
    for el in wettekst(tree).iter():
        if not is_heading(el) or before.had(el):
            continue
        parent = el.getparent()
        same = [c for c in parent if c.tag == el.tag]
        n = same.index(el)
        _order(el, same[n - 1] if n else None, same[n + 1] if n + 1 < len(same) else None,
               lambda h: heading_info(h).nr, heading_info(el).kind, ins, warn)


def _order(el, prev, nxt, number: Callable, what: str, ins: Instruction,
           warn: Callable) -> None:
    nr = number(el)
    for other, word, ok in ((prev, "after", lambda a, b: a < b),
                            (nxt, "before", lambda a, b: b < a)):
        if other is None:
            continue
        mine, theirs = order_key(nr), order_key(number(other))
        if mine is None or theirs is None or len(mine) == 0 or mine[0][0] != theirs[0][0]:
            continue
        if not ok(theirs, mine):
            warn("out-of-order", f"{what} {nr} is placed {word} {what} "
                 f"{number(other)}: out of numeric order", ins.span, ins.place)
