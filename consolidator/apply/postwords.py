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

import re
from dataclasses import dataclass
from typing import Callable

from consolidator.apply import textedit as T
from consolidator.apply.resolve import Target
from consolidator.apply.words import quote_finder
from consolidator.apply.workspace import Workspace, slots_of
from consolidator.errors import ApplyError
from consolidator.model import InsertWords


_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Postcondition:
    """What to note before an instruction, and the check after it."""

    before: Callable
    after: Callable


def failed(target: Target, what: str) -> ApplyError:
    return ApplyError(f"{target.label}: the result is not what the instruction says: {what}")


# --------------------------------------------------------------------------- measuring


class Seen:
    """The texts of an instruction's targets as the check sees them: each element's text
    taken once, and each target's slots as (element number, start, end)."""

    __slots__ = ("elements", "texts", "slots", "read", "held", "held_slots", "spans")

    def __init__(self, ws: Workspace, targets: list[Target]):
        elements, texts, slots = [], [], []
        reads: list = []  # each target's ``slots_of``
        # id(element) -> (element, text): what ``slots_of`` read, not read twice, and then
        # every text read here; id(target) -> (target, its slots): both as ``hold_texts``
        # lends them
        held: dict = {}
        held_slots: dict = {}
        where: dict = {}  # id(element) -> its number (``elements`` keeps each alive)
        for target in targets:
            own = []
            read = slots_of(ws, target, held)
            reads.append(read)
            held_slots[id(target)] = (target, read)
            for slot in read:
                el = slot.element
                at = where.get(id(el))
                if at is None:
                    at = where[id(el)] = len(elements)
                    elements.append(el)
                    known = held.get(id(el))
                    if known is not None and known[0] is el:
                        texts.append(known[1])
                    else:
                        text = ws.text(el)
                        texts.append(text)
                        held[id(el)] = (el, text)
                own.append((at, slot.start, slot.end))
            slots.append(own)
        self.elements, self.texts, self.slots, self.read = elements, texts, slots, reads
        self.held, self.held_slots = held, held_slots
        self.spans = None  # ``find_each``'s spans, once it has looked for words

    def now(self, ws: Workspace) -> list[str]:
        """The texts of the same elements as they read now."""
        return [ws.text(el) for el in self.elements]

    def find(self, finder) -> dict[int, list[tuple[int, int]]]:
        """Where ``finder(text, lo, hi)`` matches in each element, over every target."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for own in self.slots:
            for at, lo, hi in own:
                found = spans.setdefault(at, [])
                for match in finder(self.texts[at], lo, hi):
                    if match not in found:
                        found.append(match)
        return {at: sorted(found) for at, found in spans.items() if found}

    def find_each(self, finder) -> list[list[tuple]]:
        """``find`` (kept as ``spans``), and each target's matches as the handler's
        ``words._matches`` lists them: (slot, start, end) of each of its slots in turn."""
        spans: dict[int, list[tuple[int, int]]] = {}
        each = []
        for own, read in zip(self.slots, self.read):
            mine = []
            for (at, lo, hi), slot in zip(own, read):
                found = spans.setdefault(at, [])
                for match in finder(self.texts[at], lo, hi):
                    mine.append((slot, match[0], match[1]))
                    if match not in found:
                        found.append(match)
            each.append(mine)
        self.spans = {at: sorted(found) for at, found in spans.items() if found}
        return each


def core(words: str) -> str:
    """The words without the marks at their edges, which the seams may merge or drop:
    «, verhoogd met het percentage,» → «verhoogd met het percentage»."""
    return T.normalize(words).strip(" ,;:.")


def spliced(before: str, spans: list[tuple[int, int]], new: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with each span replaced by ``new``, as the seams
    write it: the text around the spans as it was (a comma the seam drops before the new
    words and the spacing aside), and between those parts exactly the new words."""
    want = core(new)  # what stands between the parts, as each comparison needs it
    # part i is before[start:end], from the end of span i - 1 (or 0) to the start of span
    # i (or the end): read in the one loop, no lists of starts, ends and parts made
    cursor, start, last = 0, 0, len(spans)
    for index in range(last + 1):
        end = spans[index][0] if index < last else len(before)
        piece = before[start:end] if index == 0 else before[start:end].lstrip()
        if index < last:
            piece = piece.rstrip().rstrip(",").rstrip()
            start = spans[index][1]
        if index == 0:
            if not after.startswith(piece):
                return False
            cursor = len(piece)
            continue
        at = _next_part(after, piece, cursor, want, index == last)
        if at is None:
            return False
        cursor = at + len(piece)
    return True


def _next_part(after: str, piece: str, cursor: int, want: str, last: bool):
    """Where ``piece`` continues ``after`` past ``cursor`` with exactly the new words
    between (``want``: their ``core``; the last part ends the text)."""
    if last:
        at = len(after) - len(piece)
        ok = after.endswith(piece) and at >= cursor and core(after[cursor:at]) == want
        return at if ok else None
    at = after.find(piece, cursor)
    while at >= 0:
        if core(after[cursor:at]) == want:
            return at
        at = after.find(piece, at + 1)
    return None


# --------------------------------------------------------------------------- replace, delete, insert


def seen_before(ws, ins, targets):
    seen = Seen(ws, targets)
    # the word handlers change the text through ``ws.edit`` alone: they may read these
    ws.hold_texts(seen.held, seen.held_slots)
    return seen


def found_before(ws, ins, targets):
    """``seen_before``, and where the instruction's quoted words are in each target as the
    text reads before it (``Seen.spans``, what the check holds the result to): lent to the
    handler with the texts, as it would find them in the same texts."""
    if isinstance(ins, InsertWords) and ins.position in ("end", "start"):  # no words to find
        return seen_before(ws, ins, targets)
    seen = Seen(ws, targets)
    try:
        each = seen.find_each(quote_finder(ins))
    except (ValueError, ApplyError):  # empty quoted words, a «(…)» without both ends: the
        # handler meets it where it always did, after its own refusals (the check, which
        # would look for the words again, is not reached); the texts alone are lent
        lent = seen.held_slots
    else:
        lent = {id(target): (target, read, ins, found)
                for target, read, found in zip(targets, seen.read, each)}
    ws.hold_texts(seen.held, lent)
    return seen


def _check_spliced(ws: Workspace, targets: list[Target], seen: Seen, spans: dict,
                   new: str) -> None:
    """Each element is its old text with the instruction's spans replaced by ``new``
    (elements without a span unchanged), and no target's text is as it was."""
    now, texts = seen.now(ws), seen.texts
    for target, own in zip(targets, seen.slots):
        # the elements of the target's slots, in order, once each (the usual target: one)
        mine = [own[0][0]] if len(own) == 1 else sorted({at for at, _, _ in own})
        for at in mine:
            if now[at] != texts[at]:
                break
        else:
            raise failed(target, "the text is unchanged")
        for at in mine:
            found = spans.get(at)  # a list of spans, never empty, or None
            if found is None and now[at] != texts[at]:
                raise failed(target, "text changed where the instruction does not say so")
            if found is not None and not spliced(texts[at], found, new, now[at]):
                raise failed(target, "the text is not the old text with the new words in "
                             "their place")
            if not _WORD.search(now[at]):
                raise failed(target, "no words are left (a whole element goes with «vervalt»)")


def _spans(seen: Seen, ins) -> dict:
    """Where ``found_before`` found the quoted words (or, had it not, where they are in
    the texts as they were)."""
    return seen.spans if seen.spans is not None else seen.find(quote_finder(ins))


def replace_words_after(ws, ins, targets, seen):
    _check_spliced(ws, targets, seen, _spans(seen, ins), ins.new)


def delete_words_after(ws, ins, targets, seen):
    _check_spliced(ws, targets, seen, _spans(seen, ins), "")


def insert_words_after(ws, ins, targets, seen):
    if ins.position in ("end", "start"):
        spans = {}
        for own in seen.slots:
            at, lo, hi = own[-1] if ins.position == "end" else own[0]
            point = lo + T.end_position(seen.texts[at][lo:hi]) if ins.position == "end" else lo
            spans.setdefault(at, []).append((point, point))
    else:
        after = ins.position != "before"
        spans = {at: [(e, e) if after else (s, s) for s, e in found] for at, found in
                 _spans(seen, ins).items()}
    _check_spliced(ws, targets, seen, spans, ins.new)


def replace_after_after(ws, ins, targets, seen):
    now = Seen(ws, targets)
    for target, before, after in zip(targets, seen.slots, now.slots):
        old = [seen.texts[at] for at, _, _ in before]
        new = [now.texts[at] for at, _, _ in after]
        if old == new:
            raise failed(target, "the text is unchanged")
        if not any(T.find(now.texts[at], ins.anchor, lo, hi) for at, lo, hi in after):
            raise failed(target, f"the anchor «{ins.anchor}» is gone")
        flat = " ".join(now.texts[at][lo:hi] for at, lo, hi in after)
        if core(ins.new) and core(ins.new) not in flat:
            raise failed(target, f"«{core(ins.new)}» is not there")


# --------------------------------------------------------------------------- marks and labels


def _marks(seen: Seen, own: list, mark: str) -> int:
    return sum(1 for at, lo, hi in own
               for p in T.punctuation_positions(seen.texts[at][:hi], mark) if p >= lo)


def _unchanged(seen: Seen, now: Seen, index: int) -> bool:
    return [seen.texts[at] for at, _, _ in seen.slots[index]] == \
        [now.texts[at] for at, _, _ in now.slots[index]]


def replace_punctuation_after(ws, ins, targets, seen):
    now = Seen(ws, targets)  # the slots as they are now (a volzin's end has moved)
    for index, target in enumerate(targets):
        if _unchanged(seen, now, index):
            raise failed(target, "the text is unchanged")
        own = now.slots[index]
        at, lo, hi = own[-1] if ins.position == "end" else own[0]
        piece, new = now.texts[at][lo:hi].strip(), T.normalize(ins.new)
        ends = piece.endswith(new) if ins.position == "end" else piece.startswith(new)
        if not ends:
            raise failed(target, f"it does not {ins.position} with «{new}»")


def delete_punctuation_after(ws, ins, targets, seen):
    now = Seen(ws, targets)
    for index, target in enumerate(targets):
        if _marks(now, now.slots[index], ins.mark) != _marks(seen, seen.slots[index], ins.mark) - 1:
            raise failed(target, f"the mark «{ins.mark}» is still there")


def delete_label_before(ws, ins, targets):
    return None  # the check needs nothing of the text before


def delete_label_after(ws, ins, targets, state):
    for target in targets:
        if target.kind == "onderdeel" and target.element.find("li.nr") is not None:
            raise failed(target, "its label is still there")
        if target.kind == "lid" and not any(target.element is el for el in ws.unnumbered_leden):
            raise failed(target, "its number is still there")


def insert_label_after(ws, ins, targets, state):
    """The article's text is now its one lid, under the label given, and nothing of it
    stands outside that lid."""
    for target in targets:
        leden = [el for el in target.element if el.tag == "lid"]
        loose = [el for el in target.element if el.tag in ("al", "lijst")]
        if len(leden) != 1 or loose or leden[0].findtext("lidnr") != ins.label.rstrip("."):
            raise failed(target, f"its text is not lid {ins.label}")


REPLACE_WORDS = Postcondition(found_before, replace_words_after)
DELETE_WORDS = Postcondition(found_before, delete_words_after)
INSERT_WORDS = Postcondition(found_before, insert_words_after)
REPLACE_AFTER = Postcondition(seen_before, replace_after_after)
REPLACE_PUNCTUATION = Postcondition(seen_before, replace_punctuation_after)
DELETE_PUNCTUATION = Postcondition(seen_before, delete_punctuation_after)
DELETE_LABEL = Postcondition(delete_label_before, delete_label_after)
INSERT_LABEL = Postcondition(delete_label_before, insert_label_after)
