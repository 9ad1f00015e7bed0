"""Wording families of entry-into-force articles of real amending acts (BWB renderings,
statengeneraal/laws-markdown, see tests/fixtures/iwt/real.txt) beyond the development
corpus: each wording with the exact rules it gives (dates, parts, decrees, retroactivity),
and the near wordings that must be refused, with where and why."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.model import Article, Span
from consolidator.read.iwt import article_entry_rules, read_entry_text
from consolidator.read.iwtjson import entry_rules_json
from consolidator.read.iwtsentences import is_transitional
from iwt_summary import summary

PUBLISHED = "de datum van uitgifte van het Staatsblad waarin zij wordt geplaatst"


def _article(*paras: str) -> list[str]:
    article = Article(number="IX", kind="entry-into-force", text=paras, span=Span(1, 1))
    return [line for found in article_entry_rules(article, "test")
            for line in summary(entry_rules_json(found))]


@pytest.mark.parametrize("text, expected", [
    # the first day of the calendar month after publication
    (f"Deze wet treedt in werking met ingang van de eerste dag van de kalendermaand na {PUBLISHED}.",
     ["in-force all: after-publication calendar_month=1"]),
    (f"Deze wet treedt in werking met ingang van de eerste dag van de kalendermaand volgend op "
     f"{PUBLISHED}.", ["in-force all: after-publication calendar_month=1"]),
    (f"Deze wet treedt in werking met ingang van de eerste dag van de zesde kalendermaand na "
     f"{PUBLISHED}.", ["in-force all: after-publication calendar_month=6"]),
    # a bound: the later of the two
    (f"Deze wet treedt in werking met ingang van de dag na {PUBLISHED}, doch niet voor "
     "1 januari 1997.", ["in-force all: latest(after-publication days=1; date 1997-01-01)"]),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, doch niet "
     "eerder dan 1 juli 1998.",
     ["in-force all: latest(delegated a koninklijk besluit; date 1998-07-01)"]),
])
def test_publication_months_and_bounds(text, expected):
    assert summary(read_entry_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip. Dit tijdstip "
     "kan voor de onderdelen van artikel I verschillend worden vastgesteld.",
     ["in-force all: delegated a koninklijk besluit may differ"]),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, dat voor de "
     "onderscheiden onderdelen verschillend kan zijn.",
     ["in-force all: delegated a koninklijk besluit may differ"]),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, welk voor de "
     "onderscheiden artikelen verschillend kan worden vastgesteld.",
     ["in-force all: delegated a koninklijk besluit may differ"]),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, waarbij "
     "terugwerkende kracht kan worden verleend tot en met een daarbij te bepalen tijdstip.",
     ["in-force all: delegated a koninklijk besluit",
      "retroactive all: delegated a koninklijk besluit"]),
    ("Artikel IV treedt in werking op een bij koninklijk besluit vast te stellen tijdstip.",
     ["in-force IV: delegated a koninklijk besluit"]),
])
def test_decree_staggering_and_retroactivity(text, expected):
    assert summary(read_entry_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deze wet treedt in werking met ingang van 1 juli 1998, met uitzondering van artikel I, "
     "onderdeel B, dat in werking treedt met ingang van 1 oktober 1998, en met uitzondering van "
     f"artikel IV, derde lid, dat in werking treedt met ingang van de dag na {PUBLISHED}.",
     ["in-force all except I.B, IV(derde lid): date 1998-07-01",
      "in-force I.B: date 1998-10-01", "in-force IV(derde lid): after-publication days=1"]),
    ("Deze wet treedt in werking met ingang van 1 januari 1997, met uitzondering van de "
     "artikelen VI, VIII, IX en XII, die in werking treden met ingang van 1 juli 1997 en artikel "
     "VII dat in werking treedt op een bij koninklijk besluit vast te stellen tijdstip.",
     ["in-force all except VI, VIII, IX, XII, VII: date 1997-01-01",
      "in-force VI, VIII, IX, XII: date 1997-07-01",
      "in-force VII: delegated a koninklijk besluit"]),
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, met "
     "uitzondering van ARTIKEL I, onderdelen P en AE, die in werking treden met ingang van "
     "1 januari 1998 en van ARTIKEL VII, dat in werking treedt met ingang van 1 juli 1997.",
     ["in-force all except I.P, I.AE, VII: delegated a koninklijk besluit",
      "in-force I.P, I.AE: date 1998-01-01", "in-force VII: date 1997-07-01"]),
    # an exception that only works back takes effect with the rest, from an earlier date
    ("Deze wet treedt in werking met ingang van 1 januari 1998, met uitzondering van artikel I, "
     "onderdelen C, E, F en H, artikel II, onderdeel B, onder 2, en artikel XVII, onderdeel A, "
     "die terugwerken tot en met 1 januari 1997.",
     ["in-force all: date 1998-01-01",
      "retroactive I.C, I.E, I.F, I.H, II.B.2, XVII.A: date 1997-01-01"]),
])
def test_several_exceptions(text, expected):
    assert summary(read_entry_text(text)) == expected


def test_the_rest_of_the_act_is_what_the_other_leden_leave():
    assert _article(
        f"1. Artikel I, onderdelen A en C, en artikel II van deze wet treden in werking met "
        f"ingang van de dag na {PUBLISHED}.",
        "2. De overige artikelen van deze wet treden in werking op een bij koninklijk besluit te "
        "bepalen tijdstip, dat voor de verschillende artikelen of onderdelen daarvan verschillend "
        "kan worden vastgesteld.") == [
        "in-force I.A, I.C, II: after-publication days=1",
        "in-force all except I.A, I.C, II: delegated a koninklijk besluit may differ"]


@pytest.mark.parametrize("paras, column, why", [
    (("De overige artikelen van deze wet treden in werking met ingang van 1 juli 1997.",), 1,
     "«De overige artikelen»: the other sentences of the article do not name the parts"),
    (("1. Deze wet treedt in werking met ingang van 1 januari 1997.",
      "2. De overige artikelen van deze wet treden in werking met ingang van 1 juli 1997."), 4,
     "«De overige artikelen»: the other sentences of the article do not name the parts"),
    (("Dit tijdstip kan voor de onderdelen van artikel I verschillend worden vastgesteld.",), 1,
     "«Dit tijdstip»: no sentence before it in this lid gives the time"),
    (("Deze wet treedt in werking met ingang van 1 januari 1997. Dit tijdstip kan voor de "
      "onderdelen van artikel I verschillend worden vastgesteld.",), 59,
     "the volzin it refers to sets no time left to a decree"),
])
def test_refused_with_where_and_why(paras, column, why):
    with pytest.raises(ActSyntaxError) as info:
        _article(*paras)
    assert info.value.column == column
    assert why in info.value.message


# --------------------------------------------------------------------------- transitional law

@pytest.mark.parametrize("paras, expected", [
    (("Artikel I, onderdeel A, is niet van toepassing op overtredingen die zijn begaan voor het "
      "tijdstip waarop deze wet in werking treedt.",),
     ["transitional: ARTIKEL IX: Artikel I, onderdeel A, is niet van toepassing op overtredingen "
      "die zijn begaan voor het tijdstip waarop deze wet in werking treedt."]),
    (("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip. Vreemdelingen "
      "die een verzoek om toelating hebben ingediend voor het tijdstip van inwerkingtreding van "
      "deze wet wordt het vereiste van het bezit van een machtiging tot voorlopig verblijf niet "
      "tegengeworpen.",),
     ["in-force all: delegated a koninklijk besluit",
      "transitional: ARTIKEL IX: Vreemdelingen die een verzoek om toelating hebben ingediend voor "
      "het tijdstip van inwerkingtreding van deze wet wordt het vereiste van het bezit van een "
      "machtiging tot voorlopig verblijf niet tegengeworpen."]),
    (("1. Deze wet treedt in werking met ingang van 1 januari 1998.",
      "2. Ten aanzien van een belastingplichtige die voor het tijdstip van inwerkingtreding van "
      "deze wet een verzoek heeft gedaan, vinden de artikelen 5 en 6 van de wet toepassing zoals "
      "zij luidden."),
     ["in-force all: date 1998-01-01",
      "transitional: ARTIKEL IX, tweede lid: Ten aanzien van een belastingplichtige die voor het "
      "tijdstip van inwerkingtreding van deze wet een verzoek heeft gedaan, vinden de artikelen 5 "
      "en 6 van de wet toepassing zoals zij luidden."]),
])
def test_transitional_law_is_recorded_as_such_and_sets_no_time(paras, expected):
    assert _article(*paras) == expected


@pytest.mark.parametrize("text, column, why", [
    # retroactivity for cases named by what they concern: a time, not transitional law
    ("Met betrekking tot aandelen werken de wijzigingen ingevolge artikel I terug tot en met "
     "4 juni 1996.", 1, "a time for cases named by what they concern («Met betrekking tot "
     "aandelen werken de wijzigingen ingevolge artikel I terug tot en met 4 juni 1996»)"),
    # application from a date, a date in the sentence, the act's entry named otherwise, a decree
    ("Artikel I vindt toepassing met ingang van 1 januari 1998.", 11, "unexpected «vindt"),
    ("Artikel I is niet van toepassing op feiten begaan voor het tijdstip waarop deze wet in "
     "werking treedt of na 1 januari 1998.", 11, "unexpected «is niet van toepassing"),
    ("Artikel I is niet van toepassing zolang artikel II niet in werking is getreden.", 11,
     "unexpected «is niet van toepassing"),
    ("Artikel I is van toepassing op feiten begaan na het tijdstip waarop zij in werking "
     "treedt.", 11, "unexpected «is van toepassing"),
    ("Artikel I is niet van toepassing op aanvragen waarop voor het in het koninklijk besluit "
     "genoemde tijdstip is beslist.", 11, "unexpected «is niet van toepassing"),
])
def test_transitional_wordings_that_could_set_a_time_are_refused(text, column, why):
    with pytest.raises(ActSyntaxError) as info:
        read_entry_text(text)
    assert (info.value.line, info.value.column) == (1, column)
    assert why in info.value.message


@pytest.mark.parametrize("text, transitional", [
    ("Het bepaalde in deze wet is niet van toepassing met betrekking tot kosten die in aanmerking "
     "zijn genomen voor het in werking treden van deze wet.", True),
    ("Artikel 644 is mede van toepassing op de werknemer die vóór het tijdstip van het in werking "
     "treden van deze wet verlof heeft genoten.", True),
    ("Deze wet vindt toepassing nadat artikel 66b van de Wet op de inkomstenbelasting 1964 bij het "
     "begin van het kalenderjaar 1998 is toegepast.", True),
    ("Artikel I blijft van toepassing op aanvragen die zijn ingediend voor de inwerkingtreding "
     "van deze wet.", True),
    # no wording of how rules apply
    ("Vreemdelingen die een verzoek hebben ingediend voor de inwerkingtreding van deze wet.", False),
    ("Wijzigt deze wet.", False),
    # what could set or move a time
    ("Artikel I is van toepassing vanaf de dag na die van de inwerkingtreding van deze wet.", False),
    ("Artikel I is van toepassing tot het tijdstip waarop artikel II vervalt.", False),
    ("Artikel I blijft van kracht tot de inwerkingtreding van de Wet X.", False),
    ("Artikel I is van toepassing met terugwerkende kracht.", False),
])
def test_what_counts_as_transitional(text, transitional):
    assert is_transitional(text) is transitional


def test_an_entry_lid_of_transitional_law_alone_sets_no_time():
    from consolidator.read.units import _read_entry
    with pytest.raises(ActSyntaxError, match="sets no time"):
        _read_entry("Artikel I, onderdeel A, is niet van toepassing op overtredingen die zijn "
                    "begaan voor het tijdstip waarop deze wet in werking treedt.")


@pytest.mark.parametrize("text, expected", [
    ("Deze wet treedt in werking op het tijdstip onmiddellijk volgende op dat waarop de wet van "
     "10 april 1997 (Stb. 1997, 150) in werking treedt.",
     ["in-force all: tied act 'wet van 10 april 1997' stb '1997, 150'"]),
    ("Artikel II treedt in werking op het tijdstip onmiddellijk voorafgaand aan dat waarop de "
     "Wet sociale werkvoorziening in werking treedt.",
     ["in-force II: tied law 'Wet sociale werkvoorziening'"]),
])
def test_just_before_or_after_another_act_is_its_day(text, expected):
    assert summary(read_entry_text(text)) == expected


def test_retroactivity_listed_per_part():
    assert _article(
        f"Deze wet treedt in werking met ingang van de eerste dag van de kalendermaand na "
        f"{PUBLISHED} en werkt terug als volgt:",
        "a. wat artikel I, onderdeel B, betreft: tot en met 1 mei 1997;",
        "b. wat artikel I, onderdelen F en G, betreft: tot en met 1 juli 1997;",
        "c. wat de artikelen I, onderdelen C en E, III, IV en V betreft: tot en met 1 januari 1998;",
        "d. wat artikel I, onderdeel D, betreft: tot en met 1 juli 1998.") == [
        "in-force all: after-publication calendar_month=1",
        "retroactive I.B: date 1997-05-01", "retroactive I.F, I.G: date 1997-07-01",
        "retroactive I.C, I.E, III, IV, V: date 1998-01-01",
        "retroactive I.D: date 1998-07-01"]


def test_retroactivity_listed_to_a_decree_time_is_refused():
    with pytest.raises(ActSyntaxError) as info:
        _article("Deze wet treedt in werking op 1 juli 1998 en werkt terug als volgt:",
                 "a. wat artikel I betreft: tot en met 1 mei 1997;",
                 "b. wat artikel II betreft: tot en met een bij koninklijk besluit te bepalen "
                 "tijdstip.")
    assert (info.value.line, info.value.column) == (1, 39)  # in the paragraph of «b.»
    assert "unexpected «een bij koninklijk besluit" in info.value.message


@pytest.mark.parametrize("text, expected", [
    # a list of onderdelen ends with its «en»: in a list of ARTIKELEN what follows is the next one
    ("De artikelen I, onderdelen C en E, III, IV en V werken terug tot en met 1 januari 1998.",
     ["retroactive I.C, I.E, III, IV, V: date 1998-01-01"]),
    ("Artikel I, onderdelen C en E, en artikel IV werken terug tot en met 1 januari 1998.",
     ["retroactive I.C, I.E, IV: date 1998-01-01"]),
    ("Artikel I, onderdelen C, E en III, werkt terug tot en met 1 januari 1998.",
     ["retroactive I.C, I.E, I.III: date 1998-01-01"]),
])
def test_a_list_of_onderdelen_ends_with_its_en(text, expected):
    assert summary(read_entry_text(text)) == expected


def test_a_label_after_a_closed_list_of_onderdelen_of_one_artikel_is_refused():
    with pytest.raises(ActSyntaxError) as info:
        read_entry_text("Artikel I, onderdelen C en E, III, IV en V werken terug tot en met "
                        "1 januari 1998.")
    assert info.value.column == 31
    assert "cannot tell what «III» is: the list of onderdelen before it ended with «en»" \
        in info.value.message


@pytest.mark.parametrize("text, column, why", [
    ("De in artikel 11c opgenomen bepalingen vinden toepassing met betrekking tot kosten die "
     "zijn toe te rekenen aan de periode na 31 december 1998.", 126,
     "transitional law that names «31 december 1998», which could set or move a time"),
    ("Artikel I, onderdeel D, en artikel IV treden in werking op een bij koninklijk besluit te "
     "bepalen tijdstip, doch niet eerder dan het tijdstip waarop een protocol is gesloten.", 106,
     "a lower bound that is no date («, doch niet eerder dan het tijdstip waarop een protocol "
     "is gesloten»)"),
])
def test_near_wordings_refused_saying_why(text, column, why):
    with pytest.raises(ActSyntaxError) as info:
        read_entry_text(text)
    assert (info.value.line, info.value.column) == (1, column)
    assert why in info.value.message
