"""A drafter's check of an amending act against the laws it changes.

``check_file(act_path, corpus)`` (or ``check_act`` on a parsed act) returns
``Problem``s: every instruction that will not apply (all of them, not the
first) and what is legal but suspicious, each with its line, column and place in
the act. Rendering is the command's job (``cli_check``).

How: the act is read in collecting mode (``act.parse_act(errors=…)``: a
sentence that cannot be read is reported and the rest is still read). Each
corpus law that the act changes is then worked through as ``apply`` does: the
act's instructions in order, each sentence seeing the effect of the earlier
ones; a failing sentence is reported and skipped, and the rest go on. With a
date, only the parts in force on that date are applied, in the order
``timeline.plan`` gives (the other corpus acts in force by then included, so the
act meets the text it will meet).

Errors (``severity`` «error»; the act will not apply as it stands):

* ``syntax``: a sentence (or the act) cannot be read.
* ``not-found``, ``ambiguous``, ``number-taken``, ``not-applied``: an
  instruction that does not fit the law (``apply``'s own errors and reasons).
* ``entry-into-force``: the entry-into-force article gives one part two dates,
  or (with a date) the dates cannot be decided.

Warnings (``severity`` «warning»; legal, but a drafter wants to look):

* ``words-elsewhere``: the quoted words are not in the lid (onderdeel, volzin,
  opschrift) named, but elsewhere in the same article (or, if not there, in
  another article); says where.
* ``telkens-once``: «telkens» for words that occur only once in the target.
* ``toc-not-updated``: the law has an inhoudsopgave and an article is inserted,
  repealed or given a new opschrift, but its entry is not added or changed.
* ``toc-mismatch``: an entry the act writes for a live article does not read
  «Artikel N. <its opschrift>»; ``toc-orphan``: an entry the act writes for an
  article the law does not have.
* ``out-of-order``: an inserted article (or heading) is out of numeric order
  with its neighbours.
* ``numbering-gap``: after an instruction that inserts or renumbers leden or
  onderdelen, their numbering has a gap it did not have before.
* ``no-date``: the entry-into-force article names no date for a part of the act;
  ``no-entry-into-force``: the act has none; ``entry-into-force-part``: it names
  a part the act does not have; ``entry-into-force-unread``: it cannot be read
  by this tool.
* ``law-not-in-corpus``: an ARTIKEL changes a regulation the corpus does not
  hold (misspelt name?): its instructions are not checked.
* ``before-base``: (with a date) a part takes effect on or before the date of
  the corpus base text, so it cannot be checked against it; ``other-act-fails``:
  (with a date) another corpus act in force earlier does not apply, so the text
  this act meets may be off.
"""
from __future__ import annotations

import copy
import datetime as _dt
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from consolidator.read import iwtrules
from consolidator.law import lawxml as X
from consolidator.apply import textedit as T
from consolidator.apply import volzin as V
from consolidator.read.act import parse_act_file
from consolidator.apply.actedit import amend_article
from consolidator.apply.edits import apply_sentence, slots_of
from consolidator.law.artindex import ArticleIndex, number_key
from consolidator.store.corpus import law_input
from consolidator.errors import (
    ActSyntaxError, AmbiguousTarget, ApplyError, ConsolidatorError, NumberTaken,
    TargetNotFound, TimeError,
)
from consolidator.time.facts import ActFact, load_facts
from consolidator.model import (
    Act, Article, DeleteElement, DeleteWords, InsertElement, InsertWords, Instruction,
    Locator, Onderdeel, Place, Renumber, ReplaceAfter, ReplaceElement, ReplaceWords, Sentence, Span,
)
from consolidator.numbers import roman_to_int
from consolidator.apply.resolve import item_label, resolve, text_parts
from consolidator.read.select import articles_for
from consolidator.time.timeline import Event, RuleCache, act_key, act_label, plan, refers_to
from consolidator.store.versions import LawInput

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. ``line``/``column`` are 1-based positions in the act (0 when the
    finding is about the act as a whole); ``artikel``, ``onderdeel``, ``punt`` and
    ``subpunt`` its place in the act; ``law`` the id of the law it concerns."""

    severity: str
    kind: str
    message: str
    line: int = 0
    column: int = 0
    artikel: str = ""
    onderdeel: str = ""
    punt: str = ""
    subpunt: str = ""
    law: str = ""

    @property
    def place(self) -> str:
        """«ARTIKEL I, onderdeel D, punt 2»."""
        parts = [f"ARTIKEL {self.artikel}"] if self.artikel else []
        for word, value in (("onderdeel", self.onderdeel), ("punt", self.punt),
                            ("subpunt", self.subpunt)):
            if value:
                parts.append(f"{word} {value}")
        return ", ".join(parts)

    def as_json(self) -> dict:
        data = asdict(self)
        data["place"] = self.place
        return data


def _problem(severity: str, kind: str, message: str, span: Optional[Span] = None,
             place: Optional[Place] = None, law: str = "") -> Problem:
    span = span or Span(0, 0)
    place = place or Place()
    return Problem(severity, kind, message, span.line, span.column, place.article,
                   place.onderdeel, place.punt, place.subpunt, law)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In the order of the act; at one position errors first."""
    return sorted(problems, key=lambda p: (p.line or 10 ** 9, p.column,
                                           p.severity != ERROR, p.kind, p.law, p.message))


# --------------------------------------------------------------------------- entry points


def check_file(act_path: str | Path, corpus: str | Path = "corpus",
               date: Optional[_dt.date] = None,
               notes: Optional[list] = None) -> list[Problem]:
    """Every problem of the act in ``act_path`` against the laws of ``corpus``
    (``<corpus>/<law>/base.xml``; with ``date`` also its acts and facts.toml).
    ``notes`` (a list) receives what was not checked and why."""
    corpus = Path(corpus)
    syntax: list[ActSyntaxError] = []
    try:
        act = parse_act_file(act_path, errors=syntax)
    except ActSyntaxError as exc:  # the act's structure itself: nothing more to check
        return [_syntax_problem(exc)]
    problems = [_syntax_problem(exc) for exc in syntax]
    laws = load_laws(corpus)
    facts = load_facts(corpus / "facts.toml") if date is not None else []
    acts = [parse_act_file(path) for path in sorted((corpus / "acts").glob("*.txt"))
            if path.resolve() != Path(act_path).resolve()]
    problems += check_act(act, laws, date=date, acts=acts, facts=facts, notes=notes)
    return sort_problems(problems)


def load_laws(corpus: Path) -> list[LawInput]:
    paths = sorted(corpus.glob("*/base.xml"))
    if not paths:
        raise ConsolidatorError(f"no laws found (expected {corpus}/<law>/base.xml)")
    return [law_input(path, path.parent.name) for path in paths]


def check_act(act: Act, laws: list[LawInput], date: Optional[_dt.date] = None,
              acts: Iterable[Act] = (), facts: Iterable[ActFact] = (),
              notes: Optional[list] = None) -> list[Problem]:
    """The problems of ``act`` (already parsed) against ``laws``.

    Without ``date`` every amending instruction is applied to the base texts, in
    order. With it, the parts in force on ``date`` by ``timeline.plan`` over
    ``acts`` (other acts: decrees, later amendments of the entry-into-force article,
    earlier changes to the same laws) and ``facts``."""
    notes = notes if notes is not None else []
    others = [a for a in acts if act_key(a) != act_key(act)]
    problems = _entry_into_force(act) + _coverage(act, laws, others, notes, dated=date is not None)
    cache = RuleCache()
    for law in laws:
        articles = articles_for(act, set(law.names))
        if not articles:
            continue
        run = _LawRun(act, law)
        if date is None:
            for sentence in _sentences(articles):
                run.sentence(sentence, act_label(act), None, own=True)
        else:
            try:
                found = plan(set(law.names), others + [act], list(facts), cache=cache)
            except TimeError as exc:
                problems.append(Problem(ERROR, "entry-into-force", exc.message, exc.line,
                                        exc.column, law=law.law_id))
                continue
            run.dated(found.events, date, notes)
            notes.extend(n for n in found.notes if n.startswith(act_label(act)) and n not in notes)
        problems += run.finish()
    return sort_problems(problems)


def _sentences(articles: Iterable[Article]) -> Iterable[Sentence]:
    for article in articles:
        for onderdeel in article.onderdelen:
            yield from onderdeel.all_sentences


def _syntax_problem(exc: ActSyntaxError) -> Problem:
    return _problem(ERROR, "syntax", exc.message, Span(exc.line, exc.column),
                    getattr(exc, "place", None))


# --------------------------------------------------------------------------- one law


_KINDS = ((NumberTaken, "number-taken"), (AmbiguousTarget, "ambiguous"),
          (TargetNotFound, "not-found"))
_STRUCTURAL = (InsertElement, ReplaceElement, DeleteElement, Renumber)


@dataclass
class _Article:
    number: str
    live: bool
    opschrift: str


class _LawRun:
    """The act's sentences applied to a copy of one law, problems collected."""

    def __init__(self, act: Act, law: LawInput):
        self.act = act
        self.law = law
        self.tree = copy.deepcopy(law.tree)
        self.index = ArticleIndex(self.tree)
        self.problems: list[Problem] = []
        self.articles_before = _articles(self.tree)
        self.toc_before = _toc(self.tree)
        self.touched: dict = {}  # article number key → (span, place) of the act's last change
        self.toc_touched: dict = {}  # the same for the act's changes to inhoudsopgave entries
        self.broken = False  # another act's change failed (dated runs)

    # -- the dated run

    def dated(self, events: list[Event], date: _dt.date, notes: list) -> None:
        base = X.toestand_date(self.tree)
        started = False
        for event in events:
            own = event.act is self.act
            if event.valid_from > date:
                if own:
                    notes.append(f"{self.law.law_id}: {event.label} is not in force on {date} "
                                 f"(from {event.valid_from}): not checked")
                continue
            if base is not None and event.valid_from <= base:
                if own:
                    self._warn("before-base", f"takes effect on {event.valid_from}, not after "
                               f"the date of the corpus text of {self.law.law_id} ({base}): "
                               "not checked (the text may already have it)",
                               _first_span(event.article), _first_place(event.article))
                continue
            if own and not started:  # the text this act meets: what its changes compare with
                started = True
                self.articles_before, self.toc_before = _articles(self.tree), _toc(self.tree)
            for sentence in _sentences([event.article]):
                self.sentence(sentence, act_label(event.act), event.valid_from, own=own)

    # -- one sentence

    def sentence(self, sentence: Sentence, label: str, date, own: bool) -> None:
        watch = _Watch(self, own)
        structural = own and any(isinstance(i, _STRUCTURAL) for i in sentence.instructions)
        before = _articles(self.tree) if structural else None
        headings = _headings(self.tree) if structural else None
        toc = _toc(self.tree) if own and _names_toc(sentence) else None
        try:
            apply_sentence(self.tree, sentence, label, date, self.index, observe=watch)
        except ApplyError as exc:
            if own:
                self._error_from(exc, sentence)
                watch.after_failure(exc)
            elif not self.broken:
                self.broken = True
                self._warn("other-act-fails", f"{label} does not apply to {self.law.law_id} "
                           f"on {date} ({exc.message}): the text this act meets may be off",
                           Span(0, 0), Place())
            return
        if not own:
            return
        watch.after_success()
        if toc is not None:
            ins = sentence.instructions[0]
            after = _toc(self.tree)
            for key in after.keys() | toc.keys():
                if after.get(key) != toc.get(key):
                    self.toc_touched[key] = (ins.span, ins.place)
        if structural:
            self._new_articles(before, sentence)
            self._new_headings(headings, sentence)

    def _error_from(self, exc: ApplyError, sentence: Sentence) -> None:
        kind = next((k for cls, k in _KINDS if isinstance(exc, cls)), "not-applied")
        ins = getattr(exc, "instruction", None)
        place = getattr(exc, "place", None) or (ins.place if ins else Place())
        span = Span(exc.line, exc.column) if exc.line else sentence.span
        self.problems.append(_problem(ERROR, kind, getattr(exc, "reason", exc.message), span,
                                      place, self.law.law_id))

    def _warn(self, kind: str, message: str, span: Span, place: Place) -> None:
        self.problems.append(_problem(WARNING, kind, message, span, place, self.law.law_id))

    def touch(self, el, ins: Instruction) -> None:
        artikel = _artikel_of(el)
        if artikel is not None:
            self.touched[number_key(X.artikel_number(artikel))] = (ins.span, ins.place)

    # -- after a sentence that may add articles or headings

    def _new_articles(self, before: dict, sentence: Sentence) -> None:
        after = _articles(self.tree)
        ins = sentence.instructions[0]
        changed = [key for key in after.keys() | before.keys()
                   if before.get(key) != after.get(key)]
        for key in changed:
            self.touched[key] = (ins.span, ins.place)
        new = [key for key in changed if after.get(key) and after[key].live
               and not (before.get(key) and before[key].live)]
        if not new:
            return
        articles = list(X.iter_articles(self.tree))
        for n, el in enumerate(articles):
            if number_key(X.artikel_number(el)) in new and not X.is_repealed(el):
                self._order(el, articles[n - 1] if n else None,
                            articles[n + 1] if n + 1 < len(articles) else None,
                            X.artikel_number, "artikel", ins)

    def _new_headings(self, before: set, sentence: Sentence) -> None:
        ins = sentence.instructions[0]
        for el in X.wettekst(self.tree).iter():
            if not X.is_heading(el) or id(el) in before or _heading_key(el) in before:
                continue
            parent = el.getparent()
            same = [c for c in parent if c.tag == el.tag]
            n = same.index(el)
            self._order(el, same[n - 1] if n else None, same[n + 1] if n + 1 < len(same) else None,
                        lambda h: X.heading_info(h).nr, X.heading_info(el).kind, ins)

    def _order(self, el, prev, nxt, number: Callable, what: str, ins: Instruction) -> None:
        nr = number(el)
        for other, word, ok in ((prev, "after", lambda a, b: a < b),
                                (nxt, "before", lambda a, b: b < a)):
            if other is None:
                continue
            mine, theirs = order_key(nr), order_key(number(other))
            if mine is None or theirs is None or len(mine) == 0 or mine[0][0] != theirs[0][0]:
                continue
            if not ok(theirs, mine):
                self._warn("out-of-order", f"{what} {nr} is placed {word} {what} "
                           f"{number(other)}: out of numeric order", ins.span, ins.place)

    # -- at the end: the inhoudsopgave

    def finish(self) -> list[Problem]:
        """The inhoudsopgave against the articles the act inserted, repealed, renamed,
        and the entries it wrote."""
        if X.toc_element(self.tree) is None:
            return self.problems
        after, toc = _articles(self.tree), _toc(self.tree)
        for key in list(self.touched) + [k for k in self.toc_touched if k not in self.touched]:
            old, new = self.articles_before.get(key), after.get(key)
            was, now = bool(old and old.live), bool(new and new.live)
            entry_old, entry_new = self.toc_before.get(key), toc.get(key)
            span, place = self.touched.get(key) or self.toc_touched[key]
            entry_span, entry_place = self.toc_touched.get(key, (span, place))
            renamed = was and now and old.opschrift != new.opschrift
            if new is None and entry_new is not None and entry_new != entry_old:
                self._warn("toc-orphan", f"the inhoudsopgave gets the entry «{entry_new}», but "
                           "the law has no such article", entry_span, entry_place)
            elif now and not was and entry_new is None:
                self._warn("toc-not-updated", f"artikel {new.number} is new, but the "
                           "inhoudsopgave has no entry for it", span, place)
            elif was and not now and entry_old is not None and entry_new == entry_old:
                self._warn("toc-not-updated", f"artikel {old.number} is repealed, but its "
                           f"entry in the inhoudsopgave still reads «{entry_old}»", span, place)
            elif renamed and entry_old is not None and entry_new == entry_old:
                self._warn("toc-not-updated", f"the opschrift of artikel {new.number} now "
                           f"reads «{new.opschrift}», but its entry in the inhoudsopgave "
                           f"still reads «{entry_old}»", span, place)
            elif now and entry_new is not None and entry_new != entry_old and new.opschrift \
                    and _norm(entry_new) != _norm(f"Artikel {new.number}. {new.opschrift}"):
                self._warn("toc-mismatch", f"the entry of artikel {new.number} in the "
                           f"inhoudsopgave reads «{entry_new}», the article's opschrift "
                           f"«{new.opschrift}»", entry_span, entry_place)
        return self.problems


def _names_toc(sentence: Sentence) -> bool:
    return any(step.kind in ("inhoudsopgave", "toc-entry") for ins in sentence.instructions
               for loc in ins.targets for step in loc.steps)


def _first_span(article: Article) -> Span:
    sentences = list(_sentences([article]))
    return sentences[0].span if sentences else article.span


def _first_place(article: Article) -> Place:
    instructions = article.instructions
    return instructions[0].place if instructions else Place(article.number)


# --------------------------------------------------------------------------- per instruction


class _Watch:
    """Called by ``apply_sentence`` before each instruction: counts the quoted words
    in each target as the handler will see them (``telkens-once``,
    ``words-elsewhere``) and notes the lists and articles whose numbering it may
    change (``numbering-gap``)."""

    def __init__(self, run: _LawRun, own: bool):
        self.run = run
        self.own = own
        self.seen: set[int] = set()
        self.groups: list = []  # (container, tag, missing numbers before)

    def __call__(self, ws, ins: Instruction, targets: list) -> None:
        self.seen.add(id(ins))
        if not self.own:
            return
        for target in targets:
            self.run.touch(target.owner if target.owner is not None else target.element, ins)
        quoted = _quoted(ins)
        if quoted is not None:
            self._words(ws, ins, targets, *quoted)
        if isinstance(ins, (Renumber, InsertElement, ReplaceElement)):
            for target in targets:
                for container, tag in _numbered_groups(target.element):
                    if not any(container is g[0] and tag == g[1] for g in self.groups):
                        self.groups.append((container, tag, _gaps(container, tag), ins))

    def _words(self, ws, ins, targets, words: str, finder: Callable, telkens: bool) -> None:
        counts = []
        for target in targets:
            try:
                slots = slots_of(ws, target)
            except ApplyError:
                return  # the handler will say why
            counts.append(sum(len(finder(ws.text(s.element), s.start, s.end)) for s in slots))
        if telkens and counts and min(counts) >= 1 and sum(counts) == 1:
            self.run._warn("telkens-once", f"«telkens», but «{words}» occurs only once in "
                           f"{targets[0].label}", ins.span, ins.place)
        for target, count in zip(targets, counts):
            if count == 0:
                where = _elsewhere(ws.tree, target, words, finder)
                if where:
                    self.run._warn("words-elsewhere", f"«{words}» is not in {target.label}, "
                                   f"but occurs in {where}", ins.span, ins.place)

    def after_failure(self, exc: ApplyError) -> None:
        """A target that could not be found: are the words in the article anyway?"""
        ins = getattr(exc, "instruction", None)
        if ins is None or id(ins) in self.seen or not isinstance(exc, TargetNotFound):
            return
        quoted = _quoted(ins)
        if quoted is None:
            return
        words, finder, _ = quoted
        for locator in ins.targets:
            where = _elsewhere_of_locator(self.run.tree, self.run.index, locator, words, finder)
            if where:
                self.run._warn("words-elsewhere", f"«{words}»: {locator} is not there, but the "
                               f"words occur in {where}", ins.span, ins.place)

    def after_success(self) -> None:
        for container, tag, gaps_before, ins in self.groups:
            root = self.run.tree.getroot()
            if not any(a is root for a in container.iterancestors()):
                continue  # replaced by the sentence
            new = [n for n in _gaps(container, tag) if n not in gaps_before]
            if new:
                word = "lid" if tag == "lid" else "onderdeel"
                self.run._warn("numbering-gap", f"{_label_of(container)} now has "
                               f"{_plural(word)} {', '.join(_numbers(container, tag))}: no "
                               f"{word} {', '.join(new)}", ins.span, ins.place)


def _quoted(ins: Instruction):
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


# --------------------------------------------------------------------------- words elsewhere


def _artikel_of(el):
    for node in [el, *el.iterancestors()]:
        if X.is_artikel(node):
            return node
    return None


def _regions(artikel) -> list:
    """The texts of an article: its opschrift, then its alineas (repealed parts left out)."""
    titel = artikel.find("kop/titel")
    return ([titel] if titel is not None else []) + [el for el, _ in text_parts(artikel)]


def _elsewhere(tree, target, words: str, finder: Callable, limit: int = 3) -> str:
    """Where the words occur outside the target: in its article, else in the law."""
    artikel = _artikel_of(target.owner if target.owner is not None else target.element)
    inside = [(s.element, s.start, s.end) for s in (target.slots or [])]
    if not inside and target.kind in ("artikel", "lid", "onderdeel"):
        inside = [(el, 0, len(X.al_text(el))) for el, _ in text_parts(target.element)]
    elif not inside:
        inside = [(target.element, 0, len(X.al_text(target.element)))]
    if artikel is not None:
        found = [(el, s, e) for el in _regions(artikel)
                 for s, e in finder(X.al_text(el), 0, len(X.al_text(el)))
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
             for s, e in finder(X.al_text(el), 0, len(X.al_text(el)))]
    return _places(found, artikel, None, 3) if found else ""


def _in_law(tree, words: str, finder: Callable, skip, limit: int) -> str:
    """Where the words are in other articles, if in at most two (a distinctive phrase,
    so probably the article meant); common words give no hint."""
    found, articles = [], 0
    for artikel in X.iter_articles(tree):
        if artikel is skip or X.is_repealed(artikel):
            continue
        here = [(el, s, e) for el in _regions(artikel)
                for s, e in finder(X.al_text(el), 0, len(X.al_text(el)))]
        articles += bool(here)
        if articles > 2:
            return ""
        found += here
    return _places(found, None, None, limit) if found else ""


def _places(found: list, artikel, target, limit: int) -> str:
    described = []
    for el, s, e in found[:limit]:
        where = _describe(el, artikel, target, s)
        described.append(f"{where} («{T.context(X.al_text(el), s, e, 25)}»)")
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    return "; ".join(described) + more


def _describe(el, artikel, target, start: int) -> str:
    """«lid 3, onderdeel b of artikel 5» (without the artikel when it is the target's own)."""
    home = _artikel_of(el)
    names = [f"artikel {X.artikel_number(home)}"] if home is not None and home is not artikel \
        else []
    for node in reversed([el, *el.iterancestors()]):
        if node.tag == "kop":
            names.append("the opschrift")
            break
        if X.is_lid(node):
            names.append(f"lid {X.lid_number(node)}")
        elif X.is_li(node):
            names.append(f"onderdeel {item_label(node)}")
    holder = target.element if target is not None and target.kind == "volzin" else None
    if holder is not None and any(a is holder for a in [el, *el.iterancestors()]):
        number = _volzin_number(holder, el, start)
        if number:
            names.append(f"volzin {number}")
    return ", ".join(names) if names else "the text"


def _volzin_number(holder, el, start: int) -> int:
    parts = text_parts(holder)
    sentences = V.volzinnen_of_parts([(X.al_text(p), in_list) for p, in_list in parts])
    for n, pieces in enumerate(sentences, start=1):
        if any(parts[p.part][0] is el and p.start <= start < max(p.end, p.start + 1)
               for p in pieces):
            return n
    return 0


# --------------------------------------------------------------------------- numbering


def _numbered_groups(el) -> list:
    """(container, tag) whose children's numbers an instruction on el may change:
    the leden of its article, the items of the lists in and around it."""
    groups = []
    for node in (el, el.getparent(), el.getparent().getparent() if el.getparent() is not None
                 else None):
        if node is None:
            continue
        if X.is_artikel(node):
            groups.append((node, "lid"))
        if X.is_lijst(node):
            groups.append((node, "li"))
        groups += [(c, "li") for c in node if X.is_lijst(c)]
    return groups


def _numbers(container, tag: str) -> list[str]:
    if tag == "lid":
        return [X.lid_number(c) for c in container if X.is_lid(c) and X.lid_number(c)]
    return [item_label(c) for c in container if X.is_li(c) and item_label(c)]


def _gaps(container, tag: str) -> list[str]:
    """Numbers missing from 1 (or a) up to the highest plain number of the group."""
    values, letters = set(), None
    for label in _numbers(container, tag):
        if re.fullmatch(r"\d+°?", label):
            values.add(int(label.rstrip("°")))
            letters = False if letters is None else letters
        elif re.fullmatch(r"[a-z]", label):
            values.add(ord(label) - ord("a") + 1)
            letters = True if letters is None else letters
    if not values:
        return []
    missing = sorted(set(range(1, max(values) + 1)) - values)
    return [chr(ord("a") + n - 1) if letters else str(n) for n in missing]


def _label_of(container) -> str:
    parts = []
    for node in reversed([container, *container.iterancestors()]):
        if X.is_artikel(node):
            parts.append(f"artikel {X.artikel_number(node)}")
        elif X.is_lid(node):
            parts.append(f"lid {X.lid_number(node)}")
        elif X.is_li(node):
            parts.append(f"onderdeel {item_label(node)}")
    return ", ".join(parts) or "the list"


def _plural(word: str) -> str:
    return {"lid": "leden", "onderdeel": "onderdelen"}[word]


# --------------------------------------------------------------------------- order


_ROMAN_RE = re.compile(r"[IVXLC]+")


def order_key(number: str) -> Optional[tuple]:
    """A sort key for article and heading numbers: «95» < «95a» < «95a1» < «95b» <
    «96»; «E 24» < «E 24a»; «1.1» < «1.2» < «2.1»; roman numerals by value. None
    for an empty number."""
    tokens = re.findall(r"\d+|[A-Za-z]+", number)
    if not tokens:
        return None
    key = []
    for n, token in enumerate(tokens):
        if token.isdigit():
            key.append((0, int(token)))
        elif n == 0 and _ROMAN_RE.fullmatch(token):
            key.append((0, roman_to_int(token)))
        else:
            key.append((1, token.lower()))
    return tuple(key)


def _articles(tree) -> dict:
    """number key → _Article (a live one wins over a repealed one of the same number)."""
    found: dict = {}
    for el in X.iter_articles(tree):
        key = number_key(X.artikel_number(el))
        live = not X.is_repealed(el)
        if key not in found or (live and not found[key].live):
            found[key] = _Article(X.artikel_number(el), live, _norm(X.artikel_titel(el)))
    return found


def _heading_key(el) -> tuple:
    info = X.heading_info(el)
    return (el.tag, info.nr, tuple(X.heading_info(a).nr for a in el.iterancestors()
                                   if X.is_heading(a)))


def _headings(tree) -> set:
    """Identity and (kind, number, parents) of every heading: a new heading is one
    with neither (a replaced heading keeps its number)."""
    found = set()
    for el in X.wettekst(tree).iter():
        if X.is_heading(el):
            found.add(id(el))
            found.add(_heading_key(el))
    return found


# --------------------------------------------------------------------------- inhoudsopgave


_TOC_ARTICLE = re.compile(r"^Artikel\s+(.+?)\.?(?:\s|$)")


def _toc(tree) -> dict:
    """article number key → the text of its entry in the inhoudsopgave."""
    found = {}
    for text in X.toc_entries(tree):
        match = re.match(r"^Artikel\s+(.+?)\.(?:\s|$)", text) or _TOC_ARTICLE.match(text)
        if match:
            found.setdefault(number_key(match.group(1)), text)
    return found


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()


# --------------------------------------------------------------------------- the act itself


def _coverage(act: Act, laws: list[LawInput], acts: list[Act], notes: list,
              dated: bool = False) -> list[Problem]:
    """Amending ARTIKELEN whose regulation is not in the corpus (warnings), ARTIKELEN
    that change another act of the corpus (checked on that act's text), and
    samenloop ARTIKELEN (notes: their branch depends on other acts' dates)."""
    names = set().union(*(set(law.names) for law in laws)) if laws else set()
    problems = []
    for article in act.articles:
        if article.kind == "samenloop" and not dated:  # with a date, ``plan`` decides them
            notes.append(f"ARTIKEL {article.number} (samenloop) is not checked: which branch "
                         "applies depends on when other acts take effect")
            continue
        if article.kind != "amend" or article.law is None or article.law.kind == "this-act":
            continue
        if articles_for(Act(act.title, (article,)), names):
            continue  # checked against the law
        other = next((a for a in acts if refers_to(article.law, a)), None)
        if other is not None:
            problems += _act_edits(article, other, act_label(act), notes)
        else:
            span = article.law.span if article.law.span.line else article.span
            problems.append(_problem(WARNING, "law-not-in-corpus",
                                     f"ARTIKEL {article.number} changes «{article.law.name}», "
                                     "which is not in the corpus: its instructions are not "
                                     "checked", span, Place(article.number)))
    return problems


def _act_edits(article: Article, other: Act, label: str, notes: list) -> list[Problem]:
    """An ARTIKEL that changes non-amending ARTIKELEN of another corpus act (its
    entry-into-force article, say): each sentence applied to that article's text
    as ``timeline`` will (``actedit``), failures reported and skipped."""
    problems, current = [], {}
    for sentence in _sentences([article]):
        ins = sentence.instructions[0]
        number = next((step.number for loc in ins.targets for step in loc.steps
                       if step.kind in ("artikel", "act-artikel")), "")
        target = current.get(number) or next(
            (a for a in other.articles if _same(a.number, number, "artikel")), None)
        if target is None:
            problems.append(_problem(ERROR, "not-found", f"{act_label(other)} has no ARTIKEL "
                                     f"{number or '(none named)'}", ins.span, ins.place))
            continue
        if target.kind in ("amend", "samenloop"):
            notes.append(f"{ins.place}: changes the instructions of {act_label(other)}, "
                         f"ARTIKEL {target.number}: not checked")
            continue
        single = replace(article, onderdelen=(Onderdeel(label="", sentences=(sentence,)),))
        try:
            current[number] = amend_article(target, single, label)
        except ApplyError as exc:
            kind = next((k for cls, k in _KINDS if isinstance(exc, cls)), "not-applied")
            span = Span(exc.line, exc.column) if exc.line else sentence.span
            problems.append(_problem(ERROR, kind, getattr(exc, "reason", exc.message), span,
                                     getattr(exc, "place", None) or ins.place,
                                     act_label(other)))
    return problems


def _entry_into_force(act: Act) -> list[Problem]:
    """The act's entry-into-force article against the act's own parts."""
    iwt_articles = [a for a in act.articles if a.kind == "entry-into-force"]
    parts = [p for p in _parts(act)]
    if not parts:
        return []
    try:
        rules = RuleCache().own(act)
    except (ActSyntaxError, TimeError) as exc:
        span = Span(exc.line, exc.column) if exc.line else \
            (iwt_articles[0].span if iwt_articles else Span(0, 0))
        return [_problem(WARNING, "entry-into-force-unread", "the entry-into-force article "
                         f"cannot be read by this tool, so no dates are checked: {exc.message}",
                         span)]
    if not rules.rules:
        return [_problem(WARNING, "no-entry-into-force", "the act has no entry-into-force "
                         "article: no part of it can be dated", act.articles[0].span)]
    problems = []
    for part, span, place in parts:
        try:
            entry = rules.entry(part, act.published)
        except TimeError as exc:
            problems.append(_problem(ERROR, "entry-into-force", exc.message, span, place))
            continue
        if entry.pending == iwtrules.NO_PROVISION:
            problems.append(_problem(WARNING, "no-date", f"the entry-into-force article names "
                                     f"no date for {_part_label(part)}", span, place))
    where = iwt_articles[0] if iwt_articles else None
    for rule in rules.rules + rules.retro:
        for ref in rule.scope.include + rule.scope.exclude:
            for part in (ref.first, ref.last):
                if part is not None and not _part_exists(act, part):
                    problems.append(_problem(
                        WARNING, "entry-into-force-part", f"the entry-into-force article "
                        f"names {_part_label(part)}, which this act does not have",
                        where.span if where else Span(0, 0),
                        Place(where.number) if where else Place()))
    return _unique(problems)


def _parts(act: Act) -> list[tuple]:
    """(iwtrules.Part, span, place) for every part that needs a date: amending ARTIKELEN per
    punt where an onderdeel has punten, else per onderdeel; other ARTIKELEN whole."""
    found = []
    for article in act.articles:
        if article.kind == "entry-into-force":
            continue
        if article.kind != "amend" or not article.onderdelen:
            found.append((iwtrules.Part(article.number), article.span, Place(article.number)))
            continue
        for onderdeel in article.onderdelen:
            place = Place(article.number, onderdeel.label)
            if not onderdeel.items or onderdeel.sentences:
                found.append((iwtrules.Part(article.number, onderdeel.label), onderdeel.span,
                              place))
            for item in onderdeel.items:
                found.append((iwtrules.Part(article.number, onderdeel.label, item.label), item.span,
                              Place(article.number, onderdeel.label, item.label)))
    return found


def _part_label(part: iwtrules.Part) -> str:
    text = f"ARTIKEL {part.artikel}"
    text += f", onderdeel {part.onderdeel}" if part.onderdeel else ""
    return text + (f", punt {part.punt}" if part.punt else "")


def _part_exists(act: Act, part: iwtrules.Part) -> bool:
    if _elided(act, part.artikel):
        return True  # an excerpt leaves it out; it may well exist
    article = next((a for a in act.articles if _same(a.number, part.artikel, "artikel")), None)
    if article is None or not part.onderdeel:
        return article is not None
    onderdeel = next((o for o in article.onderdelen
                      if _same(o.label, part.onderdeel, "onderdeel")), None)
    if onderdeel is None or not part.punt:
        return onderdeel is not None
    return any(_same(i.label, part.punt, "punt") for i in onderdeel.items)


def _elided(act: Act, number: str) -> bool:
    """Whether an excerpt marks ARTIKEL ``number`` as left out («[ARTIKELEN XXII tot en
    met LV niet opgenomen]»)."""
    for first, last in act.elided:
        try:
            if iwtrules.label_key(first, "artikel") <= iwtrules.label_key(number, "artikel") \
                    <= iwtrules.label_key(last, "artikel"):
                return True
        except ValueError:
            continue
    return False


def _same(label: str, wanted: str, level: str) -> bool:
    try:
        return iwtrules.label_key(label, level) == iwtrules.label_key(wanted, level)
    except ValueError:
        return label.strip().lower() == wanted.strip().lower()


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
