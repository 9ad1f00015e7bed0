"""The units views compare (consolidator/views/units.py): an article's digest stands for
everything its text is made of, the article ``show --artikel`` prints is found through the
index as ``find_article`` finds it, and the orders and periods made in one pass are the
ones the scans made."""
from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path

import pytest

from consolidator.law import elements, history, lawfile, lawtext
from consolidator.law.artindex import ArticleIndex
from consolidator.views.redline import _merged_order, compare
from consolidator.views.units import UnitReader, units

DHW = Path(__file__).resolve().parent.parent / "corpus" / "bwb" / "BWBR0002458"
D1997, D1998 = dt.date(1997, 1, 1), dt.date(1998, 1, 1)


def _law(text: str):
    return lawtext.parse_law_text(text, bwb_id="BWBRTEST", date=dt.date(1996, 1, 1))


def _twice(repealed_first: bool = True):
    """A law whose articles 1 and 2 both end up numbered 1: the first repealed (or the
    second), the live one with a repealed lid whose date only the change list holds."""
    tree = _law("Testwet\nArtikel 1\nDe eerste tekst.\nArtikel 2\n1. Het eerste lid.\n"
                "2. Het tweede lid.\n")
    first, second = elements.iter_articles(tree)
    history.mark_repealed(second.findall("lid")[1], D1997, "Stb. 1996, 1")
    history.mark_repealed(first if repealed_first else second, D1997, "Stb. 1996, 2")
    second.find("kop/nr").text = "1"
    return tree


def _texts(tree) -> dict[str, str]:
    return {u.key: u.text for u in units(tree) if u.kind == "artikel"}


@pytest.mark.parametrize("repealed_first", [True, False])
def test_preferred_is_find_article(repealed_first):
    tree = _twice(repealed_first)
    index = ArticleIndex(tree)
    for number in ("1", "2", "01", "I", ""):
        assert index.preferred(number) is elements.find_article(tree, number)
    live = index.preferred("1")
    assert live is not None and not elements.is_repealed(live)


def test_preferred_exact_number_and_order():
    tree = _law("Testwet\nArtikel E 24\nTekst een.\nArtikel 3\nTekst twee.\nArtikel 4\nTekst drie.\n")
    arts = list(elements.iter_articles(tree))
    arts[2].find("kop/nr").text = "3"          # two live articles 3: the first is shown
    index = ArticleIndex(tree)
    assert index.preferred("3") is arts[1] is elements.find_article(tree, "3")
    assert index.preferred("E24") is None is elements.find_article(tree, "E24")
    assert index.preferred("E 24") is arts[0]


@pytest.mark.parametrize("repealed_first", [True, False])
def test_duplicate_numbers_shown_as_show_does(repealed_first):
    tree = _twice(repealed_first)
    texts = _texts(tree)
    assert set(texts) == {"artikel 1", "artikel 1 #2"}
    live = elements.find_article(tree, "1")
    shown = lawtext.render_law_text(tree, artikel="1").rstrip("\n")
    live_key = "artikel 1 #2" if repealed_first else "artikel 1"
    assert texts[live_key] == shown
    if repealed_first:  # the live one has the repealed lid, dated from the change list
        assert "2. [Vervallen per 1997-01-01]" in shown
    else:  # the repealed one is shown on its own: its lid's date is not in that document
        assert texts["artikel 1 #2"] == "Artikel 1 [Vervallen per 1997-01-01]"
    assert not elements.is_repealed(live)


def test_choice_of_show_is_part_of_the_digest():
    """The same article XML reads differently when another article of its number becomes
    the one ``show --artikel`` prints: compare must not pass over it."""
    old = _twice(repealed_first=True)
    new = copy.deepcopy(old)
    first = next(elements.iter_articles(new))
    first.remove(first.find("al"))
    first.append(elements.make_al("Weer een tekst."))
    for name in ("status", "effect"):
        first.attrib.pop(name, None)
    changes = {c.key: c for c in compare(old, new)}
    assert set(changes) == {"artikel 1", "artikel 1 #2"}
    assert "2. [Vervallen]" in changes["artikel 1 #2"].new.split("\n")
    assert "2. [Vervallen per 1997-01-01]" in changes["artikel 1 #2"].old.split("\n")


def test_change_list_is_part_of_the_digest():
    """A repealed lid's date lives only in the change list: a new date there is a change
    of the article although its XML is the same."""
    old = _law("Testwet\nArtikel 1\n1. Een.\n2. Twee.\nArtikel 2\nDrie.\n")
    history.mark_repealed(old.find(".//artikel/lid[2]"), D1997, "Stb. 1996, 1")
    new = copy.deepcopy(old)
    label = new.find("bwb-wijzigingen/bwb-wijziging/label")
    label.set("inwerking", D1998.isoformat())
    changes = compare(old, new)
    assert [(c.key, c.change) for c in changes] == [("artikel 1", "changed")]
    assert "[Vervallen per 1998-01-01]" in changes[0].new
    assert compare(old, copy.deepcopy(old)) == []


def test_withdrawal_is_part_of_the_digest():
    old = _law("Testwet\nArtikel 1\nEen.\n")
    new = copy.deepcopy(old)
    history.mark_withdrawn(new, D1998, "Stb. 1997, 9")
    changes = {c.key: c for c in compare(old, new)}
    assert changes["artikel 1"].new == "" and changes["artikel 1"].old == "Artikel 1\nEen."


def test_reader_across_versions_reads_as_a_fresh_one():
    """One reader for every version of the DHW gives the units each version gives alone,
    and compare passing over equal digests lists what comparing every text lists."""
    trees = [lawfile.parse_law(path) for path in sorted(DHW.glob("BWBR0002458_*.xml"))]
    assert len(trees) >= 3
    reader = UnitReader()
    previous = None
    for tree in trees:
        mine = reader.units(tree)
        assert mine == units(tree)
        if previous is not None:
            assert compare(previous[0], tree) == compare(previous[0], tree, (), previous[1], mine)
        previous = (tree, mine)


def test_change_log_gives_what_a_search_gives():
    tree = _law("Testwet\nArtikel 1\n1. Een.\n2. Twee:\n  a. drie;\n  b. vier.\nArtikel 2\nVijf.\n")
    lid1, lid2 = tree.findall(".//artikel/lid")
    history.mark_changed(lid1, D1997, "Stb. 1996, 1")
    history.mark_changed(lid1, D1998, "Stb. 1997, 2")
    history.mark_changed(lid2.find("lijst/li"), None, "Stb. 1997, 3")  # no date: not listed
    history.mark_repealed(lid2.find("lijst/li[2]"), D1998, "Stb. 1997, 4")
    history.mark_changed(tree.find(".//artikel[2]"), D1998, "Stb. 1997, 5")
    log = history.change_log(tree)
    assert [c.source for c in log[lid1.get("id")]] == ["Stb. 1996, 1", "Stb. 1997, 2"]
    for el in tree.iter():
        if isinstance(el.tag, str):
            assert history.changes(el, log) == history.changes(el)


def _merged_order_by_scan(old: list[str], new: list[str]) -> list[str]:
    """The order as it was made before: each key only in the old list inserted after its
    nearest old predecessor, searched for in the list made so far."""
    order, present = list(new), set(new)
    for n, key in enumerate(old):
        if key in present:
            continue
        previous = next((k for k in reversed(old[:n]) if k in present), None)
        order.insert(order.index(previous) + 1 if previous is not None else 0, key)
        present.add(key)
    return order


def test_merged_order_is_the_scan():
    rng = random.Random(17)
    for _ in range(500):
        keys = [f"k{n}" for n in range(rng.randrange(12))]
        old = rng.sample(keys, rng.randrange(len(keys) + 1))
        new = rng.sample(keys, rng.randrange(len(keys) + 1))
        assert _merged_order(old, new) == _merged_order_by_scan(old, new)


def test_may_be_withdrawn_never_passes_over_a_withdrawn_text():
    from consolidator.store.query import may_be_withdrawn

    live = _law("Testwet\nArtikel 1\nEen.\nArtikel 2\nTwee.\n")
    history.mark_repealed(next(elements.iter_articles(live)), D1997, "Stb. 1996, 1")
    assert not may_be_withdrawn(lawfile.serialize(live))   # a repealed article is no withdrawal
    gone = copy.deepcopy(live)
    history.mark_withdrawn(gone, D1998, "Stb. 1997, 9")
    data = lawfile.serialize(gone)
    assert history.withdrawn(lawfile.parse_law(data)) is not None and may_be_withdrawn(data)
    escaped = data.replace(b'status="vervallen"', b'status="&#118;ervallen"', 1)
    assert history.withdrawn(lawfile.parse_law(escaped)) is not None and may_be_withdrawn(escaped)
    assert may_be_withdrawn(data.decode("utf-8").encode("utf-16"))   # no tag found: parse
