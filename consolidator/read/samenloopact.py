"""A samenloop ARTIKEL of an act: its condition(s), read by ``samenloop``, and what each
branch changes, read as the onderdelen of an amending ARTIKEL.

The forms (Aanwijzing 171b / 5.68 and older practice):

* one condition: «Indien …, wordt (artikel II van) deze wet als volgt gewijzigd:» and
  onderdelen (Stb. 1996, 649, ARTIKELEN X and XI);
* one condition per lid: «1. Indien …, wordt deze wet …: A …  2. Indien …, wordt die wet …»;
* the numbered form: «Indien … tot wet is of wordt verheven en artikel I van die wet:» with
  «1. eerder in werking treedt of is getreden dan …, wordt … gewijzigd:» and «2. later in
  werking treedt dan …, wordt die wet als volgt gewijzigd:», each with its onderdelen;
* a condition and one instruction in the same sentence («…, wordt in artikel I, onderdeel
  B, «…» vervangen door: ….»), or a consequence that changes no text («…, berust dit
  besluit op artikel 8 van de Wet.»), kept as the article's text.

Each branch is an ``Article`` of kind ``samenloop``; an ARTIKEL with more than one holds
them in ``branches``.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Optional

from consolidator.errors import ActSyntaxError
from consolidator.model import Article, Content, LawRef, Locator, Onderdeel, Place, Span, Step
from consolidator.read.body import BodyReader, act_targets
from consolidator.read.linear import followed_within
from consolidator.read.paras import Para
from consolidator.read.samenloop import Reading, read_samenloop

if TYPE_CHECKING:
    from consolidator.read.act import ActReader

_LID = re.compile(r"^(?:•\s*)?(\d+)\.\s+(.*)$")
_BRANCH = re.compile(r"^(?:•\s*)?(\d+)\.\s+(eerder|later)\s+in\s+werking\b")
_IS_HEAD = re.compile(r"\b(tot\s+wet\s+(is|wordt)|voorstel\s+van\s+wet|van\s+die\s+wet|"
                      r"\(Stb\.|op\s+of\s+na\s+het\s+tijdstip\s+waarop|op\s+een\s+tijdstip\s+waarop)")
# «… van de Wet X in werking treedt»: «\bvan\s+(de|het)\s+[A-Z][^,]*?\s+in\s+werking\s+(treedt|
# treden)\b» asked with two searches (read/linear.py); the verb's spaces are read from
# their start only («(?<!\s)»), not again from each of them
_OF_NAMED = re.compile(r"\bvan\s+(?:de|het)\s+[A-Z]")
_IN_FORCE = re.compile(r"(?<!\s)\s+in\s+werking\s+(?:treedt|treden)\b")
# a conditional entry into force is not samenloop: «Indien het Staatsblad waarin …»
_IWT_CONDITION = re.compile(r"^Indien\s+(het\s+Staatsblad|deze\s+wet\s+wordt\s+geplaatst|"
                            r"dit\s+besluit\s+wordt\s+geplaatst|zij\s+wordt\s+geplaatst)", re.I)


def is_samenloop(text: str) -> bool:
    """Whether the first paragraph of an ARTIKEL opens a samenloop clause."""
    lid = _LID.match(text)
    body = lid.group(2) if lid else text
    return (body.startswith("Indien") and not _IWT_CONDITION.match(body)
            and (_IS_HEAD.search(body) is not None
                 or followed_within(body, _OF_NAMED, _IN_FORCE, ",")))


class SamenloopReader:
    """Reads one samenloop ARTIKEL for the act reader."""

    def __init__(self, act: "ActReader", number: str, heading: str, chapter: str, span: Span):
        self.act = act
        self.number = number
        self.heading = heading
        self.chapter = chapter
        self.span = span

    def article(self, body: list[Para]) -> Article:
        groups = self._groups(body)
        if len(groups) == 1 and groups[0][1] is None:
            return self._branch(groups[0][0], body)
        branches = tuple(self._branch(reading, paras) for reading, _, paras in
                         self._numbered(groups))
        return Article(number=self.number, kind="samenloop", heading=self.heading,
                       chapter=self.chapter, span=self.span, branches=branches,
                       text=tuple(p.text for p in body))

    # -- splitting the ARTIKEL into branches

    def _groups(self, body: list[Para]):
        """[(reading, lid number or None, paragraphs)]: one per condition."""
        first = body[0]
        head = self._read(first)
        if head.kind is None:  # the numbered form: branches follow the head
            return [(head, "head", body)]
        lid = _LID.match(first.text)
        if not lid:
            return [(head, None, body)]
        groups, current = [], lid.group(1)
        groups.append([head, current, [first]])
        for para in body[1:]:
            match = _LID.match(para.text)
            if match and int(match.group(1)) == int(current) + 1 and is_samenloop(para.text):
                current = match.group(1)
                groups.append([self._read(para), current, [para]])
            else:
                groups[-1][2].append(para)
        return [tuple(g) for g in groups]

    def _numbered(self, groups):
        """The leden form as it is; the numbered form split at «1. eerder …», «2. later …»."""
        if groups[0][1] != "head":
            yield from groups
            return
        head, _, body = groups[0]
        found, current = [], 0
        for para in body[1:]:
            match = _BRANCH.match(para.text)
            if match and int(match.group(1)) == current + 1:
                current += 1
                found.append([self._read(para).with_head(head), para, [para]])
            elif found:
                found[-1][2].append(para)
        if not found:
            raise self.act.error(body[0], f"ARTIKEL {self.number}: the samenloop head is not "
                                 "followed by «1. eerder in werking treedt …» branches")
        yield from (tuple(f) for f in found)

    def _read(self, para: Para) -> Reading:
        text = self.act.clean(para)
        footnote = self.act.footnoted_stb(para.text)
        try:
            reading = read_samenloop(text, footnote_stb=footnote)
        except ActSyntaxError as exc:
            column = para.column + (exc.column or 1) - 1
            raise ActSyntaxError(exc.message, source=self.act.source, line=para.line,
                                 column=column, context=exc.context) from None
        return self._with_known_stb(reading)

    def _with_known_stb(self, reading: Reading) -> Reading:
        """An earlier ARTIKEL's footnote may have given the bill its Staatsblad number."""
        other = reading.other
        if other is None or not other.kamerstuk:
            return reading
        if other.stb:
            self.act.kamerstuk_stb[other.kamerstuk] = other.stb
            return reading
        known = self.act.kamerstuk_stb.get(other.kamerstuk, "")
        return dataclasses.replace(reading, other=dataclasses.replace(other, stb=known)) \
            if known else reading

    # -- one branch

    def _branch(self, reading: Reading, paras: list[Para]) -> Article:
        first = paras[0]
        condition = reading.condition(first.text, Span(first.line, first.column))
        base = Article(number=self.number, kind="samenloop", heading=self.heading,
                       chapter=self.chapter, span=self.span, condition=condition,
                       text=tuple(p.text for p in paras))
        if reading.effect == "amend":
            return self._amending(base, reading, paras)
        return self._one_sentence(base, reading, first)

    def _amending(self, base: Article, reading: Reading, paras: list[Para]) -> Article:
        law = reading.law()
        context = _context(reading)
        if len(paras) < 2:
            raise self.act.error(paras[0], f"ARTIKEL {self.number}: the samenloop clause "
                                 "announces changes, but none follow")
        onderdelen = BodyReader(self.act, self.number, law).onderdelen(paras[1:], context)
        if law.kind == "this-act":
            onderdelen = [act_targets(o) for o in onderdelen]
        return dataclasses.replace(base, law=law, onderdelen=tuple(onderdelen), text=())

    def _one_sentence(self, base: Article, reading: Reading, para: Para) -> Article:
        """«…, wordt in artikel I, onderdeel B, «…» vervangen door: ….»: the instruction, put
        in the usual order, changes this act (or the law it names); a consequence that
        changes no text («berust dit besluit op …») stays text; one that reads like an
        amendment but cannot be read is an error, never passed over."""
        sentence = _in_usual_order(reading.rest)
        if sentence is None and not reads_as_amendment(reading.rest):
            return base
        place = Place(article=self.number)
        try:
            parsed = self.act.sentence(para, place, Locator(), Content(), sentence) \
                if sentence else None
        except ActSyntaxError as exc:
            parsed, reason = None, exc.message
        else:
            reason = "it is not in the order «wordt in … «…» vervangen door: …»"
        if parsed is None or not hasattr(parsed, "instructions"):
            exc = self.act.error(para, f"ARTIKEL {self.number}: what the samenloop clause then "
                                 f"does reads like an amendment instruction, but cannot be "
                                 f"read: {reason}")
            if self.act.collected(exc, place):
                return base
            raise exc
        law = parsed.law and self.act.law_of(parsed.law, para) or LawRef("deze wet",
                                                                             kind="this-act")
        onderdeel = Onderdeel(label="", sentences=(parsed,), span=Span(para.line, para.column))
        if law.kind == "this-act":
            onderdeel = act_targets(onderdeel)
        return dataclasses.replace(base, law=law, onderdelen=(onderdeel,), text=())


def _context(reading: Reading) -> Locator:
    """«wordt artikel II van deze wet als volgt gewijzigd:»: the onderdelen are about
    ARTIKEL II (a place in an act: converted to act steps for this act)."""
    if len(reading.target_parts) != 1:
        return Locator()
    artikel, onderdeel, punt = reading.target_parts[0]
    steps = [Step("artikel", artikel)]
    if onderdeel:
        steps.append(Step("onderdeel", onderdeel))
    return Locator(tuple(steps))


# «wordt in artikel I, onderdeel B, «A» vervangen door: B.»: the verb, the place, the quote
_VERB_IN = re.compile(r"^(wordt|worden|vervalt|vervallen)\s+in(?=\s)")
_QUOTE = re.compile(r"[«‘]")
_NOT_SPACE = re.compile(r"\S")


def _in_usual_order(rest: str) -> Optional[str]:
    """«wordt in artikel I, onderdeel B, «A» vervangen door: B.» → «In artikel I,
    onderdeel B, wordt «A» vervangen door: B.»; None for a consequence that is no
    instruction in that order."""
    match = _inverted(rest)
    if not match:
        return None
    verb, place, end = match
    place = place.rstrip(", ")
    comma = "," if "," in place else ""  # «In artikel I, onderdeel B, wordt …»
    return f"In {place}{comma} {verb} {rest[end:]}"


def _inverted(rest: str) -> Optional[tuple[str, str, int]]:
    r"""(verb, place, end) as ``^(wordt|worden|vervalt|vervallen)\s+in\s+([^«‘]+?),?\s+(?=[«‘])``
    matches them, in linear time: that pattern tried every place of a run of spaces as the
    end of the place, reading the rest of the run from each. The place is the text up to
    the first quote without the «,?\s+» that must end it."""
    verb = _VERB_IN.match(rest)
    quote = verb and _QUOTE.search(rest, verb.end())
    if not quote:
        return None
    first = _NOT_SPACE.search(rest, verb.end())  # the spaces after «in» end here
    start = first.start() if first and first.start() < quote.start() else quote.start()
    text = rest[start:quote.start()]
    if not text:  # only spaces before the quote: the place is one of them
        spaces = rest[verb.end():quote.start()]
        return (verb.group(1), spaces[-2], quote.start()) if len(spaces) >= 3 else None
    place = text.rstrip()
    if place == text:  # «,?\s+» must end it
        return None
    if place.endswith(",") and len(place) > 1:
        place = place[:-1]
    return verb.group(1), place, quote.start()


def reads_as_amendment(text: str) -> bool:
    """Whether the consequence of a samenloop clause changes text (and so cannot be left
    as a note when it applies)."""
    return _CHANGES_TEXT_RE.search(text) is not None


_CHANGES_TEXT_RE = re.compile(r"\b(vervangen|vervalt|vervallen|ingevoegd|toegevoegd|komt te "
                              r"luiden|komen te luiden|gewijzigd|geletterd|vernummerd)\b")
