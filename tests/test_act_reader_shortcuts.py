"""The shortcuts of the act reader's structure (issue 17, point 4) held to the general way
they stand for: each test fails when its shortcut is broken."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.read.payload import _split_at_colons, split_payloads

# pieces of sentences: quotes of every kind (closed and not), colons, full stops, spaces
_PIECES = st.sampled_from(
    ["In artikel 5 wordt ", "«a»", "«", "»", "‘b’", "‘", "’", "“c”", '"', "„d”", ":", ": ",
     " vervangen door", " en wordt «x» vervangen door: y", ".", " ", "\t", "wordt", "x"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
@example("In artikel 5 wordt «a:» vervangen door:")
@example("«:")
@example(":")
@example("wordt: «a» vervangen door:")
def test_a_sentence_whose_only_colon_ends_it_is_split_as_the_general_way_splits_it(text):
    """``split_payloads`` gives a text whose first colon is its last character as it is,
    without finding its quotes: what the general way (``_split_at_colons``) gives."""
    text = text + ":" if ":" not in text else text
    assert split_payloads(text) == _split_at_colons(text, text.find(":"))
