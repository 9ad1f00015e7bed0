"""The static site (consolidator/views/site*.py, templates/) and the render command."""
from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from conftest import ROOT
from consolidator.cli import cli
from consolidator.law import lawfile, lawtext, toestand
from consolidator.model import CONDITION_KINDS
from consolidator.read.iwtrules import EntryRules, Part
from consolidator.store.db import EARLIEST, Store
from consolidator.store.versions import article_digests
from consolidator.time.facts import ActFact
from consolidator.time.samenloop import decide
from consolidator.views import site as site_module
from consolidator.views import site_words
from consolidator.views.site_search import CALLBACK
from consolidator.views.site_sources import PUBLICATIONS, publication, source_groups
from consolidator import ownership

#: English words the engine uses and Dutch does not: none may be read on a page
ENGLISH = {"the", "and", "on", "for", "to", "by", "after", "before", "known", "valid", "version",
           "versions", "text", "base", "act", "acts", "law", "laws", "applies", "applied",
           "enacted", "took", "takes", "retroactive", "changed", "added", "repealed", "removed",
           "superseded", "since", "until", "from", "with", "which", "not", "nothing", "waits",
           "among", "given", "this", "it", "new", "unchanged", "stamp", "search", "results",
           "page", "date", "none", "every", "store", "names", "depends"}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FILE_PATH = re.compile(r"[\w.-]+/[\w./-]*\.(?:xml|txt|sqlite|toml)\b")


@pytest.fixture(scope="module")
def site(corpus_store_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(cli, ["render", "--store", str(corpus_store_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "BWBR0003420: 2 version(s), 3 superseded" in result.stderr  # progress
    assert "not in Dutch" not in result.stderr
    return out


def page(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def visible_text(path: Path) -> str:
    """What a reader reads: the page's text without addresses shown as code."""
    doc = lhtml.fromstring(path.read_bytes())
    for code in list(doc.iter("code")):
        code.drop_tree()
    return " ".join(doc.text_content().split())


def main_text(site: Path, path: str) -> str:
    return " ".join(lhtml.fromstring((site / path).read_bytes()).find(".//main")
                    .text_content().split())


# --------------------------------------------------------------------------- pages

def test_the_index_lists_every_law_of_the_store(site, corpus_store_path):
    store = Store(corpus_store_path)
    laws = store.laws()
    store.close()
    index = page(site, "index.html")
    for law_id, title in laws:
        assert f'href="{law_id}/index.html">{title}</a>' in index
        assert (site / law_id / "index.html").exists()


def test_one_page_per_version_with_the_text_of_that_date(site):
    before = page(site, "BWBR0003420/1996-12-31.html")
    after = page(site, "BWBR0003420/1997-01-01.html")
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in before
    assert "Geldend van 1 januari 1997 t/m heden" in after
    assert "Artikel 105a1. Gemeentelijk beleid" in after and "Artikel 105a1" not in before
    assert '<option value="1997-01-01.html" data-from="1997-01-01" data-until="" selected>' in after


def test_the_redline_page_marks_words_and_names_the_onderdeel(site):
    changes = page(site, "BWBR0003420/1997-01-01-wijzigingen.html")
    assert "<h2 id=\"artikel-6\">Artikel 6: gewijzigd</h2>" in changes
    assert "Stb. 1996, 649, art. I, onderdeel A (in werking 1 januari 1997)" in \
        main_text(site, "BWBR0003420/1997-01-01-wijzigingen.html")
    assert "[verwijderd: </span>bijzondere<" in changes
    assert not (site / "BWBR0003420" / "1996-12-31-wijzigingen.html").exists()


def test_an_article_page_has_its_periods_and_sources(site):
    article = main_text(site, "BWBR0003420/artikel/105b.html")
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in article
    assert "Geldend van 1 januari 1997 t/m heden" in article
    assert "Stb. 1996, 649, art. I, onderdeel L, punt 4" in article
    dhw = page(site, "BWBR0002458/artikel/42.html")
    assert "Nieuwe versie (BWB), tekst ongewijzigd per 14 juli 2010" in dhw


def test_the_act_page_lists_its_parts_dates_and_changes(site):
    act = page(site, "besluiten/stb-1996-649.html")
    tree = lhtml.fromstring(act)
    rows = [[" ".join(td.text_content().split()) for td in tr.findall("td")]
            for tr in tree.iter("tr") if tr.findall("td")]
    assert ["ARTIKEL I, onderdeel A", "1 januari 1997",
            "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997",
            "Artikel 6 (gewijzigd)", "sinds 23 december 1996"] in rows
    assert "Door latere kennis vervangen" in act  # ARTIKEL VI: 1999 no longer, since 1998
    assert ("Stb. 1996, 649, ARTIKEL VI: niet toegepast, wacht op een latere wet (ARTIKEL XII, "
            "tweede lid: met ingang van een bij wet te bepalen tijdstip)") in act
    # the superseded date links to the text that was to hold from then
    assert '<a href="../BWBR0003420/1999-01-01-bekend-op-1996-12-23.html">1 januari 1999</a>' \
        in act


def test_every_page_is_well_formed_and_accessible(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 300
    for path in pages:
        doc = lhtml.fromstring(path.read_bytes())
        name = path.relative_to(site)
        assert doc.get("lang") == "nl", name
        assert len(doc.findall(".//main")) == 1 and len(doc.findall(".//h1")) == 1, name
        levels = [int(el.tag[1]) if el.tag[0] == "h" else int(el.get("aria-level"))
                  for el in doc.iter("h1", "h2", "h3", "h4", "h5", "h6", "p")
                  if el.tag != "p" or el.get("role") == "heading"]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)
        labels = {label.get("for") for label in doc.iter("label")}
        for control in doc.iter("select", "input"):
            if control.get("type") != "hidden":
                assert control.get("id") in labels, name
        for details in doc.iter("details"):
            assert details[0].tag == "summary" and details[0].text_content().strip(), name
        for link in doc.iter("a"):
            href = link.get("href")
            if href and not href.startswith(("http", "#")):
                target = (path.parent / href.split("#")[0].split("?")[0]).resolve()
                assert target.exists(), (name, href)


def test_the_same_store_gives_the_same_bytes(site, corpus_store_path, tmp_path):
    again = tmp_path / "again"
    store = Store(corpus_store_path)
    site_module.render_site(store, again)
    store.close()
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_the_print_stylesheet_leaves_out_the_controls(site):
    css = page(site, "style.css")
    printed = css[css.index("@media print"):]
    hidden = re.search(r"\n  ([^{]*)\{ display: none; \}", printed).group(1)
    for selector in (".kiezer", ".zoek", "header.site nav", ".skip", ".adres"):
        assert selector in hidden


# --------------------------------------------------------------------------- Dutch

def test_every_page_is_in_dutch_without_paths_or_iso_dates(site):
    for path in sorted(site.rglob("*.html")):
        text = visible_text(path)
        name = path.relative_to(site)
        english = sorted({w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH})
        assert not english, (name, english)
        assert not FILE_PATH.search(text), (name, FILE_PATH.search(text).group(0))
        assert not ISO_DATE.search(text), (name, ISO_DATE.search(text).group(0))


def test_the_base_text_is_named_without_its_file(site):
    overview = main_text(site, "BWBR0003420/index.html")
    assert "Uitgangstekst (de tekst op 31 december 1996)" in overview
    assert "base.xml" not in page(site, "BWBR0003420/index.html")


def test_repeal_marks_give_their_date_in_words(site):
    text = main_text(site, "BWBR0003420/1997-01-01.html")
    assert "Artikel 86 [Vervallen per 1 januari 1997]" in text
    assert "[Vervallen per 1997-01-01]" not in page(site, "BWBR0003420/1997-01-01.html")
    assert site_words.repeal_marks("8. [Vervallen per 2005-07-31]") == \
        "8. [Vervallen per 31 juli 2005]"


def test_the_plain_text_and_the_text_diff_keep_iso_dates(corpus_store_path):
    text = CliRunner().invoke(cli, ["diff", "BWBR0003420", "--from", "1996-12-31", "--to",
                                    "1997-01-01", "--store", str(corpus_store_path)])
    assert "{+ [Vervallen per 1997-01-01]+}" in text.stdout
    page_html = CliRunner().invoke(cli, ["diff", "BWBR0003420", "--from", "1996-12-31", "--to",
                                         "1997-01-01", "--format", "html", "--store",
                                         str(corpus_store_path)]).stdout
    assert "[Vervallen per 1 januari 1997]" in page_html and "1997-01-01]" not in page_html
    assert "<dt>Van (geldend op 31 december 1996)</dt>" in page_html
    assert "zoals nu bekend (alle besluiten in de opslag)" in page_html
    assert "valid on" not in page_html and "as known" not in page_html
    knowledge = CliRunner().invoke(cli, ["diff", "BWBR0003420", "--date", "1999-01-01",
                                         "--from-known", "1998-01-01", "--to-known", "1998-12-31",
                                         "--format", "html", "--store", str(corpus_store_path)])
    assert "<dt>Van (zoals bekend op 1 januari 1998)</dt>" in knowledge.stdout
    assert "<dt>Vergeleken</dt><dd>geldend op 1 januari 1999</dd>" in knowledge.stdout


def test_the_engine_s_reasons_are_said_in_dutch():
    say = lambda text: site_words.reason(text)  # noqa: E731
    assert say("the text on 1996-12-31") == site_words.Wording("de tekst op 31 december 1996")
    assert say("in force 2014-02-15, retroactive to 2013-01-01").text == \
        "in werking 15 februari 2014, terugwerkend tot 1 januari 2013"
    assert say("ARTIKEL XII, eerste lid: met ingang van 1 januari 1997").text == \
        "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997"  # the act's own words
    pending = EntryRules(label="Stb. 2000, 1").entry(Part("I"), None)
    assert say(pending.reason).text == "Stb. 2000, 1 heeft geen inwerkingtredingsbepaling"
    assert say("the act names no date for artikel II").text == \
        "het besluit noemt geen datum voor artikel II"


_FACTS = (ActFact(stb="1996, 580", in_force=dt.date(1997, 2, 1)),
          ActFact(stb="1996, 580", in_force=dt.date(1996, 2, 1)),
          ActFact(stb="1996, 580"),
          ActFact(stb="1996, 580", enacted=dt.date(1996, 11, 14), in_force=dt.date(1997, 2, 1)),
          ActFact(kamerstukken="24 138", in_force=dt.date(1996, 2, 1)),
          ActFact(kamerstukken="24 138", enacted=dt.date(1996, 1, 1)))


@pytest.mark.parametrize("kind, fact", [(k, f) for k in CONDITION_KINDS for f in _FACTS])
def test_every_samenloop_decision_is_said_in_dutch(kind, fact):
    decision = decide(kind, "Stb. 1996, 580", dt.date(1997, 1, 1), fact, None)
    verdict = "applies" if decision.applies else "not applied"
    text = f"Stb. 1996, 649, ARTIKEL X (samenloop): {verdict}: {decision.reason}"
    if decision.applies:
        text += "; it amends another act, which is not among the acts given, so nothing of " \
                "it reaches this law"
    said = site_words.note(text)
    assert said.lang == "nl", said.text
    assert "1997-01-01" not in said.text and "1996-" not in said.text


def test_every_note_of_the_corpus_is_in_dutch(corpus_store_path):
    store = Store(corpus_store_path)
    notes = {n for law_id, _ in store.laws() for n in store.notes(law_id)}
    store.close()
    assert len(notes) >= 4
    for text in notes:
        assert site_words.note(text).lang == "nl", text


def test_an_unknown_sentence_is_shown_as_english_and_reported(tmp_path):
    assert site_words.note("Stb. 1, ARTIKEL I: something new happened") == site_words.Wording(
        "Stb. 1, ARTIKEL I: something new happened", "en")
    odd = "Stb. 1, ARTIKEL X (samenloop): not applied: the moon was full"  # known frame, odd why
    assert site_words.note(odd) == site_words.Wording(odd, "en")
    store_path = _synthetic_store(tmp_path / "s.sqlite", note="Stb. 1, ARTIKEL I: the engine "
                                  "changed its words")
    result = CliRunner().invoke(cli, ["render", "--store", str(store_path), "-o",
                                      str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "not in Dutch, shown as it is: TEST0001: Stb. 1, ARTIKEL I: the engine changed" \
        in result.stderr
    assert '<span lang="en">Stb. 1, ARTIKEL I: the engine changed its words</span>' in \
        page(tmp_path / "site", "TEST0001/index.html")


def test_counts_are_singular_or_plural(site):
    assert "(1 onderdeel)" in page(site, "besluiten/index.html")
    assert "(105 onderdelen)" in page(site, "besluiten/index.html")
    assert "onderde(e)l" not in page(site, "besluiten/index.html")
    assert "1 wijziging per" in main_text(site, "BWBR0035878/index.html")


# --------------------------------------------------------------------------- sources

def test_a_long_list_of_act_parts_folds_under_a_short_summary(site):
    doc = lhtml.fromstring((site / "BWBR0003420" / "index.html").read_bytes())
    versions = doc.xpath("//table[caption='Versies zoals nu bekend']/tbody/tr")
    first, second = [row.findall("td")[3] for row in versions]
    assert first.find(".//details") is None
    folded = second.find(".//details")
    assert folded.find("summary").text_content() == "44 onderdelen"
    assert len(folded.findall(".//li")) == 44
    assert folded.getnext().text_content() == \
        "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997"  # the reason, once


def test_few_parts_are_listed_without_folding():
    groups = source_groups([{"label": "Stb. 2000, 1, ARTIKEL I", "reason": "in force 2000-01-01"},
                            {"label": "Stb. 2000, 2", "reason": "in force 2000-01-01"}], {})
    assert [g.summary for g in groups] == ["ARTIKEL I", "geheel"]
    assert groups[0].parts[0][1].text == "in werking 1 januari 2000"


@pytest.mark.parametrize("label, url", [
    ("Stb. 1996, 649", "stb-1996-649.html"),
    ("Stb. 1996, 649, ARTIKEL I, onderdeel A", "stb-1996-649.html"),
    ("Stb. 1996, 649, art. I, onderdeel A", "stb-1996-649.html"),
    ("Stb. 2013, 560 (Kamerstukken 33507)", "stb-2013-560.html"),
    ("Stcrt. 2010, 12345", "stcrt-2010-12345.html"),
])
def test_a_staatsblad_reference_links_to_its_publication(label, url):
    assert publication(label).url == PUBLICATIONS + url


@pytest.mark.parametrize("label", [
    "javascript:alert(1)", "https://example.org/stb-1996-649.html", "Stb. 1996, 649x",
    "Stb. 96, 649", "Stb 1996, 649", "Stb. 1996, 0649", "Stb. 1996,649", " Stb. 1996, 649",
    "Wet van 21 maart 2022 tot wijziging van de Wet stelsel openbare bibliotheekvoorzieningen",
    "base text (corpus/BWBR0003420/base.xml)", "Stb. 1996, 649/../../x",
])
def test_anything_else_gets_no_link(label):
    assert publication(label) is None


def test_the_site_links_out_only_to_publications(site):
    outside = set()
    for path in site.rglob("*.html"):
        for link in lhtml.fromstring(path.read_bytes()).iter("a"):
            href = link.get("href") or ""
            if ":" in href.split("/", 1)[0]:
                outside.add(href)
    assert PUBLICATIONS + "stb-1996-649.html" in outside
    assert all(re.fullmatch(re.escape(PUBLICATIONS) + r"(stb|stcrt)-\d{4}-\d+\.html", h)
               for h in outside), outside
    act = main_text(site, "besluiten/stb-1996-649.html")
    assert "Officiële publicatie: Stb. 1996, 649 in het Staatsblad" in act
    assert "Staatsblad 1996, 649" in main_text(site, "BWBR0003420/index.html")


# --------------------------------------------------------------------------- every version

def test_every_version_of_the_store_has_a_page_linked_from_the_overview(site, corpus_store_path):
    store = Store(corpus_store_path)
    for law_id, _ in store.laws():
        overview = lhtml.fromstring((site / law_id / "index.html").read_bytes())
        links = {a.get("href") for a in overview.iter("a")}
        for version in store.all_versions(law_id):
            name = f"{version.valid_from}.html" if version.current else \
                f"{version.valid_from}-bekend-op-" \
                f"{'begin' if version.known_from == EARLIEST else version.known_from}.html"
            assert name in links, (law_id, name)
            assert (site / law_id / name).exists()
    store.close()


def test_a_superseded_version_shows_the_text_then_known(site):
    old = main_text(site, "BWBR0003420/1999-01-01-bekend-op-1996-12-23.html")
    now = main_text(site, "BWBR0003420/1997-01-01.html")
    assert "Geldend van 1 januari 1999 t/m heden, bekend sinds 23 december 1996, vervangen op " \
           "28 april 1998" in old
    assert "Vervangen tekst." in old
    lid = "5. In afwijking van artikel 8:1 van de Algemene wet bestuursrecht"
    assert lid in old and lid not in now  # ARTIKEL VI, as known before Stb. 1998
    assert "5. Artikel 8:2 van de Algemene wet bestuursrecht is niet van toepassing" in now
    difference = main_text(site, "BWBR0003420/1999-01-01-bekend-op-1996-12-23-verschil.html")
    assert "Artikel 105a1: gewijzigd" in difference


def test_a_change_of_knowledge_names_the_later_act_and_the_part_it_changed(site):
    difference = main_text(site, "BWBR0003420/1999-01-01-bekend-op-1996-12-23-verschil.html")
    assert ("ARTIKEL XXI (bekend sinds 28 april 1998: wijzigt Stb. 1996, 649, ARTIKEL XII: "
            "Stb. 1996, 649, ARTIKEL VI treedt niet meer in werking op 1 januari 1999)"
            ) in " ".join(difference.split())
    assert "onderdeel K" not in difference


def test_the_zoals_bekend_op_page_lists_what_was_known_then(site):
    overview = page(site, "BWBR0003420/index.html")
    assert '<a href="bekend-op-1996-12-23.html">Zoals bekend op 23 december 1996</a> ' \
           '(van 23 december 1996 tot 28 april 1998)' in overview
    assert '<a href="bekend-op-begin.html">Zoals bekend vóór 23 december 1996</a>' in overview
    history = lhtml.fromstring(overview).xpath(
        "//table[caption='Alle versies, ook vervangen versies']/tbody/tr[@class='vervangen']")
    assert [[a.get("href") for a in row.iter("a")][:2] for row in history] == [
        ["bekend-op-begin.html", "1996-12-31-bekend-op-begin.html"],
        ["bekend-op-1996-12-23.html", "1997-01-01-bekend-op-1996-12-23.html"],
        ["bekend-op-1996-12-23.html", "1999-01-01-bekend-op-1996-12-23.html"]]
    known = lhtml.fromstring((site / "BWBR0003420" / "bekend-op-1996-12-23.html").read_bytes())
    rows = [[" ".join(td.text_content().split()) for td in tr.findall("td")[:3]]
            for tr in known.iter("tr") if tr.findall("td")]
    assert rows == [
        ["Geldend van 31 december 1996 t/m 31 december 1996", "Tekst per 31 december 1996",
         "nog steeds zo bekend"],
        ["Geldend van 1 januari 1997 t/m 31 december 1998", "Tekst per 1 januari 1997",
         "vervangen op 28 april 1998"],
        ["Geldend van 1 januari 1999 t/m heden", "Tekst per 1 januari 1999",
         "vervangen op 28 april 1998"]]
    assert not (site / "BWBR0002458" / "bekend-op-2010-07-14.html").exists()  # nothing replaced


# --------------------------------------------------------------------------- addresses

def test_every_version_has_a_stable_folder_address(site, corpus_store_path):
    store = Store(corpus_store_path)
    for law_id, _ in store.laws():
        for version in store.current_versions(law_id):
            folder = site / law_id / version.valid_from / "index.html"
            assert main_text(site, f"{law_id}/{version.valid_from}.html") == \
                main_text(site, str(folder.relative_to(site)))
    store.close()
    folder = page(site, "BWBR0003420/1997-01-01/index.html")
    assert '<option value="../1997-01-01.html" data-from="1997-01-01" data-until="" selected>' \
        in folder
    assert '<a href="../../style.css"' not in folder and 'href="../../style.css"' in folder


def test_the_date_page_lists_every_version_for_its_script(site):
    doc = lhtml.fromstring((site / "BWBR0002458" / "op.html").read_bytes())
    links = doc.xpath("//ul[@id='datum-versies']/li/a")
    assert [(a.get("href"), a.get("data-from"), a.get("data-until")) for a in links][:2] == [
        ("2000-11-01/index.html", "2000-11-01", "2002-07-01"),
        ("2002-07-01/index.html", "2002-07-01", "2003-06-01")]
    assert links[-1].get("data-until") == ""
    assert doc.xpath("//form[@action='op.html']//input[@name='datum']")
    assert doc.xpath("//script/@src") == ["../datum.js"]
    # the date picker of every text page leads there without JavaScript
    assert '<form action="op.html" method="get" class="picker" data-date-picker="versie">' in \
        page(site, "BWBR0002458/2010-07-14.html")


# --------------------------------------------------------------------------- search

def _index(site: Path, law_id: str) -> dict:
    script = page(site, f"{law_id}/zoekindex.js")
    assert script.startswith(f"{CALLBACK}(") and script.endswith(");\n")
    return json.loads(script[len(CALLBACK) + 1:-3])


def test_each_law_has_a_search_index_of_its_articles(site):
    index = _index(site, "BWBR0003420")
    assert index["wet"] == "BWBR0003420" and index["titel"] == "Wet op het basisonderwijs"
    pages = {a["pagina"] for a in index["artikelen"]}
    assert pages == {f"artikel/{p.name}" for p in (site / "BWBR0003420" / "artikel").iterdir()}
    art86 = next(a for a in index["artikelen"] if a["label"] == "Artikel 86")
    assert art86["vervallen"] and art86["kop"] == "Artikel 86 [Vervallen per 1 januari 1997]"
    assert "ruimte voor het onderwijs in lichamelijke oefening" in art86["tekst"]  # 1996 text
    art105a1 = next(a for a in index["artikelen"] if a["label"] == "Artikel 105a1")
    assert "Artikel 105a1. Gemeentelijk beleid" in art105a1["kop"]


def test_the_search_page_offers_every_law_and_builds_no_markup(site):
    doc = lhtml.fromstring((site / "zoeken.html").read_bytes())
    options = doc.xpath("//select[@id='zoekwet']/option[@data-index]")
    assert [o.get("data-index") for o in options] == \
        [f"{p.name}/zoekindex.js" for p in sorted(site.iterdir()) if (p / "zoekindex.js").exists()]
    assert doc.xpath("//form[@role='search']//label[@for='zoekterm']")
    script = page(site, "zoeken.js")
    assert "innerHTML" not in script and "eval(" not in script
    assert f"window.{CALLBACK} = function" in script
    # each law's overview and the index offer a search that leads to the search page
    assert '<form action="../zoeken.html" method="get" class="zoek" role="search"' in \
        page(site, "BWBR0003420/index.html")


# --------------------------------------------------------------------------- safety and errors

def _synthetic_store(path: Path, note: str = "<script>alert(3)</script>") -> Path:
    """A law whose text holds markup, in a store of its own."""
    text = ("Wet <b>vet</b>\nArtikel 1. <script>alert(1)</script>\n"
            "1. Een lid met <script>alert(2)</script> & meer.\n")
    tree = lawtext.parse_law_text(text, bwb_id="TEST0001", date=dt.date(2000, 1, 1))
    store = Store(path, create=True)
    with store.transaction():
        store.add_law("TEST0001", toestand.law_title(tree), dt.date(2000, 1, 1), "synthetic")
        store.insert_version("TEST0001", "2000-01-01", None, EARLIEST, lawfile.serialize(tree),
                             [{"label": "base text (synthetic)", "reason": "test"}],
                             article_digests(tree))
        store.set_notes("TEST0001", EARLIEST, [note])
    store.close()
    return path


def test_law_text_with_markup_is_shown_as_text(tmp_path):
    corpus_store_path = _synthetic_store(tmp_path / "s.sqlite")
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["render", "--store", str(corpus_store_path), "-o", str(out),
                                      "--quiet"])
    assert result.exit_code == 0, result.output
    for path in out.rglob("*.html"):
        assert "<script>alert" not in path.read_text("utf-8"), path
    text = page(out, "TEST0001/2000-01-01.html")
    assert "Artikel 1. &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Een lid met &lt;script&gt;alert(2)&lt;/script&gt; &amp; meer." in text
    assert "<title>Wet &lt;b&gt;vet&lt;/b&gt;" in text
    assert "&lt;script&gt;alert(3)" in page(out, "TEST0001/index.html")
    index = _index(out, "TEST0001")  # data, inside a JSON string
    assert index["artikelen"][0]["kop"] == "Artikel 1. <script>alert(1)</script>"


def _old_site(out: Path, name: str) -> None:
    """A site an earlier render wrote: one page, listed in the marker."""
    out.mkdir()
    (out / name).write_text("old")
    ownership.write_marker(out, ownership.Marker("site", "", (name,)))


def test_a_failed_render_leaves_the_old_site(corpus_store_path, tmp_path, monkeypatch):
    out = tmp_path / "site"
    _old_site(out, "old.html")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_module, "act_summary", broken)
    store = Store(corpus_store_path)
    with pytest.raises(RuntimeError):
        site_module.render_site(store, out)
    store.close()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert sorted(p.name for p in out.iterdir()) == [ownership.MARKER, "old.html"]


def test_a_render_replaces_the_old_site(corpus_store_path, tmp_path):
    out = tmp_path / "site"
    _old_site(out, "stale.html")
    store = Store(corpus_store_path)
    site_module.render_site(store, out)
    store.close()
    assert not (out / "stale.html").exists() and (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_templates_are_package_data():
    """An installed wheel must carry every template, the stylesheet and the scripts."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "consolidator.templates" in config["packages"]
    assert config["package-dir"]["consolidator.templates"] == "templates"
    patterns = config["package-data"]["consolidator.templates"]
    for path in (ROOT / "templates").iterdir():
        if path.suffix != ".py" and path.is_file():
            assert any(fnmatch.fnmatch(path.name, p) for p in patterns), path.name


def test_render_without_a_store_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "consolidator", "render", "--store",
                             str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "site")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "no store at" in result.stderr
    assert not (tmp_path / "site").exists()
