"""Samenloop decisions and the facts file they read."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from consolidator.errors import TimeError
from consolidator.time.facts import ActFact, find_fact, load_facts
from consolidator.time.samenloop import decide

D = dt.date
STB_580 = ActFact(stb="1996, 580", kamerstukken="24 138", enacted=D(1996, 11, 14),
                  published=D(1996, 12, 10), in_force=D(1997, 2, 1))


def test_the_corpus_facts_file_names_stb_1996_580_with_its_dates():
    facts = load_facts(ROOT / "corpus" / "facts.toml")
    fact = find_fact(facts, "Kamerstukken 24 138 (Stb. 1996, 580)")
    assert (fact.enacted, fact.published, fact.in_force) == (
        D(1996, 11, 14), D(1996, 12, 10), D(1997, 2, 1))
    assert find_fact(facts, "Kamerstukken 24 138") == fact
    assert find_fact(facts, "Stb. 1996, 580") == fact
    assert find_fact(facts, "Stb. 1996, 581") is None


def test_seed_xi_applies_and_x_does_not_on_1_january_1997():
    xi = decide("not-yet", "Stb. 1996, 580", D(1997, 1, 1), STB_580, None)
    x = decide("on-or-after", "Stb. 1996, 580", D(1997, 1, 1), STB_580, None)
    assert xi.applies is True and "1997-02-01" in xi.reason and "after" in xi.reason
    assert x.applies is False


def test_the_other_branch_holds_when_the_other_act_came_first():
    earlier = ActFact(stb="1996, 580", in_force=D(1996, 12, 1), published=D(1996, 11, 20))
    assert decide("on-or-after", "x", D(1997, 1, 1), earlier, None).applies is True
    assert decide("not-yet", "x", D(1997, 1, 1), earlier, None).applies is False
    same_day = ActFact(stb="1996, 580", in_force=D(1997, 1, 1))
    assert decide("on-or-after", "x", D(1997, 1, 1), same_day, None).applies is True


def test_an_other_act_without_a_date_is_not_in_force():
    pending = ActFact(stb="1996, 580", enacted=D(1996, 11, 14), published=D(1996, 12, 10))
    assert decide("not-yet", "x", D(1997, 1, 1), pending, None).applies is True
    assert decide("on-or-after", "x", D(1997, 1, 1), pending, None).applies is False


@pytest.mark.parametrize("this, fact, known, missing", [
    (None, STB_580, None, "own date"),
    (D(1997, 1, 1), None, None, "no facts about Stb. 1996, 580"),
])
def test_undecided_names_what_is_missing(this, fact, known, missing):
    decision = decide("not-yet", "Stb. 1996, 580", this, fact, known)
    assert decision.applies is None and missing in decision.reason


def test_an_act_not_yet_published_counts_as_not_in_force():
    # as known before Stb. 1996, 580 was published, it was not in force: XI held, X not
    xi = decide("not-yet", "Stb. 1996, 580", D(1997, 1, 1), STB_580, D(1996, 12, 1))
    x = decide("on-or-after", "Stb. 1996, 580", D(1997, 1, 1), STB_580, D(1996, 12, 1))
    assert xi.applies is True and x.applies is False
    assert xi.reason.startswith("as known on 1996-12-01, Stb. 1996, 580 was not yet published")


def test_a_bad_facts_file_is_a_clear_error(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text('[[act]]\nstb = "1996, 580"\nin_force = "soon"\n', "utf-8")
    with pytest.raises(TimeError, match="in_force must be a date"):
        load_facts(path)
    path.write_text('[[act]]\nstb = "1996, 580"\nwhen = 1997-01-01\n', "utf-8")
    with pytest.raises(TimeError, match="unknown field"):
        load_facts(path)
    path.write_text('[[act]\n', "utf-8")
    with pytest.raises(TimeError, match="cannot be read"):
        load_facts(path)
    assert load_facts(tmp_path / "absent.toml") == []
