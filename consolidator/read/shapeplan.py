"""A shape of sentence run as data: the ``Program`` of ``shapecode`` (which builder
methods to call, in which order, with which children and columns) followed step by
step, without compiling it.

Compiling a shape to Python costs about half a millisecond, as much as reading some
twenty sentences of it; working out its ``Program`` costs a tenth of that, and running
it saves most of what the compiled function saves over the reducers (the stacks, the
tokens the grammar drops, the columns no method reads). So a shape met a few times
runs as a plan, and one met often is compiled (``onepass``).

Every value the plan makes has a slot in one list, in the order it is made: None and
no columns first, then the tokens the plan reads, then the columns the methods read,
then one slot per call. The columns are made before the calls: they come from where
the tokens stand and from other columns, never from what a method gives (``plan_shape``
checks this), so making them first changes nothing a method can see. The calls are
followed in one loop, each a tuple of data (no function of its own per step: a Python
call per step cost a plan some 1,000 instructions a step more than the compiled
function). It calls the same methods with the same children and columns as the
compiled function, and stops at the first method that fails, as it does
(tests/test_shape_code.py holds the three ways to each other).
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Sequence

from lark import Tree

from consolidator.read.quicklex import Tok
from consolidator.read.reducers import _NO_POSITION, Built, Reduction, _Meta
from consolidator.read.shapecode import program_of

_new = object.__new__
_new_str = str.__new__


def plan_shape(builder, steps: Sequence[tuple[Reduction, ...]],
               end: tuple[Reduction, ...], kinds: Sequence[str]) -> Callable[[str, list], Built]:
    """The function of a sentence of one line and where its tokens start and end that
    builds what the compiled shape would (the arguments are ``compile_shape``'s)."""
    program = program_of(steps, end)
    slots = {"None": 0, "_NP": 1}
    tokens = []
    as_text = _read_as_text(program)
    for index in program.read:
        name = f"t{index}"
        slots[name] = len(slots)
        # a token only methods marked ``text_only`` read is given as its text (kind None)
        tokens.append((None if name in as_text else kinds[index], 2 * index, 2 * index + 1))
    columns = []
    for op in program.ops:
        if op[0] == "meta":
            columns.append(_columns(op, slots))
            slots[op[1]] = len(slots)
    calls = []
    for op in program.ops:
        if op[0] != "meta":
            calls.append(_call(op, slots))
            slots[op[1]] = len(slots)
    value, meta = program.result
    return _runner(builder, tuple(tokens), tuple(columns), tuple(calls), slots[value],
                   slots[meta])


def _read_as_text(program) -> set:
    """The names of the tokens that only methods marked ``text_only`` read (as children:
    not as their columns, nor as the result), to whom a token's text is the token."""
    as_text, otherwise = set(), set(program.result)
    for op in program.ops:
        if op[0] == "call" and getattr(op[2], "reads_text_only", False):
            as_text.update(op[4])
            otherwise.add(op[3])
        elif op[0] == "meta":
            otherwise.update(source for source in op[2:] if isinstance(source, str))
        elif op[0] == "call":
            otherwise.update((op[3], *op[4]))
        else:  # a Tree keeps its children
            otherwise.update((*op[3], op[4]))
    return as_text - otherwise


def _columns(op: tuple, slots: dict) -> tuple:
    """Columns from where ``start`` starts to where ``stop`` ends, as (the index in the
    tokens' positions of the start, or None; the slot of columns it starts with, or 0;
    the same for the end): a token's position gives line 1 and the position plus one."""
    _, _, start, stop = op
    return _source(start, 2 * start if isinstance(start, int) else None, slots) + \
        _source(stop, 2 * stop + 1 if isinstance(stop, int) else None, slots)


def _source(source, position, slots: dict) -> tuple:
    if position is not None:
        return position, 0
    slot = slots.get(source)
    if slot is None or slot < 2:  # not columns made before: a fault of ``program_of``
        raise ValueError(f"columns from {source!r}, which is no token nor columns made before")
    return None, slot


def _call(op: tuple, slots: dict) -> tuple:
    """One call of a ``Program`` as data: (the function, the slot of its columns, the
    number of children, the slots of the first two, a getter of them all, its rule).
    A rule with no method makes Lark's ``Tree``; its rule is None, so that a fault there
    is raised, not kept as the sentence's failure."""
    if op[0] == "call":
        _, _, method, meta, children, rule = op
    else:
        _, _, name, children, meta = op
        method, rule = _tree(name), None
    at = [slots[c] for c in children]
    first = at[0] if at else 0
    second = at[1] if len(at) > 1 else 0
    every = itemgetter(*at) if len(at) > 2 else None
    return method, slots[meta], len(at), first, second, every, rule


def _tree(rule: str) -> Callable[[object, list], Tree]:
    return lambda meta, children: Tree(rule, children, meta)


def _runner(builder, tokens: tuple, columns: tuple, calls: tuple, value: int,
            meta: int) -> Callable[[str, list], Built]:
    def shape(text: str, spans: list) -> Built:
        slots = [None, _NO_POSITION]
        append = slots.append
        for kind, start, end in tokens:  # ``quicklex.line_token``, without a call each
            first, last = spans[start], spans[end]
            word = text[first:last]
            if kind is None:  # read only as text (``_read_as_text``)
                append(word)
                continue
            token = _new_str(Tok, word)
            token.type, token.value, token.start_pos, token.end_pos = kind, word, first, last
            token.line = token.end_line = 1
            token.column, token.end_column = first + 1, last + 1
            append(token)
        for start, start_slot, stop, stop_slot in columns:
            made = _new(_Meta)
            if start_slot:
                source = slots[start_slot]
                made.line, made.column = source.line, source.column
            else:
                made.line, made.column = 1, spans[start] + 1
            if stop_slot:
                source = slots[stop_slot]
                made.end_line, made.end_column = source.end_line, source.end_column
            else:
                made.end_line, made.end_column = 1, spans[stop] + 1
            append(made)
        try:
            for method, at, count, first, second, every, rule in calls:
                if count == 1:  # most calls
                    append(method(slots[at], [slots[first]]))
                elif count == 2:
                    append(method(slots[at], [slots[first], slots[second]]))
                elif count == 0:
                    append(method(slots[at], []))
                else:
                    append(method(slots[at], list(every(slots))))
        except Exception as exc:
            if rule is None:  # a fault of the plan's own steps, not of a sentence
                raise
            builder.failure = (rule, exc)  # as the compiled shape keeps it
            return Built(None, _NO_POSITION)
        return Built(slots[value], slots[meta])

    shape.plan = (tokens, columns, calls, value, meta)
    return shape
