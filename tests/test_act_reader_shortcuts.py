"""The shortcuts of the act reader's structure (issue 17, point 4) held to the general way
they stand for: each test fails when its shortcut is broken."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.read.body import _SEMICOLON_CLOSER, closed_by_semicolon
from consolidator.read.content import _DOTTED_WORD_RE, _STOP_AFTER_MARK_RE, without_closing_stop
from consolidator.read.payload import _split_at_colons, split_payloads

# pieces of sentences: quotes of every kind (closed and not), colons, full stops, spaces
_PIECES = st.sampled_from(
    ["In artikel 5 wordt ", "«a»", "«", "»", "‘b’", "‘", "’", "“c”", '"', "„d”", ":", ": ",
     " vervangen door", " en wordt «x» vervangen door: y", ".", " ", "\t", "wordt", "x"])


@settings(max_examples=300, deadline=None)
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


def _closed_by_semicolon_generally(text: str) -> str:
    match = _SEMICOLON_CLOSER.search(text)
    return text[:match.start()] + "." if match else text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", ";", "; en", "; of", ";.", "en", "of", ".", "\t",
                                 "\n", ","]), max_size=8).map("".join))
@example("In artikel 5 wordt «a» vervangen door «b»; en")
@example("x;")
def test_a_sentence_without_a_semicolon_is_not_searched_for_one(text):
    """``closed_by_semicolon`` gives what its pattern gives, with or without a «;»."""
    assert closed_by_semicolon(text) == _closed_by_semicolon_generally(text)


def _without_closing_stop_generally(text: str, title: bool) -> str:
    stripped = text.rstrip()
    if _STOP_AFTER_MARK_RE.search(stripped):
        return stripped[:-1]
    if title and stripped.endswith(".") and not _DOTTED_WORD_RE.search(stripped):
        return stripped[:-1]
    return text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\t", ";", ":", ",", ".", "en", "of", "En", "b.",
                                 "V.B.O", "\n"]), max_size=8).map("".join), st.booleans())
@example("de school;.", False)
@example("a, of.", False)
@example("a;  en.", True)
@example(".", False)
def test_a_last_line_is_searched_for_its_mark_only_where_a_match_can_end(text, title):
    """``without_closing_stop`` gives what its patterns, searched anywhere, give."""
    assert without_closing_stop(text, title) == _without_closing_stop_generally(text, title)
