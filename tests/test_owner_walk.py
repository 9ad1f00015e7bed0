"""``workspace._owner_in`` and ``elements.has_ancestor`` walk up by ``getparent``: held
here to the walks over ``iterancestors`` they replaced (the general way) for every
element of random trees, removed subtrees and roots other than the document's among
them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply.workspace import _OWNER_TAGS, _owner_in
from consolidator.law.elements import has_ancestor

TAGS = ["li", "lid", "artikel", "hoofdstuk", "al", "lijst", "kop", "wettekst", "toestand",
        "officiele-inhoudsopgave", "paragraaf", "nr"]


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
