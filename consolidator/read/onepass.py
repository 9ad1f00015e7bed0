"""The one-pass LALR parser: Lark's tables and contextual lexer, building while parsing.

Lark would build a parse tree (with positions) and the builder would then walk
it; for a sentence of a dozen tokens that costs twice the parse itself. So the
parser below drives Lark's LALR tables itself, with the quick lexer of
``quicklex``, and calls the builder's method at each reduction (``reducers``),
with what Lark's tree building would have given it. A Lark Transformer may not
take ``meta`` when run during parsing, hence our own.

The actions of an LALR parser depend on the kinds of the tokens alone, so the
parser keeps the kinds it has met as a trie (``_Node``), each edge with the
reductions it calls for: a sentence of a shape read before walks its path
without asking the tables again.

The builder is any object with a ``failure`` attribute (None, or the (rule,
exception) of the first method that failed) and a method per rule name that it
builds (``method(meta, children)``); a rule without a method becomes a Lark
``Tree``, so a builder with no methods gets Lark's own tree. It reads Lark
internals: tests/test_one_pass_parser.py holds it to ``Lark.parse``.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.lexer import LexerThread
from lark.parsers.lalr_analysis import Shift

from consolidator.read.quicklex import LexMiss, Tok, end_token, state_scanners
from consolidator.read.reducers import Built, reducer

_new_str = str.__new__


class _StatePointer:
    """What Lark's contextual lexer asks of a parser: its current state."""

    __slots__ = ("stack",)

    def __init__(self, stack: list):
        self.stack = stack

    @property
    def position(self):
        return self.stack[-1]


class _NodePointer:
    """The same, for a parse that walks the trie (``_Node``)."""

    __slots__ = ("node",)

    def __init__(self, node: "_Node"):
        self.node = node

    @property
    def position(self):
        return self.node.stack[-1]


#: at most so many nodes in the trie of token kinds (a few hundred bytes each): an act
#: of ten thousand sentences of a new shape each does not grow it without end
_TRIE_NODES = 50_000


class _Node:
    """The parser after a sequence of token kinds, in a trie of the sequences met: its
    state stack, the quick lexer's patterns for the next token, and per next kind the
    reductions that kind calls for and the node after its shift. The actions of an
    LALR parser depend on the kinds of the tokens alone, so sentences of one shape
    («In artikel 12 wordt «…» vervangen door «…».») share their path."""

    __slots__ = ("stack", "scanner", "edges")

    def __init__(self, stack: tuple, scanner: tuple):
        self.stack, self.scanner = stack, scanner
        self.edges: dict = {}


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
        reductions = {rule: (len(rule.expansion), str(rule.origin.name), reducer(builder, rule))
                      for rule in lark.rules}
        # per state and symbol: (True, next state) or (False, (size, rule name, reducer))
        self.actions = {state: {str(symbol): (True, arg) if action is Shift
                                else (False, reductions[arg])
                                for symbol, (action, arg) in row.items()}
                        for state, row in table.states.items()}
        self.builder = builder
        self.scanners = state_scanners(self.lexer, self.start_state)
        self.forget()

    def forget(self) -> None:
        """Empty the trie of token kinds (to measure a first reading of every shape)."""
        self.root = _Node((self.start_state,), self._scanner(self.start_state))
        self.nodes = 1

    def _scanner(self, state):
        """The quick lexer's patterns for ``state`` (None where Lark's lexer serves)."""
        return None if self.scanners is None else self.scanners[state]

    def parse(self, text: str) -> Built:
        """The start rule's result (``.value``) for ``text``; raises Lark's
        ``UnexpectedInput`` where Lark's own parser would."""
        if self.scanners is not None and "\n" not in text:
            try:
                return self._parse_line(text)
            except LexMiss:  # let Lark's lexer find it again and say what it expected
                self.builder.failure = None
        return self._parse(text)

    def _parse_line(self, text: str) -> Built:
        """``_parse`` of a text without line breaks, with the quick lexer in the same
        loop: each token is scanned with the patterns of the state the parser is in by
        then, as Lark's contextual lexer does (which counts lines and columns per token
        and checks much more; on one line a column is the position plus one). The
        actions come from the trie of token kinds read before (``_Node``), learnt from
        the tables on first meeting.
        (One loop, no generator: a call per token would cost a tenth of the parse.)"""
        node = self.root
        values: list = []  # per symbol on the stack: the token or the rule's result
        metas: list = []  # and its columns (a token is its own)
        pos, end, token = 0, len(text), None
        while True:
            if pos < end:
                dispatch, skips, ignored, callbacks = node.scanner
                char = text[pos]
                patterns = dispatch[char]
                if char in skips:
                    match = patterns[0].match(text, pos)
                    if match is None:
                        raise LexMiss()
                    pos = match.end()
                    continue
                for pattern in patterns:
                    match = pattern.match(text, pos)
                    if match:
                        break
                else:
                    raise LexMiss()
                start, pos, kind = pos, match.end(), match.lastgroup
                if kind in ignored:
                    if kind in callbacks:
                        raise LexMiss()
                    continue
                value = match.group(0)
                token = _new_str(Tok, value)
                token.type, token.value, token.start_pos, token.end_pos = kind, value, start, pos
                token.line = token.end_line = 1
                token.column, token.end_column = start + 1, pos + 1
                if kind in callbacks:
                    token = callbacks[kind](token)
                    kind = token.type
            else:
                token, kind = end_token(token), "$END"
            node = self._feed(node, kind, token, values, metas)
            if node is None:  # «$END» accepted
                return Built(values[-1], metas[-1])

    def _feed(self, node: "_Node", kind: str, token: Token, values: list, metas: list):
        """The reductions a token of ``kind`` calls for at ``node``, then its shift: the
        node after it, or None where «$END» is accepted."""
        try:
            reductions, node = node.edges[kind]
        except KeyError:
            reductions, node = self._learn(node, kind, token)
        for reduce in reductions:
            reduce(values, metas)
        if node is not None:
            values.append(token)
            metas.append(token)
        return node

    def _learn(self, node: "_Node", kind: str, token: Token) -> tuple:
        """The reductions that a token of ``kind`` calls for after the kinds that led
        to ``node``, and the node it shifts to (None: the parse is accepted), from
        Lark's tables; kept in the trie while it has room."""
        actions, stack, reductions = self.actions, list(node.stack), []
        while True:
            try:
                shift, arg = actions[stack[-1]][kind]
            except KeyError:
                raise self._unexpected(token, stack) from None
            if shift:
                stack.append(arg)
                learnt = (tuple(reductions), _Node(tuple(stack), self._scanner(arg)))
                break
            size, origin, reduce = arg
            if reduce is not None:
                reductions.append(reduce)
            if size:
                del stack[-size:]
            stack.append(actions[stack[-1]][origin][1])
            if kind == "$END" and stack[-1] == self.end_state:
                learnt = (tuple(reductions), None)
                break
        if self.nodes < _TRIE_NODES:
            node.edges[kind] = learnt
            self.nodes += 1
        return learnt

    def _unexpected(self, token: Token, stack: list) -> UnexpectedToken:
        """Lark's error for ``token`` where the state on top of ``stack`` has no action."""
        expected = {s for s in self.states[stack[-1]] if s.isupper()}
        return UnexpectedToken(token, expected, state=_StatePointer(stack))

    def _parse(self, text: str) -> Built:
        """``parse`` with Lark's own lexer (a text over several lines, or what the quick
        lexer leaves to it), asking the trie for the parser's state as it lexes."""
        pointer = _NodePointer(self.root)
        values: list = []  # per symbol on the stack: the token or the rule's result
        metas: list = []  # and its columns (a token is its own)
        for token in _own_tokens(LexerThread.from_text(self.lexer, text).lex(pointer)):
            pointer.node = self._feed(pointer.node, token.type, token, values, metas)
            if pointer.node is None:  # «$END» accepted
                return Built(values[-1], metas[-1])
        raise AssertionError("the parse ends at «$END»")  # pragma: no cover


def _own_tokens(tokens: Iterable[Token]) -> Iterator[Token]:
    """Lark lexer's tokens as ``Tok`` (each its own columns), then Lark's «$END»."""
    token = None
    for token in tokens:
        token = Tok.new_borrow_pos(token.type, token.value, token)
        yield token
    yield end_token(token)


