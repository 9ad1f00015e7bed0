"""Which handler applies each kind of instruction, and which postcondition checks it: one
entry per instruction class of ``model.INSTRUCTION_CLASSES`` in each table
(tests/test_dispatch.py holds both tables to that list).

A handler is called as ``handler(ws, instruction, targets)``: the sentence's
``Workspace``, the instruction, and its targets resolved before the sentence began. Its
postcondition's ``before(ws, instruction, targets)`` is called just before it, and
``after(ws, instruction, targets, state)`` just after: a result that is not what the
instruction says is an ``ApplyError`` naming the instruction, so no file is written.
"""
from __future__ import annotations

from typing import Callable

from consolidator.apply import postelements as PE
from consolidator.apply import postwords as PW
from consolidator.apply.elements import delete_element, insert_element, renumber, replace_element
from consolidator.apply.labels import delete_label, insert_label
from consolidator.apply.words import (
    delete_punctuation, delete_words, insert_words, replace_after, replace_punctuation,
    replace_words,
)
from consolidator.model import (
    DeleteElement, DeleteLabel, DeletePunctuation, DeleteWords, InsertElement, InsertLabel,
    InsertWords, Renumber, ReplaceAfter, ReplaceElement, ReplacePunctuation, ReplaceWords,
)


APPLY: dict[type, Callable] = {
    ReplaceWords: replace_words, ReplaceAfter: replace_after, DeleteWords: delete_words,
    InsertWords: insert_words, ReplacePunctuation: replace_punctuation,
    DeletePunctuation: delete_punctuation, DeleteLabel: delete_label,
    DeleteElement: delete_element, ReplaceElement: replace_element,
    InsertElement: insert_element, Renumber: renumber, InsertLabel: insert_label,
}

POSTCONDITIONS: dict[type, PW.Postcondition] = {
    ReplaceWords: PW.REPLACE_WORDS, ReplaceAfter: PW.REPLACE_AFTER,
    DeleteWords: PW.DELETE_WORDS, InsertWords: PW.INSERT_WORDS,
    ReplacePunctuation: PW.REPLACE_PUNCTUATION, DeletePunctuation: PW.DELETE_PUNCTUATION,
    DeleteLabel: PW.DELETE_LABEL, DeleteElement: PE.DELETE_ELEMENT,
    ReplaceElement: PE.REPLACE_ELEMENT, InsertElement: PE.INSERT_ELEMENT,
    Renumber: PE.RENUMBER, InsertLabel: PW.INSERT_LABEL,
}
