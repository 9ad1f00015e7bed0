"""The site's Dutch: dates in words, periods, counts, and the store's own sentences in Dutch.

The store keeps its explanations in the engine's language (English): the source of a base
text («base text (corpus/BWBR0003420/base.xml)», «the text on 1996-12-31»), the reason of an
official history's version («in force 2014-02-15, retroactive to 2013-01-01») and the notes
on act parts not applied («…: not applied, waits for a later law (…)»). The store must stay
as it is (its bytes are the engine's contract), so the site says the same in Dutch here, one
strict pattern per sentence the engine writes (``time.timeline``, ``time.samenloop``,
``read.iwtrules``, ``store.versions``, ``store.bwbimport``). A sentence no pattern knows is
shown as it is, marked as English (``Wording.lang``), and ``render`` names it on stderr:
never a half-translated sentence.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from consolidator.dates import MONTHS
from consolidator.store.db import EARLIEST, LATEST, Version

_MONTH_NAMES = {n: name for name, n in MONTHS.items()}
_ISO = r"\d{4}-\d{2}-\d{2}"


# --------------------------------------------------------------------------- dates

def dutch_date(value) -> str:
    """«1 januari 1997» for ``"1997-01-01"`` or a date."""
    date = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)
    return f"{date.day} {_MONTH_NAMES[date.month]} {date.year}"


def period(valid_from: str, valid_until: Optional[str]) -> str:
    """«Geldend van 1 januari 1997 t/m 31 december 1998» (the store's end is exclusive)."""
    if valid_until is None or valid_until == LATEST:
        return f"Geldend van {dutch_date(valid_from)} t/m heden"
    last = _dt.date.fromisoformat(valid_until) - _dt.timedelta(days=1)
    return f"Geldend van {dutch_date(valid_from)} t/m {dutch_date(last)}"


def known_since(known_from: str) -> str:
    """When a text became known: «23 december 1996», «het begin», «…zodra …»."""
    if known_from == EARLIEST:
        return "het begin"
    if known_from == LATEST:
        return "het moment dat alle gegeven besluiten bekend zijn"
    return dutch_date(known_from)


def known_period(version: Version) -> str:
    """«bekend sinds 23 december 1996», «bekend van … tot …» (knowledge axis)."""
    if version.known_from == EARLIEST:
        start = "bekend vanaf het begin"
    elif version.known_from == LATEST:
        start = "bekend zodra alle gegeven besluiten bekend zijn"
    else:
        start = f"bekend sinds {dutch_date(version.known_from)}"
    if version.known_until:
        return f"{start}, vervangen op {dutch_date(version.known_until)}"
    return start


def count(number: int, one: str, many: str) -> str:
    """«1 onderdeel», «44 onderdelen»."""
    return f"{number} {one if number == 1 else many}"


def first_capital(text: str) -> str:
    """The text with its first letter a capital, the rest as it is («Nieuwe versie (BWB)»)."""
    return text[:1].upper() + text[1:]


_REPEAL_MARK = re.compile(r"\[Vervallen per (" + _ISO + r")\]")


def repeal_marks(text: str) -> str:
    """The plain law text's «[Vervallen per 1997-01-01]» as «[Vervallen per 1 januari 1997]»
    (the plain format keeps ISO dates; a page says dates in words)."""
    return _REPEAL_MARK.sub(lambda m: f"[Vervallen per {dutch_date(m.group(1))}]", text)


def _dates(text: str) -> str:
    """Every ISO date in an engine sentence in words."""
    return re.sub(_ISO, lambda m: dutch_date(m.group(0)), text)


# --------------------------------------------------------------------------- store sentences

@dataclass(frozen=True)
class Wording:
    """A sentence for the page: Dutch, or (``lang`` "en") the engine's own words."""

    text: str
    lang: str = "nl"


_BASE_LABEL = re.compile(r"base text \((?P<path>[^()]*)\)")


def is_base_text(label: str) -> bool:
    """The source label the store gives a law's base text (``store.versions``)."""
    return _BASE_LABEL.fullmatch(label) is not None


def source_label(label: str) -> Wording:
    """A version source's label: an act part as the store names it (Dutch already), or
    «Uitgangstekst» for the base text, whose file path is no business of the reader."""
    if is_base_text(label):
        return Wording("Uitgangstekst")
    return _checked(label)


_PENDING = {"an entry-into-force provision": "een inwerkingtredingsbepaling",
            "the date of publication": "de datum van uitgifte",
            "a koninklijk besluit": "een koninklijk besluit",
            "a later law": "een latere wet"}
_RELATION = {"after": "na", "on or before": "op of vóór"}


def _reason_rules() -> list[tuple[re.Pattern, Callable]]:
    """The reasons ``store.versions``, ``store.bwbimport`` and ``read.iwtrules`` write."""
    date = f"(?P<date>{_ISO})"
    return [
        (re.compile(f"the text on {date}"), lambda m: f"de tekst op {dutch_date(m['date'])}"),
        (re.compile(f"in force {date}"), lambda m: f"in werking {dutch_date(m['date'])}"),
        (re.compile(f"in force {date}, retroactive to (?P<back>{_ISO})"),
         lambda m: f"in werking {dutch_date(m['date'])}, terugwerkend tot "
                   f"{dutch_date(m['back'])}"),
        (re.compile(r"(?P<act>.+) has no entry-into-force provision"),
         lambda m: f"{_act(m['act'])} heeft geen inwerkingtredingsbepaling"),
        (re.compile(r"(?P<act>.+): the date of (?P<part>.+) depends on the date of publication"),
         lambda m: f"{_act(m['act'])}: de datum van {m['part']} hangt af van de datum van "
                   "uitgifte"),
        (re.compile(r"(?P<act>.+) names no date for (?P<part>.+)"),
         lambda m: f"{_act(m['act'])} noemt geen datum voor {m['part']}"),
        (re.compile(r"(?P<rule>.+); retroactivity depends on the date of publication"),
         lambda m: f"{reason(m['rule']).text}; de terugwerkende kracht hangt af van de datum "
                   "van uitgifte"),
    ]


def _act(name: str) -> str:
    return "het besluit" if name == "the act" else name


def reason(text: str) -> Wording:
    """Why a version or part takes effect when it does: the act's own words (Dutch) or
    one of the engine's sentences, in Dutch."""
    return _translate(text, _REASONS)


def _decision_rules() -> list[tuple[re.Pattern, Callable]]:
    """The reasons ``time.samenloop.decide`` gives for taking a branch or not."""
    enacted = rf"(?:enacted (?P<enacted>{_ISO}), )?"
    return [
        (re.compile(rf"(?P<other>.+) took effect on (?P<then>{_ISO}), (?P<rel>after|on or "
                    rf"before) this act \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} trad in werking op {dutch_date(m['then'])}, "
                   f"{_RELATION[m['rel']]} dit besluit ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) has no date of entry into force, so it is not in force "
                    rf"when this act is \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} heeft geen datum van inwerkingtreding en is dus niet in "
                   f"werking wanneer dit besluit dat is ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) \({enacted}no date of entry into force\) is not in force "
                    rf"when this act takes effect \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} ({_enacted(m)}geen datum van inwerkingtreding) is niet in "
                   f"werking wanneer dit besluit in werking treedt ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) \({enacted}in force (?P<then>{_ISO})\) takes effect "
                    rf"(?P<rel>after|on or before) this act \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} ({_enacted(m)}in werking {dutch_date(m['then'])}) treedt "
                   f"{_RELATION[m['rel']]} dit besluit in werking ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) takes effect on (?P<then>{_ISO}), (?P<rel>later|earlier) "
                    rf"than this act \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} treedt in werking op {dutch_date(m['then'])}, "
                   f"{_COMPARED[m['rel']]} dan dit besluit ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) has no date of entry into force: it is not in force when "
                    rf"this act takes effect \((?P<own>{_ISO})\)"),
         lambda m: f"{m['other']} heeft geen datum van inwerkingtreding: het is niet in werking "
                   f"wanneer dit besluit in werking treedt ({dutch_date(m['own'])})"),
        (re.compile(rf"(?P<other>.+) takes effect on (?P<then>{_ISO}) \(this act: "
                    rf"(?P<own>{_ISO})\), so the clause holds from (?P<since>{_ISO})"),
         lambda m: f"{m['other']} treedt in werking op {dutch_date(m['then'])} (dit besluit: "
                   f"{dutch_date(m['own'])}), zodat de bepaling geldt vanaf "
                   f"{dutch_date(m['since'])}"),
        (re.compile(r"(?P<other>.+) has no date of entry into force yet: the clause waits for it"),
         lambda m: f"{m['other']} heeft nog geen datum van inwerkingtreding: de bepaling wacht "
                   "daarop"),
        (re.compile(r"(?P<other>.+) is not known to be law yet: the clause waits for it"),
         lambda m: f"{m['other']} is nog niet als wet bekend: de bepaling wacht daarop"),
        (re.compile(rf"(?P<other>.+) became law \((?P<then>{_ISO})\)"),
         lambda m: f"{m['other']} is wet geworden ({dutch_date(m['then'])})"),
    ]


_COMPARED = {"later": "later", "earlier": "eerder"}


def _enacted(match) -> str:
    return f"vastgesteld {dutch_date(match['enacted'])}, " if match["enacted"] else ""


def _note_rules() -> list[tuple[re.Pattern, Callable]]:
    """The notes ``time.timeline`` keeps on parts not applied and samenloop branches."""
    pending = "|".join(re.escape(p) for p in _PENDING)
    return [
        (re.compile(rf"(?P<where>.+?): not applied, waits for (?P<pending>{pending}) "
                    r"\((?P<why>.*)\)"),
         lambda m: f"{m['where']}: niet toegepast, wacht op {_PENDING[m['pending']]} "
                   f"({reason(m['why']).text})"),
        (re.compile(r"(?P<where>.+?) \(samenloop\): not applied: (?P<why>.+)"),
         lambda m: f"{m['where']} (samenloop): niet toegepast: {_decision(m['why'])}"),
        (re.compile(r"(?P<where>.+?) \(samenloop\): applies: (?P<why>.+); it amends "
                    r"(?P<other>.+), which is not among the acts given, so nothing of it "
                    r"reaches this law"),
         lambda m: f"{m['where']} (samenloop): toegepast: {_decision(m['why'])}; het wijzigt "
                   f"{_other(m['other'])}, dat niet bij de gegeven besluiten hoort, zodat "
                   "niets daarvan deze wet bereikt"),
    ]


def _other(name: str) -> str:
    return "een ander besluit" if name == "another act" else name


class _Untranslated(Exception):
    pass


def _decision(text: str) -> str:
    found = _translate(text, _DECISIONS)
    if found.lang != "nl":
        raise _Untranslated(text)
    return found.text


def note(text: str) -> Wording:
    """A note of the store (a part not applied, a samenloop branch) in Dutch."""
    return _translate(text, _NOTES)


def _translate(text: str, rules) -> Wording:
    try:
        for pattern, say in rules:
            match = pattern.fullmatch(text)
            if match:
                return _checked(say(match))
    except _Untranslated:
        pass
    return _checked(text)


#: the engine's words that betray an untranslated sentence (Dutch has none of them)
ENGLISH = frozenset("""the and of on for to by after before known valid version versions text
base act acts law laws applies applied apply enacted took takes effect retroactive changed
added repealed removed superseded since until from with which not nothing waits among given
this it new unchanged stamp none every store depends names date""".split()) - {"of", "effect"}


def _checked(text: str) -> Wording:
    """Dutch if no word of the engine's English is in it; else marked as English."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return Wording(text, "en" if words & ENGLISH else "nl")


_REASONS = _reason_rules()
_DECISIONS = _decision_rules()
_NOTES = _note_rules()


# --------------------------------------------------------------------------- the diff page

_ASKED = [
    (re.compile(f"valid on (?P<d>{_ISO})"), lambda m: f"geldend op {dutch_date(m['d'])}"),
    (re.compile(f"as known on (?P<d>{_ISO})"), lambda m: f"zoals bekend op {dutch_date(m['d'])}"),
    (re.compile(r"as known now \(every act in the store\)"),
     lambda m: "zoals nu bekend (alle besluiten in de opslag)"),
]


def asked(text: str) -> Wording:
    """What ``diff`` was asked («valid on 1996-12-31», «as known now …»), in Dutch."""
    return _translate(text, _ASKED)


# --------------------------------------------------------------------------- knowledge

def _cause_rules() -> list[tuple[re.Pattern, Callable]]:
    """What a part of an act published later did (``time.causes``)."""
    dates = rf"(?P<dates>{_ISO}(?:, {_ISO})*)"
    return [
        (re.compile(r"amends (?P<part>.+)"), lambda m: f"wijzigt {m['part']}"),
        (re.compile(r"withdraws (?P<part>.+)"), lambda m: f"trekt {m['part']} in"),
        (re.compile(r"samenloop with (?P<part>.+)"), lambda m: f"samenloop met {m['part']}"),
        (re.compile(r"sets when (?P<part>.+) takes effect"),
         lambda m: f"bepaalt wanneer {m['part']} in werking treedt"),
        (re.compile(r"its publication decides (?P<part>.+) \(samenloop\)"),
         lambda m: f"de uitgifte ervan beslist over {m['part']} (samenloop)"),
        (re.compile(r"its publication changed the plan"),
         lambda m: "de uitgifte ervan veranderde wat bekend is"),
        (re.compile(rf"(?P<part>.+) no longer takes effect on {dates}"),
         lambda m: f"{m['part']} treedt niet meer in werking op {_dates(m['dates'])}"),
        (re.compile(rf"(?P<part>.+) takes effect on {dates} instead of (?P<old>{_ISO}"
                    rf"(?:, {_ISO})*)"),
         lambda m: f"{m['part']} treedt in werking op {_dates(m['dates'])} in plaats van "
                   f"{_dates(m['old'])}"),
        (re.compile(rf"(?P<part>.+) takes effect on {dates}"),
         lambda m: f"{m['part']} treedt in werking op {_dates(m['dates'])}"),
    ]


_CAUSES = _cause_rules()


def known_reason(text: str) -> Wording:
    """What a later act did to what was known («amends Stb. 1996, 649, ARTIKEL XII: Stb.
    1996, 649, ARTIKEL VI no longer takes effect on 1999-01-01»), in Dutch: each of its
    «; »-separated pieces by one pattern, or the whole sentence as it is."""
    try:
        pieces = []
        for half in text.split(": ", 1) if ": " in text else [text]:
            pieces.append("; ".join(_piece(p) for p in half.split("; ")))
        return _checked(": ".join(pieces))
    except _Untranslated:
        return _checked(text)


def _piece(text: str) -> str:
    for pattern, say in _CAUSES:
        match = pattern.fullmatch(text)
        if match:
            return say(match)
    raise _Untranslated(text)
