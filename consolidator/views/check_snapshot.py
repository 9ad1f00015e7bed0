"""What the drafter's check compares before and after a sentence of the act: the law's
articles (number, live or repealed, opschrift), its headings and its inhoudsopgave entries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from consolidator.law.elements import artikel_number, artikel_titel, heading_info, is_heading, is_repealed, iter_articles, wettekst
from consolidator.law.toc import toc_entries
from consolidator.law.artindex import number_key


@dataclass
class ArticleState:
    number: str
    live: bool
    opschrift: str


def articles(tree) -> dict:
    """number key → ArticleState (a live one wins over a repealed one of the same number)."""
    found: dict = {}
    for el in iter_articles(tree):
        key = number_key(artikel_number(el))
        live = not is_repealed(el)
        if key not in found or (live and not found[key].live):
            found[key] = ArticleState(artikel_number(el), live, norm(artikel_titel(el)))
    return found


def heading_key(el) -> tuple:
    info = heading_info(el)
    return (el.tag, info.nr, tuple(heading_info(a).nr for a in el.iterancestors()
                                   if is_heading(a)))


class Headings:
    """Every heading of a law at one moment: a new heading is one that is neither one of
    these elements nor has the (kind, number, parents) of one (a replaced heading keeps
    its number)."""

    def __init__(self, tree):
        # the elements are kept: lxml makes a Python object for an element only while
        # something holds it, so the id of one no longer held may be another's later
        self.elements = [el for el in wettekst(tree).iter() if is_heading(el)]
        self.ids = {id(el) for el in self.elements}
        self.keys = {heading_key(el) for el in self.elements}

    def had(self, el) -> bool:
        """Whether ``el`` (a heading) was there, or one with its kind, number and parents."""
        return id(el) in self.ids or heading_key(el) in self.keys


def headings(tree) -> Headings:
    """The headings of ``tree`` as they are now (``Headings``)."""
    return Headings(tree)


_TOC_ARTICLE = re.compile(r"^Artikel\s+(.+?)\.?(?:\s|$)")
# The number starts after the spaces: «\s+(.+?)» could share them out, which is quadratic
# on an entry of many spaces without a full stop.
_TOC_ARTICLE_STOP = re.compile(r"^Artikel\s+(\S.*?)\.(?:\s|$)")


def toc(tree) -> dict:
    """article number key → the text of its entry in the inhoudsopgave."""
    found = {}
    for text in toc_entries(tree):
        number = toc_article_number(text)
        if number is not None:
            found.setdefault(number_key(number), text)
    return found


def toc_article_number(entry: str) -> Optional[str]:
    """The article number an inhoudsopgave entry names («Artikel 86. Bekostiging» → «86»)."""
    match = _TOC_ARTICLE_STOP.match(entry) or _TOC_ARTICLE.match(entry)
    return match.group(1) if match else None


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()
