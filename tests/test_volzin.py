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
