"""The apply engine's shortcuts held to the general way they stand for: each answers what
a plain walk over the tree answers, for trees of every shape (elements removed from the
tree, owners above the root, roots of other tags)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply import postwords as P
from consolidator.apply import resolve as R
from consolidator.apply.workspace import _owner_in, history_owner
from consolidator.law.elements import al_text, collapsed, is_repealed

_TAGS = ["toestand", "wettekst", "hoofdstuk", "artikel", "lid", "al", "lijst", "li", "kop",
         "officiele-inhoudsopgave", "paragraaf"]


@st.composite
def _trees(draw):
    """A random tree of law tags, one element of it taken as the root of the «tree», and
    some of its elements removed (kept aside, as an instruction that removes one does)."""
    root = etree.Element(draw(st.sampled_from(_TAGS)))
    nodes = [root]
    for _ in range(draw(st.integers(0, 14))):
        parent = draw(st.sampled_from(nodes))
        nodes.append(etree.SubElement(parent, draw(st.sampled_from(_TAGS))))
    removed = []
    for node in draw(st.lists(st.sampled_from(nodes[1:]), max_size=2)) if len(nodes) > 1 else []:
        if node.getparent() is not None:
            node.getparent().remove(node)
            removed.append(node)
    top = draw(st.sampled_from(nodes))
    return nodes, top


def _within_by_walk(el, root) -> bool:
    """Whether root is el or above it."""
    return el is root or any(a is root for a in el.iterancestors())


def _owner_by_walk(el, root):
    """The owner as a walk from el up to the root finds it (None when the root is not
    above el, or no owner stands at or below the root)."""
    for node in [el, *el.iterancestors()]:
        if history_owner(node) is node:
            return node if _within_by_walk(el, root) else None
        if node is root:
            return None
    return None


@settings(max_examples=300, deadline=None)
@given(_trees())
def test_owner_in_is_the_walk_up(tree):
    nodes, root = tree
    for el in nodes:
        assert _owner_in(el, root) is _owner_by_walk(el, root)


_CHILDREN = st.sampled_from([
    "<kop><nr>1</nr></kop>", "<lidnr>1</lidnr>", "<li.nr>a.</li.nr>", "<meta-data/>",
    "<al>tekst</al>", "<al/>", "<al><redactie type=\"vervanging\">Vervallen.</redactie></al>",
    "<al><redactie type=\"vervanging\">vervallen;</redactie></al>",
    "<al><redactie type=\"vervanging\">Vervallen</redactie><noot>1</noot></al>",
    "<al><redactie type=\"vervanging\">Vervallen en zo</redactie></al>",
    "<al><redactie type=\"wijziging\">Vervallen.</redactie></al>",
    "<al>Vervallen.</al>", "<lid><lidnr>2</lidnr><al>x</al></lid>", "<lijst><li/></lijst>",
    "<al> <redactie type=\"vervanging\">Vervallen.</redactie></al>",
    "<al><redactie type=\"vervanging\">Vervallen</redactie>.</al>",
    "<al><redactie type=\"vervanging\">Vervallen</redactie> en meer</al>",
    "<al>Niet <redactie type=\"vervanging\">vervallen;</redactie></al>",
    "<al><redactie type=\"vervanging\"><i>Vervallen</i>.</redactie></al>",
    "<al><redactie type=\"vervanging\"> Vervallen. </redactie></al>",
    "<al><redactie type=\"vervanging\"/></al>",
    "<!-- c -->"])


def _repealed_by_definition(el) -> bool:
    """«vervallen»: the status says so, or (an artikel, lid or li) its one child besides
    its kop, number and metadata is an al holding a redactie of type vervanging whose
    text is «Vervallen», «Vervallen.» or «vervallen;»."""
    if el.get("status") == "vervallen":
        return True
    if el.tag not in ("artikel", "lid", "li"):
        return False
    content = [c for c in el if c.tag not in ("lidnr", "li.nr", "kop", "meta-data")]
    if len(content) != 1 or content[0].tag != "al":
        return False
    redactie = content[0].find("redactie")
    return redactie is not None and redactie.get("type") == "vervanging" and \
        al_text(content[0]).lower() in ("vervallen", "vervallen.", "vervallen;")


@settings(max_examples=500, deadline=None)
@given(tag=st.sampled_from(["artikel", "lid", "li", "hoofdstuk"]),
       children=st.lists(_CHILDREN, max_size=4), status=st.sampled_from(["", "vervallen", "x"]))
def test_is_repealed_is_the_definition(tag, children, status):
    attribute = f' status="{status}"' if status else ""
    el = etree.fromstring(f"<{tag}{attribute}>{''.join(children)}</{tag}>")
    assert is_repealed(el) == _repealed_by_definition(el)


def _spliced_by_parts(before, spans, new, after) -> bool:
    """``postwords.spliced`` as first written: the parts between the spans listed, then
    each found in ``after`` in turn with the new words between."""
    starts = [0] + [e for _, e in spans]
    ends = [s for s, _ in spans] + [len(before)]
    parts = [before[a:b] for a, b in zip(starts, ends)]
    cursor, last = 0, len(parts) - 1
    want = P.core(new)
    for index, part in enumerate(parts):
        piece = part if index == 0 else part.lstrip()
        if index < last:
            piece = piece.rstrip().rstrip(",").rstrip()
        if index == 0:
            if not after.startswith(piece):
                return False
            cursor = len(piece)
            continue
        at = P._next_part(after, piece, cursor, want, index == last)
        if at is None:
            return False
        cursor = at + len(piece)
    return True


_WORDS = st.text(alphabet="ab ,.;", max_size=12)


@settings(max_examples=500, deadline=None)
@given(before=_WORDS, cuts=st.lists(st.integers(0, 12), max_size=4), new=_WORDS, after=_WORDS,
       data=st.data())
def test_spliced_reads_the_parts_as_the_list_of_them_does(before, cuts, new, after, data):
    points = sorted(min(c, len(before)) for c in cuts)
    spans = list(zip(points[0::2], points[1::2]))
    if data.draw(st.booleans()):  # mostly the edit itself, so that «True» is tried too
        after = before
        for s, e in reversed(spans):
            after = after[:s] + new + after[e:]
    assert P.spliced(before, spans, new, after) == _spliced_by_parts(before, spans, new, after)


_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # every kind split() takes


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab.,«é" + _SPACES), max_size=20)
       | st.lists(st.sampled_from(["ab", "c.", "é", " ", "  ", "\n", "\t", "\x1f", "\x85",
                                   "\xa0", "\u2003"]), max_size=8).map("".join))
def test_collapsed_is_joining_the_split_words(text):
    """The shortcut for a text of single spaces gives what joining its words gives, for
    every white space character str.split() knows."""
    assert collapsed(text) == " ".join(text.split())


def test_every_ascii_white_space_character_is_tested_by_collapsed():
    """The ASCII characters str.split() splits at are the space and those collapsed
    looks for: a new one would slip through the shortcut."""
    ascii_spaces = [c for c in map(chr, range(128)) if c.isspace()]
    assert all(collapsed(f"a{c}b") == "a b" for c in ascii_spaces)


def _same_number_by_value(a: str, b: str) -> bool:
    """What ``resolve._same_number`` says of two decimal numbers: equal as integers."""
    return int(a) == int(b)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123٠١٢٣", min_size=1, max_size=4),
       st.text(alphabet="0123٠١٢٣", min_size=1, max_size=4))
def test_same_number_of_decimals_is_equality_of_their_values(a, b):
    """Two plain numbers without a leading zero are told apart by their spelling alone;
    «03», «3» and «٣» still by their value."""
    assert R._same_number(a, b) == _same_number_by_value(a, b)


def _lid_by_filter(artikel, number: str):
    """The first lid whose number is ``number``, found through lxml's tag filter."""
    for el in artikel.iterchildren("lid"):
        if R._same_number(R.lid_number(el), number):
            return el
    return None


@settings(max_examples=500, deadline=None)
@given(children=st.lists(st.sampled_from(["lid", "kop", "comment", "pi", "al", "meta-data"]),
                         max_size=8),
       numbers=st.lists(st.sampled_from(["1", "2", "2a", "II", "01", ""]), min_size=8,
                        max_size=8),
       wanted=st.sampled_from(["1", "2", "2a", "ii", "3"]))
def test_lid_found_by_reading_the_children_is_the_tag_filters(children, numbers, wanted):
    artikel = etree.Element("artikel")
    for kind, number in zip(children, numbers):
        if kind == "comment":
            artikel.append(etree.Comment("lid"))
        elif kind == "pi":
            artikel.append(etree.ProcessingInstruction("lid"))
        else:
            el = etree.SubElement(artikel, kind)
            if number:
                etree.SubElement(el, "lidnr").text = number
    target = R.Target("artikel", artikel, "artikel 1")
    expected = _lid_by_filter(artikel, wanted)
    step = R.Step("lid", wanted)
    if expected is None:
        with pytest.raises(R.TargetNotFound):
            R._lid(None, target, step)
    else:
        assert R._lid(None, target, step).element is expected
