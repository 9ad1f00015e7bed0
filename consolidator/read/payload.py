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

from consolidator.read import quotes
from consolidator.read.grammars import grammar_parser


@lru_cache(maxsize=1)
def _quoted() -> re.Pattern:
    """The grammar's QUOTED terminal: the one definition of what a quote is."""
    return re.compile(grammar_parser().get_terminal("QUOTED").pattern.to_regexp())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted segment, so colons inside quotes are ignored: what
    ``finditer`` gives, in time linear in the text (``read.quotes``)."""
    return quotes.quote_spans(text, _quoted())


@lru_cache(maxsize=16)
def split_payload(text: str) -> tuple[str, Optional[str]]:
    """Cut a sentence into (grammar part, colon payload or None).

    The payload is everything after the first colon that stands outside quotes
    and is followed by a space, up to the closing full stop, which ends the
    sentence and is not part of the new text («vervangen door: a en c,.» gives
    «a en c,»). A colon at the end of the sentence announces content on the
    following lines: the payload is then None. A sentence with more than one
    action that each bring their text («wordt ‘A’ vervangen door: B en wordt ‘C’
    vervangen door: D.») gives the first payload here; ``split_payloads`` gives all.
    """
    head, payloads = split_payloads(text)
    return head, payloads[0] if payloads else None


@lru_cache(maxsize=16)  # the act reader asks before parse_sentence asks again
def split_payloads(text: str) -> tuple[str, tuple[str, ...]]:
    """(grammar part, every colon payload in order). The grammar part keeps the
    columns of ``text``: a payload followed by another action is blanked out, not cut,
    and so is a stray colon between «wordt» and the quoted words («wordt: «X»
    vervangen door: Y», a slip a reader passes over)."""
    pos = text.find(":")
    if pos < 0:  # most sentences: no need to find the quotes
        return _drop_full_stop(text.rstrip()), ()
    if pos == len(text) - 1:  # most others: new text on the lines that follow
        # (``_split_at_colons`` gives the same: the colon ends the text, so whether or not
        # it stands inside quotes, nothing follows it and the text is what it gives)
        return text, ()
    return _split_at_colons(text, pos)


def _split_at_colons(text: str, pos: int) -> tuple[str, tuple[str, ...]]:
    """``split_payloads`` of a text whose first colon stands at ``pos``."""
    # where the quotes are, asked of the guillemets alone when they are the only marks
    # (nearly every sentence: faster than finding every quote)
    spans = None if quotes.only_guillemets(text) else quote_spans(text)
    end = len(text)
    pos = _next_colon(text, pos)
    while pos >= 0:
        if quotes.in_guillemets(text, pos) if spans is None else _inside(pos, spans):
            pos = _next_colon(text, pos + 1)
            continue
        if pos + 1 == end:  # new text on the lines that follow (no quote after the colon)
            return text, ()
        if _QUOTE_NEXT_RE.match(text, pos + 1) and _STRAY_COLON_RE.search(text, 0, pos):
            text = text[:pos] + " " + text[pos + 1:]
            return split_payloads(text)
        rest = text[pos + 1:]
        if not rest.strip():
            return text[: pos + 1], ()
        follows = _next_action(rest) if _MAY_GO_ON_RE.search(rest) else None
        if follows is None:
            return text[: pos + 1], (_drop_full_stop(rest.strip()),)
        head, more = split_payloads(rest[follows.start():])
        blank = " " * follows.start()
        return text[: pos + 1] + blank + head, (rest[:follows.start()].strip(),) + more
    return _drop_full_stop(text.rstrip()), ()


# «wordt: «X» vervangen door»: the colon after the verb, before the quoted words
_STRAY_COLON_RE = re.compile(r"\b(?:wordt|worden)\s*$")
_QUOTE_NEXT_RE = re.compile(r"\s*[«‘“\"„]")
_MAY_GO_ON_RE = re.compile(r" en (?:wordt|worden|vervalt) ")
# Another action after a payload: «… en wordt ‘C’ vervangen door: …», with its own quoted
# words and verb (new text of a law does not go on like that)
_NEXT_ACTION_RE = re.compile(
    r"\s*,?\s+en\s+(?:wordt|worden)\s+(?:in\s+[^«‘“:]*?)?(?:«[^»]*»|‘[^’]*’|“[^”]*”)"
    r"(?:\s+telkens)?\s+(?:vervangen\s+door|ingevoegd|toegevoegd)\b"
    r"|\s*,?\s+en\s+vervalt\s+(?:in\s+[^«‘“:]*?)?(?:«[^»]*»|‘[^’]*’|“[^”]*”|telkens\s*:|:)")


def _next_colon(text: str, start: int) -> int:
    r"""Where the first colon from ``start`` on stands that may bring new text: one before a
    space or at the end (``:(?=\s|$)``; ``\s`` is what ``str.isspace`` calls space); -1 when
    there is none. Found with ``str.find``, which skips to the next colon at once."""
    pos, end = text.find(":", start), len(text) - 1
    while 0 <= pos < end and not text[pos + 1].isspace():
        pos = text.find(":", pos + 1)
    return pos


# «en wordt», «en worden», «en vervalt»: what every match of ``_NEXT_ACTION_RE`` holds, at
# its «en» (a pattern that starts with a fixed «en» is found at once)
_EN_VERB_RE = re.compile(r"en\s+(?:wordt|worden|vervalt)")


def _next_action(rest: str) -> Optional[re.Match]:
    r"""``_NEXT_ACTION_RE.search(rest)``, asked from where a match can start: that pattern
    begins with what may be empty («\s*,?»), so a search tries it at every character of a
    long payload. A match is spaces and commas, then an «en» after a space that
    ``_EN_VERB_RE`` matches: none starts before the spaces and commas in front of the
    first such «en», so the search starts there."""
    for found in _EN_VERB_RE.finditer(rest):
        at = found.start()
        if at and rest[at - 1].isspace():
            while at and (rest[at - 1].isspace() or rest[at - 1] == ","):
                at -= 1
            return _NEXT_ACTION_RE.search(rest, at)
    return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` is inside one of ``spans`` (a text's ``quote_spans``)."""
    for start, stop in spans:
        if start <= pos < stop:
            return True
    return False


def _drop_full_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text
