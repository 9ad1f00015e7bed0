"""What was not understood in an entry-into-force sentence the grammar refuses, in
words: a list or exception announced but not in the text («met uitzondering
van:»), parts named by subject matter («wat betreft het hoger
beroepsonderwijs»), a wording refused on purpose further on (``iwtrefused``),
or simply the words where reading stopped."""
from __future__ import annotations

import re

from consolidator.read.iwtrefused import Refused, refused_wording

_PREFIX = "cannot read entry-into-force sentence: "

# Known wordings this reader refuses on purpose, at the place reading stopped, with their
# reason class (README, «What is not read»: Time), where one applies.
_REFUSED = (
    Refused("subject-matter", re.compile(
        r"wat\s+betreft\s+(het|de)\s+(?!artikel|onderde)[^,.;]*?(?=\s+en\s|[,.;]|$)", re.I),
        "parts named by subject matter («{}»): which parts of the act that means is not in the "
        "text, so no date is given for them"),
    Refused("subject-matter", re.compile(r"voor\s*zover\s[^,.;]*", re.I),
        "a part narrowed by what it concerns («{}»): which text that means is not in the text, "
        "so no date is given for it"),
    Refused("subject-matter", re.compile(r"(met\s+betrekking\s+tot|ten\s+aanzien\s+van)\s[^,.;]*",
                                         re.I),
        "a time for cases named by what they concern («{}»): not a time of parts of the act, "
        "so it is not read"),
    Refused("", re.compile(
        r",?\s*doch\s+niet\s+(eerder\s+dan|voor|vóór)\s+(?!\d)[^,.;:\n]*", re.I),
        "a lower bound that is no date («{}»): not read"),
    Refused("", re.compile(r"als\s+volgt\s*:", re.I),
        "«{}» opens a list that is not in this text"),
    Refused("label-form", re.compile(r"uitgezonderd\s[^,.;]*", re.I),
        "«{}»: an exception in this form is not read"),
)
_ANNOUNCED = re.compile(r"[,;]?\s*((met\s+uitzondering\s+van|met\s+dien\s+verstande\s+dat|"
                        r"behoudens)\s*:?)\s*\.?", re.I)
_OPENERS = re.compile(r"(met\s+dien\s+verstande\s+dat|met\s+uitzondering\s+van|behoudens|"
                      r"in\s+werking|als\s+volgt)\s*:?$", re.I)


def unread(text: str, offset: int, at_end: bool = False) -> tuple[int, str]:
    """Where and why ``text``, not read from ``offset`` on, is refused: at ``offset``
    with what was found there, unless reading stopped at words it does not know and the
    sentence holds a wording refused on purpose (``iwtrefused``): then at that wording,
    with its reason (and where reading stopped, if before it)."""
    message = unread_message(text, offset, at_end)
    if not message.startswith(_PREFIX + "unexpected «"):
        return offset, message
    refused = refused_wording(text)
    if refused is None:
        return offset, message
    at, _, why = refused
    if offset < at:
        why += f"; reading stopped before it, at {message[len(_PREFIX):]}"
    return at, _PREFIX + why


def unread_message(text: str, offset: int, at_end: bool = False) -> str:
    """The message for ``text`` that could not be read from ``offset`` on."""
    rest = text[offset:].strip()
    if at_end or re.fullmatch(r"[\s,;:.]*", rest) and not rest.startswith(":"):
        return _PREFIX + _ends_early(text)
    announced = _ANNOUNCED.fullmatch(rest)
    if announced:
        return _PREFIX + (f"«{' '.join(announced.group(1).split())}» announces what is not in "
                          "this text")
    if rest.startswith(":"):
        return _PREFIX + (f"«{_last_words(text[:offset])}:» opens a list whose items are not "
                          "in this text")
    for wording in _REFUSED:
        match = wording.pattern.match(rest)
        if match:
            return _PREFIX + wording.says(match.group(0))
    got = re.match(r"\S+(\s+\S+){0,3}", rest)
    return _PREFIX + f"unexpected «{got.group(0)}»"


def _ends_early(text: str) -> str:
    body = text.rstrip(" .")
    last = _last_words(body)
    if body.endswith(":") or _OPENERS.search(body):
        return f"the sentence ends with «{last}»: what it announces is not in this text"
    if body.endswith((",", ";")):
        return f"the sentence ends with «{last}»: the rest of it is not in this text"
    return f"unexpected end of sentence after «{last}»"


def _last_words(text: str, count: int = 4) -> str:
    return " ".join(text.split()[-count:])
