"""The main job: every law of a corpus, every version, into one store; crash-safe.

Each corpus law is built into a store file of its own (in worker processes with
``jobs > 1``), then the parent merges them, in law order, into a new store and
loads the official BWB histories. Merging in a fixed order makes the result the
same for any number of jobs. Nothing is visible until everything succeeded:
the new store is written as ``<store>.partial`` and renamed over the old one,
the output folder is staged beside it and swapped in; a killed run leaves the
old store and output (or none) and a rerun starts clean.
"""
from __future__ import annotations

import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from consolidator.law import lawtext

from consolidator.law.lawfile import parse_law, write_law
from consolidator.store.actstore import build_acts
from consolidator.store.bwbimport import import_history
from consolidator.store.corpus import Corpus, law_input, load_corpus
from consolidator.outputs import swap_in
from consolidator.store.db import Store
from consolidator.store.versions import build_law


@dataclass(frozen=True)
class Summary:
    laws: int
    acts: int
    histories: int
    versions: int


def consolidate(corpus: Path, output: Path, store_path: Path, jobs: int = 1,
                notify: Callable[[str], None] = lambda message: None) -> Summary:
    """Fill ``store_path`` and ``output`` from ``corpus``; all or nothing."""
    loaded = load_corpus(corpus)  # every input read and checked before any work
    store_path.parent.mkdir(parents=True, exist_ok=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = store_path.with_name(store_path.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a killed run
    with tempfile.TemporaryDirectory(prefix=".consolidate-", dir=output.parent) as work:
        work = Path(work)
        parts = _build_laws(corpus, loaded, work, jobs, notify)
        store = Store(partial, create=True)
        try:
            versions = _merge(store, parts, loaded, notify)
            build_acts(store, loaded.acts, loaded.facts)  # acts are versioned too
            staging = work / "output"
            staging.mkdir()
            _write_latest(store, loaded, staging)
        finally:
            store.close()
        swap_in(staging, output)
        os.replace(partial, store_path)
    return Summary(len(loaded.laws), len(loaded.acts), len(loaded.histories), versions)


def _build_laws(corpus: Path, loaded: Corpus, work: Path, jobs: int, notify) -> list[Path]:
    tasks = [(str(corpus), law.source, str(work / f"{n:04d}.sqlite"))
             for n, law in enumerate(loaded.laws)]
    if jobs <= 1:
        results = map(_build_one, tasks)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
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


_CORPUS_CACHE: dict[str, Corpus] = {}


def _build_one(task: tuple[str, str, str]) -> tuple[str, list[str]]:
    """Build one law's store (runs in a worker process with --jobs)."""
    corpus, law_path, store_path = task
    loaded = _CORPUS_CACHE.get(corpus)
    if loaded is None:
        loaded = _CORPUS_CACHE[corpus] = load_corpus(Path(corpus))
    law = law_input(Path(law_path), Path(law_path).parent.name)
    messages: list[str] = []
    store = Store(Path(store_path), create=True)
    try:
        build_law(store, law, loaded.acts, loaded.facts, messages.append)
        messages += [f"{law.law_id}: {note}" for note in store.notes(law.law_id)]
        messages.append(f"{law.law_id}: {len(store.all_versions(law.law_id))} version(s)")
    finally:
        store.close()
    return store_path, messages


def _merge(store: Store, parts: list[Path], loaded: Corpus, notify) -> int:
    for part in parts:
        store.merge_from(part)
    for folder in loaded.histories:
        import_history(store, folder, notify)
    return store.count_versions()


def _write_latest(store: Store, loaded: Corpus, staging: Path) -> None:
    """The latest text of each corpus law, as known now, as XML and as text."""
    for law in loaded.laws:
        latest = store.current_versions(law.law_id)[-1]
        tree = parse_law(store.xml(latest.id), source=law.source)
        name = Path(law.source).parent.name
        write_law(tree, staging / f"{name}.xml")
        (staging / f"{name}.txt").write_text(lawtext.render_law_text(tree), "utf-8")
