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


# ------------------------------------------------------------------ definitions (Aanwijzing 100)

LETTERED = ("Artikel 1\nIn deze wet wordt verstaan onder:\n  a. bedrijf: een onderneming;\n"
            "  b. inrichting: een plaats van handel;\n  c. minister: Onze Minister van X.\n")
DASHES = LETTERED.replace("  a. ", "  – ").replace("  b. ", "  – ").replace("  c. ", "  – ")


def unlabelled(text: str):
    """The law with the marks of its list removed: an unlabelled list (lijst of li
    without li.nr), which the law-text format cannot write."""
    tree = law(text)
    for li in tree.getroot().iter("li"):
        li.remove(li.find("li.nr"))
    return tree


def definition(term: str, *steps):
    return at(("artikel", "1"), *steps, ("definition", term))


@pytest.mark.parametrize("make", [lambda: law(LETTERED), lambda: law(DASHES),
                                  lambda: unlabelled(LETTERED)],
                         ids=["lettered", "dashes", "unlabelled"])
def test_a_definition_is_found_by_its_term_in_every_list_form(make):
    tree = one(make(), ReplaceWords(definition("inrichting"), old="plaats", new="ruimte"))
    assert "inrichting: een ruimte van handel;" in body(tree)
    assert "bedrijf: een onderneming;" in body(tree)


def test_definitions_written_as_alineas_are_found_too():
    tree = law("Artikel 1\nIn deze wet wordt verstaan onder:\nbedrijf: een onderneming;\n"
               "inrichting: een plaats van handel.\n")
    one(tree, ReplaceWords(definition("inrichting"), old="plaats", new="ruimte"))
    assert body(tree).splitlines()[-1] == "inrichting: een ruimte van handel."


def test_a_definition_in_a_lid_of_an_article_with_leden():
    tree = law("Artikel 1\n1. In deze wet wordt verstaan onder:\n  – gemeente: de gemeente X;\n"
               "  – inrichting: een plaats.\n2. Twee.\n")
    one(tree, DeleteElement(definition("gemeente")))
    assert body(tree) == ("Artikel 1\n1. In deze wet wordt verstaan onder:\n"
                          "  – inrichting: een plaats.\n2. Twee.\n")


def test_a_missing_definition_names_the_terms_there_are():
    with pytest.raises(ApplyError) as err:
        one(law(DASHES), DeleteElement(definition("gemeente")))
    assert "no definition of «gemeente»; its terms: «bedrijf», «inrichting», «minister»" \
        in str(err.value)


def test_a_lettered_definition_deleted_keeps_its_letter_as_vervallen():
    tree = one(law(LETTERED), DeleteElement(definition("inrichting")))
    assert "  b. [Vervallen]" in body(tree, show=True)


def test_a_definition_replaced_keeps_its_label():
    tree = one(law(LETTERED), ReplaceElement(definition("inrichting"), content=Content(
        (text("inrichting: een ruimte;", "item", "b", 1),))))
    assert "  b. inrichting: een ruimte;\n" in body(tree)
    with pytest.raises(NumberMismatch):
        one(law(LETTERED), ReplaceElement(definition("inrichting"), content=Content(
            (text("inrichting: een ruimte;", "item", "c", 1),))))


def test_a_definition_inserted_in_alphabetical_order_in_a_dash_list():
    tree = one(law(DASHES), InsertElement(at(("artikel", "1")), position="alphabetical",
                                          content=Content((text("gemeente: de gemeente X;"),))))
    assert body(tree).splitlines()[2:5] == ["  – bedrijf: een onderneming;",
                                            "  – gemeente: de gemeente X;",
                                            "  – inrichting: een plaats van handel;"]


def test_a_new_term_printed_on_its_own_line_is_joined_to_its_definition():
    tree = one(unlabelled(LETTERED), InsertElement(
        at(("artikel", "1")), position="alphabetical",
        content=Content((text("Cyberbeveiligingswet:"), text("de Cyberbeveiligingswet;")))))
    items = [" ".join(t.split()) for t in (li.findtext("al") for li in tree.getroot().iter("li"))]
    assert items[:2] == ["bedrijf: een onderneming;", "Cyberbeveiligingswet: de "
                         "Cyberbeveiligingswet;"]


def test_alphabetical_insertion_in_a_lettered_list_needs_the_letter():
    with pytest.raises(ApplyError) as err:
        one(law(LETTERED), InsertElement(at(("artikel", "1")), position="alphabetical",
                                         content=Content((text("gemeente: de gemeente X;"),))))
    assert "the definitions are lettered: the new one needs its letter" in str(err.value)


def test_a_new_last_definition_whose_closing_mark_would_be_guessed_is_refused():
    with pytest.raises(ApplyError) as err:
        one(law(DASHES), InsertElement(at(("artikel", "1")), position="alphabetical",
                                       content=Content((text("wet: deze wet;"),))))
    assert "which of them ends in «;» the act does not say" in str(err.value)


# definitions as the Drank- en Horecawet writes them: alineas of lid 1 with the dash in their
# text, «leidinggevende:» introducing a list of its own (Stb. 2013, 380 names them by term)
DHW = ("Artikel 1\n1. Voor de toepassing van deze wet wordt verstaan onder:\n"
       "– barvrijwilliger: de natuurlijke persoon die drank verstrekt;\n– leidinggevende:\n"
       "  1°. de natuurlijke persoon voor wiens rekening het bedrijf wordt uitgeoefend;\n"
       "  2°. de natuurlijke persoon die leiding geeft;\n"
       "– vergunninghouder: de persoon aan wie de vergunning is verleend;\n"
       "bijlage: bijlage bedoeld in artikel 44b.\n2. Onder een inrichting wordt niet verstaan "
       "een vervoermiddel.\n")
BEZOEKER = ("bezoeker:", "een ieder die zich in een inrichting bevindt, met uitzondering van:",
            " • 1°. leidinggevenden;", " • 2°. personen die dienst doen in de inrichting;")


def test_an_onderdeel_named_by_its_term_in_lid_1_gets_a_new_one_after_it():
    new = apply(law(DHW), "In artikel 1 wordt na het onderdeel «barvrijwilliger» een onderdeel "
                "ingevoegd luidende:", *BEZOEKER)
    assert body(new).splitlines()[2:6] == [
        "– barvrijwilliger: de natuurlijke persoon die drank verstrekt;",
        "– bezoeker: een ieder die zich in een inrichting bevindt, met uitzondering van:",
        "  1°. leidinggevenden;", "  2°. personen die dienst doen in de inrichting;"]
    assert body(new).splitlines()[6] == "– leidinggevende:"


def test_after_a_definition_with_its_own_list_means_after_that_list():
    new = apply(law(DHW), "In artikel 1, eerste lid, wordt na onderdeel «leidinggevende» een "
                "onderdeel ingevoegd, luidende:", "– maatschappij: een rechtspersoon;")
    assert body(new).splitlines()[4:8] == [
        "  1°. de natuurlijke persoon voor wiens rekening het bedrijf wordt uitgeoefend;",
        "  2°. de natuurlijke persoon die leiding geeft;", "– maatschappij: een rechtspersoon;",
        "– vergunninghouder: de persoon aan wie de vergunning is verleend;"]


def test_a_definition_with_its_own_list_goes_and_is_replaced_with_it():
    gone = apply(law(DHW), "In artikel 1 vervalt het onderdeel «leidinggevende».")
    assert "1°." not in body(gone) and "leidinggevende" not in body(gone)
    new = apply(law(DHW), "In artikel 1 komt het onderdeel «leidinggevende» te luiden:",
                "leidinggevende: de natuurlijke persoon die leiding geeft;")
    assert body(new).splitlines()[3:5] == [
        "– leidinggevende: de natuurlijke persoon die leiding geeft;",
        "– vergunninghouder: de persoon aan wie de vergunning is verleend;"]


def test_a_lettered_onderdeel_named_by_its_term():
    new = apply(law("Artikel 1\n1. In deze wet wordt verstaan onder:\n  a. bedrijf: een "
                    "onderneming;\n  b. minister: Onze Minister.\n2. Twee.\n"),
                "In artikel 1 wordt na het onderdeel «bedrijf» een onderdeel ingevoegd, luidende:",
                "  ba. gemeente: de gemeente X;.")
    assert "  a. bedrijf: een onderneming;\n  ba. gemeente: de gemeente X;\n  b. minister" \
        in body(new)
    new = apply(new, "In artikel 1 wordt na het onderdeel «gemeente» een onderdeel ingevoegd, "
                "luidende:", "bb. leidinggevende:", "1°. de bestuurder;", "2°. de beheerder;.")
    assert "  ba. gemeente: de gemeente X;\n  bb. leidinggevende:\n    1°. de bestuurder;\n" \
        "    2°. de beheerder;\n  b. minister" in body(new)


def test_an_onderdeel_named_by_a_term_the_article_does_not_define():
    with pytest.raises(ApplyError) as err:
        apply(law(DHW), "In artikel 1 wordt na het onderdeel «bezoeker» een onderdeel "
              "ingevoegd luidende:", "exploitant: de houder;")
    assert "no definition of «bezoeker»; its terms: «barvrijwilliger», «leidinggevende», " \
        "«vergunninghouder», «bijlage»" in str(err.value)


# ------------------------------------------------------------------ volzinnen after a list

# Wet OB 1968, artikel 15, eerste lid, shortened: the closing words «een en ander …» end the
# volzin of the list's intro; «Indien …» is the tweede volzin
AFTREK = ("Artikel 15\n1. De belasting welke de ondernemer in aftrek brengt, is:\n"
          "  a. de belasting die hem in rekening is gebracht;\n"
          "  b. de belasting die hij heeft voldaan;\n"
          "een en ander voor zover het verzoek niet op de voet van artikel 30 kan worden "
          "gedaan.\nIndien een verzoek op de voet van artikel 30 kan worden gedaan, kan die "
          "belasting niet in aftrek worden gebracht. Indien een zaak deel uitmaakt van het "
          "vermogen, is de belasting aftrekbaar.\n2. Twee.\n")


def test_the_tweede_volzin_after_a_list_with_closing_words():
    new = apply(law(AFTREK), "In artikel 15, eerste lid, tweede volzin, wordt «artikel 30» "
                "vervangen door: artikel 31.")
    assert "een en ander voor zover het verzoek niet op de voet van artikel 30 kan" in body(new)
    assert "Indien een verzoek op de voet van artikel 31 kan worden gedaan" in body(new)


def test_the_derde_volzin_after_a_list_with_closing_words_vervalt():
    new = apply(law(AFTREK), "In artikel 15, eerste lid, vervalt de derde volzin.")
    assert "kan die belasting niet in aftrek worden gebracht.\n2. Twee." in body(new)
    assert "een en ander voor zover" in body(new)


# ------------------------------------------------------------------ words: «(…)» and a mark as anchor


def test_a_zinsnede_named_by_its_ends_is_the_words_between_them():
    tree = law("Artikel 2\nDit geldt voor zover het de openbare school betreft, en altijd.\n")
    new = apply(tree, "In artikel 2 vervalt de zinsnede «voor zover (…) betreft».")
    assert body(new) == "Artikel 2\nDit geldt, en altijd.\n"


def test_a_zinsnede_whose_ends_occur_twice_is_ambiguous():
    tree = law("Artikel 2\nHet geldt voor zover nodig en voor zover mogelijk betreft het x.\n")
    with pytest.raises(ApplyError) as err:
        one(tree, DeleteWords(at(("artikel", "2")), words="voor zover (…) betreft"))
    assert "occurs 2 times" in str(err.value)


def test_words_inserted_before_the_semicolon():
    # «wordt voor de puntkomma ingevoegd: , met uitzondering van de zondag»
    tree = law("Artikel 3\nDe winkels zijn gesloten:\n  a. op feestdagen;\n  b. 's nachts.\n")
    one(tree, InsertWords(at(("artikel", "3"), ("onderdeel", "a")), anchor=";",
                          anchor_mark=True, position="before",
                          new=", met uitzondering van de zondag"))
    assert "  a. op feestdagen, met uitzondering van de zondag;\n" in body(tree)


def test_a_mark_as_anchor_must_be_there_once():
    tree = law("Artikel 3\nDe winkels zijn gesloten op feestdagen; ook 's nachts; altijd.\n")
    with pytest.raises(ApplyError) as err:
        one(tree, InsertWords(at(("artikel", "3")), anchor=";", anchor_mark=True,
                              position="before", new=", behalve zondag"))
    assert "occurs 2 times" in str(err.value)


# ------------------------------------------------------------------ headings

CHAPTERS = ("Hoofdstuk 4. Oud\n§ 1. Een\nArtikel 10\nTien.\n§ 2. Twee\nArtikel 11\nElf.\n"
            "Hoofdstuk 5. Vijf\n§ 1. Algemeen\nArtikel 12\nTwaalf.\nHoofdstuk 6. Zes\n"
            "Artikel 13\nDertien.\n")


def headings(tree) -> list[str]:
    return [line for line in body(tree, show=True).splitlines()
            if line.startswith(("Hoofdstuk", "§", "Artikel"))]


def test_the_opschrift_of_a_chapter_with_paragrafen():
    new = apply(law(CHAPTERS), "Het opschrift van hoofdstuk 4 komt te luiden:",
                "Toezicht en handhaving")
    assert headings(new)[:3] == ["Hoofdstuk 4. Toezicht en handhaving", "§ 1. Een",
                                 "Artikel 10"]


def test_a_paragraaf_added_to_a_chapter():
    new = apply(law(CHAPTERS), "Aan hoofdstuk 5 wordt een paragraaf toegevoegd, luidende:",
                "§ 2. Slot", "Artikel 12a", "Nieuw.")
    assert headings(new)[5:11] == ["Hoofdstuk 5. Vijf", "§ 1. Algemeen", "Artikel 12",
                                   "§ 2. Slot", "Artikel 12a", "Hoofdstuk 6. Zes"]


def test_a_chapter_inserted_after_a_chapter_its_heading_line_is_content():
    new = apply(law(CHAPTERS), "Na hoofdstuk 5 wordt een hoofdstuk ingevoegd, luidende:",
                "Hoofdstuk 5A. Handhaving", "Artikel 12b", "De minister handhaaft.")
    assert headings(new)[7:11] == ["Artikel 12", "Hoofdstuk 5A. Handhaving", "Artikel 12b",
                                   "Hoofdstuk 6. Zes"]


def test_a_chapter_replaced_by_the_chapter_that_follows_the_instruction():
    new = apply(law(CHAPTERS), "Hoofdstuk 6 komt te luiden:", "Hoofdstuk 6. Slotbepalingen",
                "Artikel 13", "Deze wet treedt in werking.", "Artikel 14",
                "Deze wet heet Wet proef.")
    assert body(new).split("Hoofdstuk 6.")[1] == (" Slotbepalingen\nArtikel 13\nDeze wet treedt "
                                                  "in werking.\nArtikel 14\nDeze wet heet Wet "
                                                  "proef.\n")


def test_a_chapter_repealed():
    new = apply(law(CHAPTERS), "Hoofdstuk 4 vervalt.")
    assert headings(new)[:5] == ["Hoofdstuk 4 [Vervallen]", "§ 1. Een",
                                 "Artikel 10 [Vervallen]", "§ 2. Twee", "Artikel 11 [Vervallen]"]


def test_two_chapters_inserted_their_second_heading_line_is_content_too():
    new = apply(law(CHAPTERS), "Na hoofdstuk 5 worden twee hoofdstukken ingevoegd, luidende:",
                "Hoofdstuk 5A. Handhaving", "Artikel 12b", "Een.", "Hoofdstuk 5B. Toezicht",
                "Artikel 12c", "Twee.")
    assert headings(new)[7:13] == ["Artikel 12", "Hoofdstuk 5A. Handhaving", "Artikel 12b",
                                   "Hoofdstuk 5B. Toezicht", "Artikel 12c", "Hoofdstuk 6. Zes"]


# ------------------------------------------------------------------ the forms read from an act


def test_onder_vernummering_wordt_in_artikel_14_een_lid_ingevoegd():
    new = apply(law("Artikel 14\n1. Een.\n2. Twee.\n"), "Onder vernummering van het tweede lid "
                "tot derde lid wordt in artikel 14 een lid ingevoegd, luidende:", "2. Nieuw.")
    assert body(new) == "Artikel 14\n1. Een.\n2. Nieuw.\n3. Twee.\n"


def test_a_lid_repealed_and_the_next_renumbered_in_one_sentence():
    new = apply(law("Artikel 9\n1. Een.\n2. Twee.\n3. Drie.\n4. Vier.\n"),
                "Artikel 9, derde lid, vervalt, onder vernummering van het vierde lid tot derde lid.")
    assert body(new) == "Artikel 9\n1. Een.\n2. Twee.\n3. Vier.\n"


def test_same_line_texts_read_from_an_act():
    tree = law("§ 3. Toezicht\nArtikel 6\n3. Een besluit. Het wordt meegedeeld. Drie.\n")
    new = apply(tree, "Artikel 6, derde lid, tweede zin, komt te luiden: Het besluit wordt "
                "bekendgemaakt in de Staatscourant.")
    new = apply(new, "Het opschrift van paragraaf 3 komt te luiden: Toezicht en handhaving.")
    assert body(new) == ("§ 3. Toezicht en handhaving\nArtikel 6\n3. Een besluit. Het besluit "
                         "wordt bekendgemaakt in de Staatscourant. Drie.\n")


def test_definitions_read_from_an_act():
    new = apply(law(DASHES), "In artikel 1 wordt de begripsomschrijving van «inrichting» "
                "vervangen door:", "– inrichting: een ruimte;")
    new = apply(new, "In artikel 1 vervalt de omschrijving van «bedrijf».")
    new = apply(new, "In artikel 1 wordt in de alfabetische volgorde ingevoegd:",
                "– gemeente: de gemeente X;")
    assert body(new) == ("Artikel 1\nIn deze wet wordt verstaan onder:\n"
                         "  – gemeente: de gemeente X;\n  – inrichting: een ruimte;\n"
                         "  – minister: Onze Minister van X.\n")


def test_words_before_the_semicolon_read_from_an_act():
    tree = law("Artikel 3\nDe winkels zijn gesloten:\n  a. op feestdagen;\n  b. 's nachts.\n")
    new = apply(tree, "In artikel 3, onderdeel a, wordt voor de puntkomma ingevoegd: , met "
                "uitzondering van de zondag.")
    assert "  a. op feestdagen, met uitzondering van de zondag;\n" in body(new)


def test_quoted_words_added_at_the_end_of_a_lid():
    new = apply(law("Artikel 8\n1. Een.\n2. De burgemeester beslist.\n"),
                "Aan artikel 8, tweede lid, wordt «, tenzij het college anders beslist» "
                "toegevoegd.")
    assert body(new).endswith("2. De burgemeester beslist, tenzij het college anders beslist.\n")


def test_onder_verlettering_inside_the_frame():
    new = apply(law(LIST), "In artikel 1 wordt, onder verlettering van de onderdelen c en d tot "
                "d en e, een onderdeel ingevoegd, luidende:", "  c. nieuw;")
    assert "  b. twee;\n  c. nieuw;\n  d. drie;\n  e. vier.\n" in body(new)
