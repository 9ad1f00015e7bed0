"""The Lark grammars of grammar/ (shipped as ``consolidator.grammar``), built once.

The instruction grammar is written in several files, one per part of Dutch
drafting practice (see the head of grammar/instruction.lark). They are joined
here into one text, in a fixed order, rather than with Lark's ``%import``:
``%import`` gives every imported rule its file's name as a prefix, and the
builder has one method per rule name and the one-pass parser is held to Lark's
tree with those names. Joined, every rule and terminal keeps its name, and Lark
builds the same LALR tables as from one file.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lark import Lark

# The start file first: it holds ``start`` and the %import/%ignore of whitespace.
INSTRUCTION_FILES = ("instruction.lark", "locators.lark", "actions.lark", "quoted.lark",
                     "numbers.lark")
IWT_FILES = ("iwt.lark",)


def grammar_text(files: tuple[str, ...]) -> str:
    """The grammar files, joined in the order given."""
    package = resources.files("consolidator.grammar")
    return "\n".join(package.joinpath(name).read_text("utf-8") for name in files)


def _lalr(files: tuple[str, ...]) -> Lark:
    return Lark(grammar_text(files), parser="lalr", lexer="contextual",
                propagate_positions=True, maybe_placeholders=False)


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser of the instruction grammar (grammar/instruction.lark and the
    files it names)."""
    return _lalr(INSTRUCTION_FILES)


@lru_cache(maxsize=1)
def iwt_parser() -> Lark:
    """The LALR parser of grammar/iwt.lark (entry into force)."""
    return _lalr(IWT_FILES)
