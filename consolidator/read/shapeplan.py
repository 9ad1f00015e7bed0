"""A shape of sentence run as data: the ``Program`` of ``shapecode`` (which builder
methods to call, in which order, with which children and columns) followed step by
step, without compiling it.

Compiling a shape to Python costs about half a millisecond, as much as reading some
twenty sentences of it; working out its ``Program`` costs a tenth of that, and running
it saves most of what the compiled function saves over the reducers (the stacks, the
tokens the grammar drops, the columns no method reads). So a shape met a few times
runs as a plan, and one met often is compiled (``onepass``).

Every value the plan makes has a slot in one list, in the order it is made: None and
no columns first, then the tokens the plan reads, then one slot per step. It calls
the same methods with the same children and columns as the compiled function, and
stops at the first method that fails, as it does (tests/test_shape_code.py holds the
three ways to each other).
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Sequence

from lark import Tree

from consolidator.read.quicklex import line_token
from consolidator.read.reducers import _NO_POSITION, Built, Reduction, meta_at
from consolidator.read.shapecode import Program, program_of

#: the kinds of step, as the plan holds them (``_step``): a method called with one
#: child, with several or none, columns made, a ``Tree`` made
_CALL_ONE, _CALL, _META, _TREE = 0, 1, 2, 3


def plan_shape(builder, steps: Sequence[tuple[Reduction, ...]],
               end: tuple[Reduction, ...], kinds: Sequence[str]) -> Callable[[str, list], Built]:
    """The function of a sentence of one line and where its tokens start and end that
    builds what the compiled shape would (the arguments are ``compile_shape``'s)."""
    program = program_of(steps, end)
    slots = {"None": 0, "_NP": 1}
    tokens = []
    for index in program.read:
        slots[f"t{index}"] = len(slots)
        tokens.append((kinds[index], 2 * index, 2 * index + 1))
    plan = []
    for op in program.ops:
        plan.append(_step(op, slots))
        slots[op[1]] = len(slots)
    value, meta = program.result
    return _runner(builder, tuple(tokens), tuple(plan), slots[value], slots[meta])


def _step(op: tuple, slots: dict) -> tuple:
    """One op of a ``Program`` with the slots of the values it reads."""
    if op[0] == "call":
        _, _, method, meta, children, rule = op
        if len(children) == 1:  # most calls: the child's slot itself
            return (_CALL_ONE, method, slots[meta], slots[children[0]], rule)
        return (_CALL, method, slots[meta], _getter([slots[c] for c in children]), rule)
    if op[0] == "tree":
        _, _, rule, children, meta = op
        return (_TREE, rule, tuple(slots[c] for c in children), slots[meta])
    _, _, start, stop = op
    # columns start at a token's position (line 1 of one line) or where columns do
    return (_META, *_source(start, 2 * start if isinstance(start, int) else 0, slots),
            *_source(stop, 2 * stop + 1 if isinstance(stop, int) else 0, slots))


def _getter(indexes: list[int]) -> Callable[[list], tuple]:
    """The values at ``indexes`` of a list, as a tuple (one call, not a loop)."""
    if not indexes:
        return _nothing
    if len(indexes) == 1:
        only = indexes[0]
        return lambda values: (values[only],)
    return itemgetter(*indexes)


def _nothing(values: list) -> tuple:
    return ()


def _source(source, position: int, slots: dict) -> tuple[bool, int]:
    """(True, index in the token positions) or (False, slot of the columns)."""
    if isinstance(source, int):
        return True, position
    return False, slots[source]


def _runner(builder, tokens: tuple, plan: tuple, value: int,
            meta: int) -> Callable[[str, list], Built]:
    def shape(text: str, spans: list) -> Built:
        slots = [None, _NO_POSITION]
        for kind, start, end in tokens:
            slots.append(line_token(text, kind, spans[start], spans[end]))
        for step in plan:
            code = step[0]
            if code <= _CALL:
                _, method, columns, children, rule = step
                columns = slots[columns]
                children = [slots[children]] if code == _CALL_ONE else list(children(slots))
                try:
                    slots.append(method(columns, children))
                except Exception as exc:  # the sentence's failure, as the compiled shape keeps it
                    builder.failure = (rule, exc)
                    return Built(None, _NO_POSITION)
            elif code == _META:
                slots.append(_columns(step, slots, spans))
            else:
                _, rule, children, columns = step
                slots.append(Tree(rule, [slots[i] for i in children], slots[columns]))
        return Built(slots[value], slots[meta])

    shape.plan = (tokens, plan, value, meta)
    return shape


def _columns(step: tuple, slots: list, spans: list):
    """The columns a ``_META`` step makes."""
    _, start_token, start, stop_token, stop = step
    if start_token:
        line, column = 1, spans[start] + 1
    else:
        line, column = slots[start].line, slots[start].column
    if stop_token:
        return meta_at(line, column, 1, spans[stop] + 1)
    return meta_at(line, column, slots[stop].end_line, slots[stop].end_column)
