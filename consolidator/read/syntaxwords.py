"""Syntax errors of the instruction grammar in drafting words.

What Lark expected is a set of terminal names (``_DCOMMA``, ``_EN_ACTION``); a drafter
reads «a comma and the next, smaller place («, het tweede lid»)» and «the next action
(«en wordt …», «en vervalt …»)». ``GROUPS`` is the one table from terminal to words
(``DRAFTING_WORDS``), in groups with a summary each: every terminal of the instruction
grammar (grammar/instruction.lark and the files it joins) has an entry
(tests/test_syntax_words.py holds the grammar to it). Entries are
in the order they are shown: what most often answers the question first; when more than
``SHOWN`` would be listed, the summaries of their groups are shown instead.

Four slips get a message of their own instead of the list, because the list would
mislead (``slip``):

* an unclosed quote: «wordt «pluriformiteit vervangen door «eenheid».» reads the words up
  to the next » as one quote; said as «quote not closed» at the column of the opening mark;
* a closing mark no opening mark opens («vervangen door niet door … scholen» en …»): «quote
  not opened» at the column of the closing mark;
* a missing colon before the new text: «vervangen door een instelling.»;
* «luidende» (or «komt te luiden») without the new text after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

#: what a drafter would write where the grammar expects a terminal, in groups: each
#: group's summary is what is shown when more than ``SHOWN`` of its words would be
GROUPS: tuple[tuple[str, dict[str, str]], ...] = (
    ("a quote «…»", {
        "QUOTED": "a quote «…»",
        "QUOTED_HEADING": "a quoted heading such as «Hoofdstuk 3»",
    }),
    ("a colon «:» before the new text", {
        "COLON": "a colon «:» before the new text",
    }),
    ("a verb («wordt … vervangen door», «vervalt», «komt te luiden:», …)", {
        "_VERVANGEN": "the verb «wordt … vervangen door»",
        "_DOOR": "«door» (vervangen door)",
        "_VERVALT": "the verb «vervalt»",
        "_VERVALLEN": "the verb «vervallen» (worden … vervallen)",
        "_TE_VERVALLEN": "«komt te vervallen»",
        "_INGEVOEGD": "the verb «wordt … ingevoegd»",
        "_TOEGEVOEGD": "the verb «wordt … toegevoegd»",
        "_KOMT": "«komt te luiden» or «komt te vervallen»",
        "_TE_LUIDEN": "«komt te luiden:»",
        "_LUIDEND": "«luidende:» and the new text",
        "_DAT_LUIDT": "«dat luidt:» and the new text",
        "_VERNUMMERD": "the verb «wordt vernummerd tot»",
        "_GELETTERD": "the verb «wordt geletterd» or «opnieuw geletterd»",
        "_GEPLAATST": "the verb «wordt … geplaatst»",
        "_INGETROKKEN": "the verb «wordt ingetrokken»",
        "_WORDT": "the verb «wordt»",
        "_WORDEN": "the verb «worden»",
        "_WORDT_GEWIJZIGD_ALS_VOLGT": "«wordt gewijzigd als volgt:»",
        "_GEWIJZIGD_ALS_VOLGT": "«gewijzigd als volgt:»",
        "_WORDEN_AANGEBRACHT": "«worden de volgende wijzigingen aangebracht:»",
        "_ALS_VOLGT": "«als volgt:»",
    }),
    ("a place in the law («artikel 6», «het tweede lid», «onderdeel a», …)", {
        "_ARTIKEL": "an article such as «artikel 6»",
        "_ARTIKELEN": "articles such as «de artikelen 6 en 7»",
        "ARTNUM": "an article number such as «6» or «12a»",
        "_LID": "a lid such as «het tweede lid»",
        "LID_NUMBERED": "a lid such as «lid 2»",
        "ORDINAL": "an ordinal such as «tweede» («het tweede lid», «de eerste volzin»)",
        "_VOLZIN": "a volzin such as «de eerste volzin»",
        "_ONDERDEEL": "an onderdeel such as «onderdeel a»",
        "_ONDERDELEN": "onderdelen such as «de onderdelen a en b»",
        "_SUBONDERDEEL": "a subonderdeel such as «subonderdeel 1°»",
        "_SUBONDERDELEN": "subonderdelen such as «de subonderdelen 1° en 2°»",
        "LABEL": "the letter or number of an onderdeel such as «a», «B» or «2°»",
        "SUBNUM": "the number of a subonderdeel such as «1°»",
        "_PUNT": "a punt such as «punt 2»",
        "PUNT_KIND": "«punt» or «punten»",
        "PUNTNUM": "the number of a punt such as «2»",
        "_SUB": "«sub» (sub a)",
        "_ONDER": "«onder» (onder a)",
        "STRUCT_KIND": "a division such as «hoofdstuk 3», «afdeling 2» or «paragraaf 4»",
        "STRUCT_PLURAL": "divisions such as «de hoofdstukken 3 en 4»",
        "STRUCTNUM": "the number of a division such as «III» or «3a»",
        "_OPSCHRIFT": "«het opschrift»",
        "_AANHEF": "«de aanhef»",
        "_ONDER_DE_AANHEF": "«Onder de aanhef»",
        "_INHOUDSOPGAVE": "«de inhoudsopgave»",
        "_BEGRIPSOMSCHRIJVING": "a definition such as «de begripsomschrijving van …»",
        "_OMSCHRIJVING": "«de omschrijving van …»",
        "_OMSCHRIJVING_VAN_Q": "«de omschrijving van «…»»",
        "TERMWORD": "the defined term (de begripsomschrijving van «…»)",
        "_BIJLAGE": "«bijlage»",
        "_BIJ": "«bij» (de bijlage bij artikel 6)",
        "_LIJST": "a list such as «lijst A»",
        "_BEWEEGREDEN": "«de beweegreden»",
        "_WIJZIGINGSPUNT": "«wijzigingspunt»",
        "ELEMENT_KIND": "the kind of element, such as «artikel», «lid» or «onderdeel»",
        "COUNT": "how many, such as «twee leden»",
        "QUALIFIER": "«(oud)» or «(nieuw)»",
        "ACTLABEL": "a numbered part of an act such as «A.2»",
    }),
    ("a place in the words («na «…»», «aan het slot», «de zinsnede «…»», …)", {
        "TELKENS": "«telkens»",
        "_NA": "«na» (na «…», na artikel 6)",
        "_VOOR": "«voor» (voor «…», voor artikel 6)",
        "_AAN": "«aan» (aan het slot)",
        "_SLOT": "«slot» (aan het slot)",
        "_EIND": "«einde» (aan het einde)",
        "_GEDEELTE": "«het gedeelte na «…»»",
        "_ZINSNEDE": "«de zinsnede «…»»",
        "_WOORD": "«het woord «…»»",
        "_WOORDEN": "«de woorden «…»»",
        "_AANDUIDING": "«de aanduiding «…»»",
        "_AANDUIDINGEN": "«de aanduidingen «…»»",
        "_ONDER_DE_AANDUIDING": "«Onder de aanduiding «…»»",
        "PUNCT": "a punctuation mark by name, such as «de komma» or «de puntkomma»",
        "ALPHABETICAL": "«in alfabetische volgorde»",
        "_IN_ALPHABETICAL": "«In alfabetische volgorde»",
    }),
    ("another place or action after «en», «alsmede» or a comma", {
        "_EN_ACTION": "the next action («en wordt …», «en vervalt …»)",
        "_DCOMMA": "a comma and a smaller place («, het tweede lid», «, onderdeel a»)",
        "_PCOMMA": "a comma and a smaller place («, tweede lid», «, onder a»)",
        "_OCOMMA": "a comma and an ordinal («, tweede»)",
        "_QCOMMA": "a comma and more quoted words («, «…»»)",
        "_NCOMMA": "a comma and another number («3, 4 en 5»)",
        "_CVAN": "«, van» and a division («, van hoofdstuk 3»)",
        "_EN": "«en» and another place",
        "_EN_HET": "«en het» and another place («het eerste en het tweede lid»)",
        "_COMMA_EN": "«, en» and another place",
        "_ALSMEDE": "«alsmede» and another place",
        "_COMMA_ALSMEDE": "«, alsmede» and another place",
        "_EN_ALSMEDE": "«en alsmede» and another place",
        "_EN_CLAUSE": "«en het vervangen van …» or «en onder vernummering van …»",
        "_TOT_EN_MET": "«tot en met» (de artikelen 3 tot en met 5)",
        "_TOT": "«tot» (vernummerd tot)",
        "_ONDER_TOEVOEGING_VAN": "«onder toevoeging van»",
        "_ONDER_VERNUMMERING_VAN": "«onder vernummering van»",
        "_ONDER_VERVANGING_VAN": "«onder vervanging van»",
        "_IN_TE_VOEGEN": "«in te voegen»",
    }),
    ("a new element («een nieuw artikel», …)", {
        "_EEN_NIEUW": "«een nieuw» (een nieuw artikel)",
        "_EEN_NIEUWE": "«een nieuwe» (een nieuwe volzin)",
        "_NIEUW": "«nieuw» (een nieuw lid)",
        "_NIEUWE": "«nieuwe» (twee nieuwe leden)",
        "_EEN": "«een»",
    }),
    ("the regulation or a date («van de Wet …», «met ingang van 1 januari 2020», …)", {
        "LAWNAME": "the name of a regulation («de Wet op het primair onderwijs»)",
        "_VAN_LAW": "«van» and the name of a regulation («van de Wet …»)",
        "VAN_THIS": "«van deze wet»",
        "_VAN_BILL": "«van het voorstel van wet»",
        "_VOORSTEL_VAN_WET": "«voorstel van wet»",
        "_VOORGESTELDE": "«voorgestelde» (het voorgestelde artikel)",
        "_OPGENOMEN": "«opgenomen» (het in artikel 6 opgenomen …)",
        "_TEKST": "«de tekst»",
        "ABOUT": "«met betrekking tot …»",
        "AMOUNTS": "an amount such as «het bedrag» or «het percentage»",
        "_GENOEMD_IN": "«genoemd in»",
        "_MET_INGANG_VAN": "a date of effect («met ingang van 1 januari 2020»)",
        "DATE": "a date such as «1 januari 2020»",
        "ON_ENTRY": "«met ingang van de inwerkingtreding van deze wet»",
        "_VOORTS": "«Voorts»",
        "_TOEGEVOEGD_WORDT": "«Toegevoegd wordt:»",
        "_TOEGEVOEGD_WORDEN": "«Toegevoegd worden:»",
    }),
    ("a small word such as «in», «van», «het» or «de»", {
        "_IN": "«in» (In artikel 6 …)",
        "_VAN": "«van» (van artikel 6)",
        "_HET": "«het» (het tweede lid)",
        "_DE": "«de» (de eerste volzin)",
        "_ER": "«er» (er wordt … ingevoegd)",
        "COMMA": "a comma",
        "WS": "a space",
    }),
)

#: terminal of the instruction grammar → what a drafter would write there
DRAFTING_WORDS: dict[str, str] = {name: words for _, group in GROUPS
                                   for name, words in group.items()}
#: terminal → the summary of its group
_GROUP_OF = {name: summary for summary, group in GROUPS for name in group}


#: at most this many expectations are listed; then «or N more»
SHOWN = 6


def expected_words(names: Iterable[str]) -> str:
    """«a quote «…», the verb «wordt … vervangen door» or «telkens»»: what the grammar
    expected, each in drafting words once, in the table's order."""
    order = {name: n for n, name in enumerate(DRAFTING_WORDS)}
    known = sorted((n for n in set(names) if n in DRAFTING_WORDS), key=order.__getitem__)
    words = list(dict.fromkeys(DRAFTING_WORDS[n] for n in known))
    words += sorted({_plain(n) for n in names if n not in DRAFTING_WORDS and _plain(n)})
    if not words:
        return ""
    if len(words) > SHOWN:  # too many to list: what kinds of words
        words = list(dict.fromkeys(_GROUP_OF[n] for n in known))
        words += sorted({_plain(n) for n in names if n not in DRAFTING_WORDS and _plain(n)})
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


#: what Lark calls the end of the input
_END = "$END"


def _plain(name: str) -> str:
    """A terminal outside the table: the end of the sentence said in words; any other
    (one Lark made up, which the table's test keeps out) is left unsaid, so that no
    grammar name reaches a drafter."""
    return "the end of the sentence" if name == _END else ""


@dataclass(frozen=True)
class Slip:
    """A common slip: what it is, and where (0-based offset and width in the sentence)."""

    message: str
    offset: int
    width: int


def slip(text: str, head: str, error_at: int) -> Optional[Slip]:
    """The slip that explains a parse error at ``error_at`` (0-based) in ``text`` (whose
    grammar part, same columns, is ``head``), if it is one of the common ones."""
    return (_unclosed_quote(head, error_at) or _unopened_quote(head, error_at)
            or _luidende_without_text(head, error_at) or _missing_colon(text, head, error_at))


#: quote marks whose closing mark is not also an apostrophe (‘ ’ are left out)
_PAIRS = (("«", "»"), ("“", "”"))


def _unclosed_quote(head: str, error_at: int) -> Optional[Slip]:
    """An opening mark followed by another opening mark, or by nothing, before its
    closing mark («wordt «pluriformiteit vervangen door «eenheid».»)."""
    for opening, closing in _PAIRS:
        if opening == "“" and "„" in head:  # „…“ closes with the other mark
            continue
        at = _first_unclosed(head, opening, closing)
        if at is not None and at <= error_at:
            return Slip(f"quote not closed: the quote that opens with {opening} here has no "
                        f"closing {closing} before the next {opening} or the end of the "
                        "sentence", at, _word_end(head, at + 1) - at)
    return None


def _unopened_quote(head: str, error_at: int) -> Optional[Slip]:
    """A closing mark with no opening mark before it, after the place where the grammar
    stopped («vervangen door niet door de gemeente … scholen» en …»): the opening mark is
    missing, so the quoted words were read as words of the sentence."""
    for opening, closing in _PAIRS:
        if opening == "“" and "„" in head:  # „…” opens with the other mark
            continue
        at = _first_unopened(head, opening, closing)
        if at is not None and at >= error_at:
            return Slip(f"quote not opened: the closing {closing} here has no opening "
                        f"{opening} before it (the quoted words before it were read as words "
                        "of the sentence)", at, 1)
    return None


def _first_unopened(text: str, opening: str, closing: str) -> Optional[int]:
    opened = False
    for pos, char in enumerate(text):
        if char == opening:
            opened = True
        elif char == closing:
            if not opened:
                return pos
            opened = False
    return None


def _first_unclosed(text: str, opening: str, closing: str) -> Optional[int]:
    opened = None
    for pos, char in enumerate(text):
        if char == opening:
            if opened is not None:
                return opened
            opened = pos
        elif char == closing:
            opened = None
    return opened


_ANNOUNCES_AT_END = re.compile(r"(?:\b(?:komt|komen)\s+te\s+luiden|\bluidende?|\bdat\s+luidt)"
                               r"\s*\.?\s*$")


def _luidende_without_text(head: str, error_at: int) -> Optional[Slip]:
    """«…, luidende» (or «komt te luiden») at the end, without a colon and new text."""
    start = max(len(head) - 80, 0)  # the end of the sentence is all that is looked at
    match = _ANNOUNCES_AT_END.search(head, start)
    if match is None or error_at < match.start():
        return None
    words = " ".join(head[match.start():match.end()].strip().rstrip(".").split())
    return Slip(f"«{words}» without the new text: write «{words}:» and the new text after "
                "the colon or on the lines that follow", match.start(), len(words))


# the words after which new text follows a colon, and a word where the new text starts
_ANNOUNCES = re.compile(r"\b(vervangen\s+door|(?:komt|komen)\s+te\s+luiden|luidende?|"
                        r"ingevoegd|toegevoegd)[ \t]+(?=[^\s«“‘„\"’:.,])")
# after these the words may also name a place («ingevoegd na artikel 6, luidende: …»): a
# sentence with a colon somewhere has its new text there
_MAY_GO_ON = ("luidend", "luidende", "ingevoegd", "toegevoegd")


def _missing_colon(text: str, head: str, error_at: int) -> Optional[Slip]:
    """New text straight after «vervangen door» (or «luidende», «ingevoegd», …) without
    the colon: «vervangen door een instelling.». Only when no quote or colon stands between
    those words and the error (the grammar could not read the new text as a place): the
    words are looked for after the last such mark before the error, in one pass."""
    last_mark = max((m.end() for m in _MARK.finditer(head, 0, max(error_at, 0))), default=0)
    for match in _ANNOUNCES.finditer(head, last_mark):
        if match.end() > error_at + 1:
            break
        verb = " ".join(match.group(1).split())
        if verb in _MAY_GO_ON and ":" in text:
            continue
        words = _FIRST_WORDS.match(head, match.end()).group(0).split()
        shown = " ".join(words[:3]) + (" …" if len(words) > 3 else "")
        return Slip(f"missing colon: the new text after «{verb}» follows a colon («{verb}: "
                    f"{shown}»)", match.end(), len(words[0]))
    return None


_MARK = re.compile(r"[«“‘„\"’:]")
_FIRST_WORDS = re.compile(r"\S+(?:\s+\S+){0,3}")


def _word_end(text: str, start: int) -> int:
    found = re.compile(r"\S*").match(text, start)
    return max(found.end(), start + 1) if found else start + 1
