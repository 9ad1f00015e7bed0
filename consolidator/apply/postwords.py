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


def texts(ws: Workspace, target: Target) -> tuple[str, ...]:
    """The whole texts of the elements the target's text lies in, in order."""
    seen, out = [], []
    for slot in slots_of(ws, target):
        if not any(slot.element is s for s in seen):
            seen.append(slot.element)
            out.append(ws.text(slot.element))
    return tuple(out)


def count_words(ws: Workspace, target: Target, words: str) -> int:
    """Whole-word occurrences of ``words`` in the target's text (as the engine finds them)."""
    if not words.split():
        return 0
    return sum(len(T.find(ws.text(s.element), words, s.start, s.end))
               for s in slots_of(ws, target))


def core(words: str) -> str:
    """The words without the marks at their edges, which the seams may merge or drop:
    «, verhoogd met het percentage,» → «verhoogd met het percentage»."""
    return T.normalize(words).strip(" ,;:.")


def count_core(ws: Workspace, target: Target, words: str) -> int:
    """Occurrences of ``core(words)`` in the target's text, spacing normalised."""
    piece = core(words)
    if not piece:
        return 0
    text = T.normalize(" ".join(ws.text(s.element)[s.start:s.end] for s in slots_of(ws, target)))
    return text.count(piece)


def _check_changed(ws: Workspace, targets: list[Target], state: list[dict]) -> None:
    for target, noted in zip(targets, state):
        if texts(ws, target) == noted["texts"]:
            raise failed(target, "the text is unchanged")


# --------------------------------------------------------------------------- replace, delete, insert


def _note(ws: Workspace, targets: list[Target], **measures: Callable) -> list[dict]:
    return [{"texts": texts(ws, t), **{k: f(t) for k, f in measures.items()}} for t in targets]


def replace_words_before(ws, ins, targets):
    return _note(ws, targets, old=lambda t: count_words(ws, t, ins.old),
                 new=lambda t: count_core(ws, t, ins.new))


def replace_words_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    brought_back = len(T.find(T.normalize(ins.new), ins.old)) if ins.new.split() else 0
    lost_core = T.normalize(ins.old).count(core(ins.new)) if core(ins.new) else 0
    for target, noted in zip(targets, state):
        taken = noted["old"]
        if count_words(ws, target, ins.old) != taken * brought_back:
            raise failed(target, f"«{ins.old}» is still there")
        if core(ins.new) and count_core(ws, target, ins.new) < \
                noted["new"] + taken - taken * lost_core:
            raise failed(target, f"«{core(ins.new)}» is not there")


def delete_words_before(ws, ins, targets):
    return _note(ws, targets, words=lambda t: count_words(ws, t, ins.words),
                 taken=lambda t: len(_anchored(ws, t, ins)))


def _anchored(ws, target, ins) -> list:
    if not ins.anchor:
        return [m for s in slots_of(ws, target)
                for m in T.find(ws.text(s.element), ins.words, s.start, s.end)]
    return [m for s in slots_of(ws, target)
            for m in T.find_anchored(ws.text(s.element), ins.anchor, ins.words,
                                     ins.position or "after", s.start, s.end)]


def delete_words_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    for target, noted in zip(targets, state):
        if count_words(ws, target, ins.words) != noted["words"] - noted["taken"]:
            raise failed(target, f"«{ins.words}» is still there")


def insert_words_before(ws, ins, targets):
    return _note(ws, targets, new=lambda t: count_core(ws, t, ins.new),
                 anchor=lambda t: count_words(ws, t, ins.anchor) if ins.anchor else 0)


def insert_words_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    for target, noted in zip(targets, state):
        places = noted["anchor"] if ins.anchor else 1
        if core(ins.new) and count_core(ws, target, ins.new) < noted["new"] + places:
            raise failed(target, f"«{core(ins.new)}» is not there")
        if ins.anchor:
            again = len(T.find(T.normalize(ins.new), ins.anchor)) if ins.new.split() else 0
            if count_words(ws, target, ins.anchor) < noted["anchor"] * (1 + again):
                raise failed(target, f"the anchor «{ins.anchor}» is gone")


def replace_after_before(ws, ins, targets):
    return _note(ws, targets)


def replace_after_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    for target in targets:
        if not count_words(ws, target, ins.anchor):
            raise failed(target, f"the anchor «{ins.anchor}» is gone")
        if core(ins.new) and not count_core(ws, target, ins.new):
            raise failed(target, f"«{core(ins.new)}» is not there")


# --------------------------------------------------------------------------- marks and labels


def punctuation_before(ws, ins, targets):
    return _note(ws, targets, marks=lambda t: _marks(ws, t, getattr(ins, "mark", "")))


def _marks(ws, target, mark: str) -> int:
    if not mark:
        return 0
    return sum(1 for s in slots_of(ws, target)
               for p in T.punctuation_positions(ws.text(s.element)[:s.end], mark) if p >= s.start)


def replace_punctuation_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    for target in targets:
        slots = slots_of(ws, target)
        slot = slots[-1] if ins.position == "end" else slots[0]
        piece = ws.text(slot.element)[slot.start:slot.end].strip()
        new = T.normalize(ins.new)
        ends = piece.endswith(new) if ins.position == "end" else piece.startswith(new)
        if not ends:
            raise failed(target, f"it does not {ins.position} with «{new}»")


def delete_punctuation_after(ws, ins, targets, state):
    _check_changed(ws, targets, state)
    for target, noted in zip(targets, state):
        if _marks(ws, target, ins.mark) != noted["marks"] - 1:
            raise failed(target, f"the mark «{ins.mark}» is still there")


def delete_label_before(ws, ins, targets):
    return None


def delete_label_after(ws, ins, targets, state):
    for target in targets:
        if target.kind == "onderdeel" and target.element.find("li.nr") is not None:
            raise failed(target, "its label is still there")
        if target.kind == "lid" and not any(target.element is el for el in ws.unnumbered_leden):
            raise failed(target, "its number is still there")


REPLACE_WORDS = Postcondition(replace_words_before, replace_words_after)
DELETE_WORDS = Postcondition(delete_words_before, delete_words_after)
INSERT_WORDS = Postcondition(insert_words_before, insert_words_after)
REPLACE_AFTER = Postcondition(replace_after_before, replace_after_after)
REPLACE_PUNCTUATION = Postcondition(punctuation_before, replace_punctuation_after)
DELETE_PUNCTUATION = Postcondition(punctuation_before, delete_punctuation_after)
DELETE_LABEL = Postcondition(delete_label_before, delete_label_after)
