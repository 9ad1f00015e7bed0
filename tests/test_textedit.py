"""textedit: whole-word matching and tidy spacing after edits."""
from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from consolidator.apply import textedit as T


def edited(text, edit):
    return T.splice(text, edit)


# ------------------------------------------------------------------ matching

def test_whole_words_only():
    text = "de scholen en de school"
    assert T.find(text, "school") == [(17, 23)]
    assert T.find(text, "schol") == []


def test_punctuation_edges_match_literally():
    text = "bedoeld in artikel 93, eerste lid, betrekking"
    assert T.find(text, ", eerste lid") == [(21, 33)]
    assert T.find("het jaar plaatsvindt, en", "plaatsvindt,") == [(9, 21)]


# find() matches without compiling a regex per quote, for speed; pattern() is the rule
_PIECES = st.sampled_from(["de", "school", "scholen", "a", "1°", ",", ".", "(", ")", "-", "é",
                           " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "_", "2"])
_PIECE_TEXT = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PIECE_TEXT, _PIECE_TEXT, st.data())
def test_find_finds_what_the_quote_pattern_finds(text, words, data):
    assume(words.split())
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    expected = [(m.start(), m.end()) for m in T.pattern(words).finditer(text, lo, hi)]
    assert T.find(text, words, lo, hi) == expected


def test_whitespace_in_quote_matches_any_run():
    assert T.find("een  bijzondere\tschool", "een bijzondere school") == [(0, 22)]


def test_window_limits_matches():
    text = "school. school. school."
    assert T.find(text, "school", 8, 15) == [(8, 14)]


def test_anchored_words():
    text = "artikel 93, eerste lid en artikel 94, eerste lid"
    assert T.find_anchored(text, "artikel 93,", "eerste lid", "after") == [(12, 22)]
    assert T.find_anchored(text, "en", "eerste lid", "before") == [(12, 22)]


def test_context_snippet_marks_the_match():
    assert T.context("aaa bbb ccc", 4, 7, width=2) == "…a [bbb] c…"


def test_punctuation_positions_skip_numbers():
    assert T.punctuation_positions("artikel 8:2 luidt: zo", ":") == [17]


# ------------------------------------------------------------------ edits

def test_insert_after_word_before_comma_text():
    text = "de bekostiging plaatsvindt, waarbij"
    start, end = T.find(text, "plaatsvindt")[0]
    assert edited(text, T.insert(text, end, ", verhoogd met 3%")) == \
        "de bekostiging plaatsvindt, verhoogd met 3%, waarbij"


def test_insert_after_quote_ending_in_comma():
    text = "de bekostiging plaatsvindt, waarbij"
    start, end = T.find(text, "plaatsvindt,")[0]
    assert edited(text, T.insert(text, end, "welk aantal, ")) == \
        "de bekostiging plaatsvindt, welk aantal, waarbij"


def test_delete_leaves_one_space_and_no_space_before_comma():
    text = "een bijzondere school, of"
    s, e = T.find(text, "bijzondere")[0]
    assert edited(text, T.delete(text, s, e)) == "een school, of"
    s, e = T.find(text, "school")[0]
    assert edited(text, T.delete(text, s, e)) == "een bijzondere, of"


def test_delete_drops_a_doubled_comma():
    text = "artikel 93, eerste lid, betrekking"
    s, e = T.find_anchored(text, "artikel 93,", "eerste lid", "after")[0]
    assert edited(text, T.delete(text, s, e)) == "artikel 93, betrekking"


def test_delete_comma_before_full_stop():
    text = "bedoeld in artikel 93, eerste lid."
    s, e = T.find(text, "eerste lid")[0]
    assert edited(text, T.delete(text, s, e)) == "bedoeld in artikel 93."


def test_replace_at_start_and_end():
    text = "Uitgaven worden vergoed."
    assert edited(text, T.replace(text, 0, 8, "Kosten")) == "Kosten worden vergoed."
    assert edited(text, T.delete(text, 0, 8)) == "worden vergoed."
    assert T.end_position(text) == len(text) - 1


def test_no_space_after_opening_parenthesis():
    text = "(zie artikel 2)"
    s, e = T.find(text, "zie")[0]
    assert edited(text, T.delete(text, s, e)) == "(artikel 2)"


# ------------------------------------------------------------------ properties

WORD = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
PUNCT = st.sampled_from(["", ",", ";", ":", "."])
TOKEN = st.tuples(WORD, PUNCT).map(lambda t: t[0] + t[1])
TEXT = st.lists(TOKEN, min_size=1, max_size=12).map(" ".join)
NEW = st.lists(st.one_of(TOKEN, st.sampled_from([",", ", en", "(x)"])), max_size=4).map(" ".join)


def tidy(text: str) -> bool:
    return ("  " not in text and text == text.strip()
            and not re.search(r" [,;:.)]", text) and "( " not in text
            and ",," not in text and ",." not in text)


@settings(max_examples=300)
@given(TEXT, st.data(), NEW)
def test_edits_keep_spacing_tidy(text, data, new):
    assume(tidy(T.normalize(new)))  # the act's own new words are assumed well formed
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    # edits happen at word boundaries in practice: snap to them
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = (text.find(" ", end) if text.find(" ", end) >= 0 else len(text)) if end else 0
    end = max(end, start)
    result = edited(text, T.replace(text, start, end, new))
    assert tidy(result), (text, start, end, new, result)


@settings(max_examples=200)
@given(TEXT, st.data(), TEXT)
def test_insert_keeps_all_words(text, data, new):
    positions = [0] + [m.end() for m in re.finditer(r"\S+", text)]
    at = data.draw(st.sampled_from(positions))
    assume(tidy(T.normalize(new)))
    result = edited(text, T.insert(text, at, new))
    assert re.findall(r"\w+", result) == (re.findall(r"\w+", text[:at]) + re.findall(r"\w+", new)
                                          + re.findall(r"\w+", text[at:]))
    assert tidy(result)


def test_word_character_test_is_what_the_regex_w_matches_everywhere():
    """find() tests word edges with str.isalnum instead of a regex: the same answer for
    every code point, or quoted words would match (or miss) at other edges."""
    import re
    import sys
    from consolidator.apply.textedit import _is_word_char
    word = re.compile(r"\w")
    assert all((word.match(c) is not None) == _is_word_char(c)
               for c in map(chr, range(sys.maxunicode + 1)))
