"""Builder methods for grammar/instruction.lark: intros and the shapes of a sentence.

A sentence's actions meet their frame here («In artikel 5 …», a subject, an
anchor, «Aan …») and become the instructions of ``model``; the context an intro
set («Artikel 105b wordt gewijzigd als volgt:») is joined to every locator.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from consolidator.dates import find_date
from consolidator.errors import ConsolidatorError
from consolidator.model import (
    INSTRUCTION_CLASSES, Instruction, Intro, LawRef, Locator, Repeal, Sentence, Span,
)
from consolidator.read.builder.actions import element_fields, new_of
from consolidator.read.builder.base import Action, BuilderBase, GrammarUse, unquote
from consolidator.read.builder.locators import book_of_law, clean_law_name, join
from consolidator.read.builder.regulations import (
    NotARegulation, doc_of, law_ref, regulations,
)


#: What one sentence of an act reads as (``Intro`` lives in ``model``; importable from here too).
Parsed = Union[Sentence, Intro, Repeal]

_CLASSES = {cls.kind: cls for cls in INSTRUCTION_CLASSES}


@dataclass(frozen=True)
class Dated:
    """«met ingang van 1 januari 2020»: the date a sentence gives its changes."""

    date: object


@dataclass(frozen=True)
class Named:
    """A regulation's name as the sentence writes it (one, or a list for a repeal)."""

    text: str
    meta: object


def _law_of(children) -> Optional[LawRef]:
    return next((c for c in children if isinstance(c, LawRef)), None)


def _date_of(children):
    dated = next((c for c in children if isinstance(c, Dated)), None)
    return dated.date if dated else None


class SentenceRules(BuilderBase):
    """Intros and sentences → ``Intro`` and ``Sentence``."""

    def intro_subject(self, meta, children):
        law = _law_of(children)
        targets, law = book_of_law(list(self._subject_targets(children[0])), law)
        return Intro(tuple(targets), law, self.span(meta), _date_of(children))

    def intro_law(self, meta, children):
        named = next(c for c in children if isinstance(c, (Named, LawRef)))
        law = self._regulation(named) if isinstance(named, Named) else named
        return Intro((), law, self.span(meta), _date_of(children))

    def intro_in(self, meta, children):
        targets, law = book_of_law(list(children[0]), _law_of(children))
        return Intro(tuple(targets), law, self.span(meta))

    def intro_verb(self, meta, children):
        return next((c for c in children if isinstance(c, Dated)), None)

    def dated(self, meta, children):
        try:
            date = find_date(str(children[0]))
        except ConsolidatorError as exc:
            raise GrammarUse(exc.message, meta) from None
        return Dated(date)

    def reg_named(self, meta, children):
        return Named(str(children[-1]), meta)

    def reg_bill(self, meta, children):
        return LawRef("voorstel van wet", kind="bill", doc="voorstel van wet",
                      span=self.span(meta))

    def _regulation(self, named: "Named", name: str = "", withdrawn: bool = False) -> LawRef:
        """One regulation, named at the start of the sentence. What a repeal withdraws
        must say it is a regulation at its head («het Besluit …», «de wet van …»): the
        verb alone («… dient te worden ingetrokken») does not make a subject one."""
        meta = named.meta
        law = law_ref(clean_law_name(name or named.text), self.span(meta))
        if withdrawn and not doc_of(law.name):
            raise GrammarUse(f"«{law.name}» does not name a regulation (no wet, besluit, "
                             "regeling, … at its head)", meta)
        return law

    # -- repeals

    def repeal(self, meta, children):
        named, (plural, date) = children
        if isinstance(named, LawRef):  # «Het voorstel van wet wordt ingetrokken»
            return Repeal((named,), self.text, self.span(meta), self.place, date)
        try:
            names = regulations(named.text, plural)
        except NotARegulation as exc:
            raise GrammarUse(exc.message, named.meta) from None
        laws = tuple(self._regulation(named, n, withdrawn=True) for n in names)
        return Repeal(laws, self.text, self.span(meta), self.place, date)

    def repeal_one(self, meta, children):
        return (False, _date_of(children))

    def repeal_many(self, meta, children):
        return (True, _date_of(children))

    def repeal_komt(self, meta, children):
        return (str(children[0]) == "komen", None)

    def framed(self, meta, children):
        frame = children[0]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        actions = children[-1]
        return self._sentence(meta, [self._framed(frame, a) for a in actions], law)

    def subjected(self, meta, children):
        deletions = children[0]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        acts = [c for c in children[1:] if isinstance(c, Action)]
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
                action = Action("replace-words", {"old": d.fields["words"], "new": new,
                                                   "telkens": False}, (), acts[0].meta)
                built.append(self._build(action, [self.context]))
            acts = acts[1:]
        else:
            if "new" in acts[0].fields:
                raise GrammarUse("an element is replaced by new text on the following lines "
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
                raise GrammarUse("only elements can be replaced or renumbered here", d.meta)
        return [loc for d in deletions for loc in d.sub]

    def anchored(self, meta, children):
        direction, anchor, action = children[0], children[1], children[-1]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        if isinstance(anchor, tuple):  # «Na «X» vervalt: Y»
            fields = dict(action.fields, anchor=anchor[1], position=direction)
            return self._sentence(meta, [self._build(Action(action.name, fields, (), action.meta),
                                                     [self.context])], law)
        fields = dict(action.fields, position=direction)
        built = self._build(Action(action.name, fields, (), action.meta), self._absolute(anchor))
        return self._sentence(meta, [built], law)

    def appended(self, meta, children):
        parent, action = children[0], children[-1]
        law = next((c for c in children if isinstance(c, LawRef)), None)
        if not action.fields.get("element") and self.payload is not None and not self.content.lines:
            # «Aan het slot van het tweede lid wordt toegevoegd: , of» adds words
            action = Action("insert-words", {"new": self.payload, "position": "end"}, (),
                            action.meta)
        return self._sentence(meta, [self._build(action, self._absolute(parent))], law)

    def er_insert(self, meta, children):
        new = new_of(children)
        fields = element_fields(new, children[-1], "end")
        return self._sentence(meta, [self._build(Action("insert-element", fields, (), None),
                                                 [self.context])], None)

    def sentence_after_renumber(self, meta, children):
        new = new_of(children)
        return Action("insert-element", element_fields(new, children[-1], None), (), meta)

    sentence_after_punct = sentence_after_renumber

    def renumber_head(self, meta, children):
        return children[0]

    def replace_punct_head(self, meta, children):
        (mark, where), new = children
        return Action("replace-punctuation", {"old": mark, "new": new, "position": "end"},
                      tuple(where or ()), meta)

    def renumber_first(self, meta, children):
        renumber, insert = children
        targets = self._absolute(list(renumber.sub))
        first = self._build(renumber, targets)
        # «Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd»:
        # the new element takes the place the first renumbered one leaves.
        fields = dict(insert.fields, position="before",
                      number=insert.fields.get("number") or targets[0].steps[-1].number)
        second = self._build(Action("insert-element", fields, (), insert.meta), targets[:1])
        return self._sentence(meta, [first, second], None)

    def replace_quoted_head(self, meta, children):
        old, _end, where, new = children
        return Action("replace-punctuation", {"old": unquote(old), "new": new, "position": "end"},
                      tuple(where), meta)

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
        second = self._build(Action("insert-element", fields, (), insert.meta), parent)
        return self._sentence(meta, built + [first, second], None)

    def label_insert(self, meta, children):
        label = unquote(children[0]).rstrip(".")
        action = Action("label-insert", {"label": label}, (), meta)
        return self._sentence(meta, [self._build(action, [self.context])], None)

    # -- subjects, anchors and parents

    def subject(self, meta, children):
        return children[0]

    def anchor(self, meta, children):
        return children[0]

    def anchor_quoted(self, meta, children):
        return ("quoted", unquote(children[0]))

    def parent(self, meta, children):
        return children[0]

    def parent_end(self, meta, children):
        lists = [c for c in children if isinstance(c, list)]
        return lists[0] if lists else [Locator()]

    # -- assembling

    def _absolute(self, targets) -> list[Locator]:
        return [join(self.context, t) for t in targets]

    def _framed(self, frame, action: Action) -> Instruction:
        base = self._absolute(frame)
        if action.sub:
            base = [join(b, s) for b in base for s in action.sub]
        return self._build(action, base)

    def _build(self, action: Action, targets: list[Locator]) -> Instruction:
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
