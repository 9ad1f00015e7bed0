"""Entry-into-force rules and what they decide: which part of an act takes effect
when. ``iwt`` reads them from an act's entry-into-force articles; the timeline
(time/) asks them for each part's date.

Why here, in read/: these types are what reading an entry-into-force article
yields, and the layering lets time/ and views/ import read/ but not the other
way round, so read/ is the lowest stage that both the reader and the timeline
may import. They are no basics (model.py and the like hold what every stage
shares): the rules and their choice of a date serve only these two.

Deciding a part's date (``EntryRules.entry``):

* Every rule has a ``Scope`` (the whole act, or parts with exceptions). Of the
  rules that cover a part, the one naming it most precisely wins (a punt over its
  onderdeel, an onderdeel over its ARTIKEL, an ARTIKEL over the whole act); on
  equal precision a conditional rule whose condition holds («Indien het
  Staatsblad … wordt uitgegeven na …») wins over the unconditional one it
  replaces. A condition holds for its own sentence and the rest of its lid.
* Retroactivity («werkt terug tot en met») is a separate rule, chosen the same
  way; it makes ``valid_from`` earlier than ``in_force`` only if its date is
  earlier.
* A part left to a koninklijk besluit or a later law stays pending until
  ``with_decree`` supplies the rules of that decree or law.
* A rule for a punt covers that punt only; a rule for an onderdeel covers all its
  punten. A rule narrowed to one law article («onderdeel H, voor wat betreft
  artikel 13d») covers only ``Part(..., qualifier="artikel 13d")``, never the
  plain onderdeel: the rest of onderdeel H keeps the general date, and the
  caller asks for the qualified piece separately (``EntryRules.qualified_parts``).
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional

from consolidator.dates import MONTHS
from consolidator.errors import TimeError
from consolidator.model import LawRef
from consolidator.numbers import roman_to_int

NO_PROVISION = "an entry-into-force provision"
PUBLICATION = "the date of publication"
DECREE = "a koninklijk besluit"
LATER_LAW = "a later law"


# --------------------------------------------------------------------------- parts and scopes


@dataclass(frozen=True)
class Part:
    """A part of an act as the act numbers it: ARTIKEL, onderdeel, punt.

    ``qualifier`` names a piece of it that a rule treats apart («artikel 13d» in
    «onderdeel H, voor wat betreft artikel 13d», «eerste lid»)."""

    artikel: str
    onderdeel: str = ""
    punt: str = ""
    qualifier: str = ""

    def __str__(self) -> str:
        text = f"artikel {self.artikel}"
        text += f", onderdeel {self.onderdeel}" if self.onderdeel else ""
        text += f", punt {self.punt}" if self.punt else ""
        return text + (f" ({self.qualifier})" if self.qualifier else "")


_LOW, _HIGH = (-1,), (10 ** 9,)


def label_key(label: str, level: str) -> tuple:
    """Sort key of a label at ``level`` (artikel, onderdeel, punt): IX < IXa < X,
    A < A1 < A1a < B < Z < AA < BB (a < b < aa where an act letters its onderdelen in
    lower case), 2 < 2a < 3. Raises ValueError for a label that is not one of these
    forms."""
    if level == "artikel":
        return _artikel_key(label)
    if level == "onderdeel":
        match = re.fullmatch(r"([A-Z]+|[a-z]+)(\d*)([a-z]?)", label)
        if not match:
            raise ValueError(f"«{label}» is not a {level} label")
        main = (_letters_value(match.group(1).upper()),)
        if not match.group(2):  # A < A1 < A2 < Aa
            return main + _suffix_key(match.group(3)) + (0, 0)
        return main + _suffix_key(match.group(2)) + _suffix_key(match.group(3))
    match = re.fullmatch(r"(\d+)([a-z]?)", label)
    if not match:
        raise ValueError(f"«{label}» is not a {level} label")
    return (int(match.group(1)),) + _suffix_key(match.group(2))


def _artikel_key(label: str) -> tuple:
    if label == "enig":  # «Enig artikel»: the act's only ARTIKEL
        return (1, 0, 0)
    roman = re.fullmatch(r"([IVXLC]+)([A-Za-z]?)", label)
    if roman:
        try:
            return (roman_to_int(roman.group(1)),) + _suffix_key(roman.group(2).lower())
        except ValueError:
            pass
    arabic = re.fullmatch(r"(\d+(?:\.\d+)*)([a-z]?)", label)
    if not arabic:
        raise ValueError(f"«{label}» is not an ARTIKEL number")
    return tuple(int(n) for n in arabic.group(1).split(".")) + _suffix_key(arabic.group(2))


def _letters_value(letters: str) -> int:
    """A=1 … Z=26, AA=27: the order of both AA, AB, … and AA, BB, … numbering."""
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


def _suffix_key(suffix: str) -> tuple:
    if not suffix:
        return (0, 0)
    return (1, int(suffix)) if suffix.isdigit() else (2, ord(suffix))


def bounds(part: Part) -> tuple[tuple, tuple]:
    """The lowest and highest key of everything inside ``part``."""
    lo, hi = [], []
    for level, label in (("artikel", part.artikel), ("onderdeel", part.onderdeel),
                         ("punt", part.punt)):
        try:
            key = label_key(label, level) if label else None
        except ValueError as exc:  # a part of an act whose numbering cannot be ordered
            raise TimeError(f"{part}: {exc}, so no entry-into-force rule that names a "
                            "range of parts can be applied to it") from None
        lo.append(key or _LOW)
        hi.append(key or _HIGH)
    return tuple(lo), tuple(hi)


@dataclass(frozen=True)
class Ref:
    """One part, or a range of parts («onderdelen B tot en met J», «onderdelen JJ,
    onder 3, tot en met VV»), as named in an entry-into-force article."""

    first: Part
    last: Optional[Part] = None  # None: just ``first``

    def covers(self, part: Part) -> bool:
        if self.first.qualifier and part.qualifier != self.first.qualifier:
            return False
        lo, _ = bounds(self.first)
        _, hi = bounds(self.last or self.first)
        part_lo, part_hi = bounds(dataclasses.replace(part, qualifier=""))
        return lo <= part_lo and part_hi <= hi

    @property
    def depth(self) -> float:
        """How precisely the ref names a part: ARTIKEL 1, onderdeel 2, punt 3."""
        first = self.first
        depth = 1 + bool(first.onderdeel) + bool(first.punt)
        return depth + (0.5 if first.qualifier else 0)

    def __str__(self) -> str:
        return f"{self.first} tot en met {self.last}" if self.last else str(self.first)


@dataclass(frozen=True)
class Scope:
    """A set of parts: the whole act (``whole``) or ``include``, less ``exclude``."""

    whole: bool = False
    include: tuple[Ref, ...] = ()
    exclude: tuple[Ref, ...] = ()

    def covers(self, part: Part) -> bool:
        return self.depth(part) >= 0

    def depth(self, part: Part) -> float:
        """-1 if not covered, 0 for the whole act, else the depth of the best ref."""
        if any(ref.covers(part) for ref in self.exclude):
            return -1
        depths = [ref.depth for ref in self.include if ref.covers(part)]
        if depths:
            return max(depths)
        return 0 if self.whole else -1

    def without(self, other: "Scope") -> "Scope":
        return dataclasses.replace(self, exclude=self.exclude + other.include)

    def __str__(self) -> str:
        text = "the whole act" if self.whole else ", ".join(map(str, self.include))
        if self.exclude:
            text += " except " + ", ".join(map(str, self.exclude))
        return text


WHOLE = Scope(whole=True)


# --------------------------------------------------------------------------- moments


@dataclass(frozen=True)
class Fixed:
    date: _dt.date


@dataclass(frozen=True)
class AfterPublication:
    """``days`` after publication, or the first day of the ``months``-th calendar
    month after it, or the first ``day_month`` (1 augustus) after it."""

    days: int = 0
    months: int = 0
    day_month: tuple[int, int] = (0, 0)

    def date(self, published: _dt.date) -> _dt.date:
        try:
            if self.days:
                return published + _dt.timedelta(days=self.days)
            if self.months:
                month = published.month - 1 + self.months
                return _dt.date(published.year + month // 12, month % 12 + 1, 1)
            return _next_day_of_year(published, *self.day_month)
        except (OverflowError, ValueError):
            raise TimeError(f"the date after publication on {published} is not in the "
                            "calendar (after the year 9999)") from None


def _next_day_of_year(after: _dt.date, day: int, month: int) -> _dt.date:
    """The first ``day`` ``month`` after ``after``; 29 februari is the next leap day.
    ValueError past the year 9999."""
    year = after.year
    while True:
        if (month, day) != (2, 29) or calendar.isleap(year):
            candidate = _dt.date(year, month, day)
            if candidate > after:
                return candidate
        year += 1


@dataclass(frozen=True)
class Delegated:
    """Left to a koninklijk besluit or a later law; ``day_month`` when the act fixes
    the day and leaves the year («1 januari van een bij koninklijk besluit te
    bepalen jaar»)."""

    by: str
    day_month: tuple[int, int] = (0, 0)


Moment = Fixed | AfterPublication | Delegated


@dataclass(frozen=True)
class Condition:
    """A condition on the act's publication date: ``op`` is >, >= or <."""

    op: str
    date: _dt.date
    text: str = field(default="", compare=False)

    def holds(self, published: _dt.date) -> bool:
        return {">": published > self.date, ">=": published >= self.date,
                "<": published < self.date}[self.op]


@dataclass(frozen=True)
class Rule:
    """The parts in ``scope`` take effect at ``moment`` if all ``conditions`` hold."""

    scope: Scope
    moment: Moment
    conditions: tuple[Condition, ...] = ()
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class RetroRule:
    """The parts in ``scope`` work back to ``date`` if all ``conditions`` hold."""

    scope: Scope
    date: _dt.date
    conditions: tuple[Condition, ...] = ()
    reason: str = field(default="", compare=False)


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class Entry:
    """When a part takes effect.

    ``valid_from`` is the date the part takes effect in the law (for a retroactive
    part the earlier date); ``in_force`` the formal entry into force. Both are
    None when ``pending`` says what is missing."""

    valid_from: Optional[_dt.date]
    in_force: Optional[_dt.date]
    pending: str
    reason: str
    retroactive: bool = False


@dataclass(frozen=True)
class EntryRules:
    """The entry-into-force rules of one act, or (``target`` set) the rules a decree
    or later act sets for another act.

    ``published`` is the publication date of the act that contains the rules: a
    decree's «de dag na de datum van uitgifte van het Staatsblad waarin dit besluit
    wordt geplaatst» counts from it."""

    target: Optional[LawRef] = None
    rules: tuple[Rule, ...] = ()
    retro: tuple[RetroRule, ...] = ()
    published: Optional[_dt.date] = None
    stb: str = ""
    label: str = ""
    notes: tuple[str, ...] = ()
    decrees: tuple["EntryRules", ...] = ()

    def entry(self, part: Part, published: Optional[_dt.date]) -> Entry:
        """The entry of ``part`` for this act published on ``published`` (None:
        not known yet). Raises TimeError when two rules of equal rank disagree."""
        if not self.rules:
            where = self.label or "the act"
            return Entry(None, None, NO_PROVISION, f"{where} has no entry-into-force provision")
        rule = _choose(self.rules, part, published, "moment")
        if isinstance(rule, str):
            return Entry(None, None, rule, self._no_rule(part, rule))
        start, pending, reason = self._start(rule, part, published)
        if start is None:
            return Entry(None, None, pending, reason)
        return self._with_retro(part, published, start, reason)

    def with_decree(self, other: "EntryRules") -> "EntryRules":
        """These rules, with parts pending on a koninklijk besluit or a later law
        taking the date ``other`` sets for them (``other.target`` names this act)."""
        if other.target is None:
            raise TimeError(f"{other.label or 'the decree'} sets no date for another act")
        if self.stb and other.target.stb and other.target.stb != self.stb:
            raise TimeError(f"{other.label or 'the decree'} sets dates for Stb. "
                            f"{other.target.stb}, not for Stb. {self.stb}")
        return dataclasses.replace(self, decrees=self.decrees + (other,))

    def qualified_parts(self) -> tuple[Part, ...]:
        """Parts that a rule names for one law article or lid only («onderdeel H,
        voor wat betreft artikel 13d»): ask ``entry`` for these separately."""
        refs = [ref for r in self.rules + self.retro for ref in r.scope.include]
        return tuple(dict.fromkeys(ref.first for ref in refs if ref.first.qualifier))

    # -- helpers

    def _no_rule(self, part: Part, pending: str) -> str:
        if pending == PUBLICATION:
            return (f"{self.label or 'the act'}: the date of {part} depends on the date "
                    "of publication")
        return f"{self.label or 'the act'} names no date for {part}"

    def _start(self, rule: Rule, part: Part, published):
        moment = rule.moment
        if isinstance(moment, Fixed):
            return moment.date, "", rule.reason
        if isinstance(moment, AfterPublication):
            if published is None:
                return None, PUBLICATION, rule.reason
            return moment.date(published), "", rule.reason
        return self._decreed(rule, part)

    def _decreed(self, rule: Rule, part: Part):
        moment = rule.moment
        for decree in self.decrees:
            found = decree.entry(part, decree.published)
            if found.pending == NO_PROVISION:
                continue  # the decree does not name this part
            if found.pending:
                return None, found.pending, f"{rule.reason}; {found.reason}"
            _check_day_month(moment, found, rule)
            return found, "", f"{rule.reason}; {found.reason}"
        return None, moment.by, rule.reason

    def _with_retro(self, part: Part, published, start, reason: str) -> Entry:
        decreed = start if isinstance(start, Entry) else None
        in_force = decreed.in_force if decreed else start
        valid_from = decreed.valid_from if decreed else start
        retro = _choose(self.retro, part, published, "retroactivity") if self.retro else None
        if retro == PUBLICATION:
            return Entry(None, None, PUBLICATION, f"{reason}; retroactivity depends on the "
                         "date of publication")
        if isinstance(retro, RetroRule) and retro.date < valid_from:
            valid_from, reason = retro.date, f"{reason}; {retro.reason}"
        return Entry(valid_from, in_force, "", reason, retroactive=valid_from < in_force)


def _check_day_month(moment: Delegated, found: Entry, rule: Rule) -> None:
    day, month = moment.day_month
    if day and (found.in_force.day, found.in_force.month) != (day, month):
        raise TimeError(f"{found.reason}: the act allows only {day} "
                        f"{list(MONTHS)[month - 1]} of a year ({rule.reason})")


def _choose(rules, part: Part, published, what: str):
    """The rule that governs ``part``: the most precise, then the conditional one
    whose condition holds. Returns a pending reason (str) when none can be chosen,
    None for retroactivity without a rule."""
    ranked = {}
    for rule in rules:
        depth = rule.scope.depth(part)
        if depth >= 0:
            ranked.setdefault((depth, bool(rule.conditions)), []).append(rule)
    for rank in sorted(ranked, reverse=True):
        states = [_holds(rule, published) for rule in ranked[rank]]
        if None in states:
            return PUBLICATION
        holding = [rule for rule, state in zip(ranked[rank], states) if state]
        if holding:
            return _agreeing(holding, part, what)
    return None if what == "retroactivity" else NO_PROVISION


def _holds(rule, published) -> Optional[bool]:
    if not rule.conditions:
        return True
    if published is None:
        return None
    return all(c.holds(published) for c in rule.conditions)


def _agreeing(rules, part: Part, what: str):
    values = {r.moment if what == "moment" else r.date for r in rules}
    if len(values) > 1:
        raise TimeError(f"conflicting {what} rules for {part}: "
                        + " / ".join(r.reason for r in rules))
    return rules[0]

