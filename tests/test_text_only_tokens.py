"""A colon read only as text by ``delete_payload``, ``intro_in`` and ``intro_law``, an
onderdeel's label by ``st_onderdeel`` and ``st_onder`` (marked ``base.text_only``): a
plan hands them its text, not a token
(``shapeplan``), and the sentence is what the reducers make of it, every field compared.
(tests/test_builder_fast_paths.py holds each marked method to give the same for a token's
text as for the token.)"""
from __future__ import annotations

import pytest

from consolidator.read.instructions import _one_pass_parser, parse_sentence
from tests.test_builder_fast_paths import _every_field

_SENTENCES = [
    # delete_words: _VERVALT … telkens COLON -> delete_payload
    ("In artikel 52a, tweede lid, vervalt: , afdeling 5, paragraaf 4,.", "delete_payload"),
    # _IN targets lawref? _WORDEN_AANGEBRACHT COLON -> intro_in
    ("In artikel 7 worden de volgende wijzigingen aangebracht:", "intro_in"),
    # regulation _WORDEN_AANGEBRACHT COLON -> intro_law
    ("In de Wet op het basisonderwijs worden de volgende wijzigingen aangebracht:",
     "intro_law"),
]


@pytest.mark.parametrize("text, method", _SENTENCES)
def test_a_plan_hands_a_colon_read_only_as_text_its_text(text, method):
    parser = _one_pass_parser()
    parser.forget()
    # the first readings reduction by reduction, then by the shape's plan
    readings = [_every_field(parse_sentence(text)) for _ in range(4)]
    assert readings[0] == readings[-1]
    head = next(line for line in parser.lexed if text.startswith(line))
    node = parser.lexed[head][0]
    assert node.shape is not None and hasattr(node.shape, "plan")
    tokens, _, calls, _, _ = node.shape.plan
    assert method in [getattr(call[0], "__name__", "") for call in calls]
    colon = head.rindex(":")
    spans = parser.lexed[head][1]
    given = {spans[start]: kind for kind, start, _ in tokens}
    assert colon in given and given[colon] is None  # the colon: given as text


@pytest.mark.parametrize("text, label", [
    ("In artikel 5, onderdeel b, wordt «een» vervangen door «twee».", "b"),  # st_onderdeel
    ("In artikel 5, onder b, wordt «een» vervangen door «twee».", "b"),  # st_onder
    ("In artikel 5, onderdeel b 1°, wordt «een» vervangen door «twee».", "b"),  # subitem
    ("In artikel 5, onderdeel b (oud), wordt «een» vervangen door «twee».", "b"),  # qualifier
])
def test_a_plan_hands_an_onderdeel_label_its_text(text, label):
    """«onderdeel b», «onder b»: the label is read only as text by ``st_onderdeel`` and
    ``st_onder``; the sentence is what the reducers make of it, every field compared."""
    parser = _one_pass_parser()
    parser.forget()
    readings = [_every_field(parse_sentence(text)) for _ in range(4)]
    assert readings[0] == readings[-1]
    node, spans = next(kept for line, kept in parser.lexed.items() if text.startswith(line))
    tokens, _, calls, _, _ = node.shape.plan
    assert {"st_onderdeel", "st_onder"} & {getattr(call[0], "__name__", "") for call in calls}
    at = text.index(f" {label}", text.index("onder")) + 1
    given = {spans[start]: kind for kind, start, _ in tokens}
    assert at in given and given[at] is None  # the label: given as text
