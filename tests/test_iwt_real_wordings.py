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
