"""Builder methods for grammar/locators.lark: parts of a law → ``Locator``, places
in the text («na», «aan het slot»), and the law named («van deze wet»).

A part the grammar reads gives a list of alternatives («het eerste en tweede lid»
gives two); an element is every combination of its parts' alternatives, its steps
sorted from the outside in (``_RANK``)."""
from __future__ import annotations

import dataclasses
import itertools
import re

from consolidator.model import LawRef, Locator, Step
from consolidator.read.builder.base import BuilderBase, unquote
from consolidator.read.builder.numbers import artnum, labels_from_to
from consolidator.read.builder.regulations import law_ref

_RANK = {
    "act-artikel": -3, "act-onderdeel": -2, "act-punt": -1,
    "boek": 0, "deel": 1, "hoofdstuk": 2, "titel": 3, "afdeling": 4, "paragraaf": 5,
    "subparagraaf": 6, "inhoudsopgave": 7, "toc-entry": 8, "artikel": 10, "lid": 11,
    "onderdeel": 12, "subonderdeel": 13, "definition": 12, "volzin": 14, "alinea": 14,
    "opschrift": 15, "aanhef": 15, "slot": 15,
}

_STRUCT_NAMES = {"§": "paragraaf"}


class LocatorRules(BuilderBase):
    """Locators, places in the text and law references."""

    # -- articles and the steps inside them

    def art_one(self, meta, children):
        return [Step("artikel", artnum(children[0]))]

    def art_many(self, meta, children):
        return [alternative for item in children for alternative in item]

    def art_item(self, meta, children):
        """«64a, eerste en tweede lid»: an article with its own steps, one
        alternative (a tuple of steps) per combination."""
        article = Step("artikel", artnum(children[0]))
        return [tuple(_flat((article,) + combo)) for combo in itertools.product(*children[1:])]

    def art_range(self, meta, children):
        return [Step("artikel", f"{artnum(children[0])}-{artnum(children[1])}")]

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
        return [Step("definition", unquote(children[0]))]

    def struct_step(self, meta, children):
        kind = str(children[0]).lower()
        return [Step(_STRUCT_NAMES.get(kind, kind), str(children[1]))]

    # -- elements and frames

    def element(self, meta, children):
        return _locators(children)

    def element_list(self, meta, children):
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


def join(outer: Locator, inner: Locator) -> Locator:
    """``inner`` read inside ``outer``. A step that restates the level of the outer
    locator («De inhoudsopgave …: Na de omschrijving van …», or «In artikel 96 …»
    inside «Artikel 93 wordt gewijzigd») starts again from that level."""
    if not inner.steps:
        return outer
    first_rank = _RANK.get(inner.steps[0].kind, 9)
    kept = tuple(s for s in outer.steps if _RANK.get(s.kind, 9) < first_rank)
    return Locator(kept + inner.steps)


def book_of_law(targets: list[Locator], law):
    """«Boek 7 van het Burgerlijk Wetboek»: BWB keeps each book of the Burgerlijk Wetboek
    as a regulation of its own («Burgerlijk Wetboek Boek 7»), so a locator's book goes
    into the name of the law it changes."""
    if law is None or law.name != "Burgerlijk Wetboek" or not targets:
        return targets, law
    books = {t.steps[0].number for t in targets if t.steps and t.steps[0].kind == "boek"}
    if len(books) != 1 or not all(t.steps and t.steps[0].kind == "boek" for t in targets):
        return targets, law
    named = dataclasses.replace(law, name=f"Burgerlijk Wetboek Boek {books.pop()}")
    inner = [Locator(t.steps[1:]) for t in targets]
    return [t for t in inner if t.steps], named


def clean_law_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().rstrip(",")


def _locators(parts: list[list]) -> list[Locator]:
    """All combinations of the alternatives of each part, sorted outside-in.
    An alternative is a Step or a tuple of steps («onderdeel a 1°»)."""
    result = []
    for combo in itertools.product(*parts):
        steps = _act_level(_flat(combo))
        steps = sorted(steps, key=lambda s: _RANK.get(s.kind, 9))
        result.append(Locator(tuple(_toc_steps(steps))))
    return result


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
