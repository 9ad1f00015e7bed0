"""Verbs, orders and clauses as acts write them (Aanwijzingen 6.9–6.18, 2012: 232–238): each
wording with the typed instructions it gives (kind, targets, fields)."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.model import (
    Content, ContentLine, DeleteElement, DeleteWords, InsertElement, InsertLabel, InsertWords,
    Locator, Renumber, ReplaceElement, ReplacePunctuation, ReplaceWords, Step,
)
from consolidator.read.instructions import parse_sentence


def loc(*pairs) -> Locator:
    it = iter(pairs)
    return Locator(tuple(Step(kind, number) for kind, number in zip(it, it)))


A5 = loc("artikel", "5")


def read(text: str, context: Locator = A5, lines: tuple[str, ...] = ()):
    content = Content(tuple(ContentLine("text", line) for line in lines))
    return parse_sentence(text, context=context, content=content).instructions


# ------------------------------------------------------------------ komen te luiden

def test_the_verb_split_around_its_subject():
    assert read("In het eerste lid komen de tweede en derde volzin te luiden:", lines=("X.",)) == (
        ReplaceElement(targets=(loc("artikel", "5", "lid", "1", "volzin", "2"),
                                loc("artikel", "5", "lid", "1", "volzin", "3")),
                       content=Content((ContentLine("text", "X."),))),)


def test_voorts_komt_in_the_frame_as_follows_to_read():
    assert read("Voorts komt in het eerste lid de tweede volzin als volgt te luiden:",
                lines=("Y.",)) == (
        ReplaceElement(targets=(loc("artikel", "5", "lid", "1", "volzin", "2"),),
                       content=Content((ContentLine("text", "Y."),))),)


@pytest.mark.parametrize("text, target, new", [
    ("Artikel 6, derde lid, tweede zin, komt te luiden: Het besluit wordt bekendgemaakt in de "
     "Staatscourant.", loc("artikel", "6", "lid", "3", "volzin", "2"),
     "Het besluit wordt bekendgemaakt in de Staatscourant"),
    ("Het opschrift van paragraaf 3 komt te luiden: Toezicht en handhaving.",
     loc("paragraaf", "3", "opschrift", ""), "Toezicht en handhaving"),
    ("Artikel 18, derde lid, van de overeenkomst, komt te luiden als volgt: Partijen overleggen.",
     loc("artikel", "18", "lid", "3"), "Partijen overleggen"),
])
def test_new_text_on_the_instructions_own_line(text, target, new):
    """The text after the colon is the element's new text; the closing full stop ends the
    instruction (apply gives a volzin its own back, an opschrift none)."""
    (ins,) = read(text, context=Locator())
    assert ins == ReplaceElement(targets=(target,), content=Content((ContentLine("text", new),)))


def test_an_opschrift_replaced_by_a_quoted_heading():
    (ins,) = read("Het opschrift «Hoofdstuk 11a. Continuïteit» wordt vervangen door «Hoofdstuk "
                  "11a. Beveiligingsmaatregelen».", context=Locator())
    assert ins == ReplaceElement(
        targets=(loc("hoofdstuk", "11a", "opschrift", ""),),
        content=Content((ContentLine("heading", "Beveiligingsmaatregelen", label="11a",
                                     heading_kind="hoofdstuk"),)))


def test_an_element_of_several_lines_is_not_replaced_by_quoted_words():
    with pytest.raises(ActSyntaxError, match="not by quoted words"):
        read("Het tweede lid wordt vervangen door «Nieuw.»")


def test_the_aanhef_replaced_by_text_after_the_colon():
    (ins,) = read("In artikel I, onderdeel G.3, wordt de aanhef vervangen door: Het derde lid "
                  "wordt vervangen door:.", context=Locator())
    assert ins.kind == "replace-element"
    assert ins.targets == (Locator((Step("act-artikel", "I"), Step("act-onderdeel", "G"),
                                    Step("act-punt", "3"), Step("aanhef"))),)
    assert ins.content == Content((ContentLine("text", "Het derde lid wordt vervangen door:"),))


@pytest.mark.parametrize("text", ["De onderdelen c en d komen te vervallen.",
                                  "De onderdelen c en d vervallen."])
def test_komen_te_vervallen_is_vervallen(text):
    assert read(text) == (DeleteElement(targets=(loc("artikel", "5", "onderdeel", "c"),
                                                 loc("artikel", "5", "onderdeel", "d"))),)


# ------------------------------------------------------------------ words

def test_voorts_and_verder_act_in_the_place_the_intro_set():
    assert read("Voorts wordt «de prijs» vervangen door: de tarieven.") == (
        ReplaceWords(targets=(A5,), old="de prijs", new="de tarieven"),)
    assert read("Verder vervalt de derde volzin.") == (
        DeleteElement(targets=(loc("artikel", "5", "volzin", "3"),)),)


@pytest.mark.parametrize("text", [
    "In artikel 3.105 wordt «drie» telkenmale vervangen door: vijf.",
    "In artikel 3.105 wordt telkens «drie» vervangen door: vijf.",
])
def test_telkens_before_or_as_telkenmale(text):
    assert read(text) == (ReplaceWords(targets=(loc("artikel", "3.105"),), old="drie", new="vijf",
                                       telkens=True),)


def test_a_label_replaced_and_labels_replaced_pairwise():
    assert read("In onderdeel 1 wordt de aanduiding «5.» vervangen door «4.».") == (
        ReplaceWords(targets=(loc("artikel", "5", "onderdeel", "1"),), old="5.", new="4."),)
    assert read("In het derde lid worden de aanduidingen «5.» en «6.» vervangen door «6.» en "
                "«7.».") == (
        ReplaceWords(targets=(loc("artikel", "5", "lid", "3"),), old="5.", new="6."),
        ReplaceWords(targets=(loc("artikel", "5", "lid", "3"),), old="6.", new="7."))
    with pytest.raises(ActSyntaxError, match="they must pair up"):
        read("In het derde lid worden de aanduidingen «5.» en «6.» vervangen door «6.», «7.» en «8.».")


def test_two_actions_each_with_text_after_a_colon():
    assert read("In het eerste lid wordt ‘€ 174.420,00’ telkens vervangen door: € 178.431,00 en "
                "wordt ‘€ 41.504,00’ vervangen door: € 42.459,00.") == (
        ReplaceWords(targets=(loc("artikel", "5", "lid", "1"),), old="€ 174.420,00",
                     new="€ 178.431,00", telkens=True),
        ReplaceWords(targets=(loc("artikel", "5", "lid", "1"),), old="€ 41.504,00",
                     new="€ 42.459,00"))


def test_a_stray_colon_after_wordt_is_passed_over():
    assert read("In het tweede lid wordt: ‘€ 122.094,00’ vervangen door: € 124.902,00.") == (
        ReplaceWords(targets=(loc("artikel", "5", "lid", "2"),), old="€ 122.094,00",
                     new="€ 124.902,00"),)


def test_a_closing_quote_no_quote_opens_is_refused():
    text = "In lijst A wordt «van de Wet: artikel 50a» vervangen door: van de Wet 2000: artikel 108»."
    with pytest.raises(ActSyntaxError) as err:
        read(text)
    assert err.value.column == text.rindex("»") + 1
    assert "closing quote mark" in err.value.message


def test_two_quoted_parts_are_two_deletions():
    assert read("In onderdeel b, onder 2°, vervalt «zware» en «voortdurend».") == (
        DeleteWords(targets=(loc("artikel", "5", "onderdeel", "b", "subonderdeel", "2°"),),
                    words="zware"),
        DeleteWords(targets=(loc("artikel", "5", "onderdeel", "b", "subonderdeel", "2°"),),
                    words="voortdurend"))


@pytest.mark.parametrize("text, words", [
    ("In artikel 8, vierde lid, vervalt de zinsnede «of door Nederland».", "of door Nederland"),
    ("In artikel 8, vierde lid, vervalt de zinsnede: of door Nederland.", "of door Nederland"),
    ("In artikel 8, vierde lid, vervalt in de tweede volzin, onderdeel b, «athenea»", "athenea"),
])
def test_a_frame_inside_the_action_then_the_words(text, words):
    (ins,) = read(text)
    assert ins.kind == "delete-words" and ins.words == words


def test_the_words_between_the_quoted_ends_stay_verbatim():
    """Aanwijzing 3.30 (81): «de zinsnede «voor zover (…) betreft»» — apply reads the ends."""
    (ins,) = read("In het eerste lid vervalt de zinsnede «voor zover (…) betreft».")
    assert ins == DeleteWords(targets=(loc("artikel", "5", "lid", "1"),),
                              words="voor zover (…) betreft")


@pytest.mark.parametrize("text, expected", [
    ("Na «de burgemeester» wordt ingevoegd «of de door hem aangewezen ambtenaar».",
     InsertWords(targets=(A5,), new="of de door hem aangewezen ambtenaar",
                 anchor="de burgemeester", position="after")),
    ("Na «X» wordt ingevoegd: Y.", InsertWords(targets=(A5,), new="Y", anchor="X",
                                               position="after")),
    ("Aan artikel 8, tweede lid, wordt «, tenzij het college anders beslist» toegevoegd.",
     InsertWords(targets=(loc("artikel", "8", "lid", "2"),),
                 new=", tenzij het college anders beslist", position="end")),
    ("Aan het opschrift wordt toegevoegd «alsmede in verband met de zorgkosten».",
     InsertWords(targets=(loc("artikel", "5", "opschrift", ""),),
                 new="alsmede in verband met de zorgkosten", position="end")),
    ("Aan onderdeel d wordt na «gemeenschapsonderdanen» toegevoegd: , onderdanen van Zwitserland.",
     InsertWords(targets=(loc("artikel", "5", "onderdeel", "d"),),
                 new=", onderdanen van Zwitserland", anchor="gemeenschapsonderdanen",
                 position="after")),
    ("In het tweede lid wordt voor de puntkomma ingevoegd: , met uitzondering van de zondag.",
     InsertWords(targets=(loc("artikel", "5", "lid", "2"),),
                 new=", met uitzondering van de zondag", anchor=";", position="before",
                 anchor_mark=True)),
    ("In de definitie van «horecabedrijf» wordt voor de puntkomma aan het slot ingevoegd «, x».",
     InsertWords(targets=(loc("artikel", "5", "definition", "horecabedrijf"),), new=", x",
                 anchor=";", position="before", anchor_mark=True)),
    ("Onder de aanduiding A wordt ingevoegd: Artikel 23 wordt als volgt gewijzigd:",
     InsertWords(targets=(Locator((Step("act-onderdeel", "A"),)),),
                 new="Artikel 23 wordt als volgt gewijzigd:", position="start")),
])
def test_inserted_words(text, expected):
    context = Locator() if text.startswith("Onder de aanduiding") else A5
    assert read(text, context=context) == (expected,)


def test_a_zinsdeel_is_words():
    assert read("Aan artikel 16, onderdeel c, wordt een zinsdeel toegevoegd, luidende:",
                context=Locator(), lines=("of een erkende rechtspersoon",)) == (
        InsertWords(targets=(loc("artikel", "16", "onderdeel", "c"),),
                    new="of een erkende rechtspersoon", position="end"),)


def test_an_element_after_quoted_words_is_refused():
    with pytest.raises(ActSyntaxError, match="not after quoted words"):
        read("Na «X» wordt een lid ingevoegd, luidende:", lines=("3. Y.",))


# ------------------------------------------------------------------ elements

@pytest.mark.parametrize("text, expected", [
    ("Toegevoegd wordt een volzin, luidende: Het aantal bedraagt tien.",
     InsertElement(targets=(A5,), position="end", element="volzin",
                   content=Content((ContentLine("text", "Het aantal bedraagt tien."),)))),
    ("Er wordt een onderdeel ingevoegd, dat luidt:",
     InsertElement(targets=(A5,), position="end", element="onderdeel",
                   content=Content((ContentLine("text", "x"),)))),
    ("Er wordt een lid toegevoegd luidende:",
     InsertElement(targets=(A5,), position="end", element="lid",
                   content=Content((ContentLine("text", "x"),)))),
    ("In de alfabetische volgorde wordt ingevoegd:",
     InsertElement(targets=(A5,), position="alphabetical",
                   content=Content((ContentLine("text", "x"),)))),
    ("In het eerste lid wordt in de alfabetische rangschikking ingevoegd:",
     InsertElement(targets=(loc("artikel", "5", "lid", "1"),), position="alphabetical",
                   content=Content((ContentLine("text", "x"),)))),
    ("In artikel 1:1 worden in alfabetische twee definities ingevoegd, luidende:",
     InsertElement(targets=(loc("artikel", "1:1"),), position="alphabetical",
                   element="definition", count=2, content=Content((ContentLine("text", "x"),)))),
    ("Onder de aanhef wordt een onderdeel ingevoegd, luidende:",
     InsertElement(targets=(loc("artikel", "5", "aanhef", ""),), position="after",
                   element="onderdeel", content=Content((ContentLine("text", "x"),)))),
    ("Na artikel III worden 13 artikelen ingevoegd, luidende:",
     InsertElement(targets=(loc("artikel", "III"),), position="after", element="artikel",
                   count=13, content=Content((ContentLine("text", "x"),)))),
    ("In paragraaf 1 van hoofdstuk III worden na artikel 13a drie artikelen ingevoegd, luidende:",
     InsertElement(targets=(loc("hoofdstuk", "III", "paragraaf", "1", "artikel", "13a"),),
                   position="after", element="artikel", count=3,
                   content=Content((ContentLine("text", "x"),)))),
    ("In artikel I, onderdeel D, wordt in artikel 10 na het eerste lid een lid ingevoegd, "
     "luidende:", InsertElement(targets=(Locator((Step("act-artikel", "I"),
                                                   Step("act-onderdeel", "D"), Step("artikel", "10"),
                                                   Step("lid", "1"))),), position="after",
                                element="lid", content=Content((ContentLine("text", "x"),)))),
    ("Na punt 1. wordt een nieuw punt ingevoegd, luidende:",
     InsertElement(targets=(Locator((Step("act-punt", "1"),)),), position="after",
                   element="punt", content=Content((ContentLine("text", "x"),)))),
])
def test_inserted_elements(text, expected):
    context = Locator() if text.startswith(("Na artikel III", "In paragraaf", "In artikel",
                                            "Na punt")) else A5
    assert read(text, context=context, lines=("x",)) == (expected,)


def test_voor_de_tekst_wordt_de_aanduiding_geplaatst():
    assert read("Voor de tekst wordt de aanduiding “1.” geplaatst.") == (
        InsertLabel(targets=(A5,), label="1"),)
    assert read("Voor de tekst van artikel 9 wordt de aanduiding «1.» geplaatst.",
                context=Locator()) == (InsertLabel(targets=(loc("artikel", "9"),), label="1"),)


# ------------------------------------------------------------------ clauses (Aanwijzing 6.18 (238))

def _x():
    return Content((ContentLine("text", "x"),))


def test_a_clause_between_the_verb_and_the_object_in_a_frame():
    assert read("In artikel 1:93, eerste lid, van de Wet op het financieel toezicht wordt, onder "
                "vervanging van de punt aan het slot van onderdeel k door een puntkomma, een "
                "onderdeel toegevoegd, luidende:", context=Locator(), lines=("x",)) == (
        ReplacePunctuation(targets=(loc("artikel", "1:93", "lid", "1", "onderdeel", "k"),),
                           old=".", new=";"),
        InsertElement(targets=(loc("artikel", "1:93", "lid", "1"),), position="end",
                      element="onderdeel", content=_x()))


def test_a_relettering_clause_leaves_its_gap_for_the_new_onderdeel():
    a = loc("artikel", "2.53", "lid", "2", "onderdeel", "a")
    renumbered = tuple(loc("artikel", "2.53", "lid", "2", "onderdeel", x) for x in "abcdef")
    assert read("In artikel 2.53, tweede lid, wordt onder verlettering van de onderdelen a tot en "
                "met f tot b tot en met g een onderdeel ingevoegd, luidende:", context=Locator(),
                lines=("x",)) == (
        Renumber(targets=renumbered, new_numbers=tuple("bcdefg")),
        InsertElement(targets=(a,), position="before", element="onderdeel", number="a",
                      content=_x()))


def test_an_anchored_insertion_with_a_clause():
    m = loc("artikel", "5", "onderdeel", "m")
    assert read("Na onderdeel m wordt, onder vervanging van de punt aan het slot door een "
                "puntkomma, een nieuw onderdeel toegevoegd, luidende:", lines=("x",)) == (
        ReplacePunctuation(targets=(m,), old=".", new=";"),
        InsertElement(targets=(m,), position="after", element="onderdeel", content=_x()))
    assert read("Na lid 2 wordt, onder vernummering van lid 3 tot lid 4, een nieuw lid "
                "ingevoegd, luidende:", lines=("x",)) == (
        Renumber(targets=(loc("artikel", "5", "lid", "3"),), new_numbers=("4",)),
        InsertElement(targets=(loc("artikel", "5", "lid", "2"),), position="after",
                      element="lid", content=_x()))


def test_appended_with_a_clause():
    assert read("Aan artikel 1 worden onder vervanging van de punt aan het slot van onderdeel h "
                "door een puntkomma, vier onderdelen toegevoegd, luidende:", context=Locator(),
                lines=("x",)) == (
        ReplacePunctuation(targets=(loc("artikel", "1", "onderdeel", "h"),), old=".", new=";"),
        InsertElement(targets=(loc("artikel", "1"),), position="end", element="onderdeel",
                      count=4, content=_x()))


def test_a_deletion_with_clauses_before_its_object():
    lid2 = loc("artikel", "5", "lid", "2")
    assert read("In het tweede lid wordt aan onderdeel b toegevoegd «of» en vervalt onder "
                "vervanging van «; of» aan het slot van onderdeel c door een punt onderdeel d.") == (
        InsertWords(targets=(loc("artikel", "5", "lid", "2", "onderdeel", "b"),), new="of",
                    position="end"),
        ReplacePunctuation(targets=(loc("artikel", "5", "lid", "2", "onderdeel", "c"),),
                           old="; of", new="."),
        DeleteElement(targets=(Locator(lid2.steps + (Step("onderdeel", "d"),)),)))


def test_a_deletion_with_clauses_after_its_object():
    lid1 = loc("artikel", "3.6a", "lid", "1")
    assert read("In artikel 3.6a, eerste lid, vervalt onderdeel c, onder vervanging van «; of» aan "
                "het slot van onderdeel b door een punt en onder toevoeging van het woord «of» aan "
                "het slot van onderdeel a.", context=Locator()) == (
        DeleteElement(targets=(Locator(lid1.steps + (Step("onderdeel", "c"),)),)),
        ReplacePunctuation(targets=(Locator(lid1.steps + (Step("onderdeel", "b"),)),),
                           old="; of", new="."),
        InsertWords(targets=(Locator(lid1.steps + (Step("onderdeel", "a"),)),), new="of",
                    position="end"))


def test_a_renumbering_of_the_subjects_own_parent():
    assert read("Artikel 9, derde lid, vervalt, onder vernummering van het vierde lid tot derde "
                "lid.", context=loc("artikel", "1")) == (
        DeleteElement(targets=(loc("artikel", "9", "lid", "3"),)),
        Renumber(targets=(loc("artikel", "9", "lid", "4"),), new_numbers=("3",)))


def test_renumbering_first_then_a_deletion_in_the_place_named():
    assert read("Onder vernummering van het vierde en vijfde lid tot derde en vierde lid, vervalt "
                "in artikel 46 het derde lid.", context=Locator()) == (
        DeleteElement(targets=(loc("artikel", "46", "lid", "3"),)),
        Renumber(targets=(loc("artikel", "46", "lid", "4"), loc("artikel", "46", "lid", "5")),
                 new_numbers=("3", "4")))


def test_renumbering_first_then_an_anchored_insertion():
    assert read("Onder vernummering van het tweede lid tot derde lid wordt na het eerste lid een "
                "lid toegevoegd, luidende:", lines=("x",)) == (
        Renumber(targets=(loc("artikel", "5", "lid", "2"),), new_numbers=("3",)),
        InsertElement(targets=(loc("artikel", "5", "lid", "1"),), position="after",
                      element="lid", content=_x()))


# ------------------------------------------------------------------ intros and refusals

def test_an_intro_inside_a_frame_and_without_its_colon():
    assert parse_sentence("Artikel I, onderdeel K, wordt artikel 9 als volgt gewijzigd:").targets == (
        Locator((Step("act-artikel", "I"), Step("act-onderdeel", "K"), Step("artikel", "9"))),)
    assert parse_sentence("Artikel 2 wordt als volgt gewijzigd").targets == (loc("artikel", "2"),)


@pytest.mark.parametrize("text", [
    "In artikel 12 Hoofdwegennet worden het verplichtingenbedrag en het uitgavenbedrag verlaagd "
    "met € 2.500 (x € 1.000).",
    "De begrotingsstaat wordt als volgt gewijzigd:",
    "In de in artikel 2.10, eerste lid, opgenomen tabel wordt het in de laatste kolom als eerste "
    "vermelde percentage verlaagd met 0,35%-punt.",
])
def test_a_budget_table_change_is_not_a_textual_amendment(text):
    with pytest.raises(ActSyntaxError, match="not a textual amendment"):
        parse_sentence(text)


def test_a_syntax_error_says_line_column_and_what_was_expected():
    with pytest.raises(ActSyntaxError) as err:
        parse_sentence("In artikel 5 wordt «a» verplaatst naar: b.", line=12, column=3)
    assert (err.value.line, err.value.column) == (12, 26)  # column 24 of a line from column 3
    assert err.value.message.startswith("cannot read instruction: unexpected «verplaatst»; "
                                        "expected ")
    assert "the verb «wordt … vervangen door»" in err.value.message
    assert err.value.context.splitlines()[1].strip() == "^~~~~~~~~~"


# ------------------------------------------------------------------ the forms issue 13 names

def test_renumbering_and_relettering_in_a_frame():
    assert read("In artikel 6 wordt het vijfde lid vernummerd tot vierde lid.", context=Locator()) == (
        Renumber(targets=(loc("artikel", "6", "lid", "5"),), new_numbers=("4",)),)
    assert read("In artikel 2 worden de onderdelen e en f geletterd d en e.", context=Locator()) == (
        Renumber(targets=(loc("artikel", "2", "onderdeel", "e"), loc("artikel", "2", "onderdeel", "f")),
                 new_numbers=("d", "e")),)


def test_aan_het_artikel_is_the_artikel_of_the_intro():
    assert read("Aan het artikel wordt een lid toegevoegd, luidende:", lines=("x",)) == (
        InsertElement(targets=(A5,), position="end", element="lid", content=_x()),)


@pytest.mark.parametrize("text, expected", [
    ("In artikel 1 vervalt de omschrijving van «gemeente».",
     DeleteElement(targets=(loc("artikel", "1", "definition", "gemeente"),))),
    ("De begripsomschrijving van «inrichting» vervalt.",
     DeleteElement(targets=(loc("artikel", "5", "definition", "inrichting"),))),
    ("De omschrijving van artikel 86 vervalt.",  # an entry of the inhoudsopgave
     DeleteElement(targets=(Locator((Step("inhoudsopgave"), Step("toc-entry", "Artikel 86"))),))),
])
def test_a_definition_by_its_term_and_an_inhoudsopgave_entry(text, expected):
    assert read(text) == (expected,)


def test_a_new_chapter_on_the_instructions_own_line_is_a_heading():
    (ins,) = read("Na hoofdstuk 5 wordt een hoofdstuk ingevoegd, luidende: Hoofdstuk 5A. Toezicht.",
                  context=Locator())
    assert ins == InsertElement(targets=(loc("hoofdstuk", "5"),), position="after",
                                element="hoofdstuk",
                                content=Content((ContentLine("heading", "Toezicht", label="5A",
                                                             heading_kind="hoofdstuk"),)))


def test_onder_vernummering_first_then_the_insertion_in_the_article_named():
    lid2 = loc("artikel", "14", "lid", "2")
    assert read("Onder vernummering van het tweede lid tot derde lid wordt in artikel 14 een lid "
                "ingevoegd, luidende:", context=Locator(), lines=("x",)) == (
        Renumber(targets=(lid2,), new_numbers=("3",)),
        InsertElement(targets=(lid2,), position="before", element="lid", number="2",
                      content=_x()))


def test_onder_vervanging_first_then_appended_or_deleted():
    assert read("Onder vervanging van de punt aan het slot van onderdeel f door een puntkomma wordt "
                "aan artikel 1 een onderdeel toegevoegd, luidende:", context=Locator(),
                lines=("x",)) == (
        ReplacePunctuation(targets=(loc("artikel", "1", "onderdeel", "f"),), old=".", new=";"),
        InsertElement(targets=(loc("artikel", "1"),), position="end", element="onderdeel",
                      content=_x()))
    assert read("Onder vervanging van «; en» aan het slot van onderdeel b door een punt vervalt "
                "onderdeel c.") == (
        ReplacePunctuation(targets=(loc("artikel", "5", "onderdeel", "b"),), old="; en", new="."),
        DeleteElement(targets=(loc("artikel", "5", "onderdeel", "c"),)))


def test_a_clause_then_an_anchored_insertion_in_a_frame():
    assert read("In artikel 5 wordt, onder vernummering van het derde lid tot vierde lid, na het "
                "tweede lid een lid ingevoegd, luidende:", context=Locator(), lines=("x",)) == (
        Renumber(targets=(loc("artikel", "5", "lid", "3"),), new_numbers=("4",)),
        InsertElement(targets=(loc("artikel", "5", "lid", "2"),), position="after",
                      element="lid", content=_x()))
