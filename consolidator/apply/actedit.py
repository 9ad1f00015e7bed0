"""Amending a non-amending ARTIKEL of an act: its entry-into-force article, say.

«In artikel XII, tweede lid, van de Wet van 19 december 1996 … (Stb. 1996, 649)
wordt «1 januari 1999» vervangen door: een bij wet te bepalen tijdstip.» changes
the text of another act. The article's paragraphs become a small law document
(one artikel, its leden), the ordinary apply engine runs the instruction on it,
and the edited paragraphs come back as a new ``Article``. So words, leden and
volzinnen are found exactly as in a law, with the same errors.
"""
from __future__ import annotations

import re
from dataclasses import replace

from consolidator.law.elements import (
    al_text, find_article, is_al, is_lid, is_repealed, lid_number, make_al, make_artikel, make_lid,
    wettekst,
)
from consolidator.law.toestand import new_toestand
from consolidator.apply.sentences import apply_articles
from consolidator.model import Article

# «1. Deze wet …», « • 2. De artikelen …»: a lid of an article as published
_LID = re.compile(r"^\s*(?:•\s*)?(\d+[a-z]?)\.\s+(.*)$")


def amend_article(article: Article, amending: Article, source_label: str) -> Article:
    """``article`` with the instructions of ``amending`` applied to its text."""
    tree = _as_law(article)
    result = apply_articles(tree, [amending], source_label=source_label)
    return replace(article, text=_paragraphs(result, article.number))


def _as_law(article: Article):
    tree = new_toestand(None, "act")
    artikel = make_artikel(article.number)
    lid = None
    for paragraph in article.text:
        match = _LID.match(paragraph)
        if match:
            lid = make_lid(match.group(1), [match.group(2)])
            artikel.append(lid)
        elif lid is not None:  # a further alinea of the lid (an enumeration, say)
            lid.append(make_al(paragraph.strip()))
        else:
            artikel.append(make_al(paragraph.strip()))
    wettekst(tree).append(artikel)
    return tree


def _paragraphs(tree, number: str) -> tuple[str, ...]:
    artikel = find_article(tree, number)
    paragraphs = []
    for child in artikel:
        if is_lid(child):
            if is_repealed(child):
                continue
            texts = [al_text(al) for al in child if is_al(al)]
            paragraphs.append(f"{lid_number(child)}. {texts[0]}")
            paragraphs.extend(texts[1:])
        elif is_al(child):
            paragraphs.append(al_text(child))
    return tuple(paragraphs)
