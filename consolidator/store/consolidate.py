"""The main job: every law of a corpus, every version, into one store; crash-safe.

The acts' timing is settled once (``Settled``). Each corpus law that must be built is built
into a store file of its own (``lawtasks``: in this process, in worker processes with
``jobs > 1``, or on a Dask cluster), then the parent merges them, in law order, into the
new store and loads the official BWB histories. Merging in a fixed order makes the result
the same for any number of jobs and any executor. A store the previous run left is built
on (``previous``, ``inputs``): a law whose inputs did not change keeps its rows, one whose
acts changed is rebuilt from the earliest knowledge date they changed on. Nothing is
visible until everything succeeded:
the new store is written under a staging name beside the store, the output folder
is staged beside its place, and both are put in place together (``publish``). The
store is locked for writing the whole time (``lock``). A killed run leaves the old
store and output, or the new ones, or a journal from which the next run finishes
putting them in place; its staged files are removed by the next run.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from consolidator import faults
from consolidator.outputs import make_dir, staging_folder, sweep
from consolidator.ownership import OutputPlan, mark, plan_output
from consolidator.store import inputs, publish
from consolidator.store.actstore import build_acts
from consolidator.store.bwbimport import import_history
from consolidator.store.corpus import Corpus, load_corpus
from consolidator.store.db import Store
from consolidator.store.latest import write_latest
from consolidator.store.lawtasks import Build, LawTask, run_tasks
from consolidator.store.lock import StoreLock
from consolidator.store.previous import Previous, copy_store, open_previous, seed
from consolidator.time.settle import Settled


@dataclass(frozen=True)
class Summary:
    laws: int
    acts: int
    histories: int
    versions: int


def consolidate(corpus: Path, output: Path, store_path: Path, jobs: int = 1,
                notify: Callable[[str], None] = lambda message: None, force: bool = False,
                wait: bool = False, build: Optional[Build] = None, full: bool = False) -> Summary:
    """Fill ``store_path`` and ``output`` from ``corpus``; all or nothing. ``force``: write
    beside files in ``output`` the engine did not write (only its own are replaced);
    ``wait``: wait for another writer of the store instead of refusing; ``build``: how to
    build the laws (default: ``jobs`` processes); ``full``: build every law anew, whatever
    the store holds."""
    plan = plan_output(output, "latest", store=store_path, inputs=[corpus], force=force)
    loaded = load_corpus(corpus)  # every input read and checked before any work
    for note in plan.notes:
        notify(note)
    make_dir(store_path.parent)
    with StoreLock(store_path, wait, notify):
        faults.step("consolidate:locked")
        publish.settle(store_path, notify, locked=True)
        for message in publish.remove_leftovers(store_path) + sweep(plan.output.parent):
            notify(message)
        versions = _run(corpus, loaded, plan, store_path, build or Build(jobs), full, notify)
    return Summary(len(loaded.laws), len(loaded.acts), len(loaded.histories), versions)


@dataclass
class _Work:
    """What this run does: the settled acts, each law's inputs and from when it is built
    (None: kept), the official histories to load, and the store it builds on."""

    loaded: Corpus
    settled: Settled
    previous: Optional[Previous]
    laws: list[tuple[list[inputs.Input], Optional[str]]]
    histories: list[tuple[Path, list[inputs.Input], bool]]


def _run(corpus: Path, loaded: Corpus, plan: OutputPlan, store_path: Path, build: Build,
         full: bool, notify) -> int:
    """Build, stage and publish; on any failure before publishing, remove what was staged."""
    work = staging_folder(plan.output, "consolidate")
    partial = publish.partial_path(store_path)
    previous = None
    try:
        previous = open_previous(store_path, full, notify)
        todo = _plan(loaded, previous, notify)
        parts = _build_laws(corpus, todo, work, build, notify)
        faults.step("consolidate:parts")
        staging = work / "output"
        make_dir(staging)
        versions = _fill(partial, parts, todo, staging, plan.output, notify)
        faults.step("consolidate:staged")
        digest = publish.file_sha256(partial)
        mark(staging, "latest", digest)
        where = [os.path.abspath(p) for p in (store_path, partial, work, staging, plan.output)]
        publish.publish(publish.Publication(*where, digest, plan.force, os.getpid()))
        return versions
    finally:
        if previous is not None:
            previous.close()
        if not publish.journal_path(store_path).exists():  # else the next run finishes it
            for stale in (partial, partial.with_name(partial.name + "-journal")):
                stale.unlink(missing_ok=True)
            shutil.rmtree(work, ignore_errors=True)


def _plan(loaded: Corpus, previous: Optional[Previous], notify) -> _Work:
    """Each law's inputs now and from when it must be built; each history's inputs and
    whether it must be loaded."""
    settled = Settled(loaded.acts, loaded.facts)
    facts = loaded.root / "facts.toml"
    facts_sha = inputs.sha256(facts.read_bytes()) if facts.exists() else ""
    old = previous.inputs if previous else {}
    laws = []
    for law in loaded.laws:
        found = inputs.law_inputs(law, Path(law.path).read_bytes(), settled, facts_sha,
                                  loaded.root)
        laws.append((found, inputs.changes(old.get(law.law_id), found)
                     if previous else inputs.WHOLE))
    histories = []
    for folder in loaded.histories:
        found = inputs.history_inputs(folder, loaded.root)
        kept = previous is not None and any(set(rows) == set(found) for rows in old.values())
        histories.append((folder, found, not kept))
    if previous is not None:
        kept = sum(since is None for _, since in laws)
        notify(f"{kept} of {len(laws)} law(s) kept as built: their inputs did not change")
    return _Work(loaded, settled, previous, laws, histories)


def _build_laws(corpus: Path, todo: _Work, work: Path, build: Build, notify) -> list[Path]:
    """A part for each law to build (seeded from the previous store when it goes on from
    a date); the parts in law order."""
    tasks = []
    for n, (law, (_, since)) in enumerate(zip(todo.loaded.laws, todo.laws)):
        if since is None:
            continue
        part = work / f"{n:05d}.sqlite"
        if since != inputs.WHOLE:
            notify(f"{law.law_id}: rebuilt {inputs.since_label(since)} (its acts changed)")
            seed(todo.previous, law.law_id, since, part)
        elif todo.previous is not None:
            notify(f"{law.law_id}: built whole (new, or its base text or the facts changed)")
        tasks.append(LawTask(n, str(part), since))
    run_tasks(tasks, corpus, todo.loaded, todo.settled, build, notify)
    return [Path(task.part) for task in tasks]


def _fill(partial: Path, parts: list[Path], todo: _Work, staging: Path, output: Path,
          notify) -> int:
    """The new store from the previous one's kept rows, the parts and the histories; the
    latest texts from it (``output``: where the previous run put them)."""
    if todo.previous is not None:
        store = copy_store(todo.previous, partial)
    else:
        store = Store(partial, create=True, scratch=True)
    try:
        inputs.create_table(store)
        _drop_rebuilt(store, todo)
        for part in parts:
            store.merge_from(part)
        _load_histories(store, todo, notify)
        kept = {law.law_id: todo.previous.inputs.get(law.law_id, [])
                for law, (_, since) in zip(todo.loaded.laws, todo.laws) if since is None}
        written = write_latest(store, todo.loaded.laws, staging, kept,
                               output if todo.previous is not None else None)
        _record_inputs(store, todo, written)
        build_acts(store, todo.loaded.acts, todo.loaded.facts, todo.settled)
        inputs.set_fingerprint(store)
        store.sync()
        faults.step("consolidate:merged")
        return store.count_versions()
    finally:
        store.close()


def _drop_rebuilt(store: Store, todo: _Work) -> None:
    """From a copy of the previous store: the rows of every law built anew, of laws and
    histories no longer in the corpus, and of the acts (they are stored anew)."""
    if todo.previous is None:
        return
    keep = {law.law_id for law, (_, since) in zip(todo.loaded.laws, todo.laws) if since is None}
    kept_histories = [rows for _, rows, load in todo.histories if not load]
    with store.transaction():
        for law_id, rows in todo.previous.inputs.items():
            if law_id in keep or any(set(rows) == set(k) for k in kept_histories):
                continue
            store.delete_law(law_id)
            store.db.execute("DELETE FROM law_input WHERE law = ?", (law_id,))
        for law_id, _ in store.laws():
            if law_id not in todo.previous.inputs:  # loaded by hand (import-bwb)
                store.delete_law(law_id)
        for table in ("act_version", "act"):
            if store.query("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,))[0][0]:
                store.db.execute(f"DELETE FROM {table}")


def _load_histories(store: Store, todo: _Work, notify) -> None:
    root = todo.loaded.root
    for folder, _, load in todo.histories:
        if load:
            import_history(store, folder, notify, source=folder.relative_to(root).as_posix())


def _record_inputs(store: Store, todo: _Work, written: dict) -> None:
    """What each law built was built from and the latest files written of it (a kept law's
    rows stay: its files are the same bytes)."""
    with store.transaction():
        for law, (rows, since) in zip(todo.loaded.laws, todo.laws):
            if since is not None:
                inputs.write_inputs(store, law.law_id, rows + written[law.law_id])
        for folder, rows, load in todo.histories:
            if load:
                law_id = store.query("SELECT id FROM law WHERE source = ?",
                                     (folder.relative_to(todo.loaded.root).as_posix(),))
                inputs.write_inputs(store, law_id[0][0], rows)
