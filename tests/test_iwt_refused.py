"""Entry-into-force wordings refused on purpose that were gaps of the reader (strict
xfails of tests/test_iwt.py): refused wherever they stand in a sentence the grammar
cannot read (consolidator/read/iwtrefused.py), each at its own words with its reason
class. The real articles are in tests/test_iwt.py (REFUSED); these are small examples
of the same wordings in other words, to show the reading is not the article's own."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.iwt import read_entry_text
from test_iwt import _assert_refused_at, rules


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
