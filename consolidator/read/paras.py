"""An act's text as paragraphs, and the publication artefacts removed from them.

In: the text of an act. Out: its non-empty lines with their positions (``Para``), its
footnotes, and the cleaned text of a line (no «>» marks, no footnote digits glued to names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from consolidator.dates import find_date
from consolidator.model import Footnote, Span

STB_RE = re.compile(r"Staatsblad\s+(\d{4}),\s*(\d+)")
STCRT_RE = re.compile(r"Staatscourant\s+(\d{4}),\s*(\d+)")
# «Kamerstukken II 2022/23, 36 301, nr. 2», «Kamerstukken II 1995/96, 1996/97, 24 645.»
KAMERSTUK_RE = re.compile(r"^Kamerstuk(?:ken)?\s+(?:I{1,2}\s*,?\s*)?(?:\d{4}/\d{2,4},\s*)*"
                          r"(\d{2}\s?\d{3})\b")


@dataclass
class Para:
    """A non-empty line of the act with its position."""

    line: int
    column: int
    text: str
    raw: str



def paragraphs(text: str) -> list[Para]:
    paras = []
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.replace("\u00a0", " ").rstrip()
        stripped = raw.strip()
        if stripped:
            paras.append(Para(number, len(raw) - len(raw.lstrip()) + 1, stripped, raw))
    return paras


def footnotes_of(paras: list[Para]) -> dict[str, Footnote]:
    notes = {}
    for i, para in enumerate(paras):
        if para.text == "XNoot" and i + 2 < len(paras) and paras[i + 1].text.isdigit():
            number = paras[i + 1].text
            notes[number] = Footnote(number, paras[i + 2].text, Span(paras[i + 2].line, 1))
    return notes


def clean_text(text: str, footnotes: dict) -> str:
    """Drop publication artefacts: «>» before a name and glued footnote numbers
    («basisonderwijs1», «ISOVSO4», «nr. 300)5»)."""
    if ">" in text:
        text = re.sub(r"(?<=\s)>(?=\w)", "", text)
    if not footnotes:  # every number would be kept: the text as it is
        return text
    def drop(match: re.Match) -> str:
        return "" if match.group(1) in footnotes else match.group(1)
    return re.sub(r"(?:(?<=[A-Za-z]{3})|(?<=\)))(\d{1,2})(?=[\s,.:;]|$)", drop, text)


def clean_name(name: str, footnotes: dict) -> str:
    name = clean_text(name, footnotes).strip().rstrip(",")
    return re.sub(r"^(de|het)\s+", "", name)


def title_index(paras: list[Para]) -> int:
    for i, para in enumerate(paras):
        if re.match(r"^(Wet|Rijkswet|Besluit|Regeling|Koninklijk besluit) van \d", para.text):
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
