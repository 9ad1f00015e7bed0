"""The artikel stamped once for several of its leden in one marking, held to marking
each one by one (the general way)."""
from __future__ import annotations

import datetime as _dt

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.law import history as H
from consolidator.law.elements import make_li, make_lid, make_lijst


def _document(articles: list[list[str]], repealed: list[bool]):
    """A toestand whose articles hold leden of the given numbers (some repealed), and
    every element of it that a marking may name."""
    root = etree.Element("toestand")
    etree.SubElement(root, "bwb-wijzigingen")
    body = etree.SubElement(etree.SubElement(etree.SubElement(root, "wetgeving"),
                                             "wet-besluit"), "wettekst")
    elements = []
    for at, (leden, gone) in enumerate(zip(articles, repealed)):
        artikel = etree.SubElement(body, "artikel")
        etree.SubElement(etree.SubElement(artikel, "kop"), "nr").text = str(at + 1)
        elements.append(artikel)
        for number in leden:
            lid = make_lid(number, ["Tekst."])
            artikel.append(lid)
            elements.append(lid)
            lijst = make_lijst([make_li("a.", "x;")])
            lid.append(lijst)
            elements.append(lijst[0])
        if gone:
            H.mark_repealed(artikel, None, "")
    return root, elements


@settings(max_examples=300, deadline=None)
@given(articles=st.lists(st.lists(st.sampled_from(["1", "2", "3"]), max_size=3),
                         min_size=1, max_size=3),
       data=st.data())
def test_marking_together_is_marking_one_by_one(articles, data):
    """The artikel not stamped again for its next lid is what stamping it again leaves:
    marks of several leden, items and articles, sources and effects, in one call, give the
    document that one call per mark gives."""
    repealed = data.draw(st.lists(st.booleans(), min_size=len(articles),
                                  max_size=len(articles)))
    date = data.draw(st.sampled_from([None, _dt.date(2001, 1, 1)]))
    together, elements = _document(articles, repealed)
    one_by_one, twins = _document(articles, repealed)
    picks = data.draw(st.lists(st.tuples(st.integers(0, len(elements) - 1),
                                         st.sampled_from(["Stb. 1, A", "Stb. 1, B"]),
                                         st.sampled_from(["wijziging", "nieuw"])),
                               max_size=6))
    H.ChangeList(together).mark_all([(elements[i], s, e) for i, s, e in picks], date)
    for i, source, effect in picks:
        H.ChangeList(one_by_one).mark_all([(twins[i], source, effect)], date)
    assert etree.tostring(together) == etree.tostring(one_by_one)


def test_an_artikel_is_stamped_once_for_its_leden_and_again_for_another_source():
    root, elements = _document([["1", "2"]], [False])
    artikel, lid1, lid2 = elements[0], elements[1], elements[3]
    H.ChangeList(root).mark_all([(lid1, "A", "wijziging"), (lid2, "A", "wijziging")], None)
    assert artikel.get("bron") == "A"
    H.ChangeList(root).mark_all([(lid1, "A", "wijziging"), (lid2, "B", "wijziging")], None)
    assert artikel.get("bron") == "B"
