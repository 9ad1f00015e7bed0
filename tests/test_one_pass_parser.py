"""The one-pass parser (``onepass.OnePassParser``) drives Lark's LALR tables and
contextual lexer itself, for speed. These tests hold it to Lark: with a builder that has
no methods it must build exactly the tree Lark's own ``parse`` builds, with the same token
positions and the same rule columns, and refuse exactly what Lark refuses, at the same
token. They run on every sentence of the corpus acts and of the phrasing fixtures, plus
mutations of them, so a Lark release that changes the internals the parser reads fails
here rather than in a law text.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from consolidator.read import act as act_module
from consolidator.read import grammars, onepass, payload
from corpus_calls import first_arguments
from mutations import mutated
from phrasings import read_phrasings

ROOT = Path(__file__).resolve().parent.parent


class _TreeBuilder:
    """No builder methods: every rule becomes a ``Tree``, as Lark's parse makes it."""

    failure = None


def _sentence_heads() -> list[str]:
    """What the grammar sees of every sentence the corpus acts and the phrasings hold."""
    heads = [payload.split_payload(text)[0]
             for text in first_arguments(act_module, "parse_sentence")]
    heads.extend(payload.split_payload(p.sentence)[0] for p in read_phrasings())
    return sorted(set(heads))


HEADS = _sentence_heads()


def _mutated(heads: list[str], count: int) -> list[str]:
    return mutated(heads, count, 7, ["«", "»", ",", "en", "\t", "  ", "vervalt", "1°"])


def _positions(node) -> list:
    """Every token with its columns and every rule with the columns it covers."""
    if isinstance(node, Token):
        return [("token", node.type, str(node), node.line, node.column, node.end_line,
                 node.end_column)]
    meta = node.meta
    span = (None if getattr(meta, "empty", True) else
            (meta.line, meta.column, meta.end_line, meta.end_column))
    out = [("rule", node.data, span)]
    for child in node.children:
        out.extend(_positions(child))
    return out


@lru_cache(maxsize=1)
def _tree_parser():
    return onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())


def _ours(text: str):
    return _tree_parser().parse(text).value


def test_there_are_sentences_to_compare():
    assert len(HEADS) > 200


@pytest.mark.parametrize("chunk", range(4))
def test_the_one_pass_parser_builds_lark_s_tree(chunk):
    lark = grammars.grammar_parser()
    for text in HEADS[chunk::4]:
        try:
            expected = lark.parse(text)
        except UnexpectedInput:
            continue
        got = _ours(text)
        assert isinstance(got, Tree) and got == expected, text
        assert _positions(got) == _positions(expected), text


def test_the_one_pass_parser_refuses_what_lark_refuses_at_the_same_token():
    lark = grammars.grammar_parser()
    refused = 0
    for text in _mutated(HEADS, 1500):
        try:
            expected = lark.parse(text)
        except UnexpectedInput as exc:
            with pytest.raises(UnexpectedInput) as info:
                _ours(text)
            assert type(info.value) is type(exc), text
            assert (info.value.line, info.value.column) == (exc.line, exc.column), text
            refused += 1
            continue
        got = _ours(text)
        assert got == expected and _positions(got) == _positions(expected), text
    assert refused > 100


def test_a_shape_read_again_walks_the_trie_and_builds_the_same():
    """The second reading of every sentence follows the trie of token kinds the first
    reading learnt (nothing more is learnt) and builds the same trees and columns."""
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())
    first = [_positions(parser.parse(text).value) for text in HEADS[:150]]
    learnt = parser.nodes
    again = [_positions(parser.parse(text).value) for text in HEADS[:150]]
    assert parser.nodes == learnt > 150
    assert again == first


def test_a_full_trie_learns_no_more_and_the_tables_still_decide(monkeypatch):
    monkeypatch.setattr(onepass, "_TRIE_NODES", 20)
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())
    lark = grammars.grammar_parser()
    for text in HEADS[::10]:
        try:
            expected = lark.parse(text)
        except UnexpectedInput:
            with pytest.raises(UnexpectedInput):
                parser.parse(text)
            continue
        got = parser.parse(text).value
        assert got == expected and _positions(got) == _positions(expected), text
    assert parser.nodes == 20


def test_a_text_over_several_lines_goes_through_lark_s_lexer_and_builds_the_same():
    """A line break sends a text to Lark's own lexer (the quick one reads one line); the
    trie still decides the actions: trees, columns and refusals as Lark's."""
    lark = grammars.grammar_parser()
    compared = 0
    for text in HEADS[::7]:
        if " " not in text:
            continue
        broken = text.replace(" ", "\n", 1)
        try:
            expected = lark.parse(broken)
        except UnexpectedInput as exc:
            with pytest.raises(UnexpectedInput) as info:
                _ours(broken)
            assert (info.value.line, info.value.column) == (exc.line, exc.column), broken
            continue
        got = _ours(broken)
        assert got == expected and _positions(got) == _positions(expected), broken
        compared += 1
    assert compared > 20
