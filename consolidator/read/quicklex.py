"""The quick lexer of the one-pass parser (``onepass``): Lark's contextual lexer on one
line, per parser state and first character.

Lark's contextual lexer tries, in each parser state, the union of the terminals that
state accepts, and counts lines and columns per token. On a sentence of one line the
parser needs neither the counting nor most of the union: per state and character it
tries only the terminals that can start with that character (``firstchars``), in
Lark's order, so the first alternative that matches is the one Lark's union would
give; where only an ignored terminal that is a run of listed characters can start with
a character (the space, in most states), the parser skips the run after a token
without a regular expression (``skips``). What this lexer cannot decide it leaves to
Lark's own (``LexMiss``), which also says what it expected.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from lark import Token
from lark.lexer import Scanner, _create_unless

from consolidator.read.firstchars import char_run, first_chars

_new_str = str.__new__


class Tok(Token):
    """A token of the quick lexer. It is also its own columns (``line``, ``column``,
    ``end_line``, ``end_column``, and ``empty`` as a rule's columns have it), so a rule
    over one token needs no columns object of its own."""

    __slots__ = ()
    empty = False


class LexMiss(Exception):
    """The quick lexer met what only Lark's lexer can report well (or at all). Where the
    one-pass parser knows how far it got, it says so: the trie node after the tokens read
    (``node``), where they stand (``spans``) and where the token it could not read starts
    (``at``), so that Lark's lexer takes over there instead of from the start."""

    def __init__(self, node=None, spans=None, at: int = 0):
        super().__init__()
        self.node, self.spans, self.at = node, spans, at


class _Unions:
    """What the states of one lexer share: each terminal's first characters, and each
    union of terminals compiled once (many states and characters ask for the same one;
    compiling them is most of the cost of a first sentence)."""

    def __init__(self, basic):
        self.flags = basic.g_regex_flags
        # Lark's union builder, with the lexers' settings (their regex module and flags)
        self.compiler = Scanner([], basic.g_regex_flags, basic.re, basic.use_bytes)
        self.firsts: dict = {}  # terminal name → first characters (None: any)
        self.compiled: dict = {}  # terminal names, in order → their compiled union

    def first(self, terminal):
        try:
            return self.firsts[terminal.name]
        except KeyError:
            found = first_chars(terminal.pattern.to_regexp(), self.flags)
            self.firsts[terminal.name] = found
            return found

    def run(self, terminal) -> Optional[frozenset]:
        """The characters ``terminal`` matches a run of, or None (``char_run``)."""
        return char_run(terminal.pattern.to_regexp(), self.flags)

    def union(self, chosen: list) -> tuple:
        key = tuple(t.name for t in chosen)
        try:
            return self.compiled[key]
        except KeyError:
            found = tuple(self.compiler._build_mres(chosen, len(chosen))) if chosen else ()
            self.compiled[key] = found
            return found


class _Dispatch:
    """The patterns of one state, per character (``matcher_for``): the union of only those terminals
    that can start with it, in Lark's order (``firstchars``), so the first alternative
    that matches is the one Lark's union would give. Characters outside ASCII get
    Lark's own union of every terminal of the state (case folding beyond ASCII is not
    worth guessing), built on first need.

    The terminals and token callbacks are those Lark's lexer builds its union from
    (``_create_unless``: a keyword that a wider pattern also matches is found through
    that pattern's callback), made here without compiling that union."""

    def __init__(self, basic, unions: _Unions):
        self.basic = basic
        self.unions = unions
        if basic.user_callbacks:  # pragma: no cover - none in our grammars: Lark's own way
            self.terminals, self.callback = basic.scanner.terminals, basic.callback
        else:
            self.terminals, self.callback = _create_unless(basic.terminals, basic.g_regex_flags,
                                                           basic.re, basic.use_bytes)
        self.firsts = [(t, unions.first(t)) for t in self.terminals]
        #: the matchers made so far, by character (the lexer's loop looks here first)
        self.known: dict = {}
        # characters only ignored terminals can start (the space, in most states): per
        # character, the run of characters its one ignored terminal is («[ \t\f\r\n]+»,
        # ``char_run``), which the parser skips after a token without a regular
        # expression, or None (then its pattern is matched)
        self.skips: dict = {}

    def matcher_for(self, char: str):
        """The matcher for ``char``: the first match of its patterns at a position, or
        None (``matcher``); made on first need and kept in ``known``."""
        try:
            return self.known[char]
        except KeyError:
            pass
        if not char.isascii():
            found = self.known[char] = matcher(tuple(self.basic.scanner._mres))
            return found
        variants = {char, char.lower(), char.upper()}
        chosen = [t for t, first in self.firsts if first is None or variants & first]
        patterns = self.unions.union(chosen)
        found = matcher(patterns)
        ignored = self.basic.ignore_types
        if len(patterns) == 1 and all(t.name in ignored and t.name not in self.callback
                                      for t in chosen):
            run = self.unions.run(chosen[0]) if len(chosen) == 1 else None
            # a run the character itself is in (chosen by its case variants, it may not be)
            self.skips[char] = run if run is not None and char in run else None
        self.known[char] = found  # (after ``skips``, which the lexer reads next)
        return found


def matcher(patterns: tuple) -> Callable[[str, int], Optional[re.Match]]:
    """The first match of ``patterns`` at a position of a text, tried in order (what
    Lark's union of them gives), or None. Most characters have one union: its own
    ``match``, with no loop around it."""
    if len(patterns) == 1:
        return patterns[0].match
    if not patterns:
        return _no_match

    def first_match(text: str, pos: int) -> Optional[re.Match]:
        for pattern in patterns:
            found = pattern.match(text, pos)
            if found:
                return found
        return None

    return first_match


def _no_match(text: str, pos: int) -> None:
    return None


class _StateScanners(dict):
    """Per parser state: the patterns Lark's contextual lexer tries there (per first
    character, ``_Dispatch``), the characters skipped, the terminals it ignores, its
    token callbacks and the kinds that are either. Made
    on first use of a state, as Lark does (compiling them all would slow the first
    sentence); states that Lark gives the same lexer (the same terminals) share them."""

    def __init__(self, lexers: dict):
        super().__init__()
        self.lexers = lexers
        self.unions: Optional[_Unions] = None
        self.by_lexer: dict = {}  # id of Lark's lexer of a state → what it gives

    def __missing__(self, state):
        basic = self.lexers[state]
        try:
            found = self.by_lexer[id(basic)]
        except KeyError:
            if self.unions is None:
                self.unions = _Unions(basic)
            dispatch = _Dispatch(basic, self.unions)
            # the kinds the lexer must look at twice: ignored, or given to a callback
            special = frozenset(basic.ignore_types) | frozenset(dispatch.callback)
            found = (dispatch, dispatch.skips, basic.ignore_types, dispatch.callback, special)
            self.by_lexer[id(basic)] = found
        self[state] = found
        return found


def state_scanners(lexer, start_state) -> Optional[_StateScanners]:
    """The scanners of ``lexer``; None where this version of Lark keeps them
    elsewhere (then its own lexer serves)."""
    try:
        scanners = _StateScanners(lexer.lexers)
        scanners[start_state]  # noqa: B018  (made now, to see that it can be)
        return scanners
    except AttributeError:
        return None


def line_token(text: str, kind: str, start: int, end: int) -> Tok:
    """The token of ``kind`` at ``text[start:end]`` on a text of one line: what Lark's
    lexer would give (on one line a column is the position plus one)."""
    value = text[start:end]
    token = _new_str(Tok, value)
    token.type, token.value, token.start_pos, token.end_pos = kind, value, start, end
    token.line = token.end_line = 1
    token.column, token.end_column = start + 1, end + 1
    return token


def end_token(last: Optional[Token]) -> Token:
    """Lark's «$END», at the last token's position (``Token.new_borrow_pos`` without
    its two Python calls)."""
    if last is None:
        return Token("$END", "", 0, 1, 1)
    token = _new_str(Tok, "")
    token.type, token.value, token.start_pos, token.end_pos = "$END", "", last.start_pos, \
        last.end_pos
    token.line, token.column = last.line, last.column
    token.end_line, token.end_column = last.end_line, last.end_column
    return token
