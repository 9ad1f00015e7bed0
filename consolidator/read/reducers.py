"""What the one-pass parser (``onepass``) does at a reduction: the rule's result and
the columns it covers, on two stacks parallel to the parser's states (for a shape of
sentence not compiled by ``shapecode``, which works the same out once per shape).

The builder's method for a rule gets what Lark's tree building would have given it:
the kept children (anonymous and «_» tokens dropped, «__…» helper rules spliced in,
«?rule» with one child passed through) and the columns the rule matched (first to
last token, filtered ones included). A token is its own columns (``quicklex.Tok``);
a rule over one symbol shares that symbol's.
"""
from __future__ import annotations

from typing import Callable, Optional

from lark import Tree


class _Meta:
    """The columns a rule matched (what Lark's ``propagate_positions`` gives)."""

    __slots__ = ("line", "column", "end_line", "end_column")
    empty = False

    def __init__(self, start, stop):
        """From where ``start`` starts to where ``stop`` ends (tokens or columns)."""
        self.line, self.column = start.line, start.column
        self.end_line, self.end_column = stop.end_line, stop.end_column


_new = object.__new__


def meta_at(line: int, column: int, end_line: int, end_column: int) -> _Meta:
    """Columns from their four numbers (a compiled shape has them from the tokens'
    positions, without the tokens)."""
    meta = _new(_Meta)
    meta.line, meta.column, meta.end_line, meta.end_column = line, column, end_line, end_column
    return meta


class _NoPosition:
    """A rule that matched no token («telkens» left out): it has no columns."""

    __slots__ = ()
    empty = True


_NO_POSITION = _NoPosition()


class Built:
    """The start rule's result, with the columns it covers."""

    __slots__ = ("value", "meta")

    def __init__(self, value, meta):
        self.value, self.meta = value, meta


class _Spliced:
    """The kept values of a helper rule Lark inlines into its parent («(«,» action)*»
    becomes ``__actions_star_1``), with their columns."""

    __slots__ = ("values", "metas")

    def __init__(self, values: list, metas: list):
        self.values, self.metas = values, metas


def _extent(metas: list):
    """The columns from the first positioned of ``metas`` to the last one."""
    if len(metas) == 1:  # half of all reductions: a rule over one symbol
        return metas[0]  # the same columns (shared: a rule's columns are only read)
    for start in metas:
        if start is not _NO_POSITION:
            break
    else:
        return _NO_POSITION
    for end in reversed(metas):
        if end is not _NO_POSITION:
            break
    return _Meta(start, end)


def _popped(values: list, metas: list, size: int) -> tuple[list, list, object]:
    """The top ``size`` values and columns, taken off the stacks, and the columns
    they cover together."""
    if not size:
        return [], [], _NO_POSITION
    raw, raw_metas = values[-size:], metas[-size:]
    del values[-size:], metas[-size:]
    return raw, raw_metas, _extent(raw_metas)


def _is_spliced(symbol) -> bool:
    """Lark inlines a rule whose name starts with «_» into its parent."""
    return not symbol.is_term and symbol.name.startswith("_")


def _kept(values: list, metas: list, keep: tuple) -> tuple[list, list]:
    """The kept values and their columns, a spliced helper's own spread in."""
    kept_values, kept_metas = [], []
    for index, spliced in keep:
        if spliced:
            kept_values.extend(values[index].values)
            kept_metas.extend(values[index].metas)
        else:
            kept_values.append(values[index])
            kept_metas.append(metas[index])
    return kept_values, kept_metas


class Reduction:
    """What a reduction of one rule does, as data (what ``shapecode`` compiles a shape
    of sentence from) and as a function of the two stacks (``run``: what the parser
    calls where a shape is not compiled; None where it changes nothing: a «?rule»
    over one symbol it keeps, which Lark passes through)."""

    __slots__ = ("size", "name", "method", "keep", "keeps_all", "passes_single", "splices",
                 "run")

    def __init__(self, builder, rule):
        self.size = size = len(rule.expansion)
        keep_all = rule.options.keep_all_tokens
        #: per kept symbol: (its index in the expansion, whether it is a spliced helper)
        self.keep = tuple((i, _is_spliced(sym)) for i, sym in enumerate(rule.expansion)
                          if keep_all or not (sym.is_term and sym.filter_out))
        # most rules keep every symbol and splice none: their items are the matched symbols
        self.keeps_all = self.keep == tuple((i, False) for i in range(size))
        self.splices = _is_spliced(rule.origin)
        self.name = rule.alias or rule.options.template_source or rule.origin.name
        self.passes_single = bool(rule.options.expand1 and not rule.alias)
        self.method = None if self.splices else getattr(builder, self.name, None)
        self.run = self._runner(builder)

    def _runner(self, builder) -> Optional[Callable[[list, list], None]]:
        if self.splices:
            return _splice(self.size, self.keep)
        if self.passes_single and self.keeps_all and self.size == 1:
            return None
        if self.keeps_all and self.size == 1 and not self.passes_single:
            return _one_symbol(builder, self.name, self.method)
        return _general(builder, self)


def _general(builder, reduction: Reduction) -> Callable[[list, list], None]:
    """The reducer of a rule over several symbols (or one it passes or drops)."""
    size, keep, keeps_all = reduction.size, reduction.keep, reduction.keeps_all
    name, method, passes_single = reduction.name, reduction.method, reduction.passes_single

    def reduce(values: list, metas: list) -> None:
        raw, raw_metas, meta = _popped(values, metas, size)
        if builder.failure is not None:  # only a syntax error can still change the outcome
            values.append(None)
            metas.append(meta)
            return
        if keeps_all:
            items, item_metas = raw, raw_metas
        else:
            items, item_metas = _kept(raw, raw_metas, keep)
        if passes_single and len(items) == 1:  # «?action: replace_words | …»
            single, single_meta = items[0], item_metas[0]
            values.append(single)
            # a token passes with its own columns; a rule's result takes the rule's
            metas.append(single_meta if single is single_meta else meta)
            return
        if method is None:
            value = Tree(name, items, meta)
        else:
            try:
                value = method(meta, items)
            except Exception as exc:  # reported after the parse, as a Transformer would
                builder.failure = (name, exc)
                value = None
            if value is meta:  # a token given back: it is a result now, not a token
                meta = _Meta(meta, meta)
        values.append(value)
        metas.append(meta)

    return reduce


def _one_symbol(builder, name: str, method) -> Callable[[list, list], None]:
    """The reducer of a rule over one symbol that it keeps (a third of all
    reductions): the rule's columns are the symbol's, the stacks keep their length."""

    def reduce(values: list, metas: list) -> None:
        if builder.failure is not None:  # only a syntax error can still change the outcome
            values[-1] = None
            return
        meta = metas[-1]
        if method is None:
            values[-1] = Tree(name, [values[-1]], meta)
            return
        try:
            value = method(meta, [values[-1]])
        except Exception as exc:  # reported after the parse, as a Transformer would
            builder.failure = (name, exc)
            value = None
        if value is meta:  # a token given back: it is a result now, not a token
            metas[-1] = _Meta(meta, meta)
        values[-1] = value

    return reduce


def _splice(size: int, keep: tuple) -> Callable[[list, list], None]:
    """The reducer of a helper rule Lark inlines into its parent."""

    def reduce(values: list, metas: list) -> None:
        raw, raw_metas, meta = _popped(values, metas, size)
        values.append(_Spliced(*_kept(raw, raw_metas, keep)))
        metas.append(meta)

    return reduce


