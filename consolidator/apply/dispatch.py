"""Which handler applies each kind of instruction: one entry per instruction class of
``model.INSTRUCTION_CLASSES`` (tests/test_dispatch.py holds the table to that list).

A handler is called as ``handler(ws, instruction, targets)``: the sentence's
``Workspace``, the instruction, and its targets resolved before the sentence began.
"""
from __future__ import annotations

from typing import Callable

from consolidator.apply.elements import delete_element, insert_element, renumber, replace_element
from consolidator.apply.labels import delete_label
from consolidator.apply.words import (
    delete_punctuation, delete_words, insert_words, replace_after, replace_punctuation,
    replace_words,
)
from consolidator.model import (
    DeleteElement, DeleteLabel, DeletePunctuation, DeleteWords, InsertElement, InsertWords,
    Renumber, ReplaceAfter, ReplaceElement, ReplacePunctuation, ReplaceWords,
)


APPLY: dict[type, Callable] = {
    ReplaceWords: replace_words, ReplaceAfter: replace_after, DeleteWords: delete_words,
    InsertWords: insert_words, ReplacePunctuation: replace_punctuation,
    DeletePunctuation: delete_punctuation, DeleteLabel: delete_label,
    DeleteElement: delete_element, ReplaceElement: replace_element,
    InsertElement: insert_element, Renumber: renumber,
}
