"""Apply an act's instructions to a law: a new BWB tree, the input untouched.

``apply_articles(tree, articles, source_label)`` runs every instruction sentence of
the given ARTIKELEN in order; ``dispatch.APPLY`` maps each instruction class to its
handler (``words``, ``labels``, ``elements``), which edits the sentence's ``Workspace``.

Rules the apply stage implements (each has a test in tests/test_apply.py):

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
from typing import Callable, Iterable, Optional

from consolidator import collector
from consolidator.apply.dispatch import APPLY, POSTCONDITIONS
from consolidator.apply.labels import finish_labels
from consolidator.apply.renumbering import Renumbering
from consolidator.apply.resolve import Target, resolve
from consolidator.apply.workspace import Workspace
from consolidator.errors import ApplyError, LawFormatError, underline
from consolidator.law.artindex import ArticleIndex
from consolidator.law.elements import is_artikel, root_of, wettekst
from consolidator.law.history import ChangeList
from consolidator.model import (
    Act, Article, InsertElement, Instruction, Onderdeel, Renumber, ReplaceElement, Sentence,
)

# --------------------------------------------------------------------------- entry points


def apply_act(tree, act: Act, article_numbers: Optional[Iterable[str]] = None, date=None):
    """Apply the amending ARTIKELEN of ``act`` (those in ``article_numbers`` if given)."""
    wanted = set(article_numbers) if article_numbers is not None else None
    articles = [a for a in act.articles if a.onderdelen and a.kind == "amend"
                and (wanted is None or a.number in wanted)]
    label = f"Stb. {act.stb}" if act.stb else act.title
    return apply_articles(tree, articles, source_label=label, date=date)


def apply_articles(tree, articles: Iterable[Article], source_label: str,
                   date: Optional[_dt.date] = None, in_place: bool = False):
    """A new tree with every instruction of ``articles`` applied, in order.

    The input tree is not changed, unless ``in_place`` (for a caller that has no
    further use for it: a copy of a large law costs as much memory again, and an
    error leaves the tree half changed). The first instruction that does not fit
    raises an ``ApplyError`` (``TargetNotFound``, ``AmbiguousTarget``,
    ``NumberTaken``) naming act, place, line/column, target and reason: an act
    with a failing instruction is refused whole.
    """
    return apply_counting(tree, articles, source_label, date, in_place)[0]


def apply_counting(tree, articles: Iterable[Article], source_label: str,
                   date: Optional[_dt.date] = None, in_place: bool = False):
    """``apply_articles``, and how many elements the instructions changed (0: the
    articles changed nothing)."""
    new = tree if in_place else copy.deepcopy(tree)
    index, log = ArticleIndex(new), ChangeList(root_of(new))
    outer = _outer_elements(new)  # noqa: F841 (held, not read)
    changes = 0
    # the change list open: its entries appended at the end (or on an error), all at once
    with collector.paused(), log:  # what applying makes is freed by reference counting
        for onderdeel in _onderdelen(articles):
            renumbering = Renumbering()
            for sentence in onderdeel.all_sentences:
                changes += apply_sentence(new, sentence, source_label, date, index, renumbering,
                                          changes=log)
            _refuse(renumbering.gaps(new), source_label)
        # the index's thousands of entries freed while the collector is off, so that
        # its first pass after does not trace them only to find no garbage
        index.invalidate()
    return new, changes


def check_articles(tree, articles: Iterable[Article], source_label: str,
                   date: Optional[_dt.date] = None) -> list[ApplyError]:
    """Every error of every sentence (a failing sentence is skipped, the rest go on)."""
    work, errors = copy.deepcopy(tree), []
    index, log = ArticleIndex(work), ChangeList(root_of(work))
    outer = _outer_elements(work)  # noqa: F841 (held, not read)
    with log:  # its entries appended at the end, all at once
        for onderdeel in _onderdelen(articles):
            renumbering = Renumbering()
            for sentence in onderdeel.all_sentences:
                try:
                    apply_sentence(work, sentence, source_label, date, index, renumbering,
                                   changes=log)
                except ApplyError as exc:
                    errors.append(exc)
            try:
                _refuse(renumbering.gaps(work), source_label)
            except ApplyError as exc:
                errors.append(exc)
    return errors


def _outer_elements(tree) -> list:
    """The law's elements above its body (root, wetgeving, wet-besluit, wettekst), for the
    caller to hold while it applies: lxml makes an element's Python object anew each time a
    walk meets it while no object is alive (and frees it after), and every changed element's
    walk up to the root (``workspace._owner_in``) passes them. Holding them changes nothing."""
    try:
        body = wettekst(tree)
    except LawFormatError:  # no body: nothing above one to hold
        return []
    return [body, *body.iterancestors()]


def _onderdelen(articles: Iterable[Article]) -> Iterable[Onderdeel]:
    for article in articles:
        yield from article.onderdelen


def _refuse(found, source_label: str) -> None:
    """Raise what a ``Renumbering`` found, located at the renumbering."""
    if found is not None:
        message, ins, sentence = found
        raise _located(ApplyError(message), ins, sentence, source_label)


def apply_sentence(tree, sentence: Sentence, source_label: str = "", date=None,
                   index: Optional[ArticleIndex] = None,
                   renumbering: Optional[Renumbering] = None,
                   observe: Optional[Callable] = None,
                   changes: Optional[ChangeList] = None) -> int:
    """Resolve every target of the sentence first, then apply in order (in place);
    the number of elements changed.

    ``renumbering`` collects the groups the sentence renumbers, for the caller to judge
    their gaps when the onderdeel ends; without it they are judged at the sentence's end.

    ``index`` is an ``ArticleIndex`` of ``tree`` kept across sentences; it is
    dropped after a sentence that may have added, replaced or renumbered articles.
    ``observe(ws, instruction, targets)``, if given, is called just before each
    instruction is applied (the checker counts matches there); it must not change
    the tree. ``changes``: the law's change list kept across sentences (looked up once).
    """
    ws = Workspace(tree, source_label, date, index, changes)
    current = None
    try:
        plans = []
        for current in sentence.instructions:
            plans.append((current, _resolve_all(ws, current)))
        own = renumbering is None
        renumbering = Renumbering() if own else renumbering
        renumbering.note(plans, sentence)
        for current, targets in plans:
            ws.instruction = current
            if observe is not None:
                observe(ws, current, targets)
            _apply_checked(ws, current, targets, index)
        if ws.unlabelled_items or ws.unnumbered_leden:  # the usual sentence removes no label
            finish_labels(ws)  # the end of the sentence: fold lists, unnumber leden
        ws.record_history()
    except ApplyError as exc:
        raise _located(exc, current, sentence, source_label) from None
    doubles = renumbering.doubles(tree)
    if doubles is not None:
        _refuse(doubles, source_label)
    if own:
        _refuse(renumbering.gaps(tree), source_label)
    return len(ws.changed) + len(ws.repealed)


def _apply_checked(ws: Workspace, ins: Instruction, targets: list[Target],
                   index: Optional[ArticleIndex]) -> None:
    """The instruction's handler, between the two halves of its postcondition."""
    kind = type(ins)
    check = POSTCONDITIONS[kind]
    state = check.before(ws, ins, targets)
    try:
        APPLY[kind](ws, ins, targets)
    finally:
        ws.release_texts()  # what ``check.before`` lent the handler: the check reads anew
        if index is not None and isinstance(ins, _MAY_CHANGE_ARTICLES):  # most change none
            _update_index(index, ws, ins, targets)
    check.after(ws, ins, targets, state)


def _update_index(index: ArticleIndex, ws: "Workspace", ins: Instruction,
                  targets: list[Target]) -> None:
    """Keep the index of articles true: new articles are added; anything else that
    may replace or renumber articles drops it (rebuilt on next use)."""
    if not isinstance(ins, _MAY_CHANGE_ARTICLES) or not _may_change_articles(ins, targets):
        return
    headings = any(line.kind == "heading" for line in getattr(ins, "content").lines) \
        if hasattr(ins, "content") else True
    if isinstance(ins, InsertElement) and not headings:
        for el, effect, _ in ws.changed:
            if effect == "nieuw" and is_artikel(el):
                index.add(el)
        return
    index.invalidate()


_MAY_CHANGE_ARTICLES = (InsertElement, ReplaceElement, Renumber)  # the only kinds that may


def _may_change_articles(ins: Instruction, targets: list[Target]) -> bool:
    """Whether an instruction may add, replace or renumber articles (so the index
    of articles by number must be rebuilt)."""
    if not isinstance(ins, _MAY_CHANGE_ARTICLES):
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
    tree, index, articles = ws.tree, ws.index, ws.articles
    targets = []
    for locator in ins.targets:
        targets.append(resolve(tree, locator, allow, index, articles))
    for target in targets:
        if target.slots:  # a volzin's: the others have none
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
