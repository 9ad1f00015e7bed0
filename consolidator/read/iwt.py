"""Entry-into-force (inwerkingtreding) articles → rules: which part of an act takes
effect when (grammar/iwt.lark). The rules and how they decide a part's date are
in ``iwtrules``; the parts a sentence names are placed by ``iwtparts``.

An article is read lid by lid; each lid goes to the LALR grammar whole (its
sentences and an enumeration «a. … b. …» included), and one Transformer turns
the tree into statements, from which ``EntryRules`` are built. A sentence that
cannot be read raises ``ActSyntaxError`` with its line and column, never a guess.

Leden that only say when a provision is first applied («is voor het eerst van
toepassing op het schooljaar 1999–2000») are kept as ``notes``: they do not
change when text takes effect.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from lark import Token, Transformer, v_args
from lark.exceptions import UnexpectedInput, VisitError

from consolidator.dates import MONTHS, find_date
from consolidator.errors import ActSyntaxError, TimeError, underline
from consolidator.model import Act, Article, LawRef, Span
from consolidator.numbers import ORDINAL_WORDS, ORDINALS
from consolidator.read.grammars import iwt_parser
from consolidator.read.iwtjson import entry_rules_json
from consolidator.read.iwtparts import PartsReader, Unsupported
from consolidator.read.iwtrules import (
    DECREE, LATER_LAW, WHOLE, AfterPublication, Condition, Delegated, EntryRules, Fixed,
    RetroRule, Rule, Scope,
)

# -- statements: what one sentence says, before it becomes rules


@dataclass
class Subject:
    scope: Scope
    target: Optional[LawRef] = None
    explicit_own: bool = False  # «deze wet», «van deze wet»


@dataclass
class Timed:
    """An in-force clause: ``moment`` is (Moment, verbatim text)."""

    scope: Optional[Scope]  # None: the sentence's subject
    moment: tuple
    extra: tuple = ()  # Condition of an alternative («dan wel indien …»)


@dataclass
class Back:
    """A retroactivity clause; ``scope`` None: the sentence's subject."""

    scope: Optional[Scope]
    date: _dt.date
    text: str
    exclude: Optional[Scope] = None


@dataclass
class Statement:
    subject: Subject
    clauses: list
    condition: Optional[Condition] = None
    except_scopes: list = field(default_factory=list)


# -- the Transformer


def _day_month(token: Token) -> tuple[int, int]:
    day, month = token.value.split()
    found = int(day), MONTHS[month.lower()]
    try:
        _dt.date(2000, found[1], found[0])  # a leap year: 29 februari is a day of the year
    except ValueError:
        raise Unsupported(f"«{token.value}»: not a day of the year", token) from None
    return found


def _date(token: Token) -> Optional[_dt.date]:
    """The date a DATE token writes, or an error at the token («31 februari 1997»)."""
    try:
        return find_date(token.value)
    except TimeError as exc:
        raise Unsupported(exc.message, token) from None


_CMP = {"na": ">", "op of na": ">=", "vóór": "<", "voor": "<"}


def _cmp(token: Token) -> str:
    """The comparison «op of na» writes, whatever whitespace stands between its words."""
    return _CMP[" ".join(token.value.lower().split())]


@v_args(inline=True)
class IwtBuilder(Transformer):
    """The tree of one lid → a list of ``Statement``."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def start(self, *statements):
        return [s for s in statements]

    # subjects

    def this_act(self, token):
        return Subject(WHOLE, explicit_own=True)

    def other_act(self, token):
        return Subject(WHOLE, target=_act_ref(token.value))

    def other_law(self, token):
        name = re.sub(r"^(de|het)\s+", "", token.value.strip(), flags=re.I)
        return Subject(WHOLE, target=LawRef(name, kind="law"))

    def own_parts(self, scope, van=None):
        return Subject(scope, explicit_own=van is not None)

    def other_parts(self, scope, token):
        return Subject(scope, target=_act_ref(re.sub(r"^,?\s*van\s+", "", token.value.strip())))

    @v_args(inline=False)
    def parts(self, tokens):
        return PartsReader(tokens).read()

    def except_pre(self, scope):
        return scope

    # moments

    @v_args(meta=True, inline=True)
    def plain_moment(self, meta, when):
        return when, self.text[meta.start_pos:meta.end_pos]

    def alternative(self, first, cmp, date, second):
        condition = Condition(_cmp(cmp), _date(date), f"{cmp.value} {date.value}")
        return ("alternative", first, condition, second)

    def fixed(self, token):
        return Fixed(_date(token))

    def day_after(self, token, publication):
        ordinal = token.value.split()[1] if len(token.value.split()) > 3 else "eerste"
        if ordinal not in ORDINALS:
            raise Unsupported(f"«{token.value}»: not a day", token)
        return AfterPublication(days=ORDINALS[ordinal])

    def month_after(self, token, publication):
        ordinal = token.value.split()[-3]
        if ordinal not in ORDINALS:
            raise Unsupported(f"«{ordinal} kalendermaand»: not a month", token)
        return AfterPublication(calendar_month=ORDINALS[ordinal])

    def next_day_month(self, token, publication):
        return AfterPublication(day_month=_day_month(token))

    def decree(self, token, diff=None):
        return Delegated(DECREE)

    def by_law(self):
        return Delegated(LATER_LAW)

    def decree_year(self, token):
        return Delegated(DECREE, day_month=_day_month(token))

    @v_args(meta=True, inline=True)
    def cond_issued(self, meta, kind, cmp, date):
        return Condition(_cmp(cmp), _date(date),
                         self.text[meta.start_pos:meta.end_pos])

    # clauses after the moment

    def mdv(self, *clauses):
        return [c for clause in clauses if clause is not None for c in clause]

    def retro_parts(self, scope, date):
        return [Back(scope, _date(date), date.value)]

    def retro_parts_pronoun(self, pronoun, scope, date):
        return self.retro_parts(scope, date)

    def also_in_force(self, scope, moment):
        return [Timed(scope, moment)]

    def xref(self, token):
        return None  # the other leden are more precise and win anyway

    def retro_all(self, date):
        return [Back(None, _date(date), date.value)]

    def retro_except(self, scope, date):
        return [Back(None, _date(date), date.value, exclude=scope)]

    def except_post(self, items):
        return [("except", items)]

    def except_enum(self, *items):
        return [c for item in items for c in item]

    def except_item(self, scope, moment, tail=None):
        clauses = [Timed(scope, moment)]
        for back in tail or []:
            clauses.append(Back(back.scope or scope, back.date, back.text))
        return clauses

    # sentences

    def in_force(self, subject, *rest):
        rest = list(rest)
        excepted = rest.pop(0) if isinstance(rest[0], Scope) else None
        moment, tails = rest[0], rest[1:]
        statement = Statement(subject, [Timed(None, moment)])
        if excepted is not None:
            statement.except_scopes.append(excepted)
        for tail in tails:
            self._add_tail(statement, tail)
        return statement

    inverted = in_force

    @staticmethod
    def _add_tail(statement: Statement, tail) -> None:
        for clause in tail:
            if isinstance(clause, tuple) and clause[0] == "except":
                statement.except_scopes.extend(c.scope for c in clause[1] if isinstance(c, Timed))
                statement.clauses.extend(clause[1])
            else:
                assert isinstance(clause, (Timed, Back)), clause
                statement.clauses.append(clause)

    def conditional(self, condition, statement):
        statement.condition = condition
        return statement

    def deviating(self, statement):
        return statement

    def retro_sentence(self, subject, date):
        return Statement(subject, [Back(None, _date(date), date.value)])

    def enumerated(self, subject, *items):
        return Statement(subject, [c for item in items for c in item])

    def by_moment(self, moment, *scopes):
        include = tuple(ref for s in scopes for ref in s.include)
        exclude = tuple(ref for s in scopes for ref in s.exclude)
        return [Timed(Scope(include=include, exclude=exclude), moment)]

    def kb_other(self, scope):
        moment = (Delegated(DECREE), "bij koninklijk besluit")
        return Statement(Subject(scope), [Timed(None, moment)])


def _act_ref(text: str) -> LawRef:
    """«De wet van 4 juli 1996 (Stb. 403)» → LawRef with stb «1996, 403» (the year
    of the date when the reference leaves it out)."""
    text = re.sub(r"^(de|het)\s+", "", text.strip(), flags=re.I)
    stb = re.search(r"\(Stb\.\s*(?:(\d{4}),\s*)?(\d+)\)", text)
    year = stb.group(1) or re.search(r"\d{1,2}\s+[a-z]+\s+(\d{4})", text).group(1)
    name = re.sub(r"\s*\(Stb\.[^)]*\)", "", text).strip()
    return LawRef(name, kind="act", stb=f"{year}, {stb.group(2)}")


# --------------------------------------------------------------------------- articles → rules


_LID_RE = re.compile(r"^(?:•\s*)?(\d+[a-z]?)\.\s+")
_ENUM_RE = re.compile(r"^[a-z]\.\s")
_IWT_WORDS = re.compile(r"in\s+werking|terugwerk|werk(t|en)\s+terug", re.I)
_NOTE_RE = re.compile(r"voor\s+het\s+eerst\s+van\s+toepassing|voor\s+de\s+eerste\s+maal\s+van\s+"
                      r"toepassing|voor\s+het\s+eerst\s+betrekking", re.I)


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


def rules_from_article(article: Article, source: str = "", *, lines: Optional[Sequence[str]] = None,
                       published: Optional[_dt.date] = None, stb: str = "",
                       label: str = "", signed: Optional[_dt.date] = None) -> EntryRules:
    """The rules of one entry-into-force article. ``lines`` (the act's text, split
    in lines) give errors their exact line and column; without them an error
    points at the article's first line. ``published``, ``stb``, ``label``
    describe the act that contains the article.

    Raises ActSyntaxError for a sentence it cannot read, and when one article
    sets dates both for its own act and for another."""
    statements, notes = [], []
    for lid in _leden(article, lines):
        if not _IWT_WORDS.search(lid.text) and _NOTE_RE.search(lid.text):
            notes.append(f"{_where(article, lid)}: {lid.text}")
            continue
        statements.extend((lid, s) for s in _parse_lid(lid, article, source))
    rules, retro, target = _build(article, statements, source)
    return EntryRules(target=target, rules=tuple(rules), retro=tuple(retro), published=published,
                      stb=stb if target is None else "", label=label, notes=tuple(notes),
                      signed=signed)


def read_entry_text(text: str) -> list[dict]:
    """The rules of one lid of an entry-into-force article, read on its own, as
    JSON-able dicts (``iwtjson``: one per rule, notes included). Raises
    ActSyntaxError with the line and column (in ``text``) of what it cannot read."""
    article = Article(number="", kind="entry-into-force", text=(text.strip(),), span=Span(1, 1))
    lines = text.splitlines() or [""]
    return entry_rules_json(rules_from_article(article, "", lines=lines))


def read_entry_rules(act: Act, text: Optional[str] = None) -> list[EntryRules]:
    """The act's own rules (first, ``target`` None) and one ``EntryRules`` per other
    act an article sets dates for (an inwerkingtredingsbesluit). ``text`` is the
    act's text for exact error positions; by default ``act.source`` is read if it
    is a file."""
    lines = _source_lines(act, text)
    label = _act_label(act)
    own = EntryRules(published=act.published, stb=act.stb, label=label, signed=act.signed)
    others: dict[str, EntryRules] = {}
    for article in act.articles:
        if article.kind != "entry-into-force":
            continue
        found = rules_from_article(article, act.source, lines=lines, published=act.published,
                                   stb=act.stb, label=label, signed=act.signed)
        if found.target is None:
            own = _merge(own, found)
        else:
            key = found.target.stb or found.target.name
            others[key] = _merge(others.get(key, found), found) if key in others else found
    return [own] + list(others.values())


def _merge(into: EntryRules, more: EntryRules) -> EntryRules:
    return dataclasses.replace(into, rules=into.rules + more.rules, retro=into.retro + more.retro,
                               notes=into.notes + more.notes)


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


def _parse_lid(lid: _Lid, article: Article, source: str) -> list[Statement]:
    try:
        tree = iwt_parser().parse(lid.text)
        return IwtBuilder(lid.text).transform(tree)
    except UnexpectedInput as exc:
        raise _lid_error(lid, _offset(lid.text, exc), _unexpected(lid.text, exc), source) from None
    except VisitError as exc:
        inner = exc.orig_exc
        if not isinstance(inner, Unsupported):
            raise
        offset = getattr(inner.token, "start_pos", 0) or 0
        raise _lid_error(lid, offset, f"cannot read entry-into-force sentence: {inner}",
                         source) from None


def _offset(text: str, exc: UnexpectedInput) -> int:
    pos = getattr(exc, "pos_in_stream", None)
    return pos if isinstance(pos, int) and pos >= 0 else len(text)


def _unexpected(text: str, exc: UnexpectedInput) -> str:
    pos = _offset(text, exc)
    got = re.match(r"\S+(\s+\S+){0,3}", text[pos:])
    return ("cannot read entry-into-force sentence: unexpected "
            + (f"«{got.group(0)}»" if got else "end of sentence"))


def _lid_error(lid: _Lid, offset: int, message: str, source: str) -> ActSyntaxError:
    line, column, raw = lid.where(offset)
    rest = raw[column - 1:] if column <= len(raw) else ""
    width = len(re.match(r"\S*", rest).group(0)) if rest else 1
    return ActSyntaxError(message, source=source, line=line, column=column,
                          context=underline(raw, min(column, len(raw) or 1), width))


def _build(article: Article, statements, source: str):
    """Statements → rules. The condition of a sentence holds for the rest of its lid."""
    rules, retro, targets = [], [], set()
    condition_of_lid: dict[int, Condition] = {}
    target = None
    for lid, statement in statements:
        if statement.condition is not None:
            condition_of_lid[id(lid)] = statement.condition
        condition = condition_of_lid.get(id(lid))
        subject = statement.subject
        if subject.target is not None:
            target = subject.target
        elif subject.explicit_own:
            target = None
        targets.add(target)
        where = _where(article, lid)
        _statement_rules(statement, condition, where, rules, retro)
    if len(targets) > 1:
        raise ActSyntaxError(f"{_article_label(article)} sets dates for this act and for "
                             "another act: not supported", source=source, line=article.span.line)
    return rules, retro, target


def _statement_rules(statement: Statement, condition, where: str, rules: list, retro: list):
    conditions = (condition,) if condition else ()
    suffix = f" ({condition.text})" if condition else ""
    main = statement.subject.scope
    for excepted in statement.except_scopes:
        main = main.without(excepted)
    for clause in statement.clauses:
        if isinstance(clause, Timed):
            _timed_rules(clause, clause.scope or main, conditions, where, suffix, rules)
        elif isinstance(clause, Back):
            scope = clause.scope or main
            if clause.exclude is not None:
                scope = scope.without(clause.exclude)
            retro.append(RetroRule(scope, Fixed(clause.date), conditions,
                                   f"{where}: terugwerkend tot en met {clause.text}"))


def _timed_rules(clause: Timed, scope: Scope, conditions, where, suffix, rules: list) -> None:
    moment = clause.moment
    if isinstance(moment, tuple) and moment[0] == "alternative":
        (first, first_text), alt, (second, second_text) = moment[1], moment[2], moment[3]
        rules.append(Rule(scope, first, conditions, f"{where}: {first_text}{suffix}"))
        rules.append(Rule(scope, second, conditions + (alt,),
                          f"{where}: {second_text}{suffix} (uitgegeven {alt.text})"))
        return
    when, text = moment
    rules.append(Rule(scope, when, conditions, f"{where}: {text}{suffix}"))
