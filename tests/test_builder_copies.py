"""The element builders (``make_artikel``, ``make_lid``, ``make_al``, ``make_li``,
``make_lijst``) copy skeletons made once instead of making each element anew: held here
to the general way, the elements made one by one as before, for any numbers and texts
(those lxml refuses too: the same error)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.law import elements as E

# any text, the characters XML refuses and an empty one among them
TEXTS = st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=12) | st.sampled_from(
    ["", "1", "2a", "Artikel", " a ", "\x00", "x\x01y", "é"])


def general_artikel(nr, titel=""):
    el = etree.Element("artikel")
    E._kop(el, "Artikel", nr, titel)  # the general way of a kop
    return el


def general_lid(nr, texts=()):
    el = etree.Element("lid")
    etree.SubElement(el, "lidnr").text = nr
    for text in texts:
        etree.SubElement(el, "al").text = text
    return el


def general_al(text):
    el = etree.Element("al")
    el.text = text
    return el


def general_li(label, text=""):
    el = etree.Element("li")
    etree.SubElement(el, "li.nr").text = label
    etree.SubElement(el, "al").text = text
    return el


def general_lijst(items=()):
    el = etree.Element("lijst", type="expliciet")
    for item in items:
        el.append(item)
    return el


def outcome(build, *args):
    """What a builder gives: the element's XML, whether it stands alone and has no line
    number, or the error it raised."""
    try:
        el = build(*args)
    except Exception as exc:  # noqa: BLE001 (compared: the same type and message)
        return ("error", type(exc), str(exc))
    return (etree.tostring(el), el.getparent() is None, el.sourceline,
            el.getroottree().getroot() is el)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_artikel_as_made_anew(nr, titel):
    assert outcome(E.make_artikel, nr, titel) == outcome(general_artikel, nr, titel)
    assert outcome(E.make_artikel, nr) == outcome(general_artikel, nr)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(TEXTS, max_size=3), st.booleans())
def test_lid_as_made_anew(nr, texts, as_tuple):
    given_texts = tuple(texts) if as_tuple else texts
    assert outcome(E.make_lid, nr, given_texts) == outcome(general_lid, nr, texts)
    assert outcome(E.make_lid, nr, iter(texts)) == outcome(general_lid, nr, texts)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_al_li_lijst_as_made_anew(label, text):
    assert outcome(E.make_al, text) == outcome(general_al, text)
    assert outcome(E.make_li, label, text) == outcome(general_li, label, text)
    items = [general_li("a.", "x"), general_li("b.", "y")]
    assert outcome(E.make_lijst, [general_li("a.", "x"), general_li("b.", "y")]) == \
        outcome(general_lijst, items)
    assert outcome(E.make_lijst) == outcome(general_lijst)


def test_each_copy_its_own():
    """A copy changed (as the apply changes what it inserts) leaves the next one new."""
    first = E.make_lid("1", ["een"])
    first.set("id", "cons-1")
    first[1].text = "anders"
    etree.SubElement(first, "al").text = "meer"
    artikel = E.make_artikel("3", "Titel")
    artikel[0][1].text = "4"
    artikel.append(first)
    assert etree.tostring(E.make_lid("2", ["twee"])) == \
        b"<lid><lidnr>2</lidnr><al>twee</al></lid>"
    assert etree.tostring(E.make_artikel("5", "T")) == \
        b"<artikel><kop><label>Artikel</label><nr>5</nr><titel>T</titel></kop></artikel>"
    assert etree.tostring(E.make_al("a")) == b"<al>a</al>"
