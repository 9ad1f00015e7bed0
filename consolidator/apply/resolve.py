"""(law tree, Locator) → the element or text range an instruction is about.

``resolve(tree, locator)`` walks the steps from the outside in and returns a
``Target``; a step that does not exist raises ``TargetNotFound`` naming what
does exist («artikel 93 has leden 1, 2, 3»).

* Structural steps (hoofdstuk, titel, afdeling, paragraaf, …) are
  order-insensitive: «paragraaf 7 van titel III, afdeling II, hoofdstuk III»
  finds the paragraaf 7 whose ancestors include all the named units.
* A volzin target is a list of ``Slot``s (element, start, end) over the
  element's alineas, counted as ``volzin`` documents (a list belongs to the
  volzin of its intro).
* Repealed (vervallen) elements are not targets unless ``allow_repealed``.
* Steps inside another act (act-artikel, act-onderdeel) are not supported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from consolidator.law.elements import (
    al_text, artikel_number, heading_info, is_al, is_heading, is_li, is_lijst, is_repealed,
    li_label, lid_number, wettekst,
)
from consolidator.law.toc import toc_element, toc_entry_elements, toc_entry_text
from consolidator.apply import volzin as V
from consolidator.apply.definitions import find_definition, is_definition_list
from consolidator.errors import AmbiguousTarget, ApplyError, TargetNotFound
from consolidator.model import Locator, Step
from consolidator.numbers import ORDINAL_WORDS, roman_to_int

STRUCTURAL = ("boek", "deel", "hoofdstuk", "titel", "afdeling", "paragraaf", "subparagraaf")


@dataclass(slots=True)
class Slot:
    """Characters ``start:end`` of the flat text of ``element`` (an al, a titel).

    Slots are live: the apply engine shifts them when an earlier edit in the
    same element changes its length (see ``apply.Workspace``)."""

    element: object
    start: int
    end: int


@dataclass(slots=True)
class Target:
    """What a locator names.

    ``kind`` is the last step's kind (artikel, lid, onderdeel, volzin,
    opschrift, paragraaf, toc-entry, inhoudsopgave, aanhef, …); ``element`` the
    element itself (for a volzin: its container; for an opschrift: the ``titel``);
    ``owner`` the artikel/heading an opschrift belongs to; ``slots`` the text
    range of a volzin; ``index`` the volzin number."""

    kind: str
    element: object
    label: str
    owner: object = None
    slots: list = field(default_factory=list)
    index: int = 0


def resolve(tree, locator: Locator, allow_repealed: bool = False, index=None,
            articles: Optional[dict] = None) -> Target:
    """The target ``locator`` names in ``tree``, or ``TargetNotFound``.

    ``index`` (an ``artindex.ArticleIndex`` of ``tree``) makes finding an article
    by number independent of the size of the law. ``articles``: a dict the caller
    passes to every call while the law does not change (a sentence resolves all its
    targets before it changes anything), so that an article named by several targets
    is looked up once."""
    steps = locator.steps
    if not _within_articles(steps):  # a division, or a place in another act: rarely
        structural, inner = [], []
        for step in steps:
            if step.kind.startswith("act-"):
                raise ApplyError("amending an act's onderdelen is not supported yet")
            (structural if step.kind in STRUCTURAL else inner).append(step)
        if structural:
            target = _heading(tree, structural)
            for step in inner:
                target = _step(tree, target, step, allow_repealed)
            return target
        steps = inner
    if steps and steps[0].kind == "artikel":
        # a locator that starts at an artikel (nearly all) does not need the law's body:
        # the article is found through the index, or the body looked up then
        target, rest = _law_artikel(tree, steps[0], allow_repealed, index, articles), steps[1:]
    else:
        target, rest = Target("law", wettekst(tree), "the law"), steps
    for step in rest:
        target = _step(tree, target, step, allow_repealed)
    return target


def _within_articles(steps) -> bool:
    """Whether every step is one ``_step`` locates (no division, no place in another act):
    then they are taken in order, from the law or its artikel."""
    for step in steps:
        if step.kind not in _STEPS:
            return False
    return True


def _same_number(a: str, b: str) -> bool:
    """«III» = «3» = «iii»; «E 24» = «E24»."""
    if a == b:  # the usual case, decided before any normalising
        return True
    if a.isdecimal() and b.isdecimal():  # the usual miss (lid 1 while looking for 3)
        if a.isascii() and b.isascii() and a[0] != "0" and b[0] != "0":
            return False  # ASCII digits without a leading zero: one number, one spelling
        return int(a) == int(b)
    a, b = a.replace(" ", "").rstrip("."), b.replace(" ", "").rstrip(".")
    if a.lower() == b.lower():
        return True
    return _as_int(a) is not None and _as_int(a) == _as_int(b)


def _as_int(text: str) -> Optional[int]:
    if text.isdecimal():  # not isdigit: int("2¹") fails
        return int(text)
    try:
        return roman_to_int(text.upper())
    except ValueError:
        return None


# --------------------------------------------------------------------------- structure


def _chain(el) -> set[tuple[str, str]]:
    """(kind, number) of el and every heading above it."""
    found = set()
    for node in [el, *el.iterancestors()]:
        if is_heading(node):
            info = heading_info(node)
            found.add((info.kind, info.nr))
    return found


def _covers(chain: set, steps: list[Step]) -> bool:
    return all(any(k == s.kind and _same_number(n, s.number) for k, n in chain) for s in steps)


def _is_one_of(el, steps: list[Step]) -> bool:
    info = heading_info(el)
    return any(s.kind == info.kind and _same_number(info.nr, s.number) for s in steps)


def _heading(tree, steps: list[Step]) -> Target:
    """The innermost heading whose own chain includes every structural step."""
    # a division named by one of the steps itself, under all the others: «hoofdstuk 4»
    # is the chapter, not each paragraaf in it (whose chain names hoofdstuk 4 too)
    found = [el for el in wettekst(tree).iter()
             if is_heading(el) and _is_one_of(el, steps) and _covers(_chain(el), steps)]
    innermost = [el for el in found if not any(o is not el and el in o.iterancestors()
                                               for o in found)]
    label = ", ".join(f"{s.kind} {s.number}" for s in steps)
    if not innermost:
        raise TargetNotFound(f"{label} is not in this law; it has {_headings_list(tree)}")
    if len(innermost) > 1:
        raise TargetNotFound(f"{label} names {len(innermost)} divisions; name more of its parents")
    el = innermost[0]
    return Target(heading_info(el).kind, el, label)


def _headings_list(tree) -> str:
    names = [f"{h.kind} {h.nr}" for h in map(heading_info, wettekst(tree).iter())
             if h.kind in STRUCTURAL]
    return ", ".join(names[:20]) or "no divisions"


# --------------------------------------------------------------------------- steps


def _step(tree, target: Target, step: Step, allow_repealed: bool) -> Target:
    handler = _STEPS.get(step.kind)
    if handler is None:
        raise ApplyError(f"locating a {step.kind} is not supported")
    known_live = False  # _artikel prefers a live article and knows when it found one
    if handler is _artikel:
        found, known_live = _artikel(tree, target, step)
    else:
        found = handler(tree, target, step)
    if target.kind != "law" and target.label != found.label:  # «inhoudsopgave, inhoudsopgave»
        found.label = f"{target.label}, {found.label}"
    if not (allow_repealed or known_live) and found.element is not None \
            and is_repealed(found.element):
        raise TargetNotFound(f"{found.label} has been repealed (vervallen)")
    return found


def _law_artikel(tree, step: Step, allow_repealed: bool, index=None,
                 articles: Optional[dict] = None) -> Target:
    """``_step`` of an artikel of the law as a whole (a locator's first step, nearly
    always): a live one if any; a repealed one only when ``allow_repealed``."""
    number = step.number
    known = articles.get(number) if articles is not None else None
    if known is None:
        known = _law_article(tree, number, index)
        if articles is not None:
            articles[number] = known
    el, live = known
    label = f"artikel {number}"
    # the repeal is read again only when no live article was found: then el is repealed
    if not (allow_repealed or live) and is_repealed(el):
        raise TargetNotFound(f"{label} has been repealed (vervallen)")
    return Target("artikel", el, label)


def _law_article(tree, number: str, index=None) -> tuple:
    """(the artikel of the law numbered ``number``, a live one if any; whether it is live)."""
    found = index.found(number) if index is not None else \
        [a for a in wettekst(tree).iter("artikel") if _same_number(artikel_number(a), number)]
    for el in found:
        if not is_repealed(el):
            return el, True
    if not found:
        numbers = [artikel_number(a) for a in wettekst(tree).iter("artikel")]
        raise TargetNotFound(f"artikel {number} is not in the law; {_nearby(numbers, number)}")
    return found[0], False


def _artikel(tree, target: Target, step: Step) -> tuple[Target, bool]:
    """The artikel inside ``target`` (a live one if any) and whether it is known to be
    live (an artikel of the law as a whole: ``_law_artikel``)."""
    if target.kind == "law":
        el, live = _law_article(tree, step.number)
        return Target("artikel", el, f"artikel {step.number}"), live
    found = [a for a in _scope(tree, target).iter("artikel")
             if _same_number(artikel_number(a), step.number)]
    live = [a for a in found if not is_repealed(a)]
    if not found:
        numbers = [artikel_number(a) for a in _scope(tree, target).iter("artikel")]
        raise TargetNotFound(f"artikel {step.number} is not in {target.label}; "
                             f"{_nearby(numbers, step.number)}")
    return Target("artikel", (live or found)[0], f"artikel {step.number}"), bool(live)


def _scope(tree, target: Target):
    """Where to look for an artikel: inside the target, or the whole body of the law."""
    return target.element if target.element is not None else wettekst(tree)


def _nearby(numbers: list[str], wanted: str) -> str:
    """«it has artikelen 105a, 105b, …» with those sharing the wanted number's digits first."""
    digits = "".join(c for c in wanted if c.isdigit())
    close = [n for n in numbers if digits and n.startswith(digits)] or numbers
    shown = ", ".join(close[:12]) + (", …" if len(close) > 12 else "")
    return f"it has artikelen {shown}" if shown else "it has no articles"


def _lid(tree, target: Target, step: Step) -> Target:
    holder = _need(target, ("artikel",), step)
    number = step.number
    # a number of plain ASCII digits without a leading zero: another such number is another
    # lid, told without ``_same_number`` (what it answers first for two such numbers)
    plain = number.isdecimal() and number.isascii() and number[0] != "0"
    # the children read one by one (an artikel has a few), by ``getnext``: lxml's tag
    # filter, and its plain child iterator too, cost more to set up than they cost to read;
    # a comment's or processing instruction's tag is no str
    try:
        el = holder[0]
    except IndexError:  # no children
        el = None
    while el is not None:
        if el.tag != "lid":
            el = el.getnext()
            continue
        # ``lid_number`` of the usual lid, «<lid><lidnr>2</lidnr>…», read here (every lid
        # before the one named is read): a plain decimal text is its number as it stands
        try:
            nr = el[0]
        except IndexError:  # no children (counting them would walk them all)
            nr = None
        if nr is not None and not len(nr) and (text := nr.text) and text.isdecimal() \
                and nr.tag == "lidnr":
            found = text
            if found != number and plain and text.isascii() and text[0] != "0":
                el = el.getnext()  # the usual lid before the one named: not it
                continue
        else:
            found = lid_number(el)
        if found == number or _same_number(found, number):  # the usual match, without a call
            return Target("lid", el, f"lid {number}")
        el = el.getnext()
    has = ", ".join(lid_number(el) for el in holder.iterchildren("lid"))
    raise TargetNotFound(f"{target.label} has no lid {step.number}; "
                         + (f"it has leden {has}" if has else "it has no numbered leden"))


def _need(target: Target, kinds: tuple, step: Step):
    if target.kind not in kinds:
        raise ApplyError(f"a {step.kind} is located inside a {' or '.join(kinds)}, "
                         f"not inside {target.label}")
    return target.element


def list_items(holder) -> list:
    """The li of the lists directly in ``holder`` (a lid, artikel or li)."""
    return [li for lijst in holder if is_lijst(lijst) for li in lijst if is_li(li)]


def item_label(li) -> str:
    """«a.» → «a», «1°.» → «1°», «(b)» → «b»."""
    return li_label(li).strip().strip("().").strip()


def _onderdeel(tree, target: Target, step: Step) -> Target:
    holder = _need(target, ("artikel", "lid", "onderdeel", "aanhef"), step)
    if target.kind == "aanhef":
        holder = holder.getparent()
    items = list_items(holder)
    for li in items:
        if _same_number(item_label(li), step.number.rstrip(".")):
            return Target("onderdeel", li, f"onderdeel {step.number}"
                          + (f" ({step.qualifier})" if step.qualifier else ""))
    has = ", ".join(item_label(li) for li in items)
    raise TargetNotFound(f"{target.label} has no onderdeel {step.number}; "
                         + (f"it has onderdelen {has}" if has else "it has no list"))


def _volzin(tree, target: Target, step: Step) -> Target:
    holder = _need(target, ("artikel", "lid", "onderdeel", "alinea"), step)
    parts = text_parts(holder)
    sentences = V.volzinnen_of_parts([(al_text(el), in_list) for el, in_list in parts])
    index = int(step.number) if step.number.lstrip("-").isdigit() else _ordinal(step.number)
    chosen = index - 1 if index > 0 else len(sentences) + index
    if not 0 <= chosen < len(sentences):
        raise TargetNotFound(f"{target.label} has {len(sentences)} volzin(nen), "
                             f"no volzin {step.number}")
    slots = [Slot(parts[p.part][0], p.start, p.end) for p in sentences[chosen]]
    return Target("volzin", holder, f"volzin {step.number}", slots=slots, index=chosen + 1)


def _ordinal(word: str) -> int:
    if word == "laatste":
        return -1
    return ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else 0


def text_parts(holder) -> list[tuple[object, bool]]:
    """The alineas under ``holder`` in document order, flagged when inside a list item.

    Repealed leden and list items, the kop and the labels are left out."""
    plain = _plain_parts(holder)
    return plain if plain is not None else _all_parts(holder)


def _all_parts(holder) -> list[tuple[object, bool]]:
    """``text_parts`` of any holder: every al under it, each asked whether it is left out
    (the general way, which ``_plain_parts`` shortcuts)."""
    parts = []
    for el in holder.iter("al"):
        # iter() starts with the holder itself; an al right in the holder (the usual lid's):
        # nothing in between
        if el is holder or el.getparent() is holder:
            parts.append((el, False))
            continue
        left_out, in_list = _between_flags(el, holder)
        if not left_out:
            parts.append((el, in_list))
    return parts


def _plain_parts(holder):
    """``text_parts`` of a holder none of whose children has children (the usual lid: a
    lidnr and an al; a list item), read by a walk of its children, which costs far less
    than setting up lxml's ``iter("al")``: its al children, each right in the holder.
    None for any other holder (an al itself, which ``iter`` gives first; a child with
    children, which may hold an al; a comment or other node that is no element)."""
    if holder.tag == "al":
        return None
    try:
        child = holder[0]
    except IndexError:  # no children: no al under it
        return []
    parts = []
    while child is not None:
        tag = child.tag
        if len(child) or type(tag) is not str:
            return None
        if tag == "al":
            parts.append((child, False))
        child = child.getnext()
    return parts


def _between_flags(el, holder) -> tuple[bool, bool]:
    """Whether an ancestor of el below holder leaves it out (a kop, a redactie, a
    repealed element), and whether one is a list item: one walk up, no lists made.
    ``holder`` is an ancestor of ``el``."""
    in_list = False
    for ancestor in el.iterancestors():
        if ancestor is holder:
            break
        if ancestor.tag in ("kop", "redactie") or is_repealed(ancestor):
            return True, in_list
        in_list = in_list or is_li(ancestor)
    return False, in_list


def _opschrift(tree, target: Target, step: Step) -> Target:
    owner = target.element
    if target.kind not in ("artikel",) + STRUCTURAL:
        raise ApplyError(f"{target.label} has no opschrift to locate")
    titel = owner.find("kop/titel")
    if titel is None:
        raise TargetNotFound(f"{target.label} has no opschrift")
    return Target("opschrift", titel, "opschrift", owner=owner)


def _aanhef(tree, target: Target, step: Step) -> Target:
    holder = _need(target, ("artikel", "lid", "onderdeel"), step)
    first = next((el for el in holder if is_al(el)), None)
    if first is None:
        raise TargetNotFound(f"{target.label} has no aanhef")
    return Target("aanhef", first, "aanhef", owner=holder)


def _alinea(tree, target: Target, step: Step) -> Target:
    holder = _need(target, ("artikel", "lid", "onderdeel"), step)
    alineas = [el for el in holder if is_al(el)]
    index = int(step.number) if step.number.isdigit() else _ordinal(step.number)
    if not 1 <= abs(index) <= len(alineas):
        raise TargetNotFound(f"{target.label} has {len(alineas)} alinea(s), no alinea {step.number}")
    return Target("alinea", alineas[index - 1 if index > 0 else index], f"alinea {step.number}")


def _inhoudsopgave(tree, target: Target, step: Step) -> Target:
    toc = toc_element(tree)
    if toc is None:
        raise TargetNotFound("this law has no inhoudsopgave")
    return Target("inhoudsopgave", toc, "inhoudsopgave")


def toc_entry_matches(text: str, name: str) -> bool:
    """«Artikel 86. Bekostiging» is the entry of «Artikel 86», not of «Artikel 86a»."""
    return text == name or (text.startswith(name) and text[len(name)] in ". ")


def _toc_entry(tree, target: Target, step: Step) -> Target:
    entries = toc_entry_elements(tree)
    for el in entries:
        if toc_entry_matches(toc_entry_text(el), step.number):
            return Target("toc-entry", el, f"the entry of {step.number}")
    raise TargetNotFound(f"the inhoudsopgave has no entry for {step.number}")


def _definition(tree, target: Target, step: Step) -> Target:
    """«de begripsomschrijving van «inrichting»», «het onderdeel «inrichting»»: the
    definition of the term in the article, lid or onderdeel (an article's leden searched
    when it has them: the definitions of artikel 1 are in its lid 1)."""
    holder = _need(target, ("artikel", "lid", "onderdeel"), step)
    holders = [holder] + [el for el in holder.iterchildren("lid") if not is_repealed(el)]
    found, errors = [], []
    for place in holders:
        try:
            found.append(find_definition(place, step.number, target.label))
        except TargetNotFound as exc:  # the terms of a place that has some say most
            errors.insert(len(errors) if not is_definition_list(place) else 0, exc)
    if len(found) > 1:
        raise AmbiguousTarget(f"{target.label} defines «{step.number}» {len(found)} times")
    if not found:
        raise errors[0]
    return Target("definition", found[0], f"the definition of «{step.number}»")


_STEPS = {"artikel": _artikel, "lid": _lid, "onderdeel": _onderdeel, "subonderdeel": _onderdeel,
          "volzin": _volzin, "opschrift": _opschrift, "aanhef": _aanhef, "alinea": _alinea,
          "inhoudsopgave": _inhoudsopgave, "toc-entry": _toc_entry, "definition": _definition}
