"""Bounded time on any input: every adversarial input found so far finishes far inside a
generous bound, and each pattern rewritten for linear time answers as the old one did.

The inputs are ``tools/adversarial.py``'s families, each at a size that took from many
seconds to hours before the fix (a regular expression cannot be interrupted, so each
runs in a forked process that is killed at the bound). Their growth over sizes is
measured by ``bench/linear_time.py``; the long generated run is ``python tools/fuzz.py
--targets adversarial``.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import multiprocessing
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consolidator import dates
from consolidator.apply import volzin
from consolidator.read import iwtsentences, kinds, samenloopact
from consolidator.read.content import CONTENT_ARTICLE_RE
from consolidator.read.linear import followed_within
from consolidator.read.payload import _quoted
from consolidator.read.quotes import quote_spans
from consolidator.views.check_snapshot import toc_article_number

ROOT = Path(__file__).resolve().parent.parent
#: seconds an input may take (each takes well under one now; before, up to hours)
BOUND = 5.0


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


adversarial = _load("consolidator_adversarial", ROOT / "tools" / "adversarial.py")


def _run_family(name: str) -> None:
    family = next(f for f in adversarial.FAMILIES if f.name == name)
    adversarial.run(family.reader, family.build(family.test_size))


@pytest.fixture(scope="module")
def grammars_built():
    """The readers' parsers built in this process, so that each forked worker inherits
    them: the bound is for reading the input, not for building the grammars (seconds
    on a busy machine)."""
    adversarial.run("act", adversarial.act())
    adversarial.run("iwt", "Deze wet treedt in werking met ingang van 1 januari 2000.")


@pytest.mark.parametrize("name", [f.name for f in adversarial.FAMILIES])
def test_adversarial_input_finishes_within_the_bound(name, grammars_built):
    family = next(f for f in adversarial.FAMILIES if f.name == name)
    worker = multiprocessing.get_context("fork").Process(target=_run_family, args=(name,))
    started = time.monotonic()
    worker.start()
    worker.join(BOUND)
    if worker.is_alive():
        worker.kill()
        worker.join()
        pytest.fail(f"{name} (size {family.test_size}, reader {family.reader}) took more than "
                    f"{BOUND:.0f} s; before the fix: {family.was}")
    assert worker.exitcode == 0, f"{name}: the worker failed (exit code {worker.exitcode})"
    assert time.monotonic() - started < BOUND


def test_every_reader_takes_a_generated_line():
    import random
    rng = random.Random(7)
    for _ in range(20):
        adversarial.run_everywhere(adversarial.adversarial_line(rng, max_length=2000))


# --------------------------------------------------------------------------- same answers
# The patterns as they were (quadratic or worse on long lines, fine on short ones) are the
# oracles for the linear rewrites, on short lines drawn from the words they look for.

OLD_INTRO = re.compile(r"\b(wordt|worden)\b.*\b(gewijzigd als volgt|als volgt gewijzigd)\s*:$"
                       r"|wijzigingen aangebracht\s*:$")
OLD_IWT = re.compile(r"(treedt|treden)\b.*\bin\s?werking|in\s?werking\s+(met ingang|op)|werkt terug"
                     r"|terugwerkt|\b(geldt|gelden|vervalt|vervallen)\s+met ingang van", re.I)
OLD_SUBJECT = re.compile(r"^(Artikel|De artikelen)\s+\S+.*\b(vervalt|vervallen|komt te luiden|wordt)")
OLD_TRANSITION = re.compile(
    r"inwerkingtreding|in werking (is )?getreden|in werking treedt|in werking treden"
    r"|zoals (dat|die|deze|het)?\s*(luidde|luidden|gold|golden|luidend)"
    r"|\b(blijft|blijven)\b[^.]*\bvan (toepassing|kracht)\b|overgangs", re.I)
OLD_QUOTED_CHANGE = re.compile(r"[«‘“][^»’”]*[»’”].*\b(vervangen door|ingevoegd|toegevoegd|vervalt"
                               r"|vervallen)\b")
_OLD_REGULATION = (r"(De|Het)\s+(?:[A-Z][\w’'-]*|(?:wet|besluit|regeling|beschikking|verordening)"
                   r"\s+van\s+\d)")
OLD_INTREKKING = re.compile(rf"^{_OLD_REGULATION}.*\b(wordt|worden)\s+ingetrokken\b"
                            rf"|^{_OLD_REGULATION}[^.]*\b(vervalt|vervallen)\.?$")
OLD_NAMED_IN_FORCE = re.compile(r"\bvan\s+(de|het)\s+[A-Z][^,]*?\s+in\s+werking\s+(treedt|treden)\b")
OLD_INVERTED = re.compile(r"^(wordt|worden|vervalt|vervallen)\s+in\s+([^«‘]+?),?\s+(?=[«‘])")
OLD_CONTENT_ARTICLE = re.compile(
    r"^(?:ARTIKEL|Artikel)\s+([A-Z]\s\d+\w*|[\w:]+(?:\.\d+\w*)*)(?:\.\s+(.*)|\.?)$")
OLD_DATE_WORDS = re.compile(r"(?:de\s+)?([a-zë]+)\s+(" + "|".join(dates.MONTHS) + r")\s+(\d{4})",
                            re.I)
OLD_TOC = (re.compile(r"^Artikel\s+(.+?)\.(?:\s|$)"), re.compile(r"^Artikel\s+(.+?)\.?(?:\s|$)"))

WORDS = ["wordt", "worden", "gewijzigd als volgt", "als volgt gewijzigd", "wijzigingen aangebracht",
         "treedt", "treden", "in werking", "inwerking", "met ingang", "op", "werkt terug",
         "terugwerkt", "geldt", "vervalt met ingang van", "Artikel", "De artikelen", "vervalt",
         "vervallen", "komt te luiden", "op of na het tijdstip", "waarop", "is getreden", "ARTIKEL",
         "13", "1", ".", ".11", "a", "A", ":", ",", " ", "  ", "\t", "xwordt", "wordtx", "de", "tweede",
         "drieëntwintigste", "januari", "december", "1996", "«", "»", "„", "“", "”", "‘", "’", '"',
         "x", "Een zin", "art.", "(", "?", "!", "IN WERKING", "blijft", "blijven", "van toepassing",
         "van kracht", "zoals dat luidde", "overgangs", "vervangen door", "ingevoegd", "De", "Het",
         "Aa", "'", "-", "ingetrokken", "wet", "besluit", "van de", "van het", "X", "in", "Indien",
         "(Stb. 1)", "Stb.", "van 1 januari 1996"]
lines = st.lists(st.sampled_from(WORDS), max_size=14).map("".join)
spaced = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)
texts = st.one_of(lines, spaced)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_linear_predicates_answer_as_the_old_patterns(text):
    # each also between the words its pattern looks for, so that many lines match
    for line in (text, "wordt " + text + " gewijzigd als volgt:", text + "als volgt gewijzigd :"):
        assert kinds.is_amending_intro(line) == bool(OLD_INTRO.search(line)), line
    for line in (text, "treedt " + text + " in werking", text + "Blijft " + text):
        assert kinds.mentions_entry_into_force(line) == bool(OLD_IWT.search(line)), line
        assert kinds._transitional(line) == bool(OLD_TRANSITION.search(line)), line
    for line in (text, "«" + text + " ingevoegd", "“a” " + text):
        assert kinds._quoted_then_change(line) == bool(OLD_QUOTED_CHANGE.search(line)), line
    for line in (text, "van de X" + text + " in werking treedt", "van het " + text + " treden"):
        assert followed_within(line, samenloopact._OF_NAMED, samenloopact._IN_FORCE, ",") \
            == bool(OLD_NAMED_IN_FORCE.search(line)), line


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_anchored_patterns_match_as_before(text):
    for line in (text, "Artikel " + text, "De artikelen" + text):
        assert bool(kinds._SUBJECT_FIRST_RE.match(line)) == bool(OLD_SUBJECT.match(line)), line
    for line in (text, "De " + text, "Het A" + text, "De wet van 1" + text):
        assert kinds.reads_like_intrekking(line) == bool(OLD_INTREKKING.search(line)), line
    for line in (text, "wordt in" + text, "vervalt in " + text, "worden in  " + text + " «",
                 "wordt in " + text + ", ‘"):
        old = OLD_INVERTED.match(line)
        assert samenloopact._inverted(line) == (old and (old.group(1), old.group(2), old.end())), line


@settings(max_examples=200, deadline=None)
@given(texts)
def test_the_content_article_pattern_matches_as_before(text):
    for line in (text, "Artikel " + text, "ARTIKEL 13" + text):
        old, new = OLD_CONTENT_ARTICLE.match(line), CONTENT_ARTICLE_RE.match(line)
        assert (old and old.groups()) == (new and new.groups()), line


# the entry-into-force grammar's terminals as they were (tests/fixtures), by name
OLD_IWT_TERMINALS = json.loads((ROOT / "tests" / "fixtures" / "iwt_terminals_before.json")
                               .read_text(encoding="utf-8"))["terminals"]
IWT_WORDS = ["de", "het", "De", "Het", "wet", "Wet X", "besluit", "regeling", "treedt", "treden",
             "in", "werking", "inwerking", "tot", "is", "wordt", "verheven", "en", "werkt", "met",
             "uitzondering", "dien", "indien", "waarbij", "van", "deze", "dit", "bedoeld",
             "tijdstip", "als", "waarop", "dag", "datum", "na", "volgende", "het Staatsblad",
             "waarin", "zij", "geplaatst", "ingetrokken", "(Stb. 1)", "1 januari 1996", "terug",
             "vervalt", "geldig", "Indien", "krachtens", "eerste", ",", ".", ";", " ", "  ", "\t",
             "\n", ":", "x", "van het krachtens", "bepaalde jaar", "bepaalde tijdstip", "door de minister",
             "ministers", "nader", "te bepalen tijdstip", "dat voor", "verschillend kan worden vastgesteld",
             "het in de eerste volzin bedoelde tijdstip kan voor", "tot wet is verheven",
             "met dien verstande dat indien", "die wet op een later tijdstip vervalt, deze wet op dat "
             "latere tijdstip vervalt", "en wordt", "en zal", "Staatscourant", "Staatsblad",
             "aangehaald als", "en is van toepassing op", "ten behoeve van", "voor de minister die",
             "niet eerder van toepassing", "werkt"]
iwt_texts = st.one_of(st.lists(st.sampled_from(IWT_WORDS), max_size=16).map(" ".join),
                      st.lists(st.sampled_from(IWT_WORDS), max_size=16).map("".join))


@functools.lru_cache(maxsize=1)
def _iwt_terminals() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """(as it was, as it is) for every rewritten terminal, compiled as the lexer does."""
    from consolidator.read.grammars import iwt_parser
    now = {t.name: t.pattern.to_regexp() for t in iwt_parser().terminals}
    return {name: (re.compile(old["regexp"]), re.compile(now[name]))
            for name, old in OLD_IWT_TERMINALS.items()}


@settings(max_examples=300, deadline=None)
@given(iwt_texts)
# where a run of spaces, a «.», «;» or «:» decides where a lazy run of words ends
@example("van het krachtens   bepaalde jaar; het krachtens \t bepaalde jaar x  bepaalde jaar")
@example("het krachtens  x  bepaalde tijdstip het krachtens \n bepaalde tijdstip")
@example("een door de minister   te bepalen tijdstip door de ministers x . te bepalen datum")
@example(", dat voor   x verschillend kan worden vastgesteld dat voor \n verschillend kan worden gesteld")
@example("indien  tot wet is verheven Indien x \t tot wet is of wordt verheven indien \n tot wet is")
@example(", met dien verstande dat indien  die wet op een later tijdstip vervalt, deze wet op dat "
         "latere tijdstip vervalt")
@example(", en wordt in de Staatscourant  geplaatst Staatsblad  .  ;  \n")
@example(" en zal Staatsblad x ; werking Staatscourant  . x")
@example(", en is van toepassing op x  :  . ")
@example(" en zijn van toepassing met  :x   :")
@example(" ten behoeve van  x  en werkt ,afhankelijk van  ;  ")
@example(" voor de a die  . ; x niet eerder van toepassing  ;   ")
@example(" wordt aangehaald als  :  x  . ; kan worden aangehaald als \n x .")
def test_the_rewritten_iwt_terminals_match_as_before(text):
    # at every place: the lexer tries a terminal wherever a token may start
    for name, (old, new) in _iwt_terminals().items():
        for pos in range(len(text)):
            was, now = old.match(text, pos), new.match(text, pos)
            assert (was and was.span()) == (now and now.span()), (name, text, pos)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_quote_spans_are_what_finditer_gives(text):
    assert quote_spans(text, _quoted()) == [m.span() for m in _quoted().finditer(text)]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_dates_in_words_are_found_as_before(text):
    old = [m.groups() for m in OLD_DATE_WORDS.finditer(text)
           if m.group(1).lower() in dates._DAY_WORDS]
    new = [m.groups() for m in dates._DATE_WORDS.finditer(text)
           if m.group(1).lower() in dates._DAY_WORDS]
    assert new[:1] == old[:1]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_toc_entries_read_as_before(text):
    for entry in (text, "Artikel " + text, "Artikel\t " + text):
        match = OLD_TOC[0].match(entry) or OLD_TOC[1].match(entry)
        old = match.group(1) if match else None
        if old is not None and not old.strip():
            continue  # «Artikel  .»: the old pattern took a space for the number
        assert toc_article_number(entry) == old, entry


def _old_spans(text: str) -> list[tuple[int, int]]:
    """volzin.spans as it was: it copied the rest of the text at every full stop."""
    def boundary(pos):
        start = max(text.rfind(" ", 0, pos + 1), text.rfind("(", 0, pos + 1)) + 1
        if text[pos] == "." and text[start:pos + 1].lower() in volzin.ABBREVIATIONS:
            return False
        rest = text[pos + 1:].lstrip()
        return bool(rest) and not rest[0].islower()
    found, start = [], len(text) - len(text.lstrip())
    for mark in re.finditer(r"[.?!](?=\s)", text):
        if mark.start() >= start and boundary(mark.start()):
            found.append((start, mark.end()))
            start = mark.end() + len(text[mark.end():]) - len(text[mark.end():].lstrip())
    if start < len(text.rstrip()):
        found.append((start, len(text.rstrip())))
    return found


@settings(max_examples=200, deadline=None)
@given(texts)
def test_volzinnen_are_split_as_before(text):
    assert volzin.spans(text) == _old_spans(text)
    long_word = "x" * 30 + "art. Een"
    assert volzin.spans(long_word) == _old_spans(long_word)


def _old_sentences(text: str) -> list[iwtsentences.Sentence]:
    """iwtsentences.sentences as it was: it searched all the open sentence for an
    abbreviation at its end and copied the rest of the text at every period."""
    found, start = [], 0
    for match in iwtsentences._END.finditer(text):
        if iwtsentences._SIGNATURE.match(text[start:].lstrip()):
            break
        before, after = text[start:match.start()], text[match.end():]
        initial = bool(re.search(r"(?<![\w])[A-Z]$", before)) and (
            before[-2:-1] == "." or bool(iwtsentences._NEXT_INITIAL.match(after)))
        if iwtsentences._ABBREVIATIONS.search(before) or initial:
            continue
        found.append(iwtsentences._sentence(text, start, match.end()))
        start = match.end()
    if text[start:].strip():
        found.append(iwtsentences._sentence(text, start, len(text)))
    return [s for s in found if s.text]


SENTENCE_WORDS = ["Stb", "Stcrt", "nr", "Kamerstukken", "w.g", "i.v.m", "xStb", "J", "H", "A", "a",
                  "Huijzer", "Deze wet", "gedaan te", "aldus", "gegeven", "door", "w.g.", ".", ". ",
                  ".\n", "\n", " ", "  ", "(", "‘", "“", "'", "1", "treedt in werking", "Stb. 1"]
sentence_texts = st.one_of(st.lists(st.sampled_from(SENTENCE_WORDS), max_size=20).map("".join),
                           st.lists(st.sampled_from(SENTENCE_WORDS), max_size=20).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(sentence_texts)
@example("Zie Kamerstukken. Deze wet treedt in werking.")  # the longest abbreviation
@example("Zie Kamerstukken\n. Deze wet")                  # «$» before a final newline
@example("xKamerstukken. A. J.H. Huijzer. J\n. Deze")     # no word boundary; initials
@example("Gedaan te A. B. aldus gegeven. Stb.Stb.Stb. Deze")
def test_a_lid_is_split_into_sentences_as_before(text):
    assert iwtsentences.sentences(text) == _old_sentences(text), text


OLD_NOTE = re.compile("|".join(
    f"(?:{w})" for w in (
        r".*\b(Staatscourant|Staatsblad)\b.*\b(geplaatst|bekendgemaakt|gepubliceerd|opgenomen)\b",
        r".*\b(opgenomen|geplaatst|bekendgemaakt|gepubliceerd)\b.*\b(Staatscourant|Staatsblad)\b")
    + iwtsentences._NOTE_WORDINGS[2:]), re.I | re.S)
NOTE_WORDS = ["Staatscourant", "Staatsblad", "staatsblad", "xStaatsblad", "Staatsbladx", "geplaatst",
              "opgenomen", "bekendgemaakt", "gepubliceerd", "Geplaatst", "in de", "wordt", "aangehaald als",
              "treedt in werking", "x", " ", "\n", ".", "kan worden"]
note_texts = st.lists(st.sampled_from(NOTE_WORDS), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(note_texts)
@example("Staatsblad xgeplaatst Staatsblad geplaatst")
@example("opgenomen Staatsbladx staatsblad")
def test_notes_are_told_apart_as_before(text):
    old = bool(OLD_NOTE.match(text.strip())) and not iwtsentences._SETS_TIME.search(text)
    assert iwtsentences.is_note(text) == old, text
