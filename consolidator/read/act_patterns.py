"""The patterns the act reader matches lines against, each linear in the length of the line.

An act comes from outside, so no pattern may take more than linear time on any line: no
quantifier nested in another or next to one that reads the same characters (the two
could share them out in many ways, and a failing match tries every way). Where a pattern
once read «A .* B» («wordt … gewijzigd als volgt:», «treedt … in werking»), which tries
every «A» against every «B» (quadratic on a long paragraph), a predicate here finds the
first «A» and the last «B» with two linear searches instead; it answers the same.
``tests/test_linear_time.py`` holds each of them to it, ``bench/linear_time.py`` measures
the growth.
"""
from __future__ import annotations

import re

ARTICLE_RE = re.compile(r"^(ARTIKEL|Artikel)\s+([IVXLC]+[A-Za-z]?|\d+(?:\.\d+)*[a-z]?)\.?(?:\s+(.*))?$"
                        r"|^(Enig artikel|ENIG ARTIKEL)()\.?(?:\s+(.*))?$")
CHAPTER_RE = re.compile(r"^(HOOFDSTUK|Hoofdstuk)\s+([IVXLC]+|\d+[a-z]?)\.?(?:\s+(.*))?$")
LABEL_RE = re.compile(r"^([A-Z]{1,3}\d*[a-z]?|[a-z]{1,2})$")
# An article heading inside quoted content: «Artikel 95a. Grondslag …», «ARTIKEL VA. …»;
# the full stop after the number keeps «Artikel 8:2 van de Awb is …» a sentence. A part
# after a full stop is «\d\w*», not «\d+\w*»: the two quantifiers would share the digits
# out in 2^n ways on «Artikel 13.11.11.11…!» (a minute for 540 bytes).
CONTENT_ARTICLE_RE = re.compile(
    r"^(?:ARTIKEL|Artikel)\s+([A-Z]\s\d\w*|[\w:]+(?:\.\d\w*)*)(?:\.\s+(.*)|\.?)$")
PUNT_RE = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$")
SUBPUNT_RE = re.compile(r"^([a-z])\.\s+(.*)$")
CONTENT_LID_RE = re.compile(r"^•\s*(\d+[a-z]?)\.\s*(.*)$")
CONTENT_ITEM_RE = re.compile(r"^(\d+°|[a-z]{1,2}|\d+[a-z]?)[.)]\s+(.*)$")
HEADING_RE = re.compile(r"^(§|Hoofdstuk|HOOFDSTUK|Titel|TITEL|Afdeling|AFDELING|Paragraaf|PARAGRAAF)\s+(\S+?)\.?(?:\s+(.*))?$")
STB_RE = re.compile(r"Staatsblad\s+(\d{4}),\s*(\d+)")
STB_REF_RE = re.compile(r"\(Stb\.\s*(\d{4}),\s*(\d+)\)")
KAMERSTUK_RE = re.compile(r"Kamerstukken\s+I{1,2},?\s*[\d/]+,\s*([\d ]+?\d),\s*nr\.\s*\d+")
CLOSING_RE = re.compile(r"^(Lasten en bevelen|Gegeven te|Uitgegeven|XNoot|XHistnoot|histnoot)")
# An excerpt of an act marks the ARTIKELEN it leaves out, so numbering may jump:
# «[ARTIKELEN XXII tot en met LV niet opgenomen]».
ELISION_RE = re.compile(r"^\[(?:ARTIKELEN|ARTIKEL|Artikelen|Artikel)\s+(\S+)(?:\s+tot en met\s+(\S+))?"
                        r"\s+(?:is\s+|zijn\s+)?niet opgenomen[^\]]*\]$")
CITE_RE = re.compile(r"wordt aangehaald als|citeertitel", re.I)
# An inwerkingtredingsbesluit names the act it puts in force: «De wet van 4 juli 1996 (Stb. 403)
# treedt in werking …», «De Wet stelsel openbare bibliotheekvoorzieningen treedt in werking …».
OTHER_ACT_IWT_RE = re.compile(r"^(De|Het)\s+(wet|besluit|Wet|Besluit)\b(?:[^.]|Stb\.)*?\btreedt\s+in\s+werking\b")

# «… wordt (worden) … gewijzigd als volgt:» / «als volgt gewijzigd:», «… wijzigingen aangebracht:»
_INTRO_VERB = re.compile(r"\b(?:wordt|worden)\b")
_INTRO_END = re.compile(r"\b(?:gewijzigd als volgt|als volgt gewijzigd)\s*:$")
_CHANGES_END = re.compile(r"wijzigingen aangebracht\s*:$")
# «… treedt (treden) … in werking», «in werking met ingang / op», «werkt terug», «terugwerkt»
_IWT_VERB = re.compile(r"(?:treedt|treden)\b", re.I)
_IWT_IN_WERKING = re.compile(r"\bin werking", re.I)
_IWT_OTHER = re.compile(r"in werking\s+(?:met ingang|op)|werkt terug|terugwerkt", re.I)
# «Artikel 5 van de Wet X vervalt.», «De artikelen 5 en 6 … vervallen»: a subject-first sentence
_SUBJECT_START = re.compile(r"(?:Artikel|De artikelen)\s+\S")
_SUBJECT_VERB = re.compile(r"\b(?:vervalt|vervallen|komt te luiden|wordt)")
_CONDITION_START = "op of na het tijdstip waarop "
_CONDITION_END = " in werking is getreden"


def is_amending_intro(text: str) -> bool:
    """«De Wet … wordt gewijzigd als volgt:»: what ``\\b(wordt|worden)\\b.*\\b(gewijzigd als
    volgt|als volgt gewijzigd)\\s*:$|wijzigingen aangebracht\\s*:$`` finds, in linear time:
    the verb needs only to come before the end (its first occurrence is the best)."""
    end = _INTRO_END.search(text)
    if end is not None:
        verb = _INTRO_VERB.search(text)
        if verb is not None and verb.end() <= end.start():
            return True
    return _CHANGES_END.search(text) is not None


def mentions_entry_into_force(text: str) -> bool:
    """What ``(treedt|treden)\\b.*\\bin werking|in werking\\s+(met ingang|op)|werkt
    terug|terugwerkt`` (ignoring case) finds, in linear time: an «in werking» after the
    first verb (a word edge at the start of a search looks at the character before it)."""
    verb = _IWT_VERB.search(text)
    if verb is not None and _IWT_IN_WERKING.search(text, verb.end()) is not None:
        return True
    return _IWT_OTHER.search(text) is not None


def is_subject_first(text: str) -> bool:
    """What ``^(Artikel|De artikelen)\\s+\\S+.*\\b(vervalt|vervallen|komt te luiden|wordt)``
    matches, in linear time: the verb anywhere after the first word of the subject."""
    start = _SUBJECT_START.match(text)
    return start is not None and _SUBJECT_VERB.search(text, start.end()) is not None


def names_other_act_in_force_first(text: str) -> bool:
    """What ``op of na het tijdstip waarop .* in werking is getreden`` finds, in linear
    time: the first opening before the last ending (``.`` stops at no character here:
    a paragraph is one line)."""
    start = text.find(_CONDITION_START)
    return start >= 0 and text.rfind(_CONDITION_END) >= start + len(_CONDITION_START)
