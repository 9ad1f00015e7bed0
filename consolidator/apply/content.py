"""Quoted content of an act built into BWB elements: articles (in a heading when one
leads), leden, list items and alineas (``build``), and inhoudsopgave entries
(``toc_texts``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from consolidator.errors import ApplyError
from consolidator.law.elements import (
    ensure_content, make_al, make_artikel, make_heading, make_li, make_lid, make_lijst,
)
from consolidator.model import Content, ContentLine
from consolidator.read.content import without_closing_stop


HEADING_WORDS = {"hoofdstuk": "Hoofdstuk", "titel": "Titel", "afdeling": "Afdeling",
                 "paragraaf": "§", "subparagraaf": "§"}


def toc_texts(content: Content) -> list[str]:
    """Inhoudsopgave entries from quoted content.

    The full stop after the last entry closes the instruction sentence, as after a
    colon payload, and is not part of the entry: the act writes «Artikel 86.
    (vervallen).» but also «Artikel 105e. … school» without one, and entries of an
    inhoudsopgave, titles, carry no closing full stop (``without_closing_stop``)."""
    out = []
    for line in content.lines:
        if line.kind == "artikel":
            out.append(f"Artikel {line.label}. {line.text}".strip())
        elif line.kind == "heading":
            word = HEADING_WORDS.get(line.heading_kind, line.heading_kind.capitalize())
            out.append(f"{word} {line.label}. {line.text}".strip())
        else:
            out.append(line.text)
    out[-1:] = [without_closing_stop(entry, title=True) for entry in out[-1:]]
    return out


def one_line_text(content: Content, kind: str) -> str:
    """The new text of a one-line element (an opschrift, an aanhef, an alinea): the texts
    of the content's lines; an opschrift, a title, without the full stop after it, which
    closed the instruction («Het opschrift … komt te luiden:» + «Toezicht.»)."""
    texts = [line.text for line in content.lines if line.text]
    if kind == "opschrift":
        texts[-1:] = [without_closing_stop(text, title=True) for text in texts[-1:]]
    return " ".join(texts)


def _li_label(label: str) -> str:
    """«a» → «a.»; «a)», «1°.» as they are; a mark («–», «•») takes no full stop."""
    if label in ("–", "—", "-", "•"):
        return label
    return label if label.endswith((".", ")")) else label + "."


@dataclass
class _Builder:
    """Turns content lines into BWB elements, tracking the open article, lid and lists."""

    default_kind: str = ""
    default_number: str = ""
    top: list = field(default_factory=list)
    heading: object = None
    artikel: object = None
    lid: object = None
    lists: list = field(default_factory=list)

    def add(self, line: ContentLine) -> None:
        getattr(self, "_" + line.kind, self._unknown)(line)

    def _unknown(self, line: ContentLine) -> None:
        raise ApplyError(f"content of kind {line.kind!r} cannot be placed in a law")

    def _place(self, el, holder) -> None:
        (holder.append(el) if holder is not None else self.top.append(el))

    def _heading(self, line: ContentLine) -> None:
        self.heading = make_heading(line.heading_kind or "paragraaf", line.label, line.text)
        self.top.append(self.heading)
        self.artikel = self.lid = None

    def _artikel(self, line: ContentLine) -> None:
        self._close()
        self.artikel = make_artikel(line.label, line.text)
        self._place(self.artikel, self.heading)
        self.lid, self.lists = None, []

    def _lid(self, line: ContentLine) -> None:
        self.lid = make_lid(line.label or self.default_number, [line.text] if line.text else [])
        self._place(self.lid, self.artikel)
        self.lists = []

    def _item(self, line: ContentLine) -> None:
        level = max(1, line.level)
        del self.lists[level - 1:]
        li = make_li(_li_label(line.label), line.text)
        if len(self.lists) < level:
            holder = self.lists[-1][1] if self.lists else (self.lid if self.lid is not None
                                                           else self.artikel)
            if holder is not None and len(self.lists) < level - 1:
                raise ApplyError(f"list item {line.label} (line {line.span.line}) is at level "
                                 f"{level}, but no item of level {level - 1} comes before it")
            lijst = make_lijst()
            self._place(lijst, holder)
            if holder is None:  # bare items: the caller wants li elements
                self.top.remove(lijst)
                self.top.append(li)
                self.lists.append([lijst, li])
                return
            self.lists.append([lijst, li])
        self.lists[level - 1][0].append(li)
        self.lists[level - 1][1] = li

    def _text(self, line: ContentLine) -> None:
        holder = self.lid if self.lid is not None else self.artikel
        if holder is None and self.default_kind == "lid":
            self._lid(ContentLine("lid", line.text, self.default_number))
            return
        self._place(make_al(line.text), holder)
        self.lists = []

    def _close(self) -> None:
        if self.artikel is not None:
            ensure_content(self.artikel)

    def result(self) -> list:
        self._close()
        return self.top


def build(content: Content, default_kind: str = "", default_number: str = "") -> list:
    """BWB elements for quoted content: articles (in a § when a heading leads),
    leden, list items or alineas, as the lines say.

    A text without a lid label replacing a lid becomes that lid
    (``default_kind="lid"``, ``default_number`` its number).
    """
    builder = _Builder(default_kind, default_number)
    for line in content.lines:
        builder.add(line)
    return builder.result()
