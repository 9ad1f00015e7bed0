"""Locators as acts write them (Aanwijzingen 3.29 (80), 3.30 (81), 3.59 (100), 6.15, 6.16):
each with the typed targets it gives."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consolidator.errors import ActSyntaxError
from consolidator.model import STEP_KINDS, Intro, Locator, Step
from consolidator.read.builder import locators
from consolidator.read.instructions import parse_sentence


def loc(*pairs, qualifier=None) -> Locator:
    it = iter(pairs)
    steps = [Step(kind, number) for kind, number in zip(it, it)]
    if qualifier:
        steps[qualifier[0]] = Step(steps[qualifier[0]].kind, steps[qualifier[0]].number,
                                   qualifier[1])
    return Locator(tuple(steps))


def targets(text: str, context: Locator = Locator()) -> list[Locator]:
    parsed = parse_sentence(text, context=context)
    if isinstance(parsed, Intro):
        return list(parsed.targets)
    return [t for i in parsed.instructions for t in i.targets]


@pytest.mark.parametrize("text, expected", [
    # «onder» names the level below the step before it (Aanwijzing 3.29 (80), derde lid)
    ("In artikel 12, onder d, vervalt «a».", [loc("artikel", "12", "onderdeel", "d")]),
    ("In artikel 7, eerste lid, onderdeel b, onder 3°, vervalt «a».",
     [loc("artikel", "7", "lid", "1", "onderdeel", "b", "subonderdeel", "3°")]),
    ("In onderdeel b, onder 2°, vervalt «a».", [loc("onderdeel", "b", "subonderdeel", "2°")]),
    ("In artikel 285, eerste lid, onder f, wordt na de eerste zin ingevoegd «B.»",
     [loc("artikel", "285", "lid", "1", "onderdeel", "f", "volzin", "1")]),
    ("Aan artikel 4.11, eerste lid, onder b, wordt een volzin toegevoegd, luidende: C.",
     [loc("artikel", "4.11", "lid", "1", "onderdeel", "b")]),
    # capital onderdelen are an act's; «onder 2» is then its punt
    ("Artikel I, onderdeel H, onder 2, komt te luiden:",
     [loc("act-artikel", "I", "act-onderdeel", "H", "act-punt", "2")]),
    ("Artikel I, onderdeel N, sub 2, komt te luiden:",
     [loc("act-artikel", "I", "act-onderdeel", "N", "act-punt", "2")]),
    ("Artikel II, onderdeel G.10, vervalt.",
     [loc("act-artikel", "II", "act-onderdeel", "G", "act-punt", "10")]),
    ("In artikel I vervalt onderdeel J.4.",
     [loc("act-artikel", "I", "act-onderdeel", "J", "act-punt", "4")]),
    ("Artikel I, onderdeel C, eerste wijzigingspunt, wordt als volgt gewijzigd:",
     [loc("act-artikel", "I", "act-onderdeel", "C", "act-punt", "1")]),
    ("Artikel I, onderdeel H wordt als volgt gewijzigd:",
     [loc("act-artikel", "I", "act-onderdeel", "H")]),
    ("In artikel I, onderdeel WWW, wordt aan het slot van punt 3 een volzin toegevoegd, die "
     "luidt: De criteria behoeven instemming.",
     [loc("act-artikel", "I", "act-onderdeel", "WWW", "act-punt", "3")]),
    # Burgerlijk Wetboek style
    ("In lid 5 van artikel 628 wordt «gedurende» vervangen door: voor.",
     [loc("artikel", "628", "lid", "5")]),
    ("Lid 6 van artikel 652 komt te luiden:", [loc("artikel", "652", "lid", "6")]),
    ("Aan artikel 655 lid 1 wordt een nieuw onderdeel toegevoegd, luidende:",
     [loc("artikel", "655", "lid", "1")]),
    ("In artikel 327, eerste lid, onderdeel d, van Boek 1 wordt na «verkeert» toegevoegd: of x.",
     [loc("boek", "1", "artikel", "327", "lid", "1", "onderdeel", "d")]),
    # article numbers
    ("Artikel Ia vervalt.", [loc("artikel", "Ia")]),
    ("Na artikel VIIc wordt een nieuw artikel VIId ingevoegd, luidende:", [loc("artikel", "VIIc")]),
    ("Artikel 11.a1 wordt als volgt gewijzigd:", [loc("artikel", "11.a1")]),
    ("In artikelen 2.48, tweede lid, en 2.49 wordt ‘a’ vervangen door ‘b’.",
     [loc("artikel", "2.48", "lid", "2"), loc("artikel", "2.49")]),
    # ordinal subonderdeel, aanhef, structure
    ("Het derde subonderdeel wordt als volgt gewijzigd:", [loc("subonderdeel", "3")]),
    ("In artikel 4, aanhef, wordt «a» vervangen door «b».", [loc("artikel", "4", "aanhef", "")]),
    ("Het opschrift van titel XII van het Tweede Boek komt te luiden:",
     [loc("boek", "2", "titel", "XII", "opschrift", "")]),
    ("De hoofdstukken I tot en met III komen te luiden:",
     [loc("hoofdstuk", "I"), loc("hoofdstuk", "II"), loc("hoofdstuk", "III")]),
    ("Hoofdstuk VIIb van het Algemeen Rijksambtenarenreglement vervalt.",
     [loc("hoofdstuk", "VIIb")]),
    ("Het opschrift «Hoofdstuk 11a. Continuïteit» wordt vervangen door «Hoofdstuk 11a. Nieuw».",
     [loc("hoofdstuk", "11a", "opschrift", "")]),
    # outside the articles
    ("In lijst A wordt «a» vervangen door: b.", [loc("lijst", "A")]),
    ("In de beweegreden wordt «a» vervangen door: b.", [loc("beweegreden", "")]),
    ("Bijlage 2 bij de Algemene wet bestuursrecht wordt als volgt gewijzigd:",
     [loc("bijlage", "2")]),
    ("De bijlage bij artikel 8.8 van de Wet open overheid wordt als volgt gewijzigd:",
     [loc("bijlage", "bij artikel 8.8")]),
    # definitions and entries of a list (Aanwijzing 3.59 (100))
    ("In de definitie van «horecabedrijf» wordt «a» vervangen door «b».",
     [loc("definition", "horecabedrijf")]),
    ("In artikel 1.1 komt de begripsbepaling van transmissiesysteem te luiden: x.",
     [loc("artikel", "1.1", "definition", "transmissiesysteem")]),
    ("In het onderdeel met betrekking tot de Wet bevordering digitale weerbaarheid bedrijven "
     "wordt «a» vervangen door «b».",
     [loc("definition", "Wet bevordering digitale weerbaarheid bedrijven")]),
    ("De onderdelen met betrekking tot de Telecommunicatiewet en de Wet beveiliging netwerk- en "
     "informatiesystemen komen te vervallen.",
     [loc("definition", "Telecommunicatiewet"),
      loc("definition", "Wet beveiliging netwerk- en informatiesystemen")]),
    # an onderdeel named by the term it defines (Stb. 2013, 380, onderdeel A)
    ("In artikel 1 wordt na het onderdeel «barvrijwilliger» een onderdeel ingevoegd luidende:",
     [loc("artikel", "1", "definition", "barvrijwilliger")]),
    ("In artikel 1, eerste lid, wordt na onderdeel «barvrijwilliger» een onderdeel ingevoegd, "
     "luidende:", [loc("artikel", "1", "lid", "1", "definition", "barvrijwilliger")]),
    ("In artikel 1 vervalt het onderdeel «bezoeker».", [loc("artikel", "1", "definition", "bezoeker")]),
    ("In artikel 1, onderdeel «bezoeker», wordt «inrichting» vervangen door «lokaliteit».",
     [loc("artikel", "1", "definition", "bezoeker")]),
])
def test_locator(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Het voorgestelde artikel 58a wordt als volgt gewijzigd:",
     [loc("artikel", "58a", qualifier=(0, "voorgesteld"))]),
    ("In het in artikel I, onderdeel G.3, opgenomen artikel 23, vierde lid, wordt «a» vervangen "
     "door: b.", [Locator((Step("act-artikel", "I"), Step("act-onderdeel", "G"),
                           Step("act-punt", "3"), Step("artikel", "23", "voorgesteld"),
                           Step("lid", "4")))]),
    ("Voorts wordt in het voorgestelde zevende lid (nieuw), eerste en tweede zin, «vijfde» "
     "vervangen door «zesde».", [Locator((Step("lid", "7", "voorgesteld"), Step("volzin", "1"))),
                                  Locator((Step("lid", "7", "voorgesteld"), Step("volzin", "2")))]),
])
def test_a_part_as_the_bill_proposes_it(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text, expected", [
    # within one sentence a frame that names an article holds the article the action names
    ("In artikel V vervalt in artikel XXXI, eerste volzin, de zinsnede «, 128a, 133a».",
     [loc("act-artikel", "V", "artikel", "XXXI", "volzin", "1")]),
    ("In artikel I, onderdeel D, komt het eerste lid van artikel 18a te luiden:",
     [loc("act-artikel", "I", "act-onderdeel", "D", "artikel", "18a", "lid", "1")]),
    ("In artikel I, onderdeel N, wordt aan artikel 10a4 een lid toegevoegd, luidende:",
     [loc("act-artikel", "I", "act-onderdeel", "N", "artikel", "10a4")]),
])
def test_a_frame_holds_the_article_the_action_names(text, expected):
    assert targets(text) == expected


def test_an_intros_place_of_an_act_holds_the_law_article_that_follows():
    context = loc("act-artikel", "I", "act-onderdeel", "H")
    assert targets("In lid 5 van artikel 628 wordt «a» vervangen door: b.", context) == [
        loc("act-artikel", "I", "act-onderdeel", "H", "artikel", "628", "lid", "5")]


def test_a_list_of_articles_each_with_its_own_places():
    found = targets("In de artikelen 5, eerste lid, 6, eerste lid, onder c, 45, eerste tot en met "
                    "het derde lid, en 71 wordt telkens «a» vervangen door: b.")
    assert found == [loc("artikel", "5", "lid", "1"), loc("artikel", "6", "lid", "1", "onderdeel", "c"),
                     loc("artikel", "45", "lid", "1"), loc("artikel", "45", "lid", "2"),
                     loc("artikel", "45", "lid", "3"), loc("artikel", "71")]


def test_an_onderdeel_named_by_its_place_is_refused():
    with pytest.raises(ActSyntaxError) as err:
        parse_sentence("Voor het eerste onderdeel worden drie onderdelen ingevoegd, luidende:")
    assert err.value.column == 6
    assert "named by its place in the list" in err.value.message


# The shortcuts of the locator builder give what the general way gives.

# the kinds the shortcuts look at, often; every kind, sometimes
_KINDS = st.sampled_from(["artikel", "onderdeel", "toc-entry", "act-punt", "lid", "onder"]) | \
    st.sampled_from(sorted(STEP_KINDS))
_STEPS = st.builds(Step, _KINDS,
                   st.sampled_from(["", "1", "12", "I", "H", "a", "3°", "86"]),
                   st.sampled_from(["", "oud"]))


@given(st.lists(_STEPS, min_size=1, max_size=4))
@example([Step("artikel", "I"), Step("onderdeel", "H")])  # an act's place, renamed
def test_joining_to_no_place_is_the_general_join(steps):
    inner = Locator(tuple(steps))
    assert locators.join(Locator(), inner) == locators._join(Locator(), inner)


@given(_STEPS)
def test_one_step_makes_the_locator_the_general_way_makes(step):
    """A part of one step takes the shortcut; the same step as a tuple of one does not."""
    assert locators._locators([[step]]) == locators._locators([[(step,)]])


def _all_combinations(parts: list[list]) -> list[Locator]:
    """The general way: every combination, its act level, outside-in, the inhoudsopgave."""
    found = []
    for combo in itertools.product(*parts):
        steps = locators._act_level(locators._flat(combo))
        steps = sorted(steps, key=lambda s: locators._RANK.get(s.kind, 9))
        found.append(Locator(tuple(locators._toc_steps(steps))))
    return found


_ALTERNATIVES = st.lists(_STEPS | st.tuples(_STEPS, _STEPS), min_size=0, max_size=3)


@given(st.lists(_ALTERNATIVES, min_size=0, max_size=4))
@example([[Step("artikel", "I")], [Step("onderdeel", "H")], [Step("act-punt", "2")]])
@example([[Step("toc-entry", "86")]])  # one step, yet not a locator of that step alone
@example([[Step("act-punt", "2")]])
@example([[Step("artikel", "12")], [Step("lid", "2")]])  # outside-in already: as they are
@example([[Step("lid", "2")], [Step("artikel", "12")]])  # sorted
@example([[Step("artikel", "12")], [Step("artikel", "3")]])  # the first is an act's
@example([[Step("artikel", "I")], [Step("onderdeel", "H")]])  # an act's place, renamed
def test_the_locators_of_an_element_are_those_of_every_combination(parts):
    assert locators._locators(parts) == _all_combinations(parts)


@given(st.lists(st.lists(_STEPS | st.tuples(_STEPS) | st.just(()), min_size=1, max_size=3),
                min_size=1, max_size=4))
def test_an_onder_step_is_found_wherever_it_opens_an_alternative(parts):
    expected = any(alt != () and (alt[0] if isinstance(alt, tuple) else alt).kind == "onder"
                   for alternatives in parts for alt in alternatives)
    assert locators._names_onder(parts) == expected
