"""The article index: each article's number as ``artikel_number`` reads it, every article of
the wettekst in document order, found by number as ``resolve`` compares numbers."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.law.artindex import (
    ArticleIndex, _by_key, _numbered_articles, index_key, number_key,
)
from consolidator.law.elements import artikel_number, iter_articles

# Every shape of kop the index must read as ``artikel_number`` does: a plain
# nr, a nr with markup, a blank nr, the number in the label (older BWB), no kop, a second
# nr and a second kop, a nested nr inside the kop before its own, an artikel inside an
# artikel before and after its kop, a kop below the artikel before its own, and a heading's
# kop/nr after an article without one.
LAW = """<toestand><wetgeving><wet-besluit><wettekst>
<hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr></kop>
<artikel><kop><label>Artikel</label><nr> 1 </nr></kop><al>a</al></artikel>
<artikel><kop><label>Artikel</label><nr>2<i>a</i></nr></kop><al>b</al></artikel>
<artikel><kop><label>Artikel</label><nr>  </nr></kop><al>c</al></artikel>
<artikel><kop><label>Artikel 3b</label></kop><al>d</al></artikel>
<artikel><al>e</al></artikel>
<artikel><kop><label>Artikel</label><nr>4</nr><nr>5</nr></kop><kop><nr>6</nr></kop></artikel>
<artikel><kop><titel><nr>7</nr></titel><nr>8</nr></kop></artikel>
<artikel><artikel><kop><nr>9</nr></kop></artikel><kop><nr>10</nr></kop></artikel>
<artikel><kop><nr>11</nr></kop><artikel><kop><nr>12</nr></kop></artikel></artikel>
<artikel><meta-data><kop><nr>13</nr></kop></meta-data><kop><nr>14</nr></kop></artikel>
<artikel><al>f</al></artikel>
</hoofdstuk>
<hoofdstuk><kop><label>Hoofdstuk</label><nr>2</nr></kop>
<artikel><meta-data/><kop><label>Artikel</label><nr>III</nr></kop></artikel>
</hoofdstuk>
</wettekst></wet-besluit></wetgeving></toestand>"""


def test_every_article_of_the_wettekst_with_its_number_in_document_order():
    """An outer article before the one inside it, whose number comes first in the text; the
    kop's own nr, not one nested deeper or in a second kop; the label's number where the
    kop has no nr; a blank number where nothing names one."""
    tree = etree.ElementTree(etree.fromstring(LAW))
    got = _numbered_articles(tree)
    assert [nr for _, nr in got] == ["1", "2a", "", "3b", "", "4", "8", "10", "9", "11", "12",
                                     "14", "", "III"]
    assert [el for el, _ in got] == list(iter_articles(tree))


def test_index_finds_by_number_in_document_order():
    tree = etree.ElementTree(etree.fromstring(LAW))
    index = ArticleIndex(tree)
    assert [artikel_number(el) for el in index.find("3")] == ["III"]
    assert [artikel_number(el) for el in index.find("2a")] == ["2a"]
    assert index.find("7") == [] and len(index.find("8")) == 1


def _number_by_find(el) -> str:
    """``artikel_number`` as the documentation says it, with lxml's ``find``: the first kop's
    first nr, its text with white space collapsed, else the kop's words."""
    nr = el.find("kop").find("nr") if el.find("kop") is not None else None
    if nr is not None and len(nr) == 0 and nr.text and nr.text.split():
        return " ".join(nr.text.split())
    kop = el.find("kop")
    if kop is None:
        return ""
    parts = {tag: " ".join("".join(kop.find(tag).itertext()).split())
             for tag in ("label", "nr") if kop.find(tag) is not None}
    if parts.get("nr"):
        return parts["nr"]
    label = parts.get("label", "")
    return label.split(" ", 1)[1] if " " in label else ""


_CHILD = st.sampled_from(["<label>Artikel</label>", "<label>Artikel 4c</label>", "<nr>5</nr>",
                          "<nr> 6 a </nr>", "<nr>7<i>b</i></nr>", "<nr> </nr>",
                          "<titel>Opschrift</titel>", "<!-- c -->", "<?pi x?>"])
_OUTER = st.sampled_from(["<al>tekst</al>", "<meta-data/>", "<!-- c -->", "<lid/>"])


@settings(max_examples=300, deadline=None)
@given(before=st.lists(_OUTER, max_size=2), kop=st.lists(_CHILD, max_size=4),
       has_kop=st.booleans(), after=st.lists(_OUTER, max_size=2))
@example(before=[], kop=["<nr>5</nr>", "<nr>6</nr>"], has_kop=True, after=[])
@example(before=["<!-- c -->"], kop=["<!-- c -->", "<nr>5</nr>"], has_kop=True, after=[])
@example(before=[], kop=["<label>Artikel 4c</label>", "<titel>Opschrift</titel>"], has_kop=True,
         after=[])
def test_artikel_number_reads_the_first_kop_and_its_first_nr(before, kop, has_kop, after):
    """The look at the usual positions (``el[0]``, ``kop[1]``) gives what a search gives."""
    inner = "".join(before) + (f"<kop>{''.join(kop)}</kop>" if has_kop else "") + "".join(after)
    el = etree.fromstring(f"<artikel>{inner}</artikel>")
    assert artikel_number(el) == _number_by_find(el)


_KOPS = st.sampled_from([
    "<kop><label>Artikel</label><nr>{n}</nr></kop>", "<kop><label>Artikel</label><nr> {n} </nr></kop>",
    "<kop><label>Artikel</label><nr>{n}a</nr></kop>", "<kop><label>Artikel {n}</label></kop>",
    "<kop><nr>{n}</nr><label>Artikel</label></kop>", "<kop><label>Artikel</label><nr>{n}<i>b</i></nr></kop>",
    "<kop><label>Artikel</label><!-- c --><nr>{n}</nr></kop>", "<kop><label>Artikel</label></kop>",
    "<kop><label>Artikel</label><nr>{n}</nr><nr>9</nr></kop>", "<meta-data/><kop><nr>{n}</nr></kop>",
    "<kop><titel>t</titel><nr>{n}</nr></kop>", "<kop><label>Artikel</label><nr>0{n}</nr></kop>",
    "<kop><label>Artikel</label><nr>²</nr></kop>", "<kop><label>Artikel</label><nr>IV</nr></kop>",
    "<kop><label>Artikel</label><nr>٣</nr></kop>", "<kop><label>Artikel</label><nr>00</nr></kop>",
    "", "<kop/>", "<kop><label>Artikel</label><nr/></kop>"])


@settings(max_examples=200, deadline=None)
@given(kops=st.lists(st.tuples(_KOPS, st.integers(1, 4)), max_size=8))
def test_index_groups_articles_as_number_key_of_artikel_number(kops):
    """The index's own look at the usual kop groups the articles as
    ``number_key(artikel_number(el))`` does, under their ``index_key``, in document order."""
    body = "".join(f"<artikel>{kop.format(n=n)}<al>x</al></artikel>" for kop, n in kops)
    tree = etree.ElementTree(etree.fromstring(
        f"<toestand><wetgeving><wet-besluit><wettekst>{body}</wettekst></wet-besluit>"
        "</wetgeving></toestand>"))
    general: dict = {}
    for el in iter_articles(tree):
        general.setdefault(number_key(artikel_number(el)), []).append(el)
    assert _by_key(tree) == {index_key(artikel_number(found[0])): tuple(found)
                             for found in general.values()}
