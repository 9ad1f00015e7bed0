"""What one instruction sentence works on: the tree, the text ranges its targets
resolved to (kept over the same words while the sentence edits), and what it changed,
for the history at its end.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import types
from typing import Optional

from consolidator.apply import textedit as T
from consolidator.apply.resolve import Slot, Target, text_parts
from consolidator.errors import ApplyError
from consolidator.law.artindex import ArticleIndex
from consolidator.law.elements import HEADING_TAGS, al_text, is_heading, root_of, set_text
from consolidator.law.history import ChangeList, change_list, mark_repealed
from consolidator.model import Instruction


class Workspace:
    """The tree and what one sentence has done to it so far.

    Made once per sentence: its attributes are set in ``__init__`` by hand (a generated
    dataclass ``__init__`` of this many fields costs more than the rest of a short
    sentence's bookkeeping)."""

    __slots__ = ("tree", "source_label", "date", "instruction", "slots", "changed", "repealed",
                 "unnumbered_leden", "unlabelled_items", "index", "changes", "articles",
                 "_source_of", "_held", "_held_slots")

    def __init__(self, tree, source_label: str, date: Optional[_dt.date],
                 index: Optional[ArticleIndex] = None, changes: Optional[ChangeList] = None):
        self.tree = tree
        self.source_label = source_label
        self.date = date
        self.instruction: Optional[Instruction] = None
        self.slots: list = []
        self.changed: list = []  # (element, effect, source)
        self.repealed: list = []
        self.unnumbered_leden: list = []
        self.unlabelled_items: list = []
        self.index = index  # articles by number, kept across sentences
        # the law's change list, kept across sentences (``record_history``); None: one for
        # this sentence alone
        self.changes = changes
        # number -> (artikel, live): what resolving the sentence's targets found, all before
        # the sentence changes anything (``resolve``'s ``articles``)
        self.articles: dict = {}
        # (instruction, its source): an instruction (frozen) touches several elements
        self._source_of: tuple = (None, None)
        # id(element) -> (element, text) and id(target) -> (target, slots): what a
        # postcondition just read, lent to its handler's first reads; dropped at the first
        # change (``hold_texts``)
        self._held = _NOTHING_HELD
        self._held_slots = _NOTHING_HELD

    @property
    def source(self) -> str:
        instruction, known = self._source_of
        if known is None or instruction is not self.instruction:
            place = str(self.instruction.place) if self.instruction else ""
            known = f"{self.source_label}, {place}" if self.source_label and place \
                else self.source_label or place
            self._source_of = (self.instruction, known)
        return known

    def text(self, el) -> str:
        if self._held:
            held = self._held.get(id(el))
            if held is not None and held[0] is el:
                return held[1]
        return al_text(el)

    def hold_texts(self, texts: dict, slots: dict) -> None:
        """Lend ``texts`` (id(element) -> (element, its text)) and ``slots`` (id(target) ->
        (target, its ``slots_of``), or (target, its ``slots_of``, instruction, the matches of
        its quoted words) for ``found``), as just read, to the reads that follow until the
        first change: a word postcondition reads its targets just before the handler reads
        them again. Only for a handler that changes the law through ``edit``, ``touch`` or
        ``repeal`` alone (each drops them first); the engine drops them after the handler in
        any case (``release_texts``). The dicts are the lender's own, not read by it after."""
        self._held = texts
        self._held_slots = slots

    def found(self, target: Target, ins) -> Optional[list]:
        """What ``ins``'s quoted words matched in ``target`` (``words._matches``) as its
        postcondition found them in the texts it lent (``hold_texts``: id(target) ->
        (target, slots, ins, matches)); None when nothing is lent for this instruction."""
        held = self._held_slots.get(id(target)) if self._held_slots else None
        if held is not None and held[0] is target and len(held) > 2 and held[2] is ins:
            return held[3]
        return None

    def release_texts(self) -> None:
        if self._held or self._held_slots:
            self._held, self._held_slots = _NOTHING_HELD, _NOTHING_HELD

    def edit(self, el, edit: T.Edit, text: Optional[str] = None) -> None:
        """Apply one edit to el's flat text and shift the live slots on el. ``text``: el's
        flat text as the caller just read it to make the edit (read here when not given)."""
        new = T.splice(self.text(el) if text is None else text, edit)
        self.release_texts()
        if len(el):  # inline markup (a noot, a redactie): ``set_text`` removes it
            set_text(el, new)
        else:  # what ``set_text`` comes to without children, without listing none of them
            el.text = new
        for slot in self.slots:
            if slot.element is el:
                _shift(slot, edit)
        self.changed.append((el, "wijziging", self.source))  # ``touch``: released above

    def touch(self, el, effect: str = "wijziging") -> None:
        self.release_texts()
        self.changed.append((el, effect, self.source))

    def repeal(self, el) -> None:
        self.release_texts()
        mark_repealed(el, self.date, self.source)
        self.repealed.append(el)

    def record_history(self) -> None:
        """End of the sentence: mark every changed element in the law's history."""
        changed = self.changed
        if not changed:  # a sentence that only repealed: nothing more to mark
            return
        root = self.tree.getroot() if hasattr(self.tree, "getroot") else self.tree
        if len(changed) == 1:  # the usual sentence: one element, nothing to keep apart
            el, effect, source = changed[0]
            owner = _owner_in(el, root)
            marks = [(owner, source, effect)] if owner is not None else []
        else:
            seen, marks = set(), []  # ``marks`` holds the owners, so their ids stay unique
            for el, effect, source in changed:
                owner = _owner_in(el, root)
                if owner is not None and id(owner) not in seen:
                    seen.add(id(owner))
                    marks.append((owner, source, effect))
        # every owner is under ``root``: in its document, whose change list is looked up
        changes = self.changes if self.changes is not None else change_list(root_of(root))
        changes.mark_all(marks, self.date)


_NOTHING_HELD = types.MappingProxyType({})  # read-only, shared: ``hold_texts`` makes new dicts


def _shift(slot: Slot, edit: T.Edit) -> None:
    """Keep a slot over the same words after an edit elsewhere (or inside) in its element."""
    delta = len(edit.new) - (edit.end - edit.start)
    lead = len(edit.new) - len(edit.new.lstrip())
    if slot.start >= edit.end:
        slot.start += delta
    elif slot.start > edit.start:
        slot.start = edit.start + lead
    if slot.end >= edit.end:
        slot.end += delta
    elif slot.end > edit.start:
        slot.end = edit.start + len(edit.new.rstrip())


def _owner_in(el, root):
    """``history_owner(el)`` if it is in the tree under ``root`` (an element removed by
    a later instruction of the sentence is not), else None: one walk up for both, by
    ``getparent`` (the ancestors ``iterancestors`` gives, without setting up its iterator:
    the walk is a few steps, made for every changed element)."""
    owner = el if el.tag in _OWNER_TAGS else None
    if el is root:
        return owner
    node = el.getparent()
    if owner is None:  # up to the owner, which may be the root itself
        while node is not None:
            if node.tag in _OWNER_TAGS:
                owner = node
                break
            if node is root:
                return None
            node = node.getparent()
        else:
            return None
        if owner is root:
            return owner
        node = owner.getparent()
    while node is not None:  # on to the root: only its identity matters now
        if node is root:
            return owner
        node = node.getparent()
    return None


_HISTORY_TAGS = ("li", "lid", "artikel", "officiele-inhoudsopgave")
#: the tags of a history owner: those above and the headings' (``is_heading``)
_OWNER_TAGS = frozenset(_HISTORY_TAGS) | frozenset(HEADING_TAGS.values())


def history_owner(el):
    """The element whose history records a change to el (its li, lid, artikel, …)."""
    # lazily: the owner is close by, the root is not
    for node in itertools.chain((el,), el.iterancestors()):
        if node.tag in _HISTORY_TAGS or is_heading(node):
            return node
    return None


# --------------------------------------------------------------------------- text slots


def slots_of(ws: Workspace, target: Target, texts: Optional[dict] = None) -> list[Slot]:
    """The text ranges of a target: a volzin's slots, or whole alineas / titel / entry.
    ``texts``: a dict that gets id(element) -> (element, text) of each text read here."""
    if target.slots:
        return target.slots
    held = ws._held_slots.get(id(target)) if ws._held_slots else None
    if held is not None and held[0] is target:  # as read just now, nothing changed since
        return held[1]
    if target.kind in ("opschrift", "toc-entry", "aanhef", "alinea"):
        return [_whole(ws, target.element, texts)]
    if target.kind in ("artikel", "lid", "onderdeel", "definition"):
        slots = []
        for el, _ in text_parts(target.element):  # ``_whole`` of each, without a call each
            text = ws.text(el)
            if texts is not None:
                texts[id(el)] = (el, text)
            slots.append(Slot(el, 0, len(text)))
        return slots
    raise ApplyError(f"{target.label} has no text to change")


def _whole(ws: Workspace, el, texts: Optional[dict]) -> Slot:
    text = ws.text(el)
    if texts is not None:
        texts[id(el)] = (el, text)
    return Slot(el, 0, len(text))
