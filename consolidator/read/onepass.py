"""The one-pass LALR parser: Lark's tables and contextual lexer, building while parsing.

Lark would build a parse tree (with positions) and the builder would then walk
it; for a sentence of a dozen tokens that costs twice the parse itself. So the
parser below drives Lark's LALR tables and contextual lexer itself and calls
the builder's method at each reduction, with what Lark's tree building would
have given it: the kept children (anonymous and «_» tokens dropped, «__…»
helper rules spliced in, «?rule» with one child passed through) and the
columns the rule matched (first to last token, filtered ones included). A
Lark Transformer may not take ``meta`` when run during parsing, hence our own.

The builder is any object with a ``failure`` attribute (None, or the (rule,
exception) of the first method that failed) and a method per rule name that it
builds (``method(meta, children)``); a rule without a method becomes a Lark
``Tree``, so a builder with no methods gets Lark's own tree. It reads Lark
internals: tests/test_one_pass_parser.py holds it to ``Lark.parse``.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedToken
from lark.lexer import LexerThread, Scanner, _create_unless
from lark.parsers.lalr_analysis import Shift

from consolidator.read.firstchars import first_chars


class _Meta:
    """The columns a rule matched (what Lark's ``propagate_positions`` gives)."""

    __slots__ = ("line", "column", "end_line", "end_column")
    empty = False

    def __init__(self, line: int, column: int, end_line: int, end_column: int):
        self.line, self.column = line, column
        self.end_line, self.end_column = end_line, end_column


class _NoPosition:
    """A rule that matched no token («telkens» left out): it has no columns."""

    __slots__ = ()
    empty = True


_NO_POSITION = _NoPosition()


class _Built:
    """A rule's result on the parser's stack, with the columns the rule covers."""

    __slots__ = ("value", "meta")

    def __init__(self, value, meta):
        self.value, self.meta = value, meta


class _Spliced:
    """The kept items (tokens and ``_Built``) of a helper rule Lark inlines into
    its parent («(«,» action)*» becomes ``__actions_star_1``)."""

    __slots__ = ("items", "meta")

    def __init__(self, items: list, meta):
        self.items, self.meta = items, meta


def _extent(raw: list):
    """The columns from the first positioned item of ``raw`` to the last one."""
    if len(raw) == 1:  # half of all reductions: a rule over one symbol
        item = raw[0]
        if isinstance(item, Token):
            return _Meta(item.line, item.column, item.end_line, item.end_column)
        return item.meta  # the same columns (shared: a rule's columns are only read)
    for item in raw:
        start = item if isinstance(item, Token) else item.meta
        if start is not _NO_POSITION:
            break
    else:
        return _NO_POSITION
    for item in reversed(raw):
        end = item if isinstance(item, Token) else item.meta
        if end is not _NO_POSITION:
            break
    return _Meta(start.line, start.column, end.end_line, end.end_column)


def _kept_items(raw: list, keep: tuple) -> list:
    items = []
    for index, spliced in keep:
        if spliced:
            items.extend(raw[index].items)
        else:
            items.append(raw[index])
    return items


def _is_spliced(symbol) -> bool:
    """Lark inlines a rule whose name starts with «_» into its parent."""
    return not symbol.is_term and symbol.name.startswith("_")


def _reducer(builder, rule) -> Callable[[list], object]:
    """The function that turns the matched symbols of ``rule`` into its result."""
    keep_all = rule.options.keep_all_tokens
    keep = tuple((i, _is_spliced(sym)) for i, sym in enumerate(rule.expansion)
                 if keep_all or not (sym.is_term and sym.filter_out))
    if _is_spliced(rule.origin):
        return lambda raw: _Spliced(_kept_items(raw, keep), _extent(raw))
    name = rule.alias or rule.options.template_source or rule.origin.name
    passes_single = rule.options.expand1 and not rule.alias
    method = getattr(builder, name, None)
    # most rules keep every symbol and splice none: their items are the matched symbols
    keeps_all = keep == tuple((i, False) for i in range(len(rule.expansion)))

    def reduce(raw: list):
        meta = _extent(raw)
        if builder.failure is not None:  # only a syntax error can still change the outcome
            return _Built(None, meta)
        items = raw if keeps_all else _kept_items(raw, keep)
        if passes_single and len(items) == 1:  # «?action: replace_words | …»
            single = items[0]
            if isinstance(single, Token) or single.meta is meta:  # nothing to change
                return single
            return _Built(single.value, meta)
        children = [item if isinstance(item, Token) else item.value for item in items]
        if method is None:
            return _Built(Tree(name, children, meta), meta)
        try:
            return _Built(method(meta, children), meta)
        except Exception as exc:  # reported after the parse, as a Transformer would
            builder.failure = (name, exc)
            return _Built(None, meta)

    return reduce


class _LexMiss(Exception):
    """The quick lexer met what only Lark's lexer can report well (or at all)."""


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

    def union(self, chosen: list) -> tuple:
        key = tuple(t.name for t in chosen)
        try:
            return self.compiled[key]
        except KeyError:
            found = tuple(self.compiler._build_mres(chosen, len(chosen))) if chosen else ()
            self.compiled[key] = found
            return found


class _Dispatch(dict):
    """The patterns of one state, per character: the union of only those terminals
    that can start with it, in Lark's order (``firstchars``), so the first alternative
    that matches is the one Lark's union would give. Characters outside ASCII get
    Lark's own union of every terminal of the state (case folding beyond ASCII is not
    worth guessing), built on first need.

    The terminals and token callbacks are those Lark's lexer builds its union from
    (``_create_unless``: a keyword that a wider pattern also matches is found through
    that pattern's callback), made here without compiling that union."""

    def __init__(self, basic, unions: _Unions):
        super().__init__()
        self.basic = basic
        self.unions = unions
        if basic.user_callbacks:  # pragma: no cover - none in our grammars: Lark's own way
            self.terminals, self.callback = basic.scanner.terminals, basic.callback
        else:
            self.terminals, self.callback = _create_unless(basic.terminals, basic.g_regex_flags,
                                                           basic.re, basic.use_bytes)
        self.firsts = [(t, unions.first(t)) for t in self.terminals]

    def __missing__(self, char: str):
        if not char.isascii():
            found = self[char] = tuple(self.basic.scanner._mres)
            return found
        variants = {char, char.lower(), char.upper()}
        chosen = [t for t, first in self.firsts if first is None or variants & first]
        found = self[char] = self.unions.union(chosen)
        return found


class _StateScanners(dict):
    """Per parser state: the patterns Lark's contextual lexer tries there (per first
    character, ``_Dispatch``), the terminals it ignores and its token callbacks. Made
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
            found = (dispatch, basic.ignore_types, dispatch.callback)
            self.by_lexer[id(basic)] = found
        self[state] = found
        return found


def _state_scanners(lexer, start_state) -> Optional[_StateScanners]:
    """The scanners of ``lexer``; None where this version of Lark keeps them
    elsewhere (then its own lexer serves)."""
    try:
        scanners = _StateScanners(lexer.lexers)
        scanners[start_state]  # noqa: B018  (made now, to see that it can be)
        return scanners
    except AttributeError:
        return None


_new_str = str.__new__


def _token(kind: str, value: str, start: int, end: int) -> Token:
    """Lark's Token for text[start:end] on line 1, made without the two Python
    calls of Token(...) (which also translate old keyword names)."""
    token = _new_str(Token, value)
    token.type, token.value, token.start_pos, token.end_pos = kind, value, start, end
    token.line = token.end_line = 1
    token.column, token.end_column = start + 1, end + 1
    return token


def _one_line_tokens(scanners: dict, text: str, stack: list) -> Iterator[Token]:
    """The tokens of ``text`` (no line breaks) as Lark's contextual lexer gives
    them, each scanned with the patterns of the state the parser is in by then,
    then Lark's «$END». Lark's lexer counts lines and columns per token and checks
    much more; on one line a column is the position plus one."""
    pos, end, token = 0, len(text), None
    while pos < end:
        dispatch, ignored, callbacks = scanners[stack[-1]]
        for pattern in dispatch[text[pos]]:
            match = pattern.match(text, pos)
            if match:
                break
        else:
            raise _LexMiss()
        start, pos, kind = pos, match.end(), match.lastgroup
        if kind in ignored:
            if kind in callbacks:
                raise _LexMiss()
            continue
        token = _token(kind, match.group(0), start, pos)
        if kind in callbacks:
            token = callbacks[kind](token)
        yield token
    yield _end_token(token)


class _StatePointer:
    """What Lark's contextual lexer asks of a parser: its current state."""

    __slots__ = ("stack",)

    def __init__(self, stack: list):
        self.stack = stack

    @property
    def position(self):
        return self.stack[-1]


class OnePassParser:
    """Lark's LALR(1) tables and contextual lexer, building while parsing."""

    def __init__(self, lark: Lark, builder):
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        (start,) = frontend.parser_conf.start
        self.lexer = frontend.lexer
        self.states = table.states
        self.start_state = table.start_states[start]
        self.end_state = table.end_states[start]
        # names as plain strings: Lark's are partly Tokens, slower to compare
        reductions = {rule: (len(rule.expansion), str(rule.origin.name), _reducer(builder, rule))
                      for rule in lark.rules}
        # per state and symbol: (True, next state) or (False, (size, rule name, reducer))
        self.actions = {state: {str(symbol): (True, arg) if action is Shift
                                else (False, reductions[arg])
                                for symbol, (action, arg) in row.items()}
                        for state, row in table.states.items()}
        self.builder = builder
        self.scanners = _state_scanners(self.lexer, self.start_state)

    def parse(self, text: str) -> _Built:
        """The start rule's result (``.value``) for ``text``; raises Lark's
        ``UnexpectedInput`` where Lark's own parser would."""
        if self.scanners is not None and "\n" not in text:
            try:
                return self._parse(lambda stack: _one_line_tokens(self.scanners, text, stack))
            except _LexMiss:  # let Lark's lexer find it again and say what it expected
                self.builder.failure = None
        return self._parse(lambda stack: _then_end(LexerThread.from_text(self.lexer, text).lex(
            _StatePointer(stack))))

    def _parse(self, tokens_for: Callable[[list], Iterable[Token]]) -> _Built:
        """Shift each token (``tokens_for`` the state stack, «$END» last) after the
        reductions it calls for; at «$END», the result.
        (One loop: a call per token would cost a tenth of the parse.)"""
        actions, end_state = self.actions, self.end_state
        stack = [self.start_state]
        values: list = []
        for token in tokens_for(stack):
            kind = token.type
            while True:
                state = stack[-1]
                try:
                    shift, arg = actions[state][kind]
                except KeyError:
                    expected = {s for s in self.states[state] if s.isupper()}
                    raise UnexpectedToken(token, expected, state=_StatePointer(stack)) from None
                if shift:
                    stack.append(arg)
                    values.append(token)
                    break
                size, origin, reduce = arg
                if size:
                    raw = values[-size:]
                    del stack[-size:]
                    del values[-size:]
                else:
                    raw = []
                values.append(reduce(raw))
                stack.append(actions[stack[-1]][origin][1])
                if kind == "$END" and stack[-1] == end_state:
                    return values[-1]
        raise AssertionError("the parse ends at «$END»")  # pragma: no cover


def _then_end(tokens: Iterable[Token]) -> Iterator[Token]:
    """The tokens, then Lark's «$END»."""
    token = None
    for token in tokens:
        yield token
    yield _end_token(token)


def _end_token(last: Optional[Token]) -> Token:
    """Lark's «$END», at the last token's position."""
    return Token.new_borrow_pos("$END", "", last) if last else Token("$END", "", 0, 1, 1)

