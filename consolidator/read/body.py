"""The body of one amending ARTIKEL: onderdelen, punten, subpunten, each sentence with
the quoted content that follows it.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Optional

from consolidator.errors import ActSyntaxError
from consolidator.model import Content, Item, LawRef, Locator, Onderdeel, Place, Sentence, Span, Step
from consolidator.read.builder.sentences import Intro
from consolidator.read.content import PUNT_RE, ContentAmbiguous, content_lines
from consolidator.read.kinds import is_amending_intro, reads_as_instruction
from consolidator.read.labels import is_successor, skipped_labels
from consolidator.read.paras import Para
from consolidator.read.payload import split_payloads

if TYPE_CHECKING:  # the act reader hands itself to the body reader
    from consolidator.read.act import ActReader

LABEL_RE = re.compile(r"^([A-Z]{1,3}\d*[a-z]?|[a-z]{1,2})$")
SUBPUNT_RE = re.compile(r"^([a-z])\.\s+(.*)$")
_NO_CONTENT = Content()  # a sentence without content lines after it (one for all: frozen)


class BodyReader:
    """Reads the onderdelen, punten and content of one amending article."""

    def __init__(self, act: "ActReader", article: str, law: LawRef):
        self.act = act
        self.article = article
        self.law = law

    def onderdelen(self, paras: list[Para], context: Locator) -> list[Onderdeel]:
        groups = self._split_labels(paras)
        if not groups:
            raise ActSyntaxError(f"ARTIKEL {self.article} has no instructions",
                                 source=self.act.source)
        result = []
        for label, label_para, body in groups:
            if not body:
                exc = self.act.error(label_para, f"onderdeel {label} is empty")
                if self.act.collected(exc, Place(self.article, label)):
                    continue
                raise exc
            result.append(self._onderdeel(label, label_para, body, context))
        return result

    def _split_labels(self, paras: list[Para]) -> list[tuple[str, Para, list[Para]]]:
        groups: list[tuple[str, Para, list[Para]]] = []
        current, nested = None, False
        for index, para in enumerate(paras):
            text = para.text
            match = None if " " in text else LABEL_RE.match(text)  # ``_label``, for every line
            if match is not None:
                label = match.group(1)
                if is_successor(current, label) if current else not groups:
                    current, nested = label, False
                    groups.append((current, para, []))
                    continue
                # a label right after «…:» opens onderdelen of an act as content; the
                # labels of that content follow their own sequence
                nested = nested or (index > 0 and paras[index - 1].text.endswith(":"))
                if not nested and current:
                    self._refuse_skip("onderdeel", current, label, para)
            if groups:
                groups[-1][2].append(para)
            else:  # an article without lettered onderdelen
                groups.append(("", para, [para]))
        return groups

    def _refuse_other_law(self, intro: Intro, para: Para, place: Place) -> None:
        """An onderdeel or punt opened by «De Wet X wordt als volgt gewijzigd:» changes the
        regulation of its ARTIKEL: one that names another is refused, never applied to the
        ARTIKEL's regulation (nor guessed to be about the one it names)."""
        named = intro.law
        if named is None or self.law is None or _same_regulation(named, self.law):
            return
        exc = self.act.error(para, f"{place}: opens with «{named.name}», but ARTIKEL "
                             f"{self.article} changes «{self.law.name}»: an onderdeel or punt "
                             "changes the regulation of its ARTIKEL only", width=len(para.text))
        if not self.act.collected(exc, place):
            raise exc

    def _refuse_skip(self, what: str, current: str, label: str, para: Para,
                     place: Place | None = None) -> None:
        """«C» after «A», «F» after «D», punt 3 after punt 1: an error, never a part
        swallowed into the one before (as new text, say)."""
        missing = skipped_labels(current, label)
        if not missing:
            return
        place = place or Place(self.article, current)
        exc = self.act.error(para, f"{place}: {what} {label} follows {what} {current}, so "
                             f"{', '.join(missing)} would be missing; the labels must follow on",
                             width=len(para.text))
        if not self.act.collected(exc, place):
            raise exc

    def _onderdeel(self, label: str, head: Para, body: list[Para], context: Locator) -> Onderdeel:
        place = Place(article=self.article, onderdeel=label)
        sentences, index = (), 0
        first = body[0]
        own_context = context
        parsed = None
        opens_with_punt = PUNT_RE.match(first.text) is not None
        if not opens_with_punt:  # punten may follow the label directly
            parsed, index = self._parse_with_content(first, body, 1, place, context)
            if isinstance(parsed, Intro):
                self._refuse_other_law(parsed, body[0], place)
                own_context = context + parsed.targets[0] if parsed.targets else context
            elif parsed is not None:
                sentences = (parsed,)
        failed = parsed is None and not opens_with_punt  # collecting only
        items = ()
        if index < len(body):  # most onderdelen hold one sentence and no punten
            items, index = self._items(body, index, place, own_context)
        if failed:
            items = ()  # the intro failed, so the punten's targets are unknown
        if index < len(body):
            exc = self.act.error(body[index], f"onderdeel {label or self.article}: "
                                 "unexpected text after the instructions")
            if not self.act.collected(exc, place):
                raise exc
        intro = isinstance(parsed, Intro)
        return Onderdeel(label=label, sentences=sentences, items=tuple(items),
                         context=own_context, intro=first.text if intro else "",
                         span=Span(head.line, head.column), date=parsed.date if intro else None)

    def _items(self, body, index, place, context) -> tuple[list[Item], int]:
        items, current, item_place = [], None, None
        while index < len(body):
            para = body[index]
            match = PUNT_RE.match(para.text)
            if match and current is not None:  # item_place is still the place of ``current``
                self._refuse_skip("punt", current, match.group(1), para, item_place)
            if not match or not (current is None or is_successor(current, match.group(1))):
                break
            current = match.group(1)
            item_place = Place(place.article, place.onderdeel, current)
            inner = Para(para.line, para.column + len(para.text) - len(match.group(2)),
                         closed_by_semicolon(match.group(2)), para.raw)
            sentences, index = self._item_body(inner, body, index + 1, item_place, context)
            items.append(Item(label=current, sentences=tuple(sentences), context=context,
                              span=Span(para.line, para.column)))
        return items, index

    def _item_body(self, inner: Para, body, index, place, context):
        """The sentences of a punt (its own text ``inner``, then ``body`` from ``index``)
        and the index in ``body`` after them."""
        parsed, used = self._parse_with_content(inner, body, index, place, context)
        if parsed is None or isinstance(parsed, Intro):
            # «1. Artikel 5 wordt als volgt gewijzigd:» + a., b.; a failed sentence
            # (collecting) keeps its subpunten, read for their syntax only
            if parsed is not None:
                self._refuse_other_law(parsed, inner, place)
            sub_context = (context + parsed.targets[0] if parsed is not None and parsed.targets
                           else context)  # an intro naming a whole regulation: no place
            sentences, at = [], index + used - 1
            while at < len(body):
                para = body[at]
                match = SUBPUNT_RE.match(para.text)
                if not match:
                    break
                sub = Para(para.line, para.column + len(para.text) - len(match.group(2)),
                           closed_by_semicolon(match.group(2)), para.raw)
                sub_place = Place(place.article, place.onderdeel, place.punt, match.group(1))
                s, n = self._parse_with_content(sub, body, at + 1, sub_place, sub_context)
                if s is not None:
                    sentences.append(s)
                at += n
            return (sentences if parsed is not None else []), at
        return [parsed], index + used - 1

    # -- a sentence and the content that follows it

    def _parse_with_content(self, para: Para, paras: list[Para], start: int, place, context):
        """Parse ``para`` and, if it ends in «:», the content after it (``paras`` from
        ``start`` on: the lines that follow it). Returns (parsed, number of paragraphs
        used, ``para`` counted)."""
        text = self.act.clean(para)
        # the split is kept for parse_sentence, which asks for it next (an lru_cache)
        head, payloads = split_payloads(text)
        wants_content = not payloads and head.rstrip().endswith(":")
        content, used = _NO_CONTENT, 1
        if wants_content and not is_amending_intro(text):
            content_paras = self._content_paras(paras, start, place)
            content = self._content(content_paras)
            used += len(content_paras)
            if not content_paras:
                exc = self.act.error(para, "the instruction announces new text, but none "
                                     "follows", column=para.column + len(para.text) - 1, width=1)
                if self.act.collected(exc, place):
                    return None, used
                raise exc
        return self.act.sentence(para, place, context, content, text), used

    def _content_paras(self, paras, start, place) -> list[Para]:
        """Content runs until the next punt, onderdeel or article of the act."""
        end, count, first = start, len(paras), None
        while end < count:
            para = paras[end]
            if self._ends_content(para, place, first):
                break
            if first is None:  # the first line of the content so far
                first = para
            end += 1
        return paras[start:end]

    def _ends_content(self, para: Para, place: Place, first: Optional[Para]) -> bool:
        """Content ends at the next punt of the same onderdeel, recognised by its
        number and by reading as an instruction (content leden may be numbered too);
        ``first`` is the first line of the content so far (None: none yet)."""
        if not place.punt:  # content of an onderdeel runs to its end (its label split it off)
            return False
        match = PUNT_RE.match(para.text)
        if not match or (first is not None and _label(first.text)):
            return False  # nested onderdelen keep their own punten
        if is_successor(place.punt, match.group(1)):
            return reads_as_instruction(match.group(2))
        if skipped_labels(place.punt, match.group(1)) and reads_as_instruction(match.group(2)):
            self._refuse_skip("punt", place.punt, match.group(1), para, place)
        return False

    def _content(self, paras: list[Para]) -> Content:
        if paras and _label(paras[0].text):
            # an act inserting onderdelen into an act (ARTIKEL X)
            return Content(onderdelen=tuple(self.onderdelen(paras, Locator())))
        try:
            return Content(content_lines(paras, self.act.footnotes))
        except ContentAmbiguous as exc:
            raise self.act.error(exc.para, f"ARTIKEL {self.article}: quoted content: "
                                 f"{exc.args[0]}") from None


def _label(text: str) -> Optional[re.Match]:
    """``LABEL_RE.match``: most lines hold a space, which no label does."""
    return None if " " in text else LABEL_RE.match(text)


# «…;», «…; en», «…; of» at the end of an item of a list of instructions
_SEMICOLON_CLOSER = re.compile(r";(?:\s+(?:en|of))?$")


def closed_by_semicolon(text: str) -> str:
    """An instruction in a numbered or lettered list closed by «;» (Staatscourant style:
    «1. in het eerste lid wordt «x» vervangen door «y»;», the last one closed by «.»): the
    «;» — with an «en» or «of» after it — closes the instruction as a full stop does, so it
    is never part of the new text. A sentence that ends in «;.» keeps its «;»: there the
    full stop closes the instruction."""
    if ";" not in text:  # most sentences: no «;» to look for at the end
        return text
    match = _SEMICOLON_CLOSER.search(text)
    return text[:match.start()] + "." if match else text


_ACT_STEPS = {"artikel": "act-artikel", "onderdeel": "act-onderdeel"}


def act_targets(onderdeel: Onderdeel) -> Onderdeel:
    """In an ARTIKEL that changes this act itself, «artikel I» and «onderdeel A»
    are places in the act, not in a law."""
    def convert(loc: Locator) -> Locator:
        return Locator(tuple(Step(_ACT_STEPS.get(s.kind, s.kind), s.number, s.qualifier)
                             for s in loc.steps))

    def sentence(s: Sentence) -> Sentence:
        ins = tuple(dataclasses.replace(i, targets=tuple(convert(t) for t in i.targets))
                    for i in s.instructions)
        return dataclasses.replace(s, instructions=ins)

    items = tuple(dataclasses.replace(it, sentences=tuple(map(sentence, it.sentences)))
                  for it in onderdeel.items)
    return dataclasses.replace(onderdeel, sentences=tuple(map(sentence, onderdeel.sentences)),
                               items=items, context=convert(onderdeel.context))


def _same_regulation(one: LawRef, other: LawRef) -> bool:
    """The same regulation as both name it (case and spacing aside)."""
    def key(ref: LawRef) -> tuple:
        name = " ".join(ref.name.casefold().split())
        return ref.kind, name or ref.stb or ref.stcrt or ref.kamerstuk
    return key(one) == key(other)
