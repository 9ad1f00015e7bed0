"""Articles of one law by number, so that locating «artikel 105a1» does not scan
a law of thousands of articles for every instruction.

The index is built on first use and dropped (``invalidate``) by the apply engine
after any instruction that may add, replace or renumber articles; numbers
compare as ``resolve`` compares them («III» = «3», «E 24» = «E24»).
"""
from __future__ import annotations

from typing import Optional

from consolidator.law.elements import artikel_number, is_repealed, iter_articles
from consolidator.numbers import roman_to_int


def number_key(number: str):
    """The form under which two article numbers that name the same article agree."""
    if number.isdecimal():  # the usual number: no space or dot to take off first
        return int(number)
    text = number.replace(" ", "").rstrip(".")
    if text.isdecimal():  # not isdigit: int("2¹") fails
        return int(text)
    if text[:1].isdigit():  # «5a»: no roman numeral starts with a digit
        return text.lower()
    try:
        return roman_to_int(text.upper())
    except ValueError:
        return text.lower()


def index_key(number: str) -> str:
    """``number_key`` in the form the index keeps: a number as its decimal digits, without
    leading zeros («012», «12», «XII» → «12»), anything else as ``number_key`` gives it. Two
    numbers have the same ``index_key`` exactly when they have the same ``number_key``: a
    ``number_key`` that is no int is a lowered text that is not all decimal digits (no letter
    lowers to a digit), so it never spells an int's digits."""
    if number.isdecimal() and number.isascii() and number[0] != "0":
        return number  # the usual number, already in that form: no int made and spelled again
    key = number_key(number)
    return key if type(key) is str else str(key)


class ArticleIndex:
    __slots__ = ("tree", "_by_key")

    def __init__(self, tree):
        self.tree = tree
        self._by_key: Optional[dict] = None

    def invalidate(self) -> None:
        self._by_key = None

    def add(self, el) -> None:
        """A new artikel (just inserted into the tree)."""
        if self._by_key is not None:
            key = index_key(artikel_number(el))
            entries = self._by_key.get(key, ())
            if not any(e is el for e in entries):
                self._by_key[key] = entries + (el,)

    def find(self, number: str) -> list:
        """Every artikel numbered ``number`` (repealed ones too), in document order."""
        return list(self.found(number))

    def found(self, number: str) -> tuple:
        """``find``, as a tuple the caller cannot change (nothing copied: the index
        holds each number's articles as a tuple, replaced whole by ``add``)."""
        if self._by_key is None:
            self._by_key = _by_key(self.tree)
        return self._by_key.get(index_key(number), ())

    def preferred(self, number: str):
        """The artikel numbered exactly ``number``, a live one before a repealed one, or
        None: what ``elements.find_article`` answers, without a scan of the law per call."""
        found = [el for el in self.find(number) if artikel_number(el) == number]
        return next((el for el in found if not is_repealed(el)), found[0] if found else None)


def _by_key(tree) -> dict:
    """index_key -> the articles of the law under it, in document order (a tuple)."""
    by_key: dict = {}
    for el in iter_articles(tree):
        # the usual layout, «<artikel><kop><label>…</label><nr>12</nr>», read here without
        # a call (an index reads every article of the law); any other by ``artikel_number``
        try:
            kop = el[0]
            label, nr = kop[0], kop[1]
        except IndexError:
            kop = None
        if kop is not None and kop.tag == "kop" and label.tag == "label" and nr.tag == "nr" \
                and not len(nr) and (text := nr.text) and text.isdecimal():
            # ``index_key`` of a plain number: itself, unless it is not ASCII or starts with 0
            key = text if text.isascii() and text[0] != "0" else str(int(text))
        else:
            key = index_key(artikel_number(el))
        by_key[key] = by_key.get(key, ()) + (el,)  # a number is nearly always one article's
    return by_key


def _numbered_articles(tree):
    """(artikel, ``artikel_number``) of every artikel of the wettekst, in document order
    (``artikel_number`` looks at the usual places of the number first, so asking it per
    article is quicker than a walk over every kop and nr of the law that reads them)."""
    return [(el, artikel_number(el)) for el in iter_articles(tree)]
