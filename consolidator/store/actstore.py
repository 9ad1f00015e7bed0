"""Acts in the version store: every version of every act, on the same two time axes as laws.

An act's text changes when a later act, a samenloop branch or a novelle changes it before
its parts take effect (``timeline.actversions``), and from the date an act withdraws it
(Aanwijzing 245) it is withdrawn. Each version is the act's text (as published, with those
changes) valid from a date as known during a period, like a law's. The tables are the
store's own (created on first use, so a store without acts is unchanged):

* ``act``: id (``stb-1996-649``, ``stcrt-2012-13245``, ``kst-36301``), title, publication
  date, source file;
* ``act_version``: valid_from/valid_until, known_from/known_until, the text, the changes
  behind it (JSON) and the ARTIKEL that withdrew the act, if it did.

Versions are written per knowledge date as ``store.versions`` writes a law's: rows are never
edited, only closed when later knowledge supersedes them.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Optional

from consolidator.errors import StoreError
from consolidator.model import Act
from consolidator.store.db import EARLIEST, LATEST, Store
from consolidator.time.actversions import ActVersion, versions_of
from consolidator.time.settle import Settled

_SCHEMA = """
CREATE TABLE IF NOT EXISTS act (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS act_version (
    id INTEGER PRIMARY KEY, act TEXT NOT NULL REFERENCES act(id),
    valid_from TEXT NOT NULL, valid_until TEXT, known_from TEXT NOT NULL, known_until TEXT,
    text TEXT NOT NULL, changes TEXT NOT NULL, withdrawn TEXT NOT NULL);
"""


@dataclass(frozen=True)
class ActRow:
    id: int
    act: str
    valid_from: str
    valid_until: Optional[str]
    known_from: str
    known_until: Optional[str]
    text: str
    changes: tuple[str, ...]
    withdrawn: str


def build_acts(store: Store, acts: list[Act], facts, settled: Optional[Settled] = None) -> int:
    """Every version of every act that another act changes or withdraws (an act nothing
    changes is stored once, as published); the number of acts stored. Each act is worked
    out on its group's dates only (``Settled``): on other dates nothing it depends on
    changes."""
    if not acts:
        return 0
    store.db.executescript(_SCHEMA)
    settled = settled or Settled(acts, facts)
    due = _due(settled)
    with store.transaction():
        for act in acts:
            store.db.execute("INSERT INTO act VALUES (?, ?, ?, ?)",
                             (act.id, act.title, _iso(act.published), act.source))
        previous: dict[str, list] = {}
        for known_at in settled.dates:
            for act in due.get(known_at, ()):
                group = settled.group[id(act)]
                found = versions_of(act, group.known(known_at), facts, known_at, group.cache,
                                    whole_text=True).versions
                rows = _rows(act, found)
                if rows != previous.get(act.id):
                    _replace(store, act.id, rows, _iso(known_at) or LATEST)
                    previous[act.id] = rows
    return len(acts)


def _due(settled: Settled) -> dict:
    """Knowledge date → the acts known then whose group may change then, in the order given."""
    order = {id(act): n for n, act in enumerate(settled.acts)}
    due: dict = {}
    for group in {id(g): g for g in settled.group.values()}.values():
        for date in group.dates:
            due.setdefault(date, []).extend(group.known(date))
    return {date: sorted(found, key=lambda act: order[id(act)]) for date, found in due.items()}


def _rows(act: Act, versions: list[ActVersion]) -> list[tuple]:
    start = _iso(act.published or act.signed) or EARLIEST
    rows = []
    for n, version in enumerate(versions):
        valid_from = max(start, version.start.isoformat()) if n else start
        until = versions[n + 1].start.isoformat() if n + 1 < len(versions) else None
        changes = sorted({label for _, _, label in version.changes})
        rows.append((valid_from, until, version.act.text, json.dumps(changes, ensure_ascii=False),
                     version.withdrawn))
    return rows


def _replace(store: Store, act_id: str, rows: list[tuple], known_from: str) -> None:
    store.db.execute("UPDATE act_version SET known_until = ? WHERE act = ? AND known_until IS NULL",
                     (known_from, act_id))
    store.db.executemany(
        "INSERT INTO act_version (act, valid_from, valid_until, known_from, known_until, text,"
        " changes, withdrawn) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
        [(act_id, f, u, known_from, text, changes, gone) for f, u, text, changes, gone in rows])


def _iso(date: Optional[_dt.date]) -> Optional[str]:
    return date.isoformat() if date else None


# --------------------------------------------------------------------------- reading


def has_acts(store: Store) -> bool:
    return store.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'act_version'"
                            ).fetchone()[0] == 1


def find_act(store: Store, act_id: str) -> str:
    if not has_acts(store) or store.db.execute("SELECT 1 FROM act WHERE id = ?",
                                               (act_id,)).fetchone() is None:
        known = ", ".join(row[0] for row in store.db.execute("SELECT id FROM act ORDER BY id")
                          ) if has_acts(store) else "none"
        raise StoreError(f"no act {act_id} in {store.path}; acts in the store: {known}")
    return act_id


def act_title(store: Store, act_id: str) -> str:
    return store.db.execute("SELECT title FROM act WHERE id = ?", (act_id,)).fetchone()[0]


def act_version_at(store: Store, act_id: str, date: str, known_at: str) -> Optional[ActRow]:
    row = store.db.execute(
        _SELECT + " WHERE act = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)"
        " AND known_from <= ? AND (known_until IS NULL OR known_until > ?)",
        (act_id, date, date, known_at, known_at)).fetchone()
    return _row(row) if row else None


def act_versions(store: Store, act_id: str) -> list[ActRow]:
    rows = store.db.execute(_SELECT + " WHERE act = ? ORDER BY valid_from, known_from", (act_id,))
    return [_row(row) for row in rows]


_SELECT = ("SELECT id, act, valid_from, valid_until, known_from, known_until, text, changes,"
           " withdrawn FROM act_version")


def _row(row) -> ActRow:
    return ActRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                  tuple(json.loads(row[7])), row[8])
