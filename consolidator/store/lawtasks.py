"""Building each law's store file (a *part*): in this process, in worker processes
(``--jobs``), or as tasks on a Dask cluster (``--executor dask``).

Once the acts' timing is settled (``Settled``), each law's history depends on nothing but
its base text, the acts it may depend on and the facts: the corpus is a map over laws. A
part is one law's rows in a store file of its own, written in one transaction without a
sync (it is read once, by the merge, and never published). Whatever builds them, the parts
are merged in law order (``consolidate``), so the store is the same for every executor.

In this process and in worker processes the corpus and its settled timing are shared (a
forked worker inherits them; another loads the corpus once). A Dask task carries what it
needs as data (the base text, the texts of the acts the law may depend on, the facts, the
corpus's knowledge dates and the law's rows to go on from) and gives back the part's
bytes: no shared file system is needed, and a worker parses each act once.
"""
from __future__ import annotations

import ctypes
import hashlib
import signal
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from consolidator.errors import StoreError
from consolidator.law.lawfile import parse_law
from consolidator.law.toestand import law_title
from consolidator.read.act import parse_act
from consolidator.read.select import law_names
from consolidator.store.corpus import Corpus, load_corpus
from consolidator.store.db import Store
from consolidator.store.inputs import WHOLE
from consolidator.store.lock import close_inherited
from consolidator.store.versions import LawBuilder, LawInput
from consolidator.time.settle import Settled


@dataclass(frozen=True)
class LawTask:
    """One law to build into ``part``: whole (``since`` None) or from ``since`` on, going
    on from the rows already in ``part``."""

    number: int  # the law's place in the corpus
    part: str
    since: Optional[str] = None


@dataclass(frozen=True)
class Build:
    """How to build the laws: ``executor`` ``processes`` (``jobs`` of them; 1: this
    process) or ``dask`` (on the cluster at ``scheduler``)."""

    jobs: int = 1
    executor: str = "processes"
    scheduler: str = ""


def build_part(law: LawInput, settled: Settled, part: Path, since: Optional[str]) -> list[str]:
    """Build ``law`` into the store file ``part``; the messages to show."""
    messages: list[str] = []
    store = Store(part, create=True, scratch=True)
    try:
        builder = LawBuilder(store, law, settled, messages.append)
        with store.transaction():
            if since is None or since == WHOLE:
                builder.start()
                builder.run()
            else:
                builder.resume(since)
                builder.run(since)
        messages += [f"{law.law_id}: {note}" for note in store.notes(law.law_id)]
        messages.append(f"{law.law_id}: {len(store.all_versions(law.law_id))} version(s)")
    finally:
        store.close()
    return messages


def run_tasks(tasks: list[LawTask], corpus: Path, loaded: Corpus, settled: Settled,
              build: Build, notify: Callable[[str], None]) -> None:
    """Build every task's part; the messages in law order, whatever finished first."""
    _SHARED.clear()
    _SHARED[str(corpus)] = (loaded, settled)  # this process's, and a forked worker's
    if build.executor == "dask":
        from consolidator.store import daskrun
        results = daskrun.run(tasks, loaded, settled, build.scheduler)
    elif build.jobs <= 1:
        results = (_build_local(str(corpus), task) for task in tasks)
    else:
        results = _in_processes(tasks, str(corpus), build.jobs)
    for messages in results:
        for message in messages:
            notify(message)


def _in_processes(tasks: list[LawTask], corpus: str, jobs: int) -> Iterable[list[str]]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start)
    try:
        yield from pool.map(_build_local, [corpus] * len(tasks), tasks)
    finally:
        pool.shutdown(cancel_futures=True)


_SHARED: dict[str, tuple[Corpus, Settled]] = {}


def _build_local(corpus: str, task: LawTask) -> list[str]:
    """Build one law's part from the corpus this process shares (or loads once)."""
    if corpus not in _SHARED:
        loaded = load_corpus(Path(corpus))
        _SHARED.clear()
        _SHARED[corpus] = loaded, Settled(loaded.acts, loaded.facts)
    loaded, settled = _SHARED[corpus]
    return build_part(loaded.laws[task.number], settled, Path(task.part), task.since)


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


# --------------------------------------------------------------------------- a task as data


@dataclass(frozen=True)
class Shipped:
    """A law's task with everything it needs (for a worker that shares no files)."""

    law_id: str
    source: str
    path: str
    base: bytes
    acts: tuple[tuple[str, str], ...]  # (source, text) of each act it may depend on, in order
    facts: tuple
    dates: tuple
    seed: Optional[bytes]
    since: Optional[str]


def ship(task: LawTask, loaded: Corpus, settled: Settled) -> Shipped:
    law = loaded.laws[task.number]
    acts = tuple((a.source, a.text) for a in settled.relevant(law.names))
    seed = Path(task.part).read_bytes() if task.since not in (None, WHOLE) else None
    return Shipped(law.law_id, law.source, law.path, Path(law.path).read_bytes(), acts,
                   tuple(loaded.facts), tuple(settled.dates), seed, task.since)


_PARSED: dict[tuple[str, str], object] = {}  # (source, SHA-256 of the text) → Act


def build_shipped(task: Shipped) -> tuple[bytes, list[str]]:
    """Build a shipped task (on a Dask worker); the part's bytes and the messages."""
    tree = parse_law(task.base, source=task.path)
    names = frozenset(law_names(law_title(tree), task.law_id))
    law = LawInput(task.law_id, tree, task.source, names, task.path)
    acts = [_parsed(source, text) for source, text in task.acts]
    settled = Settled(acts, list(task.facts), list(task.dates))
    with tempfile.TemporaryDirectory(prefix="consolidator-") as folder:
        part = Path(folder) / "part.sqlite"
        if task.seed is not None:
            part.write_bytes(task.seed)
        messages = build_part(law, settled, part, task.since)
        return part.read_bytes(), messages


def _parsed(source: str, text: str):
    key = (source, hashlib.sha256(text.encode("utf-8")).hexdigest())
    act = _PARSED.get(key)
    if act is None:
        act = _PARSED[key] = parse_act(text, source=source)
    return act


def write_part(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from None
