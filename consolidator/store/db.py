"""The version store: every version of every law, on two time axes, in one SQLite file.

A version row holds a law's text (BWB toestand XML) for a period of validity
(``valid_from`` up to, not including, ``valid_until``) as known during a period
of knowledge (``known_from`` up to ``known_until``). Open ends are NULL. A new
act never edits a row: it closes the rows it supersedes (sets ``known_until``)
and adds new ones, so every earlier answer stays reproducible («what did we
know on K»). Dates are ISO strings, which SQLite compares correctly as text.

One ``state`` row per law and knowledge period keeps the notes of that period
(samenloop branches taken, parts not in force and why).

Integrity (``digests``): the file records its schema version (``meta``), and every row
a hash of what it says, the XML its own SHA-256. Every read checks them: a row or a text
that does not match is an error naming the law, the version and its dates, never an
answer. A store of another schema version is refused with what to do.
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

from consolidator.errors import StoreError, StoreIntegrityError
from consolidator.store import digests, shortnames
from consolidator.store.digests import SCHEMA_VERSION

#: The documented default location of the store (relative to the working directory).
DEFAULT_STORE = "out/consolidator.sqlite"
#: Knowledge «since always» (the base text) and «only when every act is known» (unpublished acts).
EARLIEST = "0001-01-01"
LATEST = "9999-12-31"
#: the key that marks an entry of a version's source list as what made the version known
#: (``Version.known_by``), not as what changed its text (``Version.sources``)
KNOWN_BY = "known_by"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS law (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, base_date TEXT NOT NULL, source TEXT NOT NULL,
    digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS version (
    id INTEGER PRIMARY KEY, law TEXT NOT NULL REFERENCES law(id),
    valid_from TEXT NOT NULL, valid_until TEXT,
    known_from TEXT NOT NULL, known_until TEXT, sources TEXT NOT NULL,
    xml_sha256 TEXT NOT NULL, articles_sha256 TEXT NOT NULL, digest TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS version_lookup ON version (law, valid_from, known_from);
CREATE TABLE IF NOT EXISTS version_xml (
    version INTEGER PRIMARY KEY REFERENCES version(id), xml BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS version_article (
    version INTEGER NOT NULL REFERENCES version(id), artikel TEXT NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (version, artikel));
CREATE TABLE IF NOT EXISTS state (
    law TEXT NOT NULL REFERENCES law(id), known_from TEXT NOT NULL, known_until TEXT,
    notes TEXT NOT NULL, digest TEXT NOT NULL);
"""
_VERSION_COLUMNS = ("id, law, valid_from, valid_until, known_from, known_until, sources,"
                    " xml_sha256, articles_sha256, digest")
_STATE_COLUMNS = "rowid, law, known_from, known_until, notes, digest"


@dataclass(frozen=True)
class Version:
    id: int
    law: str
    valid_from: str
    valid_until: Optional[str]
    known_from: str
    known_until: Optional[str]
    sources: tuple[dict, ...]
    #: what made this version known when it became known (``KNOWN_BY``): the parts of the
    #: acts published then that changed the plan, kept in the same JSON list as the sources
    known_by: tuple[dict, ...] = ()

    @property
    def current(self) -> bool:
        return self.known_until is None


class Store:
    """A connection to one store file."""

    def __init__(self, path: str | Path, create: bool = False, scratch: bool = False,
                 read_only: bool = False):
        """``scratch``: a new file nobody reads before it is complete (a staged store): no
        journal on disk and no syncs per transaction; the caller syncs it once at the end
        (``sync``). A kill leaves it broken, but it is never published then.
        ``read_only``: SQLite opens the file for reading only (``preview`` and ``check``:
        the store is left as it was, byte for byte)."""
        self.path = Path(path)
        self._read_once: Optional[dict[int, bytes]] = None   # see ``texts_read_once``
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}: fill it with `consolidator consolidate "
                             f"--store {self.path}` first")
        try:
            self.db = _connect(self.path, read_only)
            self.db.execute("PRAGMA foreign_keys = ON")
            if scratch:
                self.db.execute("PRAGMA journal_mode = MEMORY")
                self.db.execute("PRAGMA synchronous = OFF")
            tables = self._tables()
            if create and not tables:
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                (str(SCHEMA_VERSION),))
                tables = self._tables()
            self._check(tables)
        except sqlite3.OperationalError as exc:
            if create:  # a full disk, a read-only folder: the file and the reason
                raise self._write_error(exc) from None
            raise StoreError(f"{self.path} is not a consolidator store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a consolidator store ({exc})") from None

    def _write_error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"cannot write {self.path}: {exc}")

    def _tables(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}

    def _check(self, tables: set[str]) -> None:
        if not {"law", "version", "state"} <= tables:
            raise StoreError(f"{self.path} is not a consolidator store (tables missing)")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() \
            if "meta" in tables else None
        found = row[0] if row else "1"  # the first layout had no meta table
        if found != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path} is a store of schema version {found}; this consolidator reads "
                f"version {SCHEMA_VERSION} (rows with hashes, texts apart from the rows): "
                f"rebuild it with `consolidator consolidate --store {self.path}` (and "
                f"`import-bwb` for histories loaded by hand)")
        if "version_xml" not in tables:
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

    def query(self, sql: str, params=()) -> list:
        """Every row of a read; a damaged file is a ``StoreError`` naming it."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:  # locked, full, a constraint: as it is
                raise
            raise StoreError(f"{self.path} is damaged ({exc}); check it with `consolidator "
                             f"verify --store {self.path}`") from None

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
        day = base_date.isoformat()
        self.db.execute("INSERT INTO law VALUES (?, ?, ?, ?, ?)",
                        (law_id, title, day, source, digests.law_digest(law_id, title, day, source)))

    def delete_law(self, law_id: str) -> None:
        """Remove a law and all its versions (to load it again)."""
        for table in ("version_article", "version_xml"):
            self.db.execute(f"DELETE FROM {table} WHERE version IN "
                            "(SELECT id FROM version WHERE law = ?)", (law_id,))
        for table in ("version", "state"):
            self.db.execute(f"DELETE FROM {table} WHERE law = ?", (law_id,))
        self.db.execute("DELETE FROM law WHERE id = ?", (law_id,))

    def merge_from(self, path: Path) -> None:
        """Copy every law of another store file into this one, in one transaction
        (version ids shifted past this store's; the hashes do not involve them)."""
        self.db.execute("ATTACH DATABASE ? AS other", (str(path),))
        try:
            with self.transaction():
                shift = self.db.execute("SELECT coalesce(max(id), 0) FROM version").fetchone()[0]
                self.db.execute("INSERT INTO law SELECT * FROM other.law ORDER BY id")
                self.db.execute(
                    "INSERT INTO version SELECT id + ?, law, valid_from, valid_until, known_from,"
                    " known_until, sources, xml_sha256, articles_sha256, digest"
                    " FROM other.version ORDER BY id", (shift,))
                self.db.execute("INSERT INTO version_xml SELECT version + ?, xml"
                                " FROM other.version_xml ORDER BY version", (shift,))
                self.db.execute("INSERT INTO version_article SELECT version + ?, artikel, digest"
                                " FROM other.version_article ORDER BY version, artikel", (shift,))
                self.db.execute("INSERT INTO state SELECT * FROM other.state ORDER BY rowid")
        finally:
            self.db.execute("DETACH DATABASE other")

    def count_versions(self) -> int:
        return self.query("SELECT count(*) FROM version")[0][0]

    def laws(self) -> list[tuple[str, str]]:
        return [(row[0], row[1]) for row in map(self._checked_law, self.query(
            "SELECT id, title, base_date, source, digest FROM law ORDER BY id"))]

    def _law_row(self, law_id: str) -> tuple:
        rows = self.query("SELECT id, title, base_date, source, digest FROM law WHERE id = ?",
                          (law_id,))
        if not rows:
            raise StoreError(f"no law {law_id!r} in {self.path}")
        return self._checked_law(rows[0])

    def _checked_law(self, row) -> tuple:
        if digests.law_digest(*row[:4]) != row[4]:
            raise StoreIntegrityError(
                f"{self.path}: the record of law {row[0]} (title, base date {row[2]}, source) "
                f"does not match its hash; {_NOT_SERVED.format(path=self.path)}")
        return row

    def find_law(self, name: str) -> str:
        """The BWB id of a law named by id or citeertitel (case and spacing ignored), or by
        a common short name or another citeertitel of the table ``shortnames`` keeps."""
        key = " ".join(name.split()).lower()
        laws = self.laws()
        for law_id, title in laws:
            if key in (law_id.lower(), " ".join(title.split()).lower()):
                return law_id
        found = shortnames.resolve(name, laws)
        if found is not None:
            return found
        known = "; ".join(f"{i} ({t})" for i, t in laws) or "none"
        short = ", ".join(e.short for e in shortnames.table() if e.bwb_id in dict(laws))
        raise StoreError(f"no law {name!r} in {self.path}; laws in the store: {known}"
                         + (f"; short names: {short}" if short else ""))

    def base_date(self, law_id: str) -> str:
        return self._law_row(law_id)[2]

    def law_source(self, law_id: str) -> str:
        """Where the law's base text (or official history) was read from."""
        return self._law_row(law_id)[3]

    # -- versions

    def insert_version(self, law: str, valid_from: str, valid_until: Optional[str],
                       known_from: str, xml: bytes, sources: list[dict],
                       articles: dict[str, str], known_until: Optional[str] = None) -> int:
        sources_json = json.dumps(sources, ensure_ascii=False)
        xml_sha = digests.sha256(xml)
        articles_sha = digests.articles_digest(articles.items())
        digest = digests.version_digest(law, valid_from, valid_until, known_from, known_until,
                                        sources_json, xml_sha, articles_sha)
        cursor = self.db.execute(
            "INSERT INTO version (law, valid_from, valid_until, known_from, known_until,"
            " sources, xml_sha256, articles_sha256, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (law, valid_from, valid_until, known_from, known_until, sources_json, xml_sha,
             articles_sha, digest))
        version_id = cursor.lastrowid
        self.db.execute("INSERT INTO version_xml VALUES (?, ?)", (version_id, xml))
        self.db.executemany("INSERT INTO version_article VALUES (?, ?, ?)",
                            [(version_id, nr, digest) for nr, digest in articles.items()])
        return version_id

    def close_versions(self, ids: list[int], known_until: str) -> None:
        """End the knowledge of these versions; each is checked before its hash is redone
        (a changed row is never given a fresh hash)."""
        for version_id in ids:
            row = self._version_row(version_id)
            digest = digests.version_digest(row[1], row[2], row[3], row[4], known_until,
                                            row[6], row[7], row[8])
            self.db.execute("UPDATE version SET known_until = ?, digest = ? WHERE id = ?",
                            (known_until, digest, version_id))

    def _version_row(self, version_id: int) -> tuple:
        rows = self.query(f"SELECT {_VERSION_COLUMNS} FROM version WHERE id = ?", (version_id,))
        if not rows:
            raise StoreError(f"{self.path}: no version {version_id}")
        return self._checked_version(rows[0])

    def _checked_version(self, row) -> tuple:
        expected = digests.version_digest(row[1], row[2], row[3], row[4], row[5], row[6],
                                          row[7], row[8])
        if expected != row[9]:
            raise StoreIntegrityError(f"{self.path}: {_describe(row)}: its record (dates, sources, "
                                      f"hashes) does not match its hash; "
                                      f"{_NOT_SERVED.format(path=self.path)}")
        return row

    def current_versions(self, law: str) -> list[Version]:
        """The versions as known now (not superseded), by validity."""
        rows = self.query(f"SELECT {_VERSION_COLUMNS} FROM version WHERE law = ?"
                          " AND known_until IS NULL ORDER BY valid_from", (law,))
        return [self._version(row) for row in rows]

    def all_versions(self, law: str) -> list[Version]:
        rows = self.query(f"SELECT {_VERSION_COLUMNS} FROM version WHERE law = ?"
                          " ORDER BY valid_from, known_from", (law,))
        return [self._version(row) for row in rows]

    def version_at(self, law: str, date: str, known_at: str = LATEST) -> Optional[Version]:
        rows = self.query(
            f"SELECT {_VERSION_COLUMNS} FROM version WHERE law = ? AND valid_from <= ?"
            " AND (valid_until IS NULL OR valid_until > ?)"
            " AND known_from <= ? AND (known_until IS NULL OR known_until > ?)",
            (law, date, date, known_at, known_at))
        return self._version(rows[0]) if rows else None

    def _version(self, row) -> Version:
        row = self._checked_version(row)
        listed = json.loads(row[6])
        return Version(row[0], row[1], row[2], row[3], row[4], row[5],
                       tuple(s for s in listed if not s.get(KNOWN_BY)),
                       tuple(s for s in listed if s.get(KNOWN_BY)))

    @contextmanager
    def texts_read_once(self) -> Iterator[None]:
        """Within: each text ``xml`` serves is read from the file and checked against its
        hash once, then served from memory as it was checked (a command that looks at a
        version twice, such as ``diff``'s withdrawal check and its redline, reads a
        6.8 MB text and hashes it once). For reading only: nothing may write meanwhile."""
        self._read_once = {}
        try:
            yield
        finally:
            self._read_once = None

    def xml(self, version_id: int) -> bytes:
        """A version's text, when it matches the hash stored with it (else an error)."""
        remembered = self._read_once
        if remembered is None:
            return self._checked_xml(version_id)
        if version_id not in remembered:
            remembered[version_id] = self._checked_xml(version_id)
        return remembered[version_id]

    def _checked_xml(self, version_id: int) -> bytes:
        row = self._version_row(version_id)
        texts = self.query("SELECT xml FROM version_xml WHERE version = ?", (version_id,))
        if not texts:
            raise StoreIntegrityError(f"{self.path}: {_describe(row)}: its text is missing; "
                                      f"{_NOT_SERVED.format(path=self.path)}")
        data = blob(texts[0][0])
        found = digests.sha256(data)
        if found != row[7]:
            raise StoreIntegrityError(
                f"{self.path}: {_describe(row)}: its text does not match its hash (expected "
                f"SHA-256 {row[7]}, found {found}); {_NOT_SERVED.format(path=self.path)}")
        return data

    def article_digests(self, version_id: int) -> dict[str, str]:
        row = self._version_row(version_id)
        found = dict(self.query("SELECT artikel, digest FROM version_article WHERE version = ?",
                                (version_id,)))
        if digests.articles_digest(found.items()) != row[8]:
            raise StoreIntegrityError(
                f"{self.path}: {_describe(row)}: its article digests do not match their hash; "
                f"{_NOT_SERVED.format(path=self.path)}")
        return found

    # -- notes per knowledge period

    def set_notes(self, law: str, known_from: str, notes: list[str]) -> None:
        for row in self.query(f"SELECT {_STATE_COLUMNS} FROM state WHERE law = ?"
                              " AND known_until IS NULL", (law,)):
            self._checked_state(row)  # never give a changed row a fresh hash
            digest = digests.state_digest(row[1], row[2], known_from, row[4])
            self.db.execute("UPDATE state SET known_until = ?, digest = ? WHERE rowid = ?",
                            (known_from, digest, row[0]))
        text = json.dumps(notes, ensure_ascii=False)
        self.db.execute("INSERT INTO state VALUES (?, ?, NULL, ?, ?)",
                        (law, known_from, text, digests.state_digest(law, known_from, None, text)))

    def _checked_state(self, row) -> tuple:
        if digests.state_digest(row[1], row[2], row[3], row[4]) != row[5]:
            raise StoreIntegrityError(
                f"{self.path}: the notes of {row[1]} as known from {row[2]} do not match their "
                f"hash; {_NOT_SERVED.format(path=self.path)}")
        return row

    def latest_knowledge(self, law: str) -> str:
        """The latest date from which the store knows this law's history."""
        row = self.query("SELECT max(known_from) FROM state WHERE law = ?", (law,))[0]
        return row[0] or EARLIEST

    def notes(self, law: str, known_at: str = LATEST) -> list[str]:
        rows = self.query(
            f"SELECT {_STATE_COLUMNS} FROM state WHERE law = ? AND known_from <= ?"
            " AND (known_until IS NULL OR known_until > ?)", (law, known_at, known_at))
        return json.loads(self._checked_state(rows[0])[4]) if rows else []


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(str(path), isolation_level=None)
    address = f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(address, uri=True, isolation_level=None)


def blob(value) -> bytes:
    """A stored text as bytes (an edited row may hold it as SQL text)."""
    return value.encode("utf-8", "surrogateescape") if isinstance(value, str) else bytes(value)


_NOT_SERVED = ("the store was changed outside consolidator (or damaged) and this is not served; "
               "`consolidator verify --store {path}` lists every mismatch, `consolidator "
               "consolidate` rebuilds the store")


def _describe(row) -> str:
    """«BWBR0003420 version 12 (valid from 1997-01-01 until 1999-01-01, known from 1996-12-23)»"""
    until = f" until {row[3]}" if row[3] else ""
    superseded = f", superseded on {row[5]}" if row[5] else ""
    return (f"{row[1]} version {row[0]} (valid from {row[2]}{until}, known from {row[4]}"
            f"{superseded})")
