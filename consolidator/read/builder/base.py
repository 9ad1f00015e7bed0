"""What every part of the instruction builder shares: the sentence it is pointed
at, the columns of a rule, an action before it meets its frame, and the error
for a tree the grammar accepts but that cannot be built."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from consolidator.model import Content, Locator, Place, Span


@dataclass(slots=True, unsafe_hash=True)
class Action:
    """One action of a sentence before it meets its frame. A sentence makes one or two,
    and they live while it is built: a slotted dataclass whose own ``__init__`` sets its
    slots directly, about half the cost of a frozen one's (even with ``frozen.quick_init``,
    whose every field goes through a descriptor's setter). It equals, hashes and prints
    as the frozen dataclass it was; no builder code changes an action once made (held by
    tests/test_builder_fast_paths.py)."""

    name: str
    fields: dict
    sub: tuple[Locator, ...] = ()
    meta: object = None


class GrammarUse(Exception):
    """A tree the grammar accepts but that cannot be built (no payload, say)."""

    def __init__(self, message: str, meta):
        super().__init__(message)
        self.meta = meta


class BuilderBase:
    """The sentence the builder serves: what the grammar does not see (the payload,
    the content lines that follow, the context locator) and the sentence's place
    and position in the act. One builder serves many sentences (``for_sentence``)."""

    def __init__(self, text: str, payload, content: Content, context: Locator,
                 place: Place, line: int, column: int):
        self.for_sentence(text, payload, content, context, place, line, column)

    def for_sentence(self, text: str, payload, content: Content,
                     context: Locator, place: Place, line: int,
                     column: int) -> "BuilderBase":
        """Point the builder at another sentence."""
        self.text = text
        # the colon payloads in order (a sentence of several actions may bring several);
        # ``payload`` is the first, ``next_payload`` hands them out one action at a time
        self.payloads = tuple(payload) if isinstance(payload, tuple) else \
            (() if payload is None else (payload,))
        self.payload = self.payloads[0] if self.payloads else None
        self._payload_at = 0
        self.content = content
        self.context = context
        self.place = place
        self.line = line
        self.column = column
        # (rule, exception) of the first method that failed; the parse goes on so
        # that a syntax error further on still wins, as when building came after
        self.failure: Optional[tuple[str, Exception]] = None
        #: the words «luidende» brought on this line (quoted, or the payload), if any
        self.luidend_words: Optional[str] = None
        return self

    def span(self, meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.line, self.column)
        return Span(self.line, self.column + meta.column - 1, self.line,
                    self.column + meta.end_column - 1)

    def _payload(self, meta) -> str:
        found = self.next_payload()
        if found is None:
            raise GrammarUse("the colon must be followed by the words", meta)
        return found

    def next_payload(self) -> Optional[str]:
        """The payload of the next action that reads one (in the order of the sentence)."""
        if self._payload_at >= len(self.payloads):
            return None
        self._payload_at += 1
        return self.payloads[self._payload_at - 1]


def text_only(method):
    """Mark a builder method that reads the tokens among its children only as text
    (``str`` methods, slices, ``str()``, nothing of ``Token``'s own) and gives none of
    them back, nor keeps one: given a token's text as a plain ``str`` it gives what it
    gives for the token (tests/test_builder_fast_paths.py holds every method marked so).
    A plan hands it the text, without making the token (``shapeplan``)."""
    method.reads_text_only = True
    return method


def unquote(token: str) -> str:
    return token[1:-1]
