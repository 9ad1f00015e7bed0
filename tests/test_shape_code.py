"""Planned and compiled shapes (``shapeplan``, ``shapecode``): a sequence of token kinds
met a few times runs as a plan, one met often becomes one function; both call the
builder's methods as the reducers would one at a time. These tests hold both to Lark's
trees (with a builder of no methods) and to the reducers (with the real builder, on
every sentence of the corpus acts and the phrasings, and on mutations of them), and
check when a shape is planned or compiled and what a failing method leaves behind.
"""
from __future__ import annotations

import pytest
from lark import Tree
from lark.exceptions import UnexpectedInput

from consolidator.errors import ConsolidatorError
from consolidator.read import act as act_module
from consolidator.read import grammars, instructions, onepass, shapecode, shapeplan
from corpus_calls import first_arguments
from mutations import mutated
from phrasings import read_phrasings
from test_one_pass_parser import HEADS, _positions, _TreeBuilder

SENTENCES = sorted(set(first_arguments(act_module, "parse_sentence"))
                   | {p.sentence for p in read_phrasings()})


#: the thresholds that run every shape planned, or compiled, from its first meeting
TIERS = {"planned": (1, 10 ** 9), "compiled": (10 ** 9, 1)}
#: and those that never do
ONE_BY_ONE = (10 ** 9, 10 ** 9)


def _set_tier(monkeypatch, thresholds: tuple[int, int]) -> None:
    plan_at, compile_at = thresholds
    monkeypatch.setattr(onepass, "_PLAN_AT", plan_at)
    monkeypatch.setattr(onepass, "_COMPILE_AT", compile_at)


def _tree_parser(monkeypatch, compile_at: int, plan_at: int = 10 ** 9) -> onepass.OnePassParser:
    _set_tier(monkeypatch, (plan_at, compile_at))
    return onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())


def test_there_are_sentences_to_compile():
    assert len(SENTENCES) > 200


@pytest.mark.parametrize("tier", TIERS)
def test_a_shape_builds_lark_s_tree_with_its_columns(monkeypatch, tier):
    _set_tier(monkeypatch, TIERS[tier])  # every shape planned or compiled when first met
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())
    lark = grammars.grammar_parser()
    compared = 0
    for text in HEADS:
        try:
            expected = lark.parse(text)
        except UnexpectedInput:
            continue
        got = parser.parse(text).value
        assert isinstance(got, Tree) and got == expected, text
        assert _positions(got) == _positions(expected), text
        compared += 1
    assert compared > 200
    assert parser.shapes > 100 if tier == "compiled" else parser.shapes == 0


def _readings(sentences: list[str]) -> list:
    """What ``parse_sentence`` gives for each sentence: its result, or the class and
    message of the error it raises."""
    out = []
    for text in sentences:
        try:
            out.append(instructions.parse_sentence(text, line=3, column=5, source="act"))
        except (ConsolidatorError, UnexpectedInput) as exc:
            out.append((type(exc).__name__, str(exc)))
    return out


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("mutations", [0, 800])
def test_shapes_read_every_sentence_as_the_reducers_do(monkeypatch, mutations, tier):
    """With the real builder: the same instructions, the same errors at the same columns,
    the same failing rule, for sentences whose shapes are planned or compiled and run
    twice."""
    sentences = mutated(SENTENCES, mutations, 11, ["«", "»", ",", "en", "vervalt", ":"]) \
        if mutations else SENTENCES
    parser = instructions._one_pass_parser()
    _set_tier(monkeypatch, ONE_BY_ONE)
    parser.forget()
    one_by_one = _readings(sentences)
    _set_tier(monkeypatch, TIERS[tier])
    parser.forget()
    shaped = _readings(sentences)
    again = _readings(sentences)
    parser.forget()
    assert shaped == one_by_one
    assert again == one_by_one


class _FailingBuilder(_TreeBuilder):
    """A builder whose method for «art_one» fails."""

    def art_one(self, meta, children):
        raise ValueError(f"no article {children[0]}")


@pytest.mark.parametrize("thresholds", [*TIERS.values(), ONE_BY_ONE])
def test_a_failing_method_is_kept_with_its_rule(monkeypatch, thresholds):
    _set_tier(monkeypatch, thresholds)
    builder = _FailingBuilder()
    parser = onepass.OnePassParser(grammars.grammar_parser(), builder)
    for _ in range(2):  # planned or compiled when first met, run so the second time
        builder.failure = None
        parser.parse("In artikel 12 wordt «a» vervangen door «b»")
        rule, exc = builder.failure
        assert rule == "art_one" and isinstance(exc, ValueError)
        assert str(exc) == "no article 12"


@pytest.mark.parametrize("tier", TIERS)
def test_a_fault_outside_the_builder_s_methods_is_raised_not_kept(monkeypatch, tier):
    """Only a builder method's exception is the sentence's failure; one from the shape's
    own steps (here: the ``Tree`` it makes for a rule with no method) is a fault of the
    parser and goes up."""
    _set_tier(monkeypatch, TIERS[tier])
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())

    def broken_tree(*args):
        raise TypeError("broken")

    monkeypatch.setattr(shapecode if tier == "compiled" else shapeplan, "Tree", broken_tree)
    with pytest.raises(TypeError, match="broken"):
        parser.parse("In artikel 12 wordt «a» vervangen door «b»")
    assert parser.builder.failure is None


def test_a_shape_is_planned_then_compiled_when_met_so_often_and_only_in_the_trie(monkeypatch):
    parser = _tree_parser(monkeypatch, 4, plan_at=2)
    text = "In artikel 12 wordt «a» vervangen door «b»"
    expected_tree = grammars.grammar_parser().parse(text)
    for planned, compiled in ((False, 0), (True, 0), (True, 0), (True, 1), (True, 1)):
        assert parser.parse(text).value == expected_tree
        node = parser.root
        for kind in _KINDS:
            node = node.edges[kind]
        assert (node.shape is not None, parser.shapes) == (planned, compiled)
        assert node.compiled == bool(compiled)
    full = _tree_parser(monkeypatch, 1)
    monkeypatch.setattr(onepass, "_TRIE_NODES", 3)  # the sentence's path does not fit
    full.forget()
    for _ in range(3):
        assert full.parse(text).value == grammars.grammar_parser().parse(text)
    assert full.shapes == 0


#: the kinds of the tokens of «In artikel 12 wordt «a» vervangen door «b»»
_KINDS = ("_IN", "_ARTIKEL", "ARTNUM", "_WORDT", "QUOTED", "_VERVANGEN", "_DOOR", "QUOTED")


def test_no_more_shapes_are_compiled_than_there_is_room_for(monkeypatch):
    parser = _tree_parser(monkeypatch, 1)
    monkeypatch.setattr(onepass, "_SHAPES", 5)
    lark = grammars.grammar_parser()
    for text in HEADS[:100]:
        try:
            expected = lark.parse(text)
        except UnexpectedInput:
            continue
        assert parser.parse(text).value == expected, text
    assert parser.shapes == 5


class _Columns:
    def reads(self, meta, children):
        return meta.column

    def ignores(self, meta, children):
        return children

    def captures(self, meta, children):
        return lambda: meta


def test_only_a_method_that_never_loads_its_columns_is_given_none():
    columns = _Columns()
    assert shapecode.reads_meta(columns.reads)
    assert not shapecode.reads_meta(columns.ignores)
    assert shapecode.reads_meta(columns.captures)
    assert not shapecode.reads_meta(lambda meta, children: children)
    assert shapecode.reads_meta(lambda meta, children: (meta, children))
    assert shapecode.reads_meta(print)  # no code to look into: given its columns
    assert shapecode.reads_meta(lambda meta, children: print(children, meta))


def test_an_instruction_that_names_the_columns_in_a_pair_reads_them():
    """Python 3.13 loads two locals in one instruction («LOAD_FAST_LOAD_FAST», its argument
    the pair of names): a method that passes its columns on that way reads them. (Missed,
    a plan or a compiled shape gave it None for columns: on 3.13 such methods failed from
    a shape's third meeting on.) Held here whatever Python runs the suite."""
    assert shapecode._names(("children", "meta"), "meta")
    assert shapecode._names("meta", "meta")
    assert not shapecode._names(("children", "text"), "meta")
    assert not shapecode._names(None, "meta")


@pytest.mark.parametrize("tier", TIERS)
def test_a_shape_makes_only_the_tokens_it_reads(monkeypatch, tier):
    """«In», «artikel», «wordt», «vervangen door» are dropped by the grammar: their columns
    come from where they stand, no token is made for them; the number and the quoted
    words the builder reads are made."""
    _set_tier(monkeypatch, TIERS[tier])
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())
    parser.parse("In artikel 12 wordt «a» vervangen door «b»")
    node = parser.root
    for kind in _KINDS:
        node = node.edges[kind]
    if tier == "compiled":
        made = node.shape.source.count("_tok(")
    else:
        made = len(node.shape.plan[0])
    assert made == 3  # ARTNUM and the two QUOTED
