"""One instruction sentence → typed instructions (grammar/instruction.lark).

The sentence is prepared before Lark sees it: the colon payload («vervangen door:
een … school.») is cut off and the closing full stop dropped, so the grammar only
meets free text inside quotes. One builder turns what the parser reduces into
the frozen dataclasses of ``model``, while parsing.

Example::

    >>> s = parse_sentence("In artikel 6 wordt «een school» vervangen door: een instelling.")
    >>> s.instructions[0]
    ReplaceWords(targets=(Locator(steps=(Step(kind='artikel', number='6', ...),)),), old='een school', new='een instelling', telkens=False)
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator, Optional, Union

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import LexerThread
from lark.parsers.lalr_analysis import Shift

from consolidator.errors import ActSyntaxError, underline
from consolidator.model import (
    INSTRUCTION_CLASSES, Content, ContentLine, Instruction, LawRef, Locator, Place, Sentence,
    Span, Step,
)
from consolidator.numbers import COUNT_WORDS, ORDINALS, PUNCTUATION
from consolidator.read.quotes import quote_spans

# ---------------------------------------------------------------------------- grammar


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser of grammar/instruction.lark (built once)."""
    text = resources.files("consolidator.grammar").joinpath("instruction.lark").read_text("utf-8")
    return Lark(text, parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False)


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Intro:
    """A sentence that opens a list of instructions: sets their context."""

    targets: tuple[Locator, ...]
    law: Optional[LawRef] = None
    span: Span = field(default=Span(0, 0), compare=False)


Parsed = Union[Sentence, Intro]

@lru_cache(maxsize=1)
def _quoted() -> re.Pattern:
    """The grammar's QUOTED terminal: the one definition of what a quote is."""
    return re.compile(grammar_parser().get_terminal("QUOTED").pattern.to_regexp())


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted segment, so colons inside quotes are ignored."""
    return quote_spans(text, _quoted())  # what finditer gives, in linear time


@lru_cache(maxsize=16)  # the act reader asks before parse_sentence asks again
def split_payload(text: str) -> tuple[str, Optional[str]]:
    """Cut a sentence into (grammar part, colon payload or None).

    The payload is everything after the first colon that stands outside quotes
    and is followed by a space, up to the closing full stop, which ends the
    sentence and is not part of the new text («vervangen door: a en c,.» gives
    «a en c,»). A colon at the end of the sentence announces content on the
    following lines: the payload is then None.
    """
    if ":" not in text:  # most sentences: no need to find the quotes
        return _drop_full_stop(text.rstrip()), None
    inside = _quote_spans(text)
    for match in re.finditer(r":(?=\s|$)", text):
        pos = match.start()
        if any(a <= pos < b for a, b in inside):
            continue
        payload = text[pos + 1:].strip()
        if not payload:
            return text[: pos + 1], None
        return text[: pos + 1], _drop_full_stop(payload)
    return _drop_full_stop(text.rstrip()), None


def _drop_full_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


# ---------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Action:
    """One action of a sentence before it meets its frame."""

    name: str
    fields: dict
    sub: tuple[Locator, ...] = ()
    meta: object = None


_RANK = {
    "act-artikel": -3, "act-onderdeel": -2, "act-punt": -1,
    "boek": 0, "deel": 1, "hoofdstuk": 2, "titel": 3, "afdeling": 4, "paragraaf": 5,
    "subparagraaf": 6, "inhoudsopgave": 7, "toc-entry": 8, "artikel": 10, "lid": 11,
    "onderdeel": 12, "subonderdeel": 13, "definition": 12, "volzin": 14, "alinea": 14,
    "opschrift": 15, "aanhef": 15, "slot": 15,
}

_STRUCT_NAMES = {"§": "paragraaf"}


def _ordinal(token: str) -> str:
    return str(ORDINALS[token.lower()])


def _unquote(token: str) -> str:
    return token[1:-1]


def _locators(parts: list[list]) -> list[Locator]:
    """All combinations of the alternatives of each part, sorted outside-in.
    An alternative is a Step or a tuple of steps («onderdeel a 1°»)."""
    result = []
    for combo in itertools.product(*parts):
        steps = _act_level(_flat(combo))
        steps = sorted(steps, key=lambda s: _RANK.get(s.kind, 9))
        result.append(Locator(tuple(_toc_steps(steps))))
    return result


def join(outer: Locator, inner: Locator) -> Locator:
    """``inner`` read inside ``outer``. A step that restates the level of the outer
    locator («De inhoudsopgave …: Na de omschrijving van …», or «In artikel 96 …»
    inside «Artikel 93 wordt gewijzigd») starts again from that level."""
    if not inner.steps:
        return outer
    first_rank = _RANK.get(inner.steps[0].kind, 9)
    kept = tuple(s for s in outer.steps if _RANK.get(s.kind, 9) < first_rank)
    return Locator(kept + inner.steps)


def _flat(alternatives) -> list[Step]:
    """Steps and tuples of steps, as one list of steps."""
    return [s for item in alternatives for s in (item if isinstance(item, tuple) else (item,))]


def _act_level(steps: list[Step]) -> list[Step]:
    """«artikel I, onderdeel C, artikel 52a»: what precedes the last artikel is
    a place in an act, not in the law."""
    articles = [i for i, s in enumerate(steps) if s.kind == "artikel"]
    if len(articles) < 2:
        return steps
    cut = articles[-1]
    renamed = {"artikel": "act-artikel", "onderdeel": "act-onderdeel"}
    head = [Step(renamed.get(s.kind, s.kind), s.number, s.qualifier) for s in steps[:cut]]
    return head + steps[cut:]


def _toc_steps(steps: list[Step]) -> list[Step]:
    """«de omschrijving van artikel 86» → inhoudsopgave, toc-entry «Artikel 86»."""
    if not any(s.kind == "toc-entry" for s in steps):
        return steps
    named = [s for s in steps if s.kind not in ("toc-entry", "inhoudsopgave")]
    label = " ".join(_toc_label(s) for s in named)
    return [Step("inhoudsopgave"), Step("toc-entry", label)]


def _toc_label(step: Step) -> str:
    if step.kind == "paragraaf":
        return f"§ {step.number}"
    return f"{step.kind.capitalize()} {step.number}"


# ---------------------------------------------------------------------------- builder


class InstructionBuilder:
    """The one builder: grammar rules → model objects.

    Each method is named after a rule (or its alias) and is called as
    ``method(meta, children)`` when the parser reduces that rule (see
    ``_OnePassParser``): ``meta`` holds the columns the rule matched, as Lark's
    ``propagate_positions`` gives them; ``children`` are the kept tokens and the
    results of the sub-rules, as a Lark Transformer would see them.

    Given, per sentence, what the grammar does not see: the payload, the content
    lines that follow, the context locator, and the sentence's place and
    position in the act. One builder serves many sentences (``for_sentence``).
    """

    def __init__(self, text: str, payload: Optional[str], content: Content, context: Locator,
                 place: Place, line: int, column: int):
        self.for_sentence(text, payload, content, context, place, line, column)

    def for_sentence(self, text: str, payload: Optional[str], content: Content,
                     context: Locator, place: Place, line: int,
                     column: int) -> "InstructionBuilder":
        """Point the builder at another sentence."""
        self.text = text
        self.payload = payload
        self.content = content
        self.context = context
        self.place = place
        self.line = line
        self.column = column
        # (rule, exception) of the first method that failed; the parse goes on so
        # that a syntax error further on still wins, as when building came after
        self.failure: Optional[tuple[str, Exception]] = None
        return self

    # -- spans

    def span(self, meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.line, self.column)
        return Span(self.line, self.column + meta.column - 1, self.line,
                    self.column + meta.end_column - 1)

    # -- terminals and small rules

    def ordinals(self, meta, children):
        return [_ordinal(t) for t in children]

    def ordinal_range(self, meta, children):
        first, last = (ORDINALS[t.lower()] for t in children)
        return [str(n) for n in range(first, last + 1)]

    def subitem(self, meta, children):
        return str(children[0])

    def qualifier(self, meta, children):
        return str(children[0])[1:-1]

    def telkens(self, meta, children):
        return bool(children)

    def zinsnede(self, meta, children):
        return _unquote(children[-1])

    def after(self, meta, children):
        return "after"

    def before(self, meta, children):
        return "before"

    def end_word(self, meta, children):
        return "end"

    def element_kind(self, meta, children):
        return _singular(str(children[0]).lower())

    # -- locator parts

    def art_one(self, meta, children):
        return [Step("artikel", _artnum(children[0]))]

    def art_many(self, meta, children):
        return [alternative for item in children for alternative in item]

    def art_item(self, meta, children):
        """«64a, eerste en tweede lid»: an article with its own steps, one
        alternative (a tuple of steps) per combination."""
        article = Step("artikel", _artnum(children[0]))
        return [tuple(_flat((article,) + combo)) for combo in itertools.product(*children[1:])]

    def art_range(self, meta, children):
        return [Step("artikel", f"{_artnum(children[0])}-{_artnum(children[1])}")]

    def st_lid(self, meta, children):
        return [Step("lid", n) for n in children[0]]

    def st_volzin(self, meta, children):
        return [Step("volzin", n) for n in children[0]]

    def st_onderdeel(self, meta, children):
        label, sub, qual = str(children[0]), None, ""
        for child in children[1:]:
            if isinstance(child, str) and child.endswith("°"):
                sub = child
            elif isinstance(child, str):
                qual = child
        step = Step("onderdeel", label, qual)
        return [(step, Step("subonderdeel", sub))] if sub else [step]

    def st_onderdelen(self, meta, children):
        return [Step("onderdeel", str(t)) for t in children]

    def st_onderdelen_range(self, meta, children):
        return [Step("onderdeel", label) for label in _label_range(str(children[0]), str(children[1]))]

    def st_subonderdeel(self, meta, children):
        return [Step("subonderdeel", str(children[0]))]

    def st_opschrift(self, meta, children):
        return [Step("opschrift")]

    def st_aanhef(self, meta, children):
        return [Step("aanhef")]

    def st_toc(self, meta, children):
        return [Step("inhoudsopgave")]

    def st_toc_entry(self, meta, children):
        return [Step("toc-entry")]

    def st_definition(self, meta, children):
        return [Step("definition", _unquote(children[0]))]

    def struct_step(self, meta, children):
        kind = str(children[0]).lower()
        return [Step(_STRUCT_NAMES.get(kind, kind), str(children[1]))]

    def element(self, meta, children):
        return _locators(children)

    def element_list(self, meta, children):
        return [loc for group in children for loc in group]

    def targets(self, meta, children):
        return children[0]

    def sub_frame(self, meta, children):
        return ("sub", children[0])

    def subject(self, meta, children):
        return children[0]

    def anchor(self, meta, children):
        return children[0]

    def anchor_quoted(self, meta, children):
        return ("quoted", _unquote(children[0]))

    def parent(self, meta, children):
        return children[0]

    def parent_end(self, meta, children):
        lists = [c for c in children if isinstance(c, list)]
        return lists[0] if lists else [Locator()]

    # -- law references

    def law_named(self, meta, children):
        return LawRef(_clean_law_name(str(children[0])), span=self.span(meta))

    def law_this(self, meta, children):
        return LawRef("deze wet", kind="this-act", span=self.span(meta))

    # -- new text and content

    def text_payload(self, meta, children):
        if self.payload is None:
            raise _GrammarUse("the colon must be followed by the new text", meta)
        return self.payload

    def text_punct(self, meta, children):
        return PUNCTUATION[str(children[0]).lower()]

    def text_quoted(self, meta, children):
        return _unquote(children[0])

    def new_text(self, meta, children):
        return children[0]

    def luidend(self, meta, children):
        if children and not isinstance(children[0], Token):  # quoted text after «luidende»
            return Content((ContentLine("text", children[0]),))
        if self.payload is not None:
            return Content((ContentLine("text", self.payload + _closing(self.payload)),))
        return self.content

    def ne_kind(self, meta, children):
        number = _artnum(children[1]) if len(children) > 1 else ""
        return ("new", children[0], number, 1)

    def ne_ordinal(self, meta, children):
        return ("new", children[1], _ordinal(children[0]), 1)

    def count_new(self, meta, children):
        return ("new", children[-1], "", COUNT_WORDS[str(children[0]).lower()])

    def punct_loc(self, meta, children):
        mark = PUNCTUATION[str(children[0]).lower()]
        where = children[2] if len(children) > 2 else None
        return (mark, where)

    def punct_new(self, meta, children):
        token = children[0]
        if token.type == "PUNCT":
            return PUNCTUATION[str(token).lower()]
        if token.type == "QUOTED":
            return _unquote(token)
        return ":"

    def label_list(self, meta, children):
        return [str(t) for t in children]

    def label_range(self, meta, children):
        return _label_range(str(children[0]), str(children[1]))

    def renumber_to(self, meta, children):
        value = children[0]
        if value and isinstance(value[0], Locator):
            return [loc.steps[-1].number for loc in value]
        return value

    def renumber_pairs(self, meta, children):
        old, new = children
        return _Action("renumber", {"new_numbers": tuple(new)}, tuple(old), meta)

    def renumber_tail(self, meta, children):
        return children[0]

    # -- actions inside a frame

    def replace_words(self, meta, children):
        sub, rest = _split_sub(children)
        old, telkens, new = rest
        return _Action("replace-words", {"old": old, "new": new, "telkens": telkens}, sub, meta)

    def replace_after(self, meta, children):
        sub, (direction, anchor, new) = _split_sub(children)
        return _Action("replace-after", {"anchor": _unquote(anchor), "new": new,
                                          "position": direction}, sub, meta)

    def replace_punct(self, meta, children):
        (mark, where), new = children
        return _Action("replace-punctuation", {"old": mark, "new": new, "position": "end"},
                       tuple(where or ()), meta)

    def delete_payload(self, meta, children):
        sub, rest = _split_sub(children)
        return _Action("delete-words", {"words": self._payload(meta), "telkens": rest[0]},
                       sub, meta)

    def delete_quoted(self, meta, children):
        sub, (words, telkens) = _split_sub(children)
        return _Action("delete-words", {"words": words, "telkens": telkens}, sub, meta)

    def delete_anchored(self, meta, children):
        sub, (direction, anchor, telkens, _colon) = _split_sub(children)
        return _Action("delete-words", {"words": self._payload(meta), "telkens": telkens,
                                         "anchor": _unquote(anchor), "position": direction},
                       sub, meta)

    def delete_elements(self, meta, children):
        actions = [_Action("delete-element", {}, tuple(children[0]), meta)]
        actions.extend(c for c in children[1:] if isinstance(c, _Action))
        return actions

    def delete_punct_one(self, meta, children):
        mark = PUNCTUATION[str(children[0]).lower()]
        return _Action("delete-punctuation", {"mark": mark}, (), meta)

    def delete_list(self, meta, children):
        actions = list(children[0])
        actions.extend(c for c in children[1:] if isinstance(c, _Action))
        return actions

    def del_element(self, meta, children):
        return _Action("delete-element", {}, tuple(children[0]), meta)

    def del_punct(self, meta, children):
        return _Action("delete-punctuation", {"mark": PUNCTUATION[str(children[0]).lower()]},
                       (), meta)

    def del_label(self, meta, children):
        return _Action("delete-label", {}, tuple(children[0]), meta)

    def del_label_quoted(self, meta, children):
        # «de aanduiding ’1.’ voor het eerste lid»: the element names the label
        where = tuple(children[1]) if len(children) > 1 else ()
        return _Action("delete-label", {}, where, meta)

    def del_words(self, meta, children):
        return _Action("delete-words", {"words": children[0], "telkens": False}, (), meta)

    def insert_words(self, meta, children):
        sub, (direction, anchor, telkens, new) = _split_sub(children)
        return _Action("insert-words", {"new": new, "anchor": _unquote(anchor),
                                         "position": direction, "telkens": telkens}, sub, meta)

    def insert_end(self, meta, children):
        sub, rest = _split_sub(children)
        where = rest[1] if len(rest) > 2 else None
        fields = {"new": rest[-1], "position": rest[0]}
        sub = tuple(Locator(s.steps + w.steps) for s in (sub or (Locator(),)) for w in where) \
            if where else sub
        return _Action("insert-words", fields, sub, meta)

    def insert_element_after(self, meta, children):
        new = _new_of(children)
        direction = next(c for c in children if c in ("after", "before"))
        anchor = next(c for c in children if isinstance(c, list))
        content = children[-1]
        return _Action("insert-element", _element_fields(new, content, direction),
                       tuple(anchor), meta)

    def insert_element_end(self, meta, children):
        new = _new_of(children)
        content = children[-1]
        return _Action("insert-element", _element_fields(new, content, "end"), (), meta)

    def komt_te_luiden(self, meta, children):
        return _Action("replace-element", {"content": self.content}, tuple(children[0]), meta)

    def actions(self, meta, children):
        flat = []
        for child in children:
            flat.extend(child if isinstance(child, list) else [child])
        return flat

    # -- subject-first

    def s_delete(self, meta, children):
        return _Action("delete-element", {}, (), meta)

    def s_replace(self, meta, children):
        return _Action("replace-element", {"content": self.content}, (), meta)

    def s_replace_quoted(self, meta, children):
        return _Action("replace-element", {"new": children[0]}, (), meta)

    def s_replace_punct(self, meta, children):
        return _Action("replace-element", {"new": PUNCTUATION[str(children[0]).lower()]}, (), meta)

    def s_replace_count(self, meta, children):
        _, kind, _, count = children[0]
        return _Action("replace-element", {"content": children[1], "count": count,
                                            "element": kind}, (), meta)

    def s_renumber(self, meta, children):
        return _Action("renumber", {"new_numbers": tuple(children[0])}, (), meta)

    # -- anchored and appended

    def a_insert(self, meta, children):
        new = _new_of(children)
        return _Action("insert-element", _element_fields(new, children[-1], None), (), meta)

    def a_delete(self, meta, children):
        return _Action("delete-words", {"words": self._payload(meta), "telkens": children[0]},
                       (), meta)

    def a_insert_words(self, meta, children):
        return _Action("insert-words", {"new": self._payload(meta), "telkens": children[0]},
                       (), meta)

    def ap_insert(self, meta, children):
        new = _new_of(children)
        return _Action("insert-element", _element_fields(new, children[-1], "end"), (), meta)

    def _payload(self, meta) -> str:
        if self.payload is None:
            raise _GrammarUse("the colon must be followed by the words", meta)
        return self.payload

    # -- sentences

    def intro_subject(self, meta, children):
        law = next((c for c in children if isinstance(c, LawRef)), None)
        return Intro(tuple(self._subject_targets(children[0])), law, self.span(meta))

    def intro_law(self, meta, children):
        name = _clean_law_name(str(children[0]))
        return Intro((), LawRef(name, span=self.span(meta)), self.span(meta))

    def intro_in(self, meta, children):
        law = next((c for c in children if isinstance(c, LawRef)), None)
        return Intro(tuple(children[0]), law, self.span(meta))

    def framed(self, meta, children):
        frame = children[0]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        actions = children[-1]
        return self._sentence(meta, [self._framed(frame, a) for a in actions], law)

    def subjected(self, meta, children):
        deletions = children[0]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        acts = [c for c in children[1:] if isinstance(c, _Action)]
        built = []
        if acts[0].name == "delete-element":
            # «Het tweede en derde lid, alsmede de aanduiding van het eerste lid, vervallen.»
            built.extend(self._build(d, self._absolute(d.sub) if d.sub else [self.context])
                         for d in deletions)
            acts = acts[1:]
        elif acts[0].name == "replace-element" and all(d.name == "delete-words" for d in deletions):
            # «‘artikel 6.32, tweede lid’ wordt vervangen door: …» (words of the context)
            new = acts[0].fields.get("new", self.payload)
            for d in deletions:
                action = _Action("replace-words", {"old": d.fields["words"], "new": new,
                                                    "telkens": False}, (), acts[0].meta)
                built.append(self._build(action, [self.context]))
            acts = acts[1:]
        else:
            if "new" in acts[0].fields:
                raise _GrammarUse("an element is replaced by new text on the following lines "
                                  "(«komt te luiden:»), not by quoted words", acts[0].meta)
            subject = self._subject_targets(deletions)
            built.append(self._build(acts[0], self._absolute(subject)))
            acts = acts[1:]
        for action in acts:  # «…, onder vernummering van …»
            built.append(self._build(action, self._absolute(list(action.sub))))
        return self._sentence(meta, built, law)

    def _subject_targets(self, deletions) -> list[Locator]:
        for d in deletions:
            if d.name != "delete-element":
                raise _GrammarUse("only elements can be replaced or renumbered here", d.meta)
        return [loc for d in deletions for loc in d.sub]

    def deletions(self, meta, children):
        return list(children)

    def anchored(self, meta, children):
        direction, anchor, action = children[0], children[1], children[-1]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        if isinstance(anchor, tuple):  # «Na «X» vervalt: Y»
            fields = dict(action.fields, anchor=anchor[1], position=direction)
            return self._sentence(meta, [self._build(_Action(action.name, fields, (), action.meta),
                                                     [self.context])], law)
        fields = dict(action.fields, position=direction)
        built = self._build(_Action(action.name, fields, (), action.meta), self._absolute(anchor))
        return self._sentence(meta, [built], law)

    def appended(self, meta, children):
        parent, action = children[0], children[-1]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        if not action.fields.get("element") and self.payload is not None and not self.content.lines:
            # «Aan het slot van het tweede lid wordt toegevoegd: , of» adds words
            action = _Action("insert-words", {"new": self.payload, "position": "end"}, (),
                             action.meta)
        return self._sentence(meta, [self._build(action, self._absolute(parent))], law)

    def er_insert(self, meta, children):
        new = _new_of(children)
        fields = _element_fields(new, children[-1], "end")
        return self._sentence(meta, [self._build(_Action("insert-element", fields, (), None),
                                                 [self.context])], None)

    def sentence_after_renumber(self, meta, children):
        new = _new_of(children)
        return _Action("insert-element", _element_fields(new, children[-1], None), (), meta)

    sentence_after_punct = sentence_after_renumber

    def renumber_head(self, meta, children):
        return children[0]

    def replace_punct_head(self, meta, children):
        (mark, where), new = children
        return _Action("replace-punctuation", {"old": mark, "new": new, "position": "end"},
                       tuple(where or ()), meta)

    def renumber_first(self, meta, children):
        renumber, insert = children
        targets = self._absolute(list(renumber.sub))
        first = self._build(renumber, targets)
        # «Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd»:
        # the new element takes the place the first renumbered one leaves.
        fields = dict(insert.fields, position="before",
                      number=insert.fields.get("number") or targets[0].steps[-1].number)
        second = self._build(_Action("insert-element", fields, (), insert.meta), targets[:1])
        return self._sentence(meta, [first, second], None)

    def replace_quoted_head(self, meta, children):
        old, _end, where, new = children
        return _Action("replace-punctuation", {"old": _unquote(old), "new": new, "position": "end"},
                       tuple(where), meta)

    def st_subonderdelen(self, meta, children):
        return [Step("subonderdeel", str(t)) for t in children]

    def punct_first(self, meta, children):
        *puncts, insert = children
        built = [self._build(p, self._absolute(list(p.sub)) if p.sub else [self.context])
                 for p in puncts[:-1]]
        punct = puncts[-1]
        targets = self._absolute(list(punct.sub)) if punct.sub else [self.context]
        first = self._build(punct, targets)
        # «… door een puntkomma, wordt een onderdeel toegevoegd»: at the end of the
        # list that holds the onderdeel whose punctuation changes
        parent = [Locator(t.steps[:-1]) for t in targets] if punct.sub else [self.context]
        fields = dict(insert.fields, position="end")
        second = self._build(_Action("insert-element", fields, (), insert.meta), parent)
        return self._sentence(meta, built + [first, second], None)

    def label_insert(self, meta, children):
        label = _unquote(children[0]).rstrip(".")
        action = _Action("renumber", {"new_numbers": (label,)}, (), meta)
        return self._sentence(meta, [self._build(action, [self.context])], None)

    # -- assembling

    def _absolute(self, targets) -> list[Locator]:
        return [join(self.context, t) for t in targets]

    def _framed(self, frame, action: _Action) -> Instruction:
        base = self._absolute(frame)
        if action.sub:
            base = [join(b, s) for b in base for s in action.sub]
        return self._build(action, base)

    def _build(self, action: _Action, targets: list[Locator]) -> Instruction:
        cls = _CLASSES[action.name]
        fields = dict(action.fields)
        if action.name == "insert-element" and fields.get("position") is None:
            fields["position"] = "after"
        span = self.span(action.meta) if action.meta is not None else Span(self.line, self.column)
        return cls(targets=tuple(targets), place=self.place, span=span, **fields)

    def _sentence(self, meta, instructions, law) -> Sentence:
        return Sentence(tuple(instructions), self.text, self.span(meta), law)

    def start(self, meta, children):
        return children[0]

    def sentence(self, meta, children):
        return children[0]


class _GrammarUse(Exception):
    """A tree the grammar accepts but that cannot be built (no payload, say)."""

    def __init__(self, message: str, meta):
        super().__init__(message)
        self.meta = meta


_CLASSES = {cls.kind: cls for cls in INSTRUCTION_CLASSES}


def _new_of(children):
    """The («new», kind, number, count) of «een nieuw artikel 95a», if given."""
    return next((c for c in children if isinstance(c, tuple) and c[0] == "new"), None)


def _element_fields(new, content, position) -> dict:
    fields = {"content": content if isinstance(content, Content) else Content(),
              "position": position}
    if new:
        _, kind, number, count = new
        fields.update(element=kind, number=number, count=count)
    return fields


def _split_sub(children):
    if children and isinstance(children[0], tuple) and children[0][0] == "sub":
        return tuple(children[0][1]), children[1:]
    return (), children


def _artnum(token) -> str:
    return str(token).strip()


def _singular(word: str) -> str:
    plural = {"artikelen": "artikel", "leden": "lid", "volzinnen": "volzin",
              "onderdelen": "onderdeel", "subonderdelen": "subonderdeel",
              "paragrafen": "paragraaf", "afdelingen": "afdeling", "hoofdstukken": "hoofdstuk",
              "titels": "titel", "alinea's": "alinea", "begripsomschrijvingen": "definition",
              "begripsomschrijving": "definition", "definities": "definition",
              "definitie": "definition"}
    return plural.get(word, word)


def _closing(text: str) -> str:
    """A volzin given after a colon keeps the full stop that closes the sentence."""
    return "" if text.endswith((".", "?", "!")) else "."


def _label_range(first: str, last: str) -> list[str]:
    if first.isdigit() and last.isdigit():
        return [str(n) for n in range(int(first), int(last) + 1)]
    if len(first) == 1 and len(last) == 1:
        return [chr(c) for c in range(ord(first), ord(last) + 1)]
    return [first, last]


def _clean_law_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().rstrip(",")


# ---------------------------------------------------------------------------- entry point


_BUILDER: list = []


def _builder() -> InstructionBuilder:
    if not _BUILDER:
        _BUILDER.append(InstructionBuilder("", None, Content(), Locator(), Place(), 1, 1))
    return _BUILDER[0]


@lru_cache(maxsize=1)
def _one_pass_parser() -> "_OnePassParser":
    return _OnePassParser(grammar_parser(), _builder())


def parse_sentence(text: str, *, line: int = 1, column: int = 1, context: Locator = Locator(),
                   content: Content = Content(), place: Place = Place(),
                   source: str = "") -> Parsed:
    """Parse one sentence of an act into an ``Intro`` or a ``Sentence``.

    ``context`` is the locator an intro set («Artikel 105b wordt gewijzigd als
    volgt:»); relative locators in the sentence are appended to it. ``content`` is
    the quoted content that follows on the next lines of the act, if any.
    Raises ``ActSyntaxError`` with the line, column, an underline and what was
    expected.
    """
    head, payload = split_payload(text)
    builder = _builder().for_sentence(text, payload, content, context, place, line, column)
    try:
        built = _one_pass_parser().parse(head)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, line, column, source) from None
    if builder.failure is not None:
        rule, inner = builder.failure
        if isinstance(inner, _GrammarUse):
            col = getattr(inner.meta, "column", 1)
            raise ActSyntaxError(inner.args[0], source=source, line=line,
                                 column=column + col - 1,
                                 context=underline(text, col, len(text) - col + 1)) from None
        raise VisitError(rule, None, inner) from inner
    return built.value


# ---------------------------------------------------------------------------- one-pass parsing
#
# Lark would build a parse tree (with positions) and the builder would then walk
# it; for a sentence of a dozen tokens that costs twice the parse itself. So the
# parser below drives Lark's LALR tables and contextual lexer itself and calls
# the builder's method at each reduction, with what Lark's tree building would
# have given it: the kept children (anonymous and «_» tokens dropped, «__…»
# helper rules spliced in, «?rule» with one child passed through) and the
# columns the rule matched (first to last token, filtered ones included). A
# Lark Transformer may not take ``meta`` when run during parsing, hence our own.


class _Meta:
    """The columns a rule matched (what Lark's ``propagate_positions`` gives)."""

    __slots__ = ("line", "column", "end_line", "end_column")
    empty = False

    def __init__(self, line: int, column: int, end_line: int, end_column: int):
        self.line, self.column = line, column
        self.end_line, self.end_column = end_line, end_column


class _NoPosition:
    """A rule that matched no token («telkens» left out): it has no columns."""

    __slots__ = ()
    empty = True


_NO_POSITION = _NoPosition()


class _Built:
    """A rule's result on the parser's stack, with the columns the rule covers."""

    __slots__ = ("value", "meta")

    def __init__(self, value, meta):
        self.value, self.meta = value, meta


class _Spliced:
    """The kept items (tokens and ``_Built``) of a helper rule Lark inlines into
    its parent («(«,» action)*» becomes ``__actions_star_1``)."""

    __slots__ = ("items", "meta")

    def __init__(self, items: list, meta):
        self.items, self.meta = items, meta


def _extent(raw: list):
    """The columns from the first positioned item of ``raw`` to the last one."""
    if len(raw) == 1:  # half of all reductions: a rule over one symbol
        item = raw[0]
        if isinstance(item, Token):
            return _Meta(item.line, item.column, item.end_line, item.end_column)
        return item.meta  # the same columns (shared: a rule's columns are only read)
    for item in raw:
        start = item if isinstance(item, Token) else item.meta
        if start is not _NO_POSITION:
            break
    else:
        return _NO_POSITION
    for item in reversed(raw):
        end = item if isinstance(item, Token) else item.meta
        if end is not _NO_POSITION:
            break
    return _Meta(start.line, start.column, end.end_line, end.end_column)


def _kept_items(raw: list, keep: tuple) -> list:
    items = []
    for index, spliced in keep:
        if spliced:
            items.extend(raw[index].items)
        else:
            items.append(raw[index])
    return items


def _is_spliced(symbol) -> bool:
    """Lark inlines a rule whose name starts with «_» into its parent."""
    return not symbol.is_term and symbol.name.startswith("_")


def _reducer(builder: InstructionBuilder, rule) -> Callable[[list], object]:
    """The function that turns the matched symbols of ``rule`` into its result."""
    keep_all = rule.options.keep_all_tokens
    keep = tuple((i, _is_spliced(sym)) for i, sym in enumerate(rule.expansion)
                 if keep_all or not (sym.is_term and sym.filter_out))
    if _is_spliced(rule.origin):
        return lambda raw: _Spliced(_kept_items(raw, keep), _extent(raw))
    name = rule.alias or rule.options.template_source or rule.origin.name
    passes_single = rule.options.expand1 and not rule.alias
    method = getattr(builder, name, None)
    # most rules keep every symbol and splice none: their items are the matched symbols
    keeps_all = keep == tuple((i, False) for i in range(len(rule.expansion)))

    def reduce(raw: list):
        meta = _extent(raw)
        if builder.failure is not None:  # only a syntax error can still change the outcome
            return _Built(None, meta)
        items = raw if keeps_all else _kept_items(raw, keep)
        if passes_single and len(items) == 1:  # «?action: replace_words | …»
            single = items[0]
            if isinstance(single, Token) or single.meta is meta:  # nothing to change
                return single
            return _Built(single.value, meta)
        children = [item if isinstance(item, Token) else item.value for item in items]
        if method is None:
            return _Built(Tree(name, children, meta), meta)
        try:
            return _Built(method(meta, children), meta)
        except Exception as exc:  # reported after the parse, as a Transformer would
            builder.failure = (name, exc)
            return _Built(None, meta)

    return reduce


class _LexMiss(Exception):
    """The quick lexer met what only Lark's lexer can report well (or at all)."""


class _StateScanners(dict):
    """Per parser state: the compiled patterns Lark's contextual lexer tries there,
    the terminals it ignores and its token callbacks. Made on first use of a
    state, as Lark does (compiling them all would slow the first sentence)."""

    def __init__(self, lexers: dict):
        super().__init__()
        self.lexers = lexers

    def __missing__(self, state):
        basic = self.lexers[state]
        found = self[state] = (tuple(basic.scanner._mres), basic.ignore_types, basic.callback)
        return found


def _state_scanners(lexer, start_state) -> Optional[_StateScanners]:
    """The scanners of ``lexer``; None where this version of Lark keeps them
    elsewhere (then its own lexer serves)."""
    try:
        scanners = _StateScanners(lexer.lexers)
        scanners[start_state]  # noqa: B018  (made now, to see that it can be)
        return scanners
    except AttributeError:
        return None


_new_str = str.__new__


def _token(kind: str, value: str, start: int, end: int) -> Token:
    """Lark's Token for text[start:end] on line 1, made without the two Python
    calls of Token(...) (which also translate old keyword names)."""
    token = _new_str(Token, value)
    token.type, token.value, token.start_pos, token.end_pos = kind, value, start, end
    token.line = token.end_line = 1
    token.column, token.end_column = start + 1, end + 1
    return token


def _one_line_tokens(scanners: dict, text: str, stack: list) -> Iterator[Token]:
    """The tokens of ``text`` (no line breaks) as Lark's contextual lexer gives
    them, each scanned with the patterns of the state the parser is in by then,
    then Lark's «$END». Lark's lexer counts lines and columns per token and checks
    much more; on one line a column is the position plus one."""
    pos, end, token = 0, len(text), None
    while pos < end:
        patterns, ignored, callbacks = scanners[stack[-1]]
        for pattern in patterns:
            match = pattern.match(text, pos)
            if match:
                break
        else:
            raise _LexMiss()
        start, pos, kind = pos, match.end(), match.lastgroup
        if kind in ignored:
            if kind in callbacks:
                raise _LexMiss()
            continue
        token = _token(kind, match.group(0), start, pos)
        if kind in callbacks:
            token = callbacks[kind](token)
        yield token
    yield _end_token(token)


class _StatePointer:
    """What Lark's contextual lexer asks of a parser: its current state."""

    __slots__ = ("stack",)

    def __init__(self, stack: list):
        self.stack = stack

    @property
    def position(self):
        return self.stack[-1]


class _OnePassParser:
    """Lark's LALR(1) tables and contextual lexer, building while parsing."""

    def __init__(self, lark: Lark, builder: InstructionBuilder):
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        (start,) = frontend.parser_conf.start
        self.lexer = frontend.lexer
        self.states = table.states
        self.start_state = table.start_states[start]
        self.end_state = table.end_states[start]
        # names as plain strings: Lark's are partly Tokens, slower to compare
        reductions = {rule: (len(rule.expansion), str(rule.origin.name), _reducer(builder, rule))
                      for rule in lark.rules}
        # per state and symbol: (True, next state) or (False, (size, rule name, reducer))
        self.actions = {state: {str(symbol): (True, arg) if action is Shift
                                else (False, reductions[arg])
                                for symbol, (action, arg) in row.items()}
                        for state, row in table.states.items()}
        self.builder = builder
        self.scanners = _state_scanners(self.lexer, self.start_state)

    def parse(self, text: str) -> _Built:
        if self.scanners is not None and "\n" not in text:
            try:
                return self._parse(lambda stack: _one_line_tokens(self.scanners, text, stack))
            except _LexMiss:  # let Lark's lexer find it again and say what it expected
                self.builder.failure = None
        return self._parse(lambda stack: _then_end(LexerThread.from_text(self.lexer, text).lex(
            _StatePointer(stack))))

    def _parse(self, tokens_for: Callable[[list], Iterable[Token]]) -> _Built:
        """Shift each token (``tokens_for`` the state stack, «$END» last) after the
        reductions it calls for; at «$END», the result.
        (One loop: a call per token would cost a tenth of the parse.)"""
        actions, end_state = self.actions, self.end_state
        stack = [self.start_state]
        values: list = []
        for token in tokens_for(stack):
            kind = token.type
            while True:
                state = stack[-1]
                try:
                    shift, arg = actions[state][kind]
                except KeyError:
                    expected = {s for s in self.states[state] if s.isupper()}
                    raise UnexpectedToken(token, expected, state=_StatePointer(stack)) from None
                if shift:
                    stack.append(arg)
                    values.append(token)
                    break
                size, origin, reduce = arg
                if size:
                    raw = values[-size:]
                    del stack[-size:]
                    del values[-size:]
                else:
                    raw = []
                values.append(reduce(raw))
                stack.append(actions[stack[-1]][origin][1])
                if kind == "$END" and stack[-1] == end_state:
                    return values[-1]
        raise AssertionError("the parse ends at «$END»")  # pragma: no cover


def _then_end(tokens: Iterable[Token]) -> Iterator[Token]:
    """The tokens, then Lark's «$END»."""
    token = None
    for token in tokens:
        yield token
    yield _end_token(token)


def _end_token(last: Optional[Token]) -> Token:
    """Lark's «$END», at the last token's position."""
    return Token.new_borrow_pos("$END", "", last) if last else Token("$END", "", 0, 1, 1)


def _syntax_error(exc: UnexpectedInput, text: str, line: int, column: int,
                  source: str) -> ActSyntaxError:
    col = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
    width = _word_width(text, col)
    expected = _expected(exc)
    got = text[col - 1: col - 1 + width] or "end of sentence"
    message = f"cannot read instruction: unexpected «{got}»"
    if expected:
        message += f"; expected {expected}"
    return ActSyntaxError(message, source=source, line=line, column=column + col - 1,
                          context=underline(text, col, width))


def _word_width(text: str, col: int) -> int:
    match = re.match(r"«[^»]*»|\S+", text[col - 1:])
    return len(match.group(0)) if match else 1


_TERMINAL_NAMES = {
    "QUOTED": "quoted words «…»", "COLON": "«:»", "ARTNUM": "an article number",
    "ORDINAL": "an ordinal (eerste, tweede, …)", "LABEL": "a letter or number",
    "_WORDT": "«wordt»", "_VERVALT": "«vervalt»", "_VERVALLEN": "«vervallen»",
    "_VERVANGEN": "«vervangen»", "_DOOR": "«door»", "_INGEVOEGD": "«ingevoegd»",
    "_TOEGEVOEGD": "«toegevoegd»", "_LID": "«lid»", "_VOLZIN": "«volzin»",
    "_KOMT_TE_LUIDEN": "«komt te luiden»", "_ARTIKEL": "«artikel»", "COMMA": "«,»",
}


def _expected(exc: UnexpectedInput) -> str:
    names = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or set()
    shown = sorted({_TERMINAL_NAMES.get(n, n.strip("_").lower().replace("_", " "))
                    for n in names if not n.startswith("__")})
    if not shown:
        return ""
    if len(shown) > 8:
        shown = shown[:8] + ["…"]
    return ", ".join(shown)
