"""lawtext: the plain law-text format both ways, and the import-text/text commands."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consolidator.law import elements, history, lawfile, toc, toestand
from consolidator.cli.law import import_text_cmd, text_cmd
from consolidator.errors import LawFormatError, TargetNotFound
from consolidator.law.lawtext import parse_law_text, render_law_text

FIXTURES = Path(__file__).parent / "fixtures" / "bwb"
ZORGTOESLAG = FIXTURES / "BWBR0018451_2025-01-01_0.xml"
DHW = FIXTURES / "BWBR0002458_2005-09-14_0.xml"

# the example of docs/law-text-format.md, verbatim
EXAMPLE = """\
Wet op de proefnemingen
Hoofdstuk 1. Algemene bepalingen
Artikel 1. Begripsbepalingen
In deze wet wordt verstaan onder:
  a. proef: een proef als bedoeld in artikel 2;
  b. Onze Minister: Onze Minister van Onderwijs, Cultuur en Wetenschap.
Artikel 2
1. De eerste volzin van het eerste lid. Dit is de tweede volzin.
2. Het tweede lid bepaalt:
  a. een onderdeel;
  b. een onderdeel met subonderdelen:
    1°. het eerste;
    2°. het tweede.
3. Dit lid heeft twee alinea's.
Dit is de tweede alinea van het derde lid.
§ 2. Vergoedingen
Artikel 2a
Een artikel zonder genummerde leden.
"""

REPEALED = """\
Wet met vervallen delen
Inhoudsopgave
  Artikel 1. Begrippen
  § 2. Oud
Artikel 1. Begrippen
1. [Vervallen per 1997-01-01]
2. Het tweede lid:
  a. [Vervallen per 1998-08-01]
  b. blijft.
§ 2 [Vervallen per 1997-01-01]
Artikel 2 [Vervallen per 1997-01-01]
Artikel 3 [Vervallen]
"""


def parse(text, **kw):
    tree = parse_law_text(text, source="wet.txt", **kw)
    assert lawfile.validate(tree) == []
    return tree


# --------------------------------------------------------------------------- round trips

def test_format_doc_example_round_trips():
    assert render_law_text(parse(EXAMPLE)) == EXAMPLE


def test_example_structure():
    tree = parse(EXAMPLE)
    hoofdstuk = elements.wettekst(tree).find("hoofdstuk")
    assert elements.heading_info(hoofdstuk) == elements.Heading("hoofdstuk", "Hoofdstuk", "1",
                                                  "Algemene bepalingen")
    paragraaf = hoofdstuk.find("paragraaf")  # § 2 nests in Hoofdstuk 1
    assert elements.artikel_number(paragraaf.find("artikel")) == "2a"
    lid2 = elements.find_article(tree, "2").findall("lid")[1]
    assert [elements.li_label(li) for li in lid2.iter("li")] == ["a.", "b.", "1°.", "2°."]
    assert len(elements.find_article(tree, "2").findall("lid")[2].findall("al")) == 2


def test_whitespace_runs_are_normalised():
    messy = EXAMPLE.replace("De eerste volzin", "De   eerste\u00a0volzin").replace(
        "Artikel 2a", "Artikel 2a   ")
    assert render_law_text(parse(messy)) == EXAMPLE


def test_same_kind_closes_heading_and_nesting():
    text = ("Wet\nHoofdstuk 1\nAfdeling 1. Een\n§ 1\nArtikel 1\nx\nAfdeling 2. Twee\n"
            "Artikel 2\ny\nHoofdstuk 2\nParagraaf 3. Ander label\nArtikel 3\nz\n")
    tree = parse(text)
    assert render_law_text(tree) == text
    h1, h2 = elements.wettekst(tree).findall("hoofdstuk")
    assert [elements.heading_info(a).nr for a in h1.findall("afdeling")] == ["1", "2"]
    assert elements.heading_info(h2.find("paragraaf")).label == "Paragraaf"


def test_inhoudsopgave_and_repeals_round_trip():
    tree = parse(REPEALED)
    assert toc.toc_entries(tree) == ["Artikel 1. Begrippen", "§ 2. Oud"]
    assert render_law_text(tree, show_repealed=True) == REPEALED
    assert render_law_text(tree) == ("Wet met vervallen delen\nInhoudsopgave\n"
                                     "  Artikel 1. Begrippen\n  § 2. Oud\nArtikel 1. Begrippen\n"
                                     "2. Het tweede lid:\n  b. blijft.\n")
    assert history.repealed_on(elements.find_article(tree, "2")) == dt.date(1997, 1, 1)


def test_marked_repeal_renders_with_date():
    tree = parse(EXAMPLE)
    lid = elements.find_article(tree, "2").find("lid")
    history.mark_repealed(lid, dt.date(1997, 1, 1), "Stb. 1996, 649, art. I, onderdeel H")
    history.mark_repealed(elements.find_article(tree, "2a"), dt.date(1998, 8, 1), "Stb. 1998, 1")
    shown = render_law_text(tree, show_repealed=True)
    assert "Artikel 2\n1. [Vervallen per 1997-01-01]\n2. Het" in shown
    assert shown.endswith("§ 2. Vergoedingen\nArtikel 2a [Vervallen per 1998-08-01]\n")
    assert "Vervallen" not in render_law_text(tree)
    assert render_law_text(parse(shown), show_repealed=True) == shown


def test_single_article():
    tree = parse(EXAMPLE)
    assert render_law_text(tree, artikel="2a") == "Artikel 2a\nEen artikel zonder genummerde leden.\n"
    with pytest.raises(TargetNotFound):
        render_law_text(tree, artikel="99")


def test_bwb_id_and_date_are_recorded():
    tree = parse(EXAMPLE, bwb_id="BWBR0003420", date=dt.date(1997, 1, 1))
    assert tree.getroot().get("bwb-id") == "BWBR0003420"
    assert toestand.toestand_date(tree) == dt.date(1997, 1, 1)


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize("text, line, column, message", [
    ("Wet\n  a. los onderdeel\n", 2, 3, "list item outside an article"),
    ("Wet\n1. een lid\n", 2, 1, "a lid outside an article"),
    ("Wet\nlosse tekst\n", 2, 1, "text outside an article"),
    ("Wet\nArtikel 1\n1. lid\n    1°. te diep\n", 4, 1, "indent skips a level"),
    ("Wet\nArtikel 1\n1. lid\n   a. oneven\n", 4, 4, "two spaces per level"),
    ("Wet\nArtikel 1 [Vervallen per 1997-13-01]\n", 2, 26, "not a date"),
    ("Wet\nArtikel 1 [Vervallen]\ntekst\n", 3, 1, "in a repealed article"),
    ("Wet\nInhoudsopgave\n    Artikel 1\n", 3, 5, "indented two spaces"),
    ("Wet\nArtikel 1\n1. [Vervallen]\ntekst\n", 4, 1, "text under a repealed lid"),
    ("Wet\nArtikel 1\n1. x\n  a. [Vervallen]\n    1°. y\n", 5, 5, "under a repealed li"),
])
def test_errors_have_line_and_column(text, line, column, message):
    with pytest.raises(LawFormatError) as info:
        parse_law_text(text, source="wet.txt")
    err = info.value
    assert (err.line, err.column) == (line, column)
    assert message in str(err) and str(err).startswith(f"wet.txt, line {line}")
    assert "^" in err.context


def test_empty_text_is_an_error():
    with pytest.raises(LawFormatError, match="empty"):
        parse_law_text("\n  \n", source="leeg.txt")


# --------------------------------------------------------------------------- official files

def test_official_zorgtoeslag_renders_its_articles():
    tree = lawfile.parse_law(ZORGTOESLAG)
    text = render_law_text(tree)
    assert text.startswith("Wet op de zorgtoeslag\nArtikel 1\n1. In deze wet")
    assert "  a. Onze Minister: Onze Minister van Volksgezondheid, Welzijn en Sport;" in text
    for number in (elements.artikel_number(a) for a in elements.iter_articles(tree)):
        assert f"\nArtikel {number}\n" in text or f"\nArtikel {number}. " in text
    assert "<" not in text and "2005-07-26" not in text  # markup and metadata stay out
    assert render_law_text(parse(text)) == text


def test_official_dhw_repeals():
    tree = lawfile.parse_law(DHW)
    shown = render_law_text(tree, show_repealed=True)
    assert "\nArtikel 3a [Vervallen per 2000-11-01]\n" in shown
    assert "\n§ 8 [Vervallen per 2005-09-14]\nArtikel 45 [Vervallen per 2005-09-14]\n" in shown
    hidden = render_law_text(tree)
    assert "Vervallen per" not in hidden and "\nArtikel 1\n" in hidden
    assert render_law_text(parse(shown), show_repealed=True) == shown


# --------------------------------------------------------------------------- property test

WORD = st.text(alphabet="abcdeéfghijklmnopqrstuvwxyz0123456789,;:'’«»()°–-", min_size=1,
               max_size=8)
# a text line: first word starts with a lowercase letter, so it is never a heading, an
# article, a lid or «Inhoudsopgave»
FIRST = st.builds(lambda c, w: c + w, st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
                  st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=6))
SENTENCE = st.builds(lambda f, ws: " ".join([f] + ws), FIRST, st.lists(WORD, max_size=6))
NUMBER = st.from_regex(r"\A[1-9][0-9]?[a-z]?\Z")
LABEL = st.from_regex(r"\A([a-z]|[1-9]°|[ivx]{1,3})\.\Z")
OPSCHRIFT = st.one_of(st.just(""), SENTENCE.map(str.capitalize))


@st.composite
def items(draw, level=1, depth=3):
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.one_of(SENTENCE, st.just(""), st.just("[Vervallen per 1997-01-01]")))
        lines.append(f"{'  ' * level}{draw(LABEL)} {text}".rstrip())
        if level < depth and not text.startswith("[") and draw(st.booleans()):
            lines += draw(items(level + 1, depth))
    return lines


@st.composite
def body(draw):
    """Alineas and lists at column 0 or under a lid."""
    lines = []
    for _ in range(draw(st.integers(0, 3))):
        lines.append(draw(SENTENCE))
        if draw(st.booleans()):
            lines += draw(items())
    return lines


@st.composite
def artikel(draw):
    nr = draw(NUMBER)
    if draw(st.integers(0, 5)) == 0:
        return [f"Artikel {nr} [Vervallen per 2001-02-03]"]
    titel = draw(OPSCHRIFT)
    lines = [f"Artikel {nr}. {titel}" if titel else f"Artikel {nr}"] + draw(body())
    for n in range(1, draw(st.integers(0, 3)) + 1):
        first = draw(st.one_of(SENTENCE, st.just(""), st.just("[Vervallen]")))
        lines.append(f"{n}. {first}".rstrip())
        if not first.startswith("["):
            lines += draw(body())
    return lines


@st.composite
def law_texts(draw):
    lines = [draw(SENTENCE).capitalize()]
    if draw(st.booleans()):
        lines += ["Inhoudsopgave"] + ["  " + e for e in draw(st.lists(SENTENCE, max_size=3))]
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 2)) == 0:
            word = draw(st.sampled_from(["Hoofdstuk", "Titel", "Afdeling", "Paragraaf", "§"]))
            titel = draw(OPSCHRIFT)
            head = f"{word} {draw(NUMBER)}"
            lines.append(f"{head}. {titel}" if titel else head)
        else:
            lines += draw(artikel())
    return "\n".join(lines) + "\n"


@settings(max_examples=int(os.environ.get("LAWTEXT_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(law_texts())
def test_property_parse_render_round_trip(text):
    tree = parse_law_text(text)
    assert lawfile.validate(tree) == []
    assert render_law_text(tree, show_repealed=True) == text


# --------------------------------------------------------------------------- command line

@pytest.fixture
def cli():
    group = click.Group("consolidator")
    group.add_command(import_text_cmd)
    group.add_command(text_cmd)
    return group


def test_cli_import_text_then_text(tmp_path, cli):
    src, out = tmp_path / "wet.txt", tmp_path / "wet.xml"
    src.write_text(EXAMPLE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import-text", str(src), "-o", str(out), "--bwb-id",
                                 "BWBR0003420", "--date", "1997-01-01"])
    assert result.exit_code == 0, result.output
    tree = lawfile.parse_law(out)
    assert lawfile.validate(tree) == [] and toestand.toestand_date(tree) == dt.date(1997, 1, 1)
    result = runner.invoke(cli, ["text", str(out)])
    assert result.exit_code == 0 and result.output == EXAMPLE
    result = runner.invoke(cli, ["text", str(out), "--artikel", "1"])
    assert result.output.startswith("Artikel 1. Begripsbepalingen\n")


def test_cli_show_repealed(tmp_path, cli):
    result = CliRunner().invoke(cli, ["text", str(DHW), "--show-repealed"])
    assert result.exit_code == 0 and "Artikel 3a [Vervallen per 2000-11-01]" in result.output


def test_cli_import_error_names_the_line(tmp_path, cli):
    src, out = tmp_path / "wet.txt", tmp_path / "wet.xml"
    src.write_text("Wet\n1. los\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-text", str(src), "-o", str(out)])
    assert isinstance(result.exception, LawFormatError) and result.exception.line == 2
    assert not out.exists()
