"""Builder methods for grammar/quoted.lark: quoted words, the colon payload, the
content «luidende:» announces, punctuation marks."""
from __future__ import annotations

import re

from lark import Token

from consolidator.model import Content, ContentLine
from consolidator.numbers import PUNCTUATION
from consolidator.read.builder.base import BuilderBase, GrammarUse, text_only, unquote


class QuotedRules(BuilderBase):
    """The text an instruction carries → strings and ``Content``."""

    @text_only
    def zinsnede(self, meta, children):
        return unquote(children[-1])

    @text_only
    def telkens(self, meta, children):
        return bool(children)

    def text_payload(self, meta, children):
        found = self.next_payload()
        if found is None:
            raise GrammarUse("the colon must be followed by the new text", meta)
        return found

    def text_punct(self, meta, children):
        return PUNCTUATION[str(children[0]).lower()]

    def text_quoted(self, meta, children):
        return unquote(children[0])

    def new_text(self, meta, children):
        return children[0]

    def luidend(self, meta, children):
        # the words themselves, when they stand on this line (quoted or after the colon):
        # an insertion that names no element adds them as words
        if children and not isinstance(children[0], Token):  # quoted text after «luidende»
            self.luidend_words = children[0]
            return Content((ContentLine("text", children[0]),))
        self.luidend_words = self.payload
        if self.payload is not None:
            return Content((_payload_line(self.payload),))
        return self.content

    def punct_loc(self, meta, children):
        mark = PUNCTUATION[str(children[0]).lower()]
        where = children[2] if len(children) > 2 else None
        return (mark, where)

    def punct_new(self, meta, children):
        token = children[0]
        if token.type == "PUNCT":
            return PUNCTUATION[str(token).lower()]
        if token.type == "QUOTED":
            return unquote(token)
        return ":"


# «luidende: Hoofdstuk 5A. Toezicht.»: a heading on the instruction's own line
_HEADING_RE = re.compile(r"^(§|Hoofdstuk|Titel|Afdeling|Paragraaf|Boek|Deel)\s+([^\s.]+)\.\s+(.*)$")


def _payload_line(text: str) -> ContentLine:
    """New content given after «luidende:» on the same line: a heading («Hoofdstuk 5A.
    Toezicht», no full stop: an opschrift has none), else a volzin with its full stop."""
    heading = _HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        return ContentLine("heading", heading.group(3).rstrip("."), label=heading.group(2),
                           heading_kind="paragraaf" if kind == "§" else kind)
    return ContentLine("text", text + _closing(text))


def _closing(text: str) -> str:
    """A volzin given after a colon keeps the full stop that closes the sentence."""
    return "" if text.endswith((".", "?", "!")) else "."
