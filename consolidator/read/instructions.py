"""One instruction sentence → typed instructions (grammar/instruction.lark and the
files it names).

The sentence is prepared before Lark sees it (``payload.split_payload``): the
colon payload («vervangen door: een … school.») is cut off and the closing full
stop dropped, so the grammar only meets free text inside quotes. The one-pass
parser (``onepass``) drives Lark's tables and calls the builder (``builder``) at
each reduction, so the sentence becomes the frozen dataclasses of ``model``
while it is parsed. This module puts them together and turns what goes wrong
into an ``ActSyntaxError`` at the line and column of the act.

Example::

    >>> s = parse_sentence("In artikel 6 wordt «een school» vervangen door: een instelling.")
    >>> s.instructions[0]
    ReplaceWords(targets=(Locator(steps=(Step(kind='artikel', number='6', ...),)),), old='een school', new='een instelling', telkens=False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from lark.exceptions import UnexpectedEOF, UnexpectedInput, VisitError

from consolidator.errors import ActSyntaxError, underline
from consolidator.model import Content, Locator, Place
from consolidator.read.builder import InstructionBuilder
from consolidator.read.builder.base import GrammarUse
from consolidator.read.builder.sentences import Parsed
from consolidator.read.grammars import grammar_parser
from consolidator.read.onepass import OnePassParser
from consolidator.read.payload import quote_spans, split_payloads
from consolidator.read.syntaxwords import expected_words, slip

_BUILDER: list = []


class NotAnAmendment(ActSyntaxError):
    """A sentence in the shape of an amendment that changes no text: a budget-table
    change («wordt het uitgavenbedrag verlaagd met € 2.500»). Refused, never read as
    an instruction."""


def _builder() -> InstructionBuilder:
    if not _BUILDER:
        _BUILDER.append(InstructionBuilder("", None, Content(), Locator(), Place(), 1, 1))
    return _BUILDER[0]


@lru_cache(maxsize=1)
def _one_pass_parser() -> OnePassParser:
    return OnePassParser(grammar_parser(), _builder())


def parse_sentence(text: str, *, line: int = 1, column: int = 1, context: Locator = Locator(),
                   content: Content = Content(), place: Place = Place(),
                   source: str = "") -> Parsed:
    """Parse one sentence of an act into an ``Intro`` or a ``Sentence``.

    ``context`` is the locator an intro set («Artikel 105b wordt gewijzigd als
    volgt:»); relative locators in the sentence are appended to it. ``content`` is
    the quoted content that follows on the next lines of the act, if any.
    Raises ``ActSyntaxError`` with the line, column, an underline and what was
    expected.
    """
    head, payloads = split_payloads(text)
    if payloads:  # most sentences bring none
        _refuse_stray_quote(text, payloads, line, column, source)
    builder = _builder().for_sentence(text, payloads, content, context, place, line, column)
    try:
        built = _one_pass_parser().parse(head)
    except UnexpectedInput as exc:
        _refuse_non_textual(text, line, column, source)
        raise _syntax_error(exc, text, line, column, source) from None
    if builder.failure is not None:
        rule, inner = builder.failure
        if isinstance(inner, GrammarUse):
            col = getattr(inner.meta, "column", 1)
            raise ActSyntaxError(inner.args[0], source=source, line=line,
                                 column=column + col - 1,
                                 context=underline(text, col, len(text) - col + 1)) from None
        raise VisitError(rule, None, inner) from inner
    return built.value


# A budget table (begrotingsstaat) is changed by amounts, not by words: «worden het
# verplichtingenbedrag en het uitgavenbedrag verlaagd met € 2.500 (x € 1.000)», «wordt het
# in de laatste kolom als eerste vermelde percentage verlaagd met 0,35%-punt».
_NON_TEXTUAL_RE = re.compile(
    r"\bbegrotingsstaat\b|\b(verhoogd|verlaagd|vermeerderd|verminderd)\s+met\s+"
    r"(€|EUR|USD|\d[\d.,]*\s*(%|procent|x\b|euro))", re.I)


def _refuse_non_textual(text: str, line: int, column: int, source: str) -> None:
    """A sentence the grammar cannot read that changes amounts in a table is refused as
    what it is: no textual amendment (the words between quotes are not looked at)."""
    unquoted = _quoted_spans_removed(text)
    match = _NON_TEXTUAL_RE.search(unquoted)
    if match:
        raise NotAnAmendment(
            "not a textual amendment: a budget table or an amount changed by a number "
            f"(«{match.group(0)}»), not words of a regulation", source=source, line=line,
            column=column + match.start(), context=underline(text, match.start() + 1,
                                                             len(match.group(0))))


_PAIRS = (("«", "»"), ("“", "”"))


def _refuse_stray_quote(text: str, payloads, line: int, column: int, source: str) -> None:
    """New text after the colon with a closing quote mark no quote opens («vervangen
    door: van de Vreemdelingenwet 2000: artikel 108».»): a slip in the act. The mark
    would end up in the law; which text was meant is not guessed."""
    for payload in payloads:
        for opening, closing in _PAIRS:
            if closing in payload and payload.count(closing) > payload.count(opening):
                at = text.rfind(closing)
                raise ActSyntaxError(
                    f"the new text after the colon has a closing quote mark «{closing}» that "
                    "no quote mark opens (a slip in the act): its text is not guessed",
                    source=source, line=line, column=column + at,
                    context=underline(text, at + 1, 1))


def _quoted_spans_removed(text: str) -> str:
    """``text`` with every quoted segment blanked out (same length, same columns)."""
    chars = list(text)
    for start, end in quote_spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _syntax_error(exc: UnexpectedInput, text: str, line: int, column: int,
                  source: str) -> ActSyntaxError:
    """What the grammar expected, in drafting words (``syntaxwords``); or, when the error
    is one of the common slips (an unclosed quote, a missing colon, «luidende» without
    new text), that slip by name at its own column."""
    col = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
    head, _ = split_payloads(text)
    found = slip(text, head, col - 1)
    if found is not None:
        return ActSyntaxError(f"cannot read instruction: {found.message}", source=source,
                              line=line, column=column + found.offset,
                              context=underline(text, found.offset + 1, found.width))
    expected = _expected(exc)
    if _at_end(exc):
        return _ends_early(text, expected, line, column, source)
    width = _word_width(text, col)
    got = text[col - 1: col - 1 + width] or "end of sentence"
    message = f"cannot read instruction: unexpected «{got}»"
    if expected:
        message += f"; expected {expected}"
    return ActSyntaxError(message, source=source, line=line, column=column + col - 1,
                          context=underline(text, col, width))


def _at_end(exc: UnexpectedInput) -> bool:
    """The grammar ran out of sentence (Lark's end token; its column is the last word's,
    which is not where anything is wrong)."""
    token = getattr(exc, "token", None)
    return isinstance(exc, UnexpectedEOF) or getattr(token, "type", None) == "$END"


def _ends_early(text: str, expected: str, line: int, column: int,
                source: str) -> ActSyntaxError:
    """«the sentence ends after «vervangen door»; expected …», marked just after the last
    word (where the words that are missing would go)."""
    body = text.rstrip().rstrip(".").rstrip()
    last = body.split()[-1] if body.split() else ""
    said = f"the quote {last}" if last[:1] in "«“‘„\"" else f"«{last}»"
    message = f"cannot read instruction: the sentence ends after {said}" if last else \
        "cannot read instruction: the sentence is empty"
    if expected:
        message += f"; expected {expected}"
    at = len(body) + 1
    return ActSyntaxError(message, source=source, line=line, column=column + at - 1,
                          context=underline(text + " ", at, 1))


def _word_width(text: str, col: int) -> int:
    match = re.match(r"«[^»]*»|\S+", text[col - 1:])
    return len(match.group(0)) if match else 1


def _expected(exc: UnexpectedInput) -> str:
    return expected_words(getattr(exc, "expected", None) or getattr(exc, "allowed", None)
                          or set())
