"""The one-pass LALR parser: Lark's tables and contextual lexer, and the builder called
with what Lark's tree would have given it, without the tree.

Lark would build a parse tree (with positions) and the builder would then walk
it; for a sentence of a dozen tokens that costs twice the parse itself. So the
parser below drives Lark's LALR tables itself, with the quick lexer of
``quicklex``, and calls the builder's method for every reduction (``reducers``),
with what Lark's tree building would have given it. A Lark Transformer may not
take ``meta`` when run during parsing, hence our own.

The actions of an LALR parser depend on the kinds of the tokens alone, so the
parser keeps the kinds it has met as a trie (``_Node``), each node with the
reductions the kind that led to it called for: a sentence of a shape read before
walks its path without asking the tables again. The tokens are read first (the trie
gives the parser's state after each, which is all the contextual lexer asks), then
the builder is called: by the shape's compiled function once the shape has been met
often (``shapecode``), by its plan once it has been met a few times (``shapeplan``),
else reduction by reduction.

The builder is any object with a ``failure`` attribute (None, or the (rule,
exception) of the first method that failed) and a method per rule name that it
builds (``method(meta, children)``); a rule without a method becomes a Lark
``Tree``, so a builder with no methods gets Lark's own tree. It reads Lark
internals: tests/test_one_pass_parser.py and tests/test_shape_code.py hold it to
``Lark.parse``.
"""
from __future__ import annotations

from typing import Optional

from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.lexer import LexerState, LexerThread, LineCounter
from lark.parsers.lalr_analysis import Shift
from lark.utils import TextSlice

from consolidator.read.quicklex import LexMiss, Tok, end_token, line_token, state_scanners
from consolidator.read.reducers import Built, Reduction
from consolidator.read.shapecode import compile_shape
from consolidator.read.shapeplan import plan_shape

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

#: a shape runs as a plan (``shapeplan``) the so-manieth time it is met, and is compiled
#: (``shapecode``) the so-manieth: each once the shape has been met about as often as
#: its cost is times what each reading then saves. Measured (bench/shape_costs.py, on
#: the seed and the bench act): a plan costs ~0.06 ms and saves ~20 µs a sentence over
#: the reducers (worth it from the 2nd–3rd meeting); compiling costs ~0.36 ms and saves
#: 5–6 µs a sentence more than the plan (from the 60th–76th). So an act read once is
#: not slowed by working out the shapes it holds once or twice, and shapes that recur
#: over many acts run compiled.
_PLAN_AT = 3
_COMPILE_AT = 64

#: at most so many compiled shapes (a few kilobytes each)
_SHAPES = 5_000

#: the lines lexed last that are kept with their tokens (``_parse_line``): the punt test
#: reads the next punt, and the sentence before it is read, before that punt is read
_LEXED = 4


class _Node:
    """The parser after a sequence of token kinds, in a trie of the sequences met: its
    state stack, the quick lexer's patterns for the next token, the node after each
    next kind, and the reductions the kind that led here called for before its shift.
    The actions of an LALR parser depend on the kinds of the tokens alone, so sentences
    of one shape («In artikel 12 wordt «…» vervangen door «…».») share their path.
    Where a sentence may end: the reductions «$END» calls for (``end``), how often
    sentences ended here, and their plan, then their compiled shape, once there is one
    (``shape``, ``compiled``)."""

    __slots__ = ("stack", "scanner", "matchers", "special", "spaces", "edges",
                 "parent", "into", "kept", "end", "seen", "shape", "compiled", "kind")

    def __init__(self, stack: tuple, scanner: tuple, parent: Optional["_Node"] = None,
                 into: tuple = (), kept: bool = True, kind: str = ""):
        self.stack, self.scanner = stack, scanner
        # the parts of the scanner the lexer's loop reads for every token, at hand
        if scanner is not None:
            self.matchers, self.special = scanner[0].known, scanner[4]
        self.spaces = _space_run(scanner)
        self.parent, self.into, self.kind = parent, into, kind
        # in the trie (the trie only grows until it is full, so a kept node's parent is kept)
        self.kept = kept
        self.edges: dict = {}
        self.end: Optional[tuple] = None
        self.seen = 0
        self.shape = None  # the shape's plan, then its compiled function
        self.compiled = False


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
        reductions = {}
        for rule in lark.rules:
            reduction = Reduction(builder, rule)
            reductions[rule] = (reduction.size, str(rule.origin.name), reduction)
        # per state and symbol: (True, next state) or (False, (size, rule name, reduction))
        self.actions = {state: {str(symbol): (True, arg) if action is Shift
                                else (False, reductions[arg])
                                for symbol, (action, arg) in row.items()}
                        for state, row in table.states.items()}
        self.builder = builder
        self.scanners = state_scanners(self.lexer, self.start_state)
        self.forget()

    def forget(self) -> None:
        """Empty the trie of token kinds and the compiled shapes (to measure a first
        reading of every shape), and the lines lexed last."""
        self.root = _Node((self.start_state,), self._scanner(self.start_state))
        self.nodes = 1
        self.shapes = 0
        self.lexed: dict = {}  # the last few lines lexed → (their node, their tokens' spans)

    def _scanner(self, state):
        """The quick lexer's patterns for ``state`` (None where Lark's lexer serves)."""
        return None if self.scanners is None else self.scanners[state]

    def parse(self, text: str) -> Built:
        """The start rule's result (``.value``) for ``text``; raises Lark's
        ``UnexpectedInput`` where Lark's own parser would."""
        if self.scanners is not None and "\n" not in text:
            try:
                return self._parse_line(text)
            except LexMiss as miss:  # Lark's lexer goes on, and says what it expected
                self.builder.failure = None
                return self._parse(text, miss)
        return self._parse(text)

    def _parse_line(self, text: str) -> Built:
        """``_parse`` of a text without line breaks, with the quick lexer in the same
        loop: each token is scanned with the patterns of the state the parser is in by
        then, as Lark's contextual lexer does (which counts lines and columns per token
        and checks much more; on one line a column is the position plus one). The
        parser's states come from the trie of token kinds read before (``_Node``),
        learnt from the tables on first meeting; the builder is called once every token
        is read and the shape of the sentence known (``_build_line``). A token is kept
        as where it starts and ends: its kind is the trie's, and the token itself is made
        only where something reads it (most are words the grammar drops).
        (One loop, no generator: a call per token would cost a tenth of the parse.)

        The act reader parses a line twice where it asks whether the next punt reads as
        an instruction (``kinds.reads_as_instruction``, where quoted content ends) and
        then reads that punt; the tokens and the trie's path depend on the text alone,
        so the last few lines lexed are kept with them (``lexed``), a handful: not a store
        of the act's sentences, which would only speed up reading the same act again."""
        kept = self.lexed.get(text)  # (no KeyError raised and caught for nearly every line)
        if kept is not None:
            return self._build_line(kept[0], text, kept[1])
        node = self.root
        spans: list = []  # where each token starts and ends, in turn
        pos, end = 0, len(text)
        while pos < end:
            char = text[pos]
            try:
                match_at = node.matchers[char]
            except KeyError:  # made on first sight
                match_at = node.scanner[0].matcher_for(char)
            match = match_at(text, pos)
            if match is None:
                raise LexMiss(node, spans, pos)
            start, pos, kind = pos, match.end(), match.lastgroup
            if kind in node.special:
                _, _, ignored, callbacks, _ = node.scanner
                if kind in ignored:
                    if kind in callbacks:
                        raise LexMiss(node, spans, start)
                    continue
                kind = _called_back(callbacks[kind], line_token(text, kind, start, pos), node,
                                    spans)
            try:
                node = node.edges[kind]
            except KeyError:
                node = self._learn(node, kind, line_token(text, kind, start, pos))
            spans.append(start)
            spans.append(pos)
            # most tokens are followed by one space: skipped here as a run of the
            # characters the state the token led to skips (``skips``), without a regular
            # expression; other white space is matched as what it is (an ignored kind)
            spaces = node.spaces
            if spaces is not None and pos < end and text[pos] == " ":
                pos += 1
                while pos < end and text[pos] in spaces:
                    pos += 1
        lexed = self.lexed
        if len(lexed) >= _LEXED:
            del lexed[next(iter(lexed))]  # the oldest
        lexed[text] = node, spans
        return self._build_line(node, text, spans)

    def _build_line(self, node: "_Node", text: str, spans: list) -> Built:
        """The start rule's result for the sentence ``text`` that led to ``node``, its
        tokens where ``spans`` says: by its compiled shape, its plan, else reduction by
        reduction (planning the shape the ``_PLAN_AT``-th time it is met, compiling it
        the ``_COMPILE_AT``-th, while there is room)."""
        if node.compiled:
            return node.shape(text, spans)
        end = node.end
        if end is None:
            last = line_token(text, node.kind, spans[-2], spans[-1]) if spans else None
            end = self._learn_end(node, end_token(last))
        seen = node.seen = node.seen + 1
        shape = node.shape
        # (``_shape`` has nothing to do for a shape planned and not due to be compiled)
        if node.kept and (seen >= _COMPILE_AT or (shape is None and seen >= _PLAN_AT)):
            self._shape(node, end)
            shape = node.shape
        if shape is not None:
            return shape(text, spans)
        path = _path(node)
        return _reduce_one_by_one(path, end, _line_tokens(text, path, spans))

    def _shape(self, node: "_Node", end: tuple) -> None:
        """Plan the shape that ends at ``node``, or compile it, as often as it has been
        met calls for."""
        if node.seen >= _COMPILE_AT and self.shapes < _SHAPES:
            make = compile_shape
            self.shapes += 1
            node.compiled = True
        elif node.shape is None:
            make = plan_shape
        else:
            return
        path = _path(node)
        node.shape = make(self.builder, [n.into for n in path], end, [n.kind for n in path])

    def _learn(self, node: "_Node", kind: str, token: Token) -> "_Node":
        """The node after a token of ``kind`` after the kinds that led to ``node``, with
        the reductions it calls for, from Lark's tables; kept in the trie while it has
        room."""
        stack, reductions = self._reductions(node, kind, token)
        kept = self.nodes < _TRIE_NODES
        learnt = _Node(tuple(stack), self._scanner(stack[-1]), node, tuple(reductions), kept,
                       kind)
        if kept:
            node.edges[kind] = learnt
            self.nodes += 1
        return learnt

    def _learn_end(self, node: "_Node", token: Token) -> tuple:
        """The reductions «$END» calls for after the kinds that led to ``node``."""
        _, reductions = self._reductions(node, "$END", token)
        node.end = tuple(reductions)
        return node.end

    def _reductions(self, node: "_Node", kind: str, token: Token) -> tuple[list, list]:
        """The state stack after a token of ``kind`` at ``node`` (shifted, or «$END»
        accepted) and the reductions it takes to get there (those that change
        something), from Lark's tables."""
        actions, stack, reductions = self.actions, list(node.stack), []
        while True:
            try:
                shift, arg = actions[stack[-1]][kind]
            except KeyError:
                raise self._unexpected(token, stack) from None
            if shift:
                stack.append(arg)
                return stack, reductions
            size, origin, reduction = arg
            if reduction.run is not None:
                reductions.append(reduction)
            if size:
                del stack[-size:]
            stack.append(actions[stack[-1]][origin][1])
            if kind == "$END" and stack[-1] == self.end_state:
                return stack, reductions

    def _unexpected(self, token: Token, stack: list) -> UnexpectedToken:
        """Lark's error for ``token`` where the state on top of ``stack`` has no action."""
        expected = {s for s in self.states[stack[-1]] if s.isupper()}
        return UnexpectedToken(token, expected, state=_StatePointer(stack))

    def _parse(self, text: str, miss: Optional[LexMiss] = None) -> Built:
        """``parse`` with Lark's own lexer (a text over several lines, or what the quick
        lexer leaves to it), asking the trie for the parser's state as it lexes; built
        reduction by reduction (a compiled shape reads the tokens of one line). After a
        ``miss`` on a line, Lark's lexer starts where the quick lexer stopped, with the
        tokens it read before: those Lark's lexer would have given (tests hold the quick
        lexer to it), so a long line is not lexed twice to find one error at its end."""
        pointer = _NodePointer(self.root)
        tokens: list = []
        token = None
        thread = None
        if miss is not None and miss.node is not None:
            tokens = _line_tokens(text, _path(miss.node), miss.spans)
            token = tokens[-1] if tokens else None
            pointer.node = miss.node
            thread = LexerThread(self.lexer, _line_state_at(text, miss.at, token))
        if thread is None:
            thread = LexerThread.from_text(self.lexer, text)
        for lark_token in thread.lex(pointer):
            token = Tok.new_borrow_pos(lark_token.type, lark_token.value, lark_token)
            node = pointer.node
            try:
                pointer.node = node.edges[token.type]
            except KeyError:
                pointer.node = self._learn(node, token.type, token)
            tokens.append(token)
        node = pointer.node
        end = node.end if node.end is not None else self._learn_end(node, end_token(token))
        return _reduce_one_by_one(_path(node), end, tokens)


def _line_state_at(text: str, at: int, last: Optional[Token]) -> LexerState:
    """Lark's lexer state at position ``at`` of a text of one line, after the token
    ``last`` (the last one it did not ignore: its errors name it)."""
    counter = LineCounter("\n")
    counter.char_pos, counter.column = at, at + 1  # on one line, a column is the position + 1
    return LexerState(TextSlice(text, 0, len(text)), counter, last)


def _space_run(scanner: Optional[tuple]) -> Optional[frozenset]:
    """The characters a space starts a skipped run of in the state of ``scanner`` (as
    the lexer's loop would skip it: ``quicklex``'s ``skips``), or None where a space
    is matched some other way there (or Lark's lexer serves)."""
    if scanner is None:
        return None
    dispatch, skips = scanner[0], scanner[1]
    dispatch.matcher_for(" ")  # made now: it says whether a space is skipped
    return skips.get(" ")


def _called_back(callback, token: Tok, node: _Node, spans: list) -> str:
    """The kind a token callback gives ``token`` (Lark's keywords found through a wider
    pattern change only the kind); a callback that changes more is left to Lark, from
    ``token`` on (``node`` and ``spans``: how far the quick lexer got)."""
    called = callback(token)
    if called.value != token.value or called.start_pos != token.start_pos \
            or called.end_pos != token.end_pos:
        raise LexMiss(node, spans, token.start_pos)
    return called.type


def _path(node: _Node) -> list[_Node]:
    """The nodes from the root's child to ``node``: one per token of the sentence."""
    path = []
    while node.parent is not None:
        path.append(node)
        node = node.parent
    path.reverse()
    return path


def _line_tokens(text: str, path: list[_Node], spans: list) -> list[Tok]:
    """The tokens of a line the quick lexer read: one per node of ``path``, where
    ``spans`` says it starts and ends."""
    return [line_token(text, node.kind, spans[2 * i], spans[2 * i + 1])
            for i, node in enumerate(path)]


def _reduce_one_by_one(path: list[_Node], end: tuple, tokens: list) -> Built:
    """What the compiled shape would give, by running each reduction on two stacks."""
    values: list = []  # per symbol on the stack: the token or the rule's result
    metas: list = []  # and its columns (a token is its own)
    for node, token in zip(path, tokens):
        for reduction in node.into:
            reduction.run(values, metas)
        values.append(token)
        metas.append(token)
    for reduction in end:
        reduction.run(values, metas)
    return Built(values[-1], metas[-1])
