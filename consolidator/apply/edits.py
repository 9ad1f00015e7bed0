"""Apply an act's instructions to a law: a new BWB tree, the input untouched.

``apply_articles(tree, articles)`` runs every instruction sentence of the given
ARTIKELEN in order; ``APPLY`` maps each instruction class to its handler.

Rules this module implements (each has a test in tests/test_apply.py):

* **One sentence, one moment.** All targets of a ``Sentence`` are resolved
  against the text as it read before the sentence, then applied in order. So in
  «vervallen de dubbele punt, de aanduiding van onderdeel a, … alsmede
  onderdeel b en wordt de puntkomma aan het slot van onderdeel a (oud)
  vervangen door een punt» onderdeel a (oud) is still found, and «vervalt de
  eerste volzin en wordt in de tweede volzin …» still means the old second one.
* **Quoted words** follow ``textedit``: whole words, exactly once per target, or
  at least once per target with «telkens».
* **Repeal keeps the element** (BWB style, ``history.mark_repealed``); renumbering
  happens only when the act says so (``Renumber``), and then drops a repealed
  element whose number it takes.
* **Labels.** Deleting the label of the only remaining lid turns it into
  unnumbered text of the article (repealed leden go). Deleting the label of a
  list item folds the list into its intro: repealed items go, the text of the
  unlabelled items is joined to the intro («…: a. x; b. y;» → «… x.»).
* **Numbers.** Inserting an element whose number exists, or replacing a lid by
  new leden that collide with other leden, is ``NumberTaken``.
* **History.** Every changed element records its source («Stb. 1996, 649, art.
  I, onderdeel H, punt 2») and the date, when given.
* **Errors** name the act, ARTIKEL, onderdeel, punt, line and column, the
  target and the reason; ``apply_articles`` stops at the first,
  ``check_articles`` collects them all.
"""
from __future__ import annotations

import copy
import datetime as _dt
import itertools
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from consolidator.law.elements import (
    al_text, artikel_number, ensure_content, heading_info, is_al, is_artikel, is_heading, is_li,
    is_lid, is_lijst, is_repealed, iter_articles, li_label, lid_number, make_al, make_artikel,
    make_heading, make_li, make_lid, make_lijst, set_text,
)
from consolidator.law.history import mark_changed, mark_repealed
from consolidator.law.toc import make_toc_entry
from consolidator.apply import textedit as T
from consolidator.apply import volzin as V
from consolidator.errors import AmbiguousTarget, ApplyError, NumberTaken, TargetNotFound, underline
from consolidator.model import (
    Act, Article, Content, ContentLine, DeleteElement, DeleteLabel, DeletePunctuation,
    DeleteWords, InsertElement, InsertWords, Instruction, Renumber, ReplaceAfter,
    ReplaceElement, ReplacePunctuation, ReplaceWords, Sentence,
)
from consolidator.law.artindex import ArticleIndex
from consolidator.apply.resolve import (
    Slot, Target, item_label, resolve, text_parts,
)

# --------------------------------------------------------------------------- entry points


def apply_act(tree, act: Act, article_numbers: Optional[Iterable[str]] = None, date=None):
    """Apply the amending ARTIKELEN of ``act`` (those in ``article_numbers`` if given)."""
    wanted = set(article_numbers) if article_numbers is not None else None
    articles = [a for a in act.articles if a.onderdelen and a.kind == "amend"
                and (wanted is None or a.number in wanted)]
    label = f"Stb. {act.stb}" if act.stb else act.title
    return apply_articles(tree, articles, source_label=label, date=date)


def apply_articles(tree, articles: Iterable[Article], source_label: str = "Stb. 1996, 649",
                   date: Optional[_dt.date] = None, in_place: bool = False):
    """A new tree with every instruction of ``articles`` applied, in order.

    The input tree is not changed, unless ``in_place`` (for a caller that has no
    further use for it: a copy of a large law costs as much memory again, and an
    error leaves the tree half changed). The first instruction that does not fit
    raises an ``ApplyError`` (``TargetNotFound``, ``AmbiguousTarget``,
    ``NumberTaken``) naming act, place, line/column, target and reason: an act
    with a failing instruction is refused whole.
    """
    new = tree if in_place else copy.deepcopy(tree)
    index = ArticleIndex(new)
    for sentence in _sentences(articles):
        apply_sentence(new, sentence, source_label, date, index)
    return new


def check_articles(tree, articles: Iterable[Article], source_label: str = "Stb. 1996, 649",
                   date: Optional[_dt.date] = None) -> list[ApplyError]:
    """Every error of every sentence (a failing sentence is skipped, the rest go on)."""
    work, errors = copy.deepcopy(tree), []
    index = ArticleIndex(work)
    for sentence in _sentences(articles):
        try:
            apply_sentence(work, sentence, source_label, date, index)
        except ApplyError as exc:
            errors.append(exc)
    return errors


def _sentences(articles: Iterable[Article]) -> Iterable[Sentence]:
    for article in articles:
        for onderdeel in article.onderdelen:
            yield from onderdeel.all_sentences


def apply_sentence(tree, sentence: Sentence, source_label: str = "", date=None,
                   index: Optional[ArticleIndex] = None,
                   observe: Optional[Callable] = None) -> None:
    """Resolve every target of the sentence first, then apply in order (in place).

    ``index`` is an ``ArticleIndex`` of ``tree`` kept across sentences; it is
    dropped after a sentence that may have added, replaced or renumbered articles.
    ``observe(ws, instruction, targets)``, if given, is called just before each
    instruction is applied (the checker counts matches there); it must not change
    the tree."""
    ws = Workspace(tree, source_label, date, index=index)
    current = None
    try:
        plans = []
        for current in sentence.instructions:
            plans.append((current, _resolve_all(ws, current)))
        for current, targets in plans:
            ws.instruction = current
            if observe is not None:
                observe(ws, current, targets)
            try:
                APPLY[type(current)](ws, current, targets)
            finally:
                if index is not None:
                    _update_index(index, ws, current, targets)
        ws.finish()
    except ApplyError as exc:
        raise _located(exc, current, sentence, source_label) from None


def _update_index(index: ArticleIndex, ws: "Workspace", ins: Instruction,
                  targets: list[Target]) -> None:
    """Keep the index of articles true: new articles are added; anything else that
    may replace or renumber articles drops it (rebuilt on next use)."""
    if not _may_change_articles(ins, targets):
        return
    headings = any(line.kind == "heading" for line in getattr(ins, "content").lines) \
        if hasattr(ins, "content") else True
    if isinstance(ins, InsertElement) and not headings:
        for el, effect, _ in ws.changed:
            if effect == "nieuw" and is_artikel(el):
                index.add(el)
        return
    index.invalidate()


def _may_change_articles(ins: Instruction, targets: list[Target]) -> bool:
    """Whether an instruction may add, replace or renumber articles (so the index
    of articles by number must be rebuilt)."""
    if not isinstance(ins, (InsertElement, ReplaceElement, Renumber)):
        return False
    content = getattr(ins, "content", None)
    if content is not None and any(line.kind in ("artikel", "heading") for line in content.lines):
        return True
    return any(t.kind not in ("lid", "onderdeel", "subonderdeel", "volzin", "alinea",
                              "aanhef", "toc-entry", "inhoudsopgave", "definition")
               for t in targets)


def _resolve_all(ws: "Workspace", ins: Instruction) -> list[Target]:
    content = getattr(ins, "content", None)
    if content is not None and content.onderdelen:
        raise ApplyError("amending an act's onderdelen is not supported yet")
    allow = isinstance(ins, ReplaceElement)
    targets = [resolve(ws.tree, loc, allow_repealed=allow, index=ws.index)
               for loc in ins.targets]
    for target in targets:
        ws.slots.extend(target.slots)
    return targets


def _located(exc: ApplyError, ins: Optional[Instruction], sentence: Sentence,
             source_label: str) -> ApplyError:
    """The same error, with the act, the place and the position in the act."""
    if ins is None:
        return exc
    place = str(ins.place)
    span = ins.span if ins.span.line else sentence.span
    context = ""
    if sentence.text and span.line == sentence.span.line and span.column >= sentence.span.column:
        context = underline(sentence.text, span.column - sentence.span.column + 1, 1)
    message = f"{place}: {exc.message}" if place else exc.message
    located = type(exc)(message, source=source_label, line=span.line, column=span.column,
                        context=context)
    located.place, located.reason, located.instruction = ins.place, exc.message, ins
    return located


# --------------------------------------------------------------------------- workspace


@dataclass
class Workspace:
    """The tree and what one sentence has done to it so far."""

    tree: object
    source_label: str
    date: Optional[_dt.date]
    instruction: Optional[Instruction] = None
    slots: list = field(default_factory=list)
    changed: list = field(default_factory=list)          # (element, effect, source)
    repealed: list = field(default_factory=list)
    unnumbered_leden: list = field(default_factory=list)
    unlabelled_items: list = field(default_factory=list)
    index: Optional[ArticleIndex] = None  # articles by number, kept across sentences

    @property
    def source(self) -> str:
        place = str(self.instruction.place) if self.instruction else ""
        return ", ".join(p for p in (self.source_label, place) if p)

    def text(self, el) -> str:
        return al_text(el)

    def edit(self, el, edit: T.Edit) -> None:
        """Apply one edit to el's flat text and shift the live slots on el."""
        set_text(el, T.splice(self.text(el), edit))
        for slot in self.slots:
            if slot.element is el:
                _shift(slot, edit)
        self.touch(el)

    def touch(self, el, effect: str = "wijziging") -> None:
        self.changed.append((el, effect, self.source))

    def repeal(self, el) -> None:
        mark_repealed(el, self.date, self.source)
        self.repealed.append(el)

    def finish(self) -> None:
        """End of the sentence: fold lists, unnumber leden, record history."""
        for lijst in _unique(self.unlabelled_items):
            _fold_list(self, lijst)
        for lid in _unique(self.unnumbered_leden):
            _unnumber_lid(self, lid)
        seen = set()
        for el, effect, source in self.changed:
            owner = _history_owner(el)
            if owner is not None and id(owner) not in seen and _in_tree(owner, self.tree):
                seen.add(id(owner))
                mark_changed(owner, self.date, source, effect)


def _unique(items: list) -> list:
    out = []
    for item in items:
        if not any(item is o for o in out):
            out.append(item)
    return out


def _shift(slot: Slot, edit: T.Edit) -> None:
    """Keep a slot over the same words after an edit elsewhere (or inside) in its element."""
    delta = len(edit.new) - (edit.end - edit.start)
    lead = len(edit.new) - len(edit.new.lstrip())
    if slot.start >= edit.end:
        slot.start += delta
    elif slot.start > edit.start:
        slot.start = edit.start + lead
    if slot.end >= edit.end:
        slot.end += delta
    elif slot.end > edit.start:
        slot.end = edit.start + len(edit.new.rstrip())


def _in_tree(el, tree) -> bool:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return el is root or any(a is root for a in el.iterancestors())


_HISTORY_TAGS = ("li", "lid", "artikel", "officiele-inhoudsopgave")


def _history_owner(el):
    """The element whose history records a change to el (its li, lid, artikel, …)."""
    # lazily: the owner is close by, the root is not
    for node in itertools.chain((el,), el.iterancestors()):
        if node.tag in _HISTORY_TAGS or is_heading(node):
            return node
    return None


# --------------------------------------------------------------------------- text slots


def slots_of(ws: Workspace, target: Target) -> list[Slot]:
    """The text ranges of a target: a volzin's slots, or whole alineas / titel / entry."""
    if target.slots:
        return target.slots
    if target.kind in ("opschrift", "toc-entry", "aanhef", "alinea"):
        return [_whole(ws, target.element)]
    if target.kind in ("artikel", "lid", "onderdeel"):
        return [_whole(ws, el) for el, _ in text_parts(target.element)]
    raise ApplyError(f"{target.label} has no text to change")


def _whole(ws: Workspace, el) -> Slot:
    return Slot(el, 0, len(ws.text(el)))


Match = tuple  # (slot, start, end)


def _matches(ws: Workspace, target: Target, finder: Callable) -> list[Match]:
    found = []
    for slot in slots_of(ws, target):
        found.extend((slot, s, e) for s, e in finder(ws.text(slot.element), slot.start, slot.end))
    return found


def _check_count(ws: Workspace, target: Target, what: str, found: list[Match],
                 telkens: bool) -> None:
    if not found:
        raise TargetNotFound(f"{target.label}: {what} is not in the text "
                             f"(«{_preview(ws, target)}»)")
    if len(found) > 1 and not telkens:
        places = "; ".join(f"at character {s} of {_where(target, slot)}: "
                           f"«{T.context(ws.text(slot.element), s, e)}»"
                           for slot, s, e in found)
        raise AmbiguousTarget(f"{target.label}: {what} occurs {len(found)} times and the "
                              f"instruction does not say «telkens»: {places}")


def _where(target: Target, slot: Slot) -> str:
    owner = _history_owner(slot.element)
    if owner is not None and owner.tag == "li":
        return f"onderdeel {item_label(owner)}"
    if owner is not None and owner.tag == "lid":
        return f"lid {lid_number(owner)}"
    return target.label


def _preview(ws: Workspace, target: Target, width: int = 120) -> str:
    text = " ".join(ws.text(s.element)[s.start:s.end] for s in slots_of(ws, target))
    return text if len(text) <= width else text[:width] + "…"


def _apply_matches(ws: Workspace, found: list[Match], make: Callable) -> None:
    """Edit every match, last first within an element so earlier offsets hold."""
    for slot, start, end in sorted(found, key=lambda m: -m[1]):
        ws.edit(slot.element, make(ws.text(slot.element), start, end))


def _word_edit(ws: Workspace, ins, targets: list[Target], what: str, finder: Callable,
               make: Callable, telkens: bool = False) -> None:
    per_target = [_matches(ws, t, finder) for t in targets]
    for target, found in zip(targets, per_target):
        _check_count(ws, target, what, found, telkens)
    for found in per_target:
        _apply_matches(ws, found, make)


# --------------------------------------------------------------------------- word handlers


def replace_words(ws: Workspace, ins: ReplaceWords, targets: list[Target]) -> None:
    """«wordt «X» vervangen door: Y»."""
    finder = lambda text, lo, hi: T.find(text, ins.old, lo, hi)  # noqa: E731
    _word_edit(ws, ins, targets, f"«{ins.old}»", finder,
               lambda text, s, e: T.replace(text, s, e, ins.new), ins.telkens)


def delete_words(ws: Workspace, ins: DeleteWords, targets: list[Target]) -> None:
    """«vervalt: X», «vervalt na «A» telkens: X»."""
    if ins.anchor:
        finder = lambda text, lo, hi: T.find_anchored(  # noqa: E731
            text, ins.anchor, ins.words, ins.position or "after", lo, hi)
        what = f"«{ins.words}» {'after' if ins.position != 'before' else 'before'} «{ins.anchor}»"
    else:
        finder = lambda text, lo, hi: T.find(text, ins.words, lo, hi)  # noqa: E731
        what = f"«{ins.words}»"
    _word_edit(ws, ins, targets, what, finder, T.delete, ins.telkens)


def insert_words(ws: Workspace, ins: InsertWords, targets: list[Target]) -> None:
    """«wordt na «A» ingevoegd: X», «aan het slot … toegevoegd: X»."""
    if ins.position in ("end", "start"):
        for target in targets:
            slots = slots_of(ws, target)
            if not slots:
                raise TargetNotFound(f"{target.label} has no text to add words to")
            slot = slots[-1] if ins.position == "end" else slots[0]
            text = ws.text(slot.element)
            at = (slot.start + T.end_position(text[slot.start:slot.end])
                  if ins.position == "end" else slot.start)
            ws.edit(slot.element, T.insert(text, at, ins.new))
        return
    finder = lambda text, lo, hi: T.find(text, ins.anchor, lo, hi)  # noqa: E731
    after = ins.position != "before"
    _word_edit(ws, ins, targets, f"«{ins.anchor}»", finder,
               lambda text, s, e: T.insert(text, e if after else s, ins.new), ins.telkens)


def replace_after(ws: Workspace, ins: ReplaceAfter, targets: list[Target]) -> None:
    """«wordt het gedeelte na «A» vervangen door: X»: everything after the anchor up
    to the end of the target, not counting its closing mark. When the target goes
    on after the anchor's alinea (a list, further alineas), those go too."""
    for target in targets:
        found = _matches(ws, target, lambda text, lo, hi: T.find(text, ins.anchor, lo, hi))
        _check_count(ws, target, f"«{ins.anchor}»", found, False)
        slot, start, end = found[0]
        slots = slots_of(ws, target)
        before = slots[:_slot_index(slots, slot)]
        after = slots[_slot_index(slots, slot) + 1:]
        text = ws.text(slot.element)
        if ins.position == "before":
            if before:
                raise ApplyError(f"{target.label}: text before the alinea of «{ins.anchor}» "
                                 "would have to go too; that is not supported")
            ws.edit(slot.element, T.replace(text, slot.start, start, ins.new))
        elif after:
            _replace_rest(ws, target, slot, end, after, ins.new)
        else:
            stop = slot.start + T.end_position(text[slot.start:slot.end], ".")
            ws.edit(slot.element, T.replace(text, end, stop, ins.new))


def _slot_index(slots: list[Slot], slot: Slot) -> int:
    """Its position among the target's slots (slots_of builds new Slot objects)."""
    return next(i for i, s in enumerate(slots) if s.element is slot.element
                and s.start == slot.start)


def _replace_rest(ws: Workspace, target: Target, slot: Slot, end: int, after: list[Slot],
                  new: str) -> None:
    """The rest of the target after the anchor: the anchor's alinea from the anchor
    on, and the whole elements (list, list items, alineas) that follow it."""
    if any(s.start != 0 or s.end != len(ws.text(s.element)) for s in after):
        raise ApplyError(f"{target.label}: the part after the anchor ends inside an alinea; "
                         "replacing it is not supported")
    last = ws.text(after[-1].element).rstrip()
    closing = last[-1] if last and last[-1] in ".;" else ""  # not `last[-1:] in`: "" is in
    text = ws.text(slot.element)
    ws.edit(slot.element, T.replace(text, end, slot.end, new + closing))
    for part in after:
        if any(part.element is el for el in target.element.iter()):  # not gone with a list
            block = _block_below(target.element, part.element, slot.element)
            block.getparent().remove(block)


def _block_below(holder, el, keep):
    """The largest ancestor of ``el`` inside ``holder`` that does not contain ``keep``."""
    block = el
    while block.getparent() is not holder and keep not in block.getparent().iter():
        block = block.getparent()
    return block


def replace_punctuation(ws: Workspace, ins: ReplacePunctuation, targets: list[Target]) -> None:
    """«wordt de puntkomma aan het slot van onderdeel a vervangen door een punt»."""
    for target in targets:
        slot = slots_of(ws, target)[-1 if ins.position == "end" else 0]
        text = ws.text(slot.element)
        piece = text[slot.start:slot.end].rstrip() if ins.position == "end" else \
            text[slot.start:slot.end].lstrip()
        ok = piece.endswith(ins.old) if ins.position == "end" else piece.startswith(ins.old)
        if not ok:
            raise TargetNotFound(f"{target.label} does not {ins.position} with «{ins.old}» "
                                 f"(«{T.context(text, slot.end, slot.end)}»)")
        at = slot.start + len(piece) - len(ins.old) if ins.position == "end" else \
            slot.start + (slot.end - slot.start - len(piece))
        ws.edit(slot.element, T.replace(text, at, at + len(ins.old), ins.new))


def delete_punctuation(ws: Workspace, ins: DeletePunctuation, targets: list[Target]) -> None:
    """«vervalt de dubbele punt»: the mark must occur exactly once as punctuation."""
    finder = lambda text, lo, hi: [  # noqa: E731
        (p, p + 1) for p in T.punctuation_positions(text[:hi], ins.mark) if p >= lo]
    _word_edit(ws, ins, targets, f"the mark «{ins.mark}»", finder, T.delete)


# --------------------------------------------------------------------------- labels


def delete_label(ws: Workspace, ins: DeleteLabel, targets: list[Target]) -> None:
    """«de aanduiding van het eerste lid / van onderdeel a vervalt»."""
    for target in targets:
        if target.kind == "lid":
            ws.unnumbered_leden.append(target.element)
        elif target.kind == "onderdeel":
            label = target.element.find("li.nr")
            if label is not None:
                target.element.remove(label)
            ws.unlabelled_items.append(target.element.getparent())
            ws.touch(target.element.getparent())
        else:
            raise ApplyError(f"removing the label of {target.label} is not supported")


def _unnumber_lid(ws: Workspace, lid) -> None:
    """The lid becomes plain text of its article; repealed leden go with their numbers."""
    artikel = lid.getparent()
    others = [el for el in artikel if is_lid(el) and el is not lid]
    live = [lid_number(el) for el in others if not is_repealed(el)]
    if live:
        raise ApplyError(f"the number of lid {lid_number(lid)} cannot go: artikel "
                         f"{artikel_number(artikel)} still has leden {', '.join(live)}")
    for el in others:
        artikel.remove(el)
    index = artikel.index(lid)
    for offset, child in enumerate([c for c in lid if c.tag != "lidnr"]):
        artikel.insert(index + offset, child)
    artikel.remove(lid)
    ws.touch(artikel)


def _fold_list(ws: Workspace, lijst) -> None:
    """Join the unlabelled items of a list to its intro; repealed items go."""
    items = [li for li in lijst if is_li(li)]
    labelled = [li_label(li) for li in items if li_label(li) and not is_repealed(li)]
    if labelled:
        raise ApplyError(f"the list cannot be folded: onderdelen {', '.join(labelled)} "
                         f"keep their labels")
    intro = lijst.getprevious()
    if intro is None or not is_al(intro):
        raise ApplyError("the list has no intro text to fold into")
    text = ws.text(intro)
    for li in items:
        if not is_repealed(li):
            text = T.seam(text, " ".join(ws.text(al) for al, _ in text_parts(li)))
    set_text(intro, text)
    lijst.getparent().remove(lijst)
    ws.touch(intro)


# --------------------------------------------------------------------------- elements


def delete_element(ws: Workspace, ins: DeleteElement, targets: list[Target]) -> None:
    """«Artikel 86 vervalt.», «Het achtste lid vervalt.», «vervalt de eerste volzin»."""
    for target in targets:
        if target.kind in ("artikel", "lid", "onderdeel") or is_heading(target.element):
            ws.repeal(target.element)
        elif target.kind == "volzin":
            _delete_volzin(ws, target)
        elif target.kind in ("opschrift", "toc-entry", "aanhef", "alinea"):
            ws.touch(target.owner if target.owner is not None else target.element.getparent())
            target.element.getparent().remove(target.element)
        else:
            raise ApplyError(f"{target.label} cannot be deleted")


def _delete_volzin(ws: Workspace, target: Target) -> None:
    if len(target.slots) != 1:
        raise ApplyError(f"{target.label} runs over a list; deleting it is not supported")
    slot = target.slots[0]
    ws.edit(slot.element, T.delete(ws.text(slot.element), slot.start, slot.end))


def replace_element(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    """«komt te luiden:», «wordt vervangen door:», «… door drie nieuwe leden»."""
    kind = targets[0].kind
    if kind == "toc-entry":
        _replace_toc(ws, ins, targets)
    elif kind == "volzin":
        slot = _single_slot(targets[0])
        ws.edit(slot.element, T.replace(ws.text(slot.element), slot.start, slot.end,
                                        ins.content.text))
    elif kind in ("opschrift", "aanhef", "alinea"):
        set_text(targets[0].element, " ".join(_plain_texts(ins.content)))
        ws.touch(targets[0].owner if targets[0].owner is not None else targets[0].element)
    elif kind in ("artikel", "lid", "onderdeel") or is_heading(targets[0].element):
        _replace_blocks(ws, ins, targets)
    else:
        raise ApplyError(f"{targets[0].label} cannot be replaced")


def _single_slot(target: Target) -> Slot:
    if len(target.slots) != 1:
        raise ApplyError(f"{target.label} runs over a list; replacing it is not supported")
    return target.slots[0]


def _plain_texts(content: Content) -> list[str]:
    return [line.text for line in content.lines if line.text]


def _replace_blocks(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    """Swap the target elements for the new ones, at the place of the first."""
    first = targets[0]
    new = build(ins.content, default_kind=first.kind,
                default_number=_number_of(first.element))
    if ins.count > 1 and len(new) != ins.count:
        raise ApplyError(f"the act announces {ins.count} new elements but gives {len(new)}")
    old = [t.element for t in targets]
    _check_numbers(ws, first.element.getparent(), new, replaced=old)
    parent, index = first.element.getparent(), first.element.getparent().index(first.element)
    for el in old:
        el.getparent().remove(el)
    for offset, el in enumerate(new):
        parent.insert(index + offset, el)
        ws.touch(el, "wijziging" if offset < len(old) else "nieuw")


def _replace_toc(ws: Workspace, ins: ReplaceElement, targets: list[Target]) -> None:
    entries = toc_texts(ins.content)
    first = targets[0].element
    parent, index = first.getparent(), first.getparent().index(first)
    for target in targets:
        parent.remove(target.element)
    for offset, text in enumerate(entries):
        parent.insert(index + offset, make_toc_entry(text))
    ws.touch(parent)


def insert_element(ws: Workspace, ins: InsertElement, targets: list[Target]) -> None:
    """«Na artikel 95 wordt ingevoegd …», «Aan het zesde lid wordt een volzin toegevoegd»."""
    for target in targets:
        if target.kind in ("toc-entry", "inhoudsopgave"):
            _insert_toc(ws, ins, target)
        elif _is_volzin_insert(ins, target):
            _insert_volzin(ws, ins, target)
        else:
            _insert_blocks(ws, ins, target)


def _is_volzin_insert(ins: InsertElement, target: Target) -> bool:
    if ins.element == "volzin" or target.kind == "volzin":
        return True
    plain = all(line.kind == "text" for line in ins.content.lines)
    return plain and target.kind in ("lid", "onderdeel") and not ins.element


def _insert_volzin(ws: Workspace, ins: InsertElement, target: Target) -> None:
    text = " ".join(_plain_texts(ins.content))
    if target.kind == "volzin":
        slot = _single_slot(target)
        at = slot.end if ins.position != "before" else slot.start
        ws.edit(slot.element, T.insert(ws.text(slot.element), at, text))
        return
    holder = target.element
    count = len(_volzin_count(holder))
    if ins.number and ins.number.isdigit() and int(ins.number) != count + 1:
        raise NumberTaken(f"{target.label} has {count} volzin(nen); a new volzin "
                          f"{ins.number} does not follow on")
    alineas = [c for c in holder if is_al(c) or is_lijst(c)]
    if ins.position == "end" and alineas and is_al(alineas[-1]):
        last = alineas[-1]
        ws.edit(last, T.insert(ws.text(last), len(ws.text(last)), text))
    elif ins.position == "end":
        holder.append(make_al(text))
        ws.touch(holder)
    else:
        raise ApplyError(f"inserting a volzin at the {ins.position} of {target.label} "
                         f"is not supported")


def _volzin_count(holder) -> list:
    return V.volzinnen_of_parts([(al_text(el), li) for el, li in text_parts(holder)])


def _insert_toc(ws: Workspace, ins: InsertElement, target: Target) -> None:
    entries = [make_toc_entry(text) for text in toc_texts(ins.content)]
    if target.kind == "inhoudsopgave":
        parent = target.element
        index = len(parent) if ins.position == "end" else 0
    else:
        parent = target.element.getparent()
        index = parent.index(target.element) + (ins.position != "before")
    for offset, el in enumerate(entries):
        parent.insert(index + offset, el)
    ws.touch(parent)


def _insert_blocks(ws: Workspace, ins: InsertElement, target: Target) -> None:
    new = build(ins.content, default_kind=ins.element or "", default_number=ins.number)
    if not new:
        raise ApplyError("the instruction gives no content to insert")
    parent, index = _insertion_point(ws, ins, target, new[0])
    _check_numbers(ws, parent, new, replaced=[])
    for offset, el in enumerate(new):
        parent.insert(index + offset, el)
        ws.touch(el, "nieuw")
    for el in new:
        if is_heading(el):
            _adopt_following(el)


def _insertion_point(ws: Workspace, ins: InsertElement, target: Target, first):
    """(parent, index) where the new elements go."""
    anchor = target.owner if target.kind == "opschrift" else target.element
    if ins.position in ("end", "start"):
        holder = _holder_for(anchor, first)
        kids = [c for c in holder if c.tag == first.tag]
        if ins.position == "start":
            return holder, holder.index(kids[0]) if kids else _content_start(holder)
        return holder, (holder.index(kids[-1]) + 1) if kids else len(holder)
    if is_heading(first) and is_heading(anchor.getparent()) and \
            anchor.getparent().tag == first.tag and is_artikel(anchor):
        anchor = anchor.getparent()  # a § after an article of a §: after that §
    parent = anchor.getparent()
    return parent, parent.index(anchor) + (ins.position != "before")


def _holder_for(anchor, first):
    """Where a new lid/li goes «aan het eind van» anchor: the artikel, or the list."""
    if is_li(first):
        lists = [c for c in anchor if is_lijst(c)]
        if lists:
            return lists[-1]
        lijst = make_lijst()
        anchor.append(lijst)
        return lijst
    return anchor


def _content_start(holder) -> int:
    return len([c for c in holder if c.tag in ("kop", "lidnr", "li.nr", "meta-data")])


def _adopt_following(heading) -> None:
    """Articles after a new heading in the same container now fall under it."""
    while heading.getnext() is not None and is_artikel(heading.getnext()):
        heading.append(heading.getnext())


def _number_of(el) -> str:
    if is_artikel(el):
        return artikel_number(el)
    if is_lid(el):
        return lid_number(el)
    if is_li(el):
        return item_label(el)
    return heading_info(el).nr if is_heading(el) else ""


def _check_numbers(ws: Workspace, parent, new: list, replaced: list) -> None:
    """NumberTaken when a new element's number is already used (replaced ones excepted)."""
    for el in new:
        number, taken = _number_of(el), None
        if is_artikel(el):
            taken = ws.index.find(number) if ws.index is not None else \
                [a for a in iter_articles(ws.tree) if artikel_number(a) == number]
        elif is_lid(el) or is_li(el) or is_heading(el):
            taken = [c for c in parent if c.tag == el.tag and _number_of(c) == number
                     and not (is_heading(c) and is_repealed(c))]
        taken = [c for c in taken or [] if not any(c is r for r in replaced)]
        if number and taken:
            raise NumberTaken(f"{_kind_name(el)} {number} already exists"
                              + (f" in artikel {artikel_number(parent)}"
                                 if is_artikel(parent) else ""))


def _kind_name(el) -> str:
    if is_heading(el):
        return heading_info(el).kind
    return {"artikel": "artikel", "lid": "lid", "li": "onderdeel"}.get(el.tag, el.tag)


def renumber(ws: Workspace, ins: Renumber, targets: list[Target]) -> None:
    """«onder vernummering van het derde tot en met vijfde lid tot …»: all at once."""
    if len(ins.new_numbers) != len(targets):
        raise ApplyError(f"{len(targets)} elements to renumber but {len(ins.new_numbers)} "
                         f"new numbers")
    moving = [t.element for t in targets]
    for target, number in zip(targets, ins.new_numbers):
        _clear_number(ws, target, number, moving)
    for target, number in zip(targets, ins.new_numbers):
        _set_number(target.element, number)
        ws.touch(target.element)


def _clear_number(ws: Workspace, target: Target, number: str, moving: list) -> None:
    """A repealed holder of the number goes; a live one is NumberTaken."""
    el = target.element
    for other in list(el.getparent()):
        if other.tag != el.tag or any(other is m for m in moving) or _number_of(other) != number:
            continue
        if not is_repealed(other):
            raise NumberTaken(f"{target.label} cannot become {number}: "
                              f"{_kind_name(other)} {number} exists")
        other.getparent().remove(other)


def _set_number(el, number: str) -> None:
    if is_lid(el):
        el.find("lidnr").text = number
    elif is_li(el):
        old = li_label(el)
        el.find("li.nr").text = number + old[len(old.rstrip(".)")):]
    elif is_artikel(el) or is_heading(el):
        nr = el.find("kop/nr")
        if nr is None:
            raise ApplyError("renumbering an element without a kop/nr is not supported")
        nr.text = number
    else:
        raise ApplyError(f"renumbering a {el.tag} is not supported")


APPLY: dict[type, Callable] = {
    ReplaceWords: replace_words, ReplaceAfter: replace_after, DeleteWords: delete_words,
    InsertWords: insert_words, ReplacePunctuation: replace_punctuation,
    DeletePunctuation: delete_punctuation, DeleteLabel: delete_label,
    DeleteElement: delete_element, ReplaceElement: replace_element,
    InsertElement: insert_element, Renumber: renumber,
}


# --------------------------------------------------------------------------- content → XML


HEADING_WORDS = {"hoofdstuk": "Hoofdstuk", "titel": "Titel", "afdeling": "Afdeling",
                 "paragraaf": "§", "subparagraaf": "§"}


def toc_texts(content: Content) -> list[str]:
    """Inhoudsopgave entries from quoted content.

    The full stop after the last entry closes the instruction sentence, as after a
    colon payload, and is not part of the entry: the act writes «Artikel 86.
    (vervallen).» but also «Artikel 105e. … school» without one, and entries of an
    inhoudsopgave carry no closing full stop."""
    out = []
    for line in content.lines:
        if line.kind == "artikel":
            out.append(f"Artikel {line.label}. {line.text}".strip())
        elif line.kind == "heading":
            word = HEADING_WORDS.get(line.heading_kind, line.heading_kind.capitalize())
            out.append(f"{word} {line.label}. {line.text}".strip())
        else:
            out.append(line.text)
    if out and out[-1].endswith("."):
        out[-1] = out[-1][:-1]
    return out


def _li_label(label: str) -> str:
    return label if label.endswith((".", ")")) else label + "."


@dataclass
class _Builder:
    """Turns content lines into BWB elements, tracking the open article, lid and lists."""

    default_kind: str = ""
    default_number: str = ""
    top: list = field(default_factory=list)
    heading: object = None
    artikel: object = None
    lid: object = None
    lists: list = field(default_factory=list)

    def add(self, line: ContentLine) -> None:
        getattr(self, "_" + line.kind, self._unknown)(line)

    def _unknown(self, line: ContentLine) -> None:
        raise ApplyError(f"content of kind {line.kind!r} cannot be placed in a law")

    def _place(self, el, holder) -> None:
        (holder.append(el) if holder is not None else self.top.append(el))

    def _heading(self, line: ContentLine) -> None:
        self.heading = make_heading(line.heading_kind or "paragraaf", line.label, line.text)
        self.top.append(self.heading)
        self.artikel = self.lid = None

    def _artikel(self, line: ContentLine) -> None:
        self._close()
        self.artikel = make_artikel(line.label, line.text)
        self._place(self.artikel, self.heading)
        self.lid, self.lists = None, []

    def _lid(self, line: ContentLine) -> None:
        self.lid = make_lid(line.label or self.default_number, [line.text] if line.text else [])
        self._place(self.lid, self.artikel)
        self.lists = []

    def _item(self, line: ContentLine) -> None:
        level = max(1, line.level)
        del self.lists[level - 1:]
        li = make_li(_li_label(line.label), line.text)
        if len(self.lists) < level:
            holder = self.lists[-1][1] if self.lists else (self.lid if self.lid is not None
                                                           else self.artikel)
            if holder is not None and len(self.lists) < level - 1:
                raise ApplyError(f"list item {line.label} (line {line.span.line}) is at level "
                                 f"{level}, but no item of level {level - 1} comes before it")
            lijst = make_lijst()
            self._place(lijst, holder)
            if holder is None:  # bare items: the caller wants li elements
                self.top.remove(lijst)
                self.top.append(li)
                self.lists.append([lijst, li])
                return
            self.lists.append([lijst, li])
        self.lists[level - 1][0].append(li)
        self.lists[level - 1][1] = li

    def _text(self, line: ContentLine) -> None:
        holder = self.lid if self.lid is not None else self.artikel
        if holder is None and self.default_kind == "lid":
            self._lid(ContentLine("lid", line.text, self.default_number))
            return
        self._place(make_al(line.text), holder)
        self.lists = []

    def _close(self) -> None:
        if self.artikel is not None:
            ensure_content(self.artikel)

    def result(self) -> list:
        self._close()
        return self.top


def build(content: Content, default_kind: str = "", default_number: str = "") -> list:
    """BWB elements for quoted content: articles (in a § when a heading leads),
    leden, list items or alineas, as the lines say.

    A text without a lid label replacing a lid becomes that lid
    (``default_kind="lid"``, ``default_number`` its number).
    """
    builder = _Builder(default_kind, default_number)
    for line in content.lines:
        builder.add(line)
    return builder.result()
