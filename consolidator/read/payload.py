"""A sentence cut in two before the grammar sees it: the part the grammar reads,
and the colon payload (the new text after «vervangen door:»), with the quotes
that decide which colon counts.

Example::

    >>> split_payload("In artikel 6 wordt «een school» vervangen door: een instelling.")
    ('In artikel 6 wordt «een school» vervangen door:', 'een instelling')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from consolidator.read.grammars import grammar_parser


@lru_cache(maxsize=1)
def _quoted() -> re.Pattern:
    """The grammar's QUOTED terminal: the one definition of what a quote is."""
    return re.compile(grammar_parser().get_terminal("QUOTED").pattern.to_regexp())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted segment, so colons inside quotes are ignored."""
    return [m.span() for m in _quoted().finditer(text)]


@lru_cache(maxsize=16)  # the act reader asks before parse_sentence asks again
def split_payload(text: str) -> tuple[str, Optional[str]]:
    """Cut a sentence into (grammar part, colon payload or None).

    The payload is everything after the first colon that stands outside quotes
    and is followed by a space, up to the closing full stop, which ends the
    sentence and is not part of the new text («vervangen door: a en c,.» gives
    «a en c,»). A colon at the end of the sentence announces content on the
    following lines: the payload is then None.
    """
    if ":" not in text:  # most sentences: no need to find the quotes
        return _drop_full_stop(text.rstrip()), None
    inside = quote_spans(text)
    for match in re.finditer(r":(?=\s|$)", text):
        pos = match.start()
        if any(a <= pos < b for a, b in inside):
            continue
        payload = text[pos + 1:].strip()
        if not payload:
            return text[: pos + 1], None
        return text[: pos + 1], _drop_full_stop(payload)
    return _drop_full_stop(text.rstrip()), None


def _drop_full_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text
