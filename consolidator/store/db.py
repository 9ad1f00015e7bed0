"""The version store: every version of every law, on two time axes, in one SQLite file.

A version row holds a law's text (BWB toestand XML) for a period of validity
(``valid_from`` up to, not including, ``valid_until``) as known during a period
of knowledge (``known_from`` up to ``known_until``). Open ends are NULL. A new
act never edits a row: it closes the rows it supersedes (sets ``known_until``)
and adds new ones, so every earlier answer stays reproducible («what did we
know on K»). Dates are ISO strings, which SQLite compares correctly as text.

One ``state`` row per law and knowledge period keeps the notes of that period
(samenloop branches taken, parts not in force and why).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from consolidator.errors import StoreError

#: The documented default location of the store (relative to the working directory).
DEFAULT_STORE = "out/consolidator.sqlite"
#: Knowledge «since always» (the base text) and «only when every act is known» (unpublished acts).
EARLIEST = "0001-01-01"
LATEST = "9999-12-31"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS law (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, base_date TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS version (
    id INTEGER PRIMARY KEY, law TEXT NOT NULL REFERENCES law(id),
    valid_from TEXT NOT NULL, valid_until TEXT,
    known_from TEXT NOT NULL, known_until TEXT,
    xml BLOB NOT NULL, sources TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS version_lookup ON version (law, valid_from, known_from);
CREATE TABLE IF NOT EXISTS version_article (
    version INTEGER NOT NULL REFERENCES version(id), artikel TEXT NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (version, artikel));
CREATE TABLE IF NOT EXISTS state (
    law TEXT NOT NULL REFERENCES law(id), known_from TEXT NOT NULL, known_until TEXT,
    notes TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Version:
    id: int
    law: str
    valid_from: str
    valid_until: Optional[str]
    known_from: str
    known_until: Optional[str]
    sources: tuple[dict, ...]

    @property
    def current(self) -> bool:
        return self.known_until is None


class Store:
    """A connection to one store file."""

    def __init__(self, path: str | Path, create: bool = False, scratch: bool = False):
        """``scratch``: a new file nobody reads before it is complete (a staged store): no
        journal on disk and no syncs per transaction; the caller syncs it once at the end
        (``sync``). A kill leaves it broken, but it is never published then."""
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}: fill it with `consolidator consolidate "
                             f"--store {self.path}` first")
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            if scratch:
                self.db.execute("PRAGMA journal_mode = MEMORY")
                self.db.execute("PRAGMA synchronous = OFF")
            if create:
                self.db.executescript(_SCHEMA)
            self._check()
        except sqlite3.OperationalError as exc:
            if create:  # a full disk, a read-only folder: the file and the reason
                raise self._write_error(exc) from None
            raise StoreError(f"{self.path} is not a consolidator store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a consolidator store ({exc})") from None

    def _write_error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"cannot write {self.path}: {exc}")

    def _check(self) -> None:
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}
        if not {"law", "version", "state"} <= tables:
            raise StoreError(f"{self.path} is not a consolidator store (tables missing)")

    def close(self) -> None:
        self.db.close()

    def sync(self) -> None:
        """Put the file on disk (a ``scratch`` store, before it is published)."""
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        except OSError as exc:
            raise self._write_error(exc) from None
        finally:
            os.close(fd)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all. A write SQLite refuses (a full
        disk, a read-only file) is a ``StoreError`` naming the file; SQLite has then often
        rolled back by itself, so a rollback is issued only if a transaction is open."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from None

    # -- laws

    def add_law(self, law_id: str, title: str, base_date: _dt.date, source: str) -> None:
        self.db.execute("INSERT INTO law VALUES (?, ?, ?, ?)",
                        (law_id, title, base_date.isoformat(), source))

    def delete_law(self, law_id: str) -> None:
        """Remove a law and all its versions (to load it again)."""
        self.db.execute("DELETE FROM version_article WHERE version IN "
                        "(SELECT id FROM version WHERE law = ?)", (law_id,))
        for table in ("version", "state"):
            self.db.execute(f"DELETE FROM {table} WHERE law = ?", (law_id,))
        self.db.execute("DELETE FROM law WHERE id = ?", (law_id,))

    def merge_from(self, path: Path) -> None:
        """Copy every law of another store file into this one, in one transaction
        (version ids shifted past this store's)."""
        self.db.execute("ATTACH DATABASE ? AS other", (str(path),))
        try:
            with self.transaction():
                shift = self.db.execute("SELECT coalesce(max(id), 0) FROM version").fetchone()[0]
                self.db.execute("INSERT INTO law SELECT * FROM other.law ORDER BY id")
                self.db.execute(
                    "INSERT INTO version SELECT id + ?, law, valid_from, valid_until, known_from,"
                    " known_until, xml, sources FROM other.version ORDER BY id", (shift,))
                self.db.execute("INSERT INTO version_article SELECT version + ?, artikel, digest"
                                " FROM other.version_article ORDER BY version, artikel", (shift,))
                self.db.execute("INSERT INTO state SELECT * FROM other.state ORDER BY rowid")
        finally:
            self.db.execute("DETACH DATABASE other")

    def count_versions(self) -> int:
        return self.db.execute("SELECT count(*) FROM version").fetchone()[0]

    def laws(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT id, title FROM law ORDER BY id"))

    def find_law(self, name: str) -> str:
        """The BWB id of a law named by id or citeertitel (case and spacing ignored)."""
        key = " ".join(name.split()).lower()
        for law_id, title in self.laws():
            if key in (law_id.lower(), " ".join(title.split()).lower()):
                return law_id
        known = "; ".join(f"{i} ({t})" for i, t in self.laws()) or "none"
        raise StoreError(f"no law {name!r} in {self.path}; laws in the store: {known}")

    def base_date(self, law_id: str) -> str:
        return self.db.execute("SELECT base_date FROM law WHERE id = ?", (law_id,)).fetchone()[0]

    def law_source(self, law_id: str) -> str:
        """Where the law's base text (or official history) was read from."""
        return self.db.execute("SELECT source FROM law WHERE id = ?", (law_id,)).fetchone()[0]

    # -- versions

    def insert_version(self, law: str, valid_from: str, valid_until: Optional[str],
                       known_from: str, xml: bytes, sources: list[dict],
                       articles: dict[str, str], known_until: Optional[str] = None) -> int:
        cursor = self.db.execute(
            "INSERT INTO version (law, valid_from, valid_until, known_from, known_until, xml,"
            " sources) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (law, valid_from, valid_until, known_from, known_until, xml,
             json.dumps(sources, ensure_ascii=False)))
        version_id = cursor.lastrowid
        self.db.executemany("INSERT INTO version_article VALUES (?, ?, ?)",
                            [(version_id, nr, digest) for nr, digest in articles.items()])
        return version_id

    def close_versions(self, ids: list[int], known_until: str) -> None:
        self.db.executemany("UPDATE version SET known_until = ? WHERE id = ?",
                            [(known_until, i) for i in ids])

    def current_versions(self, law: str) -> list[Version]:
        """The versions as known now (not superseded), by validity."""
        rows = self.db.execute(_SELECT + " WHERE law = ? AND known_until IS NULL ORDER BY valid_from",
                               (law,))
        return [_version(row) for row in rows]

    def all_versions(self, law: str) -> list[Version]:
        rows = self.db.execute(_SELECT + " WHERE law = ? ORDER BY valid_from, known_from", (law,))
        return [_version(row) for row in rows]

    def version_at(self, law: str, date: str, known_at: str = LATEST) -> Optional[Version]:
        row = self.db.execute(
            _SELECT + " WHERE law = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)"
            " AND known_from <= ? AND (known_until IS NULL OR known_until > ?)",
            (law, date, date, known_at, known_at)).fetchone()
        return _version(row) if row else None

    def xml(self, version_id: int) -> bytes:
        return self.db.execute("SELECT xml FROM version WHERE id = ?", (version_id,)).fetchone()[0]

    def article_digests(self, version_id: int) -> dict[str, str]:
        rows = self.db.execute("SELECT artikel, digest FROM version_article WHERE version = ?",
                               (version_id,))
        return dict(rows)

    # -- notes per knowledge period

    def set_notes(self, law: str, known_from: str, notes: list[str]) -> None:
        self.db.execute("UPDATE state SET known_until = ? WHERE law = ? AND known_until IS NULL",
                        (known_from, law))
        self.db.execute("INSERT INTO state VALUES (?, ?, NULL, ?)",
                        (law, known_from, json.dumps(notes, ensure_ascii=False)))

    def latest_knowledge(self, law: str) -> str:
        """The latest date from which the store knows this law's history."""
        row = self.db.execute("SELECT max(known_from) FROM state WHERE law = ?", (law,)).fetchone()
        return row[0] or EARLIEST

    def notes(self, law: str, known_at: str = LATEST) -> list[str]:
        row = self.db.execute(
            "SELECT notes FROM state WHERE law = ? AND known_from <= ?"
            " AND (known_until IS NULL OR known_until > ?)", (law, known_at, known_at)).fetchone()
        return json.loads(row[0]) if row else []


_SELECT = ("SELECT id, law, valid_from, valid_until, known_from, known_until, sources"
           " FROM version")


def _version(row) -> Version:
    return Version(row[0], row[1], row[2], row[3], row[4], row[5], tuple(json.loads(row[6])))
