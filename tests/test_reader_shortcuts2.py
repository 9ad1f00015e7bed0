"""Quick ways of the act reader held to the general ways they stand for: ``content.replaced``
to ``dataclasses.replace`` (every field of a content line, its span too, which takes no
part in equality); ``payload.split_payloads`` to the same split asked the general way."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator.model import ContentLine, Span
from consolidator.read import content, kinds, payload
from phrasings import read_phrasings

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


# -- payload.split_payloads, held to the general way: every quote found (``quote_spans``),
# every colon a pattern finds, the next action searched for in the whole payload

COLON_RE = re.compile(r":(?=\s|$)")
ROOT = Path(__file__).resolve().parent
FIXTURE_SENTENCES = sorted(
    {json.loads(line)["text"] for line in
     (ROOT / "fixtures" / "devcorpus" / "sentences.jsonl").read_text("utf-8").splitlines()
     if line.strip()} | {phrasing.sentence for phrasing in read_phrasings()})


def _split_generally(text: str) -> tuple[str, tuple[str, ...]]:
    spans = payload.quote_spans(text)
    for colon in COLON_RE.finditer(text):
        pos = colon.start()
        if any(start <= pos < end for start, end in spans):
            continue
        if payload._QUOTE_NEXT_RE.match(text, pos + 1) \
                and payload._STRAY_COLON_RE.search(text, 0, pos):
            return _split_generally(text[:pos] + " " + text[pos + 1:])
        rest = text[pos + 1:]
        if not rest.strip():
            return text[:pos + 1], ()
        follows = (payload._NEXT_ACTION_RE.search(rest) if payload._MAY_GO_ON_RE.search(rest)
                   else None)
        if follows is None:
            return text[:pos + 1], (_without_stop(rest.strip()),)
        head, more = _split_generally(rest[follows.start():])
        return (text[:pos + 1] + " " * follows.start() + head,
                (rest[:follows.start()].strip(),) + more)
    return _without_stop(text.rstrip()), ()


def _without_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


def test_every_fixture_sentence_splits_as_the_general_way_splits_it():
    assert len(FIXTURE_SENTENCES) > 500
    for text in FIXTURE_SENTENCES:
        assert payload.split_payloads.__wrapped__(text) == _split_generally(text), text


pieces = st.sampled_from(
    ["In artikel 5 ", "wordt ", "worden", " en wordt ", " en vervalt ", "«a»", "‘b’", "“c”",
     "«", "»", "\"", "„d”", ":", ": ", " :", ":\n", " vervangen door", " ingevoegd", " telkens",
     ".", ";", ",", " ", "\t", "x", "een", "wordt: «e»", " en worden «f» toegevoegd: g"])


@settings(max_examples=800, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
@example("wordt: «a» vervangen door: b.")
@example("a: «b: c» d:")
@example("In artikel 5 wordt «a» vervangen door: b en wordt «c» vervangen door: d.")
def test_split_payloads_is_the_general_way(text):
    assert payload.split_payloads.__wrapped__(text) == _split_generally(text)


# -- kinds.is_amending, held to its three tests asked in full, each time


def _amending_generally(text: str) -> bool:
    if kinds.is_amending_intro(text):
        return True
    framed = re.match(r"^(In|Na|Voor|Aan)\s+(artikel|de artikelen|het|de)\b", text)
    subject = kinds._SUBJECT_FIRST_RE.match(text) and " van de " in text
    sets_date = re.search(r"\b(treedt|treden)\s+in\s+werking\b", text) and "«" not in text
    return bool(framed or (subject and not sets_date))


def test_every_fixture_sentence_is_amending_as_asked_in_full():
    for text in FIXTURE_SENTENCES:
        assert kinds.is_amending(text) == _amending_generally(text), text


heads = st.sampled_from(["Artikel 5 ", "De artikelen 3 en 4 ", "In artikel 2 ", "Na de ",
                         "Aan het ", "Voor ", "Het ", "Artikel I, onderdeel B, "])
tails = st.sampled_from(["van de Wet X ", "van de wet van 1 mei 2000 ", "vervalt", "wordt ",
                         "treedt ", "treden ", "in ", "werking", " in werking", "«a»", " ", "\t",
                         "komt te luiden:", "als volgt gewijzigd:", ".", "x"])


@settings(max_examples=800, deadline=None)
@given(heads, st.lists(tails, max_size=10).map("".join))
@example("Artikel I, onderdeel B, van de wet van 1 mei 2000 treedt in werking.", "")
@example("Artikel 5 van de Wet X vervalt «a» treedt in werking", "")
@example("Artikel I van de wet van 1 mei 2000 wordt vernummerd en treedt in werking.", "")
def test_is_amending_is_its_tests_asked_in_full(head, tail):
    text = head + tail
    assert kinds.is_amending(text) == _amending_generally(text)
