"""``consolidate`` builds on the store it finds: a law whose inputs did not change keeps its
rows as they are (same ids, same bytes); a law an added, removed or changed act concerns is
rebuilt from the earliest knowledge date that act changes; and the result is what a full
rebuild gives (rows compared per law in the order they were written, outputs byte for
byte)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import ROOT
from tinycorpus import run, tree

from consolidator.law import lawtext
from consolidator.law.lawfile import write_law

import datetime as dt

ACTS = ROOT / "tests" / "fixtures" / "acts"
TIME = ROOT / "tests" / "fixtures" / "time"


def _corpus(folder: Path, acts: list[Path]) -> Path:
    for law_id, text, day in (("PROEF", ACTS / "proefwet.txt", dt.date(2024, 1, 1)),
                              ("BWBRTEST", TIME / "testwet.txt", dt.date(1999, 12, 31))):
        (folder / law_id).mkdir(parents=True)
        law = lawtext.parse_law_text(text.read_text("utf-8"), bwb_id=law_id, date=day)
        write_law(law, folder / law_id / "base.xml")
    (folder / "acts").mkdir()
    for act in acts:
        shutil.copy(act, folder / "acts" / act.name)
    return folder


def _consolidate(corpus: Path, store: Path, *extra) -> str:
    result = run("consolidate", corpus, "-o", store.parent / "out", "--store", store, *extra)
    assert result.code == 0, result.err
    return result.err


def _rows(store: Path, law: str) -> list:
    db = sqlite3.connect(str(store))
    try:
        return db.execute("SELECT * FROM version JOIN version_xml ON version = id WHERE law = ?"
                          " ORDER BY id", (law,)).fetchall()
    finally:
        db.close()


def logical(store: Path) -> dict:
    """The store's rows with each version id replaced by (law, its place among the law's
    versions): what a full rebuild and an incremental one must share."""
    db = sqlite3.connect(str(store))
    try:
        ids, places = {}, {}
        for version_id, law in db.execute("SELECT id, law FROM version ORDER BY id"):
            places[law] = places.get(law, 0) + 1
            ids[version_id] = (law, places[law])
        found = {"version": sorted((ids[r[0]],) + r[1:] for r in db.execute(
            "SELECT v.*, x.xml FROM version v JOIN version_xml x ON x.version = v.id")),
            "version_article": sorted((ids[r[0]],) + r[1:] for r in db.execute(
                "SELECT * FROM version_article"))}
        for table in ("law", "state", "law_input", "act", "act_version", "meta"):
            found[table] = sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        return found
    finally:
        db.close()


def _same_as_full(corpus: Path, store: Path, tmp: Path) -> None:
    full = tmp / "full" / "store.sqlite"
    full.parent.mkdir(exist_ok=True)
    shutil.rmtree(full.parent / "out", ignore_errors=True)
    full.unlink(missing_ok=True)
    _consolidate(corpus, full, "--full")
    assert logical(store) == logical(full)
    assert tree(store.parent / "out") == tree(full.parent / "out") or _differ_in_marker(
        store.parent / "out", full.parent / "out")


def _differ_in_marker(one: Path, other: Path) -> bool:
    """The output folders differ only in the marker's store hash (the files themselves
    hold the same rows, but not in the same order of pages)."""
    a, b = tree(one), tree(other)
    assert set(a) == set(b)
    differing = [name for name in a if a[name] != b[name]]
    assert differing == [".consolidator-output"], differing
    return True


def test_one_new_act_rebuilds_only_the_law_it_touches(tmp_path):
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt", ACTS / "stb-2024-150.txt",
                                           TIME / "stb-2000-100.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    proef, test = _rows(store, "PROEF"), _rows(store, "BWBRTEST")
    assert "0 of 2 law(s)" not in _consolidate(corpus, store)  # nothing new: all kept
    assert _rows(store, "PROEF") == proef and _rows(store, "BWBRTEST") == test

    shutil.copy(TIME / "stb-2001-10.txt", corpus / "acts")
    err = _consolidate(corpus, store)
    assert "1 of 2 law(s) kept as built" in err
    assert "BWBRTEST: rebuilt as known from 2001-" in err and "PROEF: rebuilt" not in err
    assert _rows(store, "PROEF") == proef  # not rewritten: the same rows, ids and bytes
    assert _rows(store, "BWBRTEST")[:len(test)] != test or len(_rows(store, "BWBRTEST")) > len(test)
    _same_as_full(corpus, store, tmp_path)


def test_an_act_that_amends_an_act_and_an_act_published_earlier(tmp_path):
    """An act changing another act before it takes effect rebuilds the law that act
    changes; an act published before acts already in the store rebuilds from its own
    publication date (knowledge in between is redone); a removed act likewise."""
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt", ACTS / "stb-2024-150.txt",
                                           TIME / "stb-2000-100.txt", TIME / "stb-2001-10.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    test = _rows(store, "BWBRTEST")
    shutil.copy(ACTS / "stb-2024-120.txt", corpus / "acts")
    err = _consolidate(corpus, store)
    assert "PROEF: rebuilt as known from 2024-05-15" in err and "BWBRTEST: rebuilt" not in err
    assert _rows(store, "BWBRTEST") == test
    _same_as_full(corpus, store, tmp_path)

    proef = _rows(store, "PROEF")
    for name in ("stb-2000-200.txt", "stb-2000-300.txt"):
        shutil.copy(TIME / name, corpus / "acts")
    err = _consolidate(corpus, store)
    assert "BWBRTEST: rebuilt as known from 2000-" in err and "PROEF: rebuilt" not in err
    assert _rows(store, "PROEF") == proef
    _same_as_full(corpus, store, tmp_path)

    (corpus / "acts" / "stb-2001-10.txt").unlink()
    err = _consolidate(corpus, store)
    assert "BWBRTEST: rebuilt as known from 2001-" in err
    _same_as_full(corpus, store, tmp_path)


def test_a_changed_base_text_or_engine_rebuilds_the_law_whole(tmp_path):
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt", TIME / "stb-2000-100.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    proef = _rows(store, "PROEF")
    base = corpus / "BWBRTEST" / "base.xml"
    base.write_bytes(base.read_bytes().replace(b"regels", b"nadere regels", 1))
    err = _consolidate(corpus, store)
    assert "1 of 2 law(s) kept" in err and _rows(store, "PROEF") == proef
    _same_as_full(corpus, store, tmp_path)
    db = sqlite3.connect(str(store))
    db.execute("PRAGMA user_version = 1")  # as another build of the engine would leave it
    db.close()
    err = _consolidate(corpus, store)
    assert "building every law anew: the store was written by another build" in err
    _same_as_full(corpus, store, tmp_path)


def test_a_changed_row_in_the_store_is_not_built_on(tmp_path):
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    db = sqlite3.connect(str(store))
    db.execute("UPDATE version SET sources = '[]' WHERE law = 'PROEF'")
    db.commit()
    db.close()
    err = _consolidate(corpus, store)
    assert "building every law anew" in err and "does not match its hash" in err
    _same_as_full(corpus, store, tmp_path)


def test_a_changed_record_of_inputs_is_caught(tmp_path):
    """``verify`` checks what each law was built from; a run does not build on it."""
    corpus = _corpus(tmp_path / "corpus", [TIME / "stb-2000-100.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    assert run("verify", "--store", store).code == 0
    db = sqlite3.connect(str(store))
    db.execute("UPDATE law_input SET sha256 = 'x' WHERE kind = 'base'")
    db.commit()
    db.close()
    result = run("verify", "--store", store)
    assert result.code == 1 and "the record of what BWBRTEST was built from (base" in result.err
    err = _consolidate(corpus, store)
    assert "building every law anew" in err and "does not match its hash" in err


def test_a_kept_law_s_latest_text_is_taken_only_as_written(tmp_path):
    """A kept law's latest files come from the previous output only when they still have
    the hashes the store recorded; an edited one is rendered again."""
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt", TIME / "stb-2000-100.txt"])
    store = tmp_path / "run" / "store.sqlite"
    _consolidate(corpus, store)
    out = store.parent / "out"
    written = (out / "PROEF.txt").read_bytes()
    (out / "PROEF.txt").write_bytes(written.replace(b"Proefwet", b"Kwaadwet"))
    shutil.copy(TIME / "stb-2001-10.txt", corpus / "acts")
    assert "1 of 2 law(s) kept" in _consolidate(corpus, store)
    assert (out / "PROEF.txt").read_bytes() == written
    _same_as_full(corpus, store, tmp_path)
