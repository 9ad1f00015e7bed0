"""Time: which parts of which acts change a law, from when, as known when.

The seed act (Stb. 1996, 649) with the 1998 act that changed its ARTIKEL XII,
and synthetic acts (tests/fixtures/time) for retroactivity and a decree."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from consolidator.law import lawtext
from consolidator.read.act import parse_act_file
from consolidator.store.corpus import law_input
from consolidator.errors import TimeError
from consolidator.time.facts import ActFact, load_facts
from consolidator.store.db import Store
from consolidator.time.timeline import plan
from consolidator.store.query import text_on
from consolidator.store.versions import LawInput, build_law, first_difference

D = dt.date
TIME = ROOT / "tests" / "fixtures" / "time"
ACT_1998 = ROOT / "corpus" / "acts" / "stb-1998-wpo-wec-excerpt.txt"
FACTS = load_facts(ROOT / "corpus" / "facts.toml")
WBO = ROOT / "corpus" / "BWBR0003420" / "base.xml"


@pytest.fixture(scope="module")
def act_1998():
    return parse_act_file(ACT_1998)


@pytest.fixture(scope="module")
def wbo():
    return law_input(WBO)


def _events(found):
    return [(e.valid_from, e.label) for e in found.events]


def test_seed_articles_take_effect_on_1_january_1997_and_vi_two_years_later(seed_act, wbo):
    found = plan(set(wbo.names), [seed_act], FACTS)
    dates = {e.valid_from for e in found.events if e.article.number == "I"}
    assert dates == {D(1997, 1, 1)}
    vi = [e for e in found.events if e.article.number == "VI"]
    assert [e.valid_from for e in vi] == [D(1999, 1, 1)]
    assert "ARTIKEL XII" in vi[0].reason


def test_the_1998_act_takes_vi_out_only_as_known_after_its_publication(seed_act, act_1998, wbo):
    acts = [seed_act, act_1998]
    before = plan(set(wbo.names), acts, FACTS, known_at=D(1998, 4, 27))
    after = plan(set(wbo.names), acts, FACTS, known_at=D(1998, 4, 28))
    assert any(e.article.number == "VI" for e in before.events)
    assert not any(e.article.number == "VI" for e in after.events)
    assert any("ARTIKEL VI" in n and "waits for" in n for n in after.notes)
    assert first_difference(before.events, after.events) == D(1999, 1, 1)


def test_samenloop_branches_are_reported(seed_act, wbo):
    notes = plan(set(wbo.names), [seed_act], FACTS).notes
    xi = [n for n in notes if "ARTIKEL XI " in n]
    x = [n for n in notes if "ARTIKEL X " in n]
    assert xi and "applies" in xi[0] and "1997-02-01" in xi[0]
    assert x and "not applied" in x[0]


def test_samenloop_without_facts_is_undecided_not_guessed(seed_act, wbo):
    with pytest.raises(TimeError, match="ARTIKEL X .*cannot decide: no facts about Kamerstukken "
                                        "24 138"):
        plan(set(wbo.names), [seed_act], [])


def test_the_samenloop_branch_that_amends_this_act_changes_it_before_it_takes_effect(seed_act,
                                                                                    wbo):
    earlier = [ActFact(stb="1996, 580", kamerstukken="24 138", published=D(1996, 11, 1),
                       in_force=D(1996, 12, 1))]
    found = plan(set(wbo.names), [seed_act], earlier)
    added = [e for e in found.events if e.parts[0].onderdeel == "A1"]
    assert [(e.valid_from, e.article.number) for e in added] == [(D(1997, 1, 1), "I")]
    assert added[0].amended == ("Stb. 1996, 649, ARTIKEL X (samenloop)",)
    assert any(n.startswith("Stb. 1996, 649, ARTIKEL X (samenloop): applies") for n in found.notes)


def test_an_act_is_unknown_before_its_publication(seed_act, wbo):
    assert plan(set(wbo.names), [seed_act], FACTS, known_at=D(1996, 12, 22)).events == []


# --------------------------------------------------------------------------- synthetic acts

def _testwet() -> LawInput:
    tree = lawtext.parse_law_text((TIME / "testwet.txt").read_text("utf-8"), bwb_id="BWBRTEST",
                                  date=D(1999, 12, 31))
    return LawInput("BWBRTEST", tree, "testwet.txt", frozenset({"testwet"}))


def _acts(*names):
    return [parse_act_file(TIME / f"{name}.txt") for name in names]


def _store(tmp_path, acts):
    store = Store(tmp_path / "store.sqlite", create=True)
    build_law(store, _testwet(), acts, [])
    return store


def _artikel(store, date, known=None, nr="1"):
    answer = text_on(store, "BWBRTEST", date, known)
    return lawtext.render_law_text(answer.tree, artikel=nr)


def test_a_retroactive_act_read_at_two_knowledge_dates(tmp_path):
    store = _store(tmp_path, _acts("stb-2000-100"))
    # on 1 March 2000 as known on 31 May: the old text; as known from 1 June: the new one
    assert "stelt regels" in _artikel(store, D(2000, 3, 1), D(2000, 5, 31))
    assert "stelt nadere regels" in _artikel(store, D(2000, 3, 1), D(2000, 6, 1))
    assert "stelt nadere regels" in _artikel(store, D(2000, 3, 1))
    assert "stelt regels" in _artikel(store, D(1999, 12, 31))
    # the superseded version stays in the history
    assert len(store.all_versions("BWBRTEST")) == 3


def test_a_date_left_to_a_decree_waits_for_the_decree(tmp_path):
    without = _store(tmp_path, _acts("stb-2000-200"))
    assert "De gemeente" in _artikel(without, D(2005, 1, 1), nr="2")
    assert any("waits for" in n for n in text_on(without, "BWBRTEST", D(2005, 1, 1)).notes)
    without.close()
    (tmp_path / "store.sqlite").unlink()
    store = _store(tmp_path, _acts("stb-2000-200", "stb-2000-300"))
    assert "Het Rijk" in _artikel(store, D(2000, 10, 1), nr="2")
    assert "De gemeente" in _artikel(store, D(2000, 9, 30), nr="2")
    # before the decree was published, the date was not known
    assert "De gemeente" in _artikel(store, D(2000, 10, 1), D(2000, 9, 14), nr="2")


def test_one_onderdeel_later_than_the_rest(tmp_path):
    store = _store(tmp_path, _acts("stb-2001-10"))
    assert "tweejaarlijks" in _artikel(store, D(2001, 3, 1))
    assert "De gemeente" in _artikel(store, D(2001, 3, 1), nr="2")
    assert "vervallen" in _artikel(store, D(2002, 3, 1), nr="2").lower() or \
        "De gemeente" not in _artikel(store, D(2002, 3, 1), nr="2")


def test_a_date_before_the_base_text_is_refused(tmp_path):
    store = _store(tmp_path, _acts("stb-2000-100"))
    with pytest.raises(TimeError, match="no text before 1999-12-31"):
        text_on(store, "BWBRTEST", D(1999, 1, 1))


def test_a_change_before_the_base_date_is_refused(tmp_path):
    law = _testwet()
    tree = lawtext.parse_law_text((TIME / "testwet.txt").read_text("utf-8"), bwb_id="BWBRTEST",
                                  date=D(2000, 6, 30))
    store = Store(tmp_path / "s.sqlite", create=True)
    with pytest.raises(TimeError, match="not after the base text"):
        build_law(store, LawInput(law.law_id, tree, "t", law.names), _acts("stb-2000-100"), [])
