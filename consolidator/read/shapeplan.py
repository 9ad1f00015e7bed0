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
from consolidator.read.shapecode import program_of


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


def _step(op: tuple, slots: dict) -> Callable[[list, list], object]:
    """One op of a ``Program`` as a function of the slots and the tokens' positions that
    gives the op's value; one that calls a builder method names its rule (``rule``),
    the others None."""
    if op[0] == "call":
        _, _, method, meta, children, rule = op
        step = _call(method, slots[meta], [slots[c] for c in children])
        step.rule = rule
        return step
    if op[0] == "tree":
        _, _, rule, children, meta = op
        step = _tree(rule, tuple(slots[c] for c in children), slots[meta])
    else:
        _, _, start, stop = op
        step = _columns(start, stop, slots)
    step.rule = None
    return step


def _call(method, columns: int, children: list[int]) -> Callable[[list, list], object]:
    """The call of a builder method with the columns and children in those slots."""
    if len(children) == 1:  # most calls
        only = children[0]
        return lambda slots, spans: method(slots[columns], [slots[only]])
    if not children:
        return lambda slots, spans: method(slots[columns], [])
    values = itemgetter(*children)  # several: a tuple of them
    return lambda slots, spans: method(slots[columns], list(values(slots)))


def _tree(rule: str, children: tuple, columns: int) -> Callable[[list, list], Tree]:
    return lambda slots, spans: Tree(rule, [slots[i] for i in children], slots[columns])


def _columns(start, stop, slots: dict) -> Callable[[list, list], object]:
    """Columns from where ``start`` starts to where ``stop`` ends: a token's position
    (on one line: line 1, a column is the position plus one) or columns in a slot."""
    if isinstance(start, int) and isinstance(stop, int):
        first, last = 2 * start, 2 * stop + 1
        return lambda slots, spans: meta_at(1, spans[first] + 1, 1, spans[last] + 1)
    if isinstance(start, int):
        first, last = 2 * start, slots[stop]
        return lambda slots, spans: meta_at(1, spans[first] + 1, slots[last].end_line,
                                            slots[last].end_column)
    if isinstance(stop, int):
        first, last = slots[start], 2 * stop + 1
        return lambda slots, spans: meta_at(slots[first].line, slots[first].column, 1,
                                            spans[last] + 1)
    first, last = slots[start], slots[stop]
    return lambda slots, spans: meta_at(slots[first].line, slots[first].column,
                                        slots[last].end_line, slots[last].end_column)


def _runner(builder, tokens: tuple, plan: tuple, value: int,
            meta: int) -> Callable[[str, list], Built]:
    def shape(text: str, spans: list) -> Built:
        slots = [None, _NO_POSITION]
        for kind, start, end in tokens:
            slots.append(line_token(text, kind, spans[start], spans[end]))
        try:
            for step in plan:
                slots.append(step(slots, spans))
        except Exception as exc:
            if step.rule is None:  # a fault of the plan's own steps, not of a sentence
                raise
            builder.failure = (step.rule, exc)  # as the compiled shape keeps it
            return Built(None, _NO_POSITION)
        return Built(slots[value], slots[meta])

    shape.plan = (tokens, plan, value, meta)
    return shape
