"""Quoted new content: what each line after «luidende:» is (a lid, a list item, an
article heading, a structural heading, or plain text).
"""
from __future__ import annotations

import re

from consolidator.model import ContentLine, Span
from consolidator.read.paras import Para

PUNT_RE = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$")
# An article heading inside quoted content: «Artikel 95a. Grondslag …», «ARTIKEL VA. …»;
# the full stop after the number keeps «Artikel 8:2 van de Awb is …» a sentence.
CONTENT_ARTICLE_RE = re.compile(r"^(?:ARTIKEL|Artikel)\s+([A-Z]\s\d+\w*|[\w:]+(?:\.\d+\w*)*)(?:\.\s+(.*)|\.?)$")
CONTENT_LID_RE = re.compile(r"^•\s*(\d+[a-z]?)\.\s*(.*)$")
CONTENT_ITEM_RE = re.compile(r"^(\d+°|[a-z]{1,2}|\d+[a-z]?)[.)]\s+(.*)$")
HEADING_RE = re.compile(r"^(§|Hoofdstuk|HOOFDSTUK|Titel|TITEL|Afdeling|AFDELING|Paragraaf|PARAGRAAF)\s+(\S+?)\.?(?:\s+(.*))?$")


def content_line(para: Para) -> ContentLine:
    """Classify one line of quoted new content."""
    text, span = para.text, Span(para.line, para.column)
    lid = CONTENT_LID_RE.match(text)
    if lid:
        return ContentLine("lid", lid.group(2), label=lid.group(1), span=span)
    indent = len(para.raw) - len(para.raw.lstrip())
    plain_lid = PUNT_RE.match(text)
    if plain_lid and indent == 0:  # modern acts write new leden without a bullet
        return ContentLine("lid", plain_lid.group(2), label=plain_lid.group(1), span=span)
    item = CONTENT_ITEM_RE.match(text)
    if item and indent >= 2:
        level = 2 if item.group(1).endswith("°") or indent >= 4 else 1
        return ContentLine("item", item.group(2), label=item.group(1), level=level, span=span)
    article = CONTENT_ARTICLE_RE.match(text)
    if article:
        return ContentLine("artikel", (article.group(2) or "").strip(), label=article.group(1),
                           span=span)
    heading = HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        kind = "paragraaf" if kind == "§" else kind
        return ContentLine("heading", (heading.group(3) or "").strip(), label=heading.group(2),
                           heading_kind=kind, span=span)
    return ContentLine("text", text, span=span)


# ---------------------------------------------------------------------------- helpers
