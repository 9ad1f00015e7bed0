"""The article index reads each article's number as ``artikel_number`` does, in one walk."""
from __future__ import annotations

from lxml import etree

from consolidator.law.artindex import ArticleIndex, _numbered_articles
from consolidator.law.elements import artikel_number, iter_articles

# Every shape of kop the walk must hand to ``artikel_number`` or read as it would: a plain
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


def test_one_walk_reads_every_number_as_artikel_number_does():
    tree = etree.ElementTree(etree.fromstring(LAW))
    want = [(el, artikel_number(el)) for el in iter_articles(tree)]
    got = list(_numbered_articles(tree))
    assert [nr for _, nr in got] == [nr for _, nr in want]
    assert all(a is b for (a, _), (b, _) in zip(got, want)) and len(got) == len(want)


def test_index_finds_by_number_in_document_order():
    tree = etree.ElementTree(etree.fromstring(LAW))
    index = ArticleIndex(tree)
    assert [artikel_number(el) for el in index.find("3")] == ["III"]
    assert [artikel_number(el) for el in index.find("2a")] == ["2a"]
    assert index.find("7") == [] and len(index.find("8")) == 1
