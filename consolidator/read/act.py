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

import re
from itertools import compress, count, repeat
from pathlib import Path
from typing import Optional

from consolidator import collector, limits
from consolidator.errors import ActSyntaxError, underline
from consolidator.law.lawfile import all_xml_utf8, non_xml_char_error
from consolidator.model import Act, Article, Content, LawRef, Locator, Place, Span
from consolidator.read.body import BodyReader, act_targets
from consolidator.read.builder.sentences import Intro
from consolidator.read.instructions import parse_sentence
from consolidator.read.labels import is_successor, skipped_labels
from consolidator.read.repeals import looks_like_repeal, read_repeals
from consolidator.read.samenloopact import SamenloopReader, is_samenloop
from consolidator.read.kinds import (
    is_amending, is_amending_intro, is_conditional, is_entry_into_force, plain_kind,
    reads_like_instruction, unreadable_reason,
)
from consolidator.read.paras import (
    Para, clean_name, clean_text, closing_date, footnotes_of, kamerstuk_number, paragraphs,
    stb_number, stcrt_number, title_index,
)

ARTICLE_RE = re.compile(r"^(ARTIKEL|Artikel)\s+([IVXLC]+[A-Za-z]?|\d+(?:\.\d+)*[a-z]?)\.?(?:\s+(.*))?$"
                        r"|^(Enig artikel|ENIG ARTIKEL)()\.?(?:\s+(.*))?$")
CHAPTER_RE = re.compile(r"^(HOOFDSTUK|Hoofdstuk)\s+([IVXLC]+|\d+[a-z]?)\.?(?:\s+(.*))?$")
STB_REF_RE = re.compile(r"\(Stb\.\s*(\d{4}),\s*(\d+)\)")
# the first line after the body starts with one of these
CLOSING_WORDS = ("Lasten en bevelen", "Gegeven te", "Uitgegeven", "XNoot", "XHistnoot", "histnoot")
# An excerpt of an act marks the ARTIKELEN it leaves out, so numbering may jump:
# «[ARTIKELEN XXII tot en met LV niet opgenomen]».
ELISION_RE = re.compile(r"^\[(?:ARTIKELEN|ARTIKEL|Artikelen|Artikel)\s+(\S+)(?:\s+tot en met\s+(\S+))?"
                        r"\s+(?:is\s+|zijn\s+)?niet opgenomen[^\]]*\]$")
# how a line that ARTICLE_RE, CHAPTER_RE or ELISION_RE matches starts: most lines of an
# act start otherwise, and ``startswith`` tells that sooner than the three patterns
HEAD_STARTS = ("ARTIKEL", "Artikel", "Enig artikel", "ENIG ARTIKEL", "HOOFDSTUK", "Hoofdstuk", "[")
# a footnote's number after a name's closing parenthesis («…nr. 300)5»), and the Staatsblad
# number a footnote gives; a name that says it is an act of a date («Wet van 4 juli 1996»)
_FOOTNOTE_MARK_RE = re.compile(r"\)(\d{1,2})(?=\s|$)")
_NOTE_STB_RE = re.compile(r"Stb\.\s*(\d{4}),\s*(\d+)")
_DATED_NAME_RE = re.compile(r"(Wet|wet|Besluit) van \d")


# ---------------------------------------------------------------------------- entry points


def parse_act_file(path: str | Path, errors: Optional[list] = None) -> Act:
    """Read and parse an act file (UTF-8 plain text); ``errors`` as in ``parse_act``."""
    path = Path(path)
    data = limits.read_bytes(path, ActSyntaxError)
    text = limits.utf8_text(data, path, ActSyntaxError)
    # the file's own bytes are the text's UTF-8 (but for line ends and a byte order
    # mark, which XML holds either way): the reader need not encode the text again to
    # know that XML can hold every character of it
    return parse_act(text, source=str(path), errors=errors, xml_checked=all_xml_utf8(data))


def parse_act(text: str, source: str = "", errors: Optional[list] = None,
              xml_checked: bool = False) -> Act:
    """Parse the plain text of an act as published into an ``Act``.

    By default the first sentence that cannot be read raises ``ActSyntaxError``.
    With an ``errors`` list (the checker's mode) such errors are appended to it
    instead (each with a ``place`` attribute: ARTIKEL, onderdeel, punt) and
    reading goes on; what cannot be placed is left out of the act: a failing
    sentence, the punten under a failing intro sentence (their targets are
    relative to it), the instructions of an ARTIKEL whose regulation cannot be
    read. Errors in the act's overall structure still raise. ``xml_checked``: XML can
    hold every character of ``text`` (known already), so the reader does not ask again."""
    with collector.paused(kept=True):  # nearly all it makes is kept: see collector.py
        return ActReader(text, source, errors, xml_checked).read()


# ---------------------------------------------------------------------------- reader



class ActReader:
    def __init__(self, text: str, source: str, errors: Optional[list] = None,
                 xml_checked: bool = False):
        self.source = source
        self.errors = errors  # collect sentence errors here instead of raising
        text = text[1:] if text.startswith("\ufeff") else text  # a byte order mark
        bad = None if xml_checked else non_xml_char_error(ActSyntaxError, text, source,
                                                          "an act")
        if bad is not None:  # its words may become part of a law, which is XML
            raise bad
        self.text = text
        self.paras = paragraphs(text)
        # the paragraphs' texts, for the searches of every paragraph made in C below
        self.texts = [para.text for para in self.paras]
        self.footnotes = footnotes_of(self.paras, self.texts)
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
        body_end = self._body_end()
        first_article = self._first_article(body_end)
        title_at = title_index(self.paras[:first_article])
        title = self.paras[title_at].text
        preamble = tuple(p.text for p in self.paras[title_at + 1:first_article])
        articles = self._articles(first_article, body_end)
        closing = self.paras[body_end:]
        return Act(
            title=title, articles=tuple(articles), stb=stb_number(self.paras[:first_article]),
            preamble=preamble, signed=closing_date(closing, "Gegeven"),
            published=closing_date(closing, "Uitgegeven"),
            footnotes=tuple(self.footnotes.values()),
            closing=tuple(p.text for p in closing if not p.text.startswith(("XNoot", "XHistnoot"))),
            source=self.source, elided=tuple(self.elided),
            stcrt=stcrt_number(self.paras[:first_article]),
            kamerstuk=kamerstuk_number(self.paras[:first_article] + self._history_note(closing)),
            text=self.text)

    def _body_end(self) -> int:
        """The index of the first paragraph after the body (a closing line), or the end
        (the loop over every paragraph made in C: ``compress`` keeps the indices whose
        text starts so)."""
        closing = map(str.startswith, self.texts, repeat(CLOSING_WORDS))
        return next(compress(count(), closing), len(self.paras))

    @staticmethod
    def _history_note(closing: list[Para]) -> list[Para]:
        """The paragraphs after «XHistnoot»: how the bill went through the Staten-Generaal."""
        start = next((i for i, p in enumerate(closing) if p.text == "XHistnoot"), len(closing))
        return closing[start + 1:]

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
        # the lines that are no part of an ARTIKEL: chapters of the act, marks of elision
        skipped: set[int] = set()
        # the indices of the lines that start as a head may (most lines do not), in order
        may_head = map(str.startswith, self.texts[start:end], repeat(HEAD_STARTS))
        for i in compress(range(start, end), may_head):
            text = self.paras[i].text
            chap = CHAPTER_RE.match(text)
            if chap and self._is_act_chapter(heads, i, current, end):
                chapter = chap.group(2)
                skipped.add(i)
                continue
            elided = ELISION_RE.match(text)
            if elided:
                current = elided.group(2) or elided.group(1)
                self.elided.append((elided.group(1), current))
                skipped.add(i)
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
            elif match and current not in (None, "enig"):
                self._refuse_skipped_article(current, match.group(2), i, end)
        if not heads:
            raise ActSyntaxError("no ARTIKEL found", source=self.source)
        articles = []
        for n, (index, number, heading, chap) in enumerate(heads):
            stop = heads[n + 1][0] if n + 1 < len(heads) else end
            body = [p for at, p in enumerate(self.paras[index + 1:stop], start=index + 1)
                    if at not in skipped] if skipped else self.paras[index + 1:stop]
            articles.append(self._article(self.paras[index], number, heading, chap, body))
        return articles

    def _refuse_skipped_article(self, current: str, number: str, index: int, end: int) -> None:
        """«ARTIKEL IV» after «ARTIKEL II», followed by what an ARTIKEL of the act says
        (not by quoted content), is an error: taken as content, the article would be lost."""
        missing = skipped_labels(current, number, roman=True)
        if not missing or self.paras[index - 1].text.endswith(":") or index + 1 >= end:
            return
        following = self.paras[index + 1].text
        if not (is_amending(following) or reads_like_instruction(following)
                or is_entry_into_force(following)):
            return
        raise self.error(self.paras[index], f"ARTIKEL {number} follows ARTIKEL {current}, so "
                         f"ARTIKEL {', '.join(missing)} would be missing; the numbers must "
                         "follow on (an excerpt marks what it leaves out: «[ARTIKEL … niet "
                         "opgenomen]»)", width=len(self.paras[index].text))

    def _is_act_chapter(self, heads, index: int, current: Optional[str], end: int) -> bool:
        """A HOOFDSTUK line is a chapter of the act when an ARTIKEL of the act follows it
        (on the next line or the one after, below a title line); a «Hoofdstuk 6. …» line
        of quoted content, or an instruction «Hoofdstuk 4 van … vervalt.», is not."""
        if self._inside_content(heads, index) or reads_like_instruction(self.paras[index].text):
            return False
        for para in self.paras[index + 1:min(index + 3, end)]:
            match = ARTICLE_RE.match(para.text)
            if match and (match.group(4) or current is None
                          or is_successor(current, match.group(2))):
                return True
            if CHAPTER_RE.match(para.text) or ELISION_RE.match(para.text):
                return True  # an empty chapter of an excerpt, or a part left out
        return False

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
        if is_samenloop(first.text) or (is_conditional(first.text)
                                         and is_amending_intro(first.text)):
            return SamenloopReader(self, number, heading, chapter, span).article(body)
        if is_amending(first.text) or (reads_like_instruction(first.text)
                                       and not is_conditional(first.text)):
            return self._amending(number, heading, chapter, body, span)
        repeals = read_repeals(self, number, body)
        if repeals is not None:  # «De Wet … wordt ingetrokken.»
            self._refuse_unreadable(number, [p for p in body if not looks_like_repeal(p.text)])
            return Article(number=number, kind="repeal", heading=heading, repeals=repeals,
                           text=tuple(p.text for p in body), chapter=chapter, span=span)
        self._refuse_unreadable(number, body)
        return Article(number=number, kind=plain_kind(body), heading=heading,
                       text=tuple(p.text for p in body), chapter=chapter, span=span)

    def _refuse_unreadable(self, number: str, body: list[Para]) -> None:
        """A non-amending ARTIKEL must not hold what reads like an amendment or an
        intrekking: passing over it would drop a change silently (read/kinds.py)."""
        found = unreadable_reason(body)
        if found is None:
            return
        para, reason = found
        exc = self.error(para, f"ARTIKEL {number}: this paragraph {reason}, but the ARTIKEL "
                         "cannot be read as one (it is not an amending ARTIKEL); it is refused "
                         "rather than passed over" + self._why_not(para))
        if not self.collected(exc, Place(article=number)):
            raise exc

    def _why_not(self, para: Para) -> str:
        """What the instruction reader says of a paragraph, if it cannot read it."""
        try:
            parse_sentence(self.clean(para))
        except ActSyntaxError as exc:
            return f" ({exc.message})"
        return ""

    def footnoted_stb(self, text: str) -> str:
        """The Staatsblad number a footnote gives a name in ``text`` («…nr. 300)5» with
        footnote 5 «Stb. 1996, 580.»)."""
        for match in _FOOTNOTE_MARK_RE.finditer(text):
            note = self.footnotes.get(match.group(1))
            found = note and _NOTE_STB_RE.search(note.text)
            if found:
                return f"{found.group(1)}, {found.group(2)}"
        return ""

    def _amending(self, number, heading, chapter, body, span) -> Article:
        first = body[0]
        context, rest, date = Locator(), body[1:], None
        parsed = self.sentence(first, Place(article=number), Locator(), Content())
        if parsed is None:  # collecting: the regulation is unknown, nothing can apply
            if is_amending_intro(first.text):  # still read the onderdelen's syntax
                BodyReader(self, number, LawRef("")).onderdelen(rest, Locator())
            return Article(number=number, kind="amend", heading=heading, chapter=chapter,
                           span=span)
        law = self.law_of(parsed.law, first)
        if isinstance(parsed, Intro):
            context = parsed.targets[0] if parsed.targets else Locator()
            date = parsed.date  # «wordt met ingang van 1 januari 2020 als volgt gewijzigd:»
        else:  # «In artikel 105a1, vijfde lid, van de Wet op het basisonderwijs vervalt …»
            rest = body
        if law is None:
            exc = self.error(first, f"ARTIKEL {number}: cannot tell which regulation it changes")
            if self.collected(exc, Place(article=number)):
                return Article(number=number, kind="amend", heading=heading, chapter=chapter,
                               span=span)
            raise exc
        reader = BodyReader(self, number, law)
        onderdelen = reader.onderdelen(rest, context)
        if law.kind == "this-act":  # «In artikel I wordt na onderdeel A ingevoegd:»
            onderdelen = [act_targets(o) for o in onderdelen]
        return Article(number=number, kind="amend", heading=heading, law=law,
                       onderdelen=tuple(onderdelen), chapter=chapter, span=span, date=date)

    def law_of(self, law: Optional[LawRef], para: Para) -> Optional[LawRef]:
        """The regulation a sentence names, as a reference (a law, another act, this act)."""
        if law is None:
            return None
        if law.kind in ("this-act", "bill"):
            return law
        name = clean_name(law.name, self.footnotes)
        ref = STB_REF_RE.search(name)
        # what the name says besides (read by the builder: read/builder/regulations.py)
        said = dict(doc=law.doc, date=law.date, stcrt=law.stcrt, number=law.number,
                    kamerstuk=law.kamerstuk, span=law.span)
        if ref or law.stb or _DATED_NAME_RE.match(name):
            stb = f"{ref.group(1)}, {ref.group(2)}" if ref else law.stb
            return LawRef(STB_REF_RE.sub("", name).strip(), kind="act", stb=stb, **said)
        return LawRef(name, kind="law", **said)

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
