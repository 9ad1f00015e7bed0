"""A quicker ``__init__`` for frozen, slotted dataclasses.

A frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__`` (its own ``__setattr__`` refuses): about a quarter of a
microsecond a field. Reading an act makes a dozen model objects a sentence, so that
is a tenth of the builder's time. The ``__init__`` made here takes the same
parameters, in the same order, with the same defaults, and sets each field through
its slot's descriptor, which is what that ``__setattr__`` ends in; everything else
(frozenness, equality, hashing, ``repr``, ``dataclasses.replace``, pickling) is the
dataclass's own. The model's classes have slots (``@dataclass(frozen=True,
slots=True)``): an instance holds its fields without a ``__dict__`` of its own, half
the objects the collector has to walk after an act is read, and its fields are read
quicker. Classes it cannot serve so (no slots, ``__post_init__``, default factories,
keyword-only or init-only fields) are refused when it is applied, not served wrongly.
``tests/test_frozen.py`` holds every class it serves to its original ``__init__``.
"""
from __future__ import annotations

import dataclasses

#: per class served, the dataclass's own ``__init__`` (what the tests compare with)
ORIGINAL_INITS: dict = {}


def quick_init(cls: type) -> type:
    """``cls`` (a frozen dataclass) with the quicker ``__init__``."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: no slots, or a __post_init__: keep its own __init__")
    names = {}
    parameters, lines = [], []
    for field in dataclasses.fields(cls):
        if field.default_factory is not dataclasses.MISSING or field.kw_only:
            raise TypeError(f"{cls.__name__}.{field.name}: a default factory or keyword-only "
                            "field, keep its own __init__")
        default = f"_default_{field.name}"
        if field.default is not dataclasses.MISSING:
            names[default] = field.default
        setter = f"_set_{field.name}"  # the slot's own setter, bound once
        names[setter] = getattr(cls, field.name).__set__
        if field.init:
            parameters.append(field.name if field.default is dataclasses.MISSING
                              else f"{field.name}={default}")
            lines.append(f"    {setter}(self, {field.name})")
        elif field.default is not dataclasses.MISSING:  # set to its default, not a parameter
            lines.append(f"    {setter}(self, {default})")
    source = (f"def __init__(self, {', '.join(parameters)}):\n"
              + "\n".join(lines or ["    pass"]) + "\n")
    exec(compile(source, f"<{cls.__name__}.__init__>", "exec"), names)  # noqa: S102
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    ORIGINAL_INITS[cls] = cls.__init__
    cls.__init__ = init
    return cls
