"""Issue 13, point 4: quoted content as real pages print it — list items with or without
indentation or bullets («a.», «1°.», «–»), leden «1.» with or without «•», the term of a new
definition on its own line, footnote digits glued to names. What is ambiguous is refused."""
from __future__ import annotations

import pytest

from consolidator.apply.sentences import apply_act
from consolidator.errors import ActSyntaxError
from consolidator.law.lawtext import parse_law_text, render_law_text
from consolidator.read.act import parse_act

LAW = "Wet proef\nArtikel 5\nOud.\nArtikel 6\nZes.\n"
NEW = ("De minister stelt regels over:\n  a. de aanvraag, waaronder:\n    1°. de vorm;\n"
       "    2°. de termijn;\n  b. de beslissing.")


def act(*content: str, notes: str = "") -> str:
    return ("Wet van 1 maart 2000 tot wijziging van de Wet proef\n\nARTIKEL I\n\n"
            "De Wet proef wordt als volgt gewijzigd:\n\nA\n\nArtikel 5 komt te luiden:\n\n"
            "Artikel 5\n\n" + "\n\n".join(content) + "\n\nARTIKEL II\n\nDeze wet treedt in "
            "werking met ingang van 1 januari 2001.\n" + notes)


def article_5(text: str) -> str:
    tree = apply_act(parse_law_text(LAW), parse_act(text, source="act.txt"))
    return render_law_text(tree, artikel="5").split("\n", 1)[1]


def test_items_without_indentation_take_the_level_of_their_style():
    printed = act("De minister stelt regels over:", "a. de aanvraag, waaronder:", "1°. de vorm;",
                  "2°. de termijn;", "b. de beslissing.")
    assert article_5(printed) == NEW + "\n"


def test_items_with_indentation_as_before():
    printed = act("De minister stelt regels over:", "  a. de aanvraag, waaronder:",
                  "    1°. de vorm;", "    2°. de termijn;", "  b. de beslissing.")
    assert article_5(printed) == NEW + "\n"


def test_degree_items_without_their_full_stop():
    printed = act("De minister stelt regels over:", "a. de aanvraag, waaronder:", "1° de vorm;",
                  "2° de termijn;", "b. de beslissing.")
    assert article_5(printed) == NEW + "\n"


def test_dash_items_with_and_without_indentation():
    for dash in ("– ", "  – "):
        printed = act("In deze wet wordt verstaan onder:", dash + "aanvraag: een verzoek;",
                      dash + "besluit: een beslissing.")
        assert article_5(printed) == ("In deze wet wordt verstaan onder:\n"
                                      "  – aanvraag: een verzoek;\n  – besluit: een beslissing.\n")


def test_leden_with_and_without_a_bullet():
    for bullet in ("", " • "):
        printed = act(bullet + "1. De minister stelt regels.", bullet + "2. Zij worden bekendgemaakt.")
        assert article_5(printed) == "1. De minister stelt regels.\n2. Zij worden bekendgemaakt.\n"


def test_a_lid_with_items_without_indentation():
    printed = act("1. De minister stelt regels over:", "a. de aanvraag;", "b. de beslissing.",
                  "2. Zij worden bekendgemaakt.")
    assert article_5(printed) == ("1. De minister stelt regels over:\n  a. de aanvraag;\n"
                                  "  b. de beslissing.\n2. Zij worden bekendgemaakt.\n")


def test_the_term_of_a_definition_on_its_own_line():
    printed = act("In deze wet wordt verstaan onder:", "a. aanvraag:", "een verzoek;",
                  "b. besluit:", "een beslissing.")
    assert article_5(printed) == ("In deze wet wordt verstaan onder:\n  a. aanvraag: een verzoek;\n"
                                  "  b. besluit: een beslissing.\n")


def test_footnote_digits_glued_to_a_name_go():
    printed = act("De Wet op de architectentitel1 is van toepassing.",
                  notes="\nXNoot\n\n1\n\nStb. 1987, 420.\n")
    assert article_5(printed) == "De Wet op de architectentitel is van toepassing.\n"


def test_an_item_of_a_new_style_after_an_item_that_introduces_no_list_is_refused():
    with pytest.raises(ActSyntaxError) as err:
        parse_act(act("De minister stelt regels over:", "a. de aanvraag;", "1°. de vorm;"))
    assert "list item «1°» follows «a. de aanvraag;», which introduces no list" in str(err.value)


def test_a_number_after_an_item_that_introduces_a_list_is_refused():
    with pytest.raises(ActSyntaxError) as err:
        parse_act(act("De minister stelt regels over:", "a. de aanvraag, waaronder:",
                      "1. de vorm;"))
    assert "«1.» follows an item that introduces a list: a new lid or an item of that list?" \
        in str(err.value)
