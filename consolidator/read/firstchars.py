r"""Which characters a regular expression can start a match with: a superset, or None
when it cannot tell (any character may do).

Lark's contextual lexer tries, at each position, one union of every terminal the
parser state allows, in a fixed order; the first alternative that matches wins. An
alternative whose pattern cannot start with the character at that position never
matches there, so the union of only the alternatives that can, in the same order,
gives the same token. ``onepass`` builds such unions per state and character; this
module answers the one question it needs, from Python's own regex parser.

A class like ``\d``, ``\s`` or ``\w`` holds characters beyond ASCII too, too many to list:
it gives its ASCII characters and ``NON_ASCII``, which stands for all the others (the
lexer decides by this set for ASCII characters only; beyond ASCII it tries every terminal).

Example::

    >>> sorted(first_chars(r"(?i:wordt)|vervalt"))
    ['W', 'v', 'w']
"""
from __future__ import annotations

import re
from typing import Optional

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_IGNORECASE = _c.SRE_FLAG_IGNORECASE

#: stands in a set for every character beyond ASCII (not a character itself)
NON_ASCII = "<non-ASCII>"
#: the ASCII characters of the classes ``\d``, ``\s``, ``\w`` (each also holds others)
_CATEGORIES = {category: frozenset(c for c in map(chr, range(128)) if re.fullmatch(pattern, c))
               for category, pattern in ((_c.CATEGORY_DIGIT, r"\d"), (_c.CATEGORY_SPACE, r"\s"),
                                         (_c.CATEGORY_WORD, r"\w"))}
#: a character class this wide is not worth listing: treat it as «any character»
_MAX_RANGE = 512


def first_chars(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """The characters a match of ``pattern`` can start with; None if unknown or any.
    A pattern that can match the empty string also gives None."""
    try:
        parsed = _p.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern we cannot read: any character
        return None
    found, nullable = _sequence(list(parsed), bool(flags & _IGNORECASE))
    return None if found is None or nullable else frozenset(found)


def _sequence(items: list, fold: bool) -> tuple[Optional[set], bool]:
    """(first characters, can match empty) of items matched one after another. A
    look-ahead before anything that can take a character («(?=[A-Z])[^:]+») says which
    characters the match can start with, even where what follows would take any."""
    found: set = set()
    required: Optional[set] = None  # what the look-aheads at the start allow
    for op, arg in items:
        if op is _c.ASSERT and arg[0] == 1 and not found:
            ahead, empty = _sequence(list(arg[1]), fold)
            if ahead is not None and not empty:
                required = ahead if required is None else _meet(required, ahead)
            continue
        first, nullable = _item(op, arg, fold)
        if first is None:
            if required is None:
                return None, False
            first = required  # any character, of those the look-ahead allows
        found |= first
        if not nullable:
            return _allowed(found, required), False
    return _allowed(found, required), True


def _allowed(found: set, required: Optional[set]) -> set:
    return found if required is None else _meet(found, required)


def _meet(one: set, other: set) -> set:
    """The characters in both sets, ``NON_ASCII`` standing for every character beyond
    ASCII (so it keeps those the other set names one by one)."""
    both = one & other
    for first, second in ((one, other), (other, one)):
        if NON_ASCII in first:
            both |= {c for c in second if c != NON_ASCII and not c.isascii()}
    return both


def _item(op, arg, fold: bool) -> tuple[Optional[set], bool]:
    if op is _c.LITERAL:
        return _cased({chr(arg)}, fold), False
    if op is _c.IN:
        return _in(arg, fold), False
    if op is _c.BRANCH:
        return _branch(arg[1], fold)
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = arg
        inner_fold = (fold or bool(add & _IGNORECASE)) and not (delete & _IGNORECASE)
        return _sequence(list(sub), inner_fold)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = arg
        first, nullable = _sequence(list(sub), fold)
        return first, nullable or low == 0
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: what follows decides (a superset)
    return None, False  # ANY, NOT_LITERAL, group references, …: any character


def _branch(branches, fold: bool) -> tuple[Optional[set], bool]:
    found, nullable = set(), False
    for branch in branches:
        first, empty = _sequence(list(branch), fold)
        if first is None:
            return None, False
        found |= first
        nullable = nullable or empty
    return found, nullable


def _in(items, fold: bool) -> Optional[set]:
    found: set = set()
    for op, arg in items:
        if op is _c.LITERAL:
            found.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] <= _MAX_RANGE:
            found.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg in _CATEGORIES:  # \d, \s, \w: Unicode-wide
            found.update(_CATEGORIES[arg])
            found.add(NON_ASCII)
        else:  # NEGATE, other categories (\D, \W, …), a wide range
            return None
    return _cased(found, fold)


def _cased(chars: set, fold: bool) -> set:
    if not fold:
        return chars
    letters = [c for c in chars if c != NON_ASCII]
    # casefold too: «ſ» and the Kelvin sign match «s» and «k» when the case is folded
    return chars | {variant for c in letters for variant in (c.lower(), c.upper(), c.casefold())}


def char_run(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """The characters of ``pattern`` when it matches a run of one or more of them and
    nothing else («[ \\t\\f\\r\\n]+»: a match is the longest such run), else None. Only
    listed ASCII characters that case folding leaves alone: a lexer can then skip the
    run a character at a time and end where the pattern's match would."""
    try:
        parsed = list(_p.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - a pattern we cannot read: no run
        return None
    if len(parsed) != 1 or parsed[0][0] is not _c.MAX_REPEAT:
        return None
    low, high, body = parsed[0][1]
    body = list(body)
    if low != 1 or high != _c.MAXREPEAT or len(body) != 1:
        return None
    op, arg = body[0]
    items = [(op, arg)] if op is _c.LITERAL else (list(arg) if op is _c.IN else [])
    chars = {chr(code) for kind, code in items if kind is _c.LITERAL}
    if not items or len(chars) != len(items) or not all(c.isascii() for c in chars):
        return None  # a range, a class, a negation: not a plain list of characters
    if flags & _IGNORECASE and any(c.lower() != c.upper() for c in chars):
        return None
    return frozenset(chars)
