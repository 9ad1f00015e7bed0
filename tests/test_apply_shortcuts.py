"""The apply engine's shortcuts held to the general way they stand for: each answers what
a plain walk over the tree answers, for trees of every shape (elements removed from the
tree, owners above the root, roots of other tags)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply.workspace import _owner_in, history_owner

_TAGS = ["toestand", "wettekst", "hoofdstuk", "artikel", "lid", "al", "lijst", "li", "kop",
         "officiele-inhoudsopgave", "paragraaf"]


@st.composite
def _trees(draw):
    """A random tree of law tags, one element of it taken as the root of the «tree», and
    some of its elements removed (kept aside, as an instruction that removes one does)."""
    root = etree.Element(draw(st.sampled_from(_TAGS)))
    nodes = [root]
    for _ in range(draw(st.integers(0, 14))):
        parent = draw(st.sampled_from(nodes))
        nodes.append(etree.SubElement(parent, draw(st.sampled_from(_TAGS))))
    removed = []
    for node in draw(st.lists(st.sampled_from(nodes[1:]), max_size=2)) if len(nodes) > 1 else []:
        if node.getparent() is not None:
            node.getparent().remove(node)
            removed.append(node)
    top = draw(st.sampled_from(nodes))
    return nodes, top


def _within_by_walk(el, root) -> bool:
    """Whether root is el or above it."""
    return el is root or any(a is root for a in el.iterancestors())


def _owner_by_walk(el, root):
    """The owner as a walk from el up to the root finds it (None when the root is not
    above el, or no owner stands at or below the root)."""
    for node in [el, *el.iterancestors()]:
        if history_owner(node) is node:
            return node if _within_by_walk(el, root) else None
        if node is root:
            return None
    return None


@settings(max_examples=300, deadline=None)
@given(_trees())
def test_owner_in_is_the_walk_up(tree):
    nodes, root = tree
    for el in nodes:
        assert _owner_in(el, root) is _owner_by_walk(el, root)
