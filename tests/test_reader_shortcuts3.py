"""Quick ways of the act reader (issue 17, point 4, sixth round) held to the general ways
they stand for: the footnote numbers glued to a name, looked for only in a line where one
may stand (``paras.clean_text``); the six quote marks of ``quotes.only_guillemets``
written out; an act file's XML characters checked on the bytes read (``parse_act_file``,
``lawfile.all_xml_utf8``) rather than on the text encoded again; a text without «\\r» not
searched for line ends to replace (``limits.utf8_text``); ``content.content_line`` trying
the lid and item patterns only on a line that may start one."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator import limits
from consolidator.errors import ActSyntaxError
from consolidator.law.lawfile import all_xml_utf8, find_non_xml_char
from consolidator.model import ContentLine, Span
from consolidator.read import content, paras, quotes
from consolidator.read.act import parse_act, parse_act_file

# -- footnote numbers glued to a name: ``_GLUED_NUMBER_RE.sub`` is the general way

# letters, «)», ASCII digits, digits of other scripts (``\d`` matches them; «²» is a digit
# for ``str.isdigit`` only), spaces, the marks that may end a glued number, and others
TEXT_CHARS = "abcXYZ)(1234509٣١²  ,.:;-«»é\n"
texts = st.text(alphabet=TEXT_CHARS, max_size=30)
numbers = st.text(alphabet="0123459٣١²", min_size=1, max_size=3)
footnote_sets = st.dictionaries(numbers, st.just(None), min_size=1, max_size=6)


def _glued_removed_generally(text: str, footnotes: dict) -> str:
    return paras._GLUED_NUMBER_RE.sub(
        lambda match: "" if match.group(1) in footnotes else match.group(0), text)


@settings(max_examples=600, deadline=None)
@given(texts, footnote_sets)
@example("De Wet op het basisonderwijs1 wordt gewijzigd", {"1": None, "2": None})
@example("Stb. (nr. 300)5 en artikel 105a1", {"5": None, "1": None})
@example("ISOVSO4, wet12.", {"4": None, "12": None, "2": None})
@example("abc٣ en abc²", {"٣": None, "²": None})
@example("abc1", {"1": None})
def test_footnote_numbers_go_as_the_pattern_takes_them(text, footnotes):
    general = _glued_removed_generally(text, footnotes)
    assert paras._without_footnote_numbers(text, footnotes) == general
    assert paras.clean_text(text, footnotes) == general  # no «>» in these texts
    marked = f" >{text}"  # «>» before a name goes first
    assert paras.clean_text(marked, footnotes) == _glued_removed_generally(
        paras._MARK_RE.sub("", marked), footnotes)


def test_the_seed_acts_footnote_numbers_still_go():
    act = parse_act_file(Path(__file__).resolve().parent.parent / "corpus" / "acts"
                         / "stb-1996-649.txt")
    laws = {article.law.name for article in act.articles if article.law}
    assert {"Wet op het basisonderwijs", "Wet op het voortgezet onderwijs"} <= laws
    assert not any(name[-1:].isdigit() for name in laws)  # «basisonderwijs1»: footnote 1


# -- quotes.only_guillemets: the loop over every mark but «» is the general way

@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab «»\"‘’“”„'`", max_size=12))
def test_only_guillemets_asks_of_every_other_mark(text):
    assert quotes.only_guillemets(text) == all(
        mark not in text for mark in quotes._NOT_GUILLEMETS)


def test_only_guillemets_knows_each_mark():
    for mark in quotes._NOT_GUILLEMETS:
        assert not quotes.only_guillemets(f"wordt {mark}a{mark} vervangen")
    assert quotes.only_guillemets("wordt «a» vervangen door «b»")


# -- an act file's characters checked on its bytes

XML_CHARS = ["a", "\x00", "\x0b", "\x1f", "\t", "\n", "\r", "\ufffe", "\uffff", "\ufffd",
             "\U0010ffff", "é", "\x7f", "\x85", "\ufeff", "\u2028", "«"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(XML_CHARS), max_size=8).map("".join)
       | st.binary(max_size=10))
def test_the_bytes_check_agrees_with_the_pattern_on_the_text_read(made):
    data = made.encode("utf-8") if isinstance(made, str) else made
    try:
        text = limits.utf8_text(data, Path("x.txt"), ActSyntaxError)
    except ActSyntaxError:
        return  # not UTF-8: refused before any check of its characters
    assert all_xml_utf8(data) == (find_non_xml_char(text) is None)


ACT = ("Wet van 1 januari 2020\n\nARTIKEL I\n\nIn artikel 1 van de Wet op het "
       "basisonderwijs wordt «a» vervangen door «b».\n")


@pytest.mark.parametrize("bad", ["\x0b", "\x1c", "\ufffe", "\uffff", "\x00"])
@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_an_act_file_with_a_character_xml_cannot_hold_is_refused_as_its_text_is(
        tmp_path, bad, line_end):
    text = ACT.replace("«b»", f"«b{bad}»")
    path = tmp_path / "act.txt"
    path.write_bytes(("\ufeff" + text).replace("\n", line_end).encode("utf-8"))
    with pytest.raises(ActSyntaxError) as from_file:
        parse_act_file(path)
    with pytest.raises(ActSyntaxError) as from_text:
        parse_act(limits.read_text(path, ActSyntaxError), source=str(path))
    assert str(from_file.value) == str(from_text.value)
    assert "XML cannot hold it" in from_file.value.message


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_an_act_file_reads_as_its_text(tmp_path, line_end):
    path = tmp_path / "act.txt"
    path.write_bytes(("\ufeff" + ACT).replace("\n", line_end).encode("utf-8"))
    assert parse_act_file(path) == parse_act(ACT, source=str(path))


# -- line ends: a text without «\r» is returned as it is

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a\r\n\x85é", max_size=10))
def test_line_ends_as_text_mode_reads_them(text):
    assert limits.utf8_text(text.encode("utf-8"), Path("x"), ActSyntaxError) == \
        text.replace("\r\n", "\n").replace("\r", "\n")


# -- content_line tries the lid and item patterns only on a line that may start one

LINE_STARTS = ["", "a", "z", "A", "§", "H", "T", "P", "1", "٣", "²", "–", "—", "-", "•",
               " ", "é", "(", "Z"]
line_texts = st.tuples(st.sampled_from(LINE_STARTS),
                       st.text(alphabet="ab1°.) :–•§AZ", max_size=10)).map("".join)


def _general_content_line(para: paras.Para) -> ContentLine:
    """``content_line`` trying every pattern in turn (no footnotes)."""
    text, span = para.text, Span(para.line, para.column)
    if text.startswith("•"):
        lid = content.CONTENT_LID_RE.match(text)
        if lid:
            return ContentLine("lid", lid.group(2), label=lid.group(1), span=span)
        text = content.BULLET_LABEL_RE.sub("", text)
    indent = len(para.raw) - len(para.raw.lstrip())
    plain_lid = content.PUNT_RE.match(text)
    if plain_lid and indent == 0:
        return ContentLine("lid", plain_lid.group(2), label=plain_lid.group(1), span=span)
    item = content._item(text, indent)
    if item is not None:
        return ContentLine("item", item[1], label=item[0], level=item[2], span=span)
    article = content.CONTENT_ARTICLE_RE.match(text)
    if article:
        return ContentLine("artikel", (article.group(2) or "").strip(), label=article.group(1),
                           span=span)
    heading = content.HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        return ContentLine("heading", (heading.group(3) or "").strip(), label=heading.group(2),
                           heading_kind="paragraaf" if kind == "§" else kind, span=span)
    return ContentLine("text", text, span=span)


@settings(max_examples=800, deadline=None)
@given(line_texts, st.sampled_from(["", "  ", "    "]))
@example("§ 3a. Gemeentelijk beleid", "")
@example("Artikel 105a1. Gemeentelijk beleid", "")
@example("a. een vergoeding", "  ")
@example("٣. een lid", "")
def test_content_line_as_every_pattern_tried_in_turn(text, indent):
    para = paras.Para(3, len(indent) + 1, text, indent + text)
    quick = content.content_line(para)
    assert quick == _general_content_line(para)
    assert quick.level == _general_content_line(para).level


@settings(max_examples=500, deadline=None)
@given(line_texts)
def test_no_lid_or_item_pattern_matches_a_line_that_starts_otherwise(text):
    if text and text[0] not in content._ITEM_STARTS and not text[0].isdecimal():
        assert not (content.PUNT_RE.match(text) or content.CONTENT_ITEM_RE.match(text)
                    or content.MARK_ITEM_RE.match(text))
