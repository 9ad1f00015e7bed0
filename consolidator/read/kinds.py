"""What kind an ARTIKEL of an act is: amending, samenloop, entry into force, other or
transitional, decided from its first paragraph and its text.
"""
from __future__ import annotations

import re

from consolidator.errors import ConsolidatorError
from consolidator.read.instructions import parse_sentence
from consolidator.read.paras import Para

AMENDING_INTRO_RE = re.compile(r"\b(wordt|worden)\b.*\b(gewijzigd als volgt|als volgt gewijzigd)\s*:$|wijzigingen aangebracht\s*:$")
IWT_RE = re.compile(r"(treedt|treden)\b.*\bin werking|in werking\s+(met ingang|op)|werkt terug|terugwerkt", re.I)
CITE_RE = re.compile(r"wordt aangehaald als|citeertitel", re.I)
# An inwerkingtredingsbesluit names the act it puts in force: «De wet van 4 juli 1996 (Stb. 403)
# treedt in werking …», «De Wet stelsel openbare bibliotheekvoorzieningen treedt in werking …».
OTHER_ACT_IWT_RE = re.compile(r"^(De|Het)\s+(wet|besluit|Wet|Besluit)\b(?:[^.]|Stb\.)*?\btreedt\s+in\s+werking\b")


def is_conditional(text: str) -> bool:
    return text.startswith("Indien") and "in werking" in text


def is_amending(text: str) -> bool:
    if AMENDING_INTRO_RE.search(text):
        return True
    framed = re.match(r"^(In|Na|Voor|Aan)\s+(artikel|de artikelen|het|de)\b", text)
    # «Artikel 5 van de Wet X vervalt.»: a subject-first sentence naming its law
    subject = re.match(r"^(Artikel|De artikelen)\s+\S+.*\b(vervalt|vervallen|komt te luiden|wordt)",
                       text) and " van de " in text
    # «Artikel I, onderdeel B, van de wet van … treedt in werking …» sets a date (a decree)
    sets_date = re.search(r"\b(treedt|treden)\s+in\s+werking\b", text) and "«" not in text
    return bool(framed or (subject and not sets_date))


def plain_kind(body: list[Para]) -> str:
    text = " ".join(p.text for p in body)
    if CITE_RE.search(text):
        return "other"
    if IWT_RE.search(text) and (re.search(r"\b(deze wet|dit besluit|artikel)", text, re.I)
                                or OTHER_ACT_IWT_RE.match(text)):
        if not text.startswith("Indien") or "treedt" in text:
            return "entry-into-force"
    if text.startswith("Indien") and "in werking" in text:
        return "samenloop"
    return "transition"


def reads_as_instruction(text: str) -> bool:
    try:
        parse_sentence(text)
        return True
    except ConsolidatorError:
        return False
