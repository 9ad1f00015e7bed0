"""The quick ways of read/payload.py held to the patterns they stand for: the colons that
may bring new text (``_next_colon``), and the next action after a payload (``_next_action``,
a search started where a match can start)."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.read.payload import _NEXT_ACTION_RE, _next_action, _next_colon

COLON_RE = re.compile(r":(?=\s|$)")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=": a\n\t\u00a0\u2028\u3000x.", max_size=30))
@example("a:\n")
@example(":")
def test_the_colons_are_those_the_pattern_finds(text):
    found, pos = [], _next_colon(text, 0)
    while pos >= 0:
        found.append(pos)
        pos = _next_colon(text, pos + 1)
    assert found == [m.start() for m in COLON_RE.finditer(text)]


fragments = st.sampled_from(
    [" en wordt ", " en worden ", " en vervalt ", "en wordt ", ",", " ", "  ", "\t", "\n", "x",
     "worden", "«a»", "‘b’", "“c”", "«", "in artikel 5 ", " in ", "vervangen door", " ingevoegd",
     " toegevoegd", " telkens", ":", " telkens:", "een", "ven "])


@settings(max_examples=600, deadline=None)
@given(st.lists(fragments, max_size=14).map("".join))
@example("a , en wordt «b» vervangen door: c")
@example("xen wordt «b» ingevoegd, en wordt «c» ingevoegd")
@example("a,  ,\ten vervalt :")
@example("worden wordt «a» toegevoegd")
def test_the_next_action_is_what_a_search_of_the_whole_payload_finds(rest):
    quick, full = _next_action(rest), _NEXT_ACTION_RE.search(rest)
    assert (quick and quick.span()) == (full and full.span())
