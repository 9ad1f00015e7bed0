"""Dates as the Staatsblad writes them: «19 december 1996», «de drieëntwintigste december 1996»."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from consolidator.errors import TimeError

MONTHS = {name: n for n, name in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
     "september", "oktober", "november", "december"), start=1)}

_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_DAY_WORDS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
    "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
    "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16,
    "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20,
    "dertigste": 30,
}
for _n, _unit in enumerate(_UNITS, start=1):
    # «eenentwintigste», «tweeëntwintigste» (diaeresis after a vowel), «eenendertigste»
    for _tens, _tens_word in ((20, "twintigste"), (30, "dertigste")):
        joiner = "ën" if _unit.endswith("e") else "en"
        _DAY_WORDS[f"{_unit}{joiner}{_tens_word}"] = _tens + _n
        _DAY_WORDS[f"{_unit}en{_tens_word}"] = _tens + _n

_DATE_DIGITS = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.I)
# The day word starts where a run of letters starts: tried inside a run too, ``[a-zë]+``
# read the rest of the run from every letter of it (quadratic on a long word), and a
# match inside a run has the same end as one from its start, which is found first.
_DATE_WORDS = re.compile(r"(?<![a-zë])(?:de\s+)?([a-zë]+)\s+(" + "|".join(MONTHS) + r")\s+(\d{4})",
                         re.I)


def find_date(text: str) -> Optional[dt.date]:
    """The first date in ``text``, written in digits or in words; None if there is none."""
    match = _DATE_DIGITS.search(text)
    if match:
        return _make(int(match.group(1)), match.group(2), match.group(3), text)
    for match in _DATE_WORDS.finditer(text):
        day = _DAY_WORDS.get(match.group(1).lower())
        if day:
            return _make(day, match.group(2), match.group(3), text)
    return None


def impossible_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date in ``text`` that no calendar has: «31 februari 2026»,
    «de dertigste februari 2026»."""
    found = []
    for pattern in (_DATE_DIGITS, _DATE_WORDS):
        for match in pattern.finditer(text):
            first = match.group(1)
            day = int(first) if first.isdigit() else _DAY_WORDS.get(first.lower())
            if day is None:
                continue
            try:
                dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], day)
            except ValueError:
                found.append(match.span())
    return sorted(found)


def _make(day: int, month: str, year: str, text: str) -> dt.date:
    try:
        return dt.date(int(year), MONTHS[month.lower()], day)
    except ValueError:
        raise TimeError(f"not a date: «{text.strip()}»") from None


def parse_iso(text: str, option: str = "date") -> dt.date:
    """A YYYY-MM-DD date from the command line, or a clear error."""
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise TimeError(f"{option}: «{text}» is not a date (expected YYYY-MM-DD)") from None
