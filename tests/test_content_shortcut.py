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
