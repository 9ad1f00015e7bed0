"""What the store was built from, so that the next ``consolidate`` redoes only what changed.

Table ``law_input``, one row per input of each law (a ``WITHOUT ROWID`` table ordered by
its key, so that the same inputs give the same file whatever order they were written in):

* ``base``: the law's base text (its path in the corpus; the SHA-256 of its bytes);
* ``facts``: the facts file, for a law whose acts ask it (samenloop conditions, dates tied
  to other acts);
* ``act``: every act the law's history may depend on (``Settled.relevant``: the acts that
  may name it and the acts tied to those), with its publication date and the SHA-256 of
  its text;
* ``date``: the knowledge dates its plan is asked on besides those acts' publication dates
  (samenloop decisions that say «as known on …» are asked on every date);
* ``file``: for an official BWB history, each file of its folder;
* ``latest``: each file of the law's latest text the run wrote (``store.latest``).

Each row has a hash of what it says, checked when it is read (``verify`` too). The engine
that built the store is recorded as a fingerprint of its code and grammars in SQLite's
``user_version`` (not a row: a store's rows do not depend on which build of the engine
wrote them); another fingerprint means everything is rebuilt.

``changes`` compares a law's inputs now with those recorded: unchanged (kept as it is),
rebuilt from the earliest knowledge date whose inputs differ (an act added, removed or
changed: its publication date; a date added or dropped: that date), or rebuilt whole (its
base text or the facts changed, or it is new).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from consolidator.errors import StoreIntegrityError
from consolidator.store.db import LATEST, Store
from consolidator.store.versions import LawInput
from consolidator.time.lawplan import LawPlanner
from consolidator.time.settle import Settled

_SCHEMA = """
CREATE TABLE IF NOT EXISTS law_input (
    law TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, published TEXT,
    sha256 TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (law, kind, name)) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Input:
    kind: str
    name: str
    published: Optional[str]
    sha256: str


def digest(law: str, row: Input) -> str:
    fields = ["input", law, row.kind, row.name, row.published, row.sha256]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- the engine


def fingerprint() -> int:
    """31 bits of the SHA-256 of the engine's code and grammars (for ``user_version``)."""
    import consolidator
    from importlib import resources

    package = Path(consolidator.__file__).parent
    files = sorted(package.rglob("*.py"))
    grammar = resources.files("consolidator.grammar")
    found = hashlib.sha256()
    for path in files:
        found.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for item in sorted(grammar.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".lark"):
            found.update(item.name.encode() + b"\0" + item.read_bytes())
    return int.from_bytes(found.digest()[:4], "big") & 0x7FFFFFFF


def set_fingerprint(store: Store) -> None:
    store.db.execute(f"PRAGMA user_version = {fingerprint()}")


def built_by_this_engine(store: Store) -> bool:
    return store.db.execute("PRAGMA user_version").fetchone()[0] == fingerprint()


# --------------------------------------------------------------------------- inputs now


def law_inputs(law: LawInput, base: bytes, settled: Settled, facts_sha: str,
               root: Path) -> list[Input]:
    """The inputs of one corpus law (``base``: its base text's bytes)."""
    rows = [Input("base", law.source, None, sha256(base))]
    relevant = settled.relevant(law.names)
    if any(settled.group[id(a)].consults_facts for a in relevant):
        rows.append(Input("facts", "facts.toml", None, facts_sha))
    published = set()
    for act in relevant:
        day = act.published.isoformat() if act.published else LATEST
        published.add(day)
        rows.append(Input("act", _relative(act.source, root), day,
                          sha256(act.text.encode("utf-8"))))
    for date in LawPlanner(settled, law.names).dates:
        day = date.isoformat() if date else LATEST
        if day not in published:
            rows.append(Input("date", day, day, ""))
    return rows


def history_inputs(folder: Path, root: Path) -> list[Input]:
    return [Input("file", path.relative_to(root).as_posix(), None, sha256(path.read_bytes()))
            for path in sorted(folder.iterdir()) if path.is_file()]


def _relative(source: str, root: Path) -> str:
    try:
        return Path(source).relative_to(root).as_posix()
    except ValueError:
        return Path(source).as_posix()


# --------------------------------------------------------------------------- in the store


def has_inputs(store: Store) -> bool:
    return bool(store.query("SELECT count(*) FROM sqlite_master WHERE name = 'law_input'")[0][0])


def create_table(store: Store) -> None:
    """The table, if the store has none (outside a transaction: SQLite commits first)."""
    store.db.executescript(_SCHEMA)


def write_inputs(store: Store, law: str, rows: list[Input]) -> None:
    store.db.execute("DELETE FROM law_input WHERE law = ?", (law,))
    store.db.executemany("INSERT INTO law_input VALUES (?, ?, ?, ?, ?, ?)",
                         [(law, r.kind, r.name, r.published, r.sha256, digest(law, r))
                          for r in rows])


def recorded(store: Store) -> dict[str, list[Input]]:
    """Every law's recorded inputs, each row checked against its hash."""
    found: dict[str, list[Input]] = {}
    for law, kind, name, published, sha, stored in store.query(
            "SELECT law, kind, name, published, sha256, digest FROM law_input"):
        row = Input(kind, name, published, sha)
        if digest(law, row) != stored:
            raise StoreIntegrityError(f"{store.path}: the record of what {law} was built from "
                                      f"({kind} {name}) does not match its hash")
        found.setdefault(law, []).append(row)
    return found


# --------------------------------------------------------------------------- what changed

WHOLE = "0001-01-01"  # rebuild from the start


def changes(old: Optional[list[Input]], new: list[Input]) -> Optional[str]:
    """None if nothing changed; else the earliest knowledge date (ISO, or LATEST) from
    which the law must be rebuilt (``WHOLE``: all of it)."""
    if old is None:
        return WHOLE
    old = [r for r in old if r.kind != "latest"]  # what it gave, not what it was built from
    if set(old) == set(new):
        return None
    fixed = {(r.kind, r.name, r.sha256) for r in old if r.kind in ("base", "facts", "file")}
    if fixed != {(r.kind, r.name, r.sha256) for r in new if r.kind in ("base", "facts", "file")}:
        return WHOLE
    dated_old = {(r.kind, r.name): r for r in old if r.kind in ("act", "date")}
    dated_new = {(r.kind, r.name): r for r in new if r.kind in ("act", "date")}
    days = []
    for key in set(dated_old) | set(dated_new):
        before, after = dated_old.get(key), dated_new.get(key)
        if before != after:
            days += [r.published or LATEST for r in (before, after) if r is not None]
    return min(days) if days else WHOLE


def since_label(since: str) -> str:
    if since == WHOLE:
        return "whole"
    return "as known from " + ("when all acts are known" if since == LATEST else since)


def iso(date: Optional[_dt.date]) -> str:
    return date.isoformat() if date else LATEST
