"""A shape of sentence compiled: the reductions of one sequence of token kinds as one
straight Python function of the tokens.

The one-pass parser (``onepass``) learns, per sequence of token kinds, which rules
reduce after which token (an LALR parser's actions depend on the kinds alone). Where
every token is read, what is left to do is to call the builder's methods in that order
with the right children and columns; which symbol of the stack each child is, which
tokens a rule drops, which helper rule splices into its parent and which columns a rule
covers are the same for every sentence of the shape. This module works them out once,
on a stack of names instead of values (``program_of``: a ``Program``), and writes the
calls down (``compile_shape``)::

    def shape(x, s):
        try:
            t1 = _tok(x, K1, s[2], s[3])
            m2 = _at(1, s[0] + 1, 1, s[3] + 1)
            v3 = M4(m2, [t1])
            …
            return Built(v9, m10)
        except Exception as exc:
            return _failed(exc)

A token is made only where the code reads it (``x`` is the sentence, ``s`` where each
token starts and ends): most are words the grammar drops, whose columns are all a
rule's columns need. Compiling costs about as much as reading twenty sentences; a
shape met a few times runs its ``Program`` as data instead (``shapeplan``).

It calls the same methods, in the same order, with the same children and columns as
the reducers of ``reducers`` do one at a time (tests/test_shape_code.py holds the two
to each other and to Lark), and stops at the first method that fails, as they do.
"""
from __future__ import annotations

import dis
import inspect
from functools import lru_cache
from typing import Callable, Optional, Sequence

from lark import Tree

from consolidator.read.quicklex import line_token
from consolidator.read.reducers import _NO_POSITION, Built, Reduction, meta_at


class _Entry:
    """A symbol on the compile-time stack: the name of its value, where its columns
    start and end (a token's index, or the name of columns whose ``line``/``column``
    and ``end_line``/``end_column`` give them), the name of its columns as one object
    once one is made, whether it covers no token, whether it is a token (its own
    columns), and for a spliced helper the entries it spreads into its parent."""

    __slots__ = ("value", "start", "stop", "meta", "empty", "token", "spliced")

    def __init__(self, value: Optional[str], start, stop,
                 meta: Optional[str], empty: bool = False, token: bool = False,
                 spliced: Optional[list] = None):
        self.value, self.start, self.stop, self.meta = value, start, stop, meta
        self.empty, self.token, self.spliced = empty, token, spliced


_EMPTY = _Entry("None", None, None, "_NP", empty=True)


class _Writer:
    """The steps of the function, as they are worked out: each makes one named value
    (``ops``, see ``Program``)."""

    def __init__(self):
        self.ops: list[tuple] = []
        self.count = 0

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def meta(self, entry: _Entry) -> str:
        """The name of ``entry``'s columns as one object, made here if need be."""
        if entry.meta is None:
            entry.meta = self.fresh("m")
            self.ops.append(("meta", entry.meta, entry.start, entry.stop))
        return entry.meta


class Program:
    """A shape worked out: what its function does, whether written as Python
    (``compile_shape``) or run as data (``shapeplan``). ``ops`` in order, each making
    the value it names: ``("meta", name, start, stop)`` columns from where ``start``
    starts to where ``stop`` ends (a token's index, or the name of columns);
    ``("call", name, method, meta, children, rule)`` the rule's method with columns
    ``meta`` (or «None») and the values named ``children``; ``("tree", name, rule,
    children, meta)`` the ``Tree`` Lark makes for a rule with no method. «None» and
    «_NP» name None and no columns, «tN» the N-th token, made only where ``read``
    holds N. ``result``: the names of the start rule's value and columns."""

    __slots__ = ("ops", "result", "read")

    def __init__(self, ops: list[tuple], result: tuple[str, str]):
        self.ops, self.result = ops, result
        named = [name for op in ops for name in _read_by(op)] + list(result)
        self.read = sorted({int(name[1:]) for name in named if name[:1] == "t"})


def _read_by(op: tuple) -> list:
    """The names an op reads."""
    if op[0] == "meta":
        return [source for source in op[2:] if isinstance(source, str)]
    if op[0] == "call":
        return [op[3], *op[4]]
    return [*op[3], op[4]]


def _start(source) -> str:
    """Where columns start: token ``source``'s start (one line: line 1, the position
    plus one), or the start of the columns named ``source``."""
    if isinstance(source, int):
        return f"1, s[{2 * source}] + 1"
    return f"{source}.line, {source}.column"


def _stop(source) -> str:
    """Where columns end (see ``_start``)."""
    if isinstance(source, int):
        return f"1, s[{2 * source + 1}] + 1"
    return f"{source}.end_line, {source}.end_column"


#: the function's first lines: «def shape(x, s):», «try:»
_FIRST_BODY_LINE = 3


def _failed_rule(shape, exc: Exception) -> str:
    """The rule whose method raised ``exc`` in ``shape``: the one called on the line of
    the shape's function the exception came through. Raises ``exc`` again where no
    method was called (a fault of this module, not of a sentence)."""
    rule = shape.rules.get(exc.__traceback__.tb_lineno)
    if rule is None:
        raise exc
    return rule


def _extent(entries: Sequence[_Entry]) -> _Entry:
    """The columns of a rule over ``entries``: one symbol's are its own; several cover
    the first positioned to the last (made only when a method is given them)."""
    if len(entries) == 1:
        return entries[0]
    positioned = [e for e in entries if not e.empty]
    if not positioned:
        return _EMPTY
    return _Entry(None, positioned[0].start, positioned[-1].stop, None)


def _kept(entries: Sequence[_Entry], keep: tuple) -> list[_Entry]:
    """The kept entries, a spliced helper's own spread in."""
    kept: list[_Entry] = []
    for index, spliced in keep:
        kept.extend(entries[index].spliced if spliced else (entries[index],))
    return kept


def _reduce(writer: _Writer, stack: list, reduction: Reduction) -> None:
    """Work out ``reduction``: its entries leave ``stack`` and its result takes their place."""
    size = reduction.size
    popped = stack[len(stack) - size:] if size else []
    del stack[len(stack) - size:]
    extent = _extent(popped) if popped else _EMPTY
    items = popped if reduction.keeps_all else _kept(popped, reduction.keep)
    if reduction.splices:
        stack.append(_Entry(None, extent.start, extent.stop, extent.meta, extent.empty,
                            spliced=items))
    elif reduction.passes_single and len(items) == 1:  # «?action: replace_words | …»
        single = items[0]
        # a token passes with its own columns; a rule's result takes the rule's
        stack.append(single if single.token else
                     _Entry(single.value, extent.start, extent.stop, extent.meta, extent.empty))
    elif len(items) == 1 and reduction.method is not None and passes_first(reduction.method):
        # «targets: element_list»: a method that gives back its only child as it is is
        # not called; its value is that child's, with the rule's columns, as ``_call``
        # gives them (it reads no columns, so none are made for it)
        stack.append(_Entry(items[0].value, extent.start, extent.stop, extent.meta,
                            extent.empty))
    else:
        stack.append(_call(writer, reduction, items, extent))


def _call(writer: _Writer, reduction: Reduction, items: list, extent: _Entry) -> _Entry:
    """The call of the rule's method (or the ``Tree`` Lark would make)."""
    children = [item.value for item in items]
    value = writer.fresh("v")
    if reduction.method is None:
        meta = writer.meta(extent)
        writer.ops.append(("tree", value, reduction.name, children, meta))
        return _Entry(value, meta, meta, meta, extent.empty)
    # a method that never reads its columns gets None: they are made only where read
    meta = writer.meta(extent) if reads_meta(reduction.method) else "None"
    writer.ops.append(("call", value, reduction.method, meta, children, reduction.name))
    # The reducers copy the columns of a rule whose method gives back its own token, so
    # that the token's identity no longer says «token» on their stack; here whether an
    # entry is a token is known while compiling, and the copy would only hold the same
    # columns: a method reads the same from either.
    return _Entry(value, extent.start, extent.stop, extent.meta, extent.empty)


@lru_cache(maxsize=None)
def reads_meta(method) -> bool:
    """Whether ``method`` reads its first argument, the columns (``meta``): False only for
    a Python function whose code never names it in an instruction (nor a function inside
    it). Any instruction that names it counts, whatever its opcode: the opcodes that load a
    local change from one Python to the next (3.13 loads two at once, «LOAD_FAST_LOAD_FAST»,
    its name a pair), and a method that only stores to it is merely given columns it does
    not read."""
    code = getattr(getattr(method, "__func__", method), "__code__", None)
    if code is None or code.co_argcount < 2:
        return True
    name = code.co_varnames[1 if hasattr(method, "__func__") else 0]
    if name in code.co_cellvars:
        return True
    return any(_names(op.argval, name) for op in dis.get_instructions(code))


def _names(argval, name: str) -> bool:
    """Whether an instruction's argument is ``name``, or a tuple of names holding it."""
    return argval == name or (isinstance(argval, tuple) and name in argval)


#: what the code of a method that gives back its first child is, «return children[0]»
_FIRST_CHILD = [("LOAD_CONST", 0), ("BINARY_SUBSCR", None), ("RETURN_VALUE", None)]
#: opcodes that do nothing
_NOTHING = {"RESUME", "NOP"}


@lru_cache(maxsize=None)
def passes_first(method) -> bool:
    """Whether ``method`` gives back its first child as it is: a Python method of
    (self, meta, children) whose code is «return children[0]» and nothing else (given
    one child it cannot fail, nor give anything else)."""
    code = getattr(getattr(method, "__func__", None), "__code__", None)
    if code is None or code.co_argcount != 3 or code.co_kwonlyargcount or \
            code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
        return False
    ops = [(op.opname, op.argval) for op in dis.get_instructions(code)
           if op.opname not in _NOTHING]
    return ops == [("LOAD_FAST", code.co_varnames[2])] + _FIRST_CHILD


def program_of(steps: Sequence[tuple[Reduction, ...]],
               end: tuple[Reduction, ...]) -> Program:
    """What the function of a sentence of one line does (``Program``): ``steps`` holds
    per token the reductions before its shift, ``end`` those of «$END»."""
    writer = _Writer()
    stack: list[_Entry] = []
    for index, reductions in enumerate(steps):
        for reduction in reductions:
            _reduce(writer, stack, reduction)
        name = f"t{index}"
        stack.append(_Entry(name, index, index, name, token=True))
    for reduction in end:
        _reduce(writer, stack, reduction)
    top = stack[-1]
    return Program(writer.ops, (top.value, writer.meta(top)))


def compile_shape(builder, steps: Sequence[tuple[Reduction, ...]],
                  end: tuple[Reduction, ...], kinds: Sequence[str]) -> Callable[[str, list], Built]:
    """The function of a sentence of one line and where its tokens start and end that
    builds what the reducers would (``program_of``; ``kinds``: each token's kind),
    written as Python and compiled."""
    program = program_of(steps, end)
    names: dict = {"_at": meta_at, "_tok": line_token, "Tree": Tree, "Built": Built,
                   "_NP": _NO_POSITION}
    made = [f"        t{i} = _tok(x, {_constant(names, kinds[i], 'K')}, s[{2 * i}], "
            f"s[{2 * i + 1}])" for i in program.read]
    lines, rules = _lines(program, names, len(made))
    value, meta = program.result
    lines.append(f"        return Built({value}, {meta})")
    # a method that fails stops the shape; the caller keeps (rule, exception), as a
    # Transformer would raise it (one «try» costs nothing until something is raised)
    source = ("def shape(x, s):\n    try:\n" + "\n".join(made + lines) +
              "\n    except Exception as exc:\n        return _failed(exc)\n")
    exec(compile(source, "<shape>", "exec"), names)  # noqa: S102 - our own code
    shape = names["shape"]
    shape.source = source
    shape.rules = rules

    def failed(exc: Exception) -> Built:
        builder.failure = (_failed_rule(shape, exc), exc)
        return Built(None, _NO_POSITION)

    names["_failed"] = failed
    return shape


def _constant(names: dict, value, prefix: str) -> str:
    """A name for ``value`` in the function's namespace."""
    name = f"{prefix}{len(names)}"
    names[name] = value
    return name


def _lines(program: Program, names: dict, first: int) -> tuple[list[str], dict]:
    """The lines of ``program``'s ops after ``first`` lines that make tokens, and the
    rule whose method each calling line calls, by line number."""
    lines, rules = [], {}
    for op in program.ops:
        if op[0] == "meta":
            _, name, start, stop = op
            lines.append(f"        {name} = _at({_start(start)}, {_stop(stop)})")
        elif op[0] == "call":
            _, name, method, meta, children, rule = op
            lines.append(f"        {name} = {_constant(names, method, 'M')}({meta}, "
                         f"[{', '.join(children)}])")
            rules[first + len(lines) + _FIRST_BODY_LINE - 1] = rule
        else:
            _, name, rule, children, meta = op
            lines.append(f"        {name} = Tree({_constant(names, rule, 'N')}, "
                         f"[{', '.join(children)}], {meta})")
    return lines, rules
