"""Sources that name the cause (issue 16, point 3): `show`, `history` and `diff` name the act
part that changed an article, not every part of the act; a change of knowledge names the
part of the act published then that changed what is known, and the part it changed."""
from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.cli import cli
from consolidator.store.sources import (ARTIKELEN, _touched, articles_in, event_sources,
                                        sources_for_article)

ACT_1998 = ("Wet van 2 april 1998 tot wijziging van enkele onderwijswetten en technische "
            "wijziging van enkele andere wetten in verband met het totstandbrengen van onder "
            "meer een Wet op het primair onderwijs en een Wet op de expertisecentra")


def run(store, *args):
    result = CliRunner().invoke(cli, [*map(str, args), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return result


def changed_by(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.startswith("  changed by ")]


def test_show_artikel_86_names_onderdeel_b_only(corpus_store_path):
    result = run(corpus_store_path, "show", "BWBR0003420", "--date", "1997-01-01",
                 "--artikel", "86")
    assert changed_by(result.stderr) == [
        "changed by Stb. 1996, 649, ARTIKEL I, onderdeel B: ARTIKEL XII, eerste lid: met "
        "ingang van 1 januari 1997"]
    # without --artikel the version still names every part behind it
    whole = run(corpus_store_path, "show", "BWBR0003420", "--date", "1997-01-01")
    assert len(changed_by(whole.stderr)) == 44


def test_show_of_an_article_this_version_left_alone_says_since_when_it_reads_so(
        corpus_store_path):
    result = run(corpus_store_path, "show", "BWBR0003420", "--date", "1999-01-01",
                 "--known-at", "1998-01-01", "--artikel", "6")
    assert changed_by(result.stderr) == []
    assert ("  artikel 6 is not changed by this version; it reads so since 1997-01-01, "
            "changed by Stb. 1996, 649, ARTIKEL I, onderdeel A") in result.stderr.splitlines()


def test_show_artikel_105a1_says_which_later_act_made_the_version_known(corpus_store_path):
    result = run(corpus_store_path, "show", "BWBR0003420", "--date", "1999-01-01",
                 "--artikel", "105a1")
    assert changed_by(result.stderr) == [
        "changed by Stb. 1996, 649, ARTIKEL I, onderdeel K: ARTIKEL XII, eerste lid: met "
        "ingang van 1 januari 1997"]
    assert (f"  known from 1998-04-28 by {ACT_1998}, ARTIKEL XXI: amends Stb. 1996, 649, "
            "ARTIKEL XII: Stb. 1996, 649, ARTIKEL VI no longer takes effect on 1999-01-01"
            ) in result.stderr.splitlines()
    # an article the 1998 act did not touch is not credited to it
    other = run(corpus_store_path, "show", "BWBR0003420", "--date", "1999-01-01",
                "--artikel", "86")
    assert "ARTIKEL XXI" not in other.stderr


def test_show_official_history_names_the_wti_entry_of_the_article(corpus_store_path):
    result = run(corpus_store_path, "show", "BWBR0002458", "--date", "2011-01-01",
                 "--artikel", "1")
    assert changed_by(result.stderr) == []
    assert "  artikel 1 is not changed by this version; it reads so since 2009-07-01, " \
           "changed by Stb. 2009, 265 (Kamerstukken 31124)" in result.stderr.splitlines()


def test_history_artikel_86_names_onderdeel_b_only(corpus_store_path):
    lines = run(corpus_store_path, "history", "BWBR0003420", "--artikel", "86").output.splitlines()
    rows = [line for line in lines if line.startswith("1997-01-01")]
    assert len(rows) == 2
    for row in rows:
        assert row.endswith("Stb. 1996, 649, ARTIKEL I, onderdeel B"), row


def test_history_names_the_cause_of_a_change_of_knowledge(corpus_store_path):
    lines = run(corpus_store_path, "history", "BWBR0003420", "--artikel",
                "105a1").output.splitlines()
    later = next(line for line in lines if "known 1998-04-28" in line)
    assert later.endswith(f"Stb. 1996, 649, ARTIKEL I, onderdeel K  (known by {ACT_1998}, "
                          "ARTIKEL XXI (amends Stb. 1996, 649, ARTIKEL XII: Stb. 1996, 649, "
                          "ARTIKEL VI no longer takes effect on 1999-01-01))")
    # the causes that are the parts themselves are not repeated
    assert not any("known by Stb." in line for line in lines)


def test_history_says_known_from_the_start(corpus_store_path):
    output = run(corpus_store_path, "history", "BWBR0003420").output
    assert "known from the start – 1996-12-23" in output
    assert "known the start" not in output


def test_history_json_keeps_every_source_and_adds_those_of_the_article(corpus_store_path):
    found = json.loads(run(corpus_store_path, "history", "BWBR0003420", "--artikel", "86",
                           "--format", "json").output)
    row = next(r for r in found["versions"] if r["known_from"] == "1998-04-28")
    assert len(row["sources"]) == 44
    assert [s["label"] for s in row["artikel_sources"]] == ["Stb. 1996, 649, ARTIKEL I, onderdeel B"]
    assert row["artikel_sources"][0][ARTIKELEN] == ["86"]
    assert [c["label"] for c in row["known_by"]] == [f"{ACT_1998}, ARTIKEL XXI"]


def test_diff_of_knowledge_credits_the_1998_act_not_onderdeel_k(corpus_store_path):
    output = run(corpus_store_path, "diff", "BWBR0003420", "--date", "1999-01-01",
                 "--from-known", "1998-01-01", "--to-known", "1998-12-31").output
    headings = [line for line in output.splitlines() if line.startswith("== ")]
    assert headings == [
        f"== Artikel 105a1: changed by {ACT_1998}, ARTIKEL XXI (known from 1998-04-28: amends "
        "Stb. 1996, 649, ARTIKEL XII: Stb. 1996, 649, ARTIKEL VI no longer takes effect on "
        "1999-01-01)"]


def test_diff_of_knowledge_over_the_seed_names_each_part(corpus_store_path):
    output = run(corpus_store_path, "diff", "BWBR0003420", "--date", "1997-01-01",
                 "--from-known", "1996-01-01", "--to-known", "1998-12-31").output
    headings = [line for line in output.splitlines() if line.startswith("== ")]
    assert "== Artikel 86: repealed by Stb. 1996, 649, ARTIKEL I, onderdeel B (known from " \
           "1996-12-23)" in headings
    # the 1998 act changed nothing of the text valid on 1997-01-01
    assert "== Artikel 105a1: added by Stb. 1996, 649, ARTIKEL I, onderdeel K (known from " \
           "1996-12-23)" in headings
    assert not any("ARTIKEL XXI" in line for line in headings)


def test_diff_between_dates_keeps_the_change_log_wording(corpus_store_path):
    output = run(corpus_store_path, "diff", "BWBR0003420", "--from", "1996-12-31", "--to",
                 "1997-01-01", "--artikel", "86").output
    assert "== Artikel 86: repealed by Stb. 1996, 649, art. I, onderdeel B (1997-01-01)" in output


# --------------------------------------------------------------------------- recording

class _Event:
    """What ``event_sources`` reads of a timeline event."""

    def __init__(self, label, artikel, onderdeel="", punt=""):
        from consolidator.model import Act
        from consolidator.read.iwtrules import Part
        self.label = label
        self.reason = "a reason"
        self.valid_from = dt.date(1997, 1, 1)
        self.act = Act("an act", (), stb="1996, 649")
        self.parts = (Part(artikel, onderdeel, punt),)


def _law(entries: list[tuple[str, str]]):
    """A toestand with articles 1 and 2 and a change log of (idref, bron) entries."""
    root = etree.fromstring(
        "<toestand><wetgeving><wet-besluit><wettekst>"
        "<artikel id='a1'><kop><nr>1</nr></kop></artikel>"
        "<artikel id='a2'><kop><nr>2</nr></kop><lid id='l1'/></artikel>"
        "</wettekst></wet-besluit></wetgeving><bwb-wijzigingen/></toestand>")
    ledger = root.find("bwb-wijzigingen")
    for ref, bron in entries:
        entry = etree.SubElement(ledger, "bwb-wijziging", idref=ref)
        etree.SubElement(entry, "label", bron=bron, inwerking="1997-01-01")
    return root


def test_each_source_records_the_articles_its_instructions_touched():
    tree = _law([("a1", "Stb. 1996, 649, art. I, onderdeel A"),
                 ("l1", "Stb. 1996, 649, art. I, onderdeel B, punt 2, subpunt a")])
    events = [_Event("Stb. 1996, 649, ARTIKEL I, onderdeel A", "I", "A"),
              _Event("Stb. 1996, 649, ARTIKEL I, onderdeel B, punt 2", "I", "B", "2"),
              _Event("Stb. 1996, 649, ARTIKEL I, onderdeel B, punt 1", "I", "B", "1")]
    sources = event_sources(tree, events, {"1": "x", "2": "y"}, {"1": "x1", "2": "y1"})
    assert [s[ARTIKELEN] for s in sources] == [["1"], ["2"], []]
    assert sources_for_article(sources, "2") == [sources[1]]


def test_a_change_the_log_does_not_account_for_records_no_articles_at_all():
    tree = _law([("a1", "Stb. 1996, 649, art. I, onderdeel A")])
    events = [_Event("Stb. 1996, 649, ARTIKEL I, onderdeel A", "I", "A")]
    # article 2 changed too, but no entry names it: no part is singled out
    sources = event_sources(tree, events, {"1": "x", "2": "y"}, {"1": "x1", "2": "y1"})
    assert all(ARTIKELEN not in s for s in sources)
    assert sources_for_article(sources, "2") is None


# -- the change log read by XPath, held to a walk over the law in Python

_DATES = st.sampled_from(["1997-01-01", "1998-08-01", None])
_IDS = st.sampled_from(["a1", "a2", "l1", "h1", "x9", None])


@st.composite
def _logged_law(draw):
    """A law with a heading, articles and a lid (an id may be given twice, or left out)
    and a change log whose entries are dated or not, with or without an idref, with their
    label first, later, twice or missing, comments among them."""
    ids = [draw(_IDS) for _ in range(5)]
    attrs = [f" id='{i}'" if i else "" for i in ids]
    root = etree.fromstring(
        f"<toestand{attrs[0]}><wetgeving><wet-besluit><wettekst><hoofdstuk{attrs[1]}><kop>"
        f"<nr>1</nr></kop><artikel{attrs[2]}><kop><nr>1</nr></kop></artikel>"
        f"<artikel{attrs[3]}><kop><nr>2</nr></kop><lid{attrs[4]}/></artikel></hoofdstuk>"
        "</wettekst></wet-besluit></wetgeving><bwb-wijzigingen/></toestand>")
    ledger = root.find("bwb-wijzigingen")
    for n in range(draw(st.integers(0, 6))):
        ref = draw(_IDS)
        entry = etree.SubElement(ledger, "bwb-wijziging", **({"idref": ref} if ref else {}))
        if draw(st.booleans()):
            entry.append(etree.Comment("c"))
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                etree.SubElement(entry, "other")
            date = draw(_DATES)
            etree.SubElement(entry, "label", bron=f"part {n % 3}",
                             **({"inwerking": date} if date else {}))
    return root


def _walked(root, date: str) -> dict:
    """What ``_touched`` finds, by walking the law in Python: each entry whose first label
    is dated ``date``, credited with the articles of the last element carrying its idref."""
    by_id = {}
    for el in root.iter("*"):
        if el.get("id") is not None:
            by_id[el.get("id")] = el
    found: dict = {}
    for entry in root.find("bwb-wijzigingen").findall("bwb-wijziging"):
        label = entry.find("label")
        if label is None or label.get("inwerking") != date:
            continue
        numbers = found.setdefault(label.get("bron", ""), set())
        el = by_id.get(entry.get("idref")) if entry.get("idref") else None
        if el is not None:
            numbers |= articles_in(el)
    return found


@settings(max_examples=150, deadline=None)
@given(root=_logged_law(), date=st.sampled_from(["1997-01-01", "1998-08-01"]))
def test_the_change_log_read_by_xpath_is_the_log_walked(root, date):
    assert _touched(root, date) == _walked(root, date)


def test_an_entry_without_idref_touches_no_article():
    tree = _law([("a1", "Stb. 1996, 649, art. I, onderdeel A")])
    entry = etree.SubElement(tree.find("bwb-wijzigingen"), "bwb-wijziging")
    etree.SubElement(entry, "label", bron="Stb. 1996, 649, art. I, onderdeel B",
                     inwerking="1997-01-01")
    assert _touched(tree, "1997-01-01") == {"Stb. 1996, 649, art. I, onderdeel A": {"1"},
                                            "Stb. 1996, 649, art. I, onderdeel B": set()}
