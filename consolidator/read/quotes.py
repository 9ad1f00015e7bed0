"""Where the quotes of a sentence are, in time linear in its length.

The grammar's QUOTED terminal is the one definition of a quote («…», “…”, ‘…’, "…", „…”).
``finditer`` with it tries every opening mark and reads to the end of the text when no
closing mark follows, so a paragraph of many unclosed «« took quadratic time. A quote
that opens at ``p`` is found exactly when a closing mark of its kind comes after ``p``
(each kind of opening mark starts one alternative of the terminal, and what lies between
is any run of non-closing marks); so the terminal is tried only where it will match (or
where a lookbehind may still refuse it), and the search goes on after its end, as
``finditer`` does.
"""
from __future__ import annotations

import re

#: each opening mark → the marks that close it (as in grammar/instruction.lark's QUOTED)
CLOSERS = {"«": "»", "“": "”", "‘": "’", "’": "’", '"': '"', "”": "”", "„": "”“\""}
_OPENER = re.compile("[" + re.escape("".join(CLOSERS)) + "]")
_CLOSERS_OF = {mark: tuple(closers) for mark, closers in CLOSERS.items()}


def quote_spans(text: str, quoted: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of every match of ``quoted`` (the QUOTED terminal) that ``finditer``
    would give."""
    last_closer: dict[str, int] = {}  # opening mark → where the last mark closing it stands
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        opener = _OPENER.search(text, pos)
        if opener is None:
            return spans
        start, mark = opener.start(), opener.group()
        closes_at = last_closer.get(mark)
        if closes_at is None:
            closes_at = last_closer[mark] = max(map(text.rfind, _CLOSERS_OF[mark]))
        if closes_at > start:
            match = quoted.match(text, start)
            if match is not None:
                spans.append(match.span())
                pos = match.end()
                continue
        pos = start + 1


#: every quote mark but «»: a text with none of them has «…» quotes only, if any
_NOT_GUILLEMETS = tuple(sorted((set(CLOSERS) | set("".join(CLOSERS.values()))) - {"«", "»"}))


def only_guillemets(text: str) -> bool:
    """Whether «» are the only quote marks of ``text`` (the marks of most acts). Six
    ``in`` tests: a pattern of the six marks tests each character in turn, five times as
    long, and a mark beyond U+00FF is never in a text of Latin-1 characters (a test of
    its width)."""
    # the six marks of ``_NOT_GUILLEMETS`` written out (tests/test_reader_shortcuts3.py
    # holds them to it): a loop over them cost more than the tests
    return not ('"' in text or "‘" in text or "’" in text or "“" in text or "”" in text
                or "„" in text)


def in_guillemets(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside one of the ``quote_spans`` of a text that
    ``only_guillemets``, without finding them all: a quote runs from a « to the next »,
    so ``pos`` (no mark itself) is inside one when a « stands after the last » before it
    and a » comes after it."""
    return text.rfind("«", 0, pos) > text.rfind("»", 0, pos) and text.find("»", pos) >= 0
