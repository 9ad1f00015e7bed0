"""An ARTIKEL that withdraws whole regulations (intrekking, Aanwijzing 5.64): «De Wet …
wordt ingetrokken.», «1. Het Besluit … vervalt.», read into ``model.Repeal`` by the
instruction grammar (its ``repeal`` rule).

An ARTIKEL is a repeal when its first lid is one. Each later lid that has a repeal's verb
(«wordt ingetrokken», «vervalt», «komt te vervallen») must read as one too, or the act is
refused: such a lid is never quietly kept as text. Other leden (what stays in force for
decisions taken under the old regulation, say) stay in ``Article.text``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from consolidator.model import Content, Locator, Place, Repeal
from consolidator.read.paras import Para

if TYPE_CHECKING:  # the act reader hands itself over
    from consolidator.read.act import ActReader

# A lid number before the sentence: «1. De Wet … wordt ingetrokken.»
_LID_RE = re.compile(r"^(\d+[a-z]?)\.\s+")
# The verbs that end a repeal: what makes a lid look like one (read, or refused).
REPEAL_VERB_RE = re.compile(r"\b(?:(?:wordt|worden)\s+(?:met ingang van [^.]*?)?ingetrokken|"
                            r"vervalt|vervallen|te vervallen)\s*\.?$")
_SUBJECT_RE = re.compile(r"^(?:De|Het|[A-Z‘'])")


def looks_like_repeal(text: str) -> bool:
    """A lid that reads like a repeal: a subject first, a repeal's verb last."""
    body = _LID_RE.sub("", text, count=1)
    return bool(_SUBJECT_RE.match(body) and REPEAL_VERB_RE.search(body)
                and not re.match(r"^(?:Artikel|Artikelen|In|Na|Voor|Aan|Onder|Hoofdstuk|"
                                 r"Paragraaf|Afdeling|Titel|Bijlage|§)\b", body))


def read_repeals(act: "ActReader", number: str, body: list[Para]) -> Optional[tuple[Repeal, ...]]:
    """The repeals of an ARTIKEL whose first lid withdraws regulations; None when the
    first lid is no repeal. A lid that looks like a repeal and is not one is an error
    (collected in the checker's mode)."""
    if not body or not looks_like_repeal(body[0].text) or not _reads_as_repeal(act, body[0]):
        return None
    found = []
    for para in body:
        if not looks_like_repeal(para.text):
            continue
        lid = _LID_RE.match(para.text)
        text = act.clean(para)[lid.end():] if lid else act.clean(para)
        column = para.column + (lid.end() if lid else 0)
        place = Place(article=number, punt=lid.group(1) if lid else "")
        parsed = act.sentence(Para(para.line, column, text, para.raw), place, Locator(),
                              Content(), text)
        if parsed is None:  # collecting: reported
            continue
        if not isinstance(parsed, Repeal):
            exc = act.error(para, f"ARTIKEL {number}: a lid of a repeal ARTIKEL that does not "
                            "withdraw a regulation", column)
            if act.collected(exc, place):
                continue
            raise exc
        found.append(parsed)
    return tuple(found)


def _reads_as_repeal(act: "ActReader", para: Para) -> bool:
    """The first lid reads as a repeal (else the ARTIKEL is another kind: «Artikel 5 van
    de Wet X vervalt» is an amendment)."""
    from consolidator.errors import ConsolidatorError
    from consolidator.read.instructions import parse_sentence

    lid = _LID_RE.match(para.text)
    text = act.clean(para)[lid.end():] if lid else act.clean(para)
    try:
        return isinstance(parse_sentence(text), Repeal)
    except ConsolidatorError:
        return bool(re.search(r"\b(?:wordt|worden)\s+(?:met ingang van [^.]*?)?ingetrokken\s*\.?$",
                              text) and re.match(r"^(?:De|Het)\s", text))
