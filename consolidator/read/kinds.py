"""What kind an ARTIKEL of an act is: amending, samenloop, entry into force, transitional or
other, decided from its text — and what may never be decided quietly.

An ARTIKEL that is not an amending one is one of:

* **entry-into-force**: a main clause «… treedt/treden … in werking» (also «inwerking»),
  «… werkt terug», «… geldt/vervalt met ingang van …»;
* **samenloop**: «Indien … in werking …» without an entry-into-force main clause;
* **transition** (overgangsrecht), only on a positive mark: the text speaks of the law as
  it was or of the moment of change — «(voorafgaand aan / voor / na / bij) de
  inwerkingtreding», «het tijdstip van inwerkingtreding», «zoals (dat/die) luidde(n)/gold(en)»,
  «blijft/blijven … van toepassing», «overgangs…», «de dag voor/na de datum waarop …
  in werking»;
* **other**: a provision in the act's own words with none of these marks (a citeertitel,
  «Onze Minister … is belast met de uitvoering», new rules of a new law).

Transition and other change nothing in a law, so reading one of them wrongly would drop an
amendment silently. Hence the guards (``unreadable_reason``): a paragraph of a non-amending
ARTIKEL that reads like an amendment instruction or like the withdrawal (intrekking) of a
regulation is an error, never «transition» or «other». An entry-into-force or samenloop text
keeps its kind: the time stage reads it (and refuses what it cannot read).
"""
from __future__ import annotations

import re
from typing import Optional

from consolidator.errors import ConsolidatorError
from consolidator.read.instructions import parse_sentence
from consolidator.read.linear import followed_by, followed_within
from consolidator.read.paras import Para

# «… wordt (worden) … gewijzigd als volgt:» / «als volgt gewijzigd:», «… wijzigingen aangebracht:»
# (what «\b(wordt|worden)\b.*\b(gewijzigd als volgt|als volgt gewijzigd)\s*:$|wijzigingen
# aangebracht\s*:$» says, asked in linear time: read/linear.py)
_INTRO_VERB = re.compile(r"\b(?:wordt|worden)\b")
_INTRO_END = re.compile(r"\b(?:gewijzigd als volgt|als volgt gewijzigd)\s*:$")
_CHANGES_END = re.compile(r"wijzigingen aangebracht\s*:$")
# «… treedt (treden) … in werking», «in werking met ingang / op», «werkt terug», «terugwerkt»,
# «geldt/vervalt met ingang van» (ignoring case)
_IWT_VERB = re.compile(r"(?:treedt|treden)\b", re.I)
_IWT_IN_WERKING = re.compile(r"\bin\s?werking", re.I)
_IWT_OTHER = re.compile(r"in\s?werking\s+(?:met ingang|op)|werkt terug|terugwerkt"
                        r"|\b(?:geldt|gelden|vervalt|vervallen)\s+met ingang van", re.I)
CITE_RE = re.compile(r"wordt aangehaald als|citeertitel", re.I)
# An inwerkingtredingsbesluit names the act it puts in force: «De wet van 4 juli 1996 (Stb. 403)
# treedt in werking …», «De Wet stelsel openbare bibliotheekvoorzieningen treedt in werking …».
# (Matched at the start only, so the lazy run is read once.)
OTHER_ACT_IWT_RE = re.compile(r"^(De|Het)\s+(wet|besluit|Wet|Besluit)\b(?:[^.]|Stb\.)*?\btreedt\s+in\s+werking\b")
# Who an entry-into-force main clause is about: this act, one of its parts, another act.
_IWT_SUBJECT_RE = re.compile(r"\b(deze (wet|regeling|beschikking|rijkswet|verordening)|dit besluit"
                             r"|artikel|zij|het|hij)\b", re.I)

# -- the positive marks of a transitional provision (overgangsrecht)
TRANSITION_RE = re.compile(
    r"inwerkingtreding|in werking (is )?getreden|in werking treedt|in werking treden"
    r"|zoals (dat|die|deze|het)?\s*(luidde|luidden|gold|golden|luidend)|overgangs", re.I)
# «blijft/blijven … van toepassing/kracht» within one sentence (no full stop between)
_REMAINS = re.compile(r"\b(?:blijft|blijven)\b", re.I)
_IN_FORCE = re.compile(r"\bvan (?:toepassing|kracht)\b", re.I)

# -- what reads like an amendment instruction (the shapes grammar/instruction.lark starts with)
_ELEMENT = (r"(artikel|artikelen|hoofdstuk|paragraaf|§|afdeling|titel|boek|onderdeel|onderdelen"
            r"|bijlage|het opschrift|de aanhef|de inhoudsopgave|het (\w+) lid|de (\w+) (volzin|zin)"
            r"|de (begrips)?omschrijving|de definitie|«|‘|“)")
_CHANGE = (r"(vervalt|vervallen|komt te luiden|komen te luiden|vervangen door|ingevoegd|toegevoegd"
           r"|vernummerd|verletterd|geletterd|geplaatst|als volgt gewijzigd|gewijzigd als volgt"
           r"|wijzigingen aangebracht)")
INSTRUCTION_LIKE_RE = re.compile(
    rf"^(In|Aan|Na|Voor|Vóór)\s+{_ELEMENT}.*\b{_CHANGE}\b"
    rf"|^(Artikel|Artikelen|De artikelen|Hoofdstuk|Paragraaf|§|Afdeling|Titel|Onderdeel|Bijlage"
    rf"|Het opschrift|De aanhef|De inhoudsopgave|Het (\w+) lid|De (\w+) (volzin|zin))\b[^.]*?"
    rf"\b(vervalt|vervallen|komt te luiden|komen te luiden|wordt (\w+ )?vervangen door"
    rf"|worden (\w+ )?vervangen door|wordt vernummerd|worden vernummerd|wordt verletterd"
    rf"|wordt (opnieuw )?geletterd)\b"
    r"|^(Onder vernummering|Onder verlettering|Onder vervanging|Er wordt|Er worden|Toegevoegd wordt"
    r"|Ingevoegd wordt|Voorts wordt|Voor de tekst wordt)\b")
# quoted words, then (after their closing mark) a verb: «[«‘“][^»’”]*[»’”].*\b(…)\b», asked
# with three searches: the first opening mark has the first closing mark after it
_OPENING = re.compile(r"[«‘“]")
_CLOSING = re.compile(r"[»’”]")
_QUOTED_CHANGE = re.compile(r"\b(?:vervangen door|ingevoegd|toegevoegd|vervalt|vervallen)\b")
# -- what reads like the withdrawal of a whole regulation (intrekking)
# (a capital starts the name: the rest of it is read by «.*» or «[^.]*», which also read every
# character a name has; a name's own «[\w’'-]*» before them shared those characters out)
_REGULATION = r"(De|Het)\s+(?:[A-Z]|(?:wet|besluit|regeling|beschikking|verordening)\s+van\s+\d)"
INTREKKING_LIKE_RE = re.compile(
    rf"^{_REGULATION}.*\b(wordt|worden)\s+ingetrokken\b"
    rf"|^{_REGULATION}[^.]*\b(vervalt|vervallen)\.?$")
# «Artikel 5 van de Wet X vervalt.»: the subject's first word, then the verb anywhere after it
_SUBJECT_FIRST_RE = re.compile(r"^(Artikel|De artikelen)\s+\S.*\b(vervalt|vervallen|komt te luiden|wordt)")


def is_amending_intro(text: str) -> bool:
    """«De Wet … wordt gewijzigd als volgt:», «… worden de volgende wijzigingen aangebracht:»."""
    if not text.endswith((":", ":\n")):  # how both endings end («$»: also before a last «\n»)
        return False
    # both words of ``_INTRO_END`` hold «als volgt»: without it, neither search is needed (the
    # first two patterns have no fixed start to look for and are tried at every character)
    return ("als volgt" in text and followed_by(text, _INTRO_VERB, _INTRO_END)) \
        or _CHANGES_END.search(text) is not None


def mentions_entry_into_force(text: str) -> bool:
    """«… treedt … in werking», «in werking met ingang van», «werkt terug», «geldt met
    ingang van», … anywhere in ``text``."""
    return followed_by(text, _IWT_VERB, _IWT_IN_WERKING) or _IWT_OTHER.search(text) is not None


def _transitional(text: str) -> bool:
    return TRANSITION_RE.search(text) is not None \
        or followed_within(text, _REMAINS, _IN_FORCE, ".")


def _quoted_then_change(text: str) -> bool:
    opening = _OPENING.search(text)
    closing = opening and _CLOSING.search(text, opening.end())
    return bool(closing) and _QUOTED_CHANGE.search(text, closing.end()) is not None


def is_conditional(text: str) -> bool:
    return text.startswith("Indien") and "in werking" in text


_FRAMED_RE = re.compile(r"^(In|Na|Voor|Aan)\s+(artikel|de artikelen|het|de)\b")
_SETS_DATE_RE = re.compile(r"\b(treedt|treden)\s+in\s+werking\b")


def is_amending(text: str) -> bool:
    if is_amending_intro(text) or _FRAMED_RE.match(text):
        return True
    # «Artikel 5 van de Wet X vervalt.»: a subject-first sentence naming its law
    if not (_SUBJECT_FIRST_RE.match(text) and " van de " in text):
        return False
    # «Artikel I, onderdeel B, van de wet van … treedt in werking …» sets a date (a decree);
    # the pattern holds «werking», which ``in`` finds at once (the pattern, starting with
    # «\b», is tried at every character)
    return not ("werking" in text and _SETS_DATE_RE.search(text) and "«" not in text)


def reads_like_instruction(text: str) -> bool:
    """Whether a paragraph has the shape of an amendment instruction or intro."""
    if is_amending_intro(text):
        return True
    body = _unnumbered(text)
    return INSTRUCTION_LIKE_RE.search(body) is not None or _quoted_then_change(body)


def reads_like_intrekking(text: str) -> bool:
    """Whether a paragraph withdraws a whole regulation («De Wet … wordt ingetrokken.»)."""
    return bool(INTREKKING_LIKE_RE.search(_unnumbered(text)))


def _unnumbered(text: str) -> str:
    """A lid's text without its number («2. In artikel 5 …» → «In artikel 5 …»)."""
    return _LID_NUMBER_RE.sub("", text)


_LID_NUMBER_RE = re.compile(r"^(?:•\s*)?\d+[a-z]?\.\s+")


def plain_kind(body: list[Para]) -> str:
    """The kind of a non-amending ARTIKEL (see the module's docstring for the marks)."""
    text = " ".join(p.text for p in body)
    if is_entry_into_force(text):  # before the citeertitel: «… treedt in werking … en
        return "entry-into-force"  # wordt aangehaald als …» sets a date
    if CITE_RE.search(text):
        return "other"
    if text.startswith("Indien") and "in werking" in text:
        return "samenloop"
    if _transitional(text):
        return "transition"
    return "other"


def is_entry_into_force(text: str) -> bool:
    """A main clause that puts this act, a part of it or another act in force."""
    if not mentions_entry_into_force(text):
        return False
    if not (_IWT_SUBJECT_RE.search(text) or OTHER_ACT_IWT_RE.match(text)):
        return False
    return not text.startswith("Indien") or "treedt" in text


def unreadable_reason(body: list[Para]) -> Optional[tuple[Para, str]]:
    """The paragraph of a non-amending ARTIKEL that must not be passed over, and why:
    it reads like an amendment instruction or like an intrekking. None when there is none."""
    for para in body:
        if reads_like_instruction(para.text):
            return para, "reads like an amendment instruction"
        if reads_like_intrekking(para.text):
            return para, "reads like the withdrawal (intrekking) of a regulation"
    return None


def reads_as_instruction(text: str) -> bool:
    try:
        parse_sentence(text)
        return True
    except ConsolidatorError:
        return False
