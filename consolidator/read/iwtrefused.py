"""Wordings of entry-into-force sentences this reader refuses on purpose, wherever they
stand in a sentence the grammar could not read: each is a cause of refusal by itself
(the rules cannot hold what it says), so the error names it, its reason class (the
README, «What is not read»: Time) and what the reader would need, at its own place,
rather than the place the grammar happened to stop.

Only a sentence the grammar refuses is scanned: what it reads is never changed here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

#: «met dien verstande dat» followed by an enumeration «a. …»: the items of such a
#: proviso are where the wordings of the class ``enumerated-proviso`` are looked for
_ENUMERATED_PROVISO = re.compile(r"met\s+dien\s+verstande\s+dat\s*[,:]?[ \t]*\n", re.I)

#: where the words of a proviso's item end: before a comma or semicolon, or before the
#: period or «, en» that closes the item at the end of its line
_ITEM_END = r"(?=[,;]|\.?[ \t]*(?:\n|$))"


@dataclass(frozen=True)
class Refused:
    """A refused wording: its reason class, the pattern of its words (``quote``: the
    group quoted in the message, else the whole match), the message (``{}`` the quoted
    words), and whether it counts only inside an enumerated proviso."""

    reason: str
    pattern: re.Pattern
    message: str
    in_proviso: bool = False

    def says(self, words: str) -> str:
        """The message for ``words``, its reason class in brackets (none: no class)."""
        said = self.message.format(" ".join(words.split()))
        return f"{said} [{self.reason}]" if self.reason else said


_WORDINGS = (
    Refused("subject-matter", re.compile(
        r"(?:voor\s+)?wat\s+betreft\s+(?:het|de)\s+(?!artikel|onderde)[^,.;\n]*?"
        r"(?=\s+en\s|[,.;\n]|$)", re.I),
        "a date split by subject matter («{}»): which parts of the act that means is not in "
        "the text, so no date is given for them; the reader would need the parts named"),
    Refused("subject-matter", re.compile(
        r"uitsluitend\s+met\s+het\s+oog\s+op\s+[^,.;\n]*?"
        r"(?=\s+(?:werkt|werken|treedt|treden|terugwerkt|terugwerken)\b|[,.;\n]|$)", re.I),
        "a time that holds only for a purpose («{}»): for every other purpose the parts keep "
        "another date, and one text per date cannot show both; the reader would need the "
        "purpose to be a part of the act"),
    Refused("label-form", re.compile(r"\bonderde(?:el|len)\s+[A-Z]+[a-z]?\.\d+(?:\.\d+)*"),
        "a part label with a numbered sub-part («{}»): whether it is a punt of the onderdeel "
        "or an onderdeel of its own is not in this text, so no date is given for it; the "
        "reader would need the act's numbering of those parts"),
    Refused("decree-moves-date", re.compile(
        r"met\s+dien\s+verstande\s+dat\s+bij\s+koninklijk\s+besluit\s+een\s+inwerkingtreding"
        r"\s+op\s+een\s+(?:ander|eerder|later)\s+tijdstip[^.;\n]*?kan\s+worden\s+vastgesteld",
        re.I),
        "a decree may move the date this text fixes, within limits it gives («{}»): the "
        "reader would need to check a decree's date against those limits, so no date is "
        "given for these parts"),
    Refused("decree-moves-date", re.compile(
        r"bij\s+koninklijk\s+besluit\s+kan\s+een\s+(?:eerder|later)\s+tijdstip\s+worden\s+"
        r"vastgesteld\s+waarop\s+[^,.;\n]*?in\s+werking\s+tre(?:edt|den)", re.I),
        "a decree may set a time earlier or later than the one this text fixes («{}»), not any "
        "time: the reader would need to check a decree's date against that bound, so no date "
        "is given for these parts"),
    Refused("condition", re.compile(
        r"\bmits\s+[^.;\n]*?\s+tot\s+wet\s+(?:wordt|is)\s+verheven|\bmits\s+[^,.;\n]*", re.I),
        "a time that holds only under a condition («{}»): whether and when it is met is not a "
        "time of this text, so no date is given; the reader would need the time for each case"),
    Refused("condition", re.compile(
        r"\bindien\s+(?:de\s+artikelen|het\s+artikel|artikel|de\s+bepalingen?)\s+[^,.;\n]*?"
        r"\s+in\s+werking\s+(?:treedt|treden)\b", re.I),
        "a time that holds only if other provisions take effect («{}»): whether they do is "
        "not a time of this text, so no date is given; the reader would need the time for "
        "each case"),
    Refused("condition", re.compile(r",\s*tenzij\s+[^.;\n]*", re.I),
        "an exception that holds under a condition («{}»): which time applies depends on "
        "whether it is met, so no date is given; the reader would need the time for each case"),
    Refused("counted-time", re.compile(
        r"(?:met\s+ingang\s+van\s+)?de\s+\d{1,2}\s+[a-z]+\s+die\s+volgt\s+op\s+de\s+datum\s+"
        r"van\s+inwerkingtreding\s+van\s+[^.;\n]*?(?=,\s*tenzij\b|[.;\n]|$)", re.I),
        "a date counted from the entry into force of a part («{}»): the reader ties a time "
        "only to the day a part takes effect, not to a date that follows it"),
    Refused("counted-time", re.compile(
        r"\b(?:vervalt|vervallen)\s+(?:\w+\s+){1,2}?(?:jaar|jaren|maand|maanden|week|weken|dag|"
        r"dagen)\s+na\s+het\s+tijdstip\s+waarop\s+[^,.;\n]*", re.I),
        "a lapse counted by a span from a time («{}»): the reader dates a lapse only by a date "
        "or a moment it names, not by a span counted from one, so no date is given"),
    Refused("subject-matter", re.compile(
        r"\b(?:artikel|onderde(?:el|len))\s+[A-Z0-9]+[a-z]?(?:\s*,\s*onderde(?:el|len)\s+[A-Z]+"
        r"(?:\s*(?:,|en)\s*[A-Z]+)*)?\s*,?\s+voor\s+het\s+eerst\s+betrekking\s+(?:heeft|hebben)"
        r"\s+op\s+[^,.;\n]*"),
        "a part's first application to cases named by what they concern («{}»): from when it "
        "applies to which cases is not a time of parts of the act, so no date is given for it"),
    Refused("editorial", re.compile(r"^\s*Wijzigt\s+[^.;\n]*\.?\s*$"),
        "an editor's summary of the act («{}»), not a provision: the text of this lid is not "
        "in this rendering, so no date is given; the reader would need the lid as enacted"),
    Refused("substituted-dates", re.compile(
        r"gel(?:dt|den)\s+in\s+plaats\s+van\s+[«‘'\"“][^»’'\"”\n]*[»’'\"”]"
        r"\s*:\s*[^;.\n]*",
        re.I),
        "words of the text replaced by others («{}»): the reader would need to change the "
        "text itself, which an entry-into-force rule cannot, so no date is given"),
    Refused("enumerated-proviso", re.compile(
        r"(?:met\s+ingang\s+van\s+)?de\s+\w+\s+dag\s+na\s+(?:de\s+)?inwerkingtreding\s+van\s+"
        r"[^,;\n]*?" + _ITEM_END, re.I),
        "an item of the proviso dated by a day counted from another regulation's entry into "
        "force («{}»): the reader ties a time only to the day another act takes effect, not "
        "to days counted from it", in_proviso=True),
    Refused("enumerated-proviso", re.compile(
        r"\d{1,2}\s+[a-z]+\s+van\s+het\s+jaar\s+(?:voorafgaande\s+aan|volgende\s+op)\s+[^,;\n]*?"
        + _ITEM_END,
        re.I),
        "an item of the proviso dated in a year counted from a year set elsewhere («{}»): "
        "the reader would need that year", in_proviso=True),
    Refused("enumerated-proviso", re.compile(
        r"(?:van\s+toepassing\s+blijven|blijven\s+van\s+toepassing)\s+tot\s+[^,;\n]*?" + _ITEM_END,
        re.I),
        "an item of the proviso keeps the old rules applying («{}»): whether the changed text "
        "takes effect before that date is not said, so no date is given; the reader would "
        "need a rule for the text that applies meanwhile", in_proviso=True),
    Refused("enumerated-proviso", re.compile(
        r"(?:artikel|onderdeel)\s+\S+\s+vervalt\s+indien\s+[^;\n]*?"
        r"(?=;|[,.]?[ \t]*(?:en[ \t]*)?(?:\n|$))",
        re.I),
        "an item of the proviso lets a part lapse under a condition, at no time it names "
        "(«{}»): the reader would need the time it lapses", in_proviso=True),
)


def refused_wording(text: str) -> Optional[tuple[int, str, str]]:
    """The first refused wording in ``text``: (its offset, its reason class, the
    message), or None."""
    found = []
    for wording in _WORDINGS:
        match = _first_match(wording, text)
        if match is not None:
            found.append((match.start(), wording.reason, wording.says(match.group(0))))
    return min(found) if found else None


def _first_match(wording: Refused, text: str) -> Optional[re.Match]:
    for match in wording.pattern.finditer(text):
        if not wording.in_proviso or _ENUMERATED_PROVISO.search(text, 0, match.start()):
            return match
    return None
