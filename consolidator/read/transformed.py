"""A Lark ``Transformer`` driven by the one-pass parser (``onepass``): its methods called
at each reduction, as ``Transformer.transform`` would call them on Lark's tree, without
the tree in between (the tree took about half the time of reading a sentence).

The samenloop and entry-into-force readers build with Transformers; the instruction
reader has a builder of its own (``builder``).
"""
from __future__ import annotations

from lark import Transformer


class TransformerReductions:
    """A Transformer's methods as the one-pass parser calls them (``method(meta,
    children)``), each called as the Transformer calls it; a rule the Transformer has no
    method for has none here either (the parser makes it a ``Tree``, as Lark would).
    The Transformer must have no methods for terminals (it would transform tokens,
    which the parser does not): ``__init__`` refuses one that has."""

    def __init__(self, transformer: Transformer):
        terminals = [name for name in dir(transformer)
                     if name.isupper() and callable(getattr(transformer, name))]
        if terminals:
            raise ValueError(f"{type(transformer).__name__} transforms terminals "
                             f"({', '.join(terminals)}), which the one-pass parser does not")
        self.transformer = transformer
        self.failure = None  # (rule, exception) of the first method that failed

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        method = getattr(self.transformer, name)
        wrapper = getattr(method, "visit_wrapper", None)  # v_args: how it takes children
        if wrapper is None:
            return lambda meta, children: method(children)
        return lambda meta, children: wrapper(method, name, children, meta)
