"""Numbers and labels of articles, onderdelen and punten, and which one may follow which.

The act reader uses ``is_successor`` to tell a new part from quoted content:
after ARTIKEL IX comes X (or an inserted IXa/IX A), never VA; after onderdeel Z
comes AA; after punt 2 comes 3.
"""
from __future__ import annotations

import re
from functools import lru_cache

from consolidator.numbers import int_to_roman, roman_to_int

_DECIMAL = re.compile(r"^(\d+(?:\.\d+)*)([a-z]?)$")
_LETTERS = re.compile(r"^([A-Z]{1,3}|[a-z]{1,2})(\d*|[a-z]?)$")
_INSERTION_SUFFIX = re.compile(r"\d+|[a-zA-Z]")
_INSERTION_END = re.compile(r"(?<=[A-Za-z])\d+$|(?<=\d)[a-z]$|(?<=[A-Z])[a-z]$|(?<=[IVXLC])[A-Z]$")
_ALPHABETS = (re.compile(r"[A-Z]{1,2}"), re.compile(r"[a-z]{1,2}"))
_ROMAN_LETTERS = re.compile(r"[IVXLC]+")


@lru_cache(maxsize=4096)  # asked for every paragraph; acts repeat their labels (A, B, …)
def is_successor(current: str, candidate: str) -> bool:
    """True if ``candidate`` may directly follow ``current`` in one sequence.

    >>> is_successor("IX", "X"), is_successor("IX", "VA"), is_successor("Z", "AA")
    (True, False, True)
    """
    if candidate == current:
        return False
    if _inserted_after(current, candidate):
        return True
    return candidate in _next_values(current)


def _inserted_after(current: str, candidate: str) -> bool:
    """«A1» or «Aa» after «A», «IXa»/«IXA» after «IX», «2a» after «2»."""
    if not candidate.startswith(current):
        return False
    suffix = candidate[len(current):].strip()
    return bool(_INSERTION_SUFFIX.fullmatch(suffix)) and not (
        current.isupper() and suffix.isupper() and _is_roman(current + suffix))


def _is_roman(text: str) -> bool:
    try:
        roman_to_int(text)
        return True
    except ValueError:
        return False


def _next_values(current: str) -> set[str]:
    values = set()
    for base in {current, _strip_insertion(current)}:
        values |= _next_of_base(base)
    return values


def _strip_insertion(label: str) -> str:
    """«A1» → «A», «Ba» → «B», «2a» → «2», «VA» → «V» (roman stays roman: «IX»)."""
    if _is_roman(label):
        return label
    return _INSERTION_END.sub("", label)


def _next_of_base(base: str) -> set[str]:
    values = set()
    if _is_roman(base):
        values.add(int_to_roman(roman_to_int(base) + 1))
    decimal = _DECIMAL.match(base)
    if decimal:
        parts = decimal.group(1).split(".")
        parts[-1] = str(int(parts[-1]) + 1)
        values.add(".".join(parts))
        if len(parts) > 1:  # «1.3» → «2.1» in the next chapter
            values.add(f"{int(parts[0]) + 1}.1")
    letters = _LETTERS.match(base)
    if letters and letters.group(1) == base:
        values.add(_next_letters(base))
    return values


def _next_letters(label: str) -> str:
    """A → B, Z → AA, AZ → BA, z → aa."""
    alphabet_end = "z" if label.islower() else "Z"
    alphabet_start = "a" if label.islower() else "A"
    if label[-1] != alphabet_end:
        return label[:-1] + chr(ord(label[-1]) + 1)
    if len(label) == 1:
        return alphabet_start * 2
    return _next_letters(label[:-1]) + alphabet_start


def skipped_labels(current: str, candidate: str, roman: bool = False) -> list[str]:
    """The labels a sequence would skip if ``candidate`` came after ``current``: «B» for
    «C» after «A», «E» for «F» after «D», «3» for «4» after «2»; «[]» when ``candidate``
    does not come later in the same sequence (another style, an earlier label, an
    inserted «Da», the successor itself). ``roman``: ARTIKELEN («IV» after «II»), where
    «V» after «I» is not a letter sequence.

    >>> skipped_labels("D", "F"), skipped_labels("A1", "C"), skipped_labels("a", "C")
    (['E'], ['B'], [])
    """
    return list(_skipped(current, candidate, roman))


@lru_cache(maxsize=4096)  # asked for many lines of quoted content, with the same labels
def _skipped(current: str, candidate: str, roman: bool) -> tuple[str, ...]:
    base = _strip_insertion(current)
    for style in ((_roman_style, _number_style) if roman else (_letters_style, _number_style)):
        found = style(base, candidate)
        if found is not None:
            return tuple(found)
    return ()


#: a gap of more labels than this is named by its ends («2, 3, …, 99999»), not listed: a
#: mistyped or hostile «99999999.» must not make the reader build a list of every number
_LISTED = 5

#: longer numbers are compared as digit strings: Python refuses int() of very long ones
_MAX_DIGITS = 9


def _between(first: int, last: int, name) -> list[str]:
    if last - first - 1 <= _LISTED:
        return [name(n) for n in range(first + 1, last)]
    return [name(first + 1), name(first + 2), "…", name(last - 1)]


def _letters_style(base: str, candidate: str):
    for alphabet in _ALPHABETS:
        if alphabet.fullmatch(base) and alphabet.fullmatch(candidate):
            return _between(_letter_value(base), _letter_value(candidate),
                            lambda n: _letter_name(n, base.islower()))
    return None


def _letter_value(label: str) -> int:
    """A=1 … Z=26, AA=27 (the onderdelen after Z)."""
    value = 0
    for char in label.upper():
        value = value * 26 + ord(char) - ord("A") + 1
    return value


def _letter_name(value: int, lower: bool) -> str:
    name = ""
    while value:
        value, rest = divmod(value - 1, 26)
        name = chr(ord("A") + rest) + name
    return name.lower() if lower else name


def _number_style(base: str, candidate: str):
    if not (base.isdecimal() and candidate.isdecimal()):
        return None
    if max(len(base), len(candidate)) > _MAX_DIGITS:
        return ["…"] if _digits_key(candidate) > _digits_key(base) else []
    return _between(int(base), int(candidate), str)


def _digits_key(number: str) -> tuple[int, str]:
    """Orders digit strings as numbers (ASCII digits; others by length first)."""
    digits = number.lstrip("0")
    return len(digits), digits


def _roman_style(base: str, candidate: str):
    if _ROMAN_LETTERS.fullmatch(base) and _ROMAN_LETTERS.fullmatch(candidate) \
            and _is_roman(base) and _is_roman(candidate):
        return _between(roman_to_int(base), roman_to_int(candidate), int_to_roman)
    return None
