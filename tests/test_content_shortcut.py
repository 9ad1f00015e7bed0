"""``content_line`` takes a line whose first character no pattern of it can match for
plain text at once (read/content.py ``_plain_text``); held here to asking every pattern."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.read import content
from consolidator.read.content import content_line
from consolidator.read.paras import Para

# the starts every pattern of content_line looks for, and others
STARTS = ["Hoofdstuk", "HOOFDSTUK", "Titel", "TITEL", "Afdeling", "AFDELING", "Paragraaf",
          "PARAGRAAF", "§", "Artikel", "ARTIKEL", "1.", "12a.", "3°.", "4°", "a.", "aa)", "b)",
          "–", "—", "-", "•", "• 1.", "• b.", "٣.", "²", "De", "Het", "x", "Z", "«", "(", " "]

lines = st.builds(lambda start, rest: start + rest, st.sampled_from(STARTS),
                  st.text(alphabet=" .)°abAB12", max_size=12))


@settings(max_examples=500, deadline=None)
@given(lines, st.integers(0, 5))
@example("Paragraaf 3. Het toezicht", 0)
@example("٣. tekst", 0)
@example("b) tekst", 2)
def test_a_line_reads_as_when_every_pattern_is_asked(text, indent):
    raw = " " * indent + text
    para = Para(7, indent + 1, text.strip(), raw)
    if not para.text:
        return
    quick = content_line(para)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content, "_plain_text", lambda text: False)
        assert content_line(para) == quick


blocks = st.lists(st.tuples(lines, st.integers(0, 4)), min_size=1, max_size=6)


@settings(max_examples=400, deadline=None)
@given(blocks)
@example([("a. inrichting:", 0), ("een bedrijf", 0)])
@example([("b. een lijst:", 0), ("1. een lid", 0)])
def test_a_block_reads_as_when_its_items_are_always_looked_for(block):
    paras = [Para(n, indent + 1, text.strip(), " " * indent + text)
             for n, (text, indent) in enumerate(block, start=3) if text.strip()]
    if not paras:
        return

    def read():
        try:
            return content.content_lines(paras)
        except content.ContentAmbiguous as exc:
            return ("refused", exc.args[0], exc.para)

    quick = read()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content, "_has_items", lambda lines: True)
        assert read() == quick
