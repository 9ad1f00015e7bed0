"""Amending the text of another act's non-amending ARTIKEL (its entry into force)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from consolidator.read.act import parse_act, parse_act_file
from consolidator.apply.actedit import amend_article
from consolidator.errors import TargetNotFound

ACT_1998 = ROOT / "corpus" / "acts" / "stb-1998-wpo-wec-excerpt.txt"


def test_the_1998_act_leaves_the_date_of_articles_vi_to_viii_to_a_law(seed_act):
    xxi = parse_act_file(ACT_1998).article("XXI")
    new = amend_article(seed_act.article("XII"), xxi, "Wet van 2 april 1998")
    assert new.text[1] == ("2. De artikelen VI, VII en VIII van deze wet treden in werking met "
                           "ingang van een bij wet te bepalen tijdstip.")
    assert new.text[0] == seed_act.article("XII").text[0].lstrip(" •")
    assert new.number == "XII" and new.kind == "entry-into-force"


def test_an_excerpt_act_jumps_over_left_out_articles():
    act = parse_act_file(ACT_1998)
    assert [a.number for a in act.articles] == ["XXI", "LVI"]
    assert act.article("LVI").kind == "entry-into-force"
    assert act.published.isoformat() == "1998-04-28"


def test_words_not_in_the_article_are_refused(seed_act):
    text = ACT_1998.read_text("utf-8").replace("«1 januari 1999»", "«1 januari 2001»")
    xxi = parse_act(text, source="changed.txt").article("XXI")
    with pytest.raises(TargetNotFound, match="1 januari 2001"):
        amend_article(seed_act.article("XII"), xxi, "Wet van 2 april 1998")
