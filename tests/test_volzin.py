"""volzin: where volzinnen begin and end."""
from __future__ import annotations

import pytest

from consolidator.apply import volzin as V


@pytest.mark.parametrize("text, expected", [
    ("Een. Twee.", ["Een.", "Twee."]),
    ("Een? Twee! Drie", ["Een?", "Twee!", "Drie"]),
    ("Scholen voor v.w.o., a.v.o. of v.b.o. in stand. Twee.",
     ["Scholen voor v.w.o., a.v.o. of v.b.o. in stand.", "Twee."]),
    ("Zie art. 5 en Stb. 1996, 649. Daarna.", ["Zie art. 5 en Stb. 1996, 649.", "Daarna."]),
    ("Het aantal is 1,5. Of 2.3 uur. Klaar.", ["Het aantal is 1,5.", "Of 2.3 uur.", "Klaar."]),
    ("Zoals bijv. Jan, o.a. Piet, i.v.m. Klaas, enz. Nu.",
     ["Zoals bijv. Jan, o.a. Piet, i.v.m. Klaas, enz. Nu."]),
    ("Zie nr. 3 jo. Artikel 4, b.v. Daar e.d. Klaar. Stcrt. 12 geldt.",
     ["Zie nr. 3 jo. Artikel 4, b.v. Daar e.d. Klaar.", "Stcrt. 12 geldt."]),
    ("onder a. of b blijft één volzin.", ["onder a. of b blijft één volzin."]),
    ("", []),
])
def test_split(text, expected):
    assert V.texts(text) == expected


def test_spans_exclude_surrounding_space():
    assert V.spans("  Een.  Twee.  ") == [(2, 6), (8, 13)]


def test_list_belongs_to_the_volzin_of_its_intro():
    parts = [("Eerste volzin. Het lid bepaalt:", False), ("a. een;", True), ("b. twee.", True),
             ("Een alinea na de lijst. En nog een.", False)]
    got = V.volzinnen_of_parts(parts)
    assert len(got) == 4
    assert got[1] == [V.Piece(0, 15, 31), V.Piece(1, 0, 7), V.Piece(2, 0, 8)]
    assert got[2] == [V.Piece(3, 0, 23)]


# Wet OB 1968, artikel 15, eerste lid (shortened): an intro ending «:», items ending «;», the
# closing words in lower case, then an alinea of two sentences
LID = [("De belasting welke de ondernemer in aftrek brengt, is:", False),
       ("a. de belasting die in rekening is gebracht;", True),
       ("b. de belasting die is voldaan;", True),
       ("een en ander voor zover de goederen worden gebruikt voor belaste handelingen.", False),
       ("Indien een verzoek om teruggaaf kan worden gedaan, kan die belasting niet in aftrek "
        "worden gebracht. Indien een zaak deel uitmaakt van het vermogen, is zij aftrekbaar.",
        False)]


def test_closing_words_in_lower_case_after_a_list_end_the_volzin_of_its_intro():
    got = V.volzinnen_of_parts(LID)
    assert len(got) == 3
    assert [p.part for p in got[0]] == [0, 1, 2, 3]
    assert got[0][-1] == V.Piece(3, 0, len(LID[3][0]))
    assert got[1] == [V.Piece(4, 0, LID[4][0].index(" Indien een zaak"))]
    assert got[2][0].part == 4


def test_the_closing_words_may_be_followed_by_a_volzin_of_their_own():
    parts = LID[:3] + [("een en ander voor zover het gebruik belast is. Dat blijkt uit de "
                        "administratie.", False)]
    got = V.volzinnen_of_parts(parts)
    assert len(got) == 2
    assert got[0][-1] == V.Piece(3, 0, parts[3][0].index(" Dat"))
    assert got[1] == [V.Piece(3, parts[3][0].index("Dat"), len(parts[3][0]))]


def test_a_capital_after_a_list_starts_a_volzin_and_lower_case_without_a_list_does_not_join():
    parts = LID[:3] + [("Een en ander geldt voor belaste handelingen.", False)]
    assert len(V.volzinnen_of_parts(parts)) == 2
    # no list before it: an alinea in lower case is a volzin of its own, as before
    assert len(V.volzinnen_of_parts([("Een.", False), ("twee.", False)])) == 2
