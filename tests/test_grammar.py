"""Unit tests of the instruction grammar, one group per instruction family, each
with the expected model objects."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.builder.sentences import Intro
from consolidator.read.instructions import parse_sentence
from consolidator.model import (
    Content, ContentLine, DeleteElement, DeleteLabel, DeletePunctuation, DeleteWords,
    InsertWords, Locator, Renumber, ReplaceAfter, ReplaceElement,
    ReplacePunctuation, ReplaceWords, Step,
)


def loc(*pairs) -> Locator:
    """loc("artikel", "6", "lid", "2") → Locator of two steps."""
    it = iter(pairs)
    return Locator(tuple(Step(kind, number) for kind, number in zip(it, it)))


def one(text, **kw):
    parsed = parse_sentence(text, **kw)
    assert len(parsed.instructions) == 1, parsed.instructions
    return parsed.instructions[0]


def kinds(text, **kw):
    return [i.kind for i in parse_sentence(text, **kw).instructions]


# ------------------------------------------------------------------ replace words

@pytest.mark.parametrize("quoted", ["«een bijzondere school»", "‘een bijzondere school’",
                                    "“een bijzondere school”", '"een bijzondere school"'])
def test_replace_words_every_quote_style(quoted):
    ins = one(f"In artikel 6 wordt {quoted} vervangen door: een niet door de gemeente in stand gehouden school.")
    assert ins == ReplaceWords(targets=(loc("artikel", "6"),), old="een bijzondere school",
                               new="een niet door de gemeente in stand gehouden school")


def test_colon_form_full_stop_is_not_part_of_new_text():
    ins = one("In artikel 1 wordt «a of c» vervangen door: a en c,.")
    assert ins.new == "a en c,"


def test_replace_words_quoted_new_text_and_second_action():
    ins = parse_sentence("In het derde lid wordt «het eerste lid» vervangen door «de artikelen 105b tot en met 105g» "
                         "en vervalt: die door een bijzondere school in stand wordt gehouden.",
                         context=loc("artikel", "105b")).instructions
    assert ins == (
        ReplaceWords(targets=(loc("artikel", "105b", "lid", "3"),), old="het eerste lid",
                     new="de artikelen 105b tot en met 105g"),
        DeleteWords(targets=(loc("artikel", "105b", "lid", "3"),),
                    words="die door een bijzondere school in stand wordt gehouden"),
    )


def test_telkens_over_several_leden():
    ins = one("In het eerste, tweede, derde en zesde lid, wordt «een bijzondere school» telkens vervangen door: een school.",
              context=loc("artikel", "102e"))
    assert ins.telkens
    assert ins.targets == tuple(loc("artikel", "102e", "lid", n) for n in "1236")


def test_payload_may_contain_en_wordt():
    ins = one("In artikel 96b, tweede lid, wordt «verhoogd» vervangen door: welk aantal wordt gecorrigeerd en wordt verhoogd.")
    assert ins.new == "welk aantal wordt gecorrigeerd en wordt verhoogd"


def test_replace_words_with_onder_locator_without_commas():
    ins = one("In het eerste lid onder j wordt «het openbaar onderwijs» vervangen door: de scholen.",
              context=loc("artikel", "105d"))
    assert ins.targets == (loc("artikel", "105d", "lid", "1", "onderdeel", "j"),)


def test_inner_frame_after_verb():
    ins = one("In artikel 76u wordt in het tweede en het zesde lid «in geval van verschil» telkens vervangen door: in geval van een geschil.")
    assert ins.targets == (loc("artikel", "76u", "lid", "2"), loc("artikel", "76u", "lid", "6"))


def test_replace_words_by_punctuation_mark():
    ins = one("In artikel 13 wordt «, tenzij het college anders besluit.» vervangen door een punt.")
    assert ins.new == "."


def test_several_articles_with_their_own_leden():
    ins = one("In de artikelen 64a, eerste lid, en 67, tweede lid, wordt «pakket» telkens vervangen door: pakketten.")
    assert ins.targets == (loc("artikel", "64a", "lid", "1"), loc("artikel", "67", "lid", "2"))


# ------------------------------------------------------------------ replace after

def test_replace_after_anchor():
    ins = one("In artikel 92, derde lid, wordt het gedeelte na «de instandhouding van» vervangen door: de scholen.")
    assert ins == ReplaceAfter(targets=(loc("artikel", "92", "lid", "3"),),
                               anchor="de instandhouding van", new="de scholen", position="after")


# ------------------------------------------------------------------ delete words

def test_delete_words_payload_and_telkens():
    assert one("In de tweede volzin vervalt telkens: bijzondere.", context=loc("artikel", "105f")) == \
        DeleteWords(targets=(loc("artikel", "105f", "volzin", "2"),), words="bijzondere", telkens=True)


def test_delete_words_quoted_without_colon():
    ins = one("In de eerste volzin van het derde lid vervalt «en het tweede».", context=loc("artikel", "E 24"))
    assert ins == DeleteWords(targets=(loc("artikel", "E 24", "lid", "3", "volzin", "1"),),
                              words="en het tweede")


def test_delete_words_anchored_telkens():
    ins = one("In artikel 96, eerste en vijfde lid, vervalt na «artikel 93,» telkens: eerste lid.")
    assert ins == DeleteWords(targets=(loc("artikel", "96", "lid", "1"), loc("artikel", "96", "lid", "5")),
                              words="eerste lid", telkens=True, anchor="artikel 93,", position="after")


def test_delete_words_anchor_first():
    ins = one("Na «artikel 92, derde lid» vervalt: onder a.", context=loc("artikel", "93"))
    assert ins == DeleteWords(targets=(loc("artikel", "93"),), words="onder a",
                              anchor="artikel 92, derde lid", position="after")


def test_delete_words_payload_starting_with_comma():
    ins = one("In artikel 101, tweede lid, vervalt na «artikel 93»: , eerste lid.")
    assert ins.words == ", eerste lid" and ins.anchor == "artikel 93"


# ------------------------------------------------------------------ insert words

def test_insert_words_after_anchor():
    ins = one("In het vijfde lid, onderdeel b, wordt na «plaatsvindt» ingevoegd: , verhoogd met het percentage.",
              context=loc("artikel", "100"))
    assert ins == InsertWords(targets=(loc("artikel", "100", "lid", "5", "onderdeel", "b"),),
                              new=", verhoogd met het percentage", anchor="plaatsvindt", position="after")


def test_insert_words_at_end_of_volzin():
    ins = one("In het vierde lid wordt aan het eind van de tweede volzin toegevoegd: , de uitgaven.",
              context=loc("artikel", "105d"))
    assert ins == InsertWords(targets=(loc("artikel", "105d", "lid", "4", "volzin", "2"),),
                              new=", de uitgaven", position="end")


def test_insert_words_before_anchor():
    ins = one("In artikel 3 wordt voor «de school» ingevoegd: ook.")
    assert ins.position == "before" and ins.anchor == "de school"


# ------------------------------------------------------------------ punctuation and labels (list folding)

def test_list_folding_instruction():
    ins = parse_sentence(
        "In het eerste lid vervallen de dubbele punt, de aanduiding van onderdeel a, de zinsnede «, eerste lid» "
        "alsmede onderdeel b en wordt de puntkomma aan het slot van onderdeel a (oud) vervangen door een punt.",
        context=loc("artikel", "100")).instructions
    lid = loc("artikel", "100", "lid", "1")
    assert ins == (
        DeletePunctuation(targets=(lid,), mark=":"),
        DeleteLabel(targets=(lid + loc("onderdeel", "a"),)),
        DeleteWords(targets=(lid,), words=", eerste lid"),
        DeleteElement(targets=(lid + loc("onderdeel", "b"),)),
        ReplacePunctuation(targets=(Locator(lid.steps + (Step("onderdeel", "a", "oud"),)),),
                           old=";", new="."),
    )


def test_delete_leden_and_label():
    ins = parse_sentence("Het tweede en derde lid, alsmede de aanduiding van het eerste lid, vervallen.",
                         context=loc("artikel", "93")).instructions
    assert ins == (
        DeleteElement(targets=(loc("artikel", "93", "lid", "2"), loc("artikel", "93", "lid", "3"))),
        DeleteLabel(targets=(loc("artikel", "93", "lid", "1"),)),
    )


def test_punctuation_before_insertion():
    ins = parse_sentence("Onder vervanging van de punt aan het slot van onderdeel d door een puntkomma, "
                         "wordt een onderdeel toegevoegd, luidende:", context=loc("artikel", "1"),
                         content=Content((ContentLine("item", "nieuw.", label="e", level=1),))).instructions
    assert [i.kind for i in ins] == ["replace-punctuation", "insert-element"]
    assert ins[0].old == "." and ins[0].new == ";"


# ------------------------------------------------------------------ whole elements

def test_delete_article():
    assert one("Artikel 86 vervalt.") == DeleteElement(targets=(loc("artikel", "86"),))


def test_delete_volzin_naming_the_law():
    parsed = parse_sentence("In artikel 105a1, vijfde lid, van de Wet op het basisonderwijs vervalt de eerste volzin.")
    assert parsed.instructions == (DeleteElement(targets=(loc("artikel", "105a1", "lid", "5", "volzin", "1"),)),)
    assert parsed.law.name == "Wet op het basisonderwijs"


def test_delete_several_articles():
    assert one("De artikelen 5 en 6 vervallen.").targets == (loc("artikel", "5"), loc("artikel", "6"))


def test_komt_te_luiden_takes_the_content():
    content = Content((ContentLine("artikel", "Besteding", label="105j"),
                       ContentLine("lid", "De vergoedingen worden besteed.", label="1")))
    assert one("Artikel 105j komt te luiden:", content=content) == \
        ReplaceElement(targets=(loc("artikel", "105j"),), content=content)


def test_one_lid_replaced_by_three():
    ins = one("Het tweede lid wordt vervangen door drie nieuwe leden, luidende:", context=loc("artikel", "102b"))
    assert (ins.kind, ins.count, ins.element) == ("replace-element", 3, "lid")


def test_insert_new_article_after():
    ins = one("Na artikel 95 wordt ingevoegd een nieuw artikel 95a, luidend:")
    assert (ins.targets, ins.position, ins.element, ins.number) == ((loc("artikel", "95"),), "after", "artikel", "95a")


def test_insert_paragraph_after_article():
    ins = one("Na artikel 105a wordt een nieuwe paragraaf ingevoegd, luidende:")
    assert (ins.element, ins.position) == ("paragraaf", "after")


def test_append_volzin_to_lid():
    ins = one("Aan het zesde lid wordt een derde volzin toegevoegd, luidend:", context=loc("artikel", "105d"))
    assert (ins.targets, ins.position, ins.element, ins.number) == \
        ((loc("artikel", "105d", "lid", "6"),), "end", "volzin", "3")


def test_volzin_given_after_colon_keeps_its_full_stop():
    ins = parse_sentence("In het eerste lid wordt «a» vervangen door «b» en wordt aan het eind een volzin "
                         "toegevoegd, luidend: Dit is nieuw.", context=loc("artikel", "105b")).instructions
    assert ins[1].content.lines[0].text == "Dit is nieuw."


def test_insert_before_heading_with_structural_locator():
    ins = one("Voor het opschrift van paragraaf 7 van titel III, afdeling II, hoofdstuk III, wordt ingevoegd:")
    assert ins.position == "before"
    assert ins.targets == (loc("hoofdstuk", "III", "titel", "III", "afdeling", "II", "paragraaf", "7", "opschrift", ""),)


def test_append_lid_to_context_article():
    ins = one("Aan het eind wordt een vijfde lid toegevoegd, luidend:", context=loc("artikel", "V"))
    assert (ins.targets, ins.position, ins.number) == ((loc("artikel", "V"),), "end", "5")


def test_inhoudsopgave_entries():
    toc = loc("inhoudsopgave", "")
    ins = one("De omschrijving van artikel 86 komt te luiden:", context=toc)
    assert ins.targets == (Locator((Step("inhoudsopgave"), Step("toc-entry", "Artikel 86"))),)
    ins = one("Na de omschrijving van artikel 95 wordt ingevoegd:", context=toc)
    assert ins.kind == "insert-element" and ins.targets[0].steps[-1].number == "Artikel 95"


# ------------------------------------------------------------------ renumbering

def test_delete_with_renumbering():
    ins = parse_sentence("Het tweede lid vervalt, onder vernummering van het derde tot en met vijfde lid tot "
                         "tweede tot en met vierde lid.", context=loc("artikel", "E 24")).instructions
    assert ins == (
        DeleteElement(targets=(loc("artikel", "E 24", "lid", "2"),)),
        Renumber(targets=tuple(loc("artikel", "E 24", "lid", n) for n in "345"), new_numbers=("2", "3", "4")),
    )


def test_renumber_letters():
    ins = one("De onderdelen c tot en met f worden geletterd d tot en met g.", context=loc("artikel", "1"))
    assert ins.new_numbers == ("d", "e", "f", "g")


def test_insert_with_renumbering():
    assert kinds("Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd, luidende:",
                 context=loc("artikel", "4")) == ["renumber", "insert-element"]


# ------------------------------------------------------------------ intros

def test_intros():
    assert parse_sentence("Artikel 105b wordt gewijzigd als volgt:") == Intro((loc("artikel", "105b"),))
    assert parse_sentence("In artikel 93 worden de volgende wijzigingen aangebracht:") == Intro((loc("artikel", "93"),))
    intro = parse_sentence("In artikel E 24 van de Overgangswet ISOVSO worden de volgende wijzigingen aangebracht:")
    assert intro.targets == (loc("artikel", "E 24"),) and intro.law.name == "Overgangswet ISOVSO"
    assert parse_sentence("De Wet op het basisonderwijs wordt als volgt gewijzigd:").law.name == \
        "Wet op het basisonderwijs"


# ------------------------------------------------------------------ errors

def test_error_names_line_column_and_expected_words():
    with pytest.raises(ActSyntaxError) as info:
        parse_sentence("In artikel 6 wordt «x» verplaatst naar: y.", line=22, column=1, source="act.txt")
    err = info.value
    assert (err.line, err.column) == (22, 24)
    assert "verplaatst" in err.message and "expected" in err.message
    assert "^~~~~~~~~~" in str(err)


def test_colon_without_text_is_an_error():
    with pytest.raises(ActSyntaxError):
        parse_sentence("In artikel 6 wordt «x» vervangen door:")


def test_several_articles_keep_every_lid_they_name():
    ins = one("In de artikelen 64a, eerste en tweede lid, en 67, tweede lid, wordt «x» telkens vervangen door: y.")
    assert ins.targets == (loc("artikel", "64a", "lid", "1"), loc("artikel", "64a", "lid", "2"),
                           loc("artikel", "67", "lid", "2"))


def test_an_element_cannot_be_replaced_by_quoted_words():
    with pytest.raises(ActSyntaxError):
        parse_sentence("Artikel 5 wordt vervangen door «iets anders».")


def test_three_actions_joined_by_a_comma_and_en():
    sentence = parse_sentence("In het eerste lid wordt «A» vervangen door «B», wordt «C» vervangen "
                              "door «D» en wordt «E» vervangen door een punt.")
    assert [(i.old, i.new) for i in sentence.instructions] == [("A", "B"), ("C", "D"), ("E", ".")]
    assert all(str(i.targets[0]) == "lid 1" for i in sentence.instructions)
    # the comma after a locator still belongs to the locator
    framed = parse_sentence("In artikel 5, eerste lid, wordt «A» vervangen door «B».")
    assert str(framed.instructions[0].targets[0]) == "artikel 5, lid 1"
