"""Regulations as an act names them: «de Wet op het primair onderwijs», «het Besluit
vergoedingen rechtsbijstand 1994», «de wet van 7 juli 1988 (Stb. 334)», «het koninklijk
besluit van 10 september 1969, Stcrt. 182, houdende …», «Boek 7 van het Burgerlijk
Wetboek» → ``LawRef`` with what the name says: the kind of document, its date, its
Staatsblad or Staatscourant number and its kenmerk.

And a list of them, as a repeal names it («Het Besluit A en het Besluit B worden
ingetrokken»), cut into its regulations where a drafter reads a new one: after «, »,
« en » or « alsmede », a regulation's head («de Wet …», «het koninklijk besluit van …»).

The grammar reads a name as one terminal (LAWNAME: free text up to the verb); what it
holds is read here, from the words alone.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from consolidator.dates import MONTHS, find_date
from consolidator.errors import ConsolidatorError
from consolidator.model import LawRef

#: Words that name a kind of regulation, alone or at the end of a word
#: («Speelautomatenbesluit», «Woningwet», «Metroreglement»), most specific first.
DOC_WORDS = ("wetboek", "koninklijk besluit", "wet", "besluit", "regeling", "reglement",
             "beschikking", "verordening", "circulaire", "aanwijzing", "mandaat", "statuut",
             "verdrag", "overeenkomst", "voorschrift", "instructie", "regels", "maatregel",
             "plan", "code")
_DOC_RE = re.compile(r"(?i)(koninklijke? besluit(?:en)?|wetboek|wet(?:ten)?|besluit(?:en)?|"
                     r"regeling(?:en)?|reglement(?:en)?|beschikking(?:en)?|verordening(?:en)?|"
                     r"circulaire[s]?|aanwijzing(?:en)?|mandaat|statuut|verdrag|overeenkomst|"
                     r"voorschrift(?:en)?|instructie[s]?|regels|maatregel(?:en)?|plan|code)"
                     r"(?=$|[\s,.)’'-])")
_SINGULAR = {"koninklijke besluit": "koninklijk besluit", "koninklijke besluiten": "koninklijk besluit",
             "koninklijk besluiten": "koninklijk besluit", "wetten": "wet", "besluiten": "besluit",
             "regelingen": "regeling", "reglementen": "reglement",
             "beschikkingen": "beschikking", "verordeningen": "verordening",
             "circulaires": "circulaire", "aanwijzingen": "aanwijzing",
             "voorschriften": "voorschrift", "instructies": "instructie",
             "maatregelen": "maatregel"}
# A regulation named by its date: «wet van 7 juli 1988», «koninklijk besluit van …».
# (not a title: the generic word is followed by «van» at once, «van de Minister …» or the date)
_DATED_HEAD_RE = re.compile(r"(?i)^(?:koninklijke? besluit(?:en)?|wet(?:ten)?|besluit(?:en)?|"
                            r"regeling(?:en)?|beschikking(?:en)?|aanwijzing(?:en)?|circulaire|"
                            r"reglement|mandaat|instructie)\s+van\s.*?\b\d{1,2}\s+("
                            + "|".join(MONTHS) + r")\s+\d{4}")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DATE_RE = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})\b", re.I)
# «(Stb. 1988, 334)», «(Stb. 334)», «Stb. 20», «(Stb. 1947, H 313)», «(Stb I 366)»
_STB_RE = re.compile(r"\bStb\.?\s*(?:(\d{4}),?\s*)?((?:[A-Z]\s)?\d+)")
# «(Stcrt. 2005, 60)», «Stcrt. 123», «Stcrt. 1998, nr. 78», «Staatscourant nr. 181»
_STCRT_RE = re.compile(r"\b(?:Stcrt\.?|Staatscourant)\s*(?:(\d{4}),?\s*)?(?:nr\.\s*)?(\d+)")
# «nr. 1560010», «nummer 665431 L/897», «kenmerk SFB-1998/15132» (not the number of a
# Staatscourant: that is read above)
_NUMBER_RE = re.compile(r"(?<!Stcrt\. )(?<!Stcrt\. \d{4}, )(?<!Staatscourant )\b(?:nr\.|nummer|kenmerk)"
                        r"\s+([^,()]+?)(?=\s*(?:[,()]|$| en | tot | houdende ))")
# The history of a regulation is not its name: «, zoals gewijzigd bij beschikkingen van …».
_HISTORY_RE = re.compile(r",?\s+zoals\s+(?:laatstelijk\s+)?gewijzigd\b.*$", re.S)
# «Boek 7 van het Burgerlijk Wetboek»: BWB's citeertitel is «Burgerlijk Wetboek Boek 7».
_BOOK_RE = re.compile(r"^Boek\s+(\d+[a-z]?)\s+van\s+het\s+(Burgerlijk Wetboek)$")


# The publication closing a name is not part of it: «Wederopbouwwet (Stb. 1950, 236)».
_PUBLISHED_RE = re.compile(r"\s*\((?:Stb|Stcrt)\.?[^()]*\)\s*$")

# What the patterns above cannot match without (``law_ref`` searches only where it is there)
_DIGIT_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"\s+")
_KONINKLIJK_RE = re.compile(r"koninklijke?\s+besluit")
_ARTICLES = ("de ", "het ", "De ", "Het ")


class NotARegulation(ConsolidatorError):
    """A name that does not name (a whole) regulation."""


def law_ref(name: str, span=None) -> LawRef:
    """The ``LawRef`` of one regulation's name (without a leading «de»/«het»).

    Most names hold no digit, no «Stb»/«Stcrt», no «nr.» and no «zoals»: each pattern
    below is searched only where the words it cannot match without are there (a search
    that cannot match gives what the pattern would: no date, no number, the name as it
    is; tests/test_sentence_shortcuts.py holds this to the patterns on any text)."""
    name = _clean(name)
    book = _BOOK_RE.match(name)
    if book:
        name = f"{book.group(2)} Boek {book.group(1)}"
    facts = _HISTORY_RE.sub("", name) if "zoals" in name else name
    digits = _DIGIT_RE.search(facts) is not None  # a date needs one, and a dated head
    date = _date(facts) if digits else None
    doc = doc_of(facts)
    kind = "act" if digits and _DATED_HEAD_RE.match(facts) else "law"
    fields = dict(kind=kind, doc=doc, date=date,
                  stb=_numbered(_STB_RE, facts, date) if "Stb" in facts else "",
                  stcrt=_numbered(_STCRT_RE, facts, date)
                  if "Stcrt" in facts or "Staatscourant" in facts else "",
                  number=_kenmerk(facts) if _names_a_number(facts) else "")
    if span is not None:
        fields["span"] = span
    published = _PUBLISHED_RE.sub("", name) if "(St" in name else name
    return LawRef(published.strip(), **fields)


def doc_of(name: str) -> str:
    """The kind of document a name says it is: the first regulation word among its first
    three words («Tijdelijke regeling …» → regeling, «Speelautomatenbesluit» → besluit);
    "" when none is there."""
    # a word cut short before «en» («Organisatie-, mandaat- en volmachtbesluit») takes its
    # head from the last word: it names no kind itself
    words = [w for w in _first_words(name.strip("‘’'\" "), 5) if not w.endswith(("-", "-,"))]
    head = " ".join(words[:4])
    for match in _DOC_RE.finditer(head):
        word = match.group(1).lower()
        if _KONINKLIJK_RE.match(word):
            return "koninklijk besluit"
        if _within_words(head, match.start(), 3):
            return _SINGULAR.get(word, word)
    return ""


def _within_words(text: str, position: int, words: int) -> bool:
    return len(text[:position].split()) < words


def _first_words(text: str, count: int) -> list[str]:
    """``re.split(r"\\s+", text)[:count]``: what ``str.split`` gives where ``text`` neither
    starts nor ends with white space (the same white space as ``\\s``), else the pattern."""
    if text and not text[0].isspace() and not text[-1].isspace():
        return text.split(None, count)[:count]
    return _SPACES_RE.split(text, count)[:count]


def _clean(name: str) -> str:
    """The name with its white space runs made one space, no comma at its end, no
    «de»/«het» before it, no quote marks around it. (``str.split`` cuts at the white
    space ``\\s`` matches, so the runs come out as «re.sub(r"\\s+", " ", name).strip()»
    would give them; after that every white space is one space, inside the name.)"""
    name = " ".join(name.split()).rstrip(",").strip()
    if name.startswith(_ARTICLES):  # «^(?:de|het|De|Het)\s+»: one space follows
        name = name[name.index(" ") + 1:]
    # «^[‘'"](.*)[’'"]$»: no line breaks are left for «.» to stop at
    if len(name) > 1 and name[0] in "‘'\"" and name[-1] in "’'\"":
        return name[1:-1]
    return name


def _date(text: str) -> Optional[_dt.date]:
    match = _DATE_RE.search(text)
    if not match:
        return None
    try:
        return find_date(match.group(0))
    except ConsolidatorError:  # «31 februari»: no date, the name stays as written
        return None


def _numbered(pattern: re.Pattern, text: str, date: Optional[_dt.date]) -> str:
    """«1988, 334» from the last reference in ``text``; the year, if the reference leaves
    it out («(Stb. 334)»), is the year of the regulation's date."""
    found = list(pattern.finditer(text))
    if not found:
        return ""
    year, number = found[-1].group(1), found[-1].group(2)
    year = year or (str(date.year) if date else "")
    return f"{year}, {number}" if year else number


def _names_a_number(text: str) -> bool:
    """Whether ``text`` holds a word ``_NUMBER_RE`` needs: «nr.», «nummer» or «kenmerk»."""
    return "nr." in text or "nummer" in text or "kenmerk" in text


def _kenmerk(text: str) -> str:
    match = _NUMBER_RE.search(text)
    return match.group(1).strip() if match else ""


# ---------------------------------------------------------------------------- lists

# Where a list of regulations goes on: a conjunction, then a regulation's head.
_NEXT_RE = re.compile(r"(?:,\s+(?:en\s+|alsmede\s+)?|\s+(?:en|alsmede)\s+)(?=(?:de|het)\s+\S)")
# A part of a regulation, not a regulation: «paragraaf 2 van het Besluit …».
_PART_RE = re.compile(r"(?i)^(?:de\s+|het\s+)?(?:artikel(?:en)?|hoofdstuk(?:ken)?|paragraaf|"
                      r"paragrafen|afdeling(?:en)?|titel|bijlage[n]?|onderdeel|onderdelen|"
                      r"lid|leden|§)\s")


def regulations(names: str, plural: bool) -> list[str]:
    """The names of the regulations a repeal lists. With a singular verb («wordt
    ingetrokken») the subject is one regulation, «en» in its name or not; with a plural
    verb it is cut where a new regulation's head follows a conjunction. Raises
    ``NotARegulation`` for a part of a regulation or an exception («met uitzondering
    van»): not the withdrawal of whole regulations."""
    if re.search(r"\bmet uitzondering van\b", names):
        raise NotARegulation("a partial repeal («met uitzondering van»): not the withdrawal "
                             "of whole regulations")
    parts = [names]
    if plural:
        parts = _cut(names)
    for part in parts:
        if _PART_RE.match(part) or re.search(r"\s(?:en|,)\s+(?:paragraaf|artikel|hoofdstuk|"
                                             r"afdeling|bijlage)\s", part):
            raise NotARegulation(f"«{part.strip()}» names a part of a regulation: not the "
                                 "withdrawal of a whole regulation")
    return parts


def _cut(names: str) -> list[str]:
    """Cut at each conjunction followed by a regulation's head; a plural head with dates
    («De koninklijke besluiten van 9 november 1966, …, van 27 november 1997 …») gives one
    regulation per date."""
    parts, start = [], 0
    for match in _NEXT_RE.finditer(names):
        following = names[match.end():]
        if doc_of(_clean(following)) and _head_word(following):
            parts.append(names[start:match.start()])
            start = match.end()
    parts.append(names[start:])
    return [piece for part in parts for piece in _dated_list(part)]


def _head_word(text: str) -> bool:
    """The regulation word is the head of what follows «de»/«het» (its first or second
    word: «het Besluit …», «de Tijdelijke regeling …», «het koninklijk besluit …»)."""
    words = _clean(text).split()[:3]
    return any(_DOC_RE.search(w) for w in words[:2]) or \
        bool(re.match(r"(?i)koninklijke?\s+besluit", " ".join(words)))


_PLURAL_RE = re.compile(r"(?i)^((?:de\s+)?(?:koninklijke?\s+besluiten|besluiten|"
                        r"beschikkingen|regelingen|aanwijzingen))\s+(van\s.*)$", re.S)
# «nr. A en nr. B»: one regulation per number
_NUMBERS_RE = re.compile(r"\bnr\.\s+([^,()\s]+)(?:\s+en\s+nr\.\s+([^,()\s]+))+")


def _dated_list(part: str) -> list[str]:
    """A plural head names several regulations: «koninklijke besluiten van A, …, van B, …»
    → «koninklijk besluit van A, …», «koninklijk besluit van B, …»; «beschikkingen van …
    van 8 maart 2001, nr. A en nr. B» → one per number."""
    match = _PLURAL_RE.match(part.strip())
    if not match:
        return [part]
    head = _SINGULAR.get(re.sub(r"(?i)^de\s+", "", match.group(1)).lower(), match.group(1))
    rest = match.group(2)
    dates = re.split(r",\s+(?=van\s+\d{1,2}\s+" + _MONTH + r"\s+\d{4})", rest)
    if len(dates) > 1:
        return [f"{head} {d}" for d in dates]
    numbers = _NUMBERS_RE.search(rest)
    if numbers:
        found = re.findall(r"nr\.\s+([^,()\s]+)", numbers.group(0))
        before, after = rest[:numbers.start()], rest[numbers.end():]
        return [f"{head} {before}nr. {n}{after}" for n in found]
    return [f"{head} {rest}"]
