"""Words of entry-into-force sentences that name something: number words («de
negenentwintigste dag», «vier weken») and the other act, law, bill or provision a
moment is tied to («artikel 3 van de Wet op de lijkbezorging», «het bij
koninklijke boodschap van 24 mei 1995 ingediende voorstel van wet … (Kamerstukken
II, 1994/95, 24 172, nr. 2)»), read into an ``ActRef`` that keeps the words
verbatim beside what it could tell from them.
"""
from __future__ import annotations

import re
from typing import Optional

from consolidator.dates import find_date
from consolidator.errors import TimeError
from consolidator.numbers import COUNT_WORDS, ORDINALS
from consolidator.read.iwtmoments import ActRef

_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
         "zeventig": 70, "tachtig": 80, "negentig": 90}
_UNITS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
          "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
          "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}


def ordinal_value(word: str) -> Optional[int]:
    """«tweede» → 2, «negenentwintigste» → 29, «eerstvolgende» → 1; None if it is none."""
    word = word.lower()
    if word == "eerstvolgende":
        return 1
    if word in ORDINALS and ORDINALS[word] > 0:
        return ORDINALS[word]
    if word == "honderdste":
        return 100
    match = re.fullmatch(r"(?:(\w+?)en)?(" + "|".join(_TENS) + ")ste", word)
    if match and (match.group(1) is None or match.group(1) in _UNITS):
        return _TENS[match.group(2)] + (_UNITS[match.group(1)] if match.group(1) else 0)
    return None


def count_value(word: str) -> Optional[int]:
    """«twee» → 2, «12» → 12, «één» → 1; None if it is none."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    for table in (_UNITS, _TEENS, _TENS, COUNT_WORDS):
        if word in table:
            return table[word]
    return None


# --------------------------------------------------------------------------- other acts

_PART_WORDS = (r"(?:de\s+)?(?:artikel|artikelen|onderdeel|onderdelen|hoofdstuk|hoofdstukken|"
               r"afdeling|paragraaf|titel|boek|fase|bepalingen)\b")
_PARTS = re.compile(r"(?P<parts>" + _PART_WORDS + r".*?),?\s+van\s+(?P<rest>(?:de|het|ARTIKEL|"
                    r"artikel)\s.*)$", re.S | re.I)
_THIS = re.compile(r"(deze|dit)\s+(wet|besluit|regeling|rijkswet|beschikking|verordening)$", re.I)
_PARENT = re.compile(r"(de|het)\s+(wet|besluit|rijkswet|regeling)$", re.I)
_DATED = re.compile(r"(?:de|het)\s+(?:rijks)?(?:wet|besluit|regeling)\s+van\s+\d{1,2}\s+[a-z]+"
                    r"\s+\d{4}", re.I)
_TITLE = re.compile(r"(?:de|het)\s+(?:wet|besluit|rijkswet|regeling)\s+(?:tot|houdende)\b", re.I)
_STB = re.compile(r"Stb\.\s*(?:nr\.\s*)?(?:(\d{4}),\s*)?(\d+)")
_KAMERSTUK = re.compile(r"[Kk]amerstukken(?:\s+II)?(?:,?\s+\d{4}/\d{2,4})?,?\s+(\d{2}\s?\d{3})")


def read_ref(text: str, bill: bool = False) -> ActRef:
    """The other act (or part of one) that ``text`` names. ``bill``: the sentence
    says it must yet become law («tot wet is verheven en in werking treedt»)."""
    text = re.sub(r"\s+", " ", text.strip().rstrip(",").strip())
    rest, parts = text, []
    while True:
        match = _PARTS.match(rest)
        if not match:
            break
        parts.append(match.group("parts"))
        rest = match.group("rest")
        if not re.match(_PART_WORDS, rest, re.I):
            break
    kind = _kind(rest, bill)
    name = _name(rest) if kind in ("law", "act", "bill") else rest
    date = _date(rest) if kind in ("act", "bill") else None
    return ActRef(text=text, kind=kind, name=name, parts=" van ".join(parts), stb=_stb(rest, date),
                  kamerstuk=_kamerstuk(rest), date=date)


def _kind(rest: str, bill: bool) -> str:
    if bill or re.search(r"\bvoorstel\s+van\s+(rijks)?wet\b", rest, re.I):
        return "bill"
    if _THIS.match(rest):
        return "this-act"
    if _PARENT.match(rest):
        return "parent"
    if _DATED.match(rest) or _TITLE.match(rest):
        return "act"
    if re.match(r"(de|het)\s+[A-Z]|[A-Z]", rest):
        return "law"
    return "other"


def _name(rest: str) -> str:
    """«de Wet op de lijkbezorging» → «Wet op de lijkbezorging»; a citeertitel stops at a
    comma or a parenthesis («…, waarin dit besluit zijn grondslag vindt», «(Stb. …)»)."""
    name = re.sub(r"^(de|het)\s+", "", rest)
    if "voorstel" in rest:  # «het bij koninklijke boodschap van … ingediende voorstel van wet …»
        name = name[name.index("voorstel"):]
    elif not (_DATED.match(rest) or _TITLE.match(rest)):
        # a citeertitel ends before «, waarin …», «(Stb. …)», «ingevolge …»; a comma before a
        # capital is its own («Aanpassingswet openbare lichamen Bonaire, Sint Eustatius en Saba»)
        name = re.split(r",(?!\s*[A-Z])|\s\(|\s+ingevolge\s", name)[0]
    name = re.sub(r"\s*\([^)]*\b(Stb|Kamerstukken|kamerstukken)\b[^)]*\)", "", name)
    return re.sub(r",?\s*[Kk]amerstukken\b.*$", "", name).strip(" ,")


def _date(rest: str):
    try:
        return find_date(rest)
    except TimeError:
        return None


def _stb(rest: str, date) -> str:
    match = _STB.search(rest)
    if not match:
        return ""
    year = match.group(1) or (str(date.year) if date else "")
    return f"{year}, {match.group(2)}" if year else ""


def _kamerstuk(rest: str) -> str:
    match = _KAMERSTUK.search(rest)
    return match.group(1).replace(" ", "") if match else ""
