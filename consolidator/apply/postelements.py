"""Postconditions of the element kinds (see ``postwords`` for the pattern):

* a deleted article, lid, onderdeel or division is marked vervallen; a deleted volzin is
  one volzin fewer; a deleted opschrift, aanhef, alinea or entry is gone;
* a replaced element is gone and its replacement is in the law, under the number of the
  element it replaces (text elements: the new text, never empty);
* an inserted element is in the law once under its number, in order among its neighbours;
  an inserted volzin makes one more;
* a renumbered element carries its new number, and no live sibling shares it.

What a renumbering leaves in its group as a whole (gaps, doubles) is judged by
``renumbering.Renumbering``.
"""
from __future__ import annotations

from consolidator.apply import definitions as D
from consolidator.apply import textedit as T
from consolidator.apply import volzin as V
from consolidator.apply.content import one_line_text, toc_texts
from consolidator.apply.numbering import in_order, live_twins, number_of, number_read
from consolidator.apply.postwords import Postcondition, Seen, core, failed
from consolidator.apply.resolve import Target, text_parts
from consolidator.apply.workspace import Workspace
from consolidator.law.elements import al_text, has_ancestor, is_heading, is_repealed
from consolidator.law.toc import toc_element

_MARKED = ("artikel", "lid", "onderdeel")
_REMOVED = ("opschrift", "toc-entry", "aanhef", "alinea")
_TEXT = ("opschrift", "aanhef", "alinea")


def _in_tree(ws: Workspace, el) -> bool:
    root = ws.tree.getroot() if hasattr(ws.tree, "getroot") else ws.tree
    return el is root or has_ancestor(el, root)


def _volzinnen(holder) -> int:
    return len(V.volzinnen_of_parts([(al_text(el), li) for el, li in text_parts(holder)]))


def _toc_count(ws: Workspace) -> int:
    toc = toc_element(ws.tree)
    return 0 if toc is None else len(toc)


# --------------------------------------------------------------------------- delete


def delete_before(ws, ins, targets):
    return [_volzinnen(t.element) if t.kind == "volzin" else 0 for t in targets]


def delete_after(ws, ins, targets, state):
    for target, volzinnen in zip(targets, state):
        if target.kind in _MARKED or is_heading(target.element):
            if not is_repealed(target.element):
                raise failed(target, "it is not marked vervallen")
        elif target.kind == "volzin":
            if _volzinnen(target.element) != volzinnen - 1:
                raise failed(target, "the volzin is still there")
        elif target.kind in _REMOVED and target.element.getparent() is not None:
            raise failed(target, "it is still there")
        elif target.kind == "definition" and target.element.getparent() is not None \
                and not is_repealed(target.element):
            raise failed(target, "it is still there")


# --------------------------------------------------------------------------- replace


def replace_before(ws, ins, targets):
    # the entries are counted only where ``replace_after`` compares them: a search of the
    # law for its inhoudsopgave for each replaced lid would cost more than the check
    toc = _toc_count(ws) if targets[0].kind == "toc-entry" else None
    return {"changed": len(ws.changed), "toc": toc}


def replace_after(ws, ins, targets, state):
    first = targets[0]
    if first.kind in _TEXT:
        text = al_text(first.element)
        if not text or T.normalize(text) != T.normalize(one_line_text(ins.content,
                                                                        first.kind)):
            raise failed(first, "it does not read as the new text")
    elif first.kind == "volzin":
        now = Seen(ws, [first])
        flat = " ".join(now.texts[at][lo:hi] for at, lo, hi in now.slots[0])
        if core(ins.content.text) not in flat:
            raise failed(first, "the new volzin is not there")
    elif first.kind == "toc-entry":
        if _toc_count(ws) != state["toc"] - len(targets) + len(toc_texts(ins.content)):
            raise failed(first, "the entries are not the new ones")
    else:
        _blocks_replaced(ws, ins, targets, state["changed"])


def _blocks_replaced(ws, ins, targets, start: int) -> None:
    new = [el for el, effect, _ in ws.changed[start:] if effect in ("wijziging", "nieuw")]
    for target in targets:
        if _in_tree(ws, target.element) and not any(target.element is el for el in new):
            raise failed(target, "the old element is still there")
    if not new:
        raise failed(targets[0], "nothing took its place")
    _once(ws, targets[0], new)
    _consecutive(targets[0], new)


def _once(ws: Workspace, target: Target, new: list) -> None:
    """Each new element is the only live one of its kind under its number."""
    for el in new:
        if number_of(el) and live_twins(el, ws.index):
            raise failed(target, f"number {number_of(el)} is there twice")


def _consecutive(target: Target, new: list) -> None:
    """The new elements follow each other in the order of the new text."""
    for el, following in zip(new, new[1:]):
        if el.getparent() is following.getparent() and el.getnext() is not following:
            raise failed(target, "the new elements are not together in the order given")


def _placed(ins, target: Target, new: list) -> None:
    """Where the instruction says: right after (before) the anchor, at the end (start) of
    the holder, or — a number inserted in a gap — between its neighbours by number."""
    first, last = new[0], new[-1]
    if ins.position == "alphabetical":
        ok = all(_alphabetical(el) for el in new)
    elif ins.position == "after":
        ok = _is_or_holds(first.getprevious(), target, last_part=True)
    elif ins.position == "before":
        ok = _is_or_holds(_last_part(last, target).getnext(), target)
    else:
        ok = in_order(first) and in_order(last)
        if ok and ins.position == "end" and not _gap_placed(last):
            ok = not any(s.tag == last.tag for s in last.itersiblings())
        if ok and ins.position == "start" and not _gap_placed(first):
            ok = not any(s.tag == first.tag for s in first.itersiblings(preceding=True))
    if not ok:
        raise failed(target, f"the new {number_of(first) or 'element'} is not where the "
                     f"instruction puts it ({ins.position})")


def _alphabetical(el) -> bool:
    """A new definition between its neighbours in the order of the alphabet."""
    def key(node):
        return D.sort_term(D.element_term(node)) if node is not None else None
    before, after = el.getprevious(), el.getnext()
    mine = key(el)
    return (before is None or not key(before) or key(before) < mine) and \
        (after is None or not key(after) or mine < key(after))


def _is_or_holds(el, target: Target, last_part: bool = False) -> bool:
    """Whether ``el`` is the anchor (an opschrift's owner; with ``last_part``, the last
    element of a definition: the list an alinea introduces) or a division holding it."""
    anchor = target.owner if target.kind == "opschrift" else target.element
    if last_part:
        anchor = _last_part(anchor, target)
    return el is not None and (el is anchor or has_ancestor(anchor, el))


def _last_part(el, target: Target):
    """A definition's last element (its alinea's list, if any); any other element itself."""
    return D.extent(el)[-1] if target.kind == "definition" else el


def _gap_placed(el) -> bool:
    """Whether ``el`` stands before a sibling of its kind (a number put in a gap)."""
    return any(s.tag == el.tag for s in el.itersiblings())


# --------------------------------------------------------------------------- insert


def insert_before(ws, ins, targets):
    volzin = _adds_volzin(ins)  # counting volzinnen costs: only when one is added
    toc = _toc_count(ws) if _to_toc(targets) else None  # as ``insert_after`` asks it
    return {"changed": len(ws.changed), "toc": toc,
            "volzinnen": [_volzinnen(t.element) if volzin and _volzin_holder(t) else 0
                          for t in targets]}


def _adds_volzin(ins) -> bool:
    """Whether the insertion may add a volzin rather than elements (as ``elements``
    decides: a volzin named, or plain text for a lid or onderdeel)."""
    return ins.element in ("volzin", "") and all(line.kind == "text" for line in ins.content.lines)


def _volzin_holder(target: Target) -> bool:
    return target.kind in ("volzin", "lid", "onderdeel", "artikel", "alinea")


def _to_toc(targets) -> bool:
    """Whether an insertion goes into the inhoudsopgave (and is checked by its count)."""
    return any(t.kind in ("toc-entry", "inhoudsopgave") for t in targets)


def insert_after(ws, ins, targets, state):
    if _to_toc(targets):
        if _toc_count(ws) != state["toc"] + len(targets) * len(toc_texts(ins.content)):
            raise failed(targets[0], "the new entries are not there")
        return
    new = [el for el, effect, _ in ws.changed[state["changed"]:] if effect == "nieuw"]
    if new:
        for el in new:
            if not _in_tree(ws, el):
                raise failed(targets[0], f"the new element {number_of(el)} is not in the law")
        _once(ws, targets[0], new)
        _consecutive(targets[0], new)
        _placed(ins, targets[0], [el for el in new if el.getparent() is new[0].getparent()])
        return
    for target, before in zip(targets, state["volzinnen"]):
        if not _volzin_holder(target) or _volzinnen(target.element) <= before:
            raise failed(target, "the new volzin is not there")


# --------------------------------------------------------------------------- renumber


def renumber_before(ws, ins, targets):
    return None


def renumber_after(ws, ins, targets, state):
    read = {}  # the numbers of the targets and their siblings, read once for all targets
    for target, number in zip(targets, ins.new_numbers):  # (the check changes nothing)
        if number_read(target.element, read).rstrip(".") != number.rstrip("."):
            raise failed(target, f"it is not numbered {number}")
        if live_twins(target.element, ws.index, read):
            raise failed(target, f"number {number} is there twice")


DELETE_ELEMENT = Postcondition(delete_before, delete_after)
REPLACE_ELEMENT = Postcondition(replace_before, replace_after)
INSERT_ELEMENT = Postcondition(insert_before, insert_after)
RENUMBER = Postcondition(renumber_before, renumber_after)
