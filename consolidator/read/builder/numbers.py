"""Builder methods for grammar/numbers.lark: ordinals, labels, «1°», «(nieuw)»."""
from __future__ import annotations

import re

from consolidator.numbers import ORDINALS, int_to_roman, roman_to_int
from consolidator.read.builder.base import BuilderBase, text_only


class NumberRules(BuilderBase):
    """Ordinals and labels → the numbers and letters a locator step holds."""

    @text_only
    def ordinals(self, meta, children):
        return [_ORDINAL_TEXT[t.lower()] for t in children]  # ``ordinal`` of each

    def ordinal_range(self, meta, children):
        first, last = (ORDINALS[t.lower()] for t in children)
        return [str(n) for n in range(first, last + 1)]

    def label_list(self, meta, children):
        return [str(t) for t in children]

    def label_range(self, meta, children):
        return labels_from_to(str(children[0]), str(children[1]))

    def subitem(self, meta, children):
        return str(children[0])

    def qualifier(self, meta, children):
        return str(children[0])[1:-1]


#: «tweede» → «2»: each ordinal's number as text, made once (not per word read)
_ORDINAL_TEXT = {word: str(number) for word, number in ORDINALS.items()}


def ordinal(token: str) -> str:
    """«tweede» → «2»."""
    return _ORDINAL_TEXT[token.lower()]


def artnum(token) -> str:
    return str(token).strip()


def labels_from_to(first: str, last: str) -> list[str]:
    """«c tot en met f», «2 tot en met 4»: every label between; other labels as given."""
    if first.isdigit() and last.isdigit():
        return [str(n) for n in range(int(first), int(last) + 1)]
    if len(first) == 1 and len(last) == 1:
        return [chr(c) for c in range(ord(first), ord(last) + 1)]
    return [first, last]


def numbers_from_to(first: str, last: str) -> list[str]:
    """«I tot en met IV», «2 tot en met 4», «5A tot en met 5C»: every number between."""
    if re.fullmatch(r"[IVXLC]+", first) and re.fullmatch(r"[IVXLC]+", last):
        return [int_to_roman(n) for n in range(roman_to_int(first), roman_to_int(last) + 1)]
    return labels_from_to(first, last)
