"""Golden files: the corpus laws after ARTIKELEN I–IV and IX of Stb. 1996, 649 equal the
texts in corpus/expected/, which were written by hand from the act (not by the engine)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from consolidator.law import lawfile
from consolidator.apply.sentences import apply_articles
from consolidator.law.lawtext import render_law_text

CASES = [("BWBR0003420", "I"), ("BWBR0003549", "II"), ("BWBR0002399", "III"),
         ("OISOVSO", "IV"), ("STB-1996-403", "IX")]


@pytest.mark.parametrize("folder,article", CASES, ids=[f"{f}-{a}" for f, a in CASES])
def test_law_after_article_equals_hand_written_text(seed_act, folder, article):
    base = lawfile.parse_law(ROOT / "corpus" / folder / "base.xml")
    after = apply_articles(base, [seed_act.article(article)], "Stb. 1996, 649")
    expected = (ROOT / "corpus" / "expected" / f"{folder}_after-{article}.txt").read_text("utf-8")
    assert render_law_text(after) == expected
    assert lawfile.validate(after) == []


def test_input_tree_is_left_untouched(seed_act):
    base = lawfile.parse_law(ROOT / "corpus" / "BWBR0003420" / "base.xml")
    before = lawfile.serialize(base)
    apply_articles(base, [seed_act.article("I")], "Stb. 1996, 649")
    assert lawfile.serialize(base) == before
