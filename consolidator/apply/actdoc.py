"""An act as a document of verbatim lines, cut where its parts are, so that another act
can change it (acts that amend acts) and the result can be read again and shown.

``ActDoc.of(act)`` cuts ``act.text`` at the lines the reader found: the head (title,
preamble), each ARTIKEL (its heading line and intro, then one ``PartDoc`` per onderdeel of
an amending ARTIKEL, or its body), and the tail (closing, footnotes). A changed onderdeel or
ARTIKEL is read again on its own (``reparse``): a small act of that ARTIKEL's heading and
intro and the changed lines, with the act's footnotes, so its instructions read exactly as
they would in the act. Unchanged parts keep what the reader made of them.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Optional

from consolidator.errors import ActSyntaxError, ApplyError
from consolidator.model import Act, Article, Onderdeel, Span
from consolidator.read.act import parse_act

_CLOSING = re.compile(r"^\s*(Lasten en bevelen|Gegeven te|Uitgegeven|XNoot|XHistnoot|histnoot)")
_BETWEEN = re.compile(r"^\s*(HOOFDSTUK|Hoofdstuk)\s+\S+|^\s*\[(ARTIKELEN|ARTIKEL|Artikelen|Artikel)\s")


@dataclass
class PartDoc:
    """One onderdeel of an amending ARTIKEL: its lines (label line first) and its reading;
    ``origin``: the line its reading's spans give its first line (it moves in a changed act)."""

    label: str
    lines: list[str]
    parsed: Optional[Onderdeel]
    origin: int = 0


@dataclass
class ArticleDoc:
    """One ARTIKEL: what precedes it (a chapter heading), its heading and intro lines,
    its onderdelen (an amending ARTIKEL) or its body lines (any other)."""

    number: str
    lead: list[str]
    head: list[str]
    parts: list[PartDoc]
    body: list[str]
    parsed: Optional[Article]
    origin: int = 0  # the line the reading's spans give the heading line

    @property
    def lines(self) -> list[str]:
        return self.lead + self.head + [line for p in self.parts for line in p.lines] + self.body


@dataclass
class ActDoc:
    act: Act
    head: list[str]
    articles: list[ArticleDoc]
    tail: list[str] = field(default_factory=list)

    # -- cutting

    @classmethod
    def of(cls, act: Act) -> "ActDoc":
        if not act.text:
            raise ApplyError(f"{act.id}: the text of the act is not known, so it cannot be "
                             "changed", source=act.source)
        lines = act.text.split("\n")
        starts = [a.span.line for a in act.articles]
        if not starts or any(s < 1 for s in starts):
            raise ApplyError(f"{act.id}: the act's ARTIKELEN cannot be placed in its text",
                             source=act.source)
        end = _closing_line(lines, starts[-1])
        head = lines[:starts[0] - 1]
        docs = []
        for n, article in enumerate(act.articles):
            stop = starts[n + 1] - 1 if n + 1 < len(act.articles) else end
            docs.append(_article_doc(article, lines, starts[n] - 1, stop))
        _move_leads(docs)
        return cls(act, head, docs, lines[end:])

    # -- finding

    def article(self, number: str) -> ArticleDoc:
        for doc in self.articles:
            if doc.number == number:
                return doc
        raise ApplyError(f"{self.label} has no ARTIKEL {number} (it has "
                         f"{', '.join(d.number for d in self.articles)})")

    def part(self, number: str, label: str) -> tuple[ArticleDoc, int]:
        doc = self.article(number)
        for i, part in enumerate(doc.parts):
            if part.label == label:
                return doc, i
        have = ", ".join(p.label for p in doc.parts if p.label) or "none"
        raise ApplyError(f"{self.label}, ARTIKEL {number} has no onderdeel {label} "
                         f"(its onderdelen: {have})")

    @property
    def label(self) -> str:
        return f"Stb. {self.act.stb}" if self.act.stb else self.act.id

    # -- the result

    def text(self) -> str:
        lines = self.head + [line for a in self.articles for line in a.lines] + self.tail
        return "\n".join(lines)

    def to_act(self) -> Act:
        """The changed act: changed parts read again, the rest as the reader made it; every
        span moved to the line its part now has."""
        articles = []
        line = len(self.head) + 1
        for doc in self.articles:
            line += len(doc.lead)
            if doc.parsed is None:
                doc.parsed, doc.origin = self._read_article(doc), 1
            doc.parsed = shift_spans(doc.parsed, line - doc.origin)
            doc.origin = line
            at = line + len(doc.head)
            for part in doc.parts:
                if part.parsed is None:
                    part.parsed, part.origin = self._read_part(doc, part), len(doc.head) + 1
                part.parsed = shift_spans(part.parsed, at - part.origin)
                part.origin = at
                at += len(part.lines)
            if doc.parts:
                doc.parsed = dataclasses.replace(doc.parsed, onderdelen=tuple(
                    p.parsed for p in doc.parts))
            articles.append(doc.parsed)
            line += len(doc.lines) - len(doc.lead)
        return dataclasses.replace(self.act, articles=tuple(articles), text=self.text())

    def _read_article(self, doc: ArticleDoc) -> Article:
        return self._small_act(doc.head + [line for p in doc.parts for line in p.lines]
                               + doc.body, doc.number)

    def _read_part(self, doc: ArticleDoc, part: PartDoc) -> Onderdeel:
        article = self._small_act(doc.head + part.lines, doc.number)
        if len(article.onderdelen) != 1:
            raise ApplyError(f"{self.label}, ARTIKEL {doc.number}: the changed onderdeel "
                             f"{part.label} does not read as one onderdeel")
        return article.onderdelen[0]

    def _small_act(self, lines: list[str], number: str) -> Article:
        text = "\n".join(lines + [""] + self._footnotes())
        try:
            small = parse_act(text, source=f"{self.act.source or self.label} (as changed)")
        except ActSyntaxError as exc:
            raise ApplyError(f"{self.label}, ARTIKEL {number} as changed cannot be read: "
                             f"{exc.message}", source=exc.source, line=exc.line,
                             column=exc.column, context=exc.context) from None
        found = [a for a in small.articles if a.number == number]
        if len(small.articles) != 1 or not found:
            raise ApplyError(f"{self.label}, ARTIKEL {number} as changed does not read as "
                             "one ARTIKEL")
        return found[0]

    def _footnotes(self) -> list[str]:
        """The footnote paragraphs, so that glued footnote numbers are read as before."""
        start = next((i for i, line in enumerate(self.tail) if line.strip() == "XNoot"), None)
        return self.tail[start:] if start is not None else []


def shift_spans(found, delta: int):
    """``found`` (a model object, or a tuple of them) with every ``Span`` moved ``delta``
    lines (a span of line 0, «nowhere», stays)."""
    if not delta:
        return found
    if isinstance(found, Span):
        return found if not found.line else dataclasses.replace(
            found, line=found.line + delta,
            end_line=found.end_line + delta if found.end_line else 0)
    if isinstance(found, tuple):
        return tuple(shift_spans(item, delta) for item in found)
    if not dataclasses.is_dataclass(found) or isinstance(found, type):
        return found
    changes = {}
    for item in dataclasses.fields(found):
        value = getattr(found, item.name)
        moved = shift_spans(value, delta)
        if moved is not value:
            changes[item.name] = moved
    return dataclasses.replace(found, **changes) if changes else found


def _closing_line(lines: list[str], last_start: int) -> int:
    for index in range(last_start, len(lines)):
        if _CLOSING.match(lines[index]):
            return index
    return len(lines)


def _article_doc(article: Article, lines: list[str], start: int, stop: int) -> ArticleDoc:
    own = lines[start:stop]
    spans = [o.span.line - 1 for o in article.onderdelen]
    if article.kind != "amend" or not spans or any(s <= start or s >= stop for s in spans):
        return ArticleDoc(article.number, [], own[:1], [], own[1:], article, start + 1)
    parts = []
    for n, onderdeel in enumerate(article.onderdelen):
        end = spans[n + 1] if n + 1 < len(spans) else stop
        parts.append(PartDoc(onderdeel.label, lines[spans[n]:end], onderdeel, spans[n] + 1))
    return ArticleDoc(article.number, [], lines[start:spans[0]], parts, [], article, start + 1)


def _move_leads(docs: list[ArticleDoc]) -> None:
    """A chapter heading or an excerpt's marker before an ARTIKEL belongs to that ARTIKEL,
    not to the end of the one before (so replacing that one keeps it)."""
    for before, after in zip(docs, docs[1:]):
        holder = before.parts[-1].lines if before.parts else before.body
        moved = []
        while holder and (not holder[-1].strip() or _BETWEEN.match(holder[-1])):
            moved.insert(0, holder.pop())
        while moved and not moved[0].strip():  # blank lines stay where they were
            holder.append(moved.pop(0))
        after.lead = moved
