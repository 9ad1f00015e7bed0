"""Entry-into-force articles → rules (consolidator/read/iwt.py, grammar/iwt.lark).

One test per supported wording of the articles of real acts, the seed act's ARTIKEL XII
under both publication dates, decrees end to end, and every real article in
tests/fixtures/iwt/real.txt and every Aanwijzingen model in aanwijzingen.txt: each reads
into rules or is refused on purpose with its reason class at the words that cause it
(REFUSED; the classes are in the README). The wordings of the
development corpus are in test_iwt_wordings.py, its read rate in test_iwt_corpus.py, the
newer rules' dates in test_iwt_dates.py, the command line in test_iwt_cli.py."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from consolidator.read.act import parse_act, parse_act_file
from consolidator.errors import ActSyntaxError, TimeError
from consolidator.read.iwt import article_entry_rules, read_entry_rules, rules_from_article
from consolidator.read.iwtrules import (
    DECREE, LATER_LAW, NO_PROVISION, OTHER_ACT, PUBLICATION, Part, Ref, Scope, label_key,
)
from consolidator.model import Article, Span

D = dt.date
FIXTURES = ROOT / "tests" / "fixtures" / "iwt"
SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
ACT_1998 = ROOT / "corpus" / "acts" / "stb-1998-wpo-wec-excerpt.txt"


def rules(*paras: str, number: str = "II"):
    article = Article(number=number, kind="entry-into-force", text=paras, span=Span(1, 1))
    return rules_from_article(article, "test")


def entry(rules_, part=Part("I"), published=D(2000, 6, 1)):
    return rules_.entry(part, published)


# --------------------------------------------------------------------------- labels and scopes


def test_label_order_follows_the_act_numbering():
    onderdelen = ["A", "A1", "A2", "Aa", "B", "Z", "AA", "AB", "BB", "ZZ", "AAA"]
    assert sorted(onderdelen, key=lambda s: label_key(s, "onderdeel")) == onderdelen
    artikelen = ["I", "IV", "IVa", "V", "VA", "IX", "IXd", "X", "XLIV"]
    assert sorted(artikelen, key=lambda s: label_key(s, "artikel")) == artikelen
    assert label_key("2a", "punt") < label_key("3", "punt")
    with pytest.raises(ValueError):
        label_key("A.10", "onderdeel")


def test_a_rule_for_an_onderdeel_covers_its_punten_a_rule_for_a_punt_only_that_punt():
    onderdeel, punt = Scope(include=(Ref(Part("I", "N")),)), Scope(include=(Ref(Part("I", "N", "2")),))
    assert onderdeel.covers(Part("I", "N", "2")) and onderdeel.covers(Part("I", "N"))
    assert punt.covers(Part("I", "N", "2"))
    assert not punt.covers(Part("I", "N")) and not punt.covers(Part("I", "N", "3"))
    assert Scope(include=(Ref(Part("I")),)).covers(Part("I", "N", "2"))


def test_ranges_use_the_acts_numbering():
    scope = Scope(include=(Ref(Part("I", "B"), Part("I", "J")),))
    assert all(scope.covers(Part("I", o)) for o in ("B", "Ba", "C", "I", "J"))
    assert not scope.covers(Part("I", "K")) and not scope.covers(Part("II", "C"))
    from_punt = Scope(include=(Ref(Part("I", "JJ", "3"), Part("I", "VV")),))
    assert from_punt.covers(Part("I", "JJ", "3")) and from_punt.covers(Part("I", "KK"))
    assert from_punt.covers(Part("I", "VV", "2"))
    assert not from_punt.covers(Part("I", "JJ")) and not from_punt.covers(Part("I", "JJ", "2"))


# --------------------------------------------------------------------------- 1. fixed dates


@pytest.mark.parametrize("text, date", [
    ("Deze wet treedt in werking met ingang van 1 januari 1997.", D(1997, 1, 1)),
    ("Deze wet treedt in werking op 1 juli 2022.", D(2022, 7, 1)),
    ("Dit besluit treedt in werking met ingang van 1 januari 2010.", D(2010, 1, 1)),
])
def test_fixed_date(text, date):
    found = entry(rules(text))
    assert (found.valid_from, found.in_force, found.pending, found.retroactive) == (date, date, "", False)
    assert found.reason == f"ARTIKEL II: {text[text.index('op ' if ' op ' in text else 'met'):-1]}"


def test_reason_cites_article_and_lid():
    found = entry(rules("1. Deze wet treedt in werking met ingang van 1 januari 1997.", number="XII"))
    assert found.reason == "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997"


# --------------------------------------------------------------------------- 2. per part


def test_per_artikel_and_except():
    r = rules("1. Deze wet treedt met uitzondering van de artikelen VI, VII en VIII in werking met "
              "ingang van 1 januari 1997.",
              "2. De artikelen VI, VII en VIII van deze wet treden in werking met ingang van "
              "1 januari 1999.", number="XII")
    assert entry(r, Part("I", "B")).valid_from == D(1997, 1, 1)
    assert entry(r, Part("VII")).valid_from == D(1999, 1, 1)
    assert entry(r, Part("VII")).reason.startswith("ARTIKEL XII, tweede lid")


def test_exception_between_commas():
    r = rules("Deze wet treedt, met uitzondering van de artikelen II en VI, in werking met ingang "
              "van 1 maart 2000.", "De artikelen II en VI treden in werking op 1 juli 2000.")
    assert entry(r, Part("I")).valid_from == D(2000, 3, 1)
    assert entry(r, Part("VI")).valid_from == D(2000, 7, 1)


def test_exceptions_with_their_own_dates_the_model_of_aanwijzing_180_a():
    r = rules("Deze wet treedt in werking met ingang van 1 januari 2010 met uitzondering van de "
              "artikelen II en III, die in werking treden met ingang van 1 juli 2010.")
    assert entry(r, Part("I")).valid_from == D(2010, 1, 1)
    assert entry(r, Part("III")).valid_from == D(2010, 7, 1)


def test_parts_list_with_ranges_punten_and_a_stray_space():
    r = rules("Artikel I, onderdelen B tot en met J, N punt 2, O punt 3 , S punten 1 tot en met 3, "
              "artikel II, onderdelen B tot en met K, artikel IV en artikel IX treden in werking "
              "met ingang van 1 januari 1997.",
              "Deze wet treedt voor het overige in werking met ingang van 1 maart 1997."
              .replace(" voor het overige", ""))
    early = [Part("I", "B"), Part("I", "Ba"), Part("I", "J"), Part("I", "N", "2"),
             Part("I", "O", "3"), Part("I", "S", "3"), Part("II", "K"), Part("IV", "A"),
             Part("IX")]
    late = [Part("I", "A"), Part("I", "K"), Part("I", "N"), Part("I", "N", "1"),
            Part("I", "S", "4"), Part("II", "L"), Part("III")]
    assert {entry(r, p).valid_from for p in early} == {D(1997, 1, 1)}
    assert {entry(r, p).valid_from for p in late} == {D(1997, 3, 1)}


def test_enumeration_over_paragraphs_with_a_part_narrowed_to_one_law_article():
    """The real ARTIKEL LVI of the Wet van 2 april 1998 (corpus excerpt): «onderdeel H, voor
    wat betreft artikel 13d» is a qualified part; the plain onderdeel H keeps the general date."""
    act = parse_act_file(ACT_1998)
    own = read_entry_rules(act)[0]
    published = act.published
    day_after = published + dt.timedelta(days=1)
    assert entry(own, Part("I", "H"), published).valid_from == D(1998, 8, 1)
    assert entry(own, Part("I", "H", qualifier="artikel 13d"), published).valid_from == day_after
    assert entry(own, Part("XXXII"), published).valid_from == day_after
    assert entry(own, Part("XLIV"), published).valid_from == D(1999, 8, 1)
    assert entry(own, Part("XXI"), published).valid_from == D(1998, 8, 1)
    assert own.qualified_parts() == (Part("I", "H", qualifier="artikel 13d"),)
    assert len(own.notes) == 5 and "voor het eerst van toepassing" in own.notes[0]


def test_artikel_followed_by_onderdelen_in_a_plural_list():
    r = rules("De artikelen II, onderdeel J, VII, IX en XIX treden in werking op 1 juli 2000.",
              "Deze wet treedt met uitzondering van de artikelen II, onderdeel J, VII, IX en XIX "
              "in werking met ingang van 1 januari 2001.")
    assert entry(r, Part("II", "J")).valid_from == D(2000, 7, 1)
    assert entry(r, Part("II", "K")).valid_from == D(2001, 1, 1)
    assert entry(r, Part("VII")).valid_from == D(2000, 7, 1)
    r = rules("De artikelen I, onderdelen C en E, en II, onderdelen C en E, treden in werking op "
              "1 juli 2000.")
    assert entry(r, Part("II", "E")).valid_from == D(2000, 7, 1)
    assert entry(r, Part("II", "D")).pending == NO_PROVISION


def test_onderdelen_named_before_their_artikel():
    r = rules("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
              "Staatsblad waarin zij wordt geplaatst, met dien verstande dat de onderdelen B en D "
              "van artikel I terugwerken tot en met 1 mei 1993.")
    found = entry(r, Part("I", "D"), D(1994, 11, 10))
    assert (found.valid_from, found.in_force, found.retroactive) == (D(1993, 5, 1), D(1994, 11, 11), True)
    assert not entry(r, Part("I", "C"), D(1994, 11, 10)).retroactive


def test_a_part_not_named_by_any_rule_is_pending():
    found = entry(rules("Artikel I treedt in werking op 1 juli 2000."), Part("II"))
    assert found.pending == NO_PROVISION and found.valid_from is None


# --------------------------------------------------------------------------- 3. publication


@pytest.mark.parametrize("words, published, date", [
    ("de dag na de datum van uitgifte van het Staatsblad waarin zij wordt geplaatst",
     D(1996, 12, 23), D(1996, 12, 24)),
    ("de tweede dag na de datum van uitgifte van het Staatsblad waarin zij wordt geplaatst",
     D(1996, 12, 31), D(1997, 1, 2)),
    ("de eerste dag van de tweede kalendermaand na de datum van uitgifte van het Staatsblad "
     "waarin zij wordt geplaatst", D(1996, 11, 20), D(1997, 1, 1)),
    ("de eerste dag van de derde kalendermaand na de datum van uitgifte van het Staatsblad "
     "waarin zij is geplaatst", D(1996, 12, 1), D(1997, 3, 1)),
    ("1 augustus volgend op de datum van uitgifte van het Staatsblad waarin deze wet wordt "
     "geplaatst", D(1998, 8, 1), D(1999, 8, 1)),
])
def test_relative_to_publication(words, published, date):
    r = rules(f"Deze wet treedt in werking met ingang van {words}.")
    assert entry(r, published=published).valid_from == date
    pending = entry(r, published=None)
    assert (pending.valid_from, pending.pending) == (None, PUBLICATION)


# --------------------------------------------------------------------------- 4. the seed act


@pytest.fixture(scope="module")
def seed_rules():
    return read_entry_rules(parse_act_file(SEED))[0]


def test_seed_published_in_1996_everything_on_1_january_1997(seed_rules):
    published = D(1996, 12, 23)
    for part in (Part("I", "A"), Part("I", "B"), Part("I", "N", "2"), Part("IX"), Part("X")):
        found = seed_rules.entry(part, published)
        assert (found.valid_from, found.in_force, found.retroactive) == (D(1997, 1, 1), D(1997, 1, 1), False)
    assert seed_rules.entry(Part("I", "B"), published).reason == \
        "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997"
    assert seed_rules.entry(Part("VII", "A"), published).valid_from == D(1999, 1, 1)


def test_seed_published_late_listed_parts_are_retroactive(seed_rules):
    published = D(1997, 2, 10)
    retro = [Part("I", "B"), Part("I", "J"), Part("I", "N", "2"), Part("I", "S", "1"),
             Part("II", "K"), Part("II", "T", "3"), Part("III", "A"), Part("IV"), Part("IX")]
    for part in retro:
        found = seed_rules.entry(part, published)
        assert (found.valid_from, found.in_force, found.retroactive) == \
            (D(1997, 1, 1), D(1997, 2, 11), True), part
        assert "terugwerkend tot en met 1 januari 1997" in found.reason
    for part in (Part("I", "A"), Part("I", "K"), Part("I", "N"), Part("I", "N", "1"),
                 Part("II", "L"), Part("III", "B"), Part("V")):
        found = seed_rules.entry(part, published)
        assert (found.valid_from, found.in_force, found.retroactive) == \
            (D(1997, 2, 11), D(1997, 2, 11), False), part
    assert seed_rules.entry(Part("VI"), published).valid_from == D(1999, 1, 1)


def test_seed_unknown_publication_is_pending(seed_rules):
    assert seed_rules.entry(Part("I", "B"), None).pending == PUBLICATION
    assert seed_rules.entry(Part("VIII"), None).valid_from == D(1999, 1, 1)


def test_bwb_text_of_the_seed_leaves_vi_to_viii_to_a_later_law():
    """As amended in 1998 (BWB rendering): lid 2 reads «met ingang van een bij wet te bepalen
    tijdstip»."""
    block = _blocks(FIXTURES / "real.txt")["BWBR0008455 ARTIKEL XII"]
    found = rules(*block, number="XII").entry(Part("VI"), D(1996, 12, 23))
    assert (found.valid_from, found.pending) == (None, LATER_LAW)


def test_condition_on_placing_before_or_after_a_date():
    block = _blocks(FIXTURES / "real.txt")["BWBR0008016 ARTIKEL IX"]
    r = rules(*block, number="IX")
    early, late = D(1996, 5, 10), D(1996, 9, 10)
    assert entry(r, Part("I", "F"), early).valid_from == D(1996, 8, 1)
    assert entry(r, Part("III"), early).valid_from == D(1995, 8, 1)
    assert entry(r, Part("I", "A"), early).valid_from == D(1996, 5, 11)
    found = entry(r, Part("I", "F"), late)
    assert (found.valid_from, found.in_force) == (D(1996, 8, 1), D(1996, 9, 11))
    assert entry(r, Part("I", "A"), late).valid_from == D(1996, 9, 11)


def test_alternative_date_dan_wel_indien():
    block = _blocks(FIXTURES / "real.txt")["BWBR0008735 ARTIKEL III"]
    r = rules(*block, number="III")
    assert entry(r, published=D(1997, 3, 20)).valid_from == D(1997, 4, 1)
    assert entry(r, published=D(1997, 4, 3)).valid_from == D(1997, 4, 4)


# --------------------------------------------------------------------------- 5. retroactivity


def test_werkt_terug_for_the_whole_act():
    r = rules("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
              "Staatsblad waarin zij wordt geplaatst en werkt terug tot en met 1 januari 2013.")
    found = entry(r, published=D(2013, 6, 4))
    assert (found.valid_from, found.in_force, found.retroactive) == (D(2013, 1, 1), D(2013, 6, 5), True)


def test_werkt_terug_except_one_onderdeel():
    r = rules("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
              "Staatsblad waarin zij wordt geplaatst en werkt, met uitzondering van artikel I, "
              "onderdeel E, terug tot en met 1 augustus 1993.")
    assert entry(r, Part("I", "D"), D(1994, 7, 1)).valid_from == D(1993, 8, 1)
    assert entry(r, Part("I", "E"), D(1994, 7, 1)).valid_from == D(1994, 7, 2)


def test_separate_retroactivity_sentence_for_one_artikel():
    r = rules("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het "
              "Staatsblad waarin zij wordt geplaatst. Artikel II van deze wet werkt terug tot en "
              "met 17 april 1994.")
    assert entry(r, Part("II"), D(1995, 5, 20)).valid_from == D(1994, 4, 17)
    assert entry(r, Part("I"), D(1995, 5, 20)).valid_from == D(1995, 5, 21)


def test_excepted_parts_with_their_own_retroactivity():
    r = rules("Deze wet treedt in werking met ingang van 1 augustus 1998, met uitzondering van:",
              "a. artikel I, onderdelen CCC en DDD, dat in werking treedt met ingang van de dag na "
              "de datum van uitgifte van het Staatsblad waarin deze wet wordt geplaatst en "
              "terugwerkt tot en met 1 januari 1996,",
              "b. artikel XXI, dat in werking treedt met ingang van een bij koninklijk besluit te "
              "bepalen tijdstip.")
    found = entry(r, Part("I", "DDD"), D(1998, 6, 10))
    assert (found.valid_from, found.in_force) == (D(1996, 1, 1), D(1998, 6, 11))
    assert entry(r, Part("I", "EEE"), D(1998, 6, 10)).valid_from == D(1998, 8, 1)
    assert entry(r, Part("XXI"), D(1998, 6, 10)).pending == DECREE


def test_retroactivity_not_before_entry_is_not_retroactive():
    r = rules("Deze wet treedt in werking met ingang van 1 januari 2013 en werkt terug tot en met "
              "1 januari 2013.")
    found = entry(r, published=D(2012, 12, 1))
    assert (found.valid_from, found.retroactive) == (D(2013, 1, 1), False)


# --------------------------------------------------------------------------- 6. decrees and laws


@pytest.mark.parametrize("text, pending", [
    ("Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip, dat voor de "
     "verschillende artikelen of onderdelen daarvan verschillend kan worden vastgesteld.", DECREE),
    ("De artikelen VI, VII en VIII van deze wet treden in werking met ingang van een bij wet te "
     "bepalen tijdstip.", LATER_LAW),
    ("Deze wet treedt in werking met ingang van 1 januari van een bij koninklijk besluit te "
     "bepalen jaar.", DECREE),
])
def test_left_to_a_decree_or_a_later_law(text, pending):
    found = entry(rules(text), Part("VI"))
    assert (found.valid_from, found.in_force, found.pending) == (None, None, pending)
    assert found.reason.startswith("ARTIKEL II: ")


def _act(name: str):
    return parse_act_file(FIXTURES / name)


def test_decree_puts_the_whole_act_in_force():
    act, decree = _act("stb-1996-403-synthetic.txt"), _act("besluit-1996-700-synthetic.txt")
    own, (decree_own, for_403) = read_entry_rules(act)[0], read_entry_rules(decree)
    assert decree_own.target is None and decree_own.entry(Part("1"), decree.published).pending == NO_PROVISION
    assert (for_403.target.stb, for_403.published) == ("1996, 403", D(1996, 12, 17))
    assert own.entry(Part("I", "A"), act.published).pending == DECREE
    found = own.with_decree(for_403).entry(Part("I", "A"), act.published)
    assert (found.valid_from, found.in_force, found.pending) == (D(1997, 1, 1), D(1997, 1, 1), "")
    assert found.reason == ("ARTIKEL II: met ingang van 1 januari van een bij koninklijk besluit "
                            "te bepalen jaar; Artikel 1: met ingang van 1 januari 1997")


def test_decree_must_keep_the_day_the_act_fixed():
    act = _act("stb-1996-403-synthetic.txt")
    decree = parse_act((FIXTURES / "besluit-1996-700-synthetic.txt").read_text("utf-8")
                       .replace("met ingang van 1 januari 1997", "met ingang van 1 februari 1997"))
    with pytest.raises(TimeError, match="only 1 januari"):
        read_entry_rules(act)[0].with_decree(read_entry_rules(decree)[1]).entry(Part("I"), None)


def test_decrees_per_onderdeel_end_to_end():
    act = _act("stb-2000-10-synthetic.txt")
    first, second = (read_entry_rules(_act(name))[1] for name in
                     ("besluit-2000-50-synthetic.txt", "besluit-2000-90-synthetic.txt"))
    own = read_entry_rules(act)[0]
    after_first = own.with_decree(first)
    assert after_first.entry(Part("I", "A"), act.published).valid_from == D(2000, 4, 1)
    assert after_first.entry(Part("I", "C"), act.published).valid_from == D(2000, 4, 1)
    assert after_first.entry(Part("I", "B"), act.published).pending == DECREE
    both = after_first.with_decree(second)
    # «de dag na de datum van uitgifte van het Staatsblad waarin dit besluit wordt geplaatst»
    # counts from the decree's publication (12 May 2000)
    assert both.entry(Part("I", "B"), act.published).valid_from == D(2000, 5, 13)


def test_decree_for_another_act_is_refused():
    own = read_entry_rules(_act("stb-2000-10-synthetic.txt"))[0]
    other = read_entry_rules(_act("besluit-1996-700-synthetic.txt"))[1]
    with pytest.raises(TimeError, match="1996, 403"):
        own.with_decree(other)


def test_decree_naming_a_law_by_its_citeertitel():
    r = rules("De Wet stelsel openbare bibliotheekvoorzieningen treedt in werking met ingang van "
              "1 januari 2015.", number="1")
    assert (r.target.name, r.target.kind) == ("Wet stelsel openbare bibliotheekvoorzieningen", "law")
    assert r.entry(Part("I"), None).valid_from == D(2015, 1, 1)


# --------------------------------------------------------------------------- errors and absence


def test_an_act_without_an_entry_into_force_article():
    act = parse_act("Wet van 1 maart 2000 tot wijziging van de Testwet\n\nARTIKEL I\n\n"
                    "In artikel 2 van de Testwet vervalt het tweede lid.\n")
    (own,) = read_entry_rules(act)
    found = own.entry(Part("I"), D(2000, 3, 10))
    assert (found.valid_from, found.pending) == (None, NO_PROVISION)
    empty = rules_from_article(Article(number="", kind="entry-into-force"), "x")
    assert empty.entry(Part("I"), None).pending == NO_PROVISION


def test_unreadable_sentence_is_an_error_at_its_line_and_column():
    text = ("Wet van 1 maart 2000 tot wijziging van de Testwet\n\nARTIKEL I\n\n"
            "In artikel 2 van de Testwet vervalt het tweede lid.\n\nARTIKEL II\n\n"
            "1. Deze wet treedt in werking met ingang van 1 april 2000.\n\n"
            "2. Artikel I treedt in werking zodra de minister dat wenselijk acht.\n")
    act = parse_act(text, source="act.txt")
    with pytest.raises(ActSyntaxError) as info:
        read_entry_rules(act, text)
    error = info.value
    assert (error.source, error.line, error.column) == ("act.txt", 11, 32)
    assert "cannot read entry-into-force sentence" in error.message
    assert "unexpected «zodra de minister dat»" in error.message
    assert error.context.splitlines()[1].strip() == "^~~~~"


def test_conflicting_rules_are_an_error_not_a_choice():
    r = rules("1. Artikel I treedt in werking op 1 juli 2000.", "2. Artikel I treedt in werking op 1 augustus 2000.")
    with pytest.raises(TimeError, match="conflicting"):
        entry(r, Part("I"))


def test_an_article_for_two_acts_gives_rules_for_each():
    paras = ("1. De wet van 4 juli 1996 (Stb. 403) treedt in werking met ingang van 1 januari 1997.",
             "2. Deze wet treedt in werking met ingang van 1 februari 1997.")
    with pytest.raises(ActSyntaxError, match="more than one act"):
        rules(*paras, number="1")
    article = Article(number="1", kind="entry-into-force", text=paras, span=Span(1, 1))
    own, other = article_entry_rules(article, "test")
    assert own.target is None and entry(own).valid_from == D(1997, 2, 1)
    assert other.target.stb == "1996, 403" and entry(other).valid_from == D(1997, 1, 1)


# --------------------------------------------------------------------------- real articles


def _blocks(path) -> dict[str, tuple[str, ...]]:
    found = {}
    for block in re.split(r"\n(?===)", path.read_text("utf-8")):
        if block.startswith("== "):
            lines = block.strip().splitlines()
            assert lines[1].startswith("source: "), lines[0]
            found[lines[0][3:]] = tuple(line for line in lines[2:] if line.strip())
    return found


#: the reason classes of the wordings refused on purpose, listed in the README (Time,
#: «Entry-into-force wordings refused»)
REASON_CLASSES = {"subject-matter", "label-form", "enumerated-proviso", "decree-moves-date",
                  "substituted-dates", "condition", "counted-time", "editorial"}

REAL = _blocks(FIXTURES / "real.txt")
MODELS = _blocks(FIXTURES / "aanwijzingen.txt")

#: real articles the reader must refuse, naming why (a guess would give parts a wrong date):
#: not a gap of the grammar but its answer, so a test of its own, not an expected failure.
#: (reason class, words of the message; its first «…» quotes the words the error points at)
REFUSED = {
    "BWBR0007312 ARTIKEL XIII": ("subject-matter", "parts named by subject matter («wat betreft "
                                 "de invoeging van"),
    "BWBR0007003 ARTIKEL XVII": ("subject-matter", "a date split by subject matter («voor wat "
                                 "betreft het hoger beroepsonderwijs»)"),
    "BWBR0009524 ARTIKEL IX": ("subject-matter", "a time that holds only for a purpose "
                               "(«Uitsluitend met het oog op de toepassing van de artikelen "
                               "VIIIb en VIIIc»)"),
    "BWBR0008163 ARTIKEL X": ("label-form", "a part label with a numbered sub-part («onderdeel "
                              "A.10»)"),
    "BWBR0008166 ARTIKEL XI": ("enumerated-proviso", "dated by a day counted from another "
                               "regulation's entry into force («met ingang van de tweede dag na "
                               "inwerkingtreding van de algemene maatregel van bestuur»)"),
    "BWBR0008684 ARTIKEL XII": ("enumerated-proviso", "keeps the old rules applying («van "
                                "toepassing blijven tot 1 augustus 1998»)"),
    "BWBR0009448 ARTIKEL XIII": ("enumerated-proviso", "lets a part lapse under a condition, at "
                                 "no time it names («artikel X vervalt indien deze wet"),
    "BWBR0008703 ARTIKEL VI": ("decree-moves-date", "a decree may move the date this text "
                               "fixes, within limits it gives («met dien verstande dat bij "
                               "koninklijk besluit een inwerkingtreding op een ander tijdstip, "
                               "gelegen in 1997"),
    "BWBR0010385 ARTIKEL VI": ("substituted-dates", "words of the text replaced by others "
                               "(«geldt in plaats van «31 juli 1999»: 31 juli 2000»)"),
}


def _params(blocks):
    for name, paras in blocks.items():
        yield pytest.param(name, paras, id=name.replace(" ARTIKEL ", "-"))


def test_fixtures_are_substantial():
    assert len(REAL) >= 45 and len(MODELS) >= 15
    assert set(REFUSED) <= set(REAL)  # every Aanwijzingen model reads
    assert len(REAL) - len(REFUSED) >= 37
    assert {reason for reason, _ in REFUSED.values()} <= REASON_CLASSES


def test_every_reason_class_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for reason in REASON_CLASSES:
        assert f"`{reason}`" in readme, reason


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_real_articles_the_reader_must_refuse_are_refused_saying_why(name):
    with pytest.raises(ActSyntaxError) as caught:
        rules(*REAL[name], number=name.split()[-1])
    reason, words = REFUSED[name]
    _assert_refused_at(caught.value, reason, words)


def _assert_refused_at(error, reason: str, words: str):
    """The error names ``words`` and its reason class, and points at the words its first
    «…» quotes."""
    assert words in error.message and f"[{reason}]" in error.message, error.message
    assert error.line and error.column
    paragraph = error.context.splitlines()[0][4:]
    quoted = re.search(r"«([^\s»]+(?: [^\s»]+)?)", words).group(1)
    assert paragraph[error.column - 1:].startswith(quoted), (paragraph, error.column)


@pytest.mark.parametrize("name, paras", [p for p in list(_params(REAL)) + list(_params(MODELS))
                                         if p.values[0] not in REFUSED])
def test_real_and_model_articles_read(name, paras):
    r = rules(*paras, number=name.split()[-1])
    assert r.rules or r.retro or r.transitional  # transitional law alone sets no time
    published = D(1997, 6, 30)
    found = r.entry(Part("I", "A"), published)
    assert found.pending in ("", DECREE, LATER_LAW, NO_PROVISION, OTHER_ACT), found


@pytest.mark.parametrize("name, part, published, valid_from, in_force", [
    ("BWBR0005579 ARTIKEL III", Part("I"), D(1992, 7, 20), D(1992, 8, 1), D(1992, 8, 1)),
    ("BWBR0007053 ARTIKEL V", Part("I"), D(1994, 8, 10), D(1994, 8, 11), D(1994, 8, 11)),
    ("BWBR0007053 ARTIKEL V", Part("I"), D(1994, 7, 10), D(1994, 8, 1), D(1994, 8, 1)),
    ("BWBR0007420 ARTIKEL XV", Part("I", "EE", "2"), D(1995, 6, 15), D(1995, 8, 1), D(1995, 8, 1)),
    ("BWBR0007420 ARTIKEL XV", Part("I", "EE", "1"), D(1995, 6, 15), D(1996, 8, 1), D(1996, 8, 1)),
    ("BWBR0007420 ARTIKEL XV", Part("I", "Y", "2"), D(1995, 6, 15), None, None),
    ("BWBR0007420 ARTIKEL XV", Part("V"), D(1995, 6, 15), D(1996, 8, 1), D(1996, 8, 1)),
    ("BWBR0007972 ARTIKEL XIV", Part("I", "R"), D(1996, 4, 10), D(1997, 1, 1), D(1997, 1, 1)),
    ("BWBR0007972 ARTIKEL XIV", Part("I", "P"), D(1996, 4, 10), D(1996, 9, 1), D(1996, 9, 1)),
    ("BWBR0007972 ARTIKEL XIV", Part("III"), D(1996, 4, 10), D(1996, 8, 1), D(1996, 8, 1)),
    ("BWBR0008167 ARTIKEL IV", Part("I", "B"), D(1996, 9, 20), D(1996, 7, 1), D(1996, 9, 21)),
    ("BWBR0008167 ARTIKEL IV", Part("I", "B"), D(1996, 7, 20), D(1996, 7, 21), D(1996, 7, 21)),
    ("BWBR0008167 ARTIKEL IV", Part("I", "C"), D(1996, 9, 20), D(1996, 9, 21), D(1996, 9, 21)),
    ("BWBR0008167 ARTIKEL IV", Part("II"), D(1996, 9, 20), D(2001, 1, 1), D(2001, 1, 1)),
    ("BWBR0008329 ARTIKEL IV", Part("I"), D(1997, 1, 8), D(1997, 1, 1), D(1997, 1, 9)),
    ("BWBR0008330 ARTIKEL V", Part("I"), D(1996, 11, 28), D(1997, 1, 1), D(1997, 1, 1)),
    ("BWBR0009638 ARTIKEL XXVIII", Part("I", "LL"), D(1998, 6, 10), D(2002, 8, 1), D(2002, 8, 1)),
    ("BWBR0009638 ARTIKEL XXVIII", Part("I", "JJ", "3"), D(1998, 6, 10), D(2002, 8, 1), D(2002, 8, 1)),
    ("BWBR0009638 ARTIKEL XXVIII", Part("I", "JJ", "2"), D(1998, 6, 10), D(1998, 8, 1), D(1998, 8, 1)),
    ("BWBR0009638 ARTIKEL XXVIII", Part("XVII", qualifier="derde lid"), D(1998, 6, 10),
     D(1998, 6, 11), D(1998, 6, 11)),
    ("BWBR0009707 ARTIKEL X", Part("III", "J"), D(1998, 6, 30), D(1997, 1, 1), D(1998, 7, 1)),
    ("BWBR0009707 ARTIKEL X", Part("IXd"), D(1998, 8, 5), D(1998, 8, 6), D(1998, 8, 6)),
    ("BWBR0009707 ARTIKEL X", Part("IXd"), D(1998, 6, 30), D(1998, 8, 1), D(1998, 8, 1)),
    ("BWBR0010724 ARTIKEL VII", Part("VI"), D(1999, 10, 1), None, None),
    ("BWBR0008454 ARTIKEL XI", Part("I", "C"), D(1996, 12, 20), D(1996, 12, 21), D(1996, 12, 21)),
    ("BWBR0008454 ARTIKEL XI", Part("I", "B"), D(1996, 12, 20), None, None),
    ("BWBR0008454 ARTIKEL XI", Part("III"), D(1996, 12, 20), None, None),
    ("BWBR0009562 ARTIKEL VI", Part("I", "B"), D(1998, 5, 20), D(1998, 10, 1), D(1998, 10, 1)),
    ("BWBR0009562 ARTIKEL VI", Part("IV", qualifier="derde lid"), D(1998, 5, 20),
     D(1998, 5, 21), D(1998, 5, 21)),
    ("BWBR0009562 ARTIKEL VI", Part("IV"), D(1998, 5, 20), D(1998, 7, 1), D(1998, 7, 1)),
    ("BWBR0008466 ARTIKEL V", Part("I"), D(1996, 12, 20), D(1997, 1, 1), D(1997, 1, 1)),
    ("BWBR0008466 ARTIKEL V", Part("I"), D(1997, 1, 10), D(1997, 1, 11), D(1997, 1, 11)),
    ("BWBR0011954 ARTIKEL VI", Part("I", "B"), D(1998, 10, 20), D(1997, 5, 1), D(1998, 11, 1)),
    ("BWBR0011954 ARTIKEL VI", Part("IV"), D(1998, 10, 20), D(1998, 1, 1), D(1998, 11, 1)),
    ("BWBR0011954 ARTIKEL VI", Part("I", "A"), D(1998, 10, 20), D(1998, 11, 1), D(1998, 11, 1)),
])
def test_real_articles_dates_checked_by_hand(name, part, published, valid_from, in_force):
    found = rules(*REAL[name], number=name.split()[-1]).entry(part, published)
    assert (found.valid_from, found.in_force) == (valid_from, in_force), found.reason
    if valid_from is None:
        assert found.pending == DECREE
