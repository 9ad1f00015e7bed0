"""Putting a consolidate run's store and latest texts in place as one.

A store (a file) and an output folder cannot be renamed in one step. Before the first rename
the run writes a journal beside the store, ``<store>.publish``: the staged store, the staged
folder and the SHA-256 the store will have; the folder's marker holds the same hash. Then it
renames the store into place, puts the folder in place, and removes the journal. A run
killed before the journal leaves the old store and folder (its staging is removed by the
next run); a run killed after it is finished by the next command that opens the store
(``settle``), which says so. So the store and the folder are from one run, or the next
run says they are not and makes them so.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from consolidator import faults
from consolidator.errors import ConsolidatorError, StoreError
from consolidator.outputs import PIN, os_error, write_atomic
from consolidator.ownership import plan_output, place, read_marker
from consolidator.store.db import Store
from consolidator.store.lock import StoreLock, held


@dataclass(frozen=True)
class Publication:
    """What the journal holds; absolute paths (the next command may run elsewhere)."""

    store: str       # the store's path
    partial: str     # the new store, staged beside it
    work: str        # the run's work folder (pinned while the journal exists)
    staging: str     # the new output folder, in the work folder
    output: str
    sha256: str      # of the new store
    force: bool
    pid: int


def journal_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".publish")


def partial_path(store_path: Path) -> Path:
    """A name for this run's new store, beside the store."""
    return store_path.with_name(f"{store_path.name}.partial-{os.getpid()}")


def file_sha256(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return ""


def publish(publication: Publication) -> None:
    """Write the journal, then put the store and the output folder in place."""
    store = Path(publication.store)
    write_atomic(Path(publication.work) / PIN, f"{journal_path(store)}\n".encode("utf-8"))
    write_atomic(journal_path(store), json.dumps(asdict(publication), indent=1).encode("utf-8"))
    faults.step("consolidate:journal")
    _finish(publication)


def _finish(publication: Publication) -> None:
    store, partial = Path(publication.store), Path(publication.partial)
    if partial.exists():
        try:
            for stale in ("-journal", "-wal", "-shm"):  # a killed writer's, of the old store
                store.with_name(store.name + stale).unlink(missing_ok=True)
            os.replace(partial, store)
        except OSError as exc:
            raise os_error(exc, store, "put in place") from None
    elif file_sha256(store) != publication.sha256:
        raise StoreError(f"the new store {partial} is gone")
    faults.step("consolidate:store-replaced")
    staging, output = Path(publication.staging), Path(publication.output)
    marker = read_marker(staging) if staging.is_dir() else None
    if marker is not None and marker.store_sha256 == publication.sha256:
        place(staging, plan_output(output, "latest", force=publication.force))
    faults.step("consolidate:output-placed")
    journal_path(store).unlink()
    faults.step("consolidate:published")


def settle(store_path: Path, notify: Callable[[str], None] = lambda message: None,
           locked: bool = False) -> None:
    """Finish what a killed ``consolidate`` left half put in place, if it did; every
    command that opens the store calls this first. ``locked``: the caller holds the
    store's write lock (else it is taken here, unless a writer holds it: that one settles)."""
    journal = journal_path(store_path)
    if not journal.exists():
        return
    if locked:
        _recover(store_path, notify)
        return
    if held(store_path):
        return
    try:
        with StoreLock(store_path):
            _recover(store_path, notify)
    except StoreError:
        return  # a writer came first; it settles


def _recover(store_path: Path, notify: Callable[[str], None]) -> None:
    journal = journal_path(store_path)
    try:
        publication = Publication(**json.loads(journal.read_text("utf-8")))
    except FileNotFoundError:
        return
    except (OSError, ValueError, TypeError) as exc:
        raise StoreError(f"{journal}: cannot read this journal of a stopped run ({exc}); "
                         f"remove it and run consolidate again") from None
    what = (f"consolidate (pid {publication.pid}) was stopped while putting the store "
            f"{store_path} and {publication.output} in place")
    try:
        _finish(publication)
    except ConsolidatorError as exc:
        journal.unlink(missing_ok=True)
        notify(f"{what}; this could not be finished ({exc}): run consolidate again")
    else:
        notify(f"{what}; finished now: both are from that run")
    shutil.rmtree(publication.work, ignore_errors=True)
    Path(publication.partial).unlink(missing_ok=True)


def open_store(store_path: Path, notify: Callable[[str], None] = lambda message: None) -> Store:
    """The store at ``store_path``, for reading, after ``settle``."""
    settle(store_path, notify)
    return Store(store_path)


def remove_leftovers(store_path: Path) -> list[str]:
    """Staged stores of killed runs (the caller holds the write lock, so none is live)."""
    done = []
    name = glob.escape(store_path.name)
    for path in sorted([*store_path.parent.glob(name + ".partial*"),
                        *store_path.parent.glob(f".{name}.publish.*.tmp")]):  # a half journal
        path.unlink(missing_ok=True)
        done.append(f"removed {path}, left by a stopped run")
    return done
