"""Quick ways of reading a sentence held to the general ways they stand for: a regulation's
name read with each pattern searched only where the words it needs stand, white space
made one space by ``str.split`` instead of a pattern (``builder.regulations``,
``builder.locators.clean_law_name``); the general ways are the code as it was, kept here."""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.model import LawRef, Span
from consolidator.read.builder import locators, regulations as rg
from phrasings import read_phrasings

# -- the general ways: the patterns asked every time, as before the shortcuts


def _clean_generally(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip().rstrip(",").strip()
    name = re.sub(r"^(?:de|het|De|Het)\s+", "", name)
    quoted = re.match(r"^[‘'\"](.*)[’'\"]$", name)
    return quoted.group(1) if quoted else name


def _doc_generally(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip("‘’'\" "))[:5]
             if not w.endswith(("-", "-,"))]
    head = " ".join(words[:4])
    for match in rg._DOC_RE.finditer(head):
        word = match.group(1).lower()
        if re.match(r"koninklijke?\s+besluit", word):
            return "koninklijk besluit"
        if rg._within_words(head, match.start(), 3):
            return rg._SINGULAR.get(word, word)
    return ""


def _law_ref_generally(name: str, span: Optional[Span] = None) -> LawRef:
    name = _clean_generally(name)
    book = rg._BOOK_RE.match(name)
    if book:
        name = f"{book.group(2)} Boek {book.group(1)}"
    facts = rg._HISTORY_RE.sub("", name)
    date = rg._date(facts)
    doc = _doc_generally(facts)
    kind = "act" if rg._DATED_HEAD_RE.match(facts) else "law"
    fields = dict(kind=kind, doc=doc, date=date, stb=rg._numbered(rg._STB_RE, facts, date),
                  stcrt=rg._numbered(rg._STCRT_RE, facts, date),
                  number=rg._NUMBER_RE.search(facts).group(1).strip()
                  if rg._NUMBER_RE.search(facts) else "")
    if span is not None:
        fields["span"] = span
    return LawRef(rg._PUBLISHED_RE.sub("", name).strip(), **fields)


def _fields(law: LawRef) -> tuple:
    """Every field, the span too (which takes no part in equality)."""
    return tuple(getattr(law, f.name) for f in dataclasses.fields(law))


# -- names: the words each pattern looks for, white space of every kind (``\s`` and
# ``str.split`` must agree on it), quote marks, digits beyond ASCII, and any text

PIECES = ["Wet", "wet", "Besluit", "besluit", "regeling", "Koninklijk besluit",
          "koninklijke besluiten", "Wetboek", "Boek 7 van het Burgerlijk Wetboek",
          "de", "het", "De", "Het", "dee", "van", "op", "en", "4", "12", "1996", "٣", "juli",
          "31 februari", "zoals", "zoals gewijzigd bij", "zoals laatstelijk gewijzigd",
          "Stb.", "Stb", "(Stb. 1996, 403)", "(Stcrt. 2005, 60)", "Stcrt.", "Staatscourant",
          "(St", "nr.", "nummer", "kenmerk", "MC-U-2786398", "(", ")", ",", ".", "-", "-,",
          "'", "‘", "’", "\"", "houdende", "tot", "Organisatie-,", " ", "  ", "\t", "\n", "\r",
          "\xa0", "\u2028", "\x1c", "\x85", "\u3000", "\u200b", "ſ", "K"]
names = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.text(max_size=30))
REAL_NAMES = [
    "Wet op het basisonderwijs", "de Interimwet op het speciaal onderwijs en het voortgezet "
    "speciaal onderwijs,", "het Besluit vergoedingen rechtsbijstand 1994",
    "de wet van 7 juli 1988 (Stb. 334)", "Boek 7 van het Burgerlijk Wetboek",
    "het koninklijk besluit van 10 september 1969, Stcrt. 182, houdende regels",
    "‘Wet X’", "de Regeling Y, zoals laatstelijk gewijzigd bij regeling van 3 mei 2001",
    "Beschikking van 8 maart 2001, nr. 1560010 en nr. 1560011", "Organisatie-, mandaat- en "
    "volmachtbesluit", "Wet van 4 juli 1996 tot wijziging van de Wet op het basisonderwijs "
    "(Stb. 1996, 403)", "de  Wet\top het\nbasisonderwijs ,", "'", "''", "de", "het ", ""]


@settings(max_examples=1500, deadline=None)
@given(names)
@example("de\u2028Wet ,,")
@example(" \x1c'Wet'\x85")
@example("Het ‘Besluit’")
def test_a_name_is_cleaned_as_the_patterns_clean_it(name):
    assert rg._clean(name) == _clean_generally(name)
    assert locators.clean_law_name(name) == re.sub(r"\s+", " ", name).strip().rstrip(",")


@settings(max_examples=1500, deadline=None)
@given(names)
@example("\twet op het")
@example("Wet\u2028op")
@example("")
def test_the_kind_of_document_is_read_as_the_patterns_read_it(name):
    assert rg.doc_of(name) == _doc_generally(name)


@settings(max_examples=1500, deadline=None)
@given(names)
def test_a_regulation_s_name_is_read_as_every_pattern_reads_it(name):
    span = Span(1, 2, 1, 9)
    assert _fields(rg.law_ref(name, span)) == _fields(_law_ref_generally(name, span))
    assert _fields(rg.law_ref(name)) == _fields(_law_ref_generally(name))


def test_real_names_and_those_of_the_phrasings_are_read_as_before():
    seen = set(REAL_NAMES) | {p.sentence for p in read_phrasings()}
    for name in seen:
        assert _fields(rg.law_ref(name)) == _fields(_law_ref_generally(name)), name
        assert rg.doc_of(name) == _doc_generally(name), name
    # the shortcuts have work to do: names with and without what each pattern needs
    laws = [rg.law_ref(name) for name in REAL_NAMES]
    assert {law.kind for law in laws} == {"act", "law"}
    assert any(law.stb for law in laws) and any(law.stcrt for law in laws)
    assert any(law.number for law in laws) and any(law.date for law in laws)


# -- a plan (``shapeplan``) makes the columns before the calls: they may come only from the
# tokens' positions and from other columns, never from what a method gives


def test_a_plan_refuses_columns_made_from_a_method_s_value(monkeypatch):
    from consolidator.read import shapecode, shapeplan

    def method(meta, children):
        return children[0]

    made = shapecode.Program([("call", "v1", method, "None", ["t0"], "rule"),
                              ("meta", "m2", "v1", 0)], ("v1", "m2"))
    monkeypatch.setattr(shapeplan, "program_of", lambda steps, end: made)
    try:
        shapeplan.plan_shape(None, [()], (), ["WORD"])
    except ValueError as exc:
        assert "v1" in str(exc)
    else:
        raise AssertionError("a plan made columns from a method's value")
    # from a token and from columns made before: planned, and run as the program says
    made = shapecode.Program([("meta", "m1", 0, 0), ("meta", "m2", "m1", "t0"),
                              ("call", "v3", method, "m2", ["t0"], "rule")], ("v3", "m2"))
    shape = shapeplan.plan_shape(None, [()], (), ["WORD"])
    built = shape("word", [0, 4])
    assert str(built.value) == "word" and built.value.type == "WORD"
    assert (built.meta.line, built.meta.column, built.meta.end_line,
            built.meta.end_column) == (1, 1, 1, 5)


def test_a_plan_makes_its_tokens_as_line_token_makes_them(monkeypatch):
    """A plan makes the tokens it reads in its own loop, as ``quicklex.line_token`` would:
    the same class and every slot the same (Lark's trees compare tokens by text only)."""
    from lark import Token, Tree

    from consolidator.read import grammars, onepass
    from consolidator.read.quicklex import line_token
    from test_one_pass_parser import HEADS, _TreeBuilder

    monkeypatch.setattr(onepass, "_PLAN_AT", 1)  # every shape planned when first met
    monkeypatch.setattr(onepass, "_COMPILE_AT", 10 ** 9)
    parser = onepass.OnePassParser(grammars.grammar_parser(), _TreeBuilder())
    slots = ("type", "value", "start_pos", "end_pos", "line", "column", "end_line",
             "end_column")
    compared = 0
    for text in HEADS:
        try:
            tree = parser.parse(text).value
        except Exception:  # noqa: BLE001 - what the grammar refuses has no tokens to hold
            continue
        for token in tree.scan_values(lambda value: isinstance(value, Token)):
            expected = line_token(text, token.type, token.start_pos, token.end_pos)
            assert type(token) is type(expected) and str(token) == str(expected)
            assert [getattr(token, s) for s in slots] == [getattr(expected, s) for s in slots]
            compared += 1
        assert isinstance(tree, Tree)
    assert compared > 500
