"""The numbers of elements among their siblings: what a number is, whether an element
stands in order, and the gaps and doubles of a numbered group.

Used by the postconditions: an inserted element present once under its number and in
order; a renumbering that leaves a gap or a double is an error (a plain «Het achtste lid
vervalt.» leaves no gap: the repealed lid keeps its number).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from consolidator.apply.definitions import MARKS
from consolidator.apply.resolve import item_label
from consolidator.law.elements import (
    artikel_number, heading_info, is_artikel, is_heading, is_repealed, lid_number,
    neighbour_articles,
)
from consolidator.numbers import roman_to_int


def number_of(el) -> str:
    """The number or label of an artikel, lid, list item or heading («12a», «2», «b», «1°»)."""
    # the tag read once (lxml makes a new string on every read), not by an is_* test each
    tag = el.tag
    if tag == "lid":
        return lid_number(el)
    if tag == "artikel":
        return artikel_number(el)
    if tag == "li":
        label = item_label(el)
        return "" if label in MARKS else label  # «–» marks an item, it does not number it
    return heading_info(el).nr if is_heading(el) else ""


_NUMBERED = re.compile(r"^(\d+)([a-z]*)(\d*)°?$")


@functools.lru_cache(maxsize=4096)  # a law's numbers are few and asked for again and again
def sort_key(number: str) -> Optional[tuple]:
    """A key under which numbers of one group sort as the law orders them: «2» < «2a» <
    «3»; «b» < «c» < «aa»; «III» < «IV»; None for a number of another shape."""
    text = number.replace(" ", "").rstrip(".").lower()
    match = _NUMBERED.match(text)
    if match:
        return (0, int(match.group(1)), match.group(2), int(match.group(3) or 0))
    if re.fullmatch(r"[a-z]{1,3}", text):
        if re.fullmatch(r"[ivxlc]+", text) and number.isupper():
            return (0, roman_to_int(number.upper()), "", 0)
        return (1, len(text), text)
    return None


def in_order(el) -> bool:
    """Whether ``el`` stands between its live neighbours of its kind as its number says
    (neighbours that are themselves out of order, or of another shape, are not judged)."""
    key = sort_key(number_of(el))
    if key is None:
        return True
    before, after = _neighbours(el)
    keys = [sort_key(number_of(n)) if n is not None else None for n in (before, after)]
    comparable = [k for k in keys if k is not None and k[0] == key[0]]
    if len(comparable) == 2 and not comparable[0] < comparable[1]:
        return True
    low, high = (keys[0] if keys[0] is not None and keys[0][0] == key[0] else None,
                 keys[1] if keys[1] is not None and keys[1][0] == key[0] else None)
    return (low is None or low < key) and (high is None or key < high)


def _neighbours(el):
    if is_artikel(el):
        return neighbour_articles(el)
    before = next((s for s in el.itersiblings(preceding=True)
                   if s.tag == el.tag and not is_repealed(s)), None)
    after = next((s for s in el.itersiblings() if s.tag == el.tag and not is_repealed(s)), None)
    return before, after


def live_twins(el, index=None, read: Optional[dict] = None) -> list:
    """The live siblings of ``el`` (other than itself) of its kind under its number; for
    an article, the live articles of the law under its number (through ``index``, an
    ``ArticleIndex``, when given). ``read``: a dict the caller passes to each of several
    calls while the law does not change (the numbers of siblings are read once)."""
    mine = number_read(el, read)  # its own number too: the law does not change meanwhile
    if is_artikel(el):
        others = index.found(mine) if index is not None else \
            el.getroottree().getroot().iter("artikel")
    else:
        others = el.getparent()
    key = sort_key(mine) or mine
    tag = el.tag  # read once: lxml makes a new string on every read
    found = []
    for other in others:
        if other is el or other.tag != tag:
            continue
        theirs = number_read(other, read)  # the same text is the same number, without a key
        if (theirs == mine or (sort_key(theirs) or theirs) == key) and not is_repealed(other):
            found.append(other)
    return found


def number_read(el, read: Optional[dict]) -> str:
    """``number_of(el)``, from ``read`` (id(element) -> (element, number)) when an earlier
    call put it there; None: read it, keep nothing."""
    if read is None:
        return number_of(el)
    known = read.get(id(el))
    if known is None or known[0] is not el:
        known = read[id(el)] = (el, number_of(el))
    return known[1]


def group_state(container, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(gaps, doubles) of the numbered children of ``container`` with tag ``tag``: the
    plain numbers (1, 2, …) or letters (a, b, …) missing below the highest, and the
    numbers two live children share."""
    numbers, live = [], []  # every child's number, and the live ones' (one pass, no lists
    # of children made first: a renumbering asks this twice); a lid's number read without
    # ``number_of``'s look at the tag, which is the one asked for
    read = lid_number if tag == "lid" else number_of
    for child in container:
        if child.tag == tag:
            number = read(child)
            numbers.append(number)
            if not is_repealed(child):
                live.append(number)
    # no number twice, the usual group, is seen by the count of distinct ones
    doubles = () if len(set(live)) == len(live) else \
        tuple(sorted({n for n in live if n and live.count(n) > 1}))
    return _gaps(numbers), doubles


def _gaps(numbers: list[str]) -> tuple[str, ...]:
    values, letters = set(), None
    for label in numbers:
        # what r"\d+°?" matches whole (\d: a decimal digit); the plain number first, and
        # «°» looked for by a slice (``endswith`` parses its arguments: several times dearer)
        digits = label if label.isdecimal() else label[:-1] if label[-1:] == "°" else None
        if digits is not None and digits.isdecimal():
            values.add(int(digits))
            letters = False if letters is None else letters
        elif len(label) == 1 and "a" <= label <= "z":
            values.add(ord(label) - ord("a") + 1)
            letters = True if letters is None else letters
    if not values:
        return ()
    top = max(values)
    if len(values) == top and 0 not in values:  # top distinct values, each 1..top: all there
        return ()
    missing = sorted(set(range(1, top + 1)) - values)
    return tuple(chr(ord("a") + n - 1) if letters else str(n) for n in missing)
