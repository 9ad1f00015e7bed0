"""The quicker ``__init__`` of the model's frozen dataclasses (``consolidator.frozen``)
takes the same parameters and sets the same fields as the dataclass's own."""
from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from consolidator import model
from consolidator.frozen import ORIGINAL_INITS, quick_init

CLASSES = sorted(ORIGINAL_INITS, key=lambda cls: cls.__name__)


def test_every_model_dataclass_is_served():
    served = {cls for cls in vars(model).values()
              if isinstance(cls, type) and dataclasses.is_dataclass(cls)
              and cls.__module__ == model.__name__}
    assert served == set(ORIGINAL_INITS) and len(served) > 25


def _parameters(init) -> list:
    return [(p.name, p.kind, p.default) for p in inspect.signature(init).parameters.values()]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_the_same_parameters_and_defaults(cls):
    assert _parameters(cls.__init__) == _parameters(ORIGINAL_INITS[cls])


def _made(cls, init, arguments: dict):
    """Every field's value after ``init`` (a field it left unset raises)."""
    instance = object.__new__(cls)
    init(instance, **arguments)
    return {field.name: getattr(instance, field.name) for field in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_the_same_fields_with_and_without_defaults(cls):
    parameters = list(inspect.signature(ORIGINAL_INITS[cls]).parameters.values())[1:]
    every = {p.name: object() for p in parameters}  # a value of its own for each
    required = {name: every[name] for name, p in zip(every, parameters)
                if p.default is inspect.Parameter.empty}
    for arguments in (every, required):
        assert _made(cls, cls.__init__, arguments) == _made(cls, ORIGINAL_INITS[cls], arguments)


def test_instances_stay_frozen_equal_and_hashable():
    step = model.Step("artikel", "12")
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.number = "13"
    assert step == model.Step("artikel", "12") and hash(step) == hash(model.Step("artikel", "12"))
    assert dataclasses.replace(step, number="13") == model.Step("artikel", "13")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_instances_hold_their_fields_in_slots(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    instance = cls(**{p.name: None for p in parameters})
    assert not hasattr(instance, "__dict__")


def test_instances_pickle_and_copy_as_they_are():
    sentence_span = model.Span(3, 5, 3, 9)
    assert pickle.loads(pickle.dumps(sentence_span)) == sentence_span
    assert copy.deepcopy(model.Step("artikel", "12")) == model.Step("artikel", "12")


def test_a_class_it_cannot_serve_is_refused():
    @dataclasses.dataclass
    class Plain:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self):
            pass

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        a: int

    for cls in (Plain, Factory, Checked, Unslotted):
        with pytest.raises(TypeError):
            quick_init(cls)
