"""Time as acts write it (issue 14): acts that amend acts, novelles, samenloop models decided,
the Bekendmakingswet, versions of acts; each on the small «Proefwet» and acts made for the
tests (tests/fixtures/acts/README.md)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import ROOT
from consolidator.errors import ActSyntaxError, TimeError
from consolidator.law import lawtext
from consolidator.read.act import parse_act, parse_act_file
from consolidator.store.db import Store
from consolidator.store.query import text_on
from consolidator.store.versions import LawInput, build_law
from consolidator.time.facts import ActFact
from consolidator.time.timeline import plan

D = dt.date
ACTS = ROOT / "tests" / "fixtures" / "acts"
NAMES = {"proefwet"}


def acts(*names):
    return [parse_act_file(ACTS / f"{name}.txt") for name in names]


def proefwet() -> LawInput:
    tree = lawtext.parse_law_text((ACTS / "proefwet.txt").read_text("utf-8"), bwb_id="PROEF",
                                  date=D(2024, 1, 1))
    return LawInput("PROEF", tree, "proefwet.txt", frozenset(NAMES))


def store_of(tmp_path, given, facts=()):
    store = Store(tmp_path / "store.sqlite", create=True)
    build_law(store, proefwet(), given, list(facts))
    return store


def artikel(store, nr, date, known=None) -> str:
    return lawtext.render_law_text(text_on(store, "PROEF", date, known).tree, artikel=nr)


def bill_36301(in_force=None, published=D(2024, 2, 1)):
    return ActFact(kamerstukken="36 301", title="Proefwet projectsubsidie", published=published,
                   enacted=published, in_force=in_force)


# --------------------------------------------------------------------------- decrees and the Bekendmakingswet


def test_a_decree_with_a_closing_sentence_sets_two_dates(tmp_path):
    from consolidator.read.iwt import read_entry_rules

    decree = read_entry_rules(acts("stb-2024-150")[0])[-1]
    assert decree.target.stb == "2024, 88" and len(decree.rules) == 2
    assert decree.notes[0].endswith("is belast met de uitvoering van dit besluit, dat in het "
                                    "Staatsblad zal worden geplaatst.")  # a note, no rule
    store = store_of(tmp_path, acts("stb-2024-88", "stb-2024-150"))
    assert "zes weken" in artikel(store, "3", D(2024, 7, 1))
    assert "acht weken" in artikel(store, "3", D(2024, 6, 30))
    assert "€ 1000" in artikel(store, "4", D(2024, 12, 31))
    assert "€ 1500" in artikel(store, "4", D(2025, 1, 1))
    # before the decree was published, the dates were not known
    assert "acht weken" in artikel(store, "3", D(2024, 7, 1), D(2024, 4, 14))


def test_an_act_without_an_entry_into_force_article_takes_the_bekendmakingswet(tmp_path):
    found = plan(NAMES, acts("stb-2024-70"), [])
    assert [e.valid_from for e in found.events] == [D(2024, 5, 1)]  # published 20 March 2024
    assert "Bekendmakingswet, artikel 7" in found.events[0].reason
    store = store_of(tmp_path, acts("stb-2024-70"))
    assert "tien weken" in artikel(store, "3", D(2024, 5, 1))
    assert "acht weken" in artikel(store, "3", D(2024, 4, 30))
    sources = text_on(store, "PROEF", D(2024, 5, 1)).version.sources
    assert "Aanwijzing 172" in sources[0]["reason"]


def test_an_entry_into_force_article_that_is_not_read_is_an_error_not_a_wait():
    sentence = "Deze regeling treedt in werking zodra de minister dat wil."
    text = (ACTS / "stb-2024-70.txt").read_text("utf-8").replace(
        "Gegeven te", f"ARTIKEL II\n\n{sentence}\n\nGegeven te")
    with pytest.raises((TimeError, ActSyntaxError)) as found:
        plan(NAMES, [parse_act(text, source="changed.txt")], [])
    assert found.value.line == text.splitlines().index(sentence) + 1
    # an ARTIKEL that says when the act takes effect but is read as something else
    act = parse_act(text.replace(sentence, "Deze wet treedt in werking met ingang van 1 juli "
                                           "2024."), source="changed.txt")
    unread = dataclasses.replace(act, articles=(act.articles[0], dataclasses.replace(
        act.articles[1], kind="transition")))
    with pytest.raises(TimeError, match="ARTIKEL II reads like an entry-into-force article but "
                                        "is not read as one"):
        plan(NAMES, [unread], [])


# --------------------------------------------------------------------------- acts that amend acts


def test_an_act_changes_another_acts_onderdelen_before_they_take_effect(tmp_path):
    store = store_of(tmp_path, acts("stb-2024-88", "stb-2024-150", "stb-2024-120"))
    # Stb. 2024, 120 (in force 1 June 2024) rewrote onderdelen B and C of Stb. 2024, 88
    assert "vier weken" in artikel(store, "3", D(2024, 7, 1))
    assert artikel(store, "2", D(2024, 7, 1)).splitlines()[1] == \
        "Gedeputeerde staten verstrekt de subsidie."
    # as known before Stb. 2024, 120 was published, onderdelen B and C read as published
    assert "zes weken" in artikel(store, "3", D(2024, 7, 1), D(2024, 5, 14))
    source = text_on(store, "PROEF", D(2024, 7, 1)).version.sources
    assert any("as amended by Stb. 2024, 120, ARTIKEL I" in s["reason"] for s in source)


def test_a_spent_instruction_cannot_be_amended(tmp_path):
    # Stb. 2024, 300 (in force 1 September 2024) changes onderdeel A, in force since 1 July
    with pytest.raises(TimeError, match="Stb. 2024, 300, ARTIKEL I: a spent instruction cannot "
                                        "be amended: Stb. 2024, 88, ARTIKEL I, onderdeel A took "
                                        "effect on 2024-07-01"):
        store_of(tmp_path, acts("stb-2024-88", "stb-2024-150", "stb-2024-300"))


def test_a_novelle_changes_the_bill_before_it_takes_effect(tmp_path):
    store = store_of(tmp_path, acts("stb-2024-190", "stb-2024-200"))
    assert "de startsubsidie" in artikel(store, "1", D(2024, 10, 1))
    assert "de subsidie" in artikel(store, "1", D(2024, 9, 30))
    assert "per project ten hoogste" in artikel(store, "4", D(2024, 10, 1))
    notes = text_on(store, "PROEF", D(2024, 10, 1)).notes
    assert any("Stb. 2024, 190, ARTIKEL I (samenloop): applies" in n
               and "became law (2024-06-10)" in n for n in notes)


def test_a_novelle_waits_while_its_bill_is_no_law():
    novelle, bill = acts("stb-2024-190", "kst-36301")
    assert bill.id == "kst-36301" and novelle.id == "stb-2024-190"
    found = plan(NAMES, [novelle, bill], [])
    assert "de projectsubsidie" in found.events[0].article.instructions[0].new
    assert any("not decided yet" in n and "not known to be law yet" in n for n in found.notes)


# --------------------------------------------------------------------------- samenloop models


def _decided(found, number="II"):
    return [n for n in found.notes if f", ARTIKEL {number}" in n and "(samenloop)" in n]


def test_model_1_this_act_changes_when_the_other_came_first(tmp_path):
    # Stb. 2024, 200 (Kamerstukken 36 301) takes effect on 1 October 2024, before this act
    # (1 November 2024): ARTIKEL II rewrites this act's onderdeel B to fit its text
    store = store_of(tmp_path, acts("stb-2024-400", "stb-2024-200"))
    assert "per project ten hoogste € 1000" in artikel(store, "4", D(2024, 10, 1))
    assert "per project ten hoogste € 1200" in artikel(store, "4", D(2024, 11, 1))
    assert "zes weken" in artikel(store, "3", D(2024, 11, 1))


def test_model_1_decided_three_ways():
    law_acts = acts("stb-2024-400")
    earlier = plan(NAMES, law_acts, [bill_36301(D(2024, 10, 1))])
    later = plan(NAMES, law_acts, [bill_36301(D(2024, 12, 1))])
    assert "applies" in _decided(earlier)[0] and "earlier than this act" in _decided(earlier)[0]
    changed = [e for e in earlier.events if e.parts[0].onderdeel == "B"][0]
    assert changed.amended == ("Stb. 2024, 400, ARTIKEL II (samenloop)",)
    assert "per project ten hoogste € 1000" in changed.article.instructions[0].old
    assert "not applied" in _decided(later)[0] and "later than this act" in _decided(later)[0]
    unchanged = [e for e in later.events if e.parts[0].onderdeel == "B"][0]
    assert unchanged.amended == () and unchanged.article.instructions[0].old == "€ 1000"
    with pytest.raises(TimeError, match="ARTIKEL II \\(samenloop\\): cannot decide: no facts "
                                        "about Kamerstukken 36 301"):
        plan(NAMES, law_acts, [])


def test_model_2_the_other_act_changes_when_it_comes_later(tmp_path):
    # the other act given: it takes effect on 1 October 2024, after this one (1 July 2024)
    store = store_of(tmp_path, acts("stb-2024-410", "stb-2024-200"))
    assert "per verleende subsidie ten hoogste" in artikel(store, "4", D(2024, 10, 1))
    assert "verleent" in artikel(store, "2", D(2024, 7, 1))
    law_acts = acts("stb-2024-410")
    later = plan(NAMES, law_acts, [bill_36301(D(2024, 10, 1))])
    earlier = plan(NAMES, law_acts, [bill_36301(D(2024, 6, 1))])
    assert "applies" in _decided(later)[0] and "not among the acts given" in _decided(later)[0]
    assert "not applied" in _decided(earlier)[0]
    with pytest.raises(TimeError, match="cannot decide: no facts about Kamerstukken 36 301"):
        plan(NAMES, law_acts, [])


def test_model_3_numbered_branches_decided_three_ways(tmp_path):
    law_acts = acts("stb-2024-420")
    earlier = plan(NAMES, law_acts, [bill_36301(D(2024, 10, 1))])
    later = plan(NAMES, law_acts, [bill_36301(D(2024, 12, 1))])
    first, second = _decided(earlier)
    assert first.startswith("Stb. 2024, 420, ARTIKEL II (1.) (samenloop): applies")
    assert second.startswith("Stb. 2024, 420, ARTIKEL II (2.) (samenloop): not applied")
    first, second = _decided(later)
    assert "not applied" in first and "applies" in second
    with pytest.raises(TimeError, match="ARTIKEL II \\(1.\\) \\(samenloop\\): cannot decide"):
        plan(NAMES, law_acts, [])
    # the other act given and later: branch 2 changes it before it takes effect
    store = store_of(tmp_path, acts("stb-2024-420", "stb-2024-200"))
    assert "per project ten hoogste € 1200" in artikel(store, "4", D(2024, 11, 1))


def test_the_same_day_cannot_be_decided():
    found = pytest.raises(TimeError, plan, NAMES, acts("stb-2024-400"),
                          [bill_36301(D(2024, 11, 1))])
    assert "both take effect on 2024-11-01" in str(found.value)
    assert "Aanwijzing 5.70" in str(found.value)


# --------------------------------------------------------------------------- the seed's ARTIKEL X


def test_seed_artikel_x_applies_where_its_condition_holds(seed_act, tmp_path):
    """ARTIKEL X changes the seed's own ARTIKELEN I to III when Stb. 1996, 580 took effect
    on or before the seed: with its real dates (1 February 1997) it does not; with a made-up
    facts file (1 December 1996) it inserts onderdeel A1 into ARTIKEL I, which then deletes
    «, afdeling 5, paragraaf 4,» from WBO article 52a as Stb. 1996, 580 worded it."""
    from consolidator.apply.sentences import apply_articles
    from consolidator.time.facts import load_facts

    made_up = tmp_path / "facts.toml"
    made_up.write_text('[[act]]\nstb = "1996, 580"\nkamerstukken = "24 138"\n'
                       'published = 1996-11-20\nin_force = 1996-12-01\n'
                       'source = "made up for this test"\n', "utf-8")
    names = {"wet op het basisonderwijs"}
    real = plan(names, [seed_act], load_facts(ROOT / "corpus" / "facts.toml"))
    assert not [e for e in real.events if e.parts[0].onderdeel == "A1"]
    assert any("ARTIKEL X (samenloop): not applied" in n for n in real.notes)
    held = plan(names, [seed_act], load_facts(made_up))
    added = [e for e in held.events if e.parts[0].onderdeel == "A1"]
    assert [(e.valid_from, e.article.number) for e in added] == [(D(1997, 1, 1), "I")]
    text = (ROOT / "corpus" / "BWBR0003420" / "stb-1996-580-art52a.txt").read_text("utf-8")
    law = lawtext.parse_law_text(text, date=D(1996, 12, 31))
    after = apply_articles(law, [added[0].article], source_label="Stb. 1996, 649")
    lid = lawtext.render_law_text(after, artikel="52a").splitlines()[2]
    assert lid == ("2. Indien een openbare school in stand wordt gehouden door een stichting of "
                   "een openbare rechtspersoon, wordt deze aangemerkt als een door de gemeente "
                   "in stand gehouden openbare school voor de toepassing van afdeling 2 en "
                   "afdeling 6.")


# --------------------------------------------------------------------------- retroactivity and tied dates


def test_a_part_retroactive_by_the_act_and_one_by_its_decree(tmp_path):
    store = store_of(tmp_path, acts("stb-2024-600", "stb-2024-650"))
    # onderdeel A works back to 1 February 2024 by the act itself, B to 1 April by the decree
    assert "zeven weken" in artikel(store, "3", D(2024, 2, 1))
    assert "acht weken" in artikel(store, "3", D(2024, 1, 31))
    assert "€ 1100" in artikel(store, "4", D(2024, 4, 1))
    assert "€ 1000" in artikel(store, "4", D(2024, 3, 31))
    # both only as known from the decree's publication (20 June 2024): before, no date at all
    assert "acht weken" in artikel(store, "3", D(2024, 7, 1), D(2024, 6, 19))
    reasons = [s["reason"] for s in text_on(store, "PROEF", D(2024, 4, 1)).version.sources]
    assert any("terug" in r or "retro" in r for r in reasons)


def test_a_date_tied_to_another_act_known_and_pending(tmp_path):
    tied = plan(NAMES, acts("stb-2024-700", "stb-2024-88", "stb-2024-150"), [])
    mine = [e for e in tied.events if e.act.stb == "2024, 700"]
    assert [e.valid_from for e in mine] == [D(2024, 7, 1)]  # when ARTIKEL I, onderdeel A, of Stb. 2024, 88 does
    store = store_of(tmp_path, acts("stb-2024-700", "stb-2024-88", "stb-2024-150"))
    assert "verleent" in artikel(store, "2", D(2024, 7, 1))
    assert "verstrekt" in artikel(store, "2", D(2024, 6, 30))
    for given in (acts("stb-2024-700"), acts("stb-2024-700", "stb-2024-88")):
        waiting = plan(NAMES, given, [])
        assert not [e for e in waiting.events if e.act.stb == "2024, 700"]
        note = [n for n in waiting.notes if n.startswith("Stb. 2024, 700, ARTIKEL I")]
        assert note and "not applied, waits for" in note[0], waiting.notes


def test_a_dated_intro_dates_the_parts_it_opens(tmp_path):
    store = store_of(tmp_path, acts("stb-2024-800"))
    # ARTIKEL II by the entry-into-force article, ARTIKEL I by the date in its intro
    assert "negen weken" in artikel(store, "3", D(2024, 7, 1))
    assert "€ 1000" in artikel(store, "4", D(2024, 8, 31))
    assert "€ 1300" in artikel(store, "4", D(2024, 9, 1))
    reasons = [s["reason"] for s in text_on(store, "PROEF", D(2024, 9, 1)).version.sources]
    assert reasons == ["ARTIKEL I: its intro gives the date (met ingang van 2024-09-01)"]


# --------------------------------------------------------------------------- the seed's dates


SEED_DATES = [  # (valid from, valid until, known from, known until) of every version
    ("1996-12-31", None, "0001-01-01", "1996-12-23"),
    ("1996-12-31", "1997-01-01", "1996-12-23", None),
    ("1997-01-01", "1999-01-01", "1996-12-23", "1998-04-28"),
    ("1997-01-01", None, "1998-04-28", None),
    ("1999-01-01", None, "1996-12-23", "1998-04-28"),
]


@pytest.mark.parametrize("law", ["BWBR0003420", "BWBR0003549", "BWBR0002399"])
def test_the_seed_act_still_gives_every_date_it_gave(corpus_store_path, law):
    """WBO, ISOVSO and WVO on 1996-12-31, 1997-01-01 and 1999-01-01, as known before and
    after the Wet van 2 april 1998 (published 1998-04-28) left ARTIKELEN VI-VIII to a law."""
    store = Store(corpus_store_path)
    try:
        found = [(v.valid_from, v.valid_until, v.known_from, v.known_until)
                 for v in store.all_versions(law)]
    finally:
        store.close()
    assert found == SEED_DATES
