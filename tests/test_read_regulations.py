"""Regulations other than a Wet, as the law changed and as the changing document; dated
intros; repeals (intrekking) read into ``model.Repeal`` and ARTIKELEN of kind ``repeal``.
Each test gives the typed result: the regulation's name, kind, document, date and numbers."""
from __future__ import annotations

import datetime as dt

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.model import Intro, LawRef, Locator, Repeal, Step
from consolidator.read.act import parse_act
from consolidator.read.instructions import parse_sentence
from consolidator.read.select import law_names


def loc(*pairs) -> Locator:
    it = iter(pairs)
    return Locator(tuple(Step(kind, number) for kind, number in zip(it, it)))


def _law(law: LawRef) -> tuple:
    return (law.name, law.kind, law.doc, law.date, law.stb, law.stcrt, law.number)


# ------------------------------------------------------------------ intros of regulations

@pytest.mark.parametrize("text, name, doc", [
    ("Het Besluit bijstandverlening zelfstandigen 2004 wordt als volgt gewijzigd:",
     "Besluit bijstandverlening zelfstandigen 2004", "besluit"),
    ("De Regeling wapens en munitie wordt als volgt gewijzigd:", "Regeling wapens en munitie",
     "regeling"),
    ("Het Wetboek van Strafrecht wordt gewijzigd als volgt:", "Wetboek van Strafrecht", "wetboek"),
    ("Het Burgerlijk Wetboek wordt als volgt gewijzigd:", "Burgerlijk Wetboek", "wetboek"),
    ("Het Vreemdelingenbesluit 2000 wordt gewijzigd als volgt:", "Vreemdelingenbesluit 2000",
     "besluit"),
])
def test_an_intro_names_any_kind_of_regulation(text, name, doc):
    intro = parse_sentence(text)
    assert intro == Intro((), LawRef(name, doc=doc))
    assert intro.date is None


def test_a_book_of_the_burgerlijk_wetboek_is_named_as_bwb_names_it():
    intro = parse_sentence("Boek 7 van het Burgerlijk Wetboek wordt als volgt gewijzigd:")
    assert intro == Intro((), LawRef("Burgerlijk Wetboek Boek 7", doc="wetboek"))
    # and select.py matches either way of writing it
    assert law_names("Burgerlijk Wetboek Boek 7") == law_names("Boek 7 van het Burgerlijk Wetboek")


def test_an_article_of_a_book_goes_with_the_book():
    intro = parse_sentence("Artikel 1614ca van Boek 7a van het Burgerlijk Wetboek BES wordt als "
                           "volgt gewijzigd:")
    assert intro.targets == (loc("artikel", "1614ca"),)
    assert intro.law.name == "Burgerlijk Wetboek BES Boek 7a"


def test_a_dated_intro_keeps_its_date():
    intro = parse_sentence("De Wet op de architectentitel wordt met ingang van 1 januari 2020 "
                           "als volgt gewijzigd:")
    assert intro == Intro((), LawRef("Wet op de architectentitel", doc="wet"),
                          date=dt.date(2020, 1, 1))


def test_a_dated_intro_dates_its_article_and_onderdeel():
    act = parse_act("Wet van 1 januari 2020 tot wijziging van de Wet op de proeven\n\nARTIKEL I\n\n"
                    "De Wet op de proeven wordt met ingang van 1 januari 2021 als volgt gewijzigd:\n\n"
                    "A\n\nArtikel 5 wordt met ingang van 1 juli 2021 als volgt gewijzigd:\n\n"
                    "1. Het tweede lid vervalt.\n\nB\n\nArtikel 6 vervalt.\n")
    article = act.articles[0]
    assert article.date == dt.date(2021, 1, 1)
    assert [o.date for o in article.onderdelen] == [dt.date(2021, 7, 1), None]


def test_an_impossible_date_is_an_error_at_its_place():
    with pytest.raises(ActSyntaxError) as err:
        parse_sentence("De Wet X wordt met ingang van 31 februari 2020 als volgt gewijzigd:")
    assert err.value.column == 16  # «met ingang van 31 februari 2020»
    assert "not a date" in err.value.message


@pytest.mark.parametrize("text, targets", [
    ("Het voorstel van wet wordt als volgt gewijzigd:", ()),
    ("Artikel I van het voorstel van wet wordt als volgt gewijzigd:",
     (loc("artikel", "I"),)),
])
def test_a_nota_van_wijziging_changes_the_bill(text, targets):
    intro = parse_sentence(text)
    assert intro.targets == targets
    assert (intro.law.name, intro.law.kind) == ("voorstel van wet", "bill")


def test_in_the_law_the_following_changes_are_made():
    intro = parse_sentence("In de Wet op de architectentitel worden de volgende wijzigingen "
                           "aangebracht:")
    assert intro == Intro((), LawRef("Wet op de architectentitel", doc="wet"))


def test_amounts_named_in_articles_open_a_list():
    intro = parse_sentence("De bedragen en het percentage, genoemd in de artikelen 26, 29 en 43 "
                           "van de Algemene bijstandswet, worden als volgt gewijzigd:")
    assert intro.targets == (loc("artikel", "26"), loc("artikel", "29"), loc("artikel", "43"))
    assert intro.law.name == "Algemene bijstandswet"


def test_an_intro_followed_by_text_on_its_own_line_is_refused():
    with pytest.raises(ActSyntaxError, match="followed by the instructions on the following"):
        parse_sentence("De Regeling X wordt als volgt gewijzigd: De hoogte van het bedrag is nihil.")


@pytest.mark.parametrize("text, name, doc", [
    ("Artikel 5 van dit besluit vervalt.", "dit besluit", "besluit"),
    ("In artikel 2 van deze regeling wordt «a» vervangen door «b».", "deze regeling", "regeling"),
    ("Artikel 5 van deze wet vervalt.", "deze wet", "wet"),
])
def test_the_act_itself(text, name, doc):
    law = parse_sentence(text).law
    assert (law.name, law.kind, law.doc) == (name, "this-act", doc)


def test_an_article_of_an_act_named_by_date_and_staatsblad():
    sentence = parse_sentence("Artikel V van de wet van 28 maart 1987 (Stb. 1987, 157) vervalt.")
    assert [i.kind for i in sentence.instructions] == ["delete-element"]
    assert sentence.instructions[0].targets == (loc("artikel", "V"),)
    assert _law(sentence.law) == ("wet van 28 maart 1987", "act", "wet", dt.date(1987, 3, 28),
                                  "1987, 157", "", "")


# ------------------------------------------------------------------ repeals

@pytest.mark.parametrize("text, law", [
    ("De Wet beveiliging netwerk- en informatiesystemen wordt ingetrokken.",
     ("Wet beveiliging netwerk- en informatiesystemen", "law", "wet", None, "", "", "")),
    ("Het Besluit kostenoverzicht energie vervalt.",
     ("Besluit kostenoverzicht energie", "law", "besluit", None, "", "", "")),
    ("De Wet van 7 juli 1988 (Stb. 334) wordt ingetrokken.",
     ("Wet van 7 juli 1988", "act", "wet", dt.date(1988, 7, 7), "1988, 334", "", "")),
    ("Regeling verbod gebruik mengsperma wordt ingetrokken.",
     ("Regeling verbod gebruik mengsperma", "law", "regeling", None, "", "", "")),
    ("De Regeling tarieven Plantenziektenkundige Dienst (Stcrt. 2005, 60) wordt ingetrokken.",
     ("Regeling tarieven Plantenziektenkundige Dienst", "law", "regeling", None, "", "2005, 60", "")),
    ("Het besluit van 16 april 1998, kenmerk SFB-1998/15132, Stcrt. 1998, nr. 78, wordt "
     "ingetrokken.", ("besluit van 16 april 1998, kenmerk SFB-1998/15132, Stcrt. 1998, nr. 78",
                      "act", "besluit", dt.date(1998, 4, 16), "", "1998, 78", "SFB-1998/15132")),
    ("Het koninklijk besluit van 11 oktober 1948 (Stb I 366) wordt ingetrokken.",
     ("koninklijk besluit van 11 oktober 1948", "act", "koninklijk besluit",
      dt.date(1948, 10, 11), "1948, I 366", "", "")),
    ("Het ‘Besluit buitengewoon opsporingsambtenaar GVB Amsterdam 2003’ wordt ingetrokken.",
     ("Besluit buitengewoon opsporingsambtenaar GVB Amsterdam 2003", "law", "besluit", None,
      "", "", "")),
    ("De Nadere regels aanduiding van batterijen worden ingetrokken.",
     ("Nadere regels aanduiding van batterijen", "law", "regels", None, "", "", "")),
])
def test_a_repeal_names_one_regulation(text, law):
    repeal = parse_sentence(text)
    assert isinstance(repeal, Repeal)
    assert [_law(x) for x in repeal.laws] == [law]


def test_a_singular_verb_keeps_en_in_the_name():
    repeal = parse_sentence("De Herinrichtingswet Oost-Groningen en de Gronings-Drentse "
                            "Veenkoloniën wordt ingetrokken.")
    assert [x.name for x in repeal.laws] == [
        "Herinrichtingswet Oost-Groningen en de Gronings-Drentse Veenkoloniën"]


def test_a_plural_verb_cuts_where_a_new_regulation_begins():
    repeal = parse_sentence(
        "Het Aanwijzingsbesluit bestuursorganen Wob en WNo, het koninklijk besluit van 1 september "
        "1993 houdende aanwijzing van bestuursorganen in de zin van de Wet Nationale ombudsman "
        "(Stb. 488), alsmede het koninklijk besluit van 10 april 1995 houdende aanwijzing op grond "
        "van de Wet Nationale ombudsman (Stb. 218) worden ingetrokken.")
    assert [(x.doc, x.date, x.stb) for x in repeal.laws] == [
        ("besluit", None, ""), ("koninklijk besluit", dt.date(1993, 9, 1), "1993, 488"),
        ("koninklijk besluit", dt.date(1995, 4, 10), "1995, 218")]
    assert repeal.laws[0].name == "Aanwijzingsbesluit bestuursorganen Wob en WNo"


def test_a_plural_head_with_dates_names_one_regulation_per_date():
    repeal = parse_sentence(
        "De koninklijke besluiten van 9 november 1966, Stb. 497, houdende vaststelling "
        "leeftijdsgrens, van 27 november 1997, houdende vaststelling van een leeftijdsgrens, "
        "Stcrt. 238 en de Regeling uitkering wegens functioneel leeftijdsontslag worden ingetrokken.")
    assert [(x.doc, x.date, x.stb, x.stcrt) for x in repeal.laws] == [
        ("koninklijk besluit", dt.date(1966, 11, 9), "1966, 497", ""),
        ("koninklijk besluit", dt.date(1997, 11, 27), "", "1997, 238"),
        ("regeling", None, "", "")]


def test_a_plural_head_with_numbers_names_one_regulation_per_number():
    repeal = parse_sentence("De beschikkingen van de Minister van Verkeer en Waterstaat van 8 maart "
                            "2001, nr. DGG/J-01/001657 en nr. DGG/J-01/001658 (Stcrt. 56), worden "
                            "ingetrokken.")
    assert [(x.number, x.stcrt) for x in repeal.laws] == [("DGG/J-01/001657", "2001, 56"),
                                                           ("DGG/J-01/001658", "2001, 56")]


def test_a_repeal_at_this_acts_entry_into_force_and_a_dated_one():
    repeal = parse_sentence("Het Besluit X van 27 maart 2008, nr. 5497608/Justis/07, komt met de "
                            "inwerktreding van het onderhavige besluit te vervallen.")
    assert (repeal.laws[0].number, repeal.date) == ("5497608/Justis/07", None)
    dated = parse_sentence("De Wet X wordt met ingang van 1 januari 2025 ingetrokken.")
    assert (dated.laws[0].name, dated.date) == ("Wet X", dt.date(2025, 1, 1))


@pytest.mark.parametrize("text, message", [
    ("Het Bouwbesluit 2003 met uitzondering van afdeling 5.3, het Besluit brandveilig gebruik "
     "bouwwerken en paragraaf 2 van het Besluit aanvullende regels worden ingetrokken.",
     "a partial repeal"),
    ("Het Besluit A en paragraaf 2 van het Besluit B worden ingetrokken.",
     "names a part of a regulation"),
    ("Onze Minister kan bepalen dat die aanwijzing dient te worden ingetrokken.",
     "does not name a regulation"),
])
def test_what_is_no_withdrawal_of_whole_regulations_is_refused(text, message):
    with pytest.raises(ActSyntaxError, match=message):
        parse_sentence(text)


def test_a_repeal_article():
    act = parse_act("Besluit van 1 januari 2020 tot intrekking van enige besluiten\n\nARTIKEL I\n\n"
                    "1. Het Besluit kostenoverzicht energie wordt ingetrokken.\n\n"
                    "2. De Regeling A en de Regeling B worden ingetrokken.\n\n"
                    "3. Besluiten genomen op grond van het Besluit kostenoverzicht energie blijven "
                    "van kracht.\n\nARTIKEL II\n\nDit besluit treedt in werking met ingang van "
                    "1 januari 2021.\n")
    article = act.articles[0]
    assert article.kind == "repeal"
    assert [[x.name for x in r.laws] for r in article.repeals] == [
        ["Besluit kostenoverzicht energie"], ["Regeling A", "Regeling B"]]
    assert [(r.span.line, r.span.column, r.place.punt) for r in article.repeals] == [
        (5, 4, "1"), (7, 4, "2")]
    assert len(article.text) == 3  # every lid kept verbatim
    assert act.articles[1].kind == "entry-into-force"


def test_a_lid_of_a_repeal_article_that_looks_like_one_and_is_not_is_an_error():
    text = ("Besluit van 1 januari 2020 tot intrekking\n\nARTIKEL I\n\n"
            "1. Het Besluit A wordt ingetrokken.\n\n"
            "2. Het Besluit B met uitzondering van artikel 3 wordt ingetrokken.\n")
    with pytest.raises(ActSyntaxError) as err:
        parse_act(text)
    assert (err.value.line, err.value.column) == (7, 4)
    assert "partial repeal" in err.value.message
