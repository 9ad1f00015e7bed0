"""Shortcuts in the apply's per-sentence bookkeeping, each held to the general way it
stands for (issue 17, point 4)."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply import resolve as R
from consolidator.errors import TargetNotFound
from consolidator.law.artindex import index_key, number_key
from consolidator.law.elements import lid_number
from consolidator.model import Step

_NUMBER = st.text(alphabet="0123456789 .aAbBiIvVxXlLcCdDmM٣²", max_size=5)


@settings(max_examples=1000, deadline=None)
@given(a=_NUMBER, b=_NUMBER)
@example(a="12", b="012")
@example(a="12", b="XII")
@example(a="3", b="٣")
@example(a="0", b="00")
@example(a="", b=".")
@example(a="5a", b="5A")
@example(a="1 2", b="12.")
def test_index_key_agrees_with_number_key(a, b):
    """The index's key names the same articles as ``number_key``: two numbers share an
    ``index_key`` exactly when they share a ``number_key``."""
    assert (index_key(a) == index_key(b)) == (number_key(a) == number_key(b))
    assert type(index_key(a)) is str


_LIDS = st.sampled_from([
    "<lid><lidnr>{n}</lidnr><al>x</al></lid>", "<lid><lidnr> {n}. </lidnr><al>x</al></lid>",
    "<lid><lidnr>{n}a</lidnr><al>x</al></lid>", "<lid><lidnr>0{n}</lidnr><al>x</al></lid>",
    "<lid><al>{n}</al><lidnr>{n}</lidnr></lid>", "<lid><al>{n}</al></lid>", "<lid><lidnr>{n}<i>b</i></lidnr></lid>",
    "<lid><!-- c --><lidnr>{n}</lidnr></lid>", "<lid/>", "<lid><lidnr/></lid>",
    "<lid><lidnr>٣</lidnr></lid>", "<al>{n}</al>", "<!-- c -->",
    "<lid status=\"vervallen\"><lidnr>{n}</lidnr></lid>"])


@settings(max_examples=500, deadline=None)
@given(lids=st.lists(st.tuples(_LIDS, st.integers(1, 3)), max_size=6),
       number=st.sampled_from(["1", "2", "3", "3a", "03", "٣", "III"]))
def test_lid_is_the_first_lid_of_that_number(lids, number):
    """``resolve._lid`` finds the first lid whose ``lid_number`` names ``number`` as
    ``_same_number`` compares them, or none."""
    artikel = etree.fromstring("<artikel><kop><nr>1</nr></kop>"
                               + "".join(lid.format(n=n) for lid, n in lids) + "</artikel>")
    wanted = next((el for el in artikel if el.tag == "lid"
                   and R._same_number(lid_number(el), number)), None)
    target = R.Target("artikel", artikel, "artikel 1")
    try:
        found = R._lid(None, target, Step("lid", number)).element
    except TargetNotFound:
        found = None
    assert found is wanted
