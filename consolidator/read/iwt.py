"""Entry-into-force (inwerkingtreding) articles → rules: which part of an act takes
effect when (grammar/iwt.lark).

An article is read lid by lid; each lid goes to the LALR grammar whole (its
sentences and an enumeration «a. … b. …» included), and one Transformer turns
the tree into statements, from which ``EntryRules`` are built. A sentence that
cannot be read raises ``ActSyntaxError`` with its line and column, never a guess.

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
* Leden that only say when a provision is first applied («is voor het eerst van
  toepassing op het schooljaar 1999–2000») are kept as ``notes``: they do not
  change when text takes effect.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedInput, VisitError

from consolidator.dates import MONTHS, find_date
from consolidator.errors import ActSyntaxError, TimeError, underline
from consolidator.model import Act, Article, LawRef
from consolidator.numbers import ORDINAL_WORDS, ORDINALS, roman_to_int

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


def _bounds(part: Part) -> tuple[tuple, tuple]:
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
        lo, _ = _bounds(self.first)
        _, hi = _bounds(self.last or self.first)
        part_lo, part_hi = _bounds(dataclasses.replace(part, qualifier=""))
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


# --------------------------------------------------------------------------- grammar


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser of grammar/iwt.lark (built once)."""
    text = resources.files("consolidator.grammar").joinpath("iwt.lark").read_text("utf-8")
    return Lark(text, parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False)


class _Unsupported(Exception):
    """A reading the grammar accepts but this module refuses; ``token`` is where."""

    def __init__(self, message: str, token=None):
        super().__init__(message)
        self.token = token


# -- statements: what one sentence says, before it becomes rules


@dataclass
class Subject:
    scope: Scope
    target: Optional[LawRef] = None
    explicit_own: bool = False  # «deze wet», «van deze wet»


@dataclass
class Timed:
    """An in-force clause: ``moment`` is (Moment, verbatim text)."""

    scope: Optional[Scope]  # None: the sentence's subject
    moment: tuple
    extra: tuple = ()  # Condition of an alternative («dan wel indien …»)


@dataclass
class Back:
    """A retroactivity clause; ``scope`` None: the sentence's subject."""

    scope: Optional[Scope]
    date: _dt.date
    text: str
    exclude: Optional[Scope] = None


@dataclass
class Statement:
    subject: Subject
    clauses: list
    condition: Optional[Condition] = None
    except_scopes: list = field(default_factory=list)


class _PartsReader:
    """A flat run of part tokens → Scope. Strict: anything it cannot place raises.

    Keywords set the level of the labels after them («artikel», «onderdelen»,
    «punt»/«onder»); a digit after an onderdeel is a punt; in a list opened with
    «de artikelen», a label followed by «onderdeel(en)» or following a single
    «onderdeel X» is the next ARTIKEL («de artikelen II, onderdeel J, VII en IX»);
    «van artikel I» gives the preceding onderdelen their ARTIKEL."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = [t for t in tokens]
        self.include: list[Ref] = []
        self.exclude: list[Ref] = []
        self.target = self.include
        self.mode = ""
        self.plural_artikelen = False
        self.singular_onderdeel_used = False
        self.artikel = ""
        self.onderdeel = ""
        self.orphans: list[int] = []  # indexes in include of refs waiting for «van artikel»
        self.range_open = False
        self.van = False
        self.singular_onderdeel = False

    def read(self) -> Scope:
        for index, token in enumerate(self.tokens):
            getattr(self, "_" + token.type.lower())(token, index)
        if self.range_open:
            raise _Unsupported("a range without its end", self.tokens[-1])
        if self.orphans:
            raise _Unsupported("onderdelen without their ARTIKEL", self.tokens[0])
        return Scope(include=tuple(self.include), exclude=tuple(self.exclude))

    def _kw_artikel(self, token, index):
        plural = token.value.lower().endswith("artikelen")
        if self.target is self.exclude and not self.van:
            self.target = self.include  # «…, en artikel II»: the exception list ended
        self.mode = "van" if self.van else "artikel"
        self.van = False
        self.plural_artikelen = plural or self.plural_artikelen
        self.onderdeel = ""

    def _kw_onderdeel(self, token, index):
        self.mode = "onderdeel"
        self.singular_onderdeel_used = False
        self.singular_onderdeel = not token.value.lower().endswith("onderdelen")

    def _kw_punt(self, token, index):
        if not self.onderdeel:
            raise _Unsupported("a punt without its onderdeel", token)
        self.mode = "punt"

    def _label(self, token, index):
        level = self._level(token, index)
        if self.mode == "van":
            return self._resolve_orphans(token)
        part = self._part(level, token)
        if self.range_open:
            self._close_range(part, token)
        else:
            self._drop_parent(part)
            if level != "artikel" and not self.artikel:
                self.orphans.append(len(self.target))
            self.target.append(Ref(part))

    def _drop_parent(self, part: Part) -> None:
        """«artikel I, onderdelen B en C» names B and C, not all of artikel I."""
        parent = Part(part.artikel, part.onderdeel if part.punt else "")
        if part.onderdeel and self.target and self.target[-1] == Ref(parent):
            self.target.pop()

    def _level(self, token, index) -> str:
        label = token.value
        if self.mode in ("artikel", "van"):
            return "artikel"
        if self.mode == "punt":
            if label[0].isdigit():
                return "punt"
            self.mode = "onderdeel"
        if self.mode != "onderdeel" or label[0].isdigit():
            raise _Unsupported(f"cannot tell what «{label}» is", token)
        if self.plural_artikelen and self._starts_artikel(index):
            self.mode = "artikel"
            return "artikel"
        if self.singular_onderdeel:
            if self.singular_onderdeel_used:
                raise _Unsupported(f"«{label}» after a single onderdeel", token)
            self.singular_onderdeel_used = True
        return "onderdeel"

    def _starts_artikel(self, index: int) -> bool:
        if self.range_open:
            return False
        after = [t.type for t in self.tokens[index + 1:index + 3]]
        if after[:1] == ["KW_ONDERDEEL"] or after == ["PSEP", "KW_ONDERDEEL"]:
            return True
        return self.singular_onderdeel and self.singular_onderdeel_used

    def _part(self, level: str, token) -> Part:
        try:
            label_key(token.value, level)
        except ValueError as exc:
            raise _Unsupported(str(exc), token) from None
        if level == "artikel":
            self.artikel, self.onderdeel = token.value, ""
            return Part(token.value)
        if level == "onderdeel":
            self.onderdeel = token.value
            return Part(self.artikel, token.value)
        return Part(self.artikel, self.onderdeel, token.value)

    def _close_range(self, part: Part, token) -> None:
        first = self.target[-1].first
        if _bounds(part)[1] < _bounds(first)[0]:
            raise _Unsupported(f"a range that runs backwards ({first} tot en met {part})", token)
        self.target[-1] = Ref(first, part)
        self.range_open = False

    def _resolve_orphans(self, token) -> None:
        self.artikel = token.value
        for i in self.orphans:
            ref = self.include[i]
            self.include[i] = Ref(dataclasses.replace(ref.first, artikel=token.value),
                                  ref.last and dataclasses.replace(ref.last, artikel=token.value))
        self.orphans = []
        self.mode = "artikel"

    def _psep(self, token, index):
        pass

    def _range(self, token, index):
        if not self.target or self.target[-1].last or self.range_open:
            raise _Unsupported("«tot en met» without a start", token)
        self.range_open = True

    def _qual(self, token, index):
        text = re.sub(r"^,?\s*(voor\s+wat\s+betreft|wat\s+betreft|voor\s+zover\s+het\s+betreft)\s+",
                      "", token.value.strip())
        self._qualify(re.sub(r"^de\s+", "", text), token)

    def _lidq(self, token, index):
        self._qualify(token.value.lstrip(", \t"), token)

    def _qualify(self, text: str, token) -> None:
        if not self.target or self.target[-1].last:
            raise _Unsupported(f"«{text}» does not follow a single part", token)
        ref = self.target[-1]
        self.target[-1] = Ref(dataclasses.replace(ref.first, qualifier=text))

    def _van_art(self, token, index):
        if not self.orphans:
            raise _Unsupported("«van artikel» without onderdelen before it", token)
        self.van = True

    def _muv_inner(self, token, index):
        if not self.include or self.target is self.exclude:
            raise _Unsupported("an exception without a part before it", token)
        self.target = self.exclude
        self.artikel = self.include[-1].first.artikel


# -- the Transformer


def _day_month(token: Token) -> tuple[int, int]:
    day, month = token.value.split()
    found = int(day), MONTHS[month.lower()]
    try:
        _dt.date(2000, found[1], found[0])  # a leap year: 29 februari is a day of the year
    except ValueError:
        raise _Unsupported(f"«{token.value}»: not a day of the year", token) from None
    return found


def _date(token: Token) -> Optional[_dt.date]:
    """The date a DATE token writes, or an error at the token («31 februari 1997»)."""
    try:
        return find_date(token.value)
    except TimeError as exc:
        raise _Unsupported(exc.message, token) from None


_CMP = {"na": ">", "op of na": ">=", "vóór": "<", "voor": "<"}


def _cmp(token: Token) -> str:
    """The comparison «op of na» writes, whatever whitespace stands between its words."""
    return _CMP[" ".join(token.value.lower().split())]


@v_args(inline=True)
class IwtBuilder(Transformer):
    """The tree of one lid → a list of ``Statement``."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def start(self, *statements):
        return [s for s in statements]

    # subjects

    def this_act(self, token):
        return Subject(WHOLE, explicit_own=True)

    def other_act(self, token):
        return Subject(WHOLE, target=_act_ref(token.value))

    def other_law(self, token):
        name = re.sub(r"^(de|het)\s+", "", token.value.strip(), flags=re.I)
        return Subject(WHOLE, target=LawRef(name, kind="law"))

    def own_parts(self, scope, van=None):
        return Subject(scope, explicit_own=van is not None)

    def other_parts(self, scope, token):
        return Subject(scope, target=_act_ref(re.sub(r"^,?\s*van\s+", "", token.value.strip())))

    @v_args(inline=False)
    def parts(self, tokens):
        return _PartsReader(tokens).read()

    def except_pre(self, scope):
        return scope

    # moments

    @v_args(meta=True, inline=True)
    def plain_moment(self, meta, when):
        return when, self.text[meta.start_pos:meta.end_pos]

    def alternative(self, first, cmp, date, second):
        condition = Condition(_cmp(cmp), _date(date), f"{cmp.value} {date.value}")
        return ("alternative", first, condition, second)

    def fixed(self, token):
        return Fixed(_date(token))

    def day_after(self, token, publication):
        ordinal = token.value.split()[1] if len(token.value.split()) > 3 else "eerste"
        if ordinal not in ORDINALS:
            raise _Unsupported(f"«{token.value}»: not a day", token)
        return AfterPublication(days=ORDINALS[ordinal])

    def month_after(self, token, publication):
        ordinal = token.value.split()[-3]
        if ordinal not in ORDINALS:
            raise _Unsupported(f"«{ordinal} kalendermaand»: not a month", token)
        return AfterPublication(months=ORDINALS[ordinal])

    def next_day_month(self, token, publication):
        return AfterPublication(day_month=_day_month(token))

    def decree(self, token, diff=None):
        return Delegated(DECREE)

    def by_law(self):
        return Delegated(LATER_LAW)

    def decree_year(self, token):
        return Delegated(DECREE, day_month=_day_month(token))

    @v_args(meta=True, inline=True)
    def cond_issued(self, meta, kind, cmp, date):
        return Condition(_cmp(cmp), _date(date),
                         self.text[meta.start_pos:meta.end_pos])

    # clauses after the moment

    def mdv(self, *clauses):
        return [c for clause in clauses if clause is not None for c in clause]

    def retro_parts(self, scope, date):
        return [Back(scope, _date(date), date.value)]

    def retro_parts_pronoun(self, pronoun, scope, date):
        return self.retro_parts(scope, date)

    def also_in_force(self, scope, moment):
        return [Timed(scope, moment)]

    def xref(self, token):
        return None  # the other leden are more precise and win anyway

    def retro_all(self, date):
        return [Back(None, _date(date), date.value)]

    def retro_except(self, scope, date):
        return [Back(None, _date(date), date.value, exclude=scope)]

    def except_post(self, items):
        return [("except", items)]

    def except_enum(self, *items):
        return [c for item in items for c in item]

    def except_item(self, scope, moment, tail=None):
        clauses = [Timed(scope, moment)]
        for back in tail or []:
            clauses.append(Back(back.scope or scope, back.date, back.text))
        return clauses

    # sentences

    def in_force(self, subject, *rest):
        rest = list(rest)
        excepted = rest.pop(0) if isinstance(rest[0], Scope) else None
        moment, tails = rest[0], rest[1:]
        statement = Statement(subject, [Timed(None, moment)])
        if excepted is not None:
            statement.except_scopes.append(excepted)
        for tail in tails:
            self._add_tail(statement, tail)
        return statement

    inverted = in_force

    @staticmethod
    def _add_tail(statement: Statement, tail) -> None:
        for clause in tail:
            if isinstance(clause, tuple) and clause[0] == "except":
                statement.except_scopes.extend(c.scope for c in clause[1] if isinstance(c, Timed))
                statement.clauses.extend(clause[1])
            else:
                assert isinstance(clause, (Timed, Back)), clause
                statement.clauses.append(clause)

    def conditional(self, condition, statement):
        statement.condition = condition
        return statement

    def deviating(self, statement):
        return statement

    def retro_sentence(self, subject, date):
        return Statement(subject, [Back(None, _date(date), date.value)])

    def enumerated(self, subject, *items):
        return Statement(subject, [c for item in items for c in item])

    def by_moment(self, moment, *scopes):
        include = tuple(ref for s in scopes for ref in s.include)
        exclude = tuple(ref for s in scopes for ref in s.exclude)
        return [Timed(Scope(include=include, exclude=exclude), moment)]

    def kb_other(self, scope):
        moment = (Delegated(DECREE), "bij koninklijk besluit")
        return Statement(Subject(scope), [Timed(None, moment)])


def _act_ref(text: str) -> LawRef:
    """«De wet van 4 juli 1996 (Stb. 403)» → LawRef with stb «1996, 403» (the year
    of the date when the reference leaves it out)."""
    text = re.sub(r"^(de|het)\s+", "", text.strip(), flags=re.I)
    stb = re.search(r"\(Stb\.\s*(?:(\d{4}),\s*)?(\d+)\)", text)
    year = stb.group(1) or re.search(r"\d{1,2}\s+[a-z]+\s+(\d{4})", text).group(1)
    name = re.sub(r"(?<!\s)\s*\(Stb\.[^)]*\)", "", text).strip()  # (?<!\s): linear on spaces
    return LawRef(name, kind="act", stb=f"{year}, {stb.group(2)}")


# --------------------------------------------------------------------------- articles → rules


_LID_RE = re.compile(r"^(?:•\s*)?(\d+[a-z]?)\.\s+")
_ENUM_RE = re.compile(r"^[a-z]\.\s")
_IWT_WORDS = re.compile(r"in\s+werking|terugwerk|werk(t|en)\s+terug", re.I)
_NOTE_RE = re.compile(r"voor\s+het\s+eerst\s+van\s+toepassing|voor\s+de\s+eerste\s+maal\s+van\s+"
                      r"toepassing|voor\s+het\s+eerst\s+betrekking", re.I)


@dataclass
class _Lid:
    number: str
    text: str
    # (offset in text, line, column of that offset) for each joined paragraph
    segments: list[tuple[int, int, int]]
    raw: list[str]

    def where(self, offset: int) -> tuple[int, int, str]:
        for (start, line, column), raw in reversed(list(zip(self.segments, self.raw))):
            if offset >= start:
                return line, column + offset - start, raw
        return self.segments[0][1], self.segments[0][2], self.raw[0]


def rules_from_article(article: Article, source: str = "", *, lines: Optional[Sequence[str]] = None,
                       published: Optional[_dt.date] = None, stb: str = "",
                       label: str = "") -> EntryRules:
    """The rules of one entry-into-force article. ``lines`` (the act's text, split
    in lines) give errors their exact line and column; without them an error
    points at the article's first line. ``published``, ``stb``, ``label``
    describe the act that contains the article.

    Raises ActSyntaxError for a sentence it cannot read, and when one article
    sets dates both for its own act and for another."""
    statements, notes = [], []
    for lid in _leden(article, lines):
        if not _IWT_WORDS.search(lid.text) and _NOTE_RE.search(lid.text):
            notes.append(f"{_where(article, lid)}: {lid.text}")
            continue
        statements.extend((lid, s) for s in _parse_lid(lid, article, source))
    rules, retro, target = _build(article, statements, source)
    return EntryRules(target=target, rules=tuple(rules), retro=tuple(retro), published=published,
                      stb=stb if target is None else "", label=label, notes=tuple(notes))


def read_entry_rules(act: Act, text: Optional[str] = None) -> list[EntryRules]:
    """The act's own rules (first, ``target`` None) and one ``EntryRules`` per other
    act an article sets dates for (an inwerkingtredingsbesluit). ``text`` is the
    act's text for exact error positions; by default ``act.source`` is read if it
    is a file."""
    lines = _source_lines(act, text)
    label = _act_label(act)
    own = EntryRules(published=act.published, stb=act.stb, label=label)
    others: dict[str, EntryRules] = {}
    for article in act.articles:
        if article.kind != "entry-into-force":
            continue
        found = rules_from_article(article, act.source, lines=lines, published=act.published,
                                   stb=act.stb, label=label)
        if found.target is None:
            own = _merge(own, found)
        else:
            key = found.target.stb or found.target.name
            others[key] = _merge(others.get(key, found), found) if key in others else found
    return [own] + list(others.values())


def _merge(into: EntryRules, more: EntryRules) -> EntryRules:
    return dataclasses.replace(into, rules=into.rules + more.rules, retro=into.retro + more.retro,
                               notes=into.notes + more.notes)


def _act_label(act: Act) -> str:
    if act.stb:
        return f"Stb. {act.stb}"
    return act.title.split(",")[0][:80]


def _source_lines(act: Act, text: Optional[str]) -> Optional[list[str]]:
    if text is None and act.source:
        path = Path(act.source)
        if path.is_file():
            text = path.read_text("utf-8")
    return text.splitlines() if text is not None else None


def _leden(article: Article, lines) -> list[_Lid]:
    """The article's leden: a numbered paragraph opens one, the others (an
    enumeration «a. …») join the current one with a newline."""
    leden: list[_Lid] = []
    search_from = max(article.span.line, 1)
    for para in article.text:
        line, column, search_from = _locate(para, lines, search_from, article)
        number = _LID_RE.match(para)
        body = para[number.end():] if number else para
        column += len(para) - len(body)
        if number or not leden:
            leden.append(_Lid(number.group(1) if number else "", body, [(0, line, column)], [para]))
            continue
        lid = leden[-1]
        lid.segments.append((len(lid.text) + 1, line, column))
        lid.raw.append(para)
        # only an enumeration label starts a line for the grammar; other paragraphs
        # of an unnumbered article are further sentences
        lid.text += ("\n" if _ENUM_RE.match(body) else " ") + body
    return leden


def _locate(para: str, lines, start: int, article: Article) -> tuple[int, int, int]:
    """(line, column, next search line) of a paragraph in the act's text."""
    if lines is not None:
        for number in range(start, len(lines) + 1):
            raw = lines[number - 1].replace("\u00a0", " ")
            if raw.strip() == para:
                return number, raw.index(para) + 1, number + 1
    return article.span.line or 1, 1, start


def _where(article: Article, lid: _Lid) -> str:
    head = _article_label(article)
    if not lid.number:
        return head
    if lid.number.isdigit() and int(lid.number) <= len(ORDINAL_WORDS):
        return f"{head}, {ORDINAL_WORDS[int(lid.number) - 1]} lid"
    return f"{head}, lid {lid.number}"


def _article_label(article: Article) -> str:
    if not article.number:
        return "the entry-into-force article"
    if re.match(r"[IVXLC]", article.number):
        return f"ARTIKEL {article.number}"
    return f"Artikel {article.number}"


def _parse_lid(lid: _Lid, article: Article, source: str) -> list[Statement]:
    try:
        tree = grammar_parser().parse(lid.text)
        return IwtBuilder(lid.text).transform(tree)
    except UnexpectedInput as exc:
        raise _lid_error(lid, _offset(lid.text, exc), _unexpected(lid.text, exc), source) from None
    except VisitError as exc:
        inner = exc.orig_exc
        if not isinstance(inner, _Unsupported):
            raise
        offset = getattr(inner.token, "start_pos", 0) or 0
        raise _lid_error(lid, offset, f"cannot read entry-into-force sentence: {inner}",
                         source) from None


def _offset(text: str, exc: UnexpectedInput) -> int:
    pos = getattr(exc, "pos_in_stream", None)
    return pos if isinstance(pos, int) and pos >= 0 else len(text)


def _unexpected(text: str, exc: UnexpectedInput) -> str:
    pos = _offset(text, exc)
    got = re.match(r"\S+(\s+\S+){0,3}", text[pos:])
    return ("cannot read entry-into-force sentence: unexpected "
            + (f"«{got.group(0)}»" if got else "end of sentence"))


def _lid_error(lid: _Lid, offset: int, message: str, source: str) -> ActSyntaxError:
    line, column, raw = lid.where(offset)
    rest = raw[column - 1:] if column <= len(raw) else ""
    width = len(re.match(r"\S*", rest).group(0)) if rest else 1
    return ActSyntaxError(message, source=source, line=line, column=column,
                          context=underline(raw, min(column, len(raw) or 1), width))


def _build(article: Article, statements, source: str):
    """Statements → rules. The condition of a sentence holds for the rest of its lid."""
    rules, retro, targets = [], [], set()
    condition_of_lid: dict[int, Condition] = {}
    target = None
    for lid, statement in statements:
        if statement.condition is not None:
            condition_of_lid[id(lid)] = statement.condition
        condition = condition_of_lid.get(id(lid))
        subject = statement.subject
        if subject.target is not None:
            target = subject.target
        elif subject.explicit_own:
            target = None
        targets.add(target)
        where = _where(article, lid)
        _statement_rules(statement, condition, where, rules, retro)
    if len(targets) > 1:
        raise ActSyntaxError(f"{_article_label(article)} sets dates for this act and for "
                             "another act: not supported", source=source, line=article.span.line)
    return rules, retro, target


def _statement_rules(statement: Statement, condition, where: str, rules: list, retro: list):
    conditions = (condition,) if condition else ()
    suffix = f" ({condition.text})" if condition else ""
    main = statement.subject.scope
    for excepted in statement.except_scopes:
        main = main.without(excepted)
    for clause in statement.clauses:
        if isinstance(clause, Timed):
            _timed_rules(clause, clause.scope or main, conditions, where, suffix, rules)
        elif isinstance(clause, Back):
            scope = clause.scope or main
            if clause.exclude is not None:
                scope = scope.without(clause.exclude)
            retro.append(RetroRule(scope, clause.date, conditions,
                                   f"{where}: terugwerkend tot en met {clause.text}"))


def _timed_rules(clause: Timed, scope: Scope, conditions, where, suffix, rules: list) -> None:
    moment = clause.moment
    if isinstance(moment, tuple) and moment[0] == "alternative":
        (first, first_text), alt, (second, second_text) = moment[1], moment[2], moment[3]
        rules.append(Rule(scope, first, conditions, f"{where}: {first_text}{suffix}"))
        rules.append(Rule(scope, second, conditions + (alt,),
                          f"{where}: {second_text}{suffix} (uitgegeven {alt.text})"))
        return
    when, text = moment
    rules.append(Rule(scope, when, conditions, f"{where}: {text}{suffix}"))
