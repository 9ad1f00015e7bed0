"""``consolidator verify`` and ``export-hashes``: the whole store checked, not just what a
command reads.

``verify_store`` checks every row against the hash stored with it (``digests``), every
text against its SHA-256, every version's article digests against their hash and against
the articles of its text (recomputed), that each text is a law file, that the versions
of each law as known now cover its time without gap or overlap, and SQLite's own
integrity check. It lists every problem, each naming the law, the version and its dates.

The hashes in the store are no proof against someone who can write the store: they can
recompute them. ``hash_list`` writes one line per row with a hash computed from the data
(never copied from the store); kept elsewhere, ``verify_against`` compares the store with
it, which catches changed, added and deleted rows whatever the store's own hashes say.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consolidator.errors import ConsolidatorError, StoreError
from consolidator.law.lawfile import parse_law
from consolidator.store import digests, inputs
from consolidator.store.db import Store, blob
from consolidator.store.versions import article_digests

HEADER = f"# consolidator store hashes (schema {digests.SCHEMA_VERSION}); keep apart from the store"


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    laws: int = 0
    versions: int = 0
    states: int = 0

    def summary(self) -> str:
        counted = f"{self.laws} law(s), {self.versions} version(s), {self.states} knowledge period(s)"
        if not self.problems:
            return f"store verified: {counted}, every hash matches"
        return f"{len(self.problems)} problem(s) in {counted}"


def _where(row) -> str:
    until = f" until {row['valid_until']}" if row["valid_until"] else ""
    gone = f", superseded on {row['known_until']}" if row["known_until"] else ""
    return (f"{row['law']} version {row['id']} (valid from {row['valid_from']}{until}, known "
            f"from {row['known_from']}{gone})")


def _rows(store: Store, sql: str) -> list[dict]:
    cursor_rows = store.query(sql)
    names = [d[0] for d in store.db.execute(sql + " LIMIT 0").description]
    return [dict(zip(names, row)) for row in cursor_rows]


def verify_store(store_path: Path) -> Report:
    """``consolidator verify``: every check on every row of the store at ``store_path``."""
    store = Store(store_path)
    try:
        report = Report()
        for (message,) in store.query("PRAGMA integrity_check"):
            if message != "ok":
                report.problems.append(f"SQLite integrity check: {message}")
        _check_laws(store, report)
        _check_versions(store, report)
        _check_states(store, report)
        _check_inputs(store, report)
        return report
    finally:
        store.close()


def _check_laws(store: Store, report: Report) -> None:
    for row in _rows(store, "SELECT id, title, base_date, source, digest FROM law ORDER BY id"):
        report.laws += 1
        if digests.law_digest(row["id"], row["title"], row["base_date"], row["source"]) != row["digest"]:
            report.problems.append(f"law {row['id']}: its record (title, base date "
                                   f"{row['base_date']}, source) does not match its hash")


def _check_versions(store: Store, report: Report) -> None:
    rows = _rows(store, "SELECT id, law, valid_from, valid_until, known_from, known_until, xml,"
                        " sources, xml_sha256, articles_sha256, digest FROM version"
                        " LEFT JOIN version_xml ON version_xml.version = version.id ORDER BY id")
    for row in rows:
        report.versions += 1
        report.problems += [f"{_where(row)}: {p}" for p in _version_problems(store, row)]
    for table, what in (("version_article", "article digest(s)"), ("version_xml", "text(s)")):
        orphans = store.query(f"SELECT count(*) FROM {table}"
                              " WHERE version NOT IN (SELECT id FROM version)")[0][0]
        if orphans:
            report.problems.append(f"{orphans} {what} of versions that are not in the store")
    for law_id, _ in _law_ids(store):
        current = sorted((r for r in rows if r["law"] == law_id and r["known_until"] is None),
                         key=lambda r: r["valid_from"])
        report.problems += _coverage_problems(store, law_id, current)


def _law_ids(store: Store) -> list[tuple[str, str]]:
    return [tuple(row) for row in store.query("SELECT id, base_date FROM law ORDER BY id")]


def _version_problems(store: Store, row: dict) -> list[str]:
    problems = []
    if row["xml"] is None:
        return ["its text is missing"]
    xml = blob(row["xml"])
    if digests.sha256(xml) != row["xml_sha256"]:
        problems.append(f"its text does not match its hash (expected SHA-256 {row['xml_sha256']}, "
                        f"found {digests.sha256(xml)})")
    stored = dict(store.query("SELECT artikel, digest FROM version_article WHERE version = ?",
                              (row["id"],)))
    if digests.articles_digest(stored.items()) != row["articles_sha256"]:
        problems.append("its article digests do not match their hash")
    expected = digests.version_digest(row["law"], row["valid_from"], row["valid_until"],
                                      row["known_from"], row["known_until"], row["sources"],
                                      row["xml_sha256"], row["articles_sha256"])
    if expected != row["digest"]:
        problems.append("its record (dates, sources, hashes) does not match its hash")
    try:
        recomputed = article_digests(parse_law(xml, source=f"{store.path} version {row['id']}"))
    except ConsolidatorError as exc:
        return problems + [f"its text is not a law file ({exc.message})"]
    changed = sorted(set(recomputed.items()) ^ set(stored.items()))
    if changed:
        names = sorted({nr for nr, _ in changed})
        problems.append(f"the digests of article(s) {', '.join(names[:10])} do not match its text")
    return problems


def _coverage_problems(store: Store, law_id: str, current: list[dict]) -> list[str]:
    """The versions as known now must follow each other from the base date on."""
    if not current:
        return [f"law {law_id}: no version as known now"]
    problems = []
    base = store.query("SELECT base_date FROM law WHERE id = ?", (law_id,))[0][0]
    if current[0]["valid_from"] != base:
        problems.append(f"law {law_id}: the first version as known now is valid from "
                        f"{current[0]['valid_from']}, not from the base date {base}")
    for before, after in zip(current, current[1:]):
        if before["valid_until"] != after["valid_from"]:
            problems.append(f"law {law_id}: as known now, {_where(before)} is followed by "
                            f"{_where(after)} (a gap or an overlap: a row missing or added?)")
    if current[-1]["valid_until"] is not None:
        problems.append(f"law {law_id}: as known now, no version is valid after "
                        f"{current[-1]['valid_until']}")
    return problems


def _check_states(store: Store, report: Report) -> None:
    for row in _rows(store, "SELECT law, known_from, known_until, notes, digest FROM state"
                            " ORDER BY law, known_from"):
        report.states += 1
        if digests.state_digest(row["law"], row["known_from"], row["known_until"],
                                row["notes"]) != row["digest"]:
            report.problems.append(f"the notes of {row['law']} as known from "
                                   f"{row['known_from']} do not match their hash")


def _check_inputs(store: Store, report: Report) -> None:
    """What each law was built from (``inputs``): every row against its hash."""
    if not inputs.has_inputs(store):
        return
    for law, kind, name, published, sha, stored in store.query(
            "SELECT law, kind, name, published, sha256, digest FROM law_input"):
        if inputs.digest(law, inputs.Input(kind, name, published, sha)) != stored:
            report.problems.append(f"the record of what {law} was built from ({kind} {name}) "
                                   "does not match its hash")


# --------------------------------------------------------------------------- hashes kept elsewhere

def hash_list(store_path: Path) -> list[str]:
    """``consolidator export-hashes``: one line per row, its hash computed from the data.
    Refused for a store that does not verify (its hashes would vouch for a changed store)."""
    report = verify_store(store_path)
    if report.problems:
        raise StoreError(f"{store_path} does not verify ({len(report.problems)} problem(s), "
                         f"first: {report.problems[0]}); no hashes written")
    return [HEADER] + sorted(_current_lines(store_path).values())


def _current_lines(store_path: Path) -> dict[str, str]:
    """key → line for every row, hashes recomputed from the data."""
    store = Store(store_path)
    try:
        lines = {}
        for row in _rows(store, "SELECT id, title, base_date, source FROM law"):
            key = f"law\t{row['id']}"
            lines[key] = f"{key}\t{digests.law_digest(row['id'], row['title'], row['base_date'], row['source'])}"
        for row in _rows(store, "SELECT id, law, valid_from, valid_until, known_from, known_until,"
                                " xml, sources FROM version LEFT JOIN version_xml"
                                " ON version_xml.version = version.id"):
            articles = store.query("SELECT artikel, digest FROM version_article WHERE version = ?",
                                   (row["id"],))
            digest = digests.version_digest(
                row["law"], row["valid_from"], row["valid_until"], row["known_from"],
                row["known_until"], row["sources"], digests.sha256(blob(row["xml"] or b"")),
                digests.articles_digest(articles))
            key = f"version\t{row['id']}"
            lines[key] = (f"{key}\t{row['law']}\t{row['valid_from']}\t{row['valid_until'] or '-'}\t"
                          f"{row['known_from']}\t{row['known_until'] or '-'}\t{digest}")
        for row in _rows(store, "SELECT law, known_from, known_until, notes FROM state"):
            key = f"state\t{row['law']}\t{row['known_from']}"
            lines[key] = f"{key}\t{digests.state_digest(row['law'], row['known_from'], row['known_until'], row['notes'])}"
        return lines
    finally:
        store.close()


def verify_against(store_path: Path, hashes: Path) -> Report:
    """``consolidator verify --against FILE``: the store compared row by row with a list
    written by ``export-hashes``; every changed, missing and added row is a problem."""
    text = hashes.read_text("utf-8")
    if not text.startswith(HEADER):
        raise StoreError(f"{hashes} is not a list written by `consolidator export-hashes` "
                         f"(schema {digests.SCHEMA_VERSION})")
    kept = {}
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        key = "\t".join(parts[:3] if parts[0] == "state" else parts[:2])
        kept[key] = line
    now = _current_lines(store_path)
    report = Report(laws=sum(k.startswith("law") for k in now),
                    versions=sum(k.startswith("version") for k in now),
                    states=sum(k.startswith("state") for k in now))
    for key in sorted(set(kept) | set(now)):
        if key not in now:
            report.problems.append(f"missing from the store: {_readable(kept[key])}")
        elif key not in kept:
            report.problems.append(f"not in {hashes.name}: {_readable(now[key])}")
        elif kept[key] != now[key]:
            report.problems.append(f"changed since the list was written: {_readable(kept[key])}")
    return report


def _readable(line: str) -> str:
    parts = line.split("\t")
    if parts[0] == "version":
        until = f" until {parts[4]}" if parts[4] != "-" else ""
        gone = f", superseded on {parts[6]}" if parts[6] != "-" else ""
        return (f"{parts[2]} version {parts[1]} (valid from {parts[3]}{until}, known from "
                f"{parts[5]}{gone})")
    if parts[0] == "state":
        return f"the notes of {parts[1]} as known from {parts[2]}"
    return f"law {parts[1]}"
