"""A lid of an entry-into-force article split into sentences, and the sentences
that set no time told apart (notes): publication clauses («Zij wordt opgenomen in
de Staatscourant.»), «Onze Minister van … is belast met de uitvoering van dit
besluit, dat in het Staatsblad zal worden geplaatst.», citeertitels, what a text
first applies to, copies sent, signatures.

A note is recognised by its own wording and must hold no words that set a time
(«in werking treedt», «terugwerkt», «vervalt», …): anything else goes to the
grammar, which reads it or refuses it with its position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A period ends a sentence when an upper-case letter (or a quote) follows, except
# after an abbreviation («Stb.», «nr.», «mr.») or an initial («J.H. Huijzer»).
_END = re.compile(r"\.(?=\s*[A-Z‘'“(])")
_ABBREVIATIONS = re.compile(r"\b(?:Stb|Stcrt|nr|nrs|art|artt|jo|mr|dr|ir|prof|blz|ca|resp|"
                            r"Kamerstukken|kst|Trb|Pb|PbEG|PbEU|w\.g|o\.a|i\.v\.m|e\.d)$")
#: the characters before a period that can hold an abbreviation: the longest, a final
#: newline («$» matches before one) and the character a word boundary looks at
_ABBREVIATION_WINDOW = len("Kamerstukken") + 2
# «J.H. Huijzer»: an initial is a capital after a period, or before another initial
_INITIAL = re.compile(r"(?:(?<=\.)[A-Z]$)|(?:(?<![^\s(])[A-Z]$)")
_NEXT_INITIAL = re.compile(r"\s*[A-Z]\.")
# a capital that ends what comes before a period (before a final newline, as «$» reads)
_CAPITAL_AT_END = re.compile(r"(?<![\w])[A-Z]$")
_SPACE = re.compile(r"\s*")
# The adoption and signature close the text: what follows is theirs
_SIGNATURE = re.compile(r"(aldus\s+)?(gedaan|vastgesteld|gegeven)\s+(door|op|te|in)\b|w\.g\.", re.I)

_SETS_TIME = re.compile(r"\btre(edt|den)\b|\bin\s+werking\b|terug\s*werk|werk(t|en)\s+(\w+\s+)?terug|"
                        r"verval|vervallen|geldig|\bgeldt\b|ingetrokken", re.I)

_MEDIUM = r"\b(?:Staatscourant|Staatsblad)\b"
_PLACED = r"\b(?:opgenomen|geplaatst|bekendgemaakt|gepubliceerd)\b"


def _first_then(first: str, then: str) -> str:
    """«``first`` and later ``then``», in linear time: the words before ``first`` hold
    none (so only its first place is tried), where «.*first.*then» read the rest of the
    sentence again after each place of ``first`` (quadratic on «Staatsblad Staatsblad …»)."""
    return rf"(?:(?!{first}).)*{first}.*{then}"


_NOTE_WORDINGS = (
    # publication: «Zij wordt opgenomen in de Staatscourant.», «Deze regeling zal met de
    # toelichting in de Staatscourant worden geplaatst.», «De landen zorgen voor de
    # bekendmaking van deze regeling.», «Ingevolge artikel 20 … zal deze regeling ten minste
    # twee dagen vóór de datum van inwerkingtreding in de Staatscourant worden geplaatst.»
    _first_then(_MEDIUM, _PLACED),
    _first_then(_PLACED, _MEDIUM),
    r"de\s+landen\s+zorgen\s+voor\s+de\s+bekendmaking\b",
    r"onze\s+ministers?\s+van\b.*\bbelast\s+met\s+de\s+uitvoering\b",
    # citeertitel
    r".*\b(kan\s+worden|wordt)\s+aangehaald\s+als\b",
    # what the text applies to, or first applies to
    r".*\b(is|zijn)\s+(voor\s+het\s+eerst\s+|voor\s+de\s+eerste\s+maal\s+)?van\s+toepassing\b",
    r".*\bvoor\s+het\s+eerst\s+(betrekking|van\s+toepassing)\b",
    r".*\bvoor\s+de\s+eerste\s+maal\s+(van\s+toepassing|worden\s+toegepast)\b",
    # an annex, copies, the adoption and the signature
    r"(dit|deze)\s+\w+\s+wordt\s+als\s+bijlage\s+gevoegd\s+bij\b",
    r"afschrift\s+van\s+(dit|deze)\s+\w+\s+(zal\s+worden|wordt)\s+(gezonden|toegezonden)\b",
    r"(aldus\s+)?(gedaan|vastgesteld|gegeven)\s+(door|op|te|in)\b",
    r"w\.g\.",
    # voorhang of the decree («Laatstbedoeld besluit wordt niet genomen voordat …»)
    r"(laatstbedoeld|het\s+bedoelde)\s+besluit\s+wordt\s+niet\s+(genomen|vastgesteld)\s+voordat\b",
)
_NOTE = re.compile("|".join(f"(?:{w})" for w in _NOTE_WORDINGS), re.I | re.S)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a lid: its text (with its final period) and where it starts."""

    text: str
    offset: int

    @property
    def is_note(self) -> bool:
        return is_note(self.text)

    @property
    def is_transitional(self) -> bool:
        return is_transitional(self.text)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, each with its offset in ``text``.

    Linear in the length of ``text``: each period is judged on the few characters
    before it and the text at it, never on a copy of what lies before or after it
    («Stb.Stb.Stb.…» kept one sentence open over the whole line and took quadratic time).
    """
    found, start, signed_at = [], 0, None
    for match in _END.finditer(text):
        if signed_at != start:  # the next sentence opens with the signature: stop there
            signed_at, signed = start, _signature_at(text, start)
        if signed:
            break
        if _ends_abbreviation(text, start, match.start()) or _initial(text, start, match):
            continue
        found.append(_sentence(text, start, match.end()))
        start = match.end()
    if text[start:].strip():
        found.append(_sentence(text, start, len(text)))
    return [s for s in found if s.text]


def _signature_at(text: str, start: int) -> bool:
    """Whether the signature opens the text from ``start`` on (past its white space)."""
    return bool(_SIGNATURE.match(text, _SPACE.match(text, start).end()))


def _ends_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in an abbreviation: only its last characters
    are read (the longest abbreviation and a final newline fit in the window; a word
    boundary at the window's start reads the character before it, as in the slice)."""
    return bool(_ABBREVIATIONS.search(text, max(start, end - _ABBREVIATION_WINDOW), end))


def _initial(text: str, start: int, match: re.Match) -> bool:
    """Whether the period of ``match`` closes an initial («J.» of «J.H. Huijzer»)."""
    end = match.start()
    if not _CAPITAL_AT_END.search(text, max(start, end - 3), end):
        return False
    closes_another = end - 2 >= start and text[end - 2] == "."  # «J.H.»: the H
    return closes_another or bool(_NEXT_INITIAL.match(text, match.end()))


def _sentence(text: str, start: int, end: int) -> Sentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return Sentence(chunk.strip(), start + lead)


# Transitional law in an entry-into-force ARTIKEL («Artikel I, onderdeel A, is niet van
# toepassing op overtredingen die zijn begaan voor het tijdstip waarop deze wet in werking
# treedt.», «Vreemdelingen die … voor het tijdstip van inwerkingtreding van deze wet … wordt …
# niet tegengeworpen.»): it says how the new rules apply to cases of before, never when a part
# of the act takes effect. A sentence is transitional only when both hold:
# 1. it says how rules apply: one of the _APPLIES wordings;
# 2. once the words that only name this act's own entry into force as a point in time
#    (_OWN_ENTRY: «het tijdstip waarop deze wet in werking treedt», «de inwerkingtreding van
#    deze wet», …) are taken out, none of the words that could set, move or date a time is
#    left (_COULD_TIME: «treedt», «werking», «terug», «vervalt», «geldt», «tijdstip», «met
#    ingang van», «besluit», a date …). Anything else goes to the grammar: read or refused.
_APPLIES = re.compile(
    r"\b(is|zijn)\s+(niet\s+|mede\s+|slechts\s+|alleen\s+|eveneens\s+)?van\s+(overeenkomstige\s+)?"
    r"toepassing\b|\b(vindt|vinden)\s+([\w,]+\s+){0,10}?toepassing\b|\btoepassing\s+(vindt|vinden)\b|"
    r"\b(blijft|blijven)\s+(\w+\s+){0,6}?van\s+(toepassing|kracht)\b|\bniet\s+tegengeworpen\b",
    re.I)
_THIS_ACT = r"(deze|dit)\s+(wet|rijkswet|besluit|regeling)"
_OWN_ENTRY = re.compile(
    r"\b(het\s+tijdstip\s+van\s+)?(de\s+)?inwerkingtreding\s+van\s+" + _THIS_ACT + r"\b|"
    r"\b(het\s+tijdstip\s+van\s+)?het\s+in\s+werking\s+treden\s+van\s+" + _THIS_ACT + r"\b|"
    r"\bhet\s+tijdstip\s+waarop\s+" + _THIS_ACT + r"\s+in\s+werking\s+(treedt|is\s+getreden)\b",
    re.I)
_COULD_TIME = re.compile(
    r"tre(edt|den)|werking|terug|verval|geldig|\bgeld(t|en)\b|ingetrokken|tijdstip|"
    r"met\s+ingang|\bbesluit|\bkomt\s+te|\b\d{1,2}\s+[a-z]+\s+\d{4}\b|\bdatum\b|\bdag\b",
    re.I)


def is_transitional(sentence: str) -> bool:
    """Whether a sentence is transitional law that sets no time (see _APPLIES above)."""
    return bool(_APPLIES.search(sentence)) and transitional_blocker(sentence) is None


def transitional_blocker(sentence: str):
    """In a sentence worded as transitional law, the first word that could set or move a
    time (a match, at its place in ``sentence``), or None; None too when the sentence is not
    worded as transitional law."""
    if not _APPLIES.search(sentence):
        return None
    masked = _OWN_ENTRY.sub(lambda match: " " * len(match.group(0)), sentence)
    return _COULD_TIME.search(masked)


def is_note(sentence: str) -> bool:
    """Whether a sentence only says something other than when the text takes effect."""
    return bool(_NOTE.match(sentence.strip())) and not _SETS_TIME.search(sentence)
