"""Entry-into-force (inwerkingtreding) articles → rules: which part of an act takes
effect when (grammar/iwt.lark). The rules and how they decide a part's date are
in ``iwtrules``.

An article is read lid by lid. A lid is split into sentences
(``iwtsentences``); a sentence that sets no time (a publication clause, a
citeertitel, what the text first applies to, a signature) is kept as a note; every
other sentence goes to the LALR grammar whole (an enumeration «a. … b. …»
included), ``iwtbuild`` turns its tree into a statement, ``iwtlid`` joins the
statements of the lid and makes them rules, one set per act they are for (an
inwerkingtredingsbesluit sets dates for another act; «De Wet op de accijns en deze
wet treden …» for two). A sentence that cannot be read raises ``ActSyntaxError``
with its line and column and what was not understood, never a guess.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from lark.exceptions import UnexpectedEOF, UnexpectedInput, VisitError

from consolidator.errors import ActSyntaxError, underline
from consolidator.model import Act, Article, Span
from consolidator.numbers import ORDINAL_WORDS
from consolidator.read.grammars import iwt_parser
from consolidator.read.iwtbuild import IwtBuilder
from consolidator.read.iwtmoments import DECREE, Delegated
from consolidator.read.iwtstatements import (
    IN_FORCE, NOTE, TRANSITIONAL, Clause, Statement, Subject,
)
from consolidator.read.iwtjson import entry_rules_json
from consolidator.read.iwtlid import Bucket, bucket_key, fill_rest, is_rest, lid_buckets, resolve
from consolidator.read.iwtparts import Unsupported
from consolidator.read.iwtrules import EntryRules
from consolidator.read.iwtscope import WHOLE
from consolidator.read.iwtsentences import Sentence, sentences, transitional_blocker
from consolidator.read.iwtunread import unread
from consolidator.read.onepass import OnePassParser
from consolidator.read.transformed import TransformerReductions

_LID_RE = re.compile(r"^(?:•\s*)?(\d+[a-z]?)\.\s+")
_ENUM_RE = re.compile(r"^[a-z]\.\s")


@dataclass
class _Lid:
    number: str
    text: str
    # (offset in text, line, column of that offset) for each joined paragraph
    segments: list[tuple[int, int, int]]
    raw: list[str]

    def where(self, offset: int) -> tuple[int, int, str]:
        for (start, line, column), raw in reversed(list(zip(self.segments, self.raw))):
            if offset >= start:
                return line, column + offset - start, raw
        return self.segments[0][1], self.segments[0][2], self.raw[0]


@dataclass(frozen=True)
class _About:
    """The act that holds the article, for errors and for the rules."""

    source: str = ""
    lines: Optional[Sequence[str]] = None
    published: Optional[_dt.date] = None
    signed: Optional[_dt.date] = None
    stb: str = ""
    label: str = ""


# --------------------------------------------------------------------------- public


def read_entry_text(text: str) -> list[dict]:
    """The rules of one lid of an entry-into-force article, read on its own, as
    JSON-able dicts (``iwtjson``: one per rule, notes included; ``target`` null is
    the act itself). Raises ActSyntaxError with the line and column (in ``text``)
    of what it cannot read."""
    article = Article(number="", kind="entry-into-force", text=(text.strip(),), span=Span(1, 1))
    about = _About(lines=text.splitlines() or [""])
    return [rule for found in _article_rules(article, about, where_prefix="")
            for rule in entry_rules_json(found)]


def article_entry_rules(article: Article, source: str = "", *,
                        lines: Optional[Sequence[str]] = None,
                        published: Optional[_dt.date] = None, stb: str = "", label: str = "",
                        signed: Optional[_dt.date] = None) -> list[EntryRules]:
    """The rules of one entry-into-force article, one ``EntryRules`` per act it sets
    dates for (this act first when it does). ``lines`` (the act's text, split in
    lines) give errors their exact line and column; without them an error points at
    the article's first line. ``published``, ``signed``, ``stb``, ``label``
    describe the act that contains the article."""
    about = _About(source, lines, published, signed, stb, label)
    return _article_rules(article, about)


def rules_from_article(article: Article, source: str = "", **about) -> EntryRules:
    """The rules of an entry-into-force article that sets dates for one act only.
    Raises ActSyntaxError for a sentence it cannot read, and when the article sets
    dates for more than one act (use ``article_entry_rules``)."""
    found = article_entry_rules(article, source, **about)
    if len(found) > 1:
        raise ActSyntaxError(f"{_article_label(article)} sets dates for more than one act",
                             source=source, line=article.span.line)
    if found:
        return found[0]
    return EntryRules(published=about.get("published"), stb=about.get("stb", ""),
                      label=about.get("label", ""), signed=about.get("signed"))


def act_rules_json(act: Act) -> dict[str, dict]:
    """For ``parse --json``: per entry-into-force ARTIKEL (by number) ``{"rules": […],
    "rules_error": null}``, or, when it cannot be read, ``{"rules": null, "rules_error":
    {"message", "line", "column"}}``: the act still parses, its amending ARTIKELEN stay
    readable, and the error is where the dates are needed."""
    lines = _source_lines(act, None)
    about = _About(act.source, lines, act.published, act.signed, act.stb, _act_label(act))
    found = {}
    for article in act.articles:
        if article.kind != "entry-into-force":
            continue
        try:
            rules = [rule for entry in _article_rules(article, about)
                     for rule in entry_rules_json(entry)]
            found[article.number] = {"rules": rules, "rules_error": None}
        except ActSyntaxError as exc:
            found[article.number] = {"rules": None, "rules_error": {
                "message": exc.message, "line": exc.line or None, "column": exc.column or None}}
    return found


def read_entry_rules(act: Act, text: Optional[str] = None) -> list[EntryRules]:
    """The act's own rules (first, ``target`` None) and one ``EntryRules`` per other
    act an article sets dates for (an inwerkingtredingsbesluit). ``text`` is the
    act's text for exact error positions; by default ``act.source`` is read if it
    is a file."""
    lines = _source_lines(act, text)
    about = _About(act.source, lines, act.published, act.signed, act.stb, _act_label(act))
    own = _empty(None, about)
    others: dict[str, EntryRules] = {}
    for article in act.articles:
        if article.kind != "entry-into-force":
            continue
        for found in _article_rules(article, about):
            if found.target is None or _names_itself(found.target, act):
                own = _merge(own, found)
            else:
                key = bucket_key(found.target)
                others[key] = _merge(others[key], found) if key in others else found
    return [own] + list(others.values())


# --------------------------------------------------------------------------- articles


def _article_rules(article: Article, about: _About,
                   where_prefix: Optional[str] = None) -> list[EntryRules]:
    merged: dict[str, Bucket] = {}
    decree_leden: set[str] = set()  # the leden that leave a time of this act to a decree
    rest = []  # «De overige artikelen …»: read when the article's other times are known
    for lid in _leden(article, about.lines):
        where = _where(article, lid) if where_prefix is None else where_prefix
        statements = resolve_lid(lid, about.source)
        _check_decree_of_lid(lid, statements, decree_leden, about.source)
        if any(_leaves_to_decree(statement) for statement in statements):
            decree_leden.add(lid.number)
        rest += [(lid, where, s) for s in statements if is_rest(s)]
        _add_buckets(merged, lid_buckets([s for s in statements if not is_rest(s)], where))
    for lid, where, statement in rest:
        try:
            fill_rest(statement, merged.get(""))
        except Unsupported as exc:
            raise _token_error(lid, exc, about.source, None) from None
        _add_buckets(merged, lid_buckets([statement], where))
    order = sorted(merged, key=lambda k: k != "")  # this act first
    return [_entry_rules(merged[k], about) for k in order]


def _leaves_to_decree(statement: Statement) -> bool:
    """Whether the statement leaves a time of this act to a koninklijk besluit."""
    return all(subject.target is None for subject in statement.subjects) and any(
        clause.kind == IN_FORCE and isinstance(clause.moment, Delegated)
        and clause.moment.by == DECREE for clause in statement.clauses)


def _check_decree_of_lid(lid: "_Lid", statements: list[Statement], decree_leden: set[str],
                         source: str) -> None:
    """«Het besluit, bedoeld in het eerste lid, kan …» speaks of the decree of a lid
    before this one: that lid must leave a time of this act to a koninklijk besluit."""
    for statement in statements:
        if statement.decree_of_lid and statement.decree_of_lid not in decree_leden:
            raise _token_error(lid, Unsupported(
                f"«{' '.join(statement.token.value.split()[:6])}»: lid "
                f"{statement.decree_of_lid} before it leaves no time of this act to a "
                "koninklijk besluit", statement.token), source, None)


def _add_buckets(merged: dict[str, Bucket], buckets: list[Bucket]) -> None:
    for bucket in buckets:
        key = bucket_key(bucket.target)
        if key in merged:
            _extend(merged[key], bucket)
        else:
            merged[key] = bucket


def resolve_lid(lid: "_Lid", source: str) -> list[Statement]:
    """The statements of a lid, with what one says of another resolved; its notes
    last, for the act its first sentence is about."""
    parsed, notes, transitional = [], [], []
    for sentence in sentences(lid.text):
        if sentence.is_note:
            notes.append(" ".join(sentence.text.split()))
        elif sentence.is_transitional:
            transitional.append(" ".join(sentence.text.split()))
        else:
            parsed.append(_parse(lid, sentence, source))
    try:
        resolved = resolve(parsed)
    except Unsupported as exc:
        raise _token_error(lid, exc, source, None) from None
    subjects = resolved[0].subjects[:1] if resolved else [Subject(WHOLE)]
    if notes:
        resolved.append(Statement(subjects, [Clause(NOTE, text=note) for note in notes]))
    if transitional:  # of this act, whatever its other sentences are about
        resolved.append(Statement([Subject(WHOLE)], [Clause(TRANSITIONAL, text=text)
                                                     for text in transitional]))
    return resolved


def _parse(lid: "_Lid", sentence: Sentence, source: str):
    try:
        return read_statement(sentence.text)
    except UnexpectedInput as exc:
        offset = _offset(sentence.text, exc)
        stop = offset
        offset, message = unread(sentence.text, offset, isinstance(exc, UnexpectedEOF))
        # nothing read, and no wording refused on purpose: say why it is not set aside as
        # transitional law
        blocker = transitional_blocker(sentence.text) if stop == offset == 0 else None
        if blocker is not None:
            offset = blocker.start()
            message = (f"cannot read entry-into-force sentence: transitional law that names "
                       f"«{sentence.text[offset:blocker.end()]}», which could set or move a "
                       "time, so it is neither read as a time nor set aside")
        raise _lid_error(lid, sentence.offset + offset, message, source) from None
    except Unsupported as exc:
        raise _token_error(lid, exc, source, sentence) from None


def read_statement(text: str) -> Statement:
    """The ``Statement`` of one sentence: what ``IwtBuilder(text).transform(
    iwt_parser().parse(text))`` gives (tests/test_iwt_one_pass.py holds the two alike).
    Raises Lark's ``UnexpectedInput`` where its parser would, the builder's
    ``Unsupported`` where it refuses a wording, and ``VisitError`` for any other fault of
    the builder, as the Transformer would."""
    parser = _one_pass_parser()
    parser.builder.transformer.bind(text)
    parser.builder.failure = None
    statement = parser.parse(text).value
    if parser.builder.failure is not None:  # what the Transformer would have raised
        rule, inner = parser.builder.failure
        if isinstance(inner, Unsupported):
            raise inner
        raise VisitError(rule, None, inner) from inner
    return statement


@lru_cache(maxsize=1)
def _one_pass_parser() -> OnePassParser:
    """The grammar's tables driven by the one-pass parser, which calls ``IwtBuilder`` at
    each reduction: what ``IwtBuilder(text).transform(iwt_parser().parse(text))`` gives,
    without the tree in between, and with the quick lexer (Lark's contextual lexer tried
    every terminal of a state in turn: some 30 µs a token)."""
    return OnePassParser(iwt_parser(), TransformerReductions(IwtBuilder("")))


def _token_error(lid: "_Lid", exc: Unsupported, source: str, sentence: Optional[Sentence]):
    token = exc.token
    offset = getattr(token, "start_pos", None)
    if offset is None or sentence is None:  # a token of a sentence resolved later
        offset = _find(lid.text, getattr(token, "value", ""))
    else:
        offset += sentence.offset
    return _lid_error(lid, offset, f"cannot read entry-into-force sentence: {exc}", source)


def _find(text: str, value: str) -> int:
    return max(text.find(value), 0) if value else 0


def _offset(text: str, exc: UnexpectedInput) -> int:
    pos = getattr(exc, "pos_in_stream", None)
    return pos if isinstance(pos, int) and pos >= 0 else len(text.rstrip())


def _lid_error(lid: "_Lid", offset: int, message: str, source: str) -> ActSyntaxError:
    line, column, raw = lid.where(offset)
    rest = raw[column - 1:] if column <= len(raw) else ""
    width = len(re.match(r"\S*", rest).group(0)) if rest else 1
    return ActSyntaxError(message, source=source, line=line, column=column,
                          context=underline(raw, min(column, len(raw) or 1), width))


def _entry_rules(bucket: Bucket, about: _About) -> EntryRules:
    own = bucket.target is None
    return EntryRules(target=bucket.target, rules=tuple(bucket.rules), retro=tuple(bucket.retro),
                      expiry=tuple(bucket.expiry), notes=tuple(bucket.notes),
                      transitional=tuple(bucket.transitional),
                      published=about.published, signed=about.signed,
                      stb=about.stb if own else "", label=about.label)


def _empty(target, about: _About) -> EntryRules:
    return _entry_rules(Bucket(target), about)


def _extend(into: Bucket, more: Bucket) -> None:
    into.rules += more.rules
    into.retro += more.retro
    into.expiry += more.expiry
    into.notes += more.notes
    into.transitional += more.transitional


def _names_itself(target, act: Act) -> bool:
    """«De Regeling Wet kinderopvang treedt in werking …» in the Regeling Wet kinderopvang:
    a regulation that names itself by its title is this act."""
    if target.kind not in ("law", "regulation") or not act.title:
        return False
    name, title = (" ".join(t.split()).casefold() for t in (target.name, act.title))
    return title == name or title.startswith(name + ",")


def _merge(into: EntryRules, more: EntryRules) -> EntryRules:
    return dataclasses.replace(into, rules=into.rules + more.rules, retro=into.retro + more.retro,
                               expiry=into.expiry + more.expiry, notes=into.notes + more.notes,
                               transitional=into.transitional + more.transitional)


def _act_label(act: Act) -> str:
    if act.stb:
        return f"Stb. {act.stb}"
    return act.title.split(",")[0][:80]


def _source_lines(act: Act, text: Optional[str]) -> Optional[list[str]]:
    if text is None and act.source:
        path = Path(act.source)
        if path.is_file():
            text = path.read_text("utf-8")
    return text.splitlines() if text is not None else None


def _leden(article: Article, lines) -> list[_Lid]:
    """The article's leden: a numbered paragraph opens one, the others (an
    enumeration «a. …») join the current one with a newline."""
    leden: list[_Lid] = []
    search_from = max(article.span.line, 1)
    for para in article.text:
        line, column, search_from = _locate(para, lines, search_from, article)
        number = _LID_RE.match(para)
        body = para[number.end():] if number else para
        column += len(para) - len(body)
        if number or not leden:
            leden.append(_Lid(number.group(1) if number else "", body, [(0, line, column)], [para]))
            continue
        lid = leden[-1]
        lid.segments.append((len(lid.text) + 1, line, column))
        lid.raw.append(para)
        # only an enumeration label starts a line for the grammar; other paragraphs
        # of an unnumbered article are further sentences
        lid.text += ("\n" if _ENUM_RE.match(body) else " ") + body
    return leden


def _locate(para: str, lines, start: int, article: Article) -> tuple[int, int, int]:
    """(line, column, next search line) of a paragraph in the act's text."""
    if lines is not None:
        for number in range(start, len(lines) + 1):
            raw = lines[number - 1].replace("\u00a0", " ")
            if raw.strip() == para:
                return number, raw.index(para) + 1, number + 1
    return article.span.line or 1, 1, start


def _where(article: Article, lid: _Lid) -> str:
    head = _article_label(article)
    if not lid.number:
        return head
    if lid.number.isdigit() and int(lid.number) <= len(ORDINAL_WORDS):
        return f"{head}, {ORDINAL_WORDS[int(lid.number) - 1]} lid"
    return f"{head}, lid {lid.number}"


def _article_label(article: Article) -> str:
    if not article.number:
        return "the entry-into-force article"
    if re.match(r"[IVXLC]", article.number):
        return f"ARTIKEL {article.number}"
    return f"Artikel {article.number}"
