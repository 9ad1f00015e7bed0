"""Issue 13, point 3: each form of the drafting language applied to a law as a drafter
means it, one test per form against a small law text (plain law-text format). Forms the
reader does not read yet are built as model objects; the others go through the act reader."""
from __future__ import annotations

import pytest

from consolidator.apply.sentences import apply_act, apply_sentence
from consolidator.errors import ApplyError, NumberMismatch
from consolidator.law.lawtext import parse_law_text, render_law_text
from consolidator.model import (
    Content, ContentLine, DeleteElement, DeleteWords, InsertElement, InsertWords, Locator,
    ReplaceElement, ReplaceWords, Sentence, Step,
)
from consolidator.read.act import parse_act

SRC = "Stb. 2000, 1"


def law(text: str):
    return parse_law_text("Wet proef\n" + text)


def body(tree, show: bool = False) -> str:
    return render_law_text(tree, show_repealed=show).split("\n", 1)[1]


def act(*lines: str):
    """ARTIKEL I of an act changing the Wet proef, onderdeel A holding the lines."""
    return parse_act("Wet van 1 maart 2000 tot wijziging van de Wet proef\n\nARTIKEL I\n\n"
                     "De Wet proef wordt als volgt gewijzigd:\n\nA\n\n" + "\n\n".join(lines) + "\n")


def apply(tree, *lines: str):
    return apply_act(tree, act(*lines))


def at(*steps: tuple[str, str]) -> tuple[Locator]:
    return (Locator(tuple(Step(kind, number) for kind, number in steps)),)


def one(tree, instruction):
    apply_sentence(tree, Sentence((instruction,)), SRC)
    return tree


def text(value: str, kind: str = "text", label: str = "", level: int = 0, heading: str = ""):
    return ContentLine(kind, value, label=label, level=level, heading_kind=heading)


# ------------------------------------------------------------------ renumbering and the gap


LIST = ("Artikel 1\nIn deze wet wordt verstaan onder:\n  a. een;\n  b. twee;\n  c. drie;\n"
        "  d. vier.\n")


def test_er_wordt_een_onderdeel_ingevoegd_fills_the_gap_a_renumbering_left():
    new = apply(law(LIST), "Artikel 1 wordt als volgt gewijzigd:",
                "1. De onderdelen c en d worden geletterd d en e.",
                "2. Er wordt een onderdeel ingevoegd, luidende:", "  c. nieuw;")
    assert body(new) == ("Artikel 1\nIn deze wet wordt verstaan onder:\n  a. een;\n  b. twee;\n"
                         "  c. nieuw;\n  d. drie;\n  e. vier.\n")


def test_a_renumbering_whose_gap_nothing_fills_is_an_error():
    with pytest.raises(ApplyError) as err:
        apply(law(LIST), "Artikel 1 wordt als volgt gewijzigd:",
              "1. De onderdelen c en d worden geletterd d en e.",
              "2. Aan het slot van onderdeel a wordt toegevoegd: , nul.")
    assert "the renumbering leaves a gap: no onderdeel c" in str(err.value)
    assert "punt 1" in str(err.value)


def test_onder_verlettering_wordt_een_onderdeel_ingevoegd_in_one_sentence():
    new = apply(law(LIST), "Artikel 1 wordt als volgt gewijzigd:", "1. Onder verlettering van "
                "de onderdelen c en d tot d en e wordt een onderdeel ingevoegd, luidende:",
                "  c. nieuw;")
    assert "  b. twee;\n  c. nieuw;\n  d. drie;\n  e. vier.\n" in body(new)


# ------------------------------------------------------------------ a label before the text


def test_voor_de_tekst_wordt_de_aanduiding_1_geplaatst_in_any_article():
    tree = law("Artikel 5\nDe minister stelt regels:\n  a. over x;\n  b. over y.\nArtikel 6\n"
               "Zes.\n")
    new = apply(tree, "Artikel 5 wordt als volgt gewijzigd:",
                "1. Voor de tekst wordt de aanduiding «1.» geplaatst.",
                "2. Er wordt een lid toegevoegd, luidende:", "2. Dit geldt niet voor z.")
    assert body(new) == ("Artikel 5\n1. De minister stelt regels:\n  a. over x;\n  b. over y.\n"
                         "2. Dit geldt niet voor z.\nArtikel 6\nZes.\n")


def test_a_label_before_an_article_that_has_leden_is_refused():
    with pytest.raises(ApplyError) as err:
        apply(law("Artikel 5\n1. Een.\n2. Twee.\n"), "Artikel 5 wordt als volgt gewijzigd:",
              "1. Voor de tekst wordt de aanduiding «1.» geplaatst.")
    assert "artikel 5 already has numbered leden (1, 2)" in str(err.value)


# ------------------------------------------------------------------ new text on the instruction's line

def test_a_volzin_replaced_on_the_instructions_line_keeps_its_full_stop():
    # «Artikel 6, derde lid, tweede zin, komt te luiden: Het besluit wordt bekendgemaakt in
    # de Staatscourant.»: the closing full stop closes the instruction and the volzin
    tree = law("Artikel 6\n3. Een besluit. Het wordt meegedeeld. Drie.\n")
    one(tree, ReplaceElement(at(("artikel", "6"), ("lid", "3"), ("volzin", "2")), content=Content(
        (text("Het besluit wordt bekendgemaakt in de Staatscourant"),))))
    assert body(tree) == ("Artikel 6\n3. Een besluit. Het besluit wordt bekendgemaakt in de "
                          "Staatscourant. Drie.\n")


def test_an_opschrift_replaced_on_the_instructions_line_gets_no_full_stop():
    tree = law("§ 3. Toezicht\nArtikel 5\nVijf.\n")
    one(tree, ReplaceElement(at(("paragraaf", "3"), ("opschrift", "")),
                             content=Content((text("Toezicht en handhaving"),))))
    assert body(tree).splitlines()[0] == "§ 3. Toezicht en handhaving"


def test_an_opschrift_given_with_its_heading_line_takes_the_words_after_the_number():
    tree = law("Hoofdstuk E. Districten\nArtikel E 1\nEen.\n")
    one(tree, ReplaceElement(at(("hoofdstuk", "E"), ("opschrift", "")), content=Content(
        (text("Districten, kieskringen en stembureaus", "heading", "E", heading="hoofdstuk"),))))
    assert body(tree).splitlines()[0] == "Hoofdstuk E. Districten, kieskringen en stembureaus"
    with pytest.raises(NumberMismatch):
        one(tree, ReplaceElement(at(("hoofdstuk", "E"), ("opschrift", "")), content=Content(
            (text("Anders", "heading", "F", heading="hoofdstuk"),))))


def test_the_closing_full_stop_is_never_part_of_the_new_text_also_after_a_semicolon():
    tree = law("Artikel 5\nIntro:\n  a. het eerste lid;\n  b. slot.\n")
    new = apply(tree, "In artikel 5, onderdeel a, wordt «het eerste lid;» vervangen door: het "
                "derde lid;.")
    assert "  a. het derde lid;\n" in body(new)


def test_in_a_list_of_instructions_closed_by_semicolons_the_semicolon_closes_each():
    # Staatscourant style: each punt ends in «;» (the one before the last in «; en»)
    tree = law("Artikel 5\n1. De burgemeester beslist.\n2. Het college beslist.\n"
               "3. De raad beslist.\n")
    new = apply(tree, "Artikel 5 wordt als volgt gewijzigd:",
                "1. in het eerste lid wordt «De burgemeester» vervangen door: Het college;",
                "2. in het tweede lid wordt «college» vervangen door «bestuur»; en",
                "3. het derde lid vervalt.")
    assert body(new, show=True) == ("Artikel 5\n1. Het college beslist.\n"
                                    "2. Het bestuur beslist.\n3. [Vervallen]\n")
