"""A drafter's check of an amending act against the laws it changes.

``check_file(act_path, corpus)`` (or ``check_act`` on a parsed act) returns
``Problem``s: every instruction that will not apply (all of them, not the
first) and what is legal but suspicious, each with its line, column and place in
the act; ``check_report`` renders them.

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
* ``not-a-date``: a date in the act that no calendar has («31 februari 2026»).
* ``law-name``: an ARTIKEL changes a regulation whose name is a slip away from a law's
  («did you mean «Wet op het basisonderwijs»?»); its instructions are not checked.
* ``nothing-checked``: none of the regulations the act changes is known.

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

``check_store_file`` checks against the version store instead (``check_store``): each law
as in force on the act's own date, as known before the act's publication.

The parts: ``check_report`` (the findings and their rendering), ``check_run`` (one law),
``check_store`` (the text an act meets in the store),
``check_words``, ``check_toc``, ``check_order``, ``check_numbering`` (the warnings about the
text an instruction meets), ``check_inforce`` (the entry-into-force article) and
``check_coverage`` (ARTIKELEN not checked against a corpus law).
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Iterable, Optional

from consolidator.errors import ActSyntaxError, TimeError
from consolidator.model import Act, Span
from consolidator.read.act import parse_act_file
from consolidator.read.select import articles_for
from consolidator.store.corpus import base_texts, law_input
from consolidator.store.versions import LawInput
from consolidator.time.facts import ActFact, load_facts
from consolidator.time.timeline import RuleCache, act_key, act_label, plan
from consolidator.views.check_coverage import coverage, nothing_checked
from consolidator.views.check_inforce import entry_into_force, impossible_dates_in
from consolidator.views.check_report import ERROR, Problem, problem, sort_problems
from consolidator.views.check_run import LawRun, run_dated, sentences
from consolidator.views.check_store import Meeting, meet, run_law


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
        return [syntax_problem(exc)]
    problems = [syntax_problem(exc) for exc in syntax]
    laws = load_laws(corpus)
    facts = load_facts(corpus / "facts.toml") if date is not None else []
    acts = [parse_act_file(path) for path in sorted((corpus / "acts").glob("*.txt"))
            if path.resolve() != Path(act_path).resolve()]
    problems += check_act(act, laws, date=date, acts=acts, facts=facts, notes=notes)
    return sort_problems(problems)


def load_laws(corpus: Path) -> list[LawInput]:
    return [law_input(path, path.parent.name) for path in base_texts(corpus)]


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
    problems = entry_into_force(act) + impossible_dates_in(act) + \
        coverage(act, laws, others, notes, dated=date is not None)
    problems += nothing_checked(act, laws, others, problems)
    cache = RuleCache()
    for law in laws:
        articles = articles_for(act, set(law.names))
        if not articles:
            continue
        run = LawRun(act, law)
        if date is None:
            for sentence in sentences(articles):
                run.sentence(sentence, act_label(act), None, own=True)
        else:
            try:
                found = plan(set(law.names), others + [act], list(facts), cache=cache)
            except TimeError as exc:
                problems.append(Problem(ERROR, "entry-into-force", exc.message, exc.line,
                                        exc.column, law=law.law_id))
                continue
            run_dated(run, found.events, date, notes)
            notes.extend(n for n in found.notes if n.startswith(act_label(act)) and n not in notes)
        problems += run.finish()
    return sort_problems(problems)


def check_store_file(act_path: str | Path, store_path: str | Path,
                     date: Optional[_dt.date] = None, facts: Iterable[ActFact] = (),
                     notes: Optional[list] = None,
                     today: Optional[_dt.date] = None) -> list[Problem]:
    """Every problem of the act in ``act_path`` against the laws of the version store at
    ``store_path``, as in force on ``date`` (default: the act's own date) as known before
    the act's publication (``check_store``); the store is only read. ``facts``: about
    acts the store does not hold (samenloop, tied dates)."""
    notes = notes if notes is not None else []
    syntax: list[ActSyntaxError] = []
    try:
        act = parse_act_file(act_path, errors=syntax)
    except ActSyntaxError as exc:
        return [syntax_problem(exc)]
    meeting = meet(Path(store_path), act, date, facts, today)
    if meeting.laws:
        notes.append(f"checked against {meeting.store}: the law in force on {meeting.date}, "
                     f"{meeting.known_words}")
    else:
        notes.append(f"checked against {meeting.store}, {meeting.known_words}: no part of "
                     "the act changes a law of the store on its date")
    problems = [syntax_problem(exc) for exc in syntax] + check_meeting(meeting)
    notes.extend(meeting.notes)
    return sort_problems(problems)


def check_meeting(meeting: Meeting, runs: Optional[list[LawRun]] = None) -> list[Problem]:
    """The problems of the act against the laws as it meets them in the store; ``runs``:
    the act already applied to each of ``meeting.laws`` (``run_law``), else done here."""
    act = meeting.act
    problems = entry_into_force(act) + impossible_dates_in(act) + meeting.problems
    problems += coverage(act, meeting.catalogue, meeting.others, meeting.notes, dated=True,
                         where="store", titles=meeting.titles)
    problems += nothing_checked(act, meeting.catalogue, meeting.others, problems, "store")
    for run in runs if runs is not None else [run_law(meeting, law) for law in meeting.laws]:
        problems += run.finish()
    return problems


def syntax_problem(exc: ActSyntaxError) -> Problem:
    return problem(ERROR, "syntax", exc.message, Span(exc.line, exc.column),
                   getattr(exc, "place", None))
