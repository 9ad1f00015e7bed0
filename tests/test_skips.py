"""Labels that skip («A, B, C, D, F», «C» after «A», punt 3 after punt 1, ARTIKEL IV after
II) are an error: read as a successor they are not, the skipped part was swallowed into the
part before it (as its new text, say) and silently lost."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.act import parse_act

HEAD = "Wet van 1 maart 2000 tot wijziging van de Wet proef\n\nARTIKEL I\n\n" \
       "De Wet proef wordt als volgt gewijzigd:\n\n"


def test_onderdeel_f_after_d_is_an_error_not_new_text_of_d():
    text = HEAD + ("A\n\nArtikel 1 vervalt.\n\nB\n\nArtikel 2 vervalt.\n\nC\n\nArtikel 3 vervalt.\n\n"
                   "D\n\nNa artikel 4 wordt een artikel ingevoegd, luidende:\n\n"
                   "Artikel 4a\n\nDe minister stelt regels.\n\n"
                   "F\n\nArtikel 6 vervalt.\n")
    with pytest.raises(ActSyntaxError) as err:
        parse_act(text, source="act.txt")
    assert "onderdeel F follows onderdeel D, so E would be missing" in str(err.value)
    assert err.value.line == 27


def test_onderdeel_c_after_a_is_an_error():
    text = HEAD + "A\n\nArtikel 1 vervalt.\n\nC\n\nArtikel 3 vervalt.\n"
    with pytest.raises(ActSyntaxError) as err:
        parse_act(text)
    assert "onderdeel C follows onderdeel A, so B would be missing" in str(err.value)


def test_collecting_mode_reports_the_skip():
    errors: list = []
    parse_act(HEAD + "A\n\nArtikel 1 vervalt.\n\nC\n\nArtikel 3 vervalt.\n", errors=errors)
    assert any("so B would be missing" in e.message for e in errors)


def test_punt_3_after_punt_1_is_an_error_not_a_new_lid_of_punt_1():
    text = HEAD + ("A\n\nArtikel 5 wordt als volgt gewijzigd:\n\n"
                   "1. Het eerste lid komt te luiden:\n\n1. De minister stelt regels.\n\n"
                   "3. Het derde lid vervalt.\n")
    with pytest.raises(ActSyntaxError) as err:
        parse_act(text)
    assert "art. I, onderdeel A, punt 1: punt 3 follows punt 1, so 2 would be missing" \
        in str(err.value)


def test_artikel_iv_after_ii_is_an_error():
    text = ("Wet van 1 maart 2000\n\nARTIKEL I\n\nArtikel 1 van de Wet proef vervalt.\n\n"
            "ARTIKEL II\n\nArtikel 2 van de Wet proef vervalt.\n\n"
            "ARTIKEL IV\n\nDeze wet treedt in werking met ingang van 1 januari 2001.\n")
    with pytest.raises(ActSyntaxError) as err:
        parse_act(text)
    assert "ARTIKEL IV follows ARTIKEL II, so ARTIKEL III would be missing" in str(err.value)


def test_labels_of_quoted_onderdelen_follow_their_own_sequence():
    # an act inserting onderdelen into an act (seed ARTIKEL X): «A1» and «C» are content
    text = HEAD + ("a\n\nIn artikel I wordt na onderdeel A ingevoegd:\n\nC\n\nArtikel 7 vervalt.\n\n"
                   "b\n\nArtikel 2 vervalt.\n")
    act = parse_act(text)
    assert [o.label for o in act.articles[0].onderdelen] == ["a", "b"]


def test_an_excerpt_that_marks_what_it_leaves_out_is_read():
    text = ("Wet van 1 maart 2000\n\nARTIKEL I\n\nArtikel 1 van de Wet proef vervalt.\n\n"
            "[ARTIKELEN II tot en met III niet opgenomen]\n\n"
            "ARTIKEL IV\n\nDeze wet treedt in werking met ingang van 1 januari 2001.\n")
    assert [a.number for a in parse_act(text).articles] == ["I", "IV"]
