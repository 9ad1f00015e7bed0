"""«A, and later B» in time linear in the length of the text.

A pattern «A.*B» or «A[^.]*B» tried by ``search`` starts over at every «A» and reads to
the end of the text (or of the sentence) from each: a paragraph of «wordt wordt …» took
quadratic time. What it asks is simpler: is there an «A» with a «B» after it? The «A»
that ends first leaves the most room, and ``search`` finds it when every match of ``A``
ends after the matches that start before it (words between word edges do); ``B`` is then
looked for once, from its end. A text is read by these searches a bounded number of times.

``tests/test_linear_time.py`` holds each use to the pattern it replaces.
"""
from __future__ import annotations

import re
from typing import Optional


def followed_by(text: str, first: re.Pattern, then: re.Pattern, pos: int = 0) -> bool:
    """What ``search`` of ``first.*then`` finds (``.`` over a text without line breaks, or
    with DOTALL): a match of ``first`` from ``pos`` on and one of ``then`` from its end."""
    found = first.search(text, pos)
    return found is not None and then.search(text, found.end()) is not None


def followed_within(text: str, first: re.Pattern, then: re.Pattern, stop: str) -> bool:
    """What ``search`` of ``first[^stop]*then`` finds (``stop`` one character): a match of
    ``first`` and one of ``then`` from its end on, with no ``stop`` between them.

    Each ``first`` is paired with the next ``then`` and the next ``stop`` after it; both
    are found again only once the search has passed them, so no part of the text is read
    more than a few times. A match of ``first`` holds no ``stop``."""
    pos, later, barrier = 0, _Next(text, then), _Next(text, stop)
    while True:
        found = first.search(text, pos)
        if found is None:
            return False
        end = found.end()
        after = later.at_or_after(end)
        if after is None:
            return False
        wall = barrier.at_or_after(end)
        if wall is None or after <= wall:
            return True
        pos = wall + 1  # every «first» before the wall meets it before a «then»


class _Next:
    """The first match of a pattern (or of one character) at or after a position, for
    positions that only grow: found again only when the last one lies behind."""

    def __init__(self, text: str, what):
        self.text, self.what = text, what
        self.found: Optional[int] = -1  # -1: not looked for yet; None: there is none

    def at_or_after(self, pos: int) -> Optional[int]:
        if self.found is not None and self.found < pos:
            self.found = self._search(pos)
        return self.found

    def _search(self, pos: int) -> Optional[int]:
        if isinstance(self.what, str):
            at = self.text.find(self.what, pos)
            return at if at >= 0 else None
        match = self.what.search(self.text, pos)
        return match.start() if match else None
