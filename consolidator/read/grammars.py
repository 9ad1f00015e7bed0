"""The Lark grammars of grammar/ (shipped as ``consolidator.grammar``), built once.

The instruction grammar is written in several files, one per part of Dutch
drafting practice (see the head of grammar/instruction.lark). They are joined
here into one text, in a fixed order, rather than with Lark's ``%import``:
``%import`` gives every imported rule its file's name as a prefix, and the
builder has one method per rule name and the one-pass parser is held to Lark's
tree with those names. Joined, every rule and terminal keeps its name, and Lark
builds the same LALR tables as from one file.

Each parser is built once per grammar text and then loaded from the per-user cache
(``parsercache``): building the instruction grammar's tables takes about a second.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lark import Lark

from consolidator.read.parsercache import cached_lark

# The start file first: it holds ``start`` and the %import/%ignore of whitespace.
INSTRUCTION_FILES = ("instruction.lark", "locators.lark", "actions.lark", "quoted.lark",
                     "numbers.lark")
IWT_FILES = ("iwt.lark",)
SAMENLOOP_FILES = ("samenloop.lark",)


def grammar_text(files: tuple[str, ...]) -> str:
    """The grammar files, joined in the order given."""
    package = resources.files("consolidator.grammar")
    return "\n".join(package.joinpath(name).read_text("utf-8") for name in files)


#: how every grammar is built (the one-pass parser reads LALR tables and the contextual lexer)
LARK_OPTIONS = {"parser": "lalr", "lexer": "contextual", "propagate_positions": True,
                "maybe_placeholders": False}


def lalr(files: tuple[str, ...]) -> Lark:
    """The LALR parser of the grammar ``files``, from the cache when it holds it."""
    return cached_lark(files[0].removesuffix(".lark"), grammar_text(files), **LARK_OPTIONS)


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser of the instruction grammar (grammar/instruction.lark and the
    files it names)."""
    return lalr(INSTRUCTION_FILES)


@lru_cache(maxsize=1)
def iwt_parser() -> Lark:
    """The LALR parser of grammar/iwt.lark (entry into force)."""
    return lalr(IWT_FILES)


@lru_cache(maxsize=1)
def samenloop_parser() -> Lark:
    """The LALR parser of grammar/samenloop.lark (conditional ARTIKELEN)."""
    return lalr(SAMENLOOP_FILES)
