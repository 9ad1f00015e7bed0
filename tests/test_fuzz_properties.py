"""Property tests for the readers: whatever text or bytes they are given, they return a
result or raise the project's own error, never another exception.

Text is drawn from the drafting vocabulary (so the grammar gets past its first token)
mixed with arbitrary unicode; ``tools/fuzz.py`` mutates real inputs instead.
``FUZZ_EXAMPLES`` sets the number of examples per property (300 in the suite; 4,000 found
nothing either).
"""
from __future__ import annotations

import datetime as _dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consolidator.law import lawtext

from consolidator.law import lawfile
from consolidator.read.act import parse_act
from consolidator.dates import find_date
from consolidator.errors import ConsolidatorError
from consolidator.read.instructions import parse_sentence
from consolidator.read.iwt import rules_from_article
from consolidator.model import Article, Span

SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

WORDS = ["In", "artikel", "Artikel", "12", "12a", "105b", "lid", "eerste", "tweede", "derde",
         "onderdeel", "a", "b", "1°", "wordt", "worden", "«", "»", "«bijzondere»", "vervangen",
         "door", "door:", "vervalt", ".", ",", ":", "ingevoegd", "toegevoegd", "na", "voor",
         "telkens", "volzin", "onder", "vernummering", "van", "tot", "en", "of", "komt", "te",
         "luiden:", "als", "volgt", "gewijzigd", "met", "ingang", "1", "januari", "1997",
         "februari", "31", "treedt", "in", "werking", "werkt", "terug", "de", "dag", "datum",
         "uitgifte", "Staatsblad", "waarin", "deze", "wet", "geplaatst", "koninklijk",
         "besluit", "tijdstip", "te", "bepalen", "ARTIKEL", "I", "II", "XII", "A", "B", "AA",
         "Indien", "het", "voorstel", "onderscheiden", "artikelen"]

dutch_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)),
                      max_size=40).map(" ".join)


def _refused_or_read(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except ConsolidatorError as exc:
        str(exc)  # the message itself must render
        return None


@SETTINGS
@given(dutch_text)
def test_an_instruction_sentence_is_read_or_refused(text):
    _refused_or_read(parse_sentence, text, source="act.txt")


@SETTINGS
@given(st.lists(dutch_text, max_size=12).map("\n".join))
def test_an_act_is_read_or_refused(text):
    _refused_or_read(parse_act, "Wet van 1 januari 1997\n\nARTIKEL I\n\n" + text, source="a.txt")


@SETTINGS
@given(st.lists(dutch_text, min_size=1, max_size=4))
def test_an_entry_into_force_article_is_read_or_refused(paragraphs):
    article = Article(number="XII", kind="entry-into-force", text=tuple(paragraphs),
                      span=Span(1, 1))
    _refused_or_read(rules_from_article, article, "act.txt", published=_dt.date(1997, 1, 1))


@SETTINGS
@given(st.integers(min_value=-5, max_value=10 ** 6), st.sampled_from(
    ["januari", "februari", "maart", "juni", "december", "Februari", "foo"]),
    st.integers(min_value=0, max_value=10 ** 6))
def test_a_date_in_words_is_a_date_or_an_error(day, month, year):
    _refused_or_read(find_date, f"met ingang van {day} {month} {year}")


@SETTINGS
@given(st.lists(st.one_of(dutch_text, st.sampled_from(["Artikel 1", "1. ", "  a. ", "§ 2",
                                                       "Hoofdstuk I", "    "])), max_size=15)
       .map("\n".join))
def test_a_law_text_is_read_or_refused(text):
    _refused_or_read(lawtext.parse_law_text, "Wet op het fuzzen\n" + text, source="law.txt")


@SETTINGS
@given(st.binary(max_size=300) | st.text(max_size=200).map(
    lambda t: f"<toestand><wetgeving>{t}</wetgeving></toestand>".encode("utf-8", "replace")))
def test_law_xml_bytes_are_parsed_or_refused(data):
    tree = _refused_or_read(lawfile.parse_law, data, source="law.xml")
    if tree is not None:
        _refused_or_read(lawtext.render_law_text, tree)
