"""Integrity: official toestanden are loaded only as the manifest vouches for them, and a
store whose rows or bytes were changed is never served (``db``, ``digests``, ``verify``).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT
from tinycorpus import run as run_cli
from consolidator.law.bwbmeta import read_manifest
from consolidator.store import digests

DHW = ROOT / "corpus" / "bwb" / "BWBR0002458"
LAW = "OISOVSO"  # the small store's law: three versions


def run(*args) -> tuple[int, str, str]:
    """``consolidator ARGS`` through the entry point: (exit code, stdout, stderr)."""
    ran = run_cli(*args)
    return ran.code, ran.out, ran.err


# --------------------------------------------------------------------------- official bytes

def test_the_bundled_toestanden_are_the_official_files():
    expressions = read_manifest(DHW / "manifest.xml")
    assert len(expressions) == 16
    for expression in expressions:
        data = (DHW / expression.filename).read_bytes()
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), expression.filename
        assert len(data) == expression.size, expression.filename
        assert hashlib.sha512(data).hexdigest() == expression.hashcode.lower(), expression.filename
    sources = (DHW / "SOURCES.md").read_text("utf-8")
    assert all(e.filename in sources for e in expressions)


def _dhw_copy(tmp_path) -> Path:
    folder = tmp_path / "BWBR0002458"
    shutil.copytree(DHW, folder)
    return folder


def test_import_bwb_refuses_an_edited_toestand_naming_file_and_hashes(tmp_path):
    folder = _dhw_copy(tmp_path)
    path = folder / "BWBR0002458_2009-07-01_0.xml"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Drank- en Horecawet", b"Drank- en Horecawed", 1))
    store = tmp_path / "store.sqlite"
    code, _, err = run("import-bwb", folder, "--store", store)
    assert code == 1, err
    expected = hashlib.sha512(data).hexdigest()
    assert "BWBR0002458_2009-07-01_0.xml is not the file the manifest lists" in err
    assert expected in err and hashlib.sha512(path.read_bytes()).hexdigest() in err
    assert not store.exists() or run("show", "BWBR0002458", "--date", "2010-01-01",
                                     "--store", store)[0] == 1


def test_import_bwb_refuses_a_toestand_of_another_size(tmp_path):
    folder = _dhw_copy(tmp_path)
    path = folder / "BWBR0002458_2015-01-01_0.xml"
    path.write_bytes(path.read_bytes() + b"\n")
    code, _, err = run("import-bwb", folder, "--store", tmp_path / "s.sqlite")
    assert code == 1 and "286349 bytes, found" in err and "286350 bytes" in err


@pytest.mark.parametrize("name", ["../x.xml", "/etc/passwd", "sub/BWBR0002458_2000-11-01_0.xml"])
def test_import_bwb_refuses_manifest_paths_outside_the_folder(tmp_path, name):
    folder = _dhw_copy(tmp_path)
    (tmp_path / "x.xml").write_bytes((DHW / "BWBR0002458_2000-11-01_0.xml").read_bytes())
    manifest = folder / "manifest.xml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text.replace('label="BWBR0002458_2000-11-01_0.xml"', f'label="{name}"'),
                        "utf-8")
    code, _, err = run("import-bwb", folder, "--store", tmp_path / "s.sqlite")
    assert code == 1 and "cannot be used as a file name" in err, err


def test_import_bwb_refuses_a_link_that_leads_out_of_the_folder(tmp_path):
    folder = _dhw_copy(tmp_path)
    outside = tmp_path / "elsewhere.xml"
    target = folder / "BWBR0002458_2000-11-01_0.xml"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    os.symlink(outside, target)
    code, _, err = run("import-bwb", folder, "--store", tmp_path / "s.sqlite")
    assert code == 1 and "a link that leads out of" in err, err


def test_import_bwb_refuses_a_manifest_without_hashes(tmp_path):
    folder = _dhw_copy(tmp_path)
    manifest = folder / "manifest.xml"
    text = manifest.read_text("utf-8")
    start = text.index("<hashcode>")
    manifest.write_text(text[:start] + text[text.index("</hashcode>") + len("</hashcode>"):],
                        "utf-8")
    code, _, err = run("import-bwb", folder, "--store", tmp_path / "s.sqlite")
    assert code == 1 and "gives no hashcode and size" in err, err


# --------------------------------------------------------------------------- the store

@pytest.fixture
def store_copy(small_store_path, tmp_path):
    path = tmp_path / "store.sqlite"
    shutil.copy(small_store_path, path)
    return path


def _execute(path: Path, sql: str, params=()) -> list:
    db = sqlite3.connect(str(path))
    try:
        rows = db.execute(sql, params).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def _current(path: Path) -> tuple:
    return _execute(path, "SELECT id, valid_from FROM version WHERE law = ? AND known_until IS NULL"
                          " ORDER BY valid_from DESC LIMIT 1", (LAW,))[0]


def _reads(path: Path, out: Path) -> list[tuple[str, tuple]]:
    return [("show", ("show", LAW, "--date", "2000-01-01", "--store", path)),
            ("export", ("export", LAW, "-o", out / "export", "--store", path)),
            ("render", ("render", "-o", out / "site", "--quiet", "--store", path)),
            ("diff", ("diff", LAW, "--from", "1996-12-31", "--to", "2000-01-01", "--store", path))]


def test_a_changed_text_is_never_served(store_copy, tmp_path):
    version, valid_from = _current(store_copy)
    _execute(store_copy, "UPDATE version_xml SET xml = replace(xml, 'gemeente', 'gemeenta')"
                         " WHERE version = ?", (version,))
    for name, args in _reads(store_copy, tmp_path):
        code, out, err = run(*args)
        assert code == 1, (name, err)
        assert f"{LAW} version {version} (valid from {valid_from}" in err, (name, err)
        assert "its text does not match its hash" in err and "gemeenta" not in out
    assert not (tmp_path / "export").exists() and not (tmp_path / "site").exists()


def test_ten_changed_bytes_in_the_file_are_caught(store_copy):
    version, valid_from = _current(store_copy)
    data = bytearray(store_copy.read_bytes())
    at = data.find(b"Overgangswet ISOVSO</citeertitel>")
    assert at > 0
    data[at:at + 10] = b"Overgangswet"[:10][::-1]
    store_copy.write_bytes(bytes(data))
    assert _execute(store_copy, "PRAGMA integrity_check") == [("ok",)]
    code, _, err = run("verify", "--store", store_copy)
    assert code == 1 and "its text does not match its hash" in err
    answers = [run("show", LAW, "--date", day, *known, "--store", store_copy)
               for day, known in (("1996-12-31", ("--known-at", "1996-12-01")),
                                  ("1996-12-31", ()), ("2000-01-01", ()))]
    refused = [err for code, _, err in answers if code == 1]
    assert refused and all(f"{LAW} version" in err and "its text does not match" in err
                           for err in refused)  # the version whose text was hit


def test_history_reads_no_text(store_copy):
    """``history`` reads the versions' records, never their XML (schema 3 keeps the texts in a
    table of their own): with every text replaced it still answers, every row's hash checked;
    a command that reads a text refuses it."""
    _execute(store_copy, "UPDATE version_xml SET xml = 'not read'")
    code, out, err = run("history", LAW, "--store", store_copy)
    assert code == 0 and f"{LAW}:" in out and not err
    code, _, err = run("show", LAW, "--date", "2000-01-01", "--store", store_copy)
    assert code == 1 and "its text does not match its hash" in err
    _execute(store_copy, "DELETE FROM version_xml")
    code, _, err = run("verify", "--store", store_copy)
    assert code == 1 and "its text is missing" in err


def test_changed_metadata_is_caught_on_every_read(store_copy):
    version, _ = _current(store_copy)
    _execute(store_copy, "UPDATE version SET sources = '[]' WHERE id = ?", (version,))
    code, _, err = run("history", LAW, "--store", store_copy)
    assert code == 1 and "its record (dates, sources, hashes) does not match its hash" in err
    _execute(store_copy, "UPDATE law SET title = 'Wet op het kwaad' WHERE id = ?", (LAW,))
    code, _, err = run("show", "Wet op het kwaad", "--date", "2000-01-01", "--store", store_copy)
    assert code == 1 and f"the record of law {LAW}" in err


def test_changed_article_digests_are_caught(store_copy):
    version, _ = _current(store_copy)
    _execute(store_copy, "UPDATE version_article SET digest = 'x' WHERE version = ? AND artikel = 'E 24'",
             (version,))
    code, _, err = run("history", LAW, "--artikel", "E 24", "--store", store_copy)
    assert code == 1 and "article digests do not match their hash" in err
    code, _, err = run("verify", "--store", store_copy)
    assert code == 1 and "article digests do not match their hash" in err


def _recompute(path: Path, version: int) -> None:
    """What an attacker with write access does: change a text and every hash with it."""
    db = sqlite3.connect(str(path))
    try:
        row = db.execute("SELECT law, valid_from, valid_until, known_from, known_until, xml,"
                         " sources FROM version JOIN version_xml ON version = id WHERE id = ?",
                         (version,)).fetchone()
        xml = bytes(row[5]).replace(b"gemeente", b"gemeenta")
        articles = db.execute("SELECT artikel, digest FROM version_article WHERE version = ?",
                              (version,)).fetchall()
        xml_sha, art_sha = digests.sha256(xml), digests.articles_digest(articles)
        digest = digests.version_digest(*row[:5], row[6], xml_sha, art_sha)
        db.execute("UPDATE version SET xml_sha256 = ?, digest = ? WHERE id = ?",
                   (xml_sha, digest, version))
        db.execute("UPDATE version_xml SET xml = ? WHERE version = ?", (xml, version))
        db.commit()
    finally:
        db.close()


def test_hashes_kept_elsewhere_catch_recomputed_hashes(store_copy, tmp_path):
    hashes = tmp_path / "kept" / "hashes.txt"
    code, out, err = run("export-hashes", "--store", store_copy, "-o", hashes)
    assert code == 0, err
    assert run("verify", "--store", store_copy, "--against", hashes)[0] == 0
    version, valid_from = _current(store_copy)
    _recompute(store_copy, version)
    code, out, _ = run("show", LAW, "--date", "2023-01-01", "--store", store_copy)
    assert code == 0 and "gemeenta" in out  # the in-store hashes cannot tell (the threat model)
    code, _, err = run("verify", "--store", store_copy, "--against", hashes)
    assert code == 1
    assert f"changed since the list was written: {LAW} version {version} (valid from {valid_from}" in err


def test_deleted_rows_are_caught(store_copy, tmp_path):
    hashes = tmp_path / "hashes.txt"
    assert run("export-hashes", "--store", store_copy, "-o", hashes)[0] == 0
    version, valid_from = _current(store_copy)
    _execute(store_copy, "DELETE FROM version_article WHERE version = ?", (version,))
    _execute(store_copy, "DELETE FROM version WHERE id = ?", (version,))
    code, _, err = run("verify", "--store", store_copy)
    assert code == 1 and "no version is valid after" in err
    code, _, err = run("verify", "--store", store_copy, "--against", hashes)
    assert code == 1 and f"missing from the store: {LAW} version {version}" in err


def test_a_clean_store_verifies_and_export_hashes_refuses_a_changed_one(store_copy, tmp_path):
    code, out, err = run("verify", "--store", store_copy)
    assert code == 0 and "every hash matches" in out and not err
    version, _ = _current(store_copy)
    _execute(store_copy, "UPDATE version SET valid_from = '1990-01-01' WHERE id = ?", (version,))
    code, _, err = run("export-hashes", "--store", store_copy, "-o", tmp_path / "h.txt")
    assert code == 1 and "does not verify" in err and not (tmp_path / "h.txt").exists()


def test_a_store_of_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "old.sqlite"
    _execute(path, "CREATE TABLE law (id TEXT PRIMARY KEY, title TEXT, base_date TEXT, source TEXT)")
    _execute(path, "CREATE TABLE version (id INTEGER PRIMARY KEY, law TEXT, valid_from TEXT,"
                   " valid_until TEXT, known_from TEXT, known_until TEXT, xml BLOB, sources TEXT)")
    _execute(path, "CREATE TABLE state (law TEXT, known_from TEXT, known_until TEXT, notes TEXT)")
    code, _, err = run("show", LAW, "--date", "2000-01-01", "--store", path)
    assert code == 1 and "a store of schema version 1" in err and "reads version 3" in err
    _execute(path, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    _execute(path, "INSERT INTO meta VALUES ('schema_version', '2')")
    code, _, err = run("history", LAW, "--store", path)
    assert code == 1 and "a store of schema version 2" in err and "texts apart" in err
    _execute(path, "UPDATE meta SET value = '4'")
    code, _, err = run("import-bwb", DHW, "--store", path)
    assert code == 1 and "a store of schema version 4" in err


def test_the_store_records_its_schema_version(store_copy):
    assert _execute(store_copy, "SELECT value FROM meta WHERE key = 'schema_version'") == \
        [(str(digests.SCHEMA_VERSION),)]
    sources = _execute(store_copy, "SELECT sources FROM version LIMIT 1")[0][0]
    assert isinstance(json.loads(sources), list)
