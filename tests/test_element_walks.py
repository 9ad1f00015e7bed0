"""Walks over lxml elements without lxml's iterators, held to the iterator walks they
replaced (the general way, kept here) on random trees: ``workspace._owner_in`` and
``elements.has_ancestor`` walk up by ``getparent`` (removed subtrees and roots other than
the document's among the cases); ``resolve.text_parts`` reads a holder whose children
have no children by ``getnext``."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply.resolve import _all_parts, text_parts
from consolidator.apply.workspace import _OWNER_TAGS, _owner_in
from consolidator.law.elements import has_ancestor

TAGS = ["li", "lid", "artikel", "hoofdstuk", "al", "lijst", "kop", "wettekst", "toestand",
        "officiele-inhoudsopgave", "paragraaf", "nr", "al", "lidnr", "redactie", "al"]


def general_owner_in(el, root):
    owner = el if el.tag in _OWNER_TAGS else None
    if el is root:
        return owner
    ancestors = el.iterancestors()
    if owner is None:
        for node in ancestors:
            if node.tag in _OWNER_TAGS:
                owner = node
                break
            if node is root:
                return None
        else:
            return None
        if owner is root:
            return owner
    for node in ancestors:
        if node is root:
            return owner
    return None


# a tree: a tag and its children, each a tree
TREES = st.recursive(st.tuples(st.sampled_from(TAGS), st.just(())),
                     lambda kids: st.tuples(st.sampled_from(TAGS),
                                            st.lists(kids, max_size=3).map(tuple)),
                     max_leaves=25)


def _built(tree, parent=None):
    tag, children = tree
    el = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
    if tag == "nr":  # a comment among the children, as laws have them
        el.append(etree.Comment("c"))
    if tag == "redactie":  # a repeal text, so that some holders are repealed
        el.set("type", "vervanging")
        el.text = "Vervallen."
    if tag == "kop":  # and a processing instruction
        el.append(etree.ProcessingInstruction("p"))
    for child in children:
        _built(child, el)
    return el


@settings(max_examples=300, deadline=None)
@given(TREES, st.data())
def test_owner_in_as_the_general_walk(tree, data):
    top = _built(tree)
    everything = list(top.iter())
    removed = data.draw(st.sampled_from(everything))
    root = data.draw(st.sampled_from(everything))
    if removed.getparent() is not None and data.draw(st.booleans()):
        removed.getparent().remove(removed)  # a subtree out of the tree, still alive
    for el in everything:
        for under in (root, top):
            assert _owner_in(el, under) is general_owner_in(el, under)


@settings(max_examples=200, deadline=None)
@given(TREES, st.data())
def test_has_ancestor_as_iterancestors(tree, data):
    """``elements.has_ancestor`` (the walks of ``postelements`` and ``renumbering``) says
    what a search of ``iterancestors`` says, for every pair of elements."""
    top = _built(tree)
    everything = list(top.iter())
    removed = data.draw(st.sampled_from(everything))
    if removed.getparent() is not None:
        removed.getparent().remove(removed)
    for el in everything:
        for other in everything:
            assert has_ancestor(el, other) is any(a is other for a in el.iterancestors())


def general_text_parts(holder):
    return _all_parts(holder)


def _same_parts(found, general):
    return len(found) == len(general) and all(
        a is b and f == g for (a, f), (b, g) in zip(found, general))


@settings(max_examples=300, deadline=None)
@given(TREES)
def test_text_parts_as_iter(tree):
    top = _built(tree)
    for holder in top.iter():
        if isinstance(holder.tag, str):
            assert _same_parts(text_parts(holder), general_text_parts(holder))


def test_text_parts_of_the_usual_holders():
    """The usual lid and list item, and the holders the walk leaves to ``iter``."""
    lid = etree.fromstring("<lid><lidnr>1</lidnr><al>a</al><al>b</al></lid>")
    assert _same_parts(text_parts(lid), [(lid[1], False), (lid[2], False)])
    li = etree.fromstring("<li><li.nr>a.</li.nr><al>a</al><!--c--><al>b</al></li>")
    assert _same_parts(text_parts(li), general_text_parts(li))
    for xml in ("<al>x<nadruk>y</nadruk></al>", "<al/>", "<lid/>",
                "<lid><lidnr>1</lidnr><al>a<al>b</al></al></lid>",
                "<lid><lidnr>1</lidnr><al>a</al><lijst><li><li.nr>a.</li.nr><al>b</al></li>"
                "</lijst></lid>"):
        holder = etree.fromstring(xml)
        assert _same_parts(text_parts(holder), general_text_parts(holder))
