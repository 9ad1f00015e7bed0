"""Redlines (consolidator/redline.py) and the diff command, on the corpus store."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from conftest import ROOT
from consolidator.law.bwbmeta import read_wti
from consolidator.cli import cli
from consolidator.read.outline import act_json
from consolidator.views.redline import (Piece, between_dates, between_knowledge, compare, render_text,
                                  split_lines, units, word_diff)
from consolidator.store.db import Store
from consolidator.law import lawtext

CORPUS = ROOT / "corpus"
DHW = CORPUS / "bwb" / "BWBR0002458"


@pytest.fixture(scope="module")
def store(corpus_store_path):
    opened = Store(corpus_store_path)
    yield opened
    opened.close()


def diff(corpus_store_path, *args):
    return CliRunner().invoke(cli, ["diff", *map(str, args), "--store", str(corpus_store_path)])


# --------------------------------------------------------------------------- word diff

def test_whole_words_are_marked_not_letters():
    assert word_diff("voor de scholen", "voor de school") == (
        Piece("same", "voor de "), Piece("del", "scholen"), Piece("ins", "school"))


def test_semantic_cleanup_joins_edits_separated_by_a_short_equality():
    pieces = word_diff("de oude school van de stad", "het nieuwe gebouw van de stad")
    assert pieces == (Piece("del", "de oude school"), Piece("ins", "het nieuwe gebouw"),
                      Piece("same", " van de stad"))


_LAW_LINES = st.lists(st.sampled_from(["1. Een lid.", "  a. eerste;", "  b. tweede.", "Artikel 5",
                                        "2. Nog een lid", "", "de  scholen , en"]), max_size=5)


@settings(max_examples=300, deadline=None)
@given(_LAW_LINES, _LAW_LINES)
def test_both_texts_come_back_from_the_pieces(old_lines, new_lines):
    old, new = "\n".join(old_lines), "\n".join(new_lines)
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.op != "ins") == old
    assert "".join(p.text for p in pieces if p.op != "del") == new
    assert all(p.text for p in pieces)


def test_lines_of_a_list_are_paired_by_the_words_they_share():
    old = "Inhoudsopgave\nArtikel 5. Oud\nArtikel 6. Bekostiging bijzondere school"
    new = ("Inhoudsopgave\nArtikel 5. Oud\nArtikel 5a. Nieuw artikel\nArtikel 5b. Nog een\n"
           "Artikel 6. Bekostiging niet door de gemeente in stand gehouden school")
    lines = split_lines(word_diff(old, new))
    assert lines[3] == [Piece("ins", "Artikel 5b. Nog een")]
    assert lines[4] == [Piece("same", "Artikel 6. Bekostiging "), Piece("del", "bijzondere"),
                        Piece("ins", "niet door de gemeente in stand gehouden"),
                        Piece("same", " school")]


def test_a_synthetic_law_diff_names_added_repealed_and_restamped_articles():
    old = lawtext.parse_law_text("Wet\nArtikel 1\nEen.\nArtikel 2\nTwee.\nArtikel 3\nDrie.\n")
    new = lawtext.parse_law_text("Wet\nArtikel 1\nEen gewijzigd.\nArtikel 2 [Vervallen]\n"
                                 "Artikel 3\nDrie.\nArtikel 4\nVier.\n")
    for el in new.iter("artikel"):
        if el.findtext("kop/nr") == "3":
            el.set("versie-id", "2")  # BWB's own new version, same words
    found = {c.label: c.change for c in compare(old, new)}
    assert found == {"Artikel 1": "changed", "Artikel 2": "repealed", "Artikel 3": "restamped",
                     "Artikel 4": "added"}


# --------------------------------------------------------------------------- done when: WBO

def _targets_of_article_i(seed_act) -> dict[str, set[str]]:
    """unit label -> onderdelen of ARTIKEL I that change it, read from the act itself."""
    article = next(a for a in act_json(seed_act)["articles"] if a["number"] == "I")
    expected: dict[str, set[str]] = {}
    for onderdeel in article["onderdelen"]:
        for instruction in onderdeel["instructions"]:
            inserts_beside = (instruction["kind"] == "insert-element"
                              and instruction["position"] in ("after", "before"))
            for target in instruction["targets"]:
                if target.startswith("inhoudsopgave"):
                    expected.setdefault("Inhoudsopgave", set()).add(onderdeel["label"])
                elif not inserts_beside:
                    nr = re.match(r"artikel ([^,]+)", target).group(1)
                    expected.setdefault(f"Artikel {nr}", set()).add(onderdeel["label"])
            if any(t.startswith("inhoudsopgave") for t in instruction["targets"]):
                continue  # its content lines are entries, not articles
            for line in (instruction.get("content") or {}).get("lines", []):
                if line["kind"] == "artikel" and line["level"] == 0:
                    expected.setdefault(f"Artikel {line['label']}", set()).add(onderdeel["label"])
                if line["kind"] == "heading":
                    expected.setdefault(f"§ {line['label']}", set()).add(onderdeel["label"])
    return expected


def test_wbo_1996_12_31_to_1997_01_01_is_exactly_article_i_with_its_onderdelen(store, seed_act):
    redline = between_dates(store, "BWBR0003420", dt.date(1996, 12, 31), dt.date(1997, 1, 1))
    expected = _targets_of_article_i(seed_act)
    named = {c.label: {re.match(r"Stb\. 1996, 649, art\. I, onderdeel (\w+)", s.label).group(1)
                       for s in c.sources} for c in redline.changes}
    assert named == expected
    kinds = {c.label: c.change for c in redline.changes}
    assert kinds["Artikel 86"] == "repealed" and kinds["Artikel 95a"] == "added"
    assert kinds["Artikel 105a1"] == "added" and kinds["Artikel 6"] == "changed"


def test_the_text_output_marks_words_and_names_the_onderdeel(corpus_store_path):
    result = diff(corpus_store_path, "BWBR0003420", "--from", "1996-12-31", "--to", "1997-01-01")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== Artikel 6: changed by Stb. 1996, 649, art. I, onderdeel A (1997-01-01)" in out
    assert "geen uitgaven voor een [-bijzondere-]{+niet door de gemeente in stand gehouden+} " \
           "school" in out
    assert "== Artikel 86: repealed by Stb. 1996, 649, art. I, onderdeel B" in out
    assert "{+Artikel 95a. Grondslag vergoeding" in out
    assert "Artikel 95:" not in out and "Artikel 105h" not in out  # unchanged: not listed


def test_one_article_and_html(corpus_store_path):
    result = diff(corpus_store_path, "Wet op het basisonderwijs", "--from", "1996-12-31", "--to",
                  "1997-01-01", "--artikel", "6", "--format", "html")
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>") and html.count("<section") == 1
    assert "<del><span class=\"sr-only\">[verwijderd: </span>bijzondere" in html
    assert "<ins><span class=\"sr-only\">[ingevoegd: </span>niet door de gemeente" in html


def test_dates_without_change_say_so(corpus_store_path):
    result = diff(corpus_store_path, "BWBR0003420", "--from", "1997-01-01", "--to", "1997-06-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "no changes"


# --------------------------------------------------------------------------- official DHW history

def test_consecutive_dhw_versions_change_exactly_the_articles_of_the_wti(store):
    """Every article the WTI lists for a date changes between the version before it and
    the version of that date, and nothing else does; an act that reaches back (Stb. 2013,
    560) may show each of its articles on the date it reaches back to (in the _1 version)
    or on its own date, and shows every one of them on one of the two."""
    wti = read_wti(DHW / "BWBR0002458.WTI.xml")
    arts = lambda change: {a.removeprefix("Artikel ") for a in change.articles  # noqa: E731
                           if a.startswith("Artikel ")}
    retro = [c for c in wti if c.retroactive_to]
    covered = {c.source: set() for c in retro}
    current = store.current_versions("BWBR0002458")
    for before, after in zip(current, current[1:]):
        day = dt.date.fromisoformat(after.valid_from)
        redline = between_dates(store, "BWBR0002458", dt.date.fromisoformat(before.valid_from), day)
        changed = {c.number for c in redline.changes if c.kind == "artikel"}
        on_date = set().union(*(arts(c) for c in wti if not c.retroactive_to
                                and c.valid_from == day))
        reaching = [c for c in retro if day in (c.valid_from, c.retroactive_to)]
        assert on_date <= changed <= on_date.union(*(arts(c) for c in reaching)), day
        for change in reaching:
            covered[change.source] |= changed & arts(change)
    assert covered == {c.source: arts(c) for c in retro}
    assert covered == {"Stb. 2013, 560 (Kamerstukken 33507)": {"4", "35", "41", "48a"}}


def test_an_article_with_a_new_bwb_version_and_the_same_text_is_listed_as_such(corpus_store_path):
    result = diff(corpus_store_path, "BWBR0002458", "--from", "2010-01-01", "--to", "2010-07-14")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert lines == [
        "== Artikel 42: new version, text unchanged (BWB version stamp) by Stb. 2010, 269 "
        "(Kamerstukken 32364) (2010-07-14)",
        "== Artikel 46: new version, text unchanged (BWB version stamp) by Stb. 2010, 269 "
        "(Kamerstukken 32364) (2010-07-14)"]


def test_between_two_knowledge_dates_the_retroactive_act_is_named(store):
    redline = between_knowledge(store, "BWBR0002458", dt.date(2013, 6, 1), dt.date(2013, 12, 31),
                                dt.date(2014, 3, 1))
    # BWB carried only art. 48a back to 2013 (4, 35 and 41 change on 2014-02-15)
    assert [(c.label, c.change) for c in redline.changes] == [("Artikel 48a", "added")]
    assert [s.label for s in redline.changes[0].sources] == ["Stb. 2013, 560 (Kamerstukken 33507)"]


def test_knowledge_diff_on_the_command_line(corpus_store_path):
    result = diff(corpus_store_path, "BWBR0003420", "--date", "1999-01-01", "--from-known", "1998-01-01",
                  "--to-known", "1998-12-31", "--artikel", "105a1")
    assert result.exit_code == 0, result.output
    assert "from: as known on 1998-01-01" in result.stdout
    assert "{+Artikel 8:2 van de Algemene wet bestuursrecht is niet van toepassing" in \
        result.stdout


@pytest.mark.parametrize("args, message", [
    (["--from", "1997-01-01", "--to", "1996-12-31"], "--from 1997-01-01 is after --to 1996-12-31"),
    (["--from", "1996-12-31"], "give --from and --to"),
    (["--from", "1996-12-31", "--to", "1997-01-01", "--date", "1997-01-01"], "not both"),
    (["--date", "1999-01-01", "--from-known", "1998-01-01"], "go together"),
    (["--from", "1996-12-31", "--to", "1997-01-01", "--artikel", "999"], "no article 999"),
    (["--from", "1996-12-31", "--to", "1997-02-30"], "--to: «1997-02-30» is not a date"),
])
def test_diff_errors_are_clear_and_exit_1(corpus_store_path, args, message):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "consolidator", "diff", "BWBR0003420", *args,
                             "--store", str(corpus_store_path)], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr and result.stdout == ""


def test_units_cover_every_article_once(store):
    from consolidator.store.query import text_on
    answer = text_on(store, "BWBR0003420", dt.date(1997, 1, 1))
    found = [u for u in units(answer.tree) if u.kind == "artikel"]
    assert len({u.key for u in found}) == len(found)
    assert found[0].text == lawtext.render_law_text(answer.tree, artikel=found[0].number).rstrip()


def test_render_text_header_names_both_versions(store):
    redline = between_dates(store, "BWBR0003420", dt.date(1996, 12, 31), dt.date(1997, 1, 1),
                            known_at=dt.date(1997, 6, 1))
    head = render_text(redline).splitlines()[:5]
    assert head == [
        "BWBR0003420 Wet op het basisonderwijs",
        "from: valid on 1996-12-31: version valid from 1996-12-31 until 1997-01-01, "
        "known from 1996-12-23",
        "to:   valid on 1997-01-01: version valid from 1997-01-01 until 1999-01-01, "
        "known from 1996-12-23 (superseded on 1998-04-28)",
        "as known on 1997-06-01", "21 change(s)"]
