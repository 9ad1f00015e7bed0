"""Marking's shortcuts held to the general way: a repeal's text copied from a template and
its element's tag read once (``history.mark_repealed``) against the repeal as it was written
before (a new al and redactie, the kept children listed again, the tag read each time)."""
from __future__ import annotations

import datetime as _dt

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.law import history as H
from consolidator.law.elements import HAS_STATUS, is_heading, is_repealed


def _general_replace_content(el, keep: tuple, words: str) -> None:
    for child in list(el):
        if child.tag not in keep:
            el.remove(child)
    al = el.makeelement("al")
    etree.SubElement(al, "redactie", type="vervanging").text = words
    kept = [c for c in el if c.tag in keep and c.tag != "meta-data"]
    el.insert(len(kept), al)


def _general_mark_repealed(el, date, source: str) -> None:
    if date is not None:
        H._log(el, date, source, "vervallen")
    if is_heading(el):
        for artikel in el.iter("artikel"):
            if not is_repealed(artikel):
                _general_mark_repealed(artikel, date, source)
    elif el.tag == "artikel":
        _general_replace_content(el, ("kop", "meta-data"), "Vervallen")
    elif el.tag in ("lid", "li"):
        words = "Vervallen." if el.tag == "lid" else "vervallen;"
        _general_replace_content(el, ("lidnr", "li.nr", "meta-data"), words)
    if el.tag in H._STAMPABLE:
        H._stamp(el, date, source, "vervallen")
    if el.tag in HAS_STATUS:
        el.set("status", "vervallen")


_CHILD = st.sampled_from(["kop", "meta-data", "lidnr", "li.nr", "al", "lid", "lijst", "li",
                          "artikel", "tussenkop", "comment", "pi"])
_TAG = st.sampled_from(["artikel", "lid", "li", "hoofdstuk", "paragraaf", "titeldeel", "al",
                        "wettekst", "bijlage", "citeertitel"])
_SHAPE = st.recursive(
    st.tuples(_CHILD, st.sampled_from([None, "", " ", "\n  "]), st.just([])),
    lambda inner: st.tuples(_CHILD, st.sampled_from([None, " ", "tekst"]),
                            st.lists(inner, max_size=4)),
    max_leaves=14)


def _build(parent, shape) -> None:
    tag, tail, children = shape
    if tag == "comment":
        child = etree.Comment("c")
    elif tag == "pi":
        child = etree.ProcessingInstruction("p", "x")
    else:
        child = etree.Element(tag)
        if tag == "al":
            child.text = "Tekst."
    parent.append(child)
    child.tail = tail
    if not isinstance(child.tag, str):
        return
    for grandchild in children:
        _build(child, grandchild)


def _document(tag: str, shapes: list, status: bool):
    root = etree.Element("toestand")
    etree.SubElement(root, "bwb-wijzigingen")
    body = etree.SubElement(etree.SubElement(etree.SubElement(root, "wetgeving"),
                                             "wet-besluit"), "wettekst")
    el = etree.SubElement(body, tag)
    for shape in shapes:
        _build(el, shape)
    if status:
        for artikel in el.iter("artikel"):
            artikel.set("status", "vervallen")
    return root, el


@settings(max_examples=400, deadline=None)
@given(tag=_TAG, shapes=st.lists(_SHAPE, max_size=5), status=st.booleans(),
       date=st.sampled_from([None, _dt.date(2001, 1, 1)]), opened=st.booleans(),
       source=st.sampled_from(["", "Stb. 2001, 1, art. I, onderdeel A"]))
def test_a_repeal_is_the_repeal_written_the_general_way(tag, shapes, status, date, opened,
                                                        source):
    """Any element (an artikel, lid, li, heading or other) with any children (kept ones,
    meta-data, comments, tails, nested articles, some already repealed), repealed with or
    without a date, the change list open or not: the same bytes both ways."""
    results = []
    for repeal in (H.mark_repealed, _general_mark_repealed):
        root, el = _document(tag, shapes, status)
        with (H.ChangeList(root) if opened else _Closed()):
            repeal(el, date, source)
        results.append(etree.tostring(root))
    assert results[0] == results[1]


def test_a_repeal_text_is_a_new_element_each_time():
    """The template is copied, never put in a law itself; the copy has no line number."""
    root, el = _document("artikel", [("kop", None, [])], False)
    twin_root, twin = _document("artikel", [("kop", None, [])], False)
    H.mark_repealed(el, None, "")
    H.mark_repealed(twin, None, "")
    assert el[1] is not twin[1] and el[1].getparent() is el
    assert el[1].sourceline is None and el[1][0].sourceline is None
    assert all(t.getparent() is None for t in H._REPEAL_TEXTS.values())
    assert etree.tostring(el[1]) == b'<al><redactie type="vervanging">Vervallen</redactie></al>'


class _Closed:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None
