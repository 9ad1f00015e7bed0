"""The version store: bitemporal rows, lookups, superseding, and the errors."""
from __future__ import annotations

import pytest

from consolidator.errors import StoreError
from consolidator.store.db import EARLIEST, LATEST, Store
import datetime as dt


def _store(tmp_path):
    store = Store(tmp_path / "s.sqlite", create=True)
    store.add_law("BWBR1", "Testwet", dt.date(2000, 1, 1), "test")
    return store


def test_lookup_on_two_axes(tmp_path):
    store = _store(tmp_path)
    with store.transaction():
        base = store.insert_version("BWBR1", "2000-01-01", None, EARLIEST, b"<a/>", [], {})
    # an act published 2000-06-01 changes the law from 2000-03-01 (retroactive)
    with store.transaction():
        store.close_versions([base], "2000-06-01")
        store.insert_version("BWBR1", "2000-01-01", "2000-03-01", "2000-06-01", b"<a/>", [], {})
        new = store.insert_version("BWBR1", "2000-03-01", None, "2000-06-01", b"<b/>",
                                   [{"label": "Stb. 2000, 1", "reason": "r"}], {"1": "x"})
    assert store.version_at("BWBR1", "2000-04-01", "2000-05-31").id == base
    assert store.version_at("BWBR1", "2000-04-01", "2000-06-01").id == new
    assert store.version_at("BWBR1", "2000-04-01").id == new
    assert store.version_at("BWBR1", "1999-12-31", LATEST) is None
    assert [v.valid_from for v in store.current_versions("BWBR1")] == ["2000-01-01", "2000-03-01"]
    assert len(store.all_versions("BWBR1")) == 3
    assert store.xml(new) == b"<b/>" and store.article_digests(new) == {"1": "x"}


def test_a_failed_transaction_leaves_nothing(tmp_path):
    store = _store(tmp_path)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert_version("BWBR1", "2000-01-01", None, EARLIEST, b"<a/>", [], {})
            raise RuntimeError("killed")
    assert store.all_versions("BWBR1") == []


def test_notes_follow_knowledge(tmp_path):
    store = _store(tmp_path)
    store.set_notes("BWBR1", EARLIEST, [])
    store.set_notes("BWBR1", "2000-06-01", ["branch XI taken"])
    assert store.notes("BWBR1", "2000-05-01") == []
    assert store.notes("BWBR1", "2000-06-01") == ["branch XI taken"]


def test_laws_are_found_by_id_or_title(tmp_path):
    store = _store(tmp_path)
    assert store.find_law("bwbr1") == "BWBR1"
    assert store.find_law("  testwet ") == "BWBR1"
    with pytest.raises(StoreError, match="no law 'Andere wet'.*BWBR1 \\(Testwet\\)"):
        store.find_law("Andere wet")


def test_missing_or_foreign_store_files_are_refused(tmp_path):
    with pytest.raises(StoreError, match="no store at .*consolidate --store"):
        Store(tmp_path / "absent.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a consolidator store"):
        Store(junk)
