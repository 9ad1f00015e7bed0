"""The structure of an act as published: title, ARTIKELEN, onderdelen, punten,
quoted content, closing dates and footnotes → ``model.Act``.

The text is read as paragraphs (non-empty lines). Sentences go to the Lark
grammar (``instructions.parse_sentence``); this module only decides where
things start and end. Its main rule: a line that looks like a heading or a label
(«ARTIKEL X», «B», «2.») opens a new part only if it is the *successor* of the
current one (or, for a punt, also reads as an instruction). Anything else after
an instruction ending in «:» is quoted content, so «ARTIKEL VA.» inside the
content of ARTIKEL IX is not mistaken for an article of the act.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from consolidator import limits
from consolidator.dates import find_date
from consolidator.errors import ActSyntaxError, ConsolidatorError, underline
from consolidator.read.act_patterns import (
    ARTICLE_RE, CHAPTER_RE, CITE_RE, CLOSING_RE, CONTENT_ARTICLE_RE, CONTENT_ITEM_RE,
    CONTENT_LID_RE, ELISION_RE, HEADING_RE, KAMERSTUK_RE, LABEL_RE, OTHER_ACT_IWT_RE, PUNT_RE,
    STB_RE, STB_REF_RE, SUBPUNT_RE, is_amending_intro, is_subject_first,
    mentions_entry_into_force, names_other_act_in_force_first,
)
from consolidator.read.instructions import Intro, parse_sentence, split_payload
from consolidator.read.labels import is_successor
from consolidator.law.lawfile import non_xml_char_error
from consolidator.model import (
    Act, Article, Condition, Content, ContentLine, Footnote, Item, LawRef, Locator,
    Onderdeel, Place, Sentence, Span, Step,
)


@dataclass
class Para:
    """A non-empty line of the act with its position."""

    line: int
    column: int
    text: str
    raw: str


# The patterns live in ``act_patterns``, each linear in the length of a line.


# ---------------------------------------------------------------------------- entry points


def parse_act_file(path: str | Path, errors: Optional[list] = None) -> Act:
    """Read and parse an act file (UTF-8 plain text); ``errors`` as in ``parse_act``."""
    path = Path(path)
    text = limits.read_text(path, ActSyntaxError)
    return parse_act(text, source=str(path), errors=errors)


def parse_act(text: str, source: str = "", errors: Optional[list] = None) -> Act:
    """Parse the plain text of an act as published into an ``Act``.

    By default the first sentence that cannot be read raises ``ActSyntaxError``.
    With an ``errors`` list (the checker's mode) such errors are appended to it
    instead (each with a ``place`` attribute: ARTIKEL, onderdeel, punt) and
    reading goes on; what cannot be placed is left out of the act: a failing
    sentence, the punten under a failing intro sentence (their targets are
    relative to it), the instructions of an ARTIKEL whose regulation cannot be
    read. Errors in the act's overall structure still raise."""
    return _ActReader(text, source, errors).read()


# ---------------------------------------------------------------------------- reader


class _ActReader:
    def __init__(self, text: str, source: str, errors: Optional[list] = None):
        self.source = source
        self.errors = errors  # collect sentence errors here instead of raising
        text = text[1:] if text.startswith("\ufeff") else text  # a byte order mark
        bad = non_xml_char_error(ActSyntaxError, text, source, "an act")
        if bad is not None:  # its words may become part of a law, which is XML
            raise bad
        self.paras = _paragraphs(text)
        self.footnotes = _footnotes(self.paras)
        self.kamerstuk_stb: dict[str, str] = {}
        self.elided: list[tuple[str, str]] = []  # ARTIKELEN an excerpt leaves out

    def error(self, para: Para, message: str, column: int = 0, width: int = 0) -> ActSyntaxError:
        col = column or para.column
        return ActSyntaxError(message, source=self.source, line=para.line, column=col,
                              context=underline(para.raw, col, width or len(para.raw) - col + 1))

    def collected(self, exc: ActSyntaxError, place: Place) -> bool:
        """In collecting mode, keep ``exc`` (with its place) and tell the caller to go on."""
        if self.errors is None:
            return False
        exc.place = place
        self.errors.append(exc)
        return True

    # -- whole act

    def read(self) -> Act:
        if not self.paras:
            raise ActSyntaxError("the act is empty", source=self.source)
        body_end = next((i for i, p in enumerate(self.paras) if CLOSING_RE.match(p.text)),
                        len(self.paras))
        first_article = self._first_article(body_end)
        title_index = _title_index(self.paras[:first_article])
        title = self.paras[title_index].text
        preamble = tuple(p.text for p in self.paras[title_index + 1:first_article])
        articles = self._articles(first_article, body_end)
        closing = self.paras[body_end:]
        return Act(
            title=title, articles=tuple(articles), stb=_stb(self.paras[:first_article]),
            preamble=preamble, signed=_closing_date(closing, "Gegeven"),
            published=_closing_date(closing, "Uitgegeven"),
            footnotes=tuple(self.footnotes.values()),
            closing=tuple(p.text for p in closing if not p.text.startswith(("XNoot", "XHistnoot"))),
            source=self.source, elided=tuple(self.elided))

    def _first_article(self, end: int) -> int:
        for i, para in enumerate(self.paras[:end]):
            if ARTICLE_RE.match(para.text) or CHAPTER_RE.match(para.text) \
                    or ELISION_RE.match(para.text):
                return i
        raise ActSyntaxError("no ARTIKEL found: is this an act?", source=self.source,
                             line=self.paras[0].line, column=1)

    def _articles(self, start: int, end: int) -> list[Article]:
        """Split the body into articles by successive numbers, under chapters."""
        heads: list[tuple[int, str, str, str]] = []  # (index, number, heading, chapter)
        chapter, current = "", None
        for i in range(start, end):
            text = self.paras[i].text
            chap = CHAPTER_RE.match(text)
            if chap and not self._inside_content(heads, i):
                chapter = chap.group(2)
                continue
            elided = ELISION_RE.match(text)
            if elided:
                current = elided.group(2) or elided.group(1)
                self.elided.append((elided.group(1), current))
                continue
            match = ARTICLE_RE.match(text)
            if match and match.group(4):  # «Enig artikel»: the act's only article
                if current is None:
                    current = "enig"
                    heads.append((i, current, (match.group(6) or "").strip(), chapter))
                continue
            if match and (current is None or is_successor(current, match.group(2))):
                current = match.group(2)
                heads.append((i, current, (match.group(3) or "").strip(), chapter))
        if not heads:
            raise ActSyntaxError("no ARTIKEL found", source=self.source)
        articles = []
        for n, (index, number, heading, chap) in enumerate(heads):
            stop = heads[n + 1][0] if n + 1 < len(heads) else end
            body = [p for p in self.paras[index + 1:stop]
                    if not (CHAPTER_RE.match(p.text) or ELISION_RE.match(p.text))]
            articles.append(self._article(self.paras[index], number, heading, chap, body))
        return articles

    def _inside_content(self, heads, index: int) -> bool:
        """A HOOFDSTUK line right after an instruction ending in «:» is content."""
        previous = self.paras[index - 1].text if index else ""
        return bool(heads) and previous.endswith(":") and not is_amending_intro(previous)

    # -- one article

    def _article(self, head: Para, number: str, heading: str, chapter: str,
                 body: list[Para]) -> Article:
        span = Span(head.line, head.column)
        if not body:
            raise self.error(head, f"ARTIKEL {number} has no text")
        first = body[0]
        if _is_conditional(first.text) and is_amending_intro(first.text):
            return self._amending(number, heading, chapter, body, span, self._condition(first))
        if _is_amending(first.text):
            return self._amending(number, heading, chapter, body, span, condition=None)
        return Article(number=number, kind=_plain_kind(body), heading=heading,
                       text=tuple(p.text for p in body), chapter=chapter, span=span)

    def _condition(self, para: Para) -> Condition:
        text = para.text
        kamerstuk = KAMERSTUK_RE.search(text)
        other = kamerstuk.group(1) if kamerstuk else ""
        stb = self._footnoted_stb(text) or self.kamerstuk_stb.get(other, "")
        if other and stb:
            self.kamerstuk_stb[other] = stb
        ref = f"Kamerstukken {other}" + (f" (Stb. {stb})" if stb else "") if other else text
        if re.search(r"nog niet in werking", text):
            kind = "other-enacted-not-in-force"
        elif names_other_act_in_force_first(text):
            kind = "other-in-force-first"
        else:
            raise self.error(para, "cannot read the condition of this conditional ARTIKEL")
        return Condition(kind=kind, other=ref, text=text, span=Span(para.line, para.column))

    def _footnoted_stb(self, text: str) -> str:
        for match in re.finditer(r"\)(\d{1,2})(?=\s|$)", text):
            note = self.footnotes.get(match.group(1))
            found = note and re.search(r"Stb\.\s*(\d{4}),\s*(\d+)", note.text)
            if found:
                return f"{found.group(1)}, {found.group(2)}"
        return ""

    def _amending(self, number, heading, chapter, body, span, condition) -> Article:
        first = body[0]
        context, rest = Locator(), body[1:]
        if condition is not None:
            law = self._conditional_law(first.text, condition)
        else:
            parsed = self.sentence(first, Place(article=number), Locator(), Content())
            if parsed is None:  # collecting: the regulation is unknown, nothing can apply
                if is_amending_intro(first.text):  # still read the onderdelen's syntax
                    _BodyReader(self, number, LawRef("")).onderdelen(rest, Locator())
                return Article(number=number, kind="amend", heading=heading, chapter=chapter,
                               span=span)
            law = self._law(parsed.law, first)
            if isinstance(parsed, Intro):
                context = parsed.targets[0] if parsed.targets else Locator()
            else:  # «In artikel 105a1, vijfde lid, van de Wet op het basisonderwijs vervalt …»
                rest = body
        if law is None:
            exc = self.error(first, f"ARTIKEL {number}: cannot tell which regulation it changes")
            if self.collected(exc, Place(article=number)):
                return Article(number=number, kind="amend", heading=heading, chapter=chapter,
                               span=span)
            raise exc
        reader = _BodyReader(self, number, law)
        onderdelen = reader.onderdelen(rest, context)
        if law.kind == "this-act":  # «In artikel I wordt na onderdeel A ingevoegd:»
            onderdelen = [_act_targets(o) for o in onderdelen]
        kind = "samenloop" if condition else "amend"
        return Article(number=number, kind=kind, heading=heading, law=law,
                       onderdelen=tuple(onderdelen), condition=condition, chapter=chapter,
                       span=span)

    def _conditional_law(self, text: str, condition: Condition) -> LawRef:
        if re.search(r"wordt deze wet", text):
            return LawRef("deze wet", kind="this-act")
        stb = re.search(r"Stb\. (\d{4}, \d+)", condition.other)
        return LawRef(condition.other, kind="act", stb=stb.group(1) if stb else "")

    def _law(self, law: Optional[LawRef], para: Para) -> Optional[LawRef]:
        if law is None:
            return None
        name = clean_name(law.name, self.footnotes)
        ref = STB_REF_RE.search(name)
        if law.kind == "this-act":
            return law
        if ref or re.match(r"(Wet|wet|Besluit) van \d", name):
            stb = f"{ref.group(1)}, {ref.group(2)}" if ref else ""
            return LawRef(STB_REF_RE.sub("", name).strip(), kind="act", stb=stb, span=law.span)
        return LawRef(name, kind="law", span=law.span)

    def clean(self, para: Para) -> str:
        """The paragraph without publication artefacts (see ``clean_text``)."""
        return clean_text(para.text, self.footnotes)

    def sentence(self, para: Para, place: Place, context: Locator, content: Content,
                 text: Optional[str] = None):
        """Parse a paragraph as one sentence; ``text`` if the caller cleaned it already.
        In collecting mode a sentence that cannot be read gives None."""
        try:
            return parse_sentence(text or self.clean(para), line=para.line, column=para.column,
                                  context=context, content=content, place=place,
                                  source=self.source)
        except ActSyntaxError as exc:
            if self.collected(exc, place):
                return None
            raise


# ---------------------------------------------------------------------------- bodies


class _BodyReader:
    """Reads the onderdelen, punten and content of one amending article."""

    def __init__(self, act: _ActReader, article: str, law: LawRef):
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
        current = None
        for para in paras:
            match = LABEL_RE.match(para.text)
            opens = match and (is_successor(current, match.group(1)) if current else not groups)
            if opens:
                current = match.group(1)
                groups.append((current, para, []))
            elif not groups:  # an article without lettered onderdelen
                groups.append(("", para, [para]))
            else:
                groups[-1][2].append(para)
        return groups

    def _onderdeel(self, label: str, head: Para, body: list[Para], context: Locator) -> Onderdeel:
        place = Place(article=self.article, onderdeel=label)
        sentences, index = [], 0
        first = body[0]
        own_context = context
        parsed = None
        if not PUNT_RE.match(first.text):  # punten may follow the label directly
            parsed, index = self._parse_with_content(body, 0, place, context)
            if isinstance(parsed, Intro):
                own_context = context + parsed.targets[0] if parsed.targets else context
            elif parsed is not None:
                sentences.append(parsed)
        failed = parsed is None and not PUNT_RE.match(first.text)  # collecting only
        items, index = self._items(body, index, place, own_context)
        if failed:
            items = []  # the intro failed, so the punten's targets are unknown
        if index < len(body):
            exc = self.act.error(body[index], f"onderdeel {label or self.article}: "
                                 "unexpected text after the instructions")
            if not self.act.collected(exc, place):
                raise exc
        return Onderdeel(label=label, sentences=tuple(sentences), items=tuple(items),
                         context=own_context, intro=first.text if isinstance(parsed, Intro) else "",
                         span=Span(head.line, head.column))

    def _items(self, body, index, place, context) -> tuple[list[Item], int]:
        items, current = [], None
        while index < len(body):
            para = body[index]
            match = PUNT_RE.match(para.text)
            if not match or not (current is None or is_successor(current, match.group(1))):
                break
            current = match.group(1)
            item_place = Place(place.article, place.onderdeel, current)
            inner = Para(para.line, para.column + len(para.text) - len(match.group(2)),
                         match.group(2), para.raw)
            sentences, index = self._item_body(inner, body, index + 1, item_place, context)
            items.append(Item(label=current, sentences=tuple(sentences), context=context,
                              span=Span(para.line, para.column)))
        return items, index

    def _item_body(self, inner: Para, body, index, place, context):
        rest = _Window(inner, body, index)
        parsed, used = self._parse_with_content(rest, 0, place, context)
        if parsed is None or isinstance(parsed, Intro):
            # «1. Artikel 5 wordt als volgt gewijzigd:» + a., b.; a failed sentence
            # (collecting) keeps its subpunten, read for their syntax only
            sub_context = context + parsed.targets[0] if parsed is not None else context
            sentences, pos = [], used
            while pos < len(rest) and SUBPUNT_RE.match(rest[pos].text):
                match = SUBPUNT_RE.match(rest[pos].text)
                para = rest[pos]
                sub = Para(para.line, para.column + len(para.text) - len(match.group(2)),
                           match.group(2), para.raw)
                sub_place = Place(place.article, place.onderdeel, place.punt, match.group(1))
                s, n = self._parse_with_content(_Window(sub, rest, pos + 1), 0, sub_place,
                                                sub_context)
                if s is not None:
                    sentences.append(s)
                pos += n
            return (sentences if parsed is not None else []), index + pos - 1
        return [parsed], index + used - 1

    # -- a sentence and the content that follows it

    def _parse_with_content(self, paras, index, place, context):
        """Parse paras[index] and, if it ends in «:», the content after it.
        Returns (parsed, number of paragraphs used)."""
        para = paras[index]
        text = self.act.clean(para)
        head, payload = split_payload(text)
        wants_content = head.rstrip().endswith(":") and payload is None
        content, used = Content(), 1
        if wants_content and not is_amending_intro(text):
            content_paras = self._content_paras(paras, index + 1, place)
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
        end = start
        while end < len(paras):
            para = paras[end]
            if self._ends_content(para, place, paras[start] if end > start else None):
                break
            end += 1
        return paras[start:end]

    def _ends_content(self, para: Para, place: Place, first: Optional[Para]) -> bool:
        """Content ends at the next punt of the same onderdeel, recognised by its
        number and by reading as an instruction (content leden may be numbered too);
        ``first`` is the first line of the content so far (None: none yet)."""
        match = PUNT_RE.match(para.text)
        if not (match and place.punt and is_successor(place.punt, match.group(1))):
            return False
        if first is not None and LABEL_RE.match(first.text):
            return False  # nested onderdelen keep their own punten
        return _reads_as_instruction(match.group(2))

    def _content(self, paras: list[Para]) -> Content:
        if paras and LABEL_RE.match(paras[0].text):
            # an act inserting onderdelen into an act (ARTIKEL X)
            return Content(onderdelen=tuple(self.onderdelen(paras, Locator())))
        return Content(tuple(content_line(p) for p in paras))


class _Window:
    """``[first] + paras[offset:]`` without copying: a punt's own text, then the lines
    after it. Copying them for every punt made reading a long list quadratic."""

    def __init__(self, first: Para, paras, offset: int):
        self.first, self.paras, self.offset = first, paras, offset

    def __len__(self) -> int:
        return 1 + max(0, len(self.paras) - self.offset)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.first if index == 0 else self.paras[self.offset + index - 1]


_ACT_STEPS = {"artikel": "act-artikel", "onderdeel": "act-onderdeel"}


def _act_targets(onderdeel: Onderdeel) -> Onderdeel:
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


def content_line(para: Para) -> ContentLine:
    """Classify one line of quoted new content."""
    text, span = para.text, Span(para.line, para.column)
    lid = CONTENT_LID_RE.match(text)
    if lid:
        return ContentLine("lid", lid.group(2), label=lid.group(1), span=span)
    indent = len(para.raw) - len(para.raw.lstrip())
    plain_lid = PUNT_RE.match(text)
    if plain_lid and indent == 0:  # modern acts write new leden without a bullet
        return ContentLine("lid", plain_lid.group(2), label=plain_lid.group(1), span=span)
    item = CONTENT_ITEM_RE.match(text)
    if item and indent >= 2:
        level = 2 if item.group(1).endswith("°") or indent >= 4 else 1
        return ContentLine("item", item.group(2), label=item.group(1), level=level, span=span)
    article = CONTENT_ARTICLE_RE.match(text)
    if article:
        return ContentLine("artikel", (article.group(2) or "").strip(), label=article.group(1),
                           span=span)
    heading = HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        kind = "paragraaf" if kind == "§" else kind
        return ContentLine("heading", (heading.group(3) or "").strip(), label=heading.group(2),
                           heading_kind=kind, span=span)
    return ContentLine("text", text, span=span)


# ---------------------------------------------------------------------------- helpers


def _paragraphs(text: str) -> list[Para]:
    paras = []
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.replace("\u00a0", " ").rstrip()
        stripped = raw.strip()
        if stripped:
            paras.append(Para(number, len(raw) - len(raw.lstrip()) + 1, stripped, raw))
    return paras


def _footnotes(paras: list[Para]) -> dict[str, Footnote]:
    notes = {}
    for i, para in enumerate(paras):
        if para.text == "XNoot" and i + 2 < len(paras) and paras[i + 1].text.isdigit():
            number = paras[i + 1].text
            notes[number] = Footnote(number, paras[i + 2].text, Span(paras[i + 2].line, 1))
    return notes


def clean_text(text: str, footnotes: dict) -> str:
    """Drop publication artefacts: «>» before a name and glued footnote numbers
    («basisonderwijs1», «ISOVSO4», «nr. 300)5»)."""
    if ">" in text:
        text = re.sub(r"(?<=\s)>(?=\w)", "", text)
    if not footnotes:  # every number would be kept: the text as it is
        return text
    def drop(match: re.Match) -> str:
        return "" if match.group(1) in footnotes else match.group(1)
    return re.sub(r"(?:(?<=[A-Za-z]{3})|(?<=\)))(\d{1,2})(?=[\s,.:;]|$)", drop, text)


def clean_name(name: str, footnotes: dict) -> str:
    name = clean_text(name, footnotes).strip().rstrip(",")
    return re.sub(r"^(de|het)\s+", "", name)


def _title_index(paras: list[Para]) -> int:
    for i, para in enumerate(paras):
        if re.match(r"^(Wet|Rijkswet|Besluit|Regeling|Koninklijk besluit) van \d", para.text):
            return i
    return 0


def _stb(paras: list[Para]) -> str:
    for para in paras:
        match = STB_RE.search(para.text)
        if match:
            return f"{match.group(1)}, {match.group(2)}"
    return ""


def _closing_date(paras: list[Para], word: str):
    for para in paras:
        if para.text.startswith(word):
            return find_date(para.text)
    return None


def _is_conditional(text: str) -> bool:
    return text.startswith("Indien") and "in werking" in text


def _is_amending(text: str) -> bool:
    if is_amending_intro(text):
        return True
    framed = re.match(r"^(In|Na|Voor|Aan)\s+(artikel|de artikelen|het|de)\b", text)
    # «Artikel 5 van de Wet X vervalt.»: a subject-first sentence naming its law
    subject = is_subject_first(text) and " van de " in text
    # «Artikel I, onderdeel B, van de wet van … treedt in werking …» sets a date (a decree)
    sets_date = re.search(r"\b(treedt|treden)\s+in\s+werking\b", text) and "«" not in text
    return bool(framed or (subject and not sets_date))


def _plain_kind(body: list[Para]) -> str:
    text = " ".join(p.text for p in body)
    if CITE_RE.search(text):
        return "other"
    if mentions_entry_into_force(text) and (re.search(r"\b(deze wet|dit besluit|artikel)", text, re.I)
                                or OTHER_ACT_IWT_RE.match(text)):
        if not text.startswith("Indien") or "treedt" in text:
            return "entry-into-force"
    if text.startswith("Indien") and "in werking" in text:
        return "samenloop"
    return "transition"


def _reads_as_instruction(text: str) -> bool:
    try:
        parse_sentence(text)
        return True
    except ConsolidatorError:
        return False
