"""Postconditions of the word-level kinds, labels and punctuation: after each instruction the
engine checks that the text says what the instruction says, and refuses it otherwise.

Each postcondition is a pair: ``before(ws, ins, targets)`` takes what the check needs from
the text as the instruction meets it, ``after(ws, ins, targets, state)`` raises
``ApplyError`` when the result is not what the instruction says:

* replaced words: gone where they were (every occurrence the instruction took; only those
  the new words bring back remain) and the new words there;
* deleted words: gone; inserted words: there, and the anchor still there;
* every word-level instruction changes the text of each target (an instruction that leaves
  it as it was is an error: it cannot have been meant);
* a replaced or deleted mark: the target ends (or no longer has) that mark;
* a removed label: the lid or list item has none.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from consolidator.apply import textedit as T
from consolidator.apply.resolve import Target
from consolidator.apply.workspace import Workspace, slots_of
from consolidator.errors import ApplyError


@dataclass(frozen=True)
class Postcondition:
    """What to note before an instruction, and the check after it."""

    before: Callable
    after: Callable


def failed(target: Target, what: str) -> ApplyError:
    return ApplyError(f"{target.label}: the result is not what the instruction says: {what}")


# --------------------------------------------------------------------------- measuring


class Seen:
    """The target's text as the check sees it: each slot's piece of its element's text,
    taken once (counting words in it is then cheap)."""

    def __init__(self, ws: Workspace, target: Target):
        self.pieces = []  # (whole text of the slot's element, start, end)
        elements, self.texts = [], []
        for slot in slots_of(ws, target):
            text = ws.text(slot.element)
            self.pieces.append((text, slot.start, slot.end))
            if not any(slot.element is el for el in elements):
                elements.append(slot.element)
                self.texts.append(text)
        self._flat = None

    def words(self, words: str) -> int:
        """Whole-word occurrences of ``words`` (as the engine finds them)."""
        if not words.split():
            return 0
        return sum(len(T.find(text, words, lo, hi)) for text, lo, hi in self.pieces)

    def core(self, words: str) -> int:
        """Occurrences of ``core(words)`` in the target's text."""
        piece = core(words)
        if not piece:
            return 0
        if self._flat is None:  # the law's texts are read with their spacing collapsed,
            # and the engine writes new words as ``normalize`` gives them: no regex needed
            self._flat = " ".join(text[lo:hi] for text, lo, hi in self.pieces)
        return self._flat.count(piece)

    def anchored(self, ins) -> int:
        """Occurrences of a deletion's words where the instruction takes them."""
        if not ins.anchor:
            return self.words(ins.words)
        return sum(len(T.find_anchored(text, ins.anchor, ins.words, ins.position or "after",
                                       lo, hi)) for text, lo, hi in self.pieces)


def core(words: str) -> str:
    """The words without the marks at their edges, which the seams may merge or drop:
    «, verhoogd met het percentage,» → «verhoogd met het percentage»."""
    return T.normalize(words).strip(" ,;:.")


def _seen(ws: Workspace, targets: list[Target]) -> list[Seen]:
    return [Seen(ws, t) for t in targets]


def _check_changed(target: Target, before: Seen, after: Seen) -> None:
    if after.texts == before.texts:
        raise failed(target, "the text is unchanged")


def _pairs(ws, targets, state):
    """(target, seen before, seen now) for each target, the text checked changed."""
    for target, before in zip(targets, state):
        after = Seen(ws, target)
        _check_changed(target, before, after)
        yield target, before, after


# --------------------------------------------------------------------------- replace, delete, insert


def replace_words_after(ws, ins, targets, state):
    brought_back = len(T.find(T.normalize(ins.new), ins.old)) if ins.new.split() else 0
    lost_core = T.normalize(ins.old).count(core(ins.new)) if core(ins.new) else 0
    for target, before, after in _pairs(ws, targets, state):
        taken = before.words(ins.old)
        if after.words(ins.old) != taken * brought_back:
            raise failed(target, f"«{ins.old}» is still there")
        if core(ins.new) and after.core(ins.new) < \
                before.core(ins.new) + taken - taken * lost_core:
            raise failed(target, f"«{core(ins.new)}» is not there")


def delete_words_after(ws, ins, targets, state):
    for target, before, after in _pairs(ws, targets, state):
        if after.words(ins.words) != before.words(ins.words) - before.anchored(ins):
            raise failed(target, f"«{ins.words}» is still there")


def insert_words_after(ws, ins, targets, state):
    again = len(T.find(T.normalize(ins.new), ins.anchor)) \
        if ins.anchor and ins.new.split() else 0
    for target, before, after in _pairs(ws, targets, state):
        anchors = before.words(ins.anchor) if ins.anchor else 0
        places = anchors if ins.anchor else 1
        if core(ins.new) and after.core(ins.new) < before.core(ins.new) + places:
            raise failed(target, f"«{core(ins.new)}» is not there")
        if ins.anchor and after.words(ins.anchor) < anchors * (1 + again):
            raise failed(target, f"the anchor «{ins.anchor}» is gone")


def replace_after_after(ws, ins, targets, state):
    for target, _, after in _pairs(ws, targets, state):
        if not after.words(ins.anchor):
            raise failed(target, f"the anchor «{ins.anchor}» is gone")
        if core(ins.new) and not after.core(ins.new):
            raise failed(target, f"«{core(ins.new)}» is not there")


# --------------------------------------------------------------------------- marks and labels


def _marks(seen: Seen, mark: str) -> int:
    return sum(1 for text, lo, hi in seen.pieces
               for p in T.punctuation_positions(text[:hi], mark) if p >= lo)


def replace_punctuation_after(ws, ins, targets, state):
    for target, _, after in _pairs(ws, targets, state):
        text, lo, hi = after.pieces[-1] if ins.position == "end" else after.pieces[0]
        piece, new = text[lo:hi].strip(), T.normalize(ins.new)
        ends = piece.endswith(new) if ins.position == "end" else piece.startswith(new)
        if not ends:
            raise failed(target, f"it does not {ins.position} with «{new}»")


def delete_punctuation_after(ws, ins, targets, state):
    for target, before, after in _pairs(ws, targets, state):
        if _marks(after, ins.mark) != _marks(before, ins.mark) - 1:
            raise failed(target, f"the mark «{ins.mark}» is still there")


def delete_label_before(ws, ins, targets):
    return None


def delete_label_after(ws, ins, targets, state):
    for target in targets:
        if target.kind == "onderdeel" and target.element.find("li.nr") is not None:
            raise failed(target, "its label is still there")
        if target.kind == "lid" and not any(target.element is el for el in ws.unnumbered_leden):
            raise failed(target, "its number is still there")


def seen_before(ws, ins, targets):
    return _seen(ws, targets)


REPLACE_WORDS = Postcondition(seen_before, replace_words_after)
DELETE_WORDS = Postcondition(seen_before, delete_words_after)
INSERT_WORDS = Postcondition(seen_before, insert_words_after)
REPLACE_AFTER = Postcondition(seen_before, replace_after_after)
REPLACE_PUNCTUATION = Postcondition(seen_before, replace_punctuation_after)
DELETE_PUNCTUATION = Postcondition(seen_before, delete_punctuation_after)
DELETE_LABEL = Postcondition(delete_label_before, delete_label_after)
