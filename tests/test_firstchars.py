"""read/firstchars.py: the characters a pattern can start with — a superset, or None. The
one-pass lexer narrows Lark's union of terminals per first character on it, so a set that
missed a character would change a token (tests/test_one_pass_parser.py holds the lexer to
Lark on every corpus sentence)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consolidator.read.firstchars import NON_ASCII, char_run, first_chars
from consolidator.read.grammars import grammar_parser


_ASCII_SPACES = {c for c in map(chr, range(128)) if re.fullmatch(r"\s", c)}


@pytest.mark.parametrize("pattern, expected", [
    ("wordt", {"w"}),
    ("(?i:wordt)|vervalt", {"w", "W", "v"}),
    ("[a-c]x|«[^»]*»", {"a", "b", "c", "«"}),
    ("(?=van )v", {"v"}),
    (",?\\s*en", {",", "e", NON_ASCII} | _ASCII_SPACES),  # \s: its ASCII ones, and more
    ("\\d+x", set("0123456789") | {NON_ASCII}),
    ("\\W", None),                 # a class beyond what is listed: any character
    ("(telkens)?x", {"t", "x"}),    # an optional part lets the next one start
    ("a*", None),                   # matches the empty string
    ("[^»]", None),
])
def test_first_chars(pattern, expected):
    found = first_chars(pattern)
    assert (set(found) if found is not None else None) == expected


def test_every_grammar_terminal_starts_only_with_what_it_says():
    """For each terminal of the instruction grammar: a match found anywhere in sample text
    starts with a character of its set (or the set is None)."""
    sample = ("In artikel 5, eerste lid, onder a, wordt «een» telkens vervangen door: twee. "
              "Het Besluit van 1 januari 2020 (Stb. 2020, 12) wordt ingetrokken. Na punt 1. "
              "Lid 6 van artikel 652, onderdeel G.3, de begripsbepaling van transmissiesysteem; "
              "Voorts komt in het voorgestelde zevende lid (nieuw) de tweede volzin te luiden: "
              "‘€ 1,00’ “x” 13 artikelen, vier onderdelen, In de alfabetische volgorde")
    for terminal in grammar_parser().terminals:
        regexp = terminal.pattern.to_regexp()
        first = first_chars(regexp)
        if first is None:
            continue
        for start in range(len(sample)):
            match = re.compile(regexp).match(sample, start)
            if match and match.end() > start:
                char = sample[start]
                assert char in first or (not char.isascii() and NON_ASCII in first), \
                    (terminal.name, sample[start:start + 20])


@pytest.mark.parametrize("pattern, expected", [
    ("(?=[A-Z])[^:]+", set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),  # the look-ahead decides
    ("(?!De\\b)(?=[A-C]|x)[^:]+", {"A", "B", "C", "x"}),
    ("(?=a)(?=[ab])[^:]", {"a"}),                          # both look-aheads hold
    ("x?(?=a)[^:]", None),                                 # not at the start: any
    ("(?=a?)[^:]", None),                                  # a look-ahead that may be empty
    ("(?<=a)b", {"b"}),                                    # a look-behind says nothing
    ("(?=a)b*", None),                                     # the match may be empty
    ("(?=[é\\d])\\w+", {"é", NON_ASCII} | set("0123456789")),  # «é» is beyond ASCII, in \\w
])
def test_a_look_ahead_at_the_start_limits_the_first_characters(pattern, expected):
    found = first_chars(pattern)
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize("pattern, flags, expected", [
    ("(?:[ \t\f\r\n])+", 0, {" ", "\t", "\f", "\r", "\n"}),  # Lark's WS
    ("[ \t]+", 0, {" ", "\t"}),
    ("x+", 0, {"x"}),
    ("[ \t]+", re.IGNORECASE, {" ", "\t"}),
    ("[ab]+", re.IGNORECASE, None),  # case folding would add «A», «B»
    ("\\s+", 0, None),               # a class: more than its ASCII characters
    ("[a-z]+", 0, None),             # a range
    ("[^ ]+", 0, None),
    ("[ \t]*", 0, None),             # may be empty
    ("[ \t]+?", 0, None),            # lazy: the shortest run
    ("[ \t]{1,3}", 0, None),
    ("(?:[ ]+)+", 0, None),
    (" +x", 0, None),
    ("é+", 0, None),
])
def test_char_run(pattern, flags, expected):
    assert char_run(pattern, flags) == (frozenset(expected) if expected is not None else None)


@given(st.text(alphabet=" \t\f\r\nax\u00a0", min_size=1, max_size=12),
       st.sampled_from(["(?:[ \t\f\r\n])+", "[ \t]+", "x+"]))
def test_a_run_skipped_a_character_at_a_time_ends_where_the_match_ends(text, pattern):
    run = char_run(pattern)
    match = re.compile(pattern).match(text)
    if text[0] not in run:
        assert match is None
        return
    end = 1
    while end < len(text) and text[end] in run:
        end += 1
    assert match is not None and match.end() == end
