"""What the newer entry-into-force rules decide (consolidator/read/iwtrules.py,
iwtmoments.py): dates tied to another act (pending until its date is known), the floor
of «dan wel zo dit tijdstip voor … zou liggen», conditions against another act's time,
a decree that may move a part (Aanwijzing 180 B) or set its retroactivity, expiry,
adoption, publication-relative periods, provisos, and parts this tool cannot place.
The wordings of the issue that the corpus lacks are read here too, in every position."""
from __future__ import annotations

import datetime as dt

import pytest

from consolidator.errors import ActSyntaxError, TimeError
from consolidator.model import Article, Span
from consolidator.read.act import parse_act
from consolidator.read.iwt import (
    article_entry_rules, read_entry_rules, read_entry_text, rules_from_article,
)
from consolidator.read.iwtrules import (
    ADOPTION, DECREE, OTHER_ACT, PROVISO, PUBLICATION, ActRef, AfterPublication, Part,
)
from iwt_summary import sentence, summary

D = dt.date


def rules(*paras: str, number: str = "II", **about):
    article = Article(number=number, kind="entry-into-force", text=paras, span=Span(1, 1))
    return rules_from_article(article, "test", **about)


def key_of(found, index=0) -> str:
    return found.tied_to()[index].key


# --------------------------------------------------------------------------- tied to another act


def test_a_date_tied_to_another_act_waits_for_it_then_takes_it():
    found = rules(sentence("Dit besluit treedt in werking met ingang van de dag waarop de Wet"))
    pending = found.entry(Part("1"), D(2000, 1, 1))
    assert (pending.valid_from, pending.pending) == (None, OTHER_ACT)
    assert "Wet rechtspositionele voorzieningen rampbestrijders" in pending.reason
    assert key_of(found) == "wet rechtspositionele voorzieningen rampbestrijders"
    known = found.with_known(key_of(found), D(2003, 5, 1))
    assert known.entry(Part("1"), D(2000, 1, 1)).valid_from == D(2003, 5, 1)


def test_an_act_named_by_its_staatsblad_number_is_keyed_by_it():
    found = rules(sentence("Dit besluit treedt in werking op het tijdstip waarop artikel I, onderdelen A,"))
    ref = found.tied_to()[0]
    assert (ref.stb, ref.parts, ref.key) == (
        "1991, 587", "artikel I, onderdelen A, in zijn geheel, en F",
        "stb 1991, 587 artikel i, onderdelen a, in zijn geheel, en f")


def test_a_bill_with_a_floor_takes_the_later_of_the_two():
    found = rules(sentence("Deze wet treedt in werking met ingang van de dag waarop"))
    ref = found.tied_to()[0]
    assert (ref.kind, ref.kamerstuk, ref.date) == ("bill", "24172", D(1995, 5, 24))
    assert found.entry(Part("I"), None).pending == OTHER_ACT
    early = found.with_known(ref.key, D(1995, 10, 1)).entry(Part("I"), None)
    late = found.with_known(ref.key, D(1996, 3, 1)).entry(Part("I"), None)
    assert (early.valid_from, late.valid_from) == (D(1996, 1, 1), D(1996, 3, 1))


def test_a_condition_against_another_acts_time_moved_by_two_days():
    found = rules(sentence("Deze regeling treedt in werking op het tijdstip waarop het Besluit uniforme"))
    known = found.with_known(key_of(found), D(2005, 6, 10))
    assert known.entry(Part("1"), D(2005, 6, 1)).valid_from == D(2005, 6, 10)
    assert known.entry(Part("1"), D(2005, 6, 9)).valid_from == D(2005, 6, 11)
    assert found.entry(Part("1"), D(2005, 6, 9)).pending == OTHER_ACT


def test_retroactive_to_the_time_of_the_first_volzin():
    found = rules(sentence("Deze wet treedt op hetzelfde tijdstip"))
    known = found.with_known(key_of(found), D(2004, 3, 1))
    late = known.entry(Part("I"), D(2004, 4, 20))
    assert (late.valid_from, late.in_force, late.retroactive) == (D(2004, 3, 1), D(2004, 4, 21), True)
    assert known.entry(Part("I"), D(2004, 2, 1)).valid_from == D(2004, 3, 1)


@pytest.mark.parametrize("text, kind, name, parts", [
    ("Deze wet treedt in werking op het tijdstip waarop artikel 3 van de Wet op de lijkbezorging "
     "in werking treedt.", "law", "Wet op de lijkbezorging", "artikel 3"),
    ("Deze wet treedt gelijktijdig in werking met de Wet op de lijkbezorging.", "law",
     "Wet op de lijkbezorging", None),
    ("Dit besluit treedt in werking op het tijdstip waarop artikel 8, vierde lid, van de wet in "
     "werking treedt.", "parent", "de wet", "artikel 8, vierde lid"),
])
def test_the_other_act_and_its_part_are_named(text, kind, name, parts):
    (rule,) = read_entry_text(text)
    other = rule["moment"]["other"]
    assert (other["kind"], other["name"], other["parts"]) == (kind, name, parts)


# --------------------------------------------------------------------------- decrees


ACT = """Staatsblad van het Koninkrijk der Nederlanden

Staatsblad 2000, 10

Wet van 20 januari 2000 tot wijziging van de Testwet

ARTIKEL I

De Testwet wordt gewijzigd als volgt:

A

Artikel 2 vervalt.

B

Artikel 3 vervalt.

C

Artikel 4 vervalt.

ARTIKEL II

Deze wet treedt in werking met ingang van 1 maart 2000. Bij koninklijk besluit kan een ander \
tijdstip worden vastgesteld waarop artikel I, onderdeel C, in werking treedt. In dat besluit kan \
worden bepaald dat artikel I, onderdeel B, terugwerkt tot en met een in dat besluit te bepalen \
tijdstip.

Gegeven te 's-Gravenhage, 20 januari 2000

Uitgegeven de achtentwintigste januari 2000
"""

DECREE_TEXT = """Staatsblad van het Koninkrijk der Nederlanden

Staatsblad 2000, 50

Besluit van 1 maart 2000, houdende vaststelling van het tijdstip van inwerkingtreding van \
artikel I, onderdeel C, van de wet van 20 januari 2000 (Stb. 10)

Artikel 1

Artikel I, onderdeel C, van de wet van 20 januari 2000 (Stb. 2000, 10) treedt in werking met \
ingang van 1 juli 2000.

Artikel 2

Onze Minister van Onderwijs, Cultuur en Wetenschappen is belast met de uitvoering van dit \
besluit, dat in het Staatsblad zal worden geplaatst.

Gegeven te 's-Gravenhage, 1 maart 2000

Uitgegeven de tiende maart 2000
"""


def test_a_decree_may_move_a_part_only_when_it_is_given():
    act = parse_act(ACT, source="act.txt")
    own = read_entry_rules(act)[0]
    assert own.entry(Part("I", "C"), act.published).valid_from == D(2000, 3, 1)
    decree = read_entry_rules(parse_act(DECREE_TEXT, source="decree.txt"))
    for_act = next(r for r in decree if r.target is not None)
    moved = own.with_decree(for_act)
    assert moved.entry(Part("I", "C"), act.published).valid_from == D(2000, 7, 1)
    assert moved.entry(Part("I", "A"), act.published).valid_from == D(2000, 3, 1)


def test_a_decree_closing_sentence_is_no_rule():
    decree = read_entry_rules(parse_act(DECREE_TEXT, source="decree.txt"))
    assert [len(r.rules) for r in decree] == [0, 1]
    found = read_entry_text("De wet van 20 januari 2000 (Stb. 2000, 10) treedt in werking met "
                            "ingang van 1 april 2000, met uitzondering van artikel I, onderdeel C, "
                            "dat in werking treedt met ingang van 1 juli 2000. Onze Minister van "
                            "Justitie is belast met de uitvoering van dit besluit, dat in het "
                            "Staatsblad zal worden geplaatst.")
    assert summary(found) == [
        "in-force [act wet van 20 januari 2000] all except I.C: date 2000-04-01",
        "in-force [act wet van 20 januari 2000] I.C: date 2000-07-01",
        "note: Onze Minister van Justitie is belast met de uitvoering van dit besluit, dat in "
        "het Staatsblad zal worden geplaatst.",
    ]


def test_retroactivity_left_to_the_decree_comes_from_the_decree():
    own = read_entry_rules(parse_act(ACT, source="act.txt"))[0]
    assert [str(r.scope) for r in own.retro] == ["artikel I, onderdeel B"]
    decree = rules("Artikel I, onderdeel B, van de wet van 20 januari 2000 (Stb. 2000, 10) werkt "
                   "terug tot en met 1 januari 2000.", number="1", published=D(2000, 6, 1))
    found = own.with_decree(decree).entry(Part("I", "B"), D(2000, 1, 28))
    assert (found.valid_from, found.in_force, found.retroactive) == (D(2000, 1, 1), D(2000, 3, 1),
                                                                     True)
    assert own.with_decree(decree).entry(Part("I", "A"), D(2000, 1, 28)).valid_from == \
        D(2000, 3, 1)


def test_the_decree_power_to_set_retroactivity_alone_dates_nothing():
    found = rules(sentence("Dit besluit treedt in werking op een nader"))
    assert found.entry(Part("1"), D(2000, 1, 1)).pending == DECREE


# --------------------------------------------------------------------------- the issue's wordings


@pytest.mark.parametrize("text, expected", [
    ("Deze wet treedt in werking met ingang van 1 januari 2025 en werkt ten aanzien van artikel "
     "I, onderdeel D, terug tot en met 1 januari 2024.",
     ["in-force all: date 2025-01-01", "retroactive I.D: date 2024-01-01"]),
    ("Deze wet treedt in werking met ingang van 1 juli 2024, met uitzondering van artikel III, "
     "dat in werking treedt met ingang van 1 januari 2025.",
     ["in-force all except III: date 2024-07-01", "in-force III: date 2025-01-01"]),
    ("Deze beschikking treedt in werking met ingang van 1 maart 2024.",
     ["in-force all: date 2024-03-01"]),
    ("Deze wet treedt, indien het Staatsblad waarin zij wordt geplaatst, wordt uitgegeven na "
     "1 maart 2024, in werking met ingang van de dag na de datum van uitgifte van het Staatsblad "
     "waarin zij wordt geplaatst.",
     ["in-force all: after-publication days=1 if published>2024-03-01"]),
    ("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
     "Staatsblad waarin zij wordt geplaatst, indien het Staatsblad waarin zij wordt geplaatst, "
     "wordt uitgegeven na 1 maart 2024.",
     ["in-force all: after-publication days=1 if published>2024-03-01"]),
])
def test_issue_wordings(text, expected):
    assert summary(read_entry_text(text)) == expected


# --------------------------------------------------------------------------- expiry and the rest


def test_expiry_on_a_date_and_after_a_number_of_days():
    fixed = rules(sentence("Deze wet treedt in werking met ingang van de eerste"))
    lapse = fixed.lapse(Part("I"), D(2010, 5, 3))
    assert (lapse.date, lapse.pending) == (D(2015, 1, 1), "")
    within = rules(sentence("Dit besluit treedt in werking met ingang van de dag na dagtekening"))
    assert within.lapse(Part("1"), D(2015, 8, 1)).date == D(2015, 8, 2) + dt.timedelta(days=120)
    assert within.lapse(Part("1"), D(2015, 10, 1)).date == D(2015, 12, 15)
    assert within.lapse(Part("1"), None).pending == PUBLICATION
    assert rules("Deze wet treedt in werking op 1 mei 2000.").lapse(Part("I"), None) is None


def test_immediate_entry_is_the_date_of_adoption():
    found = rules(sentence("Deze aanwijzing treedt terstond in werking en werkt"))
    assert found.entry(Part("1"), None).pending == ADOPTION
    signed = rules(sentence("Deze aanwijzing treedt terstond in werking en werkt"),
                   signed=D(2007, 3, 5))
    entry = signed.entry(Part("1"), None)
    assert (entry.valid_from, entry.in_force) == (D(2007, 1, 1), D(2007, 3, 5))


@pytest.mark.parametrize("moment, published, date", [
    (AfterPublication(weeks=4), D(2005, 3, 1), D(2005, 3, 29)),
    (AfterPublication(week=9), D(2005, 3, 1), D(2005, 4, 27)),
    (AfterPublication(months=1), D(2005, 1, 31), D(2005, 2, 28)),
    (AfterPublication(months=12), D(1996, 2, 29), D(1997, 2, 28)),
    (AfterPublication(calendar_month=1), D(2005, 12, 15), D(2006, 1, 1)),
    (AfterPublication(days=2), D(2005, 12, 30), D(2006, 1, 1)),
])
def test_periods_after_publication(moment, published, date):
    assert moment.date(published) == date


def test_day_of_publication_and_a_proviso():
    assert rules(sentence("Dit besluit treedt in werking op de datum")).entry(
        Part("1"), D(1996, 4, 2)).in_force == D(1996, 4, 2)
    found = rules(sentence("Dit besluit treedt, onder voorbehoud"))
    assert found.entry(Part("1"), D(2009, 4, 2)).pending == PROVISO


def test_parts_this_tool_cannot_place_are_an_error_when_asked():
    units = rules(sentence("De artikelen van deze regeling treden in werking met"))
    with pytest.raises(TimeError, match="afdeling 2.2"):
        units.entry(Part("3"), None)
    punt = rules(sentence("Deze wet treedt in werking met ingang van 1 januari 2008, met dien"))
    assert punt.entry(Part("V", "", "1"), D(2007, 6, 1)).valid_from == D(2007, 1, 1)
    with pytest.raises(TimeError, match="punt 1"):
        punt.entry(Part("V", "A"), D(2007, 6, 1))


def test_deze_refers_to_the_parts_the_sentence_before_excepted():
    found = rules(sentence("Deze regeling treedt in werking drie"))
    assert found.entry(Part("I", "J"), D(2009, 5, 4)).valid_from == D(2009, 5, 5)
    assert found.entry(Part("I", "E"), D(2009, 5, 4)).valid_from == D(2009, 5, 25)
    with pytest.raises(ActSyntaxError, match="names no parts it excepts"):
        read_entry_text("Deze treden in werking met ingang van 1 januari 2010.")


def test_a_reference_to_a_sentence_not_there_is_an_error():
    with pytest.raises(ActSyntaxError, match="not in this text"):
        read_entry_text("Met ingang van datzelfde tijdstip vervalt het besluit van 1 mei 2000.")
    with pytest.raises(ActSyntaxError, match="no time left to a decree"):
        read_entry_text("Deze wet treedt in werking op 1 mei 2000. Het in de eerste volzin "
                        "bedoelde tijdstip kan voor de verschillende artikelen verschillend "
                        "worden vastgesteld.")


def test_an_article_for_this_act_and_another_law():
    article = Article(number="XII", kind="entry-into-force", span=Span(1, 1), text=(
        sentence("De Wet op de accijns en deze wet"),))
    own, other = article_entry_rules(article, "act.txt")
    assert other.target.name == "Wet op de accijns" and other.target.kind == "law"
    assert own.entry(Part("XXXIV"), D(1991, 12, 20)).valid_from == D(1991, 12, 20)
    assert own.entry(Part("I"), D(1991, 12, 20)).valid_from == D(1992, 1, 1)
    assert other.entry(Part("1"), None).valid_from == D(1992, 1, 1)


def test_act_ref_keys_ignore_case_and_spaces():
    ref = ActRef(text="x", kind="law", name="Wet  op de Lijkbezorging", parts="artikel 3")
    assert ref.key == "wet op de lijkbezorging artikel 3"
