"""Word-level edits: quoted words replaced, deleted or inserted, the part after an
anchor replaced, punctuation replaced or deleted. Quoted words follow ``textedit``:
whole words, exactly once per target, or at least once per target with «telkens».
"""
from __future__ import annotations

from typing import Callable

from consolidator.apply import textedit as T
from consolidator.apply.nearest import closest_words
from consolidator.apply.resolve import Slot, Target, item_label
from consolidator.apply.workspace import Workspace, history_owner, slots_of
from consolidator.errors import AmbiguousTarget, ApplyError, TargetNotFound
from consolidator.law.elements import lid_number
from consolidator.model import (
    DeletePunctuation, DeleteWords, InsertWords, ReplaceAfter, ReplacePunctuation, ReplaceWords,
)

# --------------------------------------------------------------------------- matching


Match = tuple  # (slot, start, end)


def _matches(ws: Workspace, target: Target, finder: Callable, ins=None) -> list[Match]:
    """Each match of ``finder`` in each slot of the target, in turn. ``ins``: the instruction
    whose ``quote_finder`` ``finder`` is, whose matches its postcondition may have found
    just now in the same texts and lent (``Workspace.found``)."""
    if ins is not None:
        lent = ws.found(target, ins)
        if lent is not None:
            return lent
    found = []
    for slot in slots_of(ws, target):
        for start, end in finder(ws.text(slot.element), slot.start, slot.end):
            found.append((slot, start, end))
    return found


def _check_count(ws: Workspace, target: Target, what: str, found: list[Match],
                 telkens: bool, words: str = "") -> None:
    """Exactly one match (at least one with «telkens»); ``words``: the quoted words
    looked for, whose closest run of words in the target a not-found error suggests."""
    if not found:
        raise TargetNotFound(f"{target.label}: {what} is not in the text "
                             f"(«{_preview(ws, target)}»){_suggestion(ws, target, words)}")
    if len(found) > 1 and not telkens:
        places = "; ".join(f"at character {s} of {_where(target, slot)}: "
                           f"«{T.context(ws.text(slot.element), s, e)}»"
                           for slot, s, e in found)
        raise AmbiguousTarget(f"{target.label}: {what} occurs {len(found)} times and the "
                              f"instruction does not say «telkens»: {places}")


def _where(target: Target, slot: Slot) -> str:
    owner = history_owner(slot.element)
    if owner is not None and owner.tag == "li":
        return f"onderdeel {item_label(owner)}"
    if owner is not None and owner.tag == "lid":
        return f"lid {lid_number(owner)}"
    return target.label


def _suggestion(ws: Workspace, target: Target, words: str) -> str:
    """«; did you mean «bijzondere school»?» when words like ``words`` are in the target."""
    if not words:
        return ""
    text = " ".join(ws.text(s.element)[s.start:s.end] for s in slots_of(ws, target))
    found = closest_words(text, words)
    return f"; did you mean «{found}»?" if found and found != words else ""


def _preview(ws: Workspace, target: Target, width: int = 120) -> str:
    text = " ".join(ws.text(s.element)[s.start:s.end] for s in slots_of(ws, target))
    return text if len(text) <= width else text[:width] + "…"


def _apply_matches(ws: Workspace, found: list[Match], make: Callable) -> None:
    """Edit every match, last first within an element so earlier offsets hold."""
    for slot, start, end in found if len(found) < 2 else sorted(found, key=lambda m: -m[1]):
        text = ws.text(slot.element)
        ws.edit(slot.element, make(text, start, end), text)


def _word_edit(ws: Workspace, ins, targets: list[Target], what: str, finder: Callable,
               make: Callable, telkens: bool = False, words: str = "",
               quoted: bool = False) -> None:
    """``quoted``: ``finder`` is ``quote_finder(ins)`` (its matches may have been lent)."""
    per_target = []
    lender = ins if quoted else None
    for target in targets:
        per_target.append(_matches(ws, target, finder, lender))
    for target, found in zip(targets, per_target):
        _check_count(ws, target, what, found, telkens, words)
    for found in per_target:
        _apply_matches(ws, found, make)


# --------------------------------------------------------------------------- handlers


def _refuse_empty(new: str, what: str) -> None:
    """Words replaced or added by nothing: a deletion in disguise, or a lost payload."""
    if not new.strip():
        raise ApplyError(f"the instruction gives no words {what}")


def replace_words(ws: Workspace, ins: ReplaceWords, targets: list[Target]) -> None:
    """«wordt «X» vervangen door: Y»."""
    _refuse_empty(ins.new, f"to replace «{ins.old}» with (a deletion says «vervalt»)")
    _word_edit(ws, ins, targets, f"«{ins.old}»", quote_finder(ins),
               lambda text, s, e: T.replace(text, s, e, ins.new), ins.telkens, ins.old, True)


def delete_words(ws: Workspace, ins: DeleteWords, targets: list[Target]) -> None:
    """«vervalt: X», «vervalt na «A» telkens: X»."""
    if ins.anchor:
        what = f"«{ins.words}» {'after' if ins.position != 'before' else 'before'} «{ins.anchor}»"
    else:
        what = f"«{ins.words}»"
    _word_edit(ws, ins, targets, what, quote_finder(ins), T.delete, ins.telkens,
               "" if ins.anchor else ins.words, True)


def insert_words(ws: Workspace, ins: InsertWords, targets: list[Target]) -> None:
    """«wordt na «A» ingevoegd: X», «aan het slot … toegevoegd: X»."""
    _refuse_empty(ins.new, "to insert")
    if ins.position in ("end", "start"):
        for target in targets:
            slots = slots_of(ws, target)
            if not slots:
                raise TargetNotFound(f"{target.label} has no text to add words to")
            slot = slots[-1] if ins.position == "end" else slots[0]
            text = ws.text(slot.element)
            at = (slot.start + T.end_position(text[slot.start:slot.end])
                  if ins.position == "end" else slot.start)
            ws.edit(slot.element, T.insert(text, at, ins.new), text)
        return
    after = ins.position != "before"
    quoted = "" if getattr(ins, "anchor_mark", False) else ins.anchor
    _word_edit(ws, ins, targets, f"«{ins.anchor}»", quote_finder(ins),
               lambda text, s, e: T.insert(text, e if after else s, ins.new), ins.telkens,
               quoted, True)


def quote_finder(ins) -> Callable:
    """``finder(text, lo, hi)``: the matches of what a ReplaceWords, DeleteWords or
    InsertWords (after or before an anchor) looks for, as its handler and its
    postcondition both look for them (the postcondition may lend the handler what it
    found, ``Workspace.found``)."""
    if isinstance(ins, ReplaceWords):
        return lambda text, lo, hi: T.find(text, ins.old, lo, hi)
    if isinstance(ins, DeleteWords):
        if ins.anchor:
            return lambda text, lo, hi: T.find_anchored(
                text, ins.anchor, ins.words, ins.position or "after", lo, hi)
        return lambda text, lo, hi: T.find(text, ins.words, lo, hi)
    return anchor_finder(ins)


def anchor_finder(ins: InsertWords) -> Callable:
    """Where the anchor of an insertion is: quoted words as whole words, or a mark
    («voor de puntkomma») where it is punctuation (not the colon of «8:2»)."""
    if getattr(ins, "anchor_mark", False):
        return lambda text, lo, hi: [(p, p + len(ins.anchor)) for p in
                                     T.punctuation_positions(text[:hi], ins.anchor) if p >= lo]
    return lambda text, lo, hi: T.find(text, ins.anchor, lo, hi)


def replace_after(ws: Workspace, ins: ReplaceAfter, targets: list[Target]) -> None:
    """«wordt het gedeelte na «A» vervangen door: X»: everything after the anchor up
    to the end of the target, not counting its closing mark. When the target goes
    on after the anchor's alinea (a list, further alineas), those go too."""
    _refuse_empty(ins.new, f"to put after «{ins.anchor}»")
    for target in targets:
        found = _matches(ws, target, lambda text, lo, hi: T.find(text, ins.anchor, lo, hi))
        _check_count(ws, target, f"«{ins.anchor}»", found, False, ins.anchor)
        slot, start, end = found[0]
        slots = slots_of(ws, target)
        before = slots[:_slot_index(slots, slot)]
        after = slots[_slot_index(slots, slot) + 1:]
        text = ws.text(slot.element)
        if ins.position == "before":
            if before:
                raise ApplyError(f"{target.label}: text before the alinea of «{ins.anchor}» "
                                 "would have to go too; that is not supported")
            ws.edit(slot.element, T.replace(text, slot.start, start, ins.new), text)
        elif after:
            _replace_rest(ws, target, slot, end, after, ins.new)
        else:
            stop = slot.start + T.end_position(text[slot.start:slot.end], ".")
            ws.edit(slot.element, T.replace(text, end, stop, ins.new), text)


def _slot_index(slots: list[Slot], slot: Slot) -> int:
    """Its position among the target's slots (slots_of builds new Slot objects)."""
    return next(i for i, s in enumerate(slots) if s.element is slot.element
                and s.start == slot.start)


def _replace_rest(ws: Workspace, target: Target, slot: Slot, end: int, after: list[Slot],
                  new: str) -> None:
    """The rest of the target after the anchor: the anchor's alinea from the anchor
    on, and the whole elements (list, list items, alineas) that follow it."""
    if any(s.start != 0 or s.end != len(ws.text(s.element)) for s in after):
        raise ApplyError(f"{target.label}: the part after the anchor ends inside an alinea; "
                         "replacing it is not supported")
    last = ws.text(after[-1].element).rstrip()
    closing = last[-1] if last and last[-1] in ".;" else ""  # not `last[-1:] in`: "" is in
    text = ws.text(slot.element)
    ws.edit(slot.element, T.replace(text, end, slot.end, new + closing), text)
    for part in after:
        if any(part.element is el for el in target.element.iter()):  # not gone with a list
            block = _block_below(target.element, part.element, slot.element)
            block.getparent().remove(block)


def _block_below(holder, el, keep):
    """The largest ancestor of ``el`` inside ``holder`` that does not contain ``keep``."""
    block = el
    while block.getparent() is not holder and keep not in block.getparent().iter():
        block = block.getparent()
    return block


def replace_punctuation(ws: Workspace, ins: ReplacePunctuation, targets: list[Target]) -> None:
    """«wordt de puntkomma aan het slot van onderdeel a vervangen door een punt»."""
    for target in targets:
        slot = slots_of(ws, target)[-1 if ins.position == "end" else 0]
        text = ws.text(slot.element)
        piece = text[slot.start:slot.end].rstrip() if ins.position == "end" else \
            text[slot.start:slot.end].lstrip()
        ok = piece.endswith(ins.old) if ins.position == "end" else piece.startswith(ins.old)
        if not ok:
            raise TargetNotFound(f"{target.label} does not {ins.position} with «{ins.old}» "
                                 f"(«{T.context(text, slot.end, slot.end)}»)")
        at = slot.start + len(piece) - len(ins.old) if ins.position == "end" else \
            slot.start + (slot.end - slot.start - len(piece))
        ws.edit(slot.element, T.replace(text, at, at + len(ins.old), ins.new), text)


def delete_punctuation(ws: Workspace, ins: DeletePunctuation, targets: list[Target]) -> None:
    """«vervalt de dubbele punt»: the mark must occur exactly once as punctuation."""
    finder = lambda text, lo, hi: [  # noqa: E731
        (p, p + 1) for p in T.punctuation_positions(text[:hi], ins.mark) if p >= lo]
    _word_edit(ws, ins, targets, f"the mark «{ins.mark}»", finder, T.delete)
