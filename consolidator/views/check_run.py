"""One law in the drafter's check: the act's sentences applied to a copy of it, as
``apply`` does (each sentence sees the effect of the earlier ones; a failing sentence is
reported and skipped), and the problems collected.

``LawRun`` applies a sentence and records errors (``run_dated`` feeds it the parts in
force on a date, other acts' too); ``Watch``, called before each instruction, runs the
warnings that need the text the instruction meets (``check_words``, ``check_numbering``);
after each sentence the run looks for new articles and headings out of order
(``check_order``), and at the end at the inhoudsopgave (``check_toc``).
"""
from __future__ import annotations

import copy
import datetime as _dt
from typing import Iterable

from consolidator.apply.renumbering import Renumbering
from consolidator.apply.sentences import apply_sentence
from consolidator.errors import ApplyError, TargetNotFound
from consolidator.law.elements import artikel_number
from consolidator.law.toestand import toestand_date
from consolidator.law.artindex import ArticleIndex, number_key
from consolidator.model import (
    Act, Article, DeleteElement, InsertElement, Instruction, Place, Renumber, ReplaceElement,
    Sentence, Span,
)
from consolidator.store.versions import LawInput
from consolidator.time.timeline import Event, act_label
from consolidator.views.check_numbering import note_groups, warn_new_gaps
from consolidator.views.check_order import warn_new_articles, warn_new_headings
from consolidator.views.check_report import ERROR, WARNING, Problem, error_kind, problem
from consolidator.views.check_snapshot import Headings, articles, headings, toc
from consolidator.views.check_toc import names_toc, note_entries_changed, warn_toc
from consolidator.views.check_words import artikel_of, quoted_words, warn_words, warn_words_near

_STRUCTURAL = (InsertElement, ReplaceElement, DeleteElement, Renumber)


def sentences(amending: Iterable[Article]) -> Iterable[Sentence]:
    """The amendment sentences of ARTIKELEN, in order."""
    for article in amending:
        for onderdeel in article.onderdelen:
            yield from onderdeel.all_sentences


class LawRun:
    """The act's sentences applied to a copy of one law, problems collected."""

    def __init__(self, act: Act, law: LawInput):
        self.act = act
        self.law = law
        self.tree = copy.deepcopy(law.tree)
        self.index = ArticleIndex(self.tree)
        self.problems: list[Problem] = []
        self.articles_before = articles(self.tree)
        self.toc_before = toc(self.tree)
        self.touched: dict = {}  # article number key → (span, place) of the act's last change
        self.toc_touched: dict = {}  # the same for the act's changes to inhoudsopgave entries
        self.broken = False  # another act's change failed (dated runs)
        # the gaps a renumbering leaves are judged when its onderdeel ends (apply.renumbering)
        self.renumbering, self.onderdeel = Renumbering(), None

    def _next_onderdeel(self, sentence: Sentence, label: str, own: bool) -> None:
        place = sentence.instructions[0].place if sentence.instructions else Place()
        key = (label, place.article, place.onderdeel, own)
        if key != self.onderdeel:
            self.end_onderdeel()
            self.renumbering, self.onderdeel = Renumbering(), key

    def end_onderdeel(self) -> None:
        """The onderdeel is done: a gap its renumberings left is an error of this act's."""
        if self.onderdeel is None or not self.onderdeel[3]:
            return
        found = self.renumbering.gaps(self.tree)
        if found is not None:
            message, ins, sentence = found
            exc = ApplyError(f"{ins.place}: {message}" if str(ins.place) else message,
                             line=ins.span.line, column=ins.span.column)
            exc.place, exc.reason, exc.instruction = ins.place, message, ins
            self._error_from(exc, sentence)
        self.onderdeel = None

    def sentence(self, sentence: Sentence, label: str, date, own: bool) -> None:
        """Apply one sentence; for this act's own, collect its problems."""
        watch = Watch(self, own)
        self._next_onderdeel(sentence, label, own)
        structural = own and any(isinstance(i, _STRUCTURAL) for i in sentence.instructions)
        before = articles(self.tree) if structural else None
        headings_before = headings(self.tree) if structural else None
        toc_before = toc(self.tree) if own and names_toc(sentence) else None
        try:
            apply_sentence(self.tree, sentence, label, date, self.index, self.renumbering,
                           observe=watch)
        except ApplyError as exc:
            if own:
                self._error_from(exc, sentence)
                watch.after_failure(exc)
            elif not self.broken:
                self.broken = True
                self.warn("other-act-fails", f"{label} does not apply to {self.law.law_id} "
                          f"on {date} ({exc.message}): the text this act meets may be off",
                          Span(0, 0), Place())
            return
        if not own:
            return
        watch.after_success()
        if toc_before is not None:
            note_entries_changed(toc_before, toc(self.tree), sentence.instructions[0],
                                 self.toc_touched)
        if structural:
            self._after_structural(before, headings_before, sentence.instructions[0])

    def _after_structural(self, before: dict, headings_before: Headings,
                          ins: Instruction) -> None:
        """After a sentence that may add, repeal or rename articles or headings: note
        the articles changed, warn of new ones out of order."""
        after = articles(self.tree)
        changed = [key for key in after.keys() | before.keys()
                   if before.get(key) != after.get(key)]
        for key in changed:
            self.touched[key] = (ins.span, ins.place)
        warn_new_articles(self.tree, before, after, changed, ins, self.warn)
        warn_new_headings(self.tree, headings_before, ins, self.warn)

    def _error_from(self, exc: ApplyError, sentence: Sentence) -> None:
        ins = getattr(exc, "instruction", None)
        place = getattr(exc, "place", None) or (ins.place if ins else Place())
        span = Span(exc.line, exc.column) if exc.line else sentence.span
        self.problems.append(problem(ERROR, error_kind(exc), getattr(exc, "reason", exc.message),
                                     span, place, self.law.law_id))

    def warn(self, kind: str, message: str, span: Span, place: Place) -> None:
        self.problems.append(problem(WARNING, kind, message, span, place, self.law.law_id))

    def touch(self, el, ins: Instruction) -> None:
        """Note the article of ``el`` as changed by ``ins`` (for the inhoudsopgave)."""
        artikel = artikel_of(el)
        if artikel is not None:
            self.touched[number_key(artikel_number(artikel))] = (ins.span, ins.place)

    def finish(self) -> list[Problem]:
        """The problems, with the inhoudsopgave checked against the articles the act
        inserted, repealed, renamed, and the entries it wrote."""
        self.end_onderdeel()
        warn_toc(self.tree, self.articles_before, self.toc_before, self.touched,
                 self.toc_touched, self.warn)
        return self.problems


def run_dated(run: LawRun, events: list[Event], date: _dt.date, notes: list) -> None:
    """The events in force on ``date`` applied by ``run``, in order: this act's and the
    other acts' (whose failures only warn that the text this act meets may be off)."""
    base = toestand_date(run.tree)
    started = False
    for event in events:
        own = event.act is run.act
        if event.valid_from > date:
            if own:
                notes.append(f"{run.law.law_id}: {event.label} is not in force on {date} "
                             f"(from {event.valid_from}): not checked")
            continue
        if base is not None and event.valid_from <= base:
            if own:
                run.warn("before-base", f"takes effect on {event.valid_from}, not after "
                         f"the date of the corpus text of {run.law.law_id} ({base}): "
                     "not checked (the text may already have it)",
                     _first_span(event.article), _first_place(event.article))
            continue
        if own and not started:  # the text this act meets: what its changes compare with
            started = True
            run.articles_before, run.toc_before = articles(run.tree), toc(run.tree)
        for sentence in sentences([event.article]):
            run.sentence(sentence, act_label(event.act), event.valid_from, own=own)


def _first_span(article: Article) -> Span:
    found = list(sentences([article]))
    return found[0].span if found else article.span


def _first_place(article: Article) -> Place:
    instructions = article.instructions
    return instructions[0].place if instructions else Place(article.number)


class Watch:
    """Called by ``apply_sentence`` before each instruction: counts the quoted words
    in each target as the handler will see them (``telkens-once``,
    ``words-elsewhere``) and notes the lists and articles whose numbering it may
    change (``numbering-gap``)."""

    def __init__(self, run: LawRun, own: bool):
        self.run = run
        self.own = own
        self.seen: set[int] = set()
        self.groups: list = []  # (container, tag, missing numbers before, instruction)

    def __call__(self, ws, ins: Instruction, targets: list) -> None:
        self.seen.add(id(ins))
        if not self.own:
            return
        for target in targets:
            self.run.touch(target.owner if target.owner is not None else target.element, ins)
        quoted = quoted_words(ins)
        if quoted is not None:
            warn_words(ws, ins, targets, *quoted, warn=self.run.warn)
        if isinstance(ins, (Renumber, InsertElement, ReplaceElement)):
            note_groups(self.groups, targets, ins)

    def after_failure(self, exc: ApplyError) -> None:
        """A target that could not be found: are the words in the article anyway?"""
        ins = getattr(exc, "instruction", None)
        if ins is None or id(ins) in self.seen or not isinstance(exc, TargetNotFound):
            return
        warn_words_near(self.run.tree, self.run.index, ins, self.run.warn)

    def after_success(self) -> None:
        warn_new_gaps(self.run.tree, self.groups, self.run.warn)
