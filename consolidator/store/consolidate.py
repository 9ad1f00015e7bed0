"""The main job: every law of a corpus, every version, into one store; crash-safe.

Each corpus law is built into a store file of its own (in worker processes with
``jobs > 1``), then the parent merges them, in law order, into a new store and
loads the official BWB histories. Merging in a fixed order makes the result the
same for any number of jobs. Nothing is visible until everything succeeded:
the new store is written under a staging name beside the store, the output folder
is staged beside its place, and both are put in place together (``publish``). The
store is locked for writing the whole time (``lock``). A killed run leaves the old
store and output, or the new ones, or a journal from which the next run finishes
putting them in place; its staged files are removed by the next run.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from consolidator import faults
from consolidator.law import lawtext

from consolidator.law.lawfile import parse_law, write_law
from consolidator.outputs import make_dir, staging_folder, sweep, write_text
from consolidator.ownership import OutputPlan, mark, plan_output
from consolidator.store import publish
from consolidator.store.actstore import build_acts
from consolidator.store.bwbimport import import_history
from consolidator.store.corpus import Corpus, law_input, load_corpus
from consolidator.store.db import Store
from consolidator.store.lock import StoreLock, close_inherited
from consolidator.store.versions import build_law
from consolidator.time.settle import Settled


@dataclass(frozen=True)
class Summary:
    laws: int
    acts: int
    histories: int
    versions: int


def consolidate(corpus: Path, output: Path, store_path: Path, jobs: int = 1,
                notify: Callable[[str], None] = lambda message: None, force: bool = False,
                wait: bool = False) -> Summary:
    """Fill ``store_path`` and ``output`` from ``corpus``; all or nothing. ``force``: write
    beside files in ``output`` the engine did not write (only its own are replaced);
    ``wait``: wait for another writer of the store instead of refusing."""
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
        versions = _run(corpus, loaded, plan, store_path, jobs, notify)
    return Summary(len(loaded.laws), len(loaded.acts), len(loaded.histories), versions)


def _run(corpus: Path, loaded: Corpus, plan: OutputPlan, store_path: Path, jobs: int,
         notify) -> int:
    """Build, stage and publish; on any failure before publishing, remove what was staged."""
    work = staging_folder(plan.output, "consolidate")
    partial = publish.partial_path(store_path)
    try:
        parts = _build_laws(corpus, loaded, work, jobs, notify)
        faults.step("consolidate:parts")
        staging = work / "output"
        make_dir(staging)
        versions = _fill(partial, parts, loaded, staging, notify)
        faults.step("consolidate:staged")
        digest = publish.file_sha256(partial)
        mark(staging, "latest", digest)
        where = [os.path.abspath(p) for p in (store_path, partial, work, staging, plan.output)]
        publish.publish(publish.Publication(*where, digest, plan.force, os.getpid()))
        return versions
    finally:
        if not publish.journal_path(store_path).exists():  # else the next run finishes it
            for stale in (partial, partial.with_name(partial.name + "-journal")):
                stale.unlink(missing_ok=True)
            shutil.rmtree(work, ignore_errors=True)


def _fill(partial: Path, parts: list[Path], loaded: Corpus, staging: Path, notify) -> int:
    """The new store from the parts and the histories; the latest texts from it."""
    store = Store(partial, create=True, scratch=True)
    try:
        versions = _merge(store, parts, loaded, notify)
        build_acts(store, loaded.acts, loaded.facts)  # acts are versioned too
        store.sync()
        faults.step("consolidate:merged")
        _write_latest(store, loaded, staging)
        return versions
    finally:
        store.close()


def _build_laws(corpus: Path, loaded: Corpus, work: Path, jobs: int, notify) -> list[Path]:
    tasks = [(str(corpus), law.source, str(work / f"{n:04d}.sqlite"))
             for n, law in enumerate(loaded.laws)]
    if jobs <= 1:
        results = map(_build_one, tasks)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start)
        results = pool.map(_build_one, tasks)
    try:
        parts = []
        for path, messages in results:  # in law order, whatever finished first
            for message in messages:
                notify(message)
            parts.append(Path(path))
        return parts
    finally:
        if jobs > 1:
            pool.shutdown(cancel_futures=True)


def _worker_start() -> None:
    """In each worker: drop the parent's store lock (a copy would outlive a killed parent)
    and, on Linux, die with the parent, so that ``kill -9`` of the command stops its
    workers too instead of leaving them writing into a folder the next run removes."""
    close_inherited()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: an orphaned worker finishes its one law and exits


_PR_SET_PDEATHSIG = 1
_CORPUS_CACHE: dict[str, tuple[Corpus, Settled]] = {}


def _build_one(task: tuple[str, str, str]) -> tuple[str, list[str]]:
    """Build one law's store (runs in a worker process with --jobs)."""
    corpus, source, store_path = task
    if corpus not in _CORPUS_CACHE:
        loaded = load_corpus(Path(corpus))
        _CORPUS_CACHE[corpus] = loaded, Settled(loaded.acts, loaded.facts)
    loaded, settled = _CORPUS_CACHE[corpus]
    path = Path(corpus) / source
    law = law_input(path, path.parent.name, source)
    messages: list[str] = []
    store = Store(Path(store_path), create=True, scratch=True)
    try:
        build_law(store, law, loaded.acts, loaded.facts, messages.append, settled)
        messages += [f"{law.law_id}: {note}" for note in store.notes(law.law_id)]
        messages.append(f"{law.law_id}: {len(store.all_versions(law.law_id))} version(s)")
    finally:
        store.close()
    return store_path, messages


def _merge(store: Store, parts: list[Path], loaded: Corpus, notify) -> int:
    for part in parts:
        store.merge_from(part)
    for folder in loaded.histories:
        import_history(store, folder, notify, source=folder.relative_to(loaded.root).as_posix())
    return store.count_versions()


def _write_latest(store: Store, loaded: Corpus, staging: Path) -> None:
    """The latest text of each corpus law, as known now, as XML and as text."""
    for law in loaded.laws:
        latest = store.current_versions(law.law_id)[-1]
        tree = parse_law(store.xml(latest.id), source=law.source)
        name = Path(law.source).parent.name
        write_law(tree, staging / f"{name}.xml")
        write_text(staging / f"{name}.txt", lawtext.render_law_text(tree))
