"""The quoted-words warnings of the drafter's check: ``telkens-once`` («telkens» for words
that occur once in the target) and ``words-elsewhere`` (the quoted words are not in the lid,
onderdeel, volzin or opschrift named, but elsewhere in the same article or, if not there, in
another article; says where).
"""
from __future__ import annotations

from typing import Callable

from consolidator.law.elements import al_text, artikel_number, is_artikel, is_li, is_lid, is_repealed, iter_articles, lid_number
from consolidator.apply import textedit as T
from consolidator.apply import volzin as V
from consolidator.apply.workspace import slots_of
from consolidator.apply.resolve import item_label, resolve, text_parts
from consolidator.errors import ApplyError
from consolidator.model import (
    DeleteWords, InsertWords, Instruction, Locator, ReplaceAfter, ReplaceWords,
)


def quoted_words(ins: Instruction):
    """(words, finder, telkens) for an instruction that quotes words of the law."""
    def plain(words):
        return lambda text, lo, hi: T.find(text, words, lo, hi)
    if isinstance(ins, ReplaceWords):
        return ins.old, plain(ins.old), ins.telkens
    if isinstance(ins, DeleteWords):
        if ins.anchor:
            return (f"{ins.words}» {'na' if ins.position != 'before' else 'voor'} «{ins.anchor}",
                    lambda text, lo, hi: T.find_anchored(text, ins.anchor, ins.words,
                                                         ins.position or "after", lo, hi),
                    ins.telkens)
        return ins.words, plain(ins.words), ins.telkens
    if isinstance(ins, InsertWords) and ins.position in ("after", "before") and ins.anchor:
        return ins.anchor, plain(ins.anchor), ins.telkens
    if isinstance(ins, ReplaceAfter):
        return ins.anchor, plain(ins.anchor), False
    return None


def warn_words(ws, ins: Instruction, targets: list, words: str, finder: Callable,
               telkens: bool, warn: Callable) -> None:
    """Before the instruction runs: the quoted words counted in each target as the
    handler will see them."""
    counts = []
    for target in targets:
        try:
            slots = slots_of(ws, target)
        except ApplyError:
            return  # the handler will say why
        counts.append(sum(len(finder(ws.text(s.element), s.start, s.end)) for s in slots))
    if telkens and counts and min(counts) >= 1 and sum(counts) == 1:
        warn("telkens-once", f"«telkens», but «{words}» occurs only once in "
             f"{targets[0].label}", ins.span, ins.place)
    for target, count in zip(targets, counts):
        if count == 0:
            where = _elsewhere(ws.tree, target, words, finder)
            if where:
                warn("words-elsewhere", f"«{words}» is not in {target.label}, "
                     f"but occurs in {where}", ins.span, ins.place)


def warn_words_near(tree, index, ins: Instruction, warn: Callable) -> None:
    """For an instruction whose target was not found: are its words in the article anyway?"""
    quoted = quoted_words(ins)
    if quoted is None:
        return
    words, finder, _ = quoted
    for locator in ins.targets:
        where = _elsewhere_of_locator(tree, index, locator, words, finder)
        if where:
            warn("words-elsewhere", f"«{words}»: {locator} is not there, but the "
                 f"words occur in {where}", ins.span, ins.place)


def artikel_of(el):
    """The artikel element ``el`` is in (or is), or None."""
    for node in [el, *el.iterancestors()]:
        if is_artikel(node):
            return node
    return None


def _regions(artikel) -> list:
    """The texts of an article: its opschrift, then its alineas (repealed parts left out)."""
    titel = artikel.find("kop/titel")
    return ([titel] if titel is not None else []) + [el for el, _ in text_parts(artikel)]


def _elsewhere(tree, target, words: str, finder: Callable, limit: int = 3) -> str:
    """Where the words occur outside the target: in its article, else in the law."""
    artikel = artikel_of(target.owner if target.owner is not None else target.element)
    inside = [(s.element, s.start, s.end) for s in (target.slots or [])]
    if not inside and target.kind in ("artikel", "lid", "onderdeel"):
        inside = [(el, 0, len(al_text(el))) for el, _ in text_parts(target.element)]
    elif not inside:
        inside = [(target.element, 0, len(al_text(target.element)))]
    if artikel is not None:
        found = [(el, s, e) for el in _regions(artikel)
                 for s, e in finder(al_text(el), 0, len(al_text(el)))
                 if not any(el is i and i0 <= s and e <= i1 for i, i0, i1 in inside)]
        if found:
            return _places(found, artikel, target, limit)
    return _in_law(tree, words, finder, artikel, limit)


def _elsewhere_of_locator(tree, index, locator: Locator, words: str, finder: Callable) -> str:
    """For a locator that does not resolve: where the words are in its article (if
    the article exists and the locator goes below it), else in the law."""
    steps = list(locator.steps)
    at = next((n for n, s in enumerate(steps) if s.kind == "artikel"), None)
    if at is None:
        return ""
    try:
        artikel = resolve(tree, Locator(tuple(steps[:at + 1])), index=index).element
    except ApplyError:
        return _in_law(tree, words, finder, None, 3)
    if at == len(steps) - 1:
        return ""
    found = [(el, s, e) for el in _regions(artikel)
             for s, e in finder(al_text(el), 0, len(al_text(el)))]
    return _places(found, artikel, None, 3) if found else ""


def _in_law(tree, words: str, finder: Callable, skip, limit: int) -> str:
    """Where the words are in other articles, if in at most two (a distinctive phrase,
    so probably the article meant); common words give no hint."""
    found, articles = [], 0
    for artikel in iter_articles(tree):
        if artikel is skip or is_repealed(artikel):
            continue
        here = [(el, s, e) for el in _regions(artikel)
                for s, e in finder(al_text(el), 0, len(al_text(el)))]
        articles += bool(here)
        if articles > 2:
            return ""
        found += here
    return _places(found, None, None, limit) if found else ""


def _places(found: list, artikel, target, limit: int) -> str:
    described = []
    for el, s, e in found[:limit]:
        where = _describe(el, artikel, target, s)
        described.append(f"{where} («{T.context(al_text(el), s, e, 25)}»)")
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    return "; ".join(described) + more


def _describe(el, artikel, target, start: int) -> str:
    """«lid 3, onderdeel b of artikel 5» (without the artikel when it is the target's own)."""
    home = artikel_of(el)
    names = [f"artikel {artikel_number(home)}"] if home is not None and home is not artikel \
        else []
    for node in reversed([el, *el.iterancestors()]):
        if node.tag == "kop":
            names.append("the opschrift")
            break
        if is_lid(node):
            names.append(f"lid {lid_number(node)}")
        elif is_li(node):
            names.append(f"onderdeel {item_label(node)}")
    holder = target.element if target is not None and target.kind == "volzin" else None
    if holder is not None and any(a is holder for a in [el, *el.iterancestors()]):
        number = _volzin_number(holder, el, start)
        if number:
            names.append(f"volzin {number}")
    return ", ".join(names) if names else "the text"


def _volzin_number(holder, el, start: int) -> int:
    parts = text_parts(holder)
    sentences = V.volzinnen_of_parts([(al_text(p), in_list) for p, in_list in parts])
    for n, pieces in enumerate(sentences, start=1):
        if any(parts[p.part][0] is el and p.start <= start < max(p.end, p.start + 1)
               for p in pieces):
            return n
    return 0
