"""Builder methods for grammar/instruction.lark: intros and the shapes of a sentence.

A sentence's actions meet their frame here («In artikel 5 …», a subject, an
anchor, «Aan …») and become the instructions of ``model``; the context an intro
set («Artikel 105b wordt gewijzigd als volgt:») is joined to every locator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Union

from consolidator.dates import find_date
from consolidator.errors import ConsolidatorError
from consolidator.model import (
    INSTRUCTION_CLASSES, Content, ContentLine, Instruction, Intro, LawRef, Locator, Repeal, Sentence, Span,
    Step,
)
from consolidator.read.builder.actions import element_fields, new_of
from consolidator.read.builder.base import Action, BuilderBase, GrammarUse, text_only, unquote
from consolidator.read.builder.locators import book_of_law, clean_law_name, join, nest
from consolidator.read.builder.regulations import (
    NotARegulation, doc_of, law_ref, regulations,
)


#: What one sentence of an act reads as (``Intro`` lives in ``model``; importable from here too).
Parsed = Union[Sentence, Intro, Repeal]

_CLASSES = {cls.kind: cls for cls in INSTRUCTION_CLASSES}
# elements of one line, which quoted words can replace whole
_ONE_LINE = ("opschrift", "volzin", "aanhef")


@dataclass(frozen=True)
class Dated:
    """«met ingang van 1 januari 2020»: the date a sentence gives its changes."""

    date: object


@dataclass(frozen=True)
class Named:
    """A regulation's name as the sentence writes it (one, or a list for a repeal)."""

    text: str
    meta: object


# A quoted heading: «Hoofdstuk 11a. Beveiligingsmaatregelen» (as read/content.py reads a line)
_HEADING_RE = re.compile(r"^(§|Hoofdstuk|Titel|Afdeling|Paragraaf|Boek|Deel)\s+(\S+?)\.?(?:\s+(.*))?$")


def _one_line(text: str) -> ContentLine:
    """The new text of a one-line element given between quotes."""
    heading = _HEADING_RE.match(text)
    if heading:
        kind = heading.group(1).lower()
        return ContentLine("heading", (heading.group(3) or "").strip(), label=heading.group(2),
                           heading_kind="paragraaf" if kind == "§" else kind)
    return ContentLine("text", text)


def _law_of(children) -> Optional[LawRef]:
    """The law a rule's children name, if any (a loop: most sentences ask, and a
    generator costs more than the few children it looks at)."""
    for child in children:
        if isinstance(child, LawRef):
            return child
    return None


def _date_of(children):
    dated = next((c for c in children if isinstance(c, Dated)), None)
    return dated.date if dated else None


class SentenceRules(BuilderBase):
    """Intros and sentences → ``Intro`` and ``Sentence``."""

    def _no_payload(self, meta) -> None:
        """An intro's colon announces the instructions on the lines after it."""
        if self.payload is not None:
            raise GrammarUse("an intro («… wordt als volgt gewijzigd:») is followed by the "
                             "instructions on the following lines, not by text on its own "
                             "line", meta)

    def intro_subject(self, meta, children):
        self._no_payload(meta)
        law = _law_of(children)
        targets, law = book_of_law(list(self._subject_targets(children[0])), law)
        return Intro(tuple(targets), law, self.span(meta), _date_of(children))

    @text_only
    def intro_law(self, meta, children):
        self._no_payload(meta)
        named = next(c for c in children if isinstance(c, (Named, LawRef)))
        law = self._regulation(named) if isinstance(named, Named) else named
        return Intro((), law, self.span(meta), _date_of(children))

    @text_only
    def intro_in(self, meta, children):
        targets, law = book_of_law(list(children[0]), _law_of(children))
        return Intro(tuple(targets), law, self.span(meta))

    def intro_in_frame(self, meta, children):
        """«In artikel I, onderdeel K, wordt artikel 9 als volgt gewijzigd:»; the same
        without «In» (a slip the reader understands alike)."""
        self._no_payload(meta)
        frame = children[0]
        if frame and isinstance(frame[0], Action):
            frame = self._subject_targets(frame)
        inner = next(c for c in children[1:] if isinstance(c, list))
        targets = [join(f, i) for f in frame for i in inner]
        targets, law = book_of_law(targets, _law_of(children))
        return Intro(tuple(targets), law, self.span(meta))

    def intro_amounts(self, meta, children):
        """«De bedragen, genoemd in de artikelen 26 en 29 van de Wet X, worden als volgt
        gewijzigd:» — the articles that hold them are the place of what follows."""
        self._no_payload(meta)
        targets, law = book_of_law(list(children[1]), _law_of(children))
        return Intro(tuple(targets), law, self.span(meta), _date_of(children))

    @text_only
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
        return (self.text[meta.column - 1:].startswith("komen"), None)

    def framed(self, meta, children):
        law = _law_of(children)
        actions = children[-1]
        if not actions:
            return self._sentence(meta, [], law)
        # what ``_framed`` gives each action, the frame's places read once for them all
        base = self._absolute(children[0])
        return self._sentence(meta, [self._framed_at(base, a) for a in actions], law)

    def framed_context(self, meta, children):
        """«Voorts wordt …», «Verder vervalt …»: the actions of the place the intro set."""
        return self._sentence(meta, [self._framed([Locator()], a) for a in children[-1]], None)

    def alphabetical_first(self, meta, children):
        """«In de alfabetische volgorde wordt ingevoegd:»"""
        fields = element_fields(new_of(children), children[-1], "alphabetical")
        return self._sentence(meta, [self._build(Action("insert-element", fields, (), meta),
                                                 [self.context])], None)

    def under_aanhef(self, meta, children):
        """«Onder de aanhef wordt een onderdeel ingevoegd»: right after the aanhef."""
        action = children[-1]
        fields = dict(action.fields, position="after")
        aanhef = join(self.context, Locator((Step("aanhef"),)))
        return self._sentence(meta, [self._build(Action(action.name, fields, (), action.meta),
                                                 [aanhef])], None)

    def under_label(self, meta, children):
        """«Onder de aanduiding A wordt ingevoegd: …»: the words open onderdeel A's text
        (capital onderdelen are an act's, Aanwijzing 6.15)."""
        label, new = str(children[0]), children[-1]
        kind = "act-onderdeel" if label[:1].isupper() else "onderdeel"
        target = join(self.context, Locator((Step(kind, label),)))
        action = Action("insert-words", {"new": new, "position": "start"}, (), meta)
        return self._sentence(meta, [self._build(action, [target])], None)

    def subjected(self, meta, children):
        deletions = children[0]
        law = _law_of(children)
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
            subject = self._subject_targets(deletions)
            built.append(self._build(self._replacement(acts[0], subject), self._absolute(subject)))
            acts = acts[1:]
        if not acts:
            return self._sentence(meta, built, law)
        # «Artikel 9, derde lid, vervalt, onder vernummering van het vierde lid tot derde lid»:
        # the renumbered leden are those of the subject's own parent
        parent = Locator(deletions[0].sub[0].steps[:-1]) if deletions and deletions[0].sub \
            else Locator()
        for action in acts:
            built.append(self._build(action, self._absolute([join(parent, s) for s in action.sub])))
        return self._sentence(meta, built, law)

    def _replacement(self, action: Action, subject: list[Locator]) -> Action:
        """A subject replaced by quoted words: only a one-line element can be («Het
        opschrift «Hoofdstuk 11a. Continuïteit» wordt vervangen door «Hoofdstuk 11a.
        Beveiligingsmaatregelen»»); others by the lines after «komt te luiden:»."""
        if "new" not in action.fields:
            return action
        if not all(t.steps and t.steps[-1].kind in _ONE_LINE for t in subject):
            raise GrammarUse("an element is replaced by new text on the following lines "
                             "(«komt te luiden:»), not by quoted words", action.meta)
        return Action("replace-element", {"content": Content((_one_line(action.fields["new"]),))},
                      (), action.meta)

    def _subject_targets(self, deletions) -> list[Locator]:
        for d in deletions:
            if d.name != "delete-element":
                raise GrammarUse("only elements can be replaced or renumbered here", d.meta)
        return [loc for d in deletions for loc in d.sub]

    def anchored(self, meta, children):
        direction, anchor, action = children[0], children[1], children[-1]
        law = _law_of(children)
        if isinstance(anchor, tuple):  # «Na «X» vervalt: Y», «Na «X» wordt ingevoegd: Y»
            return self._sentence(meta, [self._quoted_anchor(action, anchor[1], direction)], law)
        targets = self._absolute(anchor)
        if isinstance(action, list):  # «Na onderdeel m wordt, onder vervanging van …, …»
            *clauses, insert = action
            built = [self._build(c, self._absolute(list(c.sub)) if c.sub else targets)
                     for c in clauses]
            fields = dict(insert.fields, position=direction)
            built.append(self._build(Action(insert.name, fields, (), insert.meta), targets))
            return self._sentence(meta, built, law)
        fields = dict(action.fields, position=direction)
        built = self._build_from(action.name, fields, action.meta, targets)
        return self._sentence(meta, [built], law)

    def _quoted_anchor(self, action, anchor: str, direction: str) -> Instruction:
        """After (or before) quoted words only words can come: «Na «X» wordt ingevoegd: Y»,
        «Na «X» wordt ingevoegd «Y»» insert words (Aanwijzing 6.11)."""
        if isinstance(action, list) or (action.name == "insert-element"
                                        and action.fields.get("element")):
            raise GrammarUse("an element is placed after an element, not after quoted words",
                             getattr(action, "meta", None))
        fields = dict(action.fields, anchor=anchor, position=direction)
        if action.name == "insert-element":
            words = self.luidend_words
            if words is None:
                raise GrammarUse("the words to insert after quoted words follow the colon "
                                 "or stand between quotes", action.meta)
            action = Action("insert-words", {"new": words}, (), action.meta)
            fields = dict(action.fields, anchor=anchor, position=direction)
        return self._build(Action(action.name, fields, (), action.meta), [self.context])

    def appended(self, meta, children):
        parent, action = children[0], children[-1]
        law = _law_of(children)
        targets = self._absolute(parent)
        if isinstance(action, list):  # «Aan artikel 1 worden, onder vervanging van …, …»
            *clauses, action = action
            built = [self._build(c, [join(t, s) for t in targets for s in c.sub] if c.sub
                                 else targets) for c in clauses]
            return self._sentence(meta, built + [self._build(action, targets)], law)
        return self._sentence(meta, [self._build(action, targets)], law)

    def renumber_then_delete(self, meta, children):
        """«Onder vernummering van het vierde lid tot derde lid, vervalt in artikel 46 het
        derde lid»: deleted first, then renumbered, both in the place named."""
        renumber, *rest = children
        frame = self._absolute(list(rest[0][1])) if isinstance(rest[0], tuple) else [self.context]
        elements = rest[-1]
        delete = Action("delete-element", {}, (), meta)
        built = [self._build(delete, [join(f, e) for f in frame for e in elements]),
                 self._build(renumber, [join(f, s) for f in frame for s in renumber.sub])]
        return self._sentence(meta, built, None)

    def after_renumber_framed(self, meta, children):
        """«Onder vernummering van het tweede lid tot derde lid wordt in artikel 14 een lid
        ingevoegd»: renumbered and inserted in the place named; the new lid takes the
        place the renumbered one leaves."""
        frame = children[0][1]
        fields = element_fields(new_of(children), children[-1], None)
        return Action("insert-element", dict(fields, frame=tuple(frame)), (), meta)

    def after_punct_appended(self, meta, children):
        """«… door een puntkomma wordt aan artikel 1 een onderdeel toegevoegd»"""
        frame = next(c for c in children if isinstance(c, list))
        fields = element_fields(new_of(children), children[-1], None)
        return Action("insert-element", fields, tuple(frame), meta)

    def after_punct_delete(self, meta, children):
        """«Onder vervanging van «; en» aan het slot van onderdeel b door een punt vervalt
        onderdeel c.»"""
        return Action("delete-element", {}, tuple(children[0]), meta)

    def after_punct_framed(self, meta, children):
        """«… door een puntkomma, wordt in artikel 1 een onderdeel toegevoegd»: the frame
        comes after the clause and holds both."""
        frame = children[0][1]
        fields = element_fields(new_of(children), children[-1], None)
        return Action("insert-element", fields, tuple(frame), meta)

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
        frame = insert.fields.get("frame")
        if frame is not None:  # «… wordt in artikel 14 een lid ingevoegd»: both in artikel 14
            fields = {k: v for k, v in insert.fields.items() if k != "frame"}
            renumber = Action(renumber.name, renumber.fields,
                              tuple(nest(f, s) for f in frame for s in renumber.sub),
                              renumber.meta)
            insert = Action(insert.name, fields, (), insert.meta)
        targets = self._absolute(list(renumber.sub))
        first = self._build(renumber, targets)
        if insert.sub:  # «… wordt na het eerste lid een lid toegevoegd»: where it says
            second = self._build(insert, self._absolute(list(insert.sub)))
            return self._sentence(meta, [first, second], None)
        # «Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd»:
        # the new element takes the place the first renumbered one leaves.
        fields = dict(insert.fields, position="before",
                      number=insert.fields.get("number") or targets[0].steps[-1].number)
        second = self._build(Action("insert-element", fields, (), insert.meta), targets[:1])
        return self._sentence(meta, [first, second], None)

    def renumber_then_anchored(self, meta, children):
        direction = next(c for c in children if isinstance(c, str) and c in ("after", "before"))
        anchor = next(c for c in children if isinstance(c, list))
        fields = element_fields(new_of(children), children[-1], direction)
        return Action("insert-element", fields, tuple(anchor), meta)

    def replace_quoted_head(self, meta, children):
        old, _end, where, new = children
        return Action("replace-punctuation", {"old": unquote(old), "new": new, "position": "end"},
                      tuple(where), meta)

    def punct_first(self, meta, children):
        *puncts, insert = children
        if insert.name == "delete-element":  # «… door een punt vervalt onderdeel c»
            built = [self._build(p, self._absolute(list(p.sub)) if p.sub else [self.context])
                     for p in puncts]
            built.append(self._build(insert, self._absolute(list(insert.sub))))
            return self._sentence(meta, built, None)
        if insert.sub:  # «Onder vervanging van …, wordt in artikel 1 een onderdeel toegevoegd»
            frame = self._absolute(list(insert.sub))
            built = [self._build(p, [join(f, s) for f in frame for s in p.sub] if p.sub else frame)
                     for p in puncts]
            fields = dict(insert.fields, position="end")
            built.append(self._build(Action("insert-element", fields, (), insert.meta), frame))
            return self._sentence(meta, built, None)
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
        """«Voor de tekst (van artikel 9) wordt de aanduiding «1.» geplaatst»."""
        label = unquote(children[-1]).rstrip(".")
        where = self._absolute(children[0]) if isinstance(children[0], list) else [self.context]
        action = Action("label-insert", {"label": label}, (), meta)
        return self._sentence(meta, [self._build(action, where)], None)

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
        return self._framed_at(self._absolute(frame), action)

    def _framed_at(self, base: list[Locator], action: Action) -> Instruction:
        """``action`` at the places of its frame, ``base`` (made absolute already)."""
        if action.sub:
            base = [nest(b, s) for b in base for s in action.sub]
        return self._build_from(action.name, action.fields, action.meta, base)

    def _build(self, action: Action, targets: list[Locator]) -> Instruction:
        return self._build_from(action.name, action.fields, action.meta, targets)

    def _build_from(self, name: str, fields: dict, meta, targets: list[Locator]) -> Instruction:
        """The instruction of an action of ``name`` with ``fields`` and columns ``meta``
        (an ``Action``'s, without making one: ``_build``)."""
        cls = _CLASSES[name]
        if name == "insert-element" and fields.get("position") is None:
            fields = dict(fields, position="after")
        # ``span(meta)``, or where the action has no columns the sentence's start
        line = self.line
        if meta is None or getattr(meta, "empty", True):
            span = Span(line, self.column)
        else:
            column = self.column
            span = Span(line, column + meta.column - 1, line, column + meta.end_column - 1)
        # (the fields are passed as keywords, so the call copies them: ``fields`` is not
        # changed, as the copy ``_build`` made before kept it)
        return cls(tuple(targets), self.place, span, **fields)

    def _sentence(self, meta, instructions, law) -> Sentence:
        return Sentence(tuple(instructions), self.text, self.span(meta), law)

    def start(self, meta, children):
        return children[0]

    def sentence(self, meta, children):
        return children[0]
