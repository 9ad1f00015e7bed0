"""The typed model of an amending act: frozen dataclasses, no lark and no lxml.

Every object carries a ``Span`` (line and column in the act, 1-based). Spans do
not take part in equality, so an instruction parsed from the act and the same
instruction parsed from its canonical Dutch rendering compare equal.

The set of instruction kinds is closed: ``INSTRUCTION_KINDS`` lists them and
every instruction class declares one.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional

from consolidator.actids import act_id, parse_act_id  # noqa: F401  (also named here)
from consolidator.frozen import quick_init


@dataclass(frozen=True, slots=True)
class Span:
    """Where something is in the act: 1-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


NO_SPAN = Span(0, 0)


def _span_field():
    return field(default=NO_SPAN, compare=False, repr=False)


# --------------------------------------------------------------------------- locators

#: Step kinds of a locator, from the outside in.
STEP_KINDS = (
    "boek", "deel", "hoofdstuk", "titel", "afdeling", "paragraaf", "subparagraaf",
    "artikel", "lid", "onderdeel", "subonderdeel", "volzin", "alinea",
    "opschrift", "aanhef", "inhoudsopgave", "toc-entry", "definition",
    # parts of a regulation outside its articles: «bijlage 2», «lijst A» (of a bijlage), the
    # beweegreden (the considerations that open an AMvB or regeling)
    "bijlage", "lijst", "beweegreden",
    # places inside another act (ARTIKEL IX-XI amend acts, not laws)
    "act-artikel", "act-onderdeel", "act-punt",
)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a locator: ``Step("lid", "2")``, ``Step("onderdeel", "a")``.

    ``number`` is written as the law writes it (``105a1``, ``1°``, ``III``);
    it is empty for steps without a number (opschrift, aanhef, inhoudsopgave).
    ``qualifier`` holds ``oud`` or ``nieuw`` for «onderdeel a (oud)», or ``voorgesteld``
    for «het voorgestelde artikel 10» (the article as a bill proposes it: an amendment
    of the bill, not of the law in force).
    """

    kind: str
    number: str = ""
    qualifier: str = ""


@dataclass(frozen=True, slots=True)
class Locator:
    """A path into the law, outermost step first.

    «artikel 100, vijfde lid, onderdeel a» is
    ``Locator((Step("artikel","100"), Step("lid","5"), Step("onderdeel","a")))``.
    """

    steps: tuple[Step, ...] = ()

    def __add__(self, other: "Locator") -> "Locator":
        return Locator(self.steps + other.steps)

    def __str__(self) -> str:
        """«artikel 100, lid 1, onderdeel a (oud)» — short and unambiguous."""
        parts = []
        for step in self.steps:
            text = f"{step.kind} {step.number}".strip()
            parts.append(f"{text} ({step.qualifier})" if step.qualifier else text)
        return ", ".join(parts) or "(the whole regulation)"


# --------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class ContentLine:
    """One line of quoted new content, in the plain law-text vocabulary.

    ``kind`` is one of ``heading`` (Hoofdstuk/Titel/Afdeling/Paragraaf/§),
    ``artikel``, ``lid``, ``item`` (list item, ``level`` 1 = «a.», 2 = «1°.»),
    ``text`` (a sentence or alinea), ``onderdeel`` (a lettered onderdeel of an
    act, used when an act inserts onderdelen into an act).
    """

    kind: str
    text: str
    label: str = ""
    level: int = 0
    heading_kind: str = ""
    span: Span = _span_field()


@dataclass(frozen=True, slots=True)
class Content:
    """Quoted new content following an instruction, or a colon payload."""

    lines: tuple[ContentLine, ...] = ()
    #: Onderdelen of an act (when an act inserts or replaces onderdelen of an act).
    onderdelen: tuple["Onderdeel", ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --------------------------------------------------------------------------- instructions


@dataclass(frozen=True, slots=True)
class Place:
    """Where an instruction sits in the act: ARTIKEL, onderdeel, punt, subpunt."""

    article: str = ""
    onderdeel: str = ""
    punt: str = ""
    subpunt: str = ""

    def __str__(self) -> str:
        parts = [f"art. {self.article}"] if self.article else []
        if self.onderdeel:
            parts.append(f"onderdeel {self.onderdeel}")
        if self.punt:
            parts.append(f"punt {self.punt}")
        if self.subpunt:
            parts.append(f"subpunt {self.subpunt}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Instruction:
    """Common fields: the targets, where it is in the act, and its span."""

    targets: tuple[Locator, ...]
    place: Place = field(default=Place(), compare=False)
    span: Span = _span_field()

    kind = "abstract"


@dataclass(frozen=True, slots=True)
class ReplaceWords(Instruction):
    """«In artikel 6 wordt «een bijzondere school» vervangen door: een … school.»"""

    old: str = ""
    new: str = ""
    telkens: bool = False
    kind = "replace-words"


@dataclass(frozen=True, slots=True)
class ReplaceAfter(Instruction):
    """«wordt het gedeelte na «de instandhouding van» vervangen door: …»

    Replaces everything after (or before) the anchor up to the end of the target
    text, not counting the closing full stop."""

    anchor: str = ""
    new: str = ""
    position: str = "after"
    kind = "replace-after"


@dataclass(frozen=True, slots=True)
class DeleteWords(Instruction):
    """«vervalt: bijzondere.», «vervalt na «artikel 93,» telkens: eerste lid.»"""

    words: str = ""
    telkens: bool = False
    anchor: str = ""
    position: str = ""  # "after" or "before" the anchor, or "" without anchor
    kind = "delete-words"


@dataclass(frozen=True, slots=True)
class InsertWords(Instruction):
    """«wordt na «plaatsvindt,» ingevoegd: …», «aan het slot … toegevoegd: …»

    ``position`` is ``after`` or ``before`` an anchor, or ``end``/``start`` of
    the target text. The anchor is quoted words, or a punctuation mark itself
    («wordt voor de puntkomma ingevoegd: , met uitzondering van de zondag» gives
    ``anchor=";"``, ``position="before"``); ``anchor_mark`` says which."""

    new: str = ""
    anchor: str = ""
    position: str = "after"
    telkens: bool = False
    #: True when ``anchor`` is a punctuation mark named in words («voor de puntkomma»)
    anchor_mark: bool = False
    kind = "insert-words"


@dataclass(frozen=True, slots=True)
class ReplacePunctuation(Instruction):
    """«wordt de puntkomma aan het slot van onderdeel a vervangen door een punt»

    ``old`` and ``new`` are the marks themselves (``;`` and ``.``); ``new`` may
    also be words («, of»). ``position`` is ``end`` (aan het slot/eind)."""

    old: str = ""
    new: str = ""
    position: str = "end"
    kind = "replace-punctuation"


@dataclass(frozen=True, slots=True)
class DeletePunctuation(Instruction):
    """«vervalt de dubbele punt» (the mark the target text has, exactly once)."""

    mark: str = ""
    kind = "delete-punctuation"


@dataclass(frozen=True, slots=True)
class DeleteLabel(Instruction):
    """«de aanduiding van het eerste lid vervalt»: the number/letter goes, the text stays."""

    kind = "delete-label"


@dataclass(frozen=True, slots=True)
class DeleteElement(Instruction):
    """«Artikel 86 vervalt.», «Het achtste lid vervalt.», «vervalt de eerste volzin.»"""

    kind = "delete-element"


@dataclass(frozen=True, slots=True)
class ReplaceElement(Instruction):
    """«Artikel 105j komt te luiden:», «Het derde lid wordt vervangen door:»,
    «Het tweede lid wordt vervangen door drie nieuwe leden, luidende:»."""

    content: Content = Content()
    count: int = 1
    element: str = ""  # kind of the new elements when the act names it ("lid")
    kind = "replace-element"


@dataclass(frozen=True, slots=True)
class InsertElement(Instruction):
    """«Na artikel 95 wordt ingevoegd een nieuw artikel 95a, luidend:»,
    «Aan het zesde lid wordt een derde volzin toegevoegd, luidend:».

    ``targets`` holds the anchor element (for ``after``/``before``) or the parent
    (for ``end``/``start``, and for ``alphabetical``: «wordt in de alfabetische
    volgorde ingevoegd», a definition placed by its term among the others).
    ``element`` names what is inserted (artikel, lid, paragraaf, volzin, onderdeel,
    toc-entry, definition); ``number`` its number if given."""

    content: Content = Content()
    position: str = "after"
    element: str = ""
    number: str = ""
    count: int = 1
    kind = "insert-element"


@dataclass(frozen=True, slots=True)
class Renumber(Instruction):
    """«onder vernummering van het derde tot en met vijfde lid tot tweede tot en
    met vierde lid», «wordt vernummerd tot». ``targets`` are the elements in
    their old numbering, ``new_numbers`` their new numbers, pairwise."""

    new_numbers: tuple[str, ...] = ()
    kind = "renumber"


@dataclass(frozen=True, slots=True)
class InsertLabel(Instruction):
    """«Voor de tekst wordt de aanduiding «1.» geplaatst.»: the unnumbered text of the
    target (an artikel) becomes its lid ``label`` («1», without the full stop). Not a
    renumbering: nothing had a number before."""

    label: str = ""
    kind = "label-insert"


INSTRUCTION_CLASSES = (
    ReplaceWords, ReplaceAfter, DeleteWords, InsertWords, ReplacePunctuation,
    DeletePunctuation, DeleteLabel, DeleteElement, ReplaceElement, InsertElement, Renumber,
    InsertLabel,
)
INSTRUCTION_KINDS = tuple(cls.kind for cls in INSTRUCTION_CLASSES)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One instruction sentence of the act: one or more instructions that are
    resolved together against the text as it read before the sentence (so that
    «onderdeel a (oud)» still means the old onderdeel a)."""

    instructions: tuple[Instruction, ...]
    text: str = field(default="", compare=False)
    span: Span = _span_field()
    #: The law the sentence itself names («… van de Advocatenwet vervalt …»).
    law: Optional["LawRef"] = field(default=None, compare=False)
    #: The date the sentence gives its changes («In de Wet X wordt met ingang van
    #: 1 januari 2025 …»): they take effect on it, whatever the entry-into-force article says.
    date: Optional[_dt.date] = None


@dataclass(frozen=True, slots=True)
class Intro:
    """A sentence that opens a list of instructions and sets their context: «Artikel 5
    wordt als volgt gewijzigd:», «De Wet X wordt met ingang van 1 januari 2020 als volgt
    gewijzigd:», «In artikel 7 worden de volgende wijzigingen aangebracht:».

    ``targets`` is the place the instructions that follow are read in (none for a whole
    regulation), ``law`` the regulation it names, ``date`` the date it gives the changes
    that follow (None when it gives none: the entry-into-force article decides)."""

    targets: tuple[Locator, ...]
    law: Optional["LawRef"] = None
    span: Span = _span_field()
    date: Optional[_dt.date] = None


@dataclass(frozen=True, slots=True)
class Repeal:
    """«De Wet … wordt ingetrokken.», «Het Besluit … vervalt.», «De Wet van 7 juli 1988
    (Stb. 334) wordt ingetrokken.»: whole regulations withdrawn (intrekking), one
    ``LawRef`` each, in the order named. Not an instruction on a text: the regulation
    ends (time/ applies it)."""

    laws: tuple["LawRef", ...]
    text: str = field(default="", compare=False)
    span: Span = _span_field()
    place: Place = field(default=Place(), compare=False)
    #: «wordt met ingang van 1 januari 2020 ingetrokken»; None: at the act's entry into force
    date: Optional[_dt.date] = None


# --------------------------------------------------------------------------- act structure


@dataclass(frozen=True, slots=True)
class LawRef:
    """The regulation an ARTIKEL changes (or withdraws), as the act names it.

    ``kind`` is ``law`` (a regulation by its citeertitel: a wet, an AMvB, a
    ministeriële regeling, the Burgerlijk Wetboek), ``act`` (another act or decree,
    named by its date and Staatsblad or Staatscourant number: «de wet van 2 mei 1986
    (Stb. 1986, 255)»), ``this-act`` («deze wet», «dit besluit», «deze regeling») or
    ``bill`` («het voorstel van wet» of a nota van wijziging or an amendement).

    ``doc`` is the kind of document as the name says it, lower case: ``wet``,
    ``besluit``, ``koninklijk besluit``, ``regeling``, ``beschikking``, ``reglement``,
    ``wetboek``, ``voorstel van wet``, … ("" when the name does not say).
    ``name`` of a book of the Burgerlijk Wetboek is BWB's citeertitel: «Boek 7 van het
    Burgerlijk Wetboek» gives «Burgerlijk Wetboek Boek 7»."""

    name: str
    kind: str = "law"
    stb: str = ""  # «1996, 403» when the act names it
    span: Span = _span_field()
    #: «36 301»: a bill (or the act it became) named by its Kamerstuk number
    kamerstuk: str = ""
    doc: str = ""
    #: the date in the name: «Wet van 7 juli 1988» (signing date of an act or decree)
    date: Optional[_dt.date] = None
    #: «2005, 60»: published in the Staatscourant (``stb`` for the Staatsblad)
    stcrt: str = ""
    #: the number or kenmerk a decree is known by: «nr. 1560010», «kenmerk MC-U-2786398»
    number: str = ""


#: How a samenloop condition compares the other act with this one (``Condition.kind``):
#: ``earlier`` («die wet eerder in werking is getreden of treedt dan deze wet»), ``later``
#: («later in werking treedt dan deze wet»), ``on-or-after`` (this act takes effect on or after
#: the other: «Indien deze wet in werking treedt op of na het tijdstip waarop …»), ``not-yet``
#: (the other is not in force when this act takes effect), ``in-force`` (once the other takes
#: effect: «… tot wet is of wordt verheven en die wet in werking treedt»), ``enacted`` (once the
#: bill becomes law: a novelle, «… tot wet wordt verheven, wordt die wet als volgt gewijzigd»).
CONDITION_KINDS = ("earlier", "later", "on-or-after", "not-yet", "in-force", "enacted")


@dataclass(frozen=True, slots=True)
class Condition:
    """The condition of a conditional ARTIKEL (samenloop), read by grammar/samenloop.lark.

    ``kind`` is one of ``CONDITION_KINDS``; ``other`` names the bill or act it depends on
    for people («Kamerstukken 24 138 (Stb. 1996, 580)»), ``act`` the same as a reference
    (Kamerstuk number, Staatsblad number, title). ``other_parts`` and ``this_parts`` are the
    parts compared, as (ARTIKEL, onderdeel, punt) («artikel I, onderdeel C, van die wet …
    dan artikel II van deze wet»); empty: the whole act."""

    kind: str
    other: str
    text: str = field(default="", compare=False)
    span: Span = _span_field()
    act: Optional[LawRef] = None
    other_parts: tuple[tuple[str, str, str], ...] = ()
    this_parts: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """A numbered punt («1.») of an onderdeel, possibly with lettered sub-items."""

    label: str
    sentences: tuple[Sentence, ...] = ()
    context: Locator = Locator()
    span: Span = _span_field()


@dataclass(frozen=True, slots=True)
class Onderdeel:
    """A lettered onderdeel («A», «AA», «A1», «Ba»), or the unlabelled body of a
    one-instruction ARTIKEL (label ``""``).

    ``context`` is the locator an intro sentence sets («Artikel 102b wordt
    gewijzigd als volgt:»); ``sentences`` are the instruction sentences directly
    in the onderdeel, ``items`` its numbered punten."""

    label: str
    sentences: tuple[Sentence, ...] = ()
    items: tuple[Item, ...] = ()
    context: Locator = Locator()
    intro: str = field(default="", compare=False)
    span: Span = _span_field()
    #: the date its intro gives («Artikel 5 wordt met ingang van 1 januari 2020 als volgt
    #: gewijzigd:»): its changes take effect on it; None: as the act's entry into force says
    date: Optional[_dt.date] = None

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        found = [i for s in self.sentences for i in s.instructions]
        for item in self.items:
            found.extend(i for s in item.sentences for i in s.instructions)
        return tuple(found)

    @property
    def all_sentences(self) -> tuple[Sentence, ...]:
        if not self.items:  # the usual onderdeel: its own sentences, no tuple made
            return self.sentences
        return self.sentences + tuple(s for item in self.items for s in item.sentences)


ARTICLE_KINDS = ("amend", "transition", "samenloop", "entry-into-force", "other", "repeal")


@dataclass(frozen=True, slots=True)
class Article:
    """An ARTIKEL of the act.

    ``kind`` is one of ``ARTICLE_KINDS``; ``law`` is what it changes (None for a
    non-amending article); ``text`` keeps the paragraphs of a non-amending
    article verbatim (leden as «1. …»). An ARTIKEL of kind ``repeal`` withdraws whole
    regulations: ``repeals`` (one per lid that withdraws; its other leden stay in
    ``text``). ``date`` is the date its intro gives the changes («De Wet X wordt met
    ingang van 1 januari 2020 als volgt gewijzigd:»), None when the entry-into-force
    article decides."""

    number: str
    kind: str
    heading: str = ""
    law: Optional[LawRef] = None
    onderdelen: tuple[Onderdeel, ...] = ()
    text: tuple[str, ...] = ()
    condition: Optional[Condition] = None
    chapter: str = ""
    span: Span = _span_field()
    #: A samenloop ARTIKEL with more than one condition (the numbered form of Aanwijzing
    #: 5.68, third lid, or one condition per lid): each branch is an Article of kind
    #: ``samenloop`` with its own condition, regulation and onderdelen; the ARTIKEL itself
    #: then has none of these.
    branches: tuple["Article", ...] = ()
    date: Optional[_dt.date] = None
    repeals: tuple[Repeal, ...] = ()

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        return tuple(i for o in self.onderdelen for i in o.instructions)

    @property
    def samenloop_branches(self) -> tuple["Article", ...]:
        """The branches of a samenloop ARTIKEL: its ``branches``, or itself."""
        return self.branches or ((self,) if self.condition is not None else ())


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str
    text: str
    span: Span = _span_field()


@dataclass(frozen=True, slots=True)
class Act:
    """A whole amending act as published."""

    title: str
    articles: tuple[Article, ...]
    stb: str = ""  # «1996, 649»
    preamble: tuple[str, ...] = ()
    signed: Optional[_dt.date] = None
    published: Optional[_dt.date] = None
    footnotes: tuple[Footnote, ...] = ()
    closing: tuple[str, ...] = ()
    source: str = field(default="", compare=False)
    #: ARTIKELEN an excerpt leaves out, as (first, last) numbers
    #: («[ARTIKELEN XXII tot en met LV niet opgenomen]» gives ("XXII", "LV"))
    elided: tuple[tuple[str, str], ...] = ()
    stcrt: str = ""      # «2012, 13245»: published in the Staatscourant
    kamerstuk: str = ""  # «36 301»: the bill's Kamerstuk number, when the act gives it
    #: the act's text as read (acts that amend this act edit it; ``show`` prints it)
    text: str = field(default="", compare=False, repr=False)

    @property
    def id(self) -> str:
        """The act's id: ``stb-1996-649``, ``stcrt-2012-13245``, ``kst-36301`` (a bill known
        only by its Kamerstuk), else a slug of its title."""
        return act_id(self.stb, self.stcrt, self.kamerstuk) or title_id(self.title)

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        return tuple(i for a in self.articles for i in a.instructions)

    def article(self, number: str) -> Article:
        for art in self.articles:
            if art.number == number:
                return art
        raise KeyError(number)


# --------------------------------------------------------------------------- act ids
# (``act_id`` and ``parse_act_id`` live in ``actids``: `show` needs them without this module)

def act_id_of(label: str) -> str:
    """The id of the act a source label names: «Stb. 1996, 649» → ``stb-1996-649``, «Stb.
    2000, 184 (Kamerstukken 25969)» → ``stb-2000-184``, an act known by its title →
    ``title_id``."""
    return parse_act_id(re.sub(r"\s*\([^)]*\)\s*$", "", label)) or title_id(label)


def title_id(title: str) -> str:
    """The id of an act known by neither number: its kind and date («Wet van 2 april 1998 tot
    …» → ``wet-van-2-april-1998``), else the start of its title as a slug."""
    dated = re.match(r"\s*(\w+ van \d{1,2} \w+ \d{4})", title)
    slug = re.sub(r"[^0-9A-Za-z]+", "-", dated.group(1) if dated else title[:60])
    return slug.strip("-").lower() or "act"


# --------------------------------------------------------------------------- quicker init
# Reading an act makes a dozen of these objects a sentence: each class gets the quicker
# ``__init__`` of ``frozen`` (the same parameters, defaults and fields; see there).

def _model_classes() -> list[type]:
    return [value for value in globals().values()
            if isinstance(value, type) and value.__module__ == __name__
            and dataclasses.is_dataclass(value)]


for _model_class in _model_classes():
    quick_init(_model_class)
