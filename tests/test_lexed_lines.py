"""The one-pass parser keeps the last few lines it lexed with their tokens
(``OnePassParser.lexed``): the act reader parses the next punt to see whether quoted
content ends there (``kinds.reads_as_instruction``), then reads that punt. These tests hold
a line taken from there to one lexed anew: the same trie node and token spans, and the
same trees and columns as Lark's, whatever order lines come in and however often; the
store stays a handful of lines and is emptied with the trie.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Tree
from lark.exceptions import UnexpectedInput

from consolidator.read import grammars, onepass
from consolidator.read.act import parse_act
from test_one_pass_parser import HEADS, _positions, _TreeBuilder

#: one-line sentences the grammar reads (the quick lexer's lines)
_LINES = [text for text in HEADS[::3] if "\n" not in text][:120]


def _parser() -> onepass.OnePassParser:
    return onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())


def _lexed_anew(parser: onepass.OnePassParser, text: str) -> tuple:
    """The trie node and spans of ``text`` lexed by ``parser`` with nothing kept (what
    it kept is put back after)."""
    kept = dict(parser.lexed)
    parser.lexed.clear()
    parser.parse(text)
    anew = parser.lexed[text]
    parser.lexed.clear()
    parser.lexed.update(kept)
    return anew


def _lark_or_none(text: str):
    try:
        return grammars.grammar_parser().parse(text)
    except UnexpectedInput:
        return None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 24), min_size=1, max_size=40))
def test_a_line_read_again_from_the_kept_tokens_is_the_line_lexed_anew(picks):
    """Lines in any order, often again: each kept line has the node and spans a new
    lexing gives, and each parse builds Lark's tree with Lark's columns."""
    parser = _parser()
    for pick in picks:
        text = _LINES[pick]
        expected = _lark_or_none(text)
        if expected is None:
            continue
        got = parser.parse(text).value
        assert isinstance(got, Tree) and got == expected, text
        assert _positions(got) == _positions(expected), text
        node, spans = parser.lexed[text]
        assert _lexed_anew(parser, text) == (node, spans), text
        assert len(parser.lexed) <= onepass._LEXED


def test_only_the_last_few_lines_are_kept_and_forgetting_empties_them():
    parser = _parser()
    read = [text for text in _LINES[:12] if _lark_or_none(text) is not None]
    for text in read:
        parser.parse(text)
    assert list(parser.lexed) == read[-onepass._LEXED:]
    parser.forget()
    assert parser.lexed == {}


def test_a_line_the_lexer_or_the_grammar_refuses_is_not_kept():
    parser = _parser()
    refused = "In artikel 1 wordt wordt vervalt «a» door «b»."
    assert _lark_or_none(refused) is None
    for _ in range(2):
        try:
            parser.parse(refused)
        except UnexpectedInput:
            pass
        else:  # pragma: no cover - the grammar would have changed
            raise AssertionError("the grammar reads it now: pick another")
    assert refused not in parser.lexed


_ACT = """Wet van 1 januari 2001 tot wijziging van de Wet op de proef

ARTIKEL I

De Wet op de proef wordt als volgt gewijzigd:

A

Artikel 1 wordt als volgt gewijzigd:

1. Het eerste lid komt te luiden:

1. Een lid. 2. Een ander lid.

2. In het tweede lid wordt «oud» vervangen door «nieuw».

3. In het derde lid wordt «x» vervangen door «y».
"""


def test_an_act_read_with_lines_kept_is_the_act_read_without(monkeypatch):
    """The punt test's line, read again for the punt itself, comes from the kept tokens
    (some lines parsed are not lexed again), and the act is the one a reading that lexes
    every line anew gives."""
    from consolidator.read.instructions import _one_pass_parser
    parser = _one_pass_parser()
    parser.lexed.clear()
    taken = []
    parse_line = onepass.OnePassParser._parse_line

    def watched(self, text):
        taken.append(text in self.lexed)
        return parse_line(self, text)

    monkeypatch.setattr(onepass.OnePassParser, "_parse_line", watched)
    kept = parse_act(_ACT, source="proef")
    assert len(kept.instructions) == 3 and any(taken)

    def anew(self, text):
        self.lexed.clear()
        return parse_line(self, text)

    monkeypatch.setattr(onepass.OnePassParser, "_parse_line", anew)
    assert parse_act(_ACT, source="proef") == kept
