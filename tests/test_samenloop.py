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


# --------------------------------------------------------------------------- the samenloop grammar

import json  # noqa: E402

from consolidator.errors import ActSyntaxError  # noqa: E402
from consolidator.read.samenloop import read_samenloop_text  # noqa: E402

BILL = ("het bij koninklijke boodschap van 3 juni 2022 ingediende voorstel van wet tot wijziging "
        "van de Proefwet (differentiatie subsidie) (Kamerstukken 36 301)")


def _part(artikel, onderdeel="", punt=""):
    return {"artikel": artikel, "onderdeel": onderdeel, "punt": punt}


def test_model_1_earlier_this_act_changed():
    found = read_samenloop_text(
        f"Indien {BILL} tot wet is of wordt verheven en artikel I, onderdeel C, van die wet "
        "eerder in werking is getreden of treedt dan artikel II van deze wet, wordt artikel II "
        "van deze wet als volgt gewijzigd:")
    assert found["kind"] == "earlier"
    assert found["other"]["kamerstuk"] == "36 301" and found["other"]["submitted"] == "2022-06-03"
    assert found["other"]["title"] == "tot wijziging van de Proefwet (differentiatie subsidie)"
    assert found["other_parts"] == [_part("I", "C")] and found["this_parts"] == [_part("II")]
    assert found["effect"] == {"kind": "amend", "act": "this-act", "parts": [_part("II")]}


def test_model_2_later_the_other_act_changed():
    found = read_samenloop_text(f"Indien {BILL} tot wet is of wordt verheven en die wet later in "
                                "werking treedt dan deze wet, wordt die wet als volgt gewijzigd:")
    assert (found["kind"], found["effect"]["act"]) == ("later", "other-act")


def test_model_3_the_numbered_form_has_a_head_and_branches():
    found = read_samenloop_text(
        f"Indien {BILL} tot wet is of wordt verheven en artikel I van die wet:\n"
        "1. eerder in werking treedt of is getreden dan artikel II van deze wet, wordt artikel II "
        "van deze wet als volgt gewijzigd:\n"
        "2. later in werking treedt dan artikel II van deze wet, wordt die wet als volgt "
        "gewijzigd:")
    assert found["kind"] is None and found["effect"] is None
    first, second = found["branches"]
    assert (first["kind"], first["effect"]["act"], first["other"]["kamerstuk"]) == (
        "earlier", "this-act", "36 301")
    assert (second["kind"], second["effect"]["act"], second["other_parts"]) == (
        "later", "other-act", [_part("I")])


def test_the_kamerstukken_ii_citation_and_the_staatsblad():
    cited = read_samenloop_text(
        "Indien het bij koninklijke boodschap van 3 juni 2022 ingediende voorstel van wet tot "
        "wijziging van de Proefwet (Kamerstukken II 2022/23, 36 301, nr. 2) tot wet is of wordt "
        "verheven en die wet in werking treedt, wordt deze wet als volgt gewijzigd:")
    assert (cited["kind"], cited["other"]["kamerstuk"]) == ("in-force", "36 301")
    by_stb = read_samenloop_text(
        "Indien artikel I van de Wet van 5 maart 2024 tot wijziging van de Proefwet (Stb. 2024, "
        "88) eerder in werking is getreden of treedt dan deze wet, wordt deze wet als volgt "
        "gewijzigd:")
    assert by_stb["other"]["stb"] == "2024, 88" and by_stb["other"]["kind"] == "act"
    assert by_stb["other"]["title"] == "Wet van 5 maart 2024 tot wijziging van de Proefwet"


def test_a_novelle_and_the_seed_forms():
    novelle = read_samenloop_text(f"Indien {BILL} tot wet wordt verheven, wordt die wet als "
                                  "volgt gewijzigd:")
    assert (novelle["kind"], novelle["effect"]["act"]) == ("enacted", "other-act")
    seed = (ROOT / "corpus" / "acts" / "stb-1996-649.txt").read_text("utf-8").splitlines()
    x, xi = [line.replace(")5 ", ") ") for line in seed
             if line.startswith("Indien deze wet in werking treedt")]
    assert read_samenloop_text(x)["kind"] == "on-or-after"
    assert read_samenloop_text(xi)["kind"] == "not-yet"
    assert read_samenloop_text(xi)["other"]["submitted"] == "1996-06-19"


def test_the_samenloop_sentences_of_the_devcorpus_are_read():
    records = [json.loads(line) for line in
               (ROOT / "tests" / "fixtures" / "devcorpus" / "sentences.jsonl").open(encoding="utf-8")]
    found = [read_samenloop_text(r["text"]) for r in records
             if r["expect"]["kind"] == "samenloop" and r["expect"]["ok"]]
    assert [f["kind"] for f in found] == ["in-force", "on-or-after", "in-force", "in-force"]
    assert found[0]["other_parts"] == [_part("I", "E", "1"), _part("I", "FA"), _part("I", "L"),
                                       _part("I", "BBBA")]
    assert found[0]["effect"]["parts"] == [_part("24")]
    assert found[2]["effect"] == {"kind": "other", "text": "berust dit besluit op artikel 8, "
                                                          "achttiende lid, van de Wet."}


@pytest.mark.parametrize("text, at", [
    (f"Indien {BILL} tot wet is of wordt verheven en die wet eerder in werking treedt dan deze "
     "wet, wordt deze wet als volgt.", "wordt deze wet als volgt."),
    ("Indien een gemeente geen school in stand houdt, stelt de gemeenteraad vast.",
     "een gemeente"),
])
def test_what_is_not_a_samenloop_clause_is_refused_with_its_column(text, at):
    with pytest.raises(ActSyntaxError) as found:
        read_samenloop_text(text)
    assert found.value.column == text.index(at) + 1
