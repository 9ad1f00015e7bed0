"""Volzinnen: where the sentences of a lid, an article or a list item begin and end.

A volzin ends at «.», «?» or «!» followed by whitespace, or at the end of the
text. It does not end

* after an abbreviation (``v.w.o.``, ``art.``, ``nr.``, ``Stb.`` …, see
  ``ABBREVIATIONS``),
* inside a number (``1,5``, ``2.3``: no whitespace follows the mark), nor
* before a lowercase word: Dutch legislative sentences start with a capital or a
  digit, so «onder a. of b» is not a boundary even for an unknown abbreviation.

**Lists.** A lid that introduces a list («… vast: a. …; b. ….») is one
sentence in the law's grammar: the intro up to the list and *all* its items
form one volzin, the last volzin of the intro text. An alinea right after the list
that starts in lower case («een en ander voor zover …») continues that sentence: up
to its first boundary it belongs to the same volzin (a volzin starts with a capital or
a digit, as above). Any other text after the list (a further alinea) starts a new
volzin. ``volzinnen_of_parts`` applies this rule to the texts of an element in
document order; ``spans`` splits one text.

>>> [t for t in texts("Zie art. 5. Het aantal is 1,5. Klaar")]
['Zie art. 5.', 'Het aantal is 1,5.', 'Klaar']
"""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence

#: Abbreviations after which a full stop does not end a volzin (compared lowercased).
ABBREVIATIONS = frozenset({
    "v.w.o.", "a.v.o.", "v.b.o.", "m.a.v.o.", "h.a.v.o.", "l.b.o.", "b.v.", "n.v.", "art.",
    "artt.", "enz.", "jo.", "nr.", "nrs.", "o.a.", "i.v.m.", "bijv.", "stb.", "stcrt.",
    "e.d.", "e.a.", "m.b.t.", "t.a.v.", "c.q.", "d.w.z.", "z.g.", "ca.", "blz.", "mr.",
    "dr.", "prof.", "jl.", "vgl.", "resp.", "kamerstukken", "st.",
})

_END = re.compile(r"[.?!](?=\s)")


_LONGEST = max(map(len, ABBREVIATIONS))
_NOT_SPACE = re.compile(r"\S")


def _token_before(text: str, end: int) -> str:
    """The word ending at ``end`` (inclusive of the mark), from the last space or «(»;
    looked for no further back than the longest abbreviation (a longer word is none of
    them, and searching back to the start for every full stop was quadratic)."""
    lo = max(0, end - _LONGEST - 1)
    start = max(text.rfind(" ", lo, end), text.rfind("(", lo, end)) + 1
    if start == 0 and lo > 0:
        return text[lo - 1:end].lower()  # longer than any abbreviation
    return text[start:end].lower()


def _next_text(text: str, pos: int) -> int:
    """The index of the first non-space character from ``pos`` on (len(text) if none)."""
    found = _NOT_SPACE.search(text, pos)
    return found.start() if found else len(text)


def _is_boundary(text: str, pos: int) -> bool:
    """True when the mark at ``pos`` ends a volzin."""
    if text[pos] == "." and _token_before(text, pos + 1) in ABBREVIATIONS:
        return False
    after = _next_text(text, pos + 1)
    return after < len(text) and not text[after].islower()


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each volzin of ``text``; end excludes the whitespace after it."""
    found, start = [], _next_text(text, 0)
    for mark in _END.finditer(text):
        if mark.start() >= start and _is_boundary(text, mark.start()):
            found.append((start, mark.end()))
            start = _next_text(text, mark.end())
    end = len(text.rstrip())
    if start < end:
        found.append((start, end))
    return found


def texts(text: str) -> list[str]:
    """The volzinnen of ``text`` as strings."""
    return [text[a:b] for a, b in spans(text)]


class Piece(NamedTuple):
    """Part of a volzin: characters ``start:end`` of part number ``part``."""

    part: int
    start: int
    end: int


def volzinnen_of_parts(parts: Sequence[tuple[str, bool]]) -> list[list[Piece]]:
    """Volzinnen over several texts in document order.

    ``parts`` are ``(text, in_list)``: the alineas of a lid and, flagged, the
    texts of its list items. A list item never starts a volzin: every item
    continues the volzin its intro opened (the whole list belongs to the last
    volzin before it). A text after the list starts a new volzin, unless it starts
    in lower case: then its first volzin is the end of the list's (``continues``).
    """
    result: list[list[Piece]] = []
    for index, (text, in_list) in enumerate(parts):
        if in_list and result:
            result[-1].append(Piece(index, 0, len(text)))
            continue
        found = spans(text) or [(0, 0)] * bool(in_list)
        if found and result and index and parts[index - 1][1] and continues(text):
            start, end = found.pop(0)
            result[-1].append(Piece(index, start, end))
        for start, end in found:
            result.append([Piece(index, start, end)])
    return result


def continues(text: str) -> bool:
    """Whether an alinea right after a list goes on with the sentence of the list's
    intro: it starts with a lower-case letter («een en ander voor zover …»)."""
    first = _next_text(text, 0)
    return first < len(text) and text[first].islower()
