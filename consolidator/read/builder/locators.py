"""Builder methods for grammar/locators.lark: parts of a law → ``Locator``, places
in the text («na», «aan het slot»), and the law named («van deze wet»).

A part the grammar reads gives a list of alternatives («het eerste en tweede lid»
gives two); an element is every combination of its parts' alternatives, its steps
sorted from the outside in (``_RANK``)."""
from __future__ import annotations

import dataclasses
import itertools
import re

from typing import Optional

from lark import Token

from consolidator.model import LawRef, Locator, Step
from consolidator.read.builder.base import BuilderBase, GrammarUse, text_only, unquote
from consolidator.read.builder.numbers import artnum, labels_from_to, numbers_from_to, ordinal
from consolidator.read.builder.regulations import law_ref

_RANK = {
    "act-artikel": -3, "act-onderdeel": -2, "act-punt": -1,
    "boek": 0, "deel": 1, "hoofdstuk": 2, "titel": 3, "afdeling": 4, "paragraaf": 5,
    "subparagraaf": 6, "inhoudsopgave": 7, "toc-entry": 8, "artikel": 10, "lid": 11,
    "onderdeel": 12, "subonderdeel": 13, "definition": 12, "volzin": 14, "alinea": 14,
    "opschrift": 15, "aanhef": 15, "slot": 15,
    # outside the articles: a bijlage, a list in it, the beweegreden
    "bijlage": 1.5, "lijst": 1.6, "beweegreden": 1.5,
}

_STRUCT_NAMES = {"§": "paragraaf"}


class LocatorRules(BuilderBase):
    """Locators, places in the text and law references."""

    # -- articles and the steps inside them

    @text_only
    def art_one(self, meta, children):
        return [Step("artikel", artnum(children[0]))]

    def art_many(self, meta, children):
        return [alternative for item in children for alternative in item]

    def art_item(self, meta, children):
        """«64a, eerste en tweede lid»: an article with its own steps, one
        alternative (a tuple of steps) per combination."""
        article = Step("artikel", artnum(children[0]))
        parts = _onder_levels([[article]] + list(children[1:]))
        return [tuple(_flat(combo)) for combo in itertools.product(*parts)]

    def art_range(self, meta, children):
        return [Step("artikel", f"{artnum(children[0])}-{artnum(children[1])}")]

    def st_lid(self, meta, children):
        return [Step("lid", n) for n in children[0]]

    def st_volzin(self, meta, children):
        return [Step("volzin", n) for n in children[0]]

    @text_only
    def st_onder(self, meta, children):
        """«onder b», «sub 2»: the level is decided by the step before it (``element``)."""
        step = self.st_onderdeel(meta, children)[0]
        onder = Step("onder", step[0].number if isinstance(step, tuple) else step.number,
                     step[0].qualifier if isinstance(step, tuple) else step.qualifier)
        return [(onder, step[1])] if isinstance(step, tuple) else [onder]

    def st_act_onderdeel(self, meta, children):
        """«onderdeel G.3»: punt 3 of onderdeel G of an act."""
        label, punt = str(children[0]).split(".", 1)
        return [(Step("act-onderdeel", label), Step("act-punt", punt))]

    def st_subonderdeel_ordinal(self, meta, children):
        return [Step("subonderdeel", n) for n in children[0]]

    def st_onderdeel_ordinal(self, meta, children):
        """«het eerste onderdeel»: a place in a list, not a label; which label it has
        depends on the list (a, 1°, A), so it is refused rather than guessed."""
        raise GrammarUse("an onderdeel named by its place in the list («het eerste "
                         "onderdeel»), not by its label: name it by its letter", meta)

    def st_wijzigingspunt(self, meta, children):
        return [Step("act-punt", n) for n in children[0]]

    def st_punt(self, meta, children):
        return [Step("act-punt", str(children[0]).rstrip("."))]

    def st_lid_number(self, meta, children):
        return [Step("lid", str(children[0]).split()[1])]

    def st_opschrift_quoted(self, meta, children):
        """«Het opschrift «Hoofdstuk 11a. Continuïteit»»: the opschrift of the part the
        quoted heading names."""
        quoted = unquote(children[0])
        match = re.match(r"(Hoofdstuk|Titel|Afdeling|Paragraaf|§|Boek|Deel)\s+([^\s.]+)\.?", quoted)
        kind = _STRUCT_NAMES.get(match.group(1).lower(), match.group(1).lower())
        return [(Step(kind, match.group(2)), Step("opschrift"))]

    def st_about(self, meta, children):
        """«het onderdeel met betrekking tot de Wet X»: the list entry that starts with
        «Wet X»; «De onderdelen met betrekking tot de A en de B»: two entries."""
        about = re.sub(r"^met betrekking tot\s+", "", str(children[0]))
        names = re.split(r"\s+(?:en|alsmede)\s+(?=(?:de|het)\s)|,\s+(?=(?:de|het)\s)", about)
        return [Step("definition", re.sub(r"^(?:de|het)\s+", "", n).strip()) for n in names]

    def st_this_article(self, meta, children):
        """«het artikel»: the artikel the context names (no step of its own)."""
        return [()]

    def st_bijlage(self, meta, children):
        return [Step("bijlage", str(children[0]) if children else "")]

    def st_bijlage_bij(self, meta, children):
        return [Step("bijlage", f"bij artikel {artnum(children[0])}")]

    def st_lijst(self, meta, children):
        return [Step("lijst", str(children[0]))]

    def st_beweegreden(self, meta, children):
        return [Step("beweegreden")]

    def struct_ordinal(self, meta, children):
        kind = str(children[1]).lower()
        return [Step(_STRUCT_NAMES.get(kind, kind), ordinal(children[0]))]

    def struct_many(self, meta, children):
        kind = _PLURAL_STRUCT[str(children[0]).lower()]
        return [Step(kind, str(n)) for n in children[1:]]

    def struct_range(self, meta, children):
        kind = _PLURAL_STRUCT[str(children[0]).lower()]
        return [Step(kind, n) for n in numbers_from_to(str(children[1]), str(children[2]))]

    # -- parts as a bill proposes them

    def pr_proposed(self, meta, children):
        """«het voorgestelde artikel 58a», «het in te voegen artikel 10a»."""
        return [_proposed(alt) for alt in children[-1]]

    def pr_contained(self, meta, children):
        """«het in artikel I, onderdeel G.3, opgenomen artikel 23»: the places in the act
        first, then the part as the act proposes it."""
        outer = [loc.steps for loc in children[0]]
        return [tuple(_act_steps(steps)) + (_proposed(alt),) for steps in outer
                for alt in children[-1]]

    @text_only
    def st_onderdeel(self, meta, children):
        label, sub, qual = str(children[0]), None, ""
        for child in children[1:]:
            # (``subitem`` and ``qualifier`` give plain text, which ``str`` gives back as it
            # is; a token would be kept as its text: ``text_only``)
            if isinstance(child, str) and child.endswith("°"):
                sub = str(child)
            elif isinstance(child, str):
                qual = str(child)
        step = Step("onderdeel", label, qual)
        return [(step, Step("subonderdeel", sub))] if sub else [step]

    def st_onderdelen(self, meta, children):
        return [Step("onderdeel", str(t)) for t in children]

    def st_onderdelen_range(self, meta, children):
        return [Step("onderdeel", label)
                for label in labels_from_to(str(children[0]), str(children[1]))]

    def st_subonderdeel(self, meta, children):
        return [Step("subonderdeel", str(children[0]))]

    def st_subonderdelen(self, meta, children):
        return [Step("subonderdeel", str(t)) for t in children]

    def st_opschrift(self, meta, children):
        return [Step("opschrift")]

    def st_aanhef(self, meta, children):
        return [Step("aanhef")]

    def st_toc(self, meta, children):
        return [Step("inhoudsopgave")]

    def st_toc_entry(self, meta, children):
        return [Step("toc-entry")]

    def st_definition(self, meta, children):
        term = children[-1]
        return [Step("definition", str(term) if term.type == "TERMWORD" else unquote(term))]

    def struct_step(self, meta, children):
        kind = str(children[0]).lower()
        return [Step(_STRUCT_NAMES.get(kind, kind), str(children[1]))]

    # -- elements and frames

    def element(self, meta, children):
        if len(children) == 1:  # most elements: one part (never «onder …», which follows one)
            alternatives = children[0]
            if len(alternatives) == 1:  # «artikel 12», «het tweede lid»: what ``_locator``
                only = alternatives[0]  # makes of one step
                if only.__class__ is Step and only.kind != "toc-entry":
                    return [Locator((only,))]
            return _locators(children)
        steps = _single_steps(children)
        if steps is not None:  # «artikel 12, tweede lid»: one combination, no «onder»
            return [_locator(steps)]
        parts = [[Step("lid", str(c).split()[1])] if isinstance(c, Token) else c
                 for c in children]
        return _locators(_onder_levels(parts))

    def element_list(self, meta, children):
        if len(children) == 1:  # most lists: one element, its locators as a new list
            return list(children[0])
        return [loc for group in children for loc in group]

    def targets(self, meta, children):
        return children[0]

    def sub_frame(self, meta, children):
        return ("sub", children[0])

    # -- places in the text (also «na» / «voor» opening a sentence)

    def after(self, meta, children):
        return "after"

    def before(self, meta, children):
        return "before"

    def end_word(self, meta, children):
        return "end"

    # -- law references

    def law_named(self, meta, children):
        return law_ref(clean_law_name(str(children[0])), self.span(meta))

    def law_this(self, meta, children):
        """«van deze wet», «van dit besluit», «van deze regeling»: the act itself."""
        name = str(children[0]).split(" ", 1)[1]  # «van dit besluit» → «dit besluit»
        return LawRef(name, kind="this-act", doc=name.split(" ", 1)[1], span=self.span(meta))

    def law_bill(self, meta, children):
        return LawRef("voorstel van wet", kind="bill", doc="voorstel van wet",
                      span=self.span(meta))


_PLURAL_STRUCT = {"boeken": "boek", "delen": "deel", "hoofdstukken": "hoofdstuk",
                  "titels": "titel", "afdelingen": "afdeling", "paragrafen": "paragraaf"}


def _proposed(alternative):
    """A step (or the last of a tuple of steps) as a bill proposes it."""
    if isinstance(alternative, tuple):
        return alternative[:-1] + (_proposed(alternative[-1]),)
    return Step(alternative.kind, alternative.number, "voorgesteld")


def _act_steps(steps) -> list[Step]:
    """The steps of a place in an act: its artikel and onderdeel are the act's."""
    renamed = {"artikel": "act-artikel", "onderdeel": "act-onderdeel"}
    return [Step(renamed.get(s.kind, s.kind), s.number, s.qualifier) for s in steps]


def _onder_levels(parts: list[list]) -> list[list]:
    """«onder X» names the level below the step written before it: an onderdeel of an
    artikel or lid («artikel 12, onder d»), a subonderdeel of an onderdeel («onderdeel
    b, onder 2°»), a punt of an act's onderdeel («Artikel I, onderdeel H, onder 2»:
    capital onderdelen are an act's, Aanwijzing 6.15)."""
    if not _names_onder(parts):
        return parts
    resolved, before = [], None
    for alternatives in parts:
        fixed = [_onder(alt, before) for alt in alternatives]
        resolved.append(fixed)
        last = fixed[-1]
        if last != ():  # «het artikel» names no step of its own
            before = last[-1] if isinstance(last, tuple) else last
    return resolved


def _names_onder(parts: list[list]) -> bool:
    """Whether an alternative of ``parts`` opens with «onder X» (a step of kind «onder»)."""
    for alternatives in parts:
        for alternative in alternatives:
            first = alternative[0] if isinstance(alternative, tuple) and alternative \
                else alternative
            if isinstance(first, Step) and first.kind == "onder":
                return True
    return False


def _onder(alternative, before: Optional[Step]):
    if alternative == ():
        return alternative
    first = alternative[0] if isinstance(alternative, tuple) else alternative
    if first.kind != "onder":
        return alternative
    kind = "onderdeel"
    if before is not None and before.kind in ("onderdeel", "act-onderdeel"):
        kind = "act-punt" if before.number[:1].isupper() or before.kind == "act-onderdeel" \
            else "subonderdeel"
    elif before is not None and before.kind in ("subonderdeel", "act-punt"):
        kind = "subonderdeel"
    step = Step(kind, first.number, first.qualifier)
    return (step,) + alternative[1:] if isinstance(alternative, tuple) else step


_ROMAN_RE = re.compile(r"[IVXLC]+[A-Za-z]?")


def _is_act_place(steps: list[Step]) -> bool:
    """«artikel I, onderdeel H»: an ARTIKEL of an act and one of its onderdelen."""
    if len(steps) < 2 or steps[0].kind != "artikel" or steps[1].kind != "onderdeel":
        return False
    return bool(_ROMAN_RE.fullmatch(steps[0].number)) and steps[1].number[:1].isupper()


def nest(outer: Locator, inner: Locator) -> Locator:
    """``inner`` inside ``outer`` within one sentence: «In artikel V vervalt in artikel
    XXI …», «In artikel I, onderdeel D, komt het eerste lid van artikel 18a te luiden»
    name an article inside the act the frame names (Aanwijzing 6.13: the article an act
    holds), not another article of the same law."""
    if inner.steps and inner.steps[0].kind == "artikel" and \
            any(s.kind == "artikel" for s in outer.steps):
        outer = Locator(tuple(_act_steps(outer.steps)))
    return join(outer, inner)


def join(outer: Locator, inner: Locator) -> Locator:
    """``inner`` read inside ``outer``. A step that restates the level of the outer
    locator («De inhoudsopgave …: Na de omschrijving van …», or «In artikel 96 …»
    inside «Artikel 93 wordt gewijzigd») starts again from that level."""
    if not inner.steps:
        return outer
    if not outer.steps and not _artikel_onderdeel(inner.steps):
        return inner  # most targets of a sentence without an intro: nothing to join
    return _join(outer, inner)


def _join(outer: Locator, inner: Locator) -> Locator:
    """``join`` of a non-empty ``inner``, without the shortcut."""
    inner_steps = inner.steps
    first = inner_steps[0].kind
    outer_steps = outer.steps
    if first.startswith("act-"):  # «In artikel I vervalt onderdeel J.4»
        outer_steps = tuple(_act_steps(outer_steps))
    first_rank = _RANK.get(first, 9)
    # the outer steps ranked above the inner's first: most often all of them, kept as
    # they are (one loop, no generator and no new tuple; ``_kept`` is the filter)
    for step in outer_steps:
        if _RANK.get(step.kind, 9) >= first_rank:
            outer_steps = _kept(outer_steps, first_rank)
            break
    steps = outer_steps + inner_steps
    if len(steps) > 1 and steps[0].kind == "artikel" and steps[1].kind == "onderdeel":
        return Locator(tuple(_act_level(list(steps))))  # «artikel I» + «onderdeel H»
    return Locator(steps)


def _kept(steps: tuple, first_rank) -> tuple:
    """The steps ranked above ``first_rank`` (outside it), in their order."""
    return tuple(s for s in steps if _RANK.get(s.kind, 9) < first_rank)


def _artikel_onderdeel(steps: tuple) -> bool:
    """Whether ``steps`` open with an artikel and an onderdeel: perhaps an act's place
    («artikel I, onderdeel H»), which ``_act_level`` decides."""
    return len(steps) > 1 and steps[0].kind == "artikel" and steps[1].kind == "onderdeel"


def book_of_law(targets: list[Locator], law):
    """«Boek 7 van het Burgerlijk Wetboek»: BWB keeps each book of the Burgerlijk Wetboek
    as a regulation of its own («Burgerlijk Wetboek Boek 7»), so a locator's book goes
    into the name of the law it changes."""
    if law is None or law.name not in ("Burgerlijk Wetboek", "Burgerlijk Wetboek BES") \
            or not targets:
        return targets, law
    books = {t.steps[0].number for t in targets if t.steps and t.steps[0].kind == "boek"}
    if len(books) != 1 or not all(t.steps and t.steps[0].kind == "boek" for t in targets):
        return targets, law
    named = dataclasses.replace(law, name=f"{law.name} Boek {books.pop()}")
    inner = [Locator(t.steps[1:]) for t in targets]
    return [t for t in inner if t.steps], named


def clean_law_name(name: str) -> str:
    """The name with its white space runs made one space and no comma at its end: what
    «re.sub(r"\\s+", " ", name).strip().rstrip(",")» gives (``str.split`` cuts at the
    white space ``\\s`` matches)."""
    return " ".join(name.split()).rstrip(",")


def _single_steps(parts: list) -> Optional[list[Step]]:
    """The steps of ``parts`` if each is a list of one step not «onder»: then no level
    is decided by ``_onder_levels`` and there is one combination (``_locators``)."""
    steps = []
    for part in parts:
        if part.__class__ is not list or len(part) != 1:
            return None
        step = part[0]
        if step.__class__ is not Step or step.kind == "onder":
            return None
        steps.append(step)
    return steps


def _locators(parts: list[list]) -> list[Locator]:
    """All combinations of the alternatives of each part, sorted outside-in.
    An alternative is a Step or a tuple of steps («onderdeel a 1°»)."""
    if len(parts) == 1 and len(parts[0]) == 1:  # «artikel 12», «het tweede lid»: most
        only = parts[0][0]
        return [_locator(list(only) if isinstance(only, tuple) else [only])]
    if set(map(len, parts)) == {1}:  # one alternative each, so one combination
        return [_locator(_flat([alternatives[0] for alternatives in parts]))]
    return [_locator(_flat(combo)) for combo in itertools.product(*parts)]


def _locator(steps: list[Step]) -> Locator:
    """The locator of one combination's steps: an act's place named so, outside-in."""
    if len(steps) == 1 and steps[0].kind != "toc-entry":
        return Locator((steps[0],))  # «het tweede lid», «artikel 12»: nothing to place or sort
    if _as_they_are(steps):  # «artikel 12, tweede lid»: most
        return Locator(tuple(steps))
    steps = _act_level(steps)
    if len(steps) > 1:
        steps = sorted(steps, key=_rank)
    return Locator(tuple(_toc_steps(steps)))


#: the kinds that make ``_act_level`` or ``_toc_steps`` change the steps
_PLACED = frozenset({"act-punt", "toc-entry"})


def _as_they_are(steps: list[Step]) -> bool:
    """Whether the steps are outside-in already and none is an act's or an inhoudsopgave's
    (no act-punt, no toc-entry, at most one artikel, not an artikel then an onderdeel):
    what ``_act_level``, the sort and ``_toc_steps`` would leave as it is (one loop
    instead of three passes and a sort)."""
    if len(steps) > 1 and steps[0].kind == "artikel" and steps[1].kind == "onderdeel":
        return False  # perhaps an act's place (``_is_act_place``)
    articles, last = 0, -10
    for step in steps:
        kind = step.kind
        if kind in _PLACED:
            return False
        rank = _RANK.get(kind, 9)
        if rank < last:
            return False
        last = rank
        articles += kind == "artikel"
    return articles < 2


def _rank(step: Step) -> int:
    return _RANK.get(step.kind, 9)


def _flat(alternatives) -> list[Step]:
    """Steps and tuples of steps, as one list of steps."""
    return [s for item in alternatives for s in (item if isinstance(item, tuple) else (item,))]


def _act_level(steps: list[Step]) -> list[Step]:
    """«artikel I, onderdeel C, artikel 52a»: what precedes the last artikel is
    a place in an act, not in the law. So is what precedes a punt of an act («artikel
    I, onderdeel G.3»), and an ARTIKEL with a Roman number with an onderdeel with a
    capital letter («Artikel I, onderdeel H»: Aanwijzingen 6.15 and 6.16 number an
    amending act's articles so and letter its onderdelen so; a law's onderdelen are
    small letters)."""
    kinds = [s.kind for s in steps]
    if "act-punt" in kinds:
        cut = len(kinds) - 1 - kinds[::-1].index("act-punt")
        return _act_steps(steps[:cut]) + steps[cut:]
    if _is_act_place(steps):
        return _act_steps(steps[:2]) + steps[2:]
    if kinds.count("artikel") < 2:
        return steps
    articles = [i for i, kind in enumerate(kinds) if kind == "artikel"]
    cut = articles[-1]
    renamed = {"artikel": "act-artikel", "onderdeel": "act-onderdeel"}
    head = [Step(renamed.get(s.kind, s.kind), s.number, s.qualifier) for s in steps[:cut]]
    return head + steps[cut:]


def _toc_steps(steps: list[Step]) -> list[Step]:
    """«de omschrijving van artikel 86» → inhoudsopgave, toc-entry «Artikel 86»."""
    if "toc-entry" not in [s.kind for s in steps]:
        return steps
    named = [s for s in steps if s.kind not in ("toc-entry", "inhoudsopgave")]
    label = " ".join(_toc_label(s) for s in named)
    return [Step("inhoudsopgave"), Step("toc-entry", label)]


def _toc_label(step: Step) -> str:
    if step.kind == "paragraaf":
        return f"§ {step.number}"
    return f"{step.kind.capitalize()} {step.number}"
