"""Quick ways of the act reader held to the general ways they stand for: ``content.replaced``
to ``dataclasses.replace`` (every field of a content line, its span too, which takes no
part in equality)."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from consolidator.model import ContentLine, Span
from consolidator.read import content

words = st.text(alphabet="ab .:;°–1", max_size=8)
content_lines = st.builds(
    ContentLine, kind=st.sampled_from(["text", "lid", "item", "artikel", "heading"]),
    text=words, label=words, level=st.integers(0, 3), heading_kind=words,
    span=st.builds(Span, st.integers(0, 9), st.integers(0, 9), st.integers(0, 9),
                   st.integers(0, 9)))


def _fields(line: ContentLine) -> tuple:
    return tuple(getattr(line, f.name) for f in dataclasses.fields(line))


def test_replaced_names_every_field_of_a_content_line():
    """A field added to ContentLine must be added to ``content.replaced`` as well."""
    assert [f.name for f in dataclasses.fields(ContentLine)] == [
        "kind", "text", "label", "level", "heading_kind", "span"]


@settings(max_examples=300, deadline=None)
@given(content_lines, words, st.integers(0, 3))
def test_replaced_is_dataclasses_replace(line, text, level):
    quick = content.replaced(line, text, level)
    assert type(quick) is ContentLine
    assert _fields(quick) == _fields(dataclasses.replace(line, text=text, level=level))
