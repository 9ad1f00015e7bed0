"""Entry-into-force wordings read or refused on purpose that were gaps of the reader
(real articles tests/test_iwt.py could not read): a decree of another lid that may set the times
named in other ARTIKELEN (read), and the wordings refused wherever they stand in a
sentence the grammar cannot read (consolidator/read/iwtrefused.py), each at its own
words with its reason class. The real articles are in tests/test_iwt.py (REFUSED); these are small examples
of the same wordings in other words, to show the reading is not the article's own."""
from __future__ import annotations

import datetime as dt

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.iwt import read_entry_text
from consolidator.read.iwtrules import DECREE, Part
from test_iwt import REAL, _assert_refused_at, rules

D = dt.date
PUBLISHED = D(1998, 7, 21)


# --------------------------------------------------------------------------- read


def test_a_decree_that_may_set_the_times_named_in_other_artikelen():
    """BWBR0009749 ARTIKEL VIII: lid 1 leaves the act to a decree; lid 2 lets that decree
    set the times of ARTIKELEN II to VII: until a decree is given, every part waits for it;
    a decree's date for the act dates them all; one it sets for ARTIKEL III alone dates III."""
    own = rules(*REAL["BWBR0009749 ARTIKEL VIII"], number="VIII")
    optional = [rule for rule in own.rules if rule.optional]
    assert len(optional) == 1 and optional[0].reason.startswith("ARTIKEL VIII, tweede lid: ")
    assert optional[0].scope.covers(Part("II")) and optional[0].scope.covers(Part("VII"))
    assert not optional[0].scope.covers(Part("I", "A")) and not optional[0].scope.covers(Part("IA"))
    for part in (Part("I", "A"), Part("III"), Part("VII")):
        found = own.entry(part, PUBLISHED)
        assert (found.valid_from, found.pending) == (None, DECREE)
    whole = rules("De wet van 1 juli 1998 (Stb. 1998, 400) treedt in werking met ingang van "
                  "1 augustus 1998.", number="1")
    dated = own.with_decree(whole)
    assert {dated.entry(p, PUBLISHED).valid_from for p in (Part("I", "A"), Part("III"))} == \
        {D(1998, 8, 1)}
    split = rules("1. De wet van 1 juli 1998 (Stb. 1998, 400), met uitzondering van artikel III, "
                  "treedt in werking met ingang van 1 augustus 1998.",
                  "2. Artikel III van de wet van 1 juli 1998 (Stb. 1998, 400) treedt in werking "
                  "met ingang van 1 januari 1999.", number="1")
    dated = own.with_decree(split)
    assert dated.entry(Part("III"), PUBLISHED).valid_from == D(1999, 1, 1)
    assert dated.entry(Part("IV"), PUBLISHED).valid_from == D(1998, 8, 1)


def test_the_same_wording_for_a_fixed_date_counts_only_with_a_decree():
    r = rules("1. Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.",
              "2. Het koninklijk besluit, bedoeld in het eerste lid, kan andere tijdstippen "
              "vaststellen dan vermeld in artikel III.")
    assert [rule.optional for rule in r.rules] == [False, True]
    assert r.entry(Part("III"), PUBLISHED).pending == DECREE


def test_the_decree_of_a_lid_that_leaves_no_time_to_a_decree_is_refused():
    with pytest.raises(ActSyntaxError) as caught:
        rules("1. Deze wet treedt in werking met ingang van 1 januari 2001.",
              "2. Het besluit, bedoeld in het eerste lid, kan andere tijdstippen vaststellen dan "
              "genoemd in de artikelen II en III.")
    assert "lid 1 before it leaves no time of this act to a koninklijk besluit" in \
        caught.value.message
    assert caught.value.column == 4
    with pytest.raises(ActSyntaxError, match="lid 2 before it"):
        read_entry_text("Het besluit, bedoeld in het tweede lid, kan andere tijdstippen "
                        "vaststellen dan genoemd in artikel II.")


# --------------------------------------------------------------------------- refused


@pytest.mark.parametrize("text, reason, words", [
    ("Deze wet treedt in werking met ingang van 1 januari 2001 en werkt terug tot en met "
     "1 augustus 2000 voor wat betreft de beroepsopleidingen en voor het overige tot en met "
     "1 september 2000.", "subject-matter", "voor wat betreft de beroepsopleidingen"),
    ("Uitsluitend met het oog op de berekening van de bekostiging treedt artikel II in werking "
     "met ingang van 1 januari 2001.", "subject-matter",
     "Uitsluitend met het oog op de berekening van de bekostiging"),
    ("De artikelen I, onderdelen B.2 en C, en II treden in werking op 1 mei 2001.",
     "label-form", "onderdelen B.2"),
    ("Artikel IV treedt in werking op 1 januari 2002 met dien verstande dat bij koninklijk "
     "besluit een inwerkingtreding op een later tijdstip, gelegen in 2002, kan worden "
     "vastgesteld.", "decree-moves-date", "met dien verstande dat bij koninklijk besluit een "
     "inwerkingtreding op een later tijdstip, gelegen in 2002, kan worden vastgesteld"),
    ("Indien deze wet na 1 mei 2001 in het Staatsblad wordt geplaatst, gelden de volgende "
     "voorschriften:\na. in artikel V geldt in plaats van ‘1 mei 2001’: 1 mei 2002.",
     "substituted-dates", "geldt in plaats van ‘1 mei 2001’: 1 mei 2002"),
    ("Deze wet treedt in werking op 1 juli 2001, met dien verstande dat\na. artikel III "
     "terugwerkt tot en met 1 januari 2001, en\nb. artikel VI vervalt indien het ontwerp niet "
     "voor 1 juli 2001 is vastgesteld.", "enumerated-proviso",
     "artikel VI vervalt indien het ontwerp niet voor 1 juli 2001 is vastgesteld"),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, met dien "
     "verstande dat\na. artikel II in werking treedt met ingang van de derde dag na "
     "inwerkingtreding van het Besluit bekostiging, en\nb. artikel III in werking treedt met "
     "ingang van 1 augustus 2001.", "enumerated-proviso",
     "met ingang van de derde dag na inwerkingtreding van het Besluit bekostiging"),
    ("Deze wet treedt in werking met ingang van 1 januari van een bij koninklijk besluit te "
     "bepalen jaar, met dien verstande dat\na. artikel IV in werking treedt met ingang van "
     "1 augustus van het jaar voorafgaande aan dat jaar.", "enumerated-proviso",
     "1 augustus van het jaar voorafgaande aan dat jaar"),
    ("Deze wet treedt in werking op 1 januari 2001, met dien verstande dat\na. de voorschriften "
     "zoals die golden voor de inwerkingtreding van deze wet van toepassing blijven tot "
     "1 augustus 2001.", "enumerated-proviso", "van toepassing blijven tot 1 augustus 2001"),
    ("Deze wet treedt in werking op 1 maart 2001. Bij koninklijk besluit kan een later "
     "tijdstip worden vastgesteld waarop artikel II in werking treedt.", "decree-moves-date",
     "Bij koninklijk besluit kan een later tijdstip worden vastgesteld waarop artikel II in "
     "werking treedt"),
    ("Artikel III treedt in werking mits het bij koninklijke boodschap van 3 mei 2000 "
     "ingediende voorstel van wet tot wijziging van de Huurwet tot wet wordt verheven.",
     "condition", "mits het bij koninklijke boodschap van 3 mei 2000 ingediende voorstel van "
     "wet tot wijziging van de Huurwet tot wet wordt verheven"),
    ("Indien artikel 12 van de Huurwet in werking treedt, treedt artikel IV in werking op de "
     "dag voorafgaand aan dat tijdstip.", "condition",
     "Indien artikel 12 van de Huurwet in werking treedt"),
    ("Artikel II treedt in werking op 1 januari 2002, tenzij artikel I na die datum in werking "
     "treedt.", "condition", ", tenzij artikel I na die datum in werking treedt"),
    ("Artikel IV treedt in werking met ingang van de 1 januari die volgt op de datum van "
     "inwerkingtreding van artikel II.", "counted-time", "met ingang van de 1 januari die volgt "
     "op de datum van inwerkingtreding van artikel II"),
    ("Artikel V vervalt twee jaar na het tijdstip waarop artikel II in werking treedt.",
     "counted-time", "vervalt twee jaar na het tijdstip waarop artikel II in werking treedt"),
    ("Deze wet treedt in werking op 1 juli 2001, met dien verstande dat artikel II, onderdelen "
     "A en B, voor het eerst betrekking hebben op aanvragen over het jaar volgend op de datum van "
     "inwerkingtreding.", "subject-matter", "artikel II, onderdelen A en B, voor het eerst "
     "betrekking hebben op aanvragen over het jaar volgend op de datum van inwerkingtreding"),
    ("1. Deze wet treedt in werking op 1 juli 2001.\nWijzigt de Huurwet.", "editorial",
     "Wijzigt de Huurwet."),
])
def test_a_refused_wording_is_named_at_its_words_with_its_reason_class(text, reason, words):
    """Each line a paragraph, as in an act: an enumeration's items join their lid."""
    with pytest.raises(ActSyntaxError) as caught:
        rules(*text.split("\n"))
    _assert_refused_at(caught.value, reason, f"«{words}»")


def test_a_proviso_item_wording_outside_an_enumerated_proviso_is_not_named_so():
    """The words of an enumerated proviso's item count only in one: elsewhere the reader
    says where it stopped, without a reason class it does not know applies."""
    with pytest.raises(ActSyntaxError) as caught:
        read_entry_text("Artikel VI vervalt indien het ontwerp niet voor 1 juli 2001 is "
                        "vastgesteld.")
    assert "[enumerated-proviso]" not in caught.value.message


def test_a_sentence_the_grammar_reads_is_not_scanned():
    """«wat betreft artikel 13d» narrows a part to a law article: read, not refused."""
    found = read_entry_text("Artikel I, onderdeel H, voor wat betreft artikel 13d, treedt in "
                            "werking met ingang van 1 augustus 1998.")
    assert found and found[0]["rule"] == "in-force"


def test_a_bill_condition_the_grammar_reads_is_not_refused_as_a_condition():
    """«Indien het … ingediende voorstel van wet … tot wet wordt verheven en in werking treedt»
    is Aanwijzing 180 G, read: the refused wording «indien artikel … in werking treedt» is a
    condition on articles, not on a bill."""
    found = read_entry_text("Indien het bij koninklijke boodschap van 3 mei 2000 ingediende "
                            "voorstel van wet tot wijziging van de Huurwet tot wet wordt "
                            "verheven en in werking treedt, treedt deze wet op hetzelfde "
                            "tijdstip in werking.")
    assert found


def test_aanwijzing_180_b_another_time_is_still_read():
    """«een ander tijdstip» is any time a decree sets: read as an optional rule; only «een
    eerder/later tijdstip» (a bound) is refused."""
    r = rules("1. Deze wet treedt in werking op 1 maart 2001.",
              "2. Bij koninklijk besluit kan een ander tijdstip worden vastgesteld waarop "
              "artikel II in werking treedt.")
    assert [rule.optional for rule in r.rules] == [False, True]
