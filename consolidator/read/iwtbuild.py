"""The tree of one entry-into-force sentence (grammar/iwt.lark) → a ``Statement``:
its subjects (this act, parts of it, another act), the clauses that set a time
for them (in force, retroactive, expiry, a decree's power) and the conditions
they hold under. What a sentence says about another sentence of its lid («dat
tijdstip», «Deze treden …», «Het in de eerste volzin bedoelde tijdstip kan …
verschillend worden vastgesteld») is left as a ``Previous`` mark or a flag, which
``iwtlid`` resolves; ``iwtlid`` also turns statements into rules.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from lark import Token, Transformer, v_args

from consolidator.dates import MONTHS, find_date
from consolidator.errors import TimeError
from consolidator.model import LawRef
from consolidator.numbers import ORDINALS
from consolidator.read.iwtmoments import (
    DECREE, LATER_LAW, MINISTER, Adoption, AfterEntry, AfterPublication, Condition,
    Delegated, Earliest, Event, Fixed, Latest, OnPublication, Proviso, Referred, Tied,
)
from consolidator.read.iwtparts import PartsReader, Unsupported
from consolidator.read.iwtscope import WHOLE, Scope
from consolidator.read.iwtstatements import (
    DECREE_MAY_SET, EXPIRES, IN_FORCE, NOTE, RETRO, THIS_ACT, Clause, Previous, Statement,
    Subject, add_insert, add_tails, add_when, own_scope, timed,
)
from consolidator.read.iwtwords import count_value, ordinal_value, read_ref

_CMP = {"na": ">", "op of na": ">=", "vóór": "<", "voor": "<", "later is gelegen dan": ">",
        "later dan": ">"}


def _cmp(token: Token) -> str:
    """The comparison «op of na» writes, whatever whitespace stands between its words."""
    return _CMP[" ".join(token.value.lower().split())]


def _date(token: Token) -> _dt.date:
    """The date a DATE token writes, or an error at the token («31 februari 1997»)."""
    try:
        return find_date(token.value)
    except TimeError as exc:
        raise Unsupported(exc.message, token) from None


def _day_month(token: Token) -> tuple[int, int]:
    day, month = token.value.split()
    found = int(day), MONTHS[month.lower()]
    try:
        _dt.date(2000, found[1], found[0])  # a leap year: 29 februari is a day of the year
    except ValueError:
        raise Unsupported(f"«{token.value}»: not a day of the year", token) from None
    return found


def _number(value: Optional[int], token: Token, what: str) -> int:
    if not value:
        raise Unsupported(f"«{token.value}»: not {what}", token)
    return value


def _words(token: Token) -> str:
    return re.sub(r"\s+", " ", token.value.strip(" ,;"))


def _law(text: str, kind: str = "law") -> LawRef:
    return LawRef(re.sub(r"^(de|het)\s+", "", _words_text(text), flags=re.I), kind=kind)


def _one_law(token: Token, kind: str = "law") -> LawRef:
    """The law a subject names; «De Wet X en de Wet Y treden …» names two, refused rather
    than read as one."""
    if re.search(r"\s(en|alsmede)\s+(de|het)\s+[A-Z]", token.value):
        raise Unsupported(f"«{_words(token)}»: two regulations named as one subject", token)
    return _law(re.sub(r"^van\s+", "", token.value), kind)


def _words_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(" ,"))


def act_ref(text: str) -> LawRef:
    """«De wet van 4 juli 1996 (Stb. 403)» → LawRef with stb «1996, 403» (the year
    of the date when the reference leaves it out)."""
    ref = read_ref(re.sub(r"^,?\s*van\s+", "", text.strip()))
    name = re.sub(r"\s*\(Stb\.[^)]*\)", "", re.sub(r"^(de|het)\s+", "", ref.text, flags=re.I))
    return LawRef(name.strip(), kind="act", stb=ref.stb)


@v_args(inline=True)
class IwtBuilder(Transformer):
    """The tree of one sentence → a ``Statement``."""

    def __init__(self, text: str):
        super().__init__()
        self.bind(text)

    def bind(self, text: str) -> None:
        """Build the statement of ``text`` next (the one-pass parser keeps one builder)."""
        self.text = text
        self._line_starts = [0]
        at = text.find("\n")
        while at >= 0:
            self._line_starts.append(at + 1)
            at = text.find("\n", at + 1)

    def _start(self, meta) -> int:
        """Where the words a rule matched start in the sentence. From their line and
        column: Lark's ``start_pos`` gives the same, but the one-pass parser's columns
        have no offsets."""
        return self._line_starts[meta.line - 1] + meta.column - 1

    def _covered(self, meta) -> str:
        """The words a rule matched, one space apart."""
        end = self._line_starts[meta.end_line - 1] + meta.end_column - 1
        return _words_text(self.text[self._start(meta):end])

    def start(self, statement):
        return statement

    # -------------------------------------------------------------- subjects

    def subject(self, *items):
        return list(items)

    def this_act(self, token):
        return Subject(WHOLE, token=token)

    def rest_of_act(self, token):
        return Subject(Scope(), rest=True, token=token)

    def previous_parts(self, token):
        return Subject(Scope(), previous=True, token=token)

    def own_parts(self, scope, van=None):
        return Subject(scope)

    def other_parts(self, scope, token):
        return Subject(scope, target=act_ref(token.value), token=token)

    def law_parts(self, scope, token):
        return Subject(scope, target=_one_law(token), token=token)

    def parent_parts(self, scope, token):
        return Subject(scope, target=_law(re.sub(r"^van\s+", "", token.value), "parent"),
                       token=token)

    def other_act(self, token):
        return Subject(WHOLE, target=act_ref(token.value), token=token)

    def other_law(self, token, excepted=None):
        scope = WHOLE.without(excepted) if excepted is not None else WHOLE
        return Subject(scope, target=_one_law(token), token=token)

    def except_other(self, scope, van):
        return scope

    @v_args(inline=False)
    def parts(self, tokens):
        return PartsReader(tokens).read()

    # -------------------------------------------------------------- inserts

    def except_pre(self, scope):
        return ("except", scope)

    def proviso(self, token):
        return ("proviso", Proviso(_words(token)))

    def stray_comma(self):
        return ("stray", None)

    def condition_insert(self, condition):
        return ("condition", condition)

    # -------------------------------------------------------------- when

    def when_after(self, *items):
        moment = items[0] if len(items) == 2 else None
        return ("when", moment, items[-1])

    def when_before(self, moment, tails):
        return ("when", moment, tails)

    @v_args(meta=True, inline=True)
    def when_same(self, meta, token, other, tails):
        text = re.sub(r"^(als|met)\s+", "", other.value)
        words = self.text[self._start(meta):other.end_pos]
        return ("when", (Tied(read_ref(text)), _words_text(words)), tails)

    @v_args(meta=True, inline=True)
    def plain_moment(self, meta, when):
        return when, self._covered(meta)

    def alternative(self, first, cmp, date, second):
        condition = Condition(_cmp(cmp), _date(date), f"{cmp.value} {date.value}")
        return ("alternative", first, condition, second)

    def floor(self, first, date, second):
        floor = _date(date)
        if second[0] != Fixed(floor):
            raise Unsupported(f"«{second[1]}» is not the floor {date.value} it names", date)
        return Latest((first[0], second[0])), f"{first[1]}, dan wel {second[1]}"

    def not_before(self, first, date):
        return Latest((first[0], Fixed(_date(date)))), f"{first[1]}, doch niet vóór {date.value}"

    def fixed(self, token):
        return Fixed(_date(token))

    def day_after(self, token, publication):
        # «de dag», «één dag», «de tweede dag», «de eerstvolgende dag», «de dag in Bonaire, …»
        word = re.match(r"(?:(?:de|één|een)\s+)?(?:(\w+)\s+)?(?:dag|datum)", token.value).group(1)
        days = 1 if word is None else ordinal_value(word)
        return AfterPublication(days=_number(days, token, "a day"))

    def period_after(self, token, publication):
        # «vier weken», «12 maanden», «de dag waarop twee maanden zijn verstreken sedert»
        found = [m for m in re.finditer(r"(\S+)\s+(dagen|dag|weken|week|maanden|maand)\b",
                                         token.value) if count_value(m.group(1))]
        if not found:
            raise Unsupported(f"«{token.value}»: not a number of days, weeks or months", token)
        count, unit = count_value(found[-1].group(1)), found[-1].group(2)
        if unit.startswith("dag"):
            return AfterPublication(days=count)
        if unit.startswith("we"):
            return AfterPublication(weeks=count)
        return AfterPublication(months=count)

    def week_after(self, token, publication):
        return AfterPublication(week=_number(ordinal_value(token.value.split()[1]), token, "a week"))

    def month_after(self, token, publication):
        ordinal = token.value.split()[-2]
        return AfterPublication(calendar_month=_number(ordinal_value(ordinal), token, "a month"))

    def next_month_after(self, token, publication):
        return AfterPublication(calendar_month=1)

    def next_day_month(self, token, publication):
        return AfterPublication(day_month=_day_month(token))

    def on_publication(self, publication):
        return OnPublication()

    def adoption(self, token):
        return Adoption(_words(token))

    def decree(self, token, differ=None):
        return Delegated(DECREE, may_differ=differ is not None)

    def minister(self, token, differ=None):
        who = re.search(r"door\s+(.*?)\s+(nader\s+)?te\s+bepalen", token.value, re.S | re.I)
        return Delegated(MINISTER, who=_words_text(who.group(1)), may_differ=differ is not None)

    def by_law(self, token):
        return Delegated(LATER_LAW)

    def decree_year(self, token):
        return Delegated(DECREE, day_month=_day_month(token))

    def referred_year(self, daymonth, token):
        provision = re.sub(r"^van\s+het\s+krachtens\s+|\s+bepaalde\s+jaar$", "", _words(token))
        return Referred(f"krachtens {provision}", day_month=_day_month(daymonth))

    def referred(self, token):
        words = _words(token)
        match = re.match(r"het\s+tijdstip\s*,?\s+(bedoeld\s+in\s+.*)$", words)
        if match:
            return Referred(match.group(1))
        return Referred(re.sub(r"^het\s+|\s+(vastgestelde|bepaalde)\s+tijdstip$", "", words))

    def tied(self, intro, other, end):
        return Tied(read_ref(other.value, bill="verheven" in end.value))

    def event(self, intro, text):
        return Event(_words(text))

    def tied_of(self, intro, other):
        return Tied(read_ref(other.value))

    def previous_time(self, token):
        return Previous(_which(token), token)

    # -------------------------------------------------------------- conditions

    @v_args(meta=True, inline=True)
    def cond_issued(self, meta, kind, cmp, against, *rest):
        text = self._covered(meta)
        if isinstance(against, _dt.date):
            return Condition(_cmp(cmp), against, text)
        return Condition(_cmp(cmp), None, text, against=against)

    @v_args(meta=True, inline=True)
    def cond_placed(self, meta, kind, cmp, date):
        return Condition(_cmp(cmp), _date(date), self._covered(meta))

    def against_date(self, token):
        return _date(token)

    def against_previous(self, *tokens):
        if len(tokens) == 1:
            return Previous(_which(tokens[0]), tokens[0])
        before, that = tokens
        days = _number(ordinal_value(before.value.split()[1]), before, "a day")
        return Previous(_which(that), that, offset_days=-days)

    def against_tied(self, intro, other, end):
        return Tied(read_ref(other.value, bill="verheven" in end.value))

    # -------------------------------------------------------------- tails

    def tails(self, *items):
        out = []
        for item in items:
            out.extend(item if isinstance(item, list) else [item])
        return out

    def back_to(self, back):
        return back

    def back_date(self, token, clock=None):
        text = token.value + (f", {clock.value}" if clock else "")
        clock_text = re.sub(r"\s*uur$", "", clock.value).replace(".", ":") if clock else ""
        return Fixed(_date(token), clock_text), text

    def back_previous(self, token):
        return Previous(_which(token), token), _words(token)

    def retro_all(self, *items):
        back = items[-1]
        return [Clause(RETRO, None, back[0], f"terugwerkend tot en met {back[1]}")]

    def retro_except(self, *items):
        scope, back = items[-2], items[-1]
        return [Clause(RETRO, None, back[0], f"terugwerkend tot en met {back[1]}", exclude=scope)]

    def retro_each(self, *items):
        return [clause for item in items if isinstance(item, list) for clause in item]

    def retro_for(self, scope, back):
        return [Clause(RETRO, scope, back[0], f"terugwerkend tot en met {back[1]}")]

    def retro_conditional(self, condition, back):
        return [Clause(RETRO, None, back[0], f"terugwerkend tot en met {back[1]}",
                       conditions=(condition,))]

    def expiry(self, moment, later=None):
        when, text = moment
        if later is not None:
            law = re.search(r"\bvan\s+(de|het)\s+(.*?)\s+die\s+wet\s+op\s+een\s+later", later.value)
            if not law:
                raise Unsupported("cannot tell which law «die wet» is", later)
            other = read_ref(f"{law.group(1)} {law.group(2)}")
            when, text = Latest((when, Tied(other, event="expiry"))), f"{text}{later.value}"
        return [Clause(EXPIRES, None, when, f"vervalt {_words_text(text)}")]

    def expiry_within(self, days, date):
        count = _number(count_value(days.value.split()[1]), days, "a number")
        moment = Earliest((AfterEntry(count), Fixed(_date(date))))
        return [Clause(EXPIRES, None, moment, f"vervalt {_words(days)}, doch uiterlijk op "
                                              f"{date.value}")]

    def expiry_date(self, token):
        return [Clause(EXPIRES, None, Fixed(_date(token)), f"is geldig tot {token.value}")]

    def mdv(self, *clauses):
        return [c for clause in clauses if clause is not None for c in clause]

    def retro_parts(self, scope, back):
        return self.retro_for(scope, back)

    def retro_parts_pronoun(self, pronoun, scope, back):
        return self.retro_for(scope, back)

    def also_in_force(self, scope, moment, *tails):
        clauses = [timed(scope, moment)]
        for tail in tails:
            clauses.extend(own_scope(tail, scope))
        return clauses

    def xref(self, token):
        return None  # the other leden are more precise and win anyway

    def note(self, token):
        return [Clause(NOTE, text=_words(token))]

    def except_timed(self, *items):
        return [("except", [c for item in items for c in item])]

    def except_bare(self, scope):
        return [("except", scope)]

    def except_item(self, scope, moment, *tails):
        clauses = [timed(scope, moment)]
        for tail in tails:
            clauses.extend(own_scope(tail, scope))
        return clauses

    def except_retro(self, scope, back):
        # not left out of the sentence's time: only its retroactivity is its own
        return self.retro_for(scope, back)

    def decree_retro(self, token):
        return [Clause(RETRO, None, Delegated(DECREE), _words(token))]

    def condition_tail(self, condition):
        return [("condition", condition)]

    def also(self, scope, *rest):
        return [timed(scope, rest[-1])]

    # -------------------------------------------------------------- sentences

    def in_force(self, subjects, *rest):
        statement = Statement(subjects)
        for item in rest:
            if isinstance(item, tuple) and item[0] == "when":
                add_when(statement, item[1], item[2])
            else:
                add_insert(statement, item)
        return statement

    def valid_from(self, subjects, moment, tails):
        statement = Statement(subjects)
        add_when(statement, moment, tails)
        return statement

    def inverted(self, subject, *rest):
        return self.in_force([subject], *rest)

    def conditional(self, condition, statement):
        statement.condition = condition
        return statement

    def bill_conditional(self, token, other, end, statement):
        ref = read_ref(other.value, bill=True)
        text = f"op het tijdstip waarop {_words(other)} {_words(end)}".rstrip(",")
        statement.clauses.insert(0, Clause(IN_FORCE, None, Tied(ref), text))
        return statement

    def inverted_same(self, subject, same, tails):
        statement = Statement([subject])
        add_tails(statement, tails)
        return statement

    def deviating(self, statement):
        return statement

    def retro_sentence(self, subject, back):
        return Statement([subject], [Clause(RETRO, None, back[0],
                                            f"terugwerkend tot en met {back[1]}")])

    def enumerated(self, subjects, *items):
        return Statement(subjects, [c for item in items for c in item])

    def by_moment(self, moment, *scopes):
        include = tuple(ref for s in scopes for ref in s.include)
        exclude = tuple(ref for s in scopes for ref in s.exclude)
        return [timed(Scope(include=include, exclude=exclude), moment)]

    def kb_other(self, scope):
        clause = Clause(DECREE_MAY_SET, None, Delegated(DECREE), "bij koninklijk besluit kan een "
                        "ander tijdstip worden vastgesteld")
        return Statement([Subject(scope)], [clause])

    def decree_other_times(self, token, scope):
        lid = re.search(r"\bin\s+het\s+(\w+)\s+lid\b", token.value).group(1)
        text = f"{_words(token)} {_parts_words(self.text, token)}"
        clause = Clause(DECREE_MAY_SET, None, Delegated(DECREE), text)
        return Statement([Subject(scope)], [clause], token=token,
                         decree_of_lid=str(ORDINALS[lid.lower()]))

    def kb_retro(self, scope, token):
        clause = Clause(RETRO, None, Delegated(DECREE), f"terugwerkend tot en met {_words(token)}")
        return Statement([Subject(scope)], [clause])

    def may_differ(self, token):
        return Statement([], may_differ=True, token=token)

    def expiry_sentence(self, subjects, moment, tails):
        statement = Statement(subjects, [Clause(EXPIRES, None, moment[0], f"vervalt {moment[1]}")])
        add_tails(statement, tails)
        return statement

    def lapse_same(self, same, regulation):
        subject = Subject(WHOLE, target=_law(regulation.value, "regulation"), token=regulation)
        moment = Previous("last", same)
        return Statement([subject], [Clause(EXPIRES, None, moment, f"vervalt {_words(same)}")])

    def withdrawal(self, token):
        subject = Subject(WHOLE, target=_law(token.value, "regulation"), token=token)
        clause = Clause(EXPIRES, None, Tied(THIS_ACT), "wordt ingetrokken (when this act takes "
                        "effect)")
        return Statement([subject], [clause])


def _parts_words(text: str, token: Token) -> str:
    """The words after ``token`` to the end of the sentence (its parts), one space apart."""
    return _words_text(text[token.end_pos:]).rstrip(".")


def _which(token: Token) -> str:
    return "first" if "eerste volzin" in token.value else "last"
