"""The shortcut for texts quoted with «» only (read/quotes.py ``only_guillemets``,
``in_guillemets``), held to the general way: the spans of the grammar's QUOTED terminal."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.read import payload, quotes
from consolidator.read.payload import _quoted, split_payloads

#: every mark the QUOTED terminal opens or closes a quote with
MARKS = set("«»“”‘’\"„")

texts = st.text(alphabet="«»«»«»“”‘’\"„:: aw.en", max_size=40)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("a «b: c» d: e")
@example("«a: b «c» d: e")
@example("a: «b")
@example("«a» b» c: d")
def test_a_position_is_inside_a_quote_as_the_quotes_say(text):
    assert quotes.only_guillemets(text) == (set(text) & MARKS <= {"«", "»"})
    if not quotes.only_guillemets(text):
        return
    spans = quotes.quote_spans(text, _quoted())
    for pos, char in enumerate(text):
        if char not in "«»":
            assert quotes.in_guillemets(text, pos) == any(s <= pos < e for s, e in spans), \
                (text, pos)


sentences = st.lists(st.sampled_from(
    ["In artikel 5", " wordt ", "«a: b»", "«c»", "‘d: e’", "“f”", " vervangen door", ":", ": ",
     " x", " en wordt ", " en vervalt ", " ingevoegd", ".", "«", "»", " telkens"]),
    max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_a_sentence_is_split_as_with_every_quote_found(text):
    split_payloads.cache_clear()
    quick = split_payloads(text)
    split_payloads.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(payload.quotes, "only_guillemets", lambda text: False)
        assert split_payloads(text) == quick
    split_payloads.cache_clear()
