"""The word engine's shortcuts held to the general way they stand for: each gives what the
general way gives, for texts of every shape (marks, brackets and white space at the seams,
empty sides, empty new words)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consolidator.apply import textedit as T


def _replace_by_joining(text: str, start: int, end: int, new: str) -> T.Edit:
    """``textedit.replace`` as first written: the whole text joined at both seams, then cut
    back to the edit."""
    lo = len(text[:start].rstrip())
    hi = len(text) - len(text[end:].lstrip())
    left, right = text[:lo], text[hi:]
    joined = T._join(left, T.normalize(new), right)
    head = joined[:len(joined) - len(right)]
    keep = T._common_prefix(left, head)
    return T.Edit(keep, hi, head[keep:])


_PIECES = st.sampled_from(["de", "school", "a", ",", ".", ";", ":", "(", ")", "!", "?", "-",
                           "é", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "( ", " ,"])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _TEXT, st.data())
def test_replace_is_the_text_joined_at_both_seams(text, new, data):
    """The seams written directly (words on both sides) give the edit that joining the
    whole text gives, and so does every other seam, left to the general way."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert T.replace(text, start, end, new) == _replace_by_joining(text, start, end, new)
    assert T.insert(text, start, new) == _replace_by_joining(text, start, start, new)
    assert T.delete(text, start, end) == _replace_by_joining(text, start, end, "")


_CONTENT = st.lists(st.sampled_from(["tekst", "<noot>1</noot>", "<!-- c -->", "<?pi x?>",
                                     "<redactie type=\"wijziging\">oud</redactie>", " en "]),
                    max_size=4).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CONTENT, st.text(alphabet="ab ,.", max_size=8))
def test_an_edit_writes_what_set_text_writes(content, new):
    """``Workspace.edit`` sets the text of an element without children itself; with
    children (markup, a comment, a processing instruction) or without, the element ends
    as ``set_text`` leaves it."""
    from lxml import etree

    from consolidator.apply.workspace import Workspace
    from consolidator.law.elements import set_text

    el = etree.fromstring(f"<lid><al>{content}</al>staart</lid>")[0]
    twin = etree.fromstring(f"<lid><al>{content}</al>staart</lid>")[0]
    ws = Workspace(el.getroottree(), "", None)
    text = ws.text(el)
    ws.edit(el, T.Edit(0, len(text), new), text)
    set_text(twin, new)
    assert etree.tostring(el.getparent()) == etree.tostring(twin.getparent())
