"""The change list held as text while an apply runs (``ChangeList`` opened, ``ledgertext``),
held to the general way: every entry written as it is marked (the ChangeList not opened).
Both must leave the same bytes, raise the same errors at the same point and give the same
«cons-N» ids, for any source, effect, date and id, awkward characters included."""
from __future__ import annotations

import copy
import datetime as _dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply.sentences import apply_counting, check_articles
from consolidator.errors import ApplyError
from consolidator.law import history as H
from consolidator.law import lawfile
from consolidator.law.elements import make_li, make_lid, make_lijst
from consolidator.law import ledgertext
from consolidator.law.ledgertext import LONGEST, markup
from consolidator.read.act import parse_act_file

REALCASES = Path(__file__).parent / "fixtures" / "realcases"

#: characters a parser treats apart (markup, whitespace, line ends) or lxml refuses
#: (controls, surrogates, non-characters), and a few plain ones
_AWKWARD = st.sampled_from(list('&<>"\'\t\n\r ;=]') + ["]]>", "&amp;", "&#13;", "\r\n", "\x00",
                           "\x01", "\x1f", "\x7f", "\x85", "\xa0", "\u2028", "\ud800",
                           "\udfff", "\ufdd0", "\ufffe", "\uffff", "\U0001f600", "é", "«"])
_TEXT = st.lists(st.one_of(_AWKWARD, st.characters(exclude_categories=())),
                 max_size=8).map("".join)
_SOURCE = st.one_of(st.sampled_from(["Stb. 2001, 1, art. I, onderdeel A", ""]), _TEXT)
_EFFECT = st.one_of(st.sampled_from(["wijziging", "nieuw", "vervallen"]), _TEXT)
_DATE = st.one_of(st.none(), st.dates(), st.datetimes(), _TEXT,
                  st.sampled_from([_dt.date(2001, 1, 1)]))


def _document():
    """A toestand (in BWB's own style or not) and every element a marking may name."""
    root = etree.Element("toestand")
    etree.SubElement(root, "bwb-wijzigingen")
    body = etree.SubElement(etree.SubElement(etree.SubElement(root, "wetgeving"),
                                             "wet-besluit"), "wettekst")
    elements = []
    for number in ("1", "2", "3"):
        artikel = etree.SubElement(body, "artikel")
        etree.SubElement(etree.SubElement(artikel, "kop"), "nr").text = number
        elements.append(artikel)
        for lid_number in ("1", "2"):
            lid = make_lid(lid_number, ["Tekst."])
            lid.append(make_lijst([make_li("a.", "x;"), make_li("b.", "y;")]))
            artikel.append(lid)
            elements.extend([lid, *lid.iter("li")])
    return root, elements


def _settable(value: str) -> bool:
    try:
        etree.Element("x").set("id", value)
    except (ValueError, TypeError):
        return False
    return True


class _Unwritable:
    """A date whose text cannot be had: the direct way raises half way through an entry."""

    def __str__(self):
        raise RuntimeError("no text")


#: an element: mostly one of a few (marked again, given an id and marked), any of them
_AT = st.one_of(st.integers(0, 3), st.integers(0, 20))
_STEP = st.one_of(
    st.tuples(st.just("mark"), st.lists(st.tuples(_AT, _SOURCE, _EFFECT), max_size=4),
              st.one_of(_DATE, st.just(_Unwritable()))),
    st.tuples(st.just("repeal"), _AT, _SOURCE, _DATE),
    st.tuples(st.just("id"), _AT,
              st.one_of(st.integers(1, 40).map(lambda n: f"cons-{n}"),
                        _TEXT.filter(lambda t: bool(t) and _settable(t)))),
)


def _run(steps: list, styled: bool, opened: bool) -> tuple:
    """The document after ``steps`` (and what the first failing step raised), marked
    through one ChangeList that is open (held as text) or not (written directly)."""
    root, elements = _document()
    if styled:
        root.set("bwb-ng-vast-deel", "x")
    changes = H.ChangeList(root)
    raised = None
    with (changes if opened else _Closed()):
        try:
            for step in steps:
                if step[0] == "mark":
                    changes.mark_all([(elements[i], s, e) for i, s, e in step[1]], step[2])
                elif step[0] == "repeal":
                    H.mark_repealed(elements[step[1]], step[3], step[2])
                else:
                    elements[step[1]].set("id", step[2])
        except Exception as exc:  # noqa: BLE001 - compared with the other way's
            raised = (type(exc), str(exc))
    return etree.tostring(root), raised


class _Closed:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(_STEP, max_size=8), styled=st.booleans())
def test_entries_held_as_text_are_the_entries_written_directly(steps, styled):
    """Marks and repeals in any order, with elements given ids (also «cons-N» above the
    highest logged) between them, and any sources, effects and dates: the same bytes, the
    same error, both ways. A fresh id counter for each way: each reads the list itself."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(H, "_IDS", H._IdCounter())
        direct = _run(steps, styled, opened=False)
        patch.setattr(H, "_IDS", H._IdCounter())
        held = _run(steps, styled, opened=True)
    assert held == direct


@settings(max_examples=500, deadline=None)
@given(value=st.one_of(_TEXT, st.text()))
def test_markup_parses_back_to_the_value_or_is_refused(value):
    """What ``markup`` writes, in an attribute and as a text, parses back to exactly the
    value; what it refuses is what lxml refuses or a parser would change."""
    written = markup(value)
    assert (written is None) == (not _settable(value))  # short values: refused as lxml does
    if written is None:
        return
    parsed = etree.fromstring(f'<a b="{written}">{written}</a>')
    assert parsed.get("b") == value
    assert (parsed.text or "") == value
    element = etree.Element("a", b=value)
    element.text = value
    assert etree.tostring(element) == etree.tostring(parsed) or value == ""


def test_markup_refuses_what_lxml_refuses_and_what_is_too_long():
    for value in ("\x00", "a\x01b", "\ud800", "\ufffe", "\uffff", None, b"bytes", 1):
        assert markup(value) is None
    assert markup("x" * LONGEST) is not None and markup("x" * (LONGEST + 1)) is None
    assert markup('a&b<c>d"e') == "a&amp;b&lt;c&gt;d&quot;e"
    assert markup("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d"


def test_the_characters_refused_are_exactly_those_outside_xml_char():
    """``_NOT_XML`` lists the few ranges outside XML's Char production, which compiles
    quicker than that production negated: over every code point, the two find the same."""
    every = "".join(map(chr, range(0x110000)))
    negated = re.compile(f"[^{ledgertext.XML_CHAR}]")
    assert [m.start() for m in ledgertext._NOT_XML.finditer(every)] == \
        [m.start() for m in negated.finditer(every)]


def _no_opening(monkeypatch) -> None:
    """Every ChangeList written directly, as before the change list was held as text."""
    monkeypatch.setattr(H.ChangeList, "__enter__", lambda self: self)
    monkeypatch.setattr(H.ChangeList, "__exit__", lambda self, *exc: None)


def _cases():
    return sorted(p for p in REALCASES.iterdir() if (p / "act.txt").exists())


def _law_of(folder: Path) -> Path:
    own = folder / "before.xml"
    return own if own.exists() else folder.parent / folder.name.split("--")[0] / "before.xml"


def _apply_in_place(folder: Path, date) -> tuple:
    tree = lawfile.parse_law(_law_of(folder).read_bytes(), source="before.xml")
    act = parse_act_file(folder / "act.txt")
    articles = [a for a in act.articles if a.onderdelen and a.kind == "amend"]
    try:
        _, count = apply_counting(tree, articles, "Stb. 2013, 380", date, in_place=True)
        outcome = count
    except ApplyError as exc:  # the tree as the error left it, in place
        outcome = str(exc)
    errors = [str(e) for e in check_articles(tree, articles, "Stb. 2013, 380", date)]
    return lawfile.serialize(tree), outcome, errors


@pytest.mark.parametrize("folder", _cases(), ids=lambda f: f.name)
@pytest.mark.parametrize("date", [_dt.date(2014, 1, 1), None])
def test_a_real_act_gives_the_same_bytes_both_ways(folder, date, monkeypatch):
    """A real act applied in place to its law (refused half way for some: the tree as the
    error left it), then checked again: the same bytes, count and errors both ways."""
    monkeypatch.setattr(H, "_IDS", H._IdCounter())
    held = _apply_in_place(folder, date)
    _no_opening(monkeypatch)
    monkeypatch.setattr(H, "_IDS", H._IdCounter())
    direct = _apply_in_place(folder, date)
    assert held == direct
    assert b"<bwb-wijziging " in held[0]


def test_a_reader_while_open_sees_every_entry_in_order():
    """``change_log`` and ``changes`` while the list is open read the entries held."""
    root, elements = _document()
    with H.ChangeList(root) as changes:
        changes.mark_all([(elements[0], "A", "wijziging")], _dt.date(2001, 1, 1))
        H.mark_repealed(elements[1], _dt.date(2001, 1, 2), "B")
        log = H.change_log(root)
        assert [c.source for c in log[elements[0].get("id")]] == ["A"]
        assert [c.source for c in H.changes(elements[1])] == ["B"]
        changes.mark_all([(elements[2], "C", "nieuw")], _dt.date(2001, 1, 3))
    assert [e.get("idref") for e in root[0]] == ["cons-1", "cons-2", "cons-3"]


@pytest.mark.parametrize("known", [True, False])
def test_an_id_above_the_highest_logged_counts_while_open(known):
    """An element carrying «cons-N» above every logged id, marked while the list is open
    (after a new id was given, or before any), moves the next free id past N."""
    for opened in (True, False):
        root, elements = _document()
        changes = H.ChangeList(root)
        with (changes if opened else _Closed()):
            if known:
                changes.mark_all([(elements[0], "A", "wijziging")], None)  # cons-1
            elements[1].set("id", "cons-9")
            changes.mark_all([(elements[1], "A", "wijziging")], None)
            changes.mark_all([(elements[2], "A", "wijziging")], None)
        assert elements[2].get("id") == "cons-10"
        assert [e.get("idref") for e in root[0]][-2:] == ["cons-9", "cons-10"]


def test_a_change_list_open_on_a_copy_leaves_the_original_alone():
    root, elements = _document()
    twin = copy.deepcopy(root)
    with H.ChangeList(twin) as changes:
        H.mark_repealed(elements[0], _dt.date(2001, 1, 1), "A")  # the original: direct
        changes.mark_all([(twin.find(".//artikel"), "B", "wijziging")], None)
        assert len(root[0]) == 1 and len(twin[0]) == 0  # held until closed
    assert len(twin[0]) == 1 and root[0][0].get("idref") == "cons-1"
