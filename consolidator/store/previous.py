"""The store a ``consolidate`` run starts from: what of it can be kept, and the rows a law
rebuilt from a knowledge date on goes on from.

A store is used again when it is of this schema, was written by this engine (``inputs``:
its fingerprint) and records what it was built from; otherwise (or with ``--full``) every
law is built anew. A law whose inputs did not change keeps its rows as they are (the new
store starts as a copy of the old file); a law rebuilt from a date D starts from its rows
known before D (``seed``): rows known from D on are left out, and rows that knowledge on or
after D had superseded are current again, as they were just before D. Every row carried
over is checked against its hash first; a store whose rows do not match is not used (the
run then builds everything, and says so).
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from consolidator.errors import StoreError
from consolidator.outputs import os_error
from consolidator.store import digests, inputs
from consolidator.store.db import Store
from consolidator.store.inputs import Input


@dataclass
class Previous:
    """A store this run may build on."""

    path: Path
    store: Store
    inputs: dict[str, list[Input]]

    def close(self) -> None:
        self.store.close()


def open_previous(store_path: Path, full: bool,
                  notify: Callable[[str], None]) -> Optional[Previous]:
    """The store at ``store_path`` if this run can build on it, else None (and why)."""
    if full or not store_path.exists():
        return None
    try:
        store = Store(store_path)
    except StoreError as exc:
        notify(f"building every law anew: {exc}")
        return None
    try:
        if not inputs.has_inputs(store):
            reason = "the store does not record what it was built from"
        elif not inputs.built_by_this_engine(store):
            reason = "the store was written by another build of consolidator"
        else:
            found = inputs.recorded(store)
            _check_rows(store)
            return Previous(store_path, store, found)
    except StoreError as exc:
        reason = str(exc)
    store.close()
    notify(f"building every law anew: {reason}")
    return None


def _check_rows(store: Store) -> None:
    """Every law, version and notes row against its hash (texts are checked when read)."""
    store.laws()
    for (law,) in store.query("SELECT DISTINCT law FROM version"):
        store.all_versions(law)
    for row in store.query("SELECT rowid, law, known_from, known_until, notes, digest"
                           " FROM state"):
        store._checked_state(row)


def copy_store(previous: Previous, partial: Path) -> Store:
    """The new store, begun as a copy of the previous one (its kept rows as they are)."""
    try:
        shutil.copyfile(previous.path, partial)
    except OSError as exc:
        raise os_error(exc, partial) from None
    return Store(partial, scratch=True)


def seed(previous: Previous, law_id: str, since: str, part: Path) -> None:
    """A store file at ``part`` holding ``law_id`` as known before ``since``."""
    old = previous.store
    store = Store(part, create=True, scratch=True)
    try:
        with store.transaction():
            law = old.query("SELECT id, title, base_date, source, digest FROM law WHERE id = ?",
                            (law_id,))
            store.db.execute("INSERT INTO law VALUES (?, ?, ?, ?, ?)", old._checked_law(law[0]))
            _seed_versions(old, store, law_id, since)
            _seed_notes(old, store, law_id, since)
    finally:
        store.close()


def _seed_versions(old: Store, store: Store, law_id: str, since: str) -> None:
    rows = old.query("SELECT id, law, valid_from, valid_until, known_from, known_until, sources,"
                     " xml_sha256, articles_sha256, digest FROM version WHERE law = ?"
                     " AND known_from < ? ORDER BY id", (law_id, since))
    for row in rows:
        row = old._checked_version(row)
        xml = old.xml(row[0])
        articles = old.article_digests(row[0])
        until = row[5] if row[5] is not None and row[5] < since else None
        store.insert_version(law_id, row[2], row[3], row[4], xml, json.loads(row[6]),
                             articles, known_until=until)


def _seed_notes(old: Store, store: Store, law_id: str, since: str) -> None:
    rows = old.query("SELECT rowid, law, known_from, known_until, notes, digest FROM state"
                     " WHERE law = ? AND known_from < ? ORDER BY rowid", (law_id, since))
    for row in rows:
        row = old._checked_state(row)
        until = row[3] if row[3] is not None and row[3] < since else None
        store.db.execute("INSERT INTO state VALUES (?, ?, ?, ?, ?)",
                         (law_id, row[2], until, row[4],
                          digests.state_digest(law_id, row[2], until, row[4])))
