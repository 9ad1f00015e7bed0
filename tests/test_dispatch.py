"""dispatch: one handler for every instruction class, and nothing else in the table."""
from __future__ import annotations

import inspect

import pytest

from consolidator import model
from consolidator.apply.dispatch import APPLY


def test_every_instruction_class_has_a_handler():
    missing = [cls.__name__ for cls in model.INSTRUCTION_CLASSES if cls not in APPLY]
    assert missing == []


def test_the_table_holds_nothing_but_the_instruction_classes():
    extra = [getattr(key, "__name__", repr(key)) for key in APPLY
             if key not in model.INSTRUCTION_CLASSES]
    assert extra == []
    assert len(APPLY) == len(set(model.INSTRUCTION_CLASSES))


@pytest.mark.parametrize("cls", model.INSTRUCTION_CLASSES, ids=lambda cls: cls.__name__)
def test_each_handler_takes_the_instruction_of_its_class(cls):
    """A handler is called as ``handler(ws, instruction, targets)`` and says which
    instruction it takes: a table entry wired to another kind's handler fails here."""
    handler = APPLY[cls]
    parameters = list(inspect.signature(handler).parameters.values())
    assert [p.name for p in parameters] == ["ws", "ins", "targets"]
    assert parameters[1].annotation == cls.__name__  # annotations are strings (PEP 563)

