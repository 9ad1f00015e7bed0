"""When an entry-into-force rule takes effect (its moment) and the conditions it
holds under: the types, and the date a moment gives once what it depends on is
known.

Each moment and condition is a frozen dataclass with a ``KIND`` (its name in the
JSON of ``iwtjson``). ``Moments.date_of`` turns one into a date, or into the
reason it cannot yet be dated (``pending``: one of the constants below): a rule
never guesses a date it does not have.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import ClassVar, Optional

from consolidator.errors import TimeError

NO_PROVISION = "an entry-into-force provision"
PUBLICATION = "the date of publication"
DECREE = "a koninklijk besluit"
LATER_LAW = "a later law"
MINISTER = "a decision of the minister"
ADOPTION = "the date of adoption"
OTHER_ACT = "another act's entry into force"
REFERRED = "a time set elsewhere"
EVENT = "an event outside the acts"
PROVISO = "a proviso that cannot be checked"
ENTRY = "the date of entry into force"


@dataclass(frozen=True)
class ActRef:
    """Another act, law, bill or provision a moment is tied to, as the text names it.

    ``kind``: ``law`` (by citeertitel), ``act`` (by date or Staatsblad), ``bill``
    (a voorstel van wet: «tot wet is verheven en in werking treedt»), ``parent``
    («de wet», «het besluit»: the regulation this one rests on), ``this-act``
    («deze wet») or ``other`` (an EU regulation, a phase of a law). ``parts``:
    the parts of it named («artikel I, onderdelen A tot en met L»), verbatim."""

    text: str
    kind: str
    name: str = ""
    parts: str = ""
    stb: str = ""
    kamerstuk: str = ""
    date: Optional[_dt.date] = None

    @property
    def key(self) -> str:
        """What names it for ``EntryRules.with_known``: the Staatsblad number, the
        Kamerstuk, else the name and parts (casefolded, single spaces)."""
        if self.stb:
            base = f"stb {self.stb}"
        elif self.kamerstuk:
            base = f"kst {self.kamerstuk}"
        else:
            base = self.name or self.text
        return re.sub(r"\s+", " ", f"{base} {self.parts}").strip().casefold()


# --------------------------------------------------------------------------- moments


@dataclass(frozen=True)
class Fixed:
    """A date in the text; ``clock`` a time of day with it («18.00 uur»)."""

    KIND: ClassVar[str] = "date"
    date: _dt.date
    clock: str = ""


@dataclass(frozen=True)
class AfterPublication:
    """Counted from the publication of the act that holds the rule: ``days`` after
    it, ``weeks`` after it, the start of the ``week``-th week after it, ``months``
    after it (the same day of the month, or the month's last day), the first day of
    the ``calendar_month``-th calendar month after it, or the first ``day_month``
    (1 augustus) after it."""

    KIND: ClassVar[str] = "after-publication"
    days: int = 0
    weeks: int = 0
    week: int = 0
    months: int = 0
    calendar_month: int = 0
    day_month: tuple[int, int] = (0, 0)

    def date(self, published: _dt.date) -> _dt.date:
        try:
            return self._date(published)
        except (OverflowError, ValueError):
            raise TimeError(f"the date after publication on {published} is not in the "
                            "calendar (after the year 9999)") from None

    def _date(self, published: _dt.date) -> _dt.date:
        if self.days or self.weeks or self.week:
            week_start = 7 * (self.week - 1) + 1 if self.week else 0
            return published + _dt.timedelta(days=self.days + 7 * self.weeks + week_start)
        if self.months:
            return _add_months(published, self.months)
        if self.calendar_month:
            month = published.month - 1 + self.calendar_month
            return _dt.date(published.year + month // 12, month % 12 + 1, 1)
        return _next_day_of_year(published, *self.day_month)


def _add_months(day: _dt.date, months: int) -> _dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    last = calendar.monthrange(year, month % 12 + 1)[1]
    return _dt.date(year, month % 12 + 1, min(day.day, last))


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
class OnPublication:
    """The day of publication itself («met ingang van de datum van uitgifte …»)."""

    KIND: ClassVar[str] = "day-of-publication"


@dataclass(frozen=True)
class Adoption:
    """The day the act is made («terstond», «met ingang van heden», «de dag van
    vaststelling»): its date of signing."""

    KIND: ClassVar[str] = "adoption"
    words: str = ""


@dataclass(frozen=True)
class Delegated:
    """Left to a koninklijk besluit (``DECREE``), a later law (``LATER_LAW``) or a
    minister (``MINISTER``, ``who`` names them); ``day_month`` when the act fixes
    the day and leaves the year («1 januari van een bij koninklijk besluit te
    bepalen jaar»); ``may_differ``: «dat voor de verschillende artikelen of
    onderdelen daarvan verschillend kan worden vastgesteld»."""

    KIND: ClassVar[str] = "delegated"
    by: str
    day_month: tuple[int, int] = (0, 0)
    who: str = ""
    may_differ: bool = False


@dataclass(frozen=True)
class Tied:
    """When another act (or part of one) takes effect (``event`` «in-force»), or
    lapses («expiry»): «op het tijdstip waarop … in werking treedt», «tegelijk
    met …»."""

    KIND: ClassVar[str] = "tied"
    other: ActRef
    event: str = "in-force"


@dataclass(frozen=True)
class Referred:
    """A time another provision sets or names («op het tijdstip, bedoeld in artikel
    80, tweede lid, van de wet», «1 januari van het krachtens artikel 9, tweede lid,
    van de Wet BOL bepaalde jaar»)."""

    KIND: ClassVar[str] = "referred"
    provision: str
    day_month: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Event:
    """An event outside the acts («de dag waarop … de nieuw gekozen Kamer voor de
    eerste maal samenkomt»): never dated by this tool."""

    KIND: ClassVar[str] = "event"
    text: str


@dataclass(frozen=True)
class AfterEntry:
    """``days`` after the act's own entry into force (an expiry: «vervalt na 120
    dagen»)."""

    KIND: ClassVar[str] = "after-entry"
    days: int


@dataclass(frozen=True)
class Latest:
    """The latest of ``moments`` («…, dan wel zo dit tijdstip voor 1 januari 1996 zou
    liggen met ingang van 1 januari 1996»; an expiry put off with another law's)."""

    KIND: ClassVar[str] = "latest"
    moments: tuple


@dataclass(frozen=True)
class Earliest:
    """The earliest of ``moments`` («na 120 dagen, doch uiterlijk op …»)."""

    KIND: ClassVar[str] = "earliest"
    moments: tuple


Moment = (Fixed | AfterPublication | OnPublication | Adoption | Delegated | Tied | Referred
          | Event | AfterEntry | Latest | Earliest)


# --------------------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Condition:
    """A condition on the act's publication date: ``op`` is >, >= or <; against
    ``date``, or against the date of ``against`` (a moment of the same lid: «na dat
    tijdstip») moved by ``offset_days`` («de tweede dag vóór genoemd tijdstip»)."""

    KIND: ClassVar[str] = "published"
    op: str
    date: Optional[_dt.date]
    text: str = field(default="", compare=False)
    against: Optional[Moment] = None
    offset_days: int = 0


@dataclass(frozen=True)
class Proviso:
    """A condition this tool cannot check («onder voorbehoud van goedkeuring door de
    Minister van …»): the rule stays pending."""

    KIND: ClassVar[str] = "proviso"
    text: str


# --------------------------------------------------------------------------- dating


@dataclass(frozen=True)
class Dated:
    """A moment's date, or (``date`` None) what it waits for."""

    date: Optional[_dt.date]
    pending: str = ""


_PENDING = {Event: EVENT, Referred: REFERRED}


@dataclass(frozen=True)
class Moments:
    """What a moment may depend on: the publication and signing date of the act that
    holds the rule, other acts' dates the caller knows (``known``: ``ActRef.key`` →
    date) and the act's own entry into force (for an expiry)."""

    published: Optional[_dt.date] = None
    signed: Optional[_dt.date] = None
    known: tuple = ()
    entry: Optional[_dt.date] = None

    def date_of(self, moment) -> Dated:
        if isinstance(moment, Fixed):
            return Dated(moment.date)
        if isinstance(moment, (AfterPublication, OnPublication)):
            if self.published is None:
                return Dated(None, PUBLICATION)
            return Dated(moment.date(self.published) if isinstance(moment, AfterPublication)
                         else self.published)
        if isinstance(moment, Adoption):
            return Dated(self.signed, "" if self.signed else ADOPTION)
        if isinstance(moment, Tied):
            found = dict(self.known).get(moment.other.key)
            return Dated(found, "" if found else OTHER_ACT)
        if isinstance(moment, AfterEntry):
            if self.entry is None:
                return Dated(None, ENTRY)
            return Dated(self.entry + _dt.timedelta(days=moment.days))
        if isinstance(moment, (Latest, Earliest)):
            return self._combined(moment)
        if isinstance(moment, Delegated):
            return Dated(None, moment.by)
        return Dated(None, _PENDING[type(moment)])

    def _combined(self, moment) -> Dated:
        found = [self.date_of(m) for m in moment.moments]
        waiting = [d.pending for d in found if d.date is None]
        if waiting:
            return Dated(None, waiting[0])
        pick = max if isinstance(moment, Latest) else min
        return Dated(pick(d.date for d in found))

    def holds(self, condition) -> Optional[bool] | str:
        """Whether ``condition`` holds: True, False, or what it waits for."""
        if isinstance(condition, Proviso):
            return PROVISO
        if self.published is None:
            return PUBLICATION
        date = condition.date
        if condition.against is not None:
            found = self.date_of(condition.against)
            if found.date is None:
                return found.pending
            date = found.date + _dt.timedelta(days=condition.offset_days)
        return {">": self.published > date, ">=": self.published >= date,
                "<": self.published < date}[condition.op]
