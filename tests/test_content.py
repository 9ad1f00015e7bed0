"""Issue 13, point 4: quoted content as real pages print it — list items with or without
indentation or bullets («a.», «1°.», «–»), leden «1.» with or without «•», the term of a new
definition on its own line, footnote digits glued to names. What is ambiguous is refused."""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consolidator.apply.sentences import apply_act
from consolidator.errors import ActSyntaxError
from consolidator.law.lawtext import parse_law_text, render_law_text
from consolidator.read.act import parse_act
from consolidator.read.content import without_closing_stop

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


def test_a_bullet_before_an_items_own_label_is_the_pages():
    """Stb. 2013, 380 prints «• 1°. leidinggevenden;»: the item is «1°», not a bullet item
    whose text starts with «1°.»."""
    printed = act("De minister stelt regels over:", " • a. de aanvraag, waaronder:",
                  " • 1°. de vorm;", " • 2°. de termijn;", " • b. de beslissing.")
    assert article_5(printed) == NEW + "\n"


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


# ------------------------------------------- the full stop that closes the instruction

LIST_LAW = ("Hoofdstuk 1. Algemeen\nArtikel 1\n1. In deze wet wordt verstaan onder:\n"
            "  a. aanvraag: een verzoek;\n  b. besluit: een beslissing;\n"
            "  c. minister: Onze Minister van Financiën.\n2. Zij stelt regels.\n")


def changed(*lines: str, law: str = LIST_LAW) -> str:
    text = ("Wet van 1 maart 2000 tot wijziging van de Wet proef\n\nARTIKEL I\n\n"
            "De Wet proef wordt als volgt gewijzigd:\n\nA\n\n" + "\n\n".join(lines) + "\n")
    tree = apply_act(parse_law_text("Wet proef\n" + law), parse_act(text, source="act.txt"))
    return render_law_text(tree).split("\n", 1)[1]


@pytest.mark.parametrize("new, kept", [
    ("b. besluit: een schriftelijke beslissing;.", "b. besluit: een schriftelijke beslissing;"),
    ("b. besluit: een schriftelijke beslissing; en.",
     "b. besluit: een schriftelijke beslissing; en"),
    ("b. besluit: een schriftelijke beslissing; of.",
     "b. besluit: een schriftelijke beslissing; of"),
    ("b. besluit: een schriftelijke beslissing,.", "b. besluit: een schriftelijke beslissing,"),
])
def test_an_onderdeel_that_is_not_the_last_keeps_its_mark_not_the_closing_stop(new, kept):
    """Aanwijzingen model: «Het eerste lid, onderdeel b, komt te luiden:» + «b. …;.» — the
    «;» is the onderdeel's, the «.» closes the sentence of the act."""
    after = changed("Artikel 1, eerste lid, onderdeel b, komt te luiden:", new)
    assert f"  {kept}\n  c. minister:" in after
    assert ";." not in after and ",." not in after and " en." not in after


def test_the_last_onderdeel_and_a_lid_keep_their_full_stop():
    after = changed("Artikel 1, eerste lid, onderdeel c, komt te luiden:",
                    "c. minister: Onze Minister van Justitie en Veiligheid.")
    assert "  c. minister: Onze Minister van Justitie en Veiligheid.\n2. Zij" in after
    after = changed("Artikel 1, tweede lid, komt te luiden:", "2. Zij stelt nadere regels.")
    assert after.endswith("\n2. Zij stelt nadere regels.\n")


def test_an_intro_ending_in_a_colon_before_the_closing_stop():
    after = changed("De aanhef van artikel 1, eerste lid, komt te luiden:",
                    "In deze wet en de daarop berustende bepalingen wordt verstaan onder:.")
    assert "1. In deze wet en de daarop berustende bepalingen wordt verstaan onder:\n  a." in after


def test_a_new_article_keeps_the_full_stop_of_its_last_lid_and_after_a_quote():
    after = changed("Na artikel 1 wordt een artikel ingevoegd, luidende:", "Artikel 1a",
                    "1. De minister beslist binnen acht weken.",
                    "2. Deze wet wordt aangehaald als: «Wet proef».")
    assert after.endswith("Artikel 1a\n1. De minister beslist binnen acht weken.\n"
                          "2. Deze wet wordt aangehaald als: «Wet proef».\n")


@pytest.mark.parametrize("lines, heading", [
    (("Het opschrift van hoofdstuk 1 komt te luiden:", "Hoofdstuk 1. Algemene bepalingen."),
     "Hoofdstuk 1. Algemene bepalingen"),
    (("Het opschrift van hoofdstuk 1 komt te luiden:", "Algemene bepalingen."),
     "Hoofdstuk 1. Algemene bepalingen"),
    (("Het opschrift van hoofdstuk 1 komt te luiden: Algemene bepalingen.",),
     "Hoofdstuk 1. Algemene bepalingen"),
    (("Het opschrift van hoofdstuk 1 komt te luiden:", "Scholen voor V.W.O. en V.B.O."),
     "Hoofdstuk 1. Scholen voor V.W.O. en V.B.O."),
])
def test_a_heading_carries_no_closing_stop_but_an_abbreviation_keeps_its_own(lines, heading):
    assert changed(*lines).startswith(heading + "\nArtikel 1\n")


@pytest.mark.parametrize("text, title, expected", [
    ("b. nieuw;.", False, "b. nieuw;"),
    ("b. nieuw; en.", False, "b. nieuw; en"),
    ("verstaan onder:.", False, "verstaan onder:"),
    ("een, twee,.", False, "een, twee,"),
    ("c. nieuw.", False, "c. nieuw."),
    ("aangehaald als: «Wet proef».", False, "aangehaald als: «Wet proef»."),
    ("Toezicht.", True, "Toezicht"),
    ("Toezicht", True, "Toezicht"),
    ("Artikel 86. (vervallen).", True, "Artikel 86. (vervallen)"),
    ("Scholen voor V.B.O.", True, "Scholen voor V.B.O."),
])
def test_without_closing_stop(text, title, expected):
    assert without_closing_stop(text, title) == expected


# ``without_closing_stop`` tries its pattern at the last «;», «:» or «,» only: the same as
# searching the whole line, as no mark follows a match's own
_STOP_LINES = st.text(alphabet=" ;:,.enofa\n", max_size=14)


@given(_STOP_LINES, st.booleans())
@example("a;, en.", False)
@example(",.", True)
def test_the_closing_stop_is_found_where_a_search_finds_it(text, title):
    from consolidator.read import content
    stripped = text.rstrip()
    searched = stripped.endswith(".") and content._STOP_AFTER_MARK_RE.search(stripped)
    got = without_closing_stop(text, title)
    if searched:
        assert got == stripped[:-1]
    elif not title:
        assert got == text
