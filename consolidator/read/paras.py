"""An act's text as paragraphs, and the publication artefacts removed from them.

In: the text of an act. Out: its non-empty lines with their positions (``Para``), its
footnotes, and the cleaned text of a line (no «>» marks, no footnote digits glued to names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from consolidator.dates import find_date
from consolidator.model import Footnote, Span

STB_RE = re.compile(r"Staatsblad\s+(\d{4}),\s*(\d+)")
STCRT_RE = re.compile(r"Staatscourant\s+(\d{4}),\s*(\d+)")
# «Kamerstukken II 2022/23, 36 301, nr. 2», «Kamerstukken II 1995/96, 1996/97, 24 645.»
KAMERSTUK_RE = re.compile(r"^Kamerstuk(?:ken)?\s+(?:I{1,2}\s*,?\s*)?(?:\d{4}/\d{2,4},\s*)*"
                          r"(\d{2}\s?\d{3})\b")


@dataclass(slots=True)  # made for every line of an act, and read more than anything else
class Para:
    """A non-empty line of the act with its position."""

    line: int
    column: int
    text: str
    raw: str



def paragraphs(text: str) -> list[Para]:
    # a no-break space is a space (replaced once in the whole text: it ends no line)
    paras: list[Para] = []
    add = paras.append  # made for every line of an act: names looked up once
    for number, raw in enumerate(text.replace("\u00a0", " ").splitlines(), start=1):
        if not raw:  # an empty line (every other line of most acts): nothing to strip
            continue
        raw = raw.rstrip()
        if raw:
            stripped = raw.lstrip()
            add(Para(number, len(raw) - len(stripped) + 1, stripped, raw))
    return paras


def footnotes_of(paras: list[Para], texts: Optional[list[str]] = None) -> dict[str, Footnote]:
    """The footnotes of an act: «XNoot», its number and its text, each on a line of its
    own. ``texts``: the texts of ``paras``, if the caller has them (each «XNoot» is found
    by ``list.index``, in C, instead of a turn of a loop for every line)."""
    texts = [para.text for para in paras] if texts is None else texts
    notes = {}
    i = _index(texts, "XNoot", 0)
    while i >= 0:
        if i + 2 < len(paras) and paras[i + 1].text.isdigit():
            number = paras[i + 1].text
            notes[number] = Footnote(number, paras[i + 2].text, Span(paras[i + 2].line, 1))
        i = _index(texts, "XNoot", i + 1)
    return notes


def _index(items: list, item, start: int) -> int:
    """``items.index(item, start)``, or -1 when ``item`` is not there from ``start`` on."""
    try:
        return items.index(item, start)
    except ValueError:
        return -1


# «>» before a name (a publication artefact)
_MARK_RE = re.compile(r"(?<=\s)>(?=\w)")
# a footnote number glued to a name or a closing parenthesis
_GLUED_NUMBER_RE = re.compile(r"(?:(?<=[A-Za-z]{3})|(?<=\)))(\d{1,2})(?=[\s,.:;]|$)")
# what may stand right before a glued number (the first test of ``_GLUED_NUMBER_RE``)
_GLUE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz)")


# an ASCII digit right after a letter or «)» (what ``_GLUE`` holds): one pattern a digit,
# so that the search for it skips to that digit at once (a class of digits first would be
# tried at every character)
_GLUED_DIGIT = {digit: re.compile(f"{digit}(?<=[A-Za-z)]{digit})") for digit in "0123456789"}


def clean_text(text: str, footnotes: dict) -> str:
    """Drop publication artefacts: «>» before a name and glued footnote numbers
    («basisonderwijs1», «ISOVSO4», «nr. 300)5»).

    A footnote's number goes only where it stands right after a letter or «)», which
    nearly no line has, so that is asked first, of each number (no footnotes: nothing
    to ask): ``in`` (a fifth of a ``str.find``); for a number in the line, the pattern of
    its first digit after a letter or «)» (``_GLUED_DIGIT``; a number whose first
    character is no ASCII digit: the loop below, as for a line that has one). The loop
    of ``_without_footnote_numbers`` finds nothing in a line with no number so placed,
    so the line is as it is (tests/test_reader_shortcuts3.py holds the two alike)."""
    if ">" in text:
        text = _MARK_RE.sub("", text)
    for number in footnotes or ():
        if number in text:
            glued = _GLUED_DIGIT.get(number[:1])
            if glued is None or glued.search(text) is not None:
                return _without_footnote_numbers(text, footnotes)
    return text


def _without_footnote_numbers(text: str, footnotes: dict) -> str:
    """``_GLUED_NUMBER_RE.sub`` keeping the numbers that are no footnote's, found
    without running the pattern over every character (a tenth of reading an act): a
    number that goes is a footnote's number standing after a letter or «)», so only
    where ``str.find`` finds one there is the pattern tried (it matches a whole run of
    digits, so the matches it gives there are those of ``sub``)."""
    starts = []
    for number in footnotes:
        at = text.find(number, 1)
        while at > 0:
            if text[at - 1] in _GLUE:
                starts.append(at)
            at = text.find(number, at + 1)
    if not starts:
        return text
    kept, end = [], 0
    for at in sorted(starts):
        if at < end:
            continue
        match = _GLUED_NUMBER_RE.match(text, at)
        if match and match.group(1) in footnotes:
            kept.append(text[end:at])
            end = match.end()
    if not kept:
        return text
    kept.append(text[end:])
    return "".join(kept)


def clean_name(name: str, footnotes: dict) -> str:
    name = clean_text(name, footnotes).strip().rstrip(",")
    return _ARTICLE_WORD_RE.sub("", name)


_ARTICLE_WORD_RE = re.compile(r"^(de|het)\s+")
_TITLE_RE = re.compile(r"^(Wet|Rijkswet|Besluit|Regeling|Koninklijk besluit) van \d")


def title_index(paras: list[Para]) -> int:
    for i, para in enumerate(paras):
        if _TITLE_RE.match(para.text):
            return i
    return 0


def stb_number(paras: list[Para]) -> str:
    for para in paras:
        match = STB_RE.search(para.text)
        if match:
            return f"{match.group(1)}, {match.group(2)}"
    return ""


def stcrt_number(paras: list[Para]) -> str:
    """«2012, 13245» of a «Staatscourant 2012, 13245» line of the act's head."""
    for para in paras:
        match = STCRT_RE.search(para.text)
        if match:
            return f"{match.group(1)}, {match.group(2)}"
    return ""


def kamerstuk_number(paras: list[Para]) -> str:
    """The act's own Kamerstuk number («36 301»): a «Kamerstukken II …, 36 301, …» line of
    its head or of its history note (XHistnoot), not a Kamerstuk its articles cite."""
    for para in paras:
        match = KAMERSTUK_RE.match(para.text)
        if match:
            number = match.group(1).replace(" ", "")
            return f"{number[:2]} {number[2:]}"
    return ""


def closing_date(paras: list[Para], word: str):
    for para in paras:
        if para.text.startswith(word):
            return find_date(para.text)
    return None
