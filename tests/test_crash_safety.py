"""Crash-safe, deterministic consolidation: a killed run leaves the store as it
was (or absent), a rerun completes it; two runs and any --jobs give the same bytes."""
from __future__ import annotations

import filecmp
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT

CORPUS = ROOT / "corpus"


def consolidate(out, store, *extra, wait=True):
    args = [sys.executable, "-m", "consolidator", "consolidate", str(CORPUS), "-o", str(out),
            "--store", str(store), *extra]
    if wait:
        return subprocess.run(args, capture_output=True, text=True)
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def content(store) -> list:
    """The store's rows, in a fixed order (what a reader can see)."""
    db = sqlite3.connect(str(store))
    try:
        return [db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("law", "version", "version_article", "state")]
    finally:
        db.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    result = consolidate(folder / "out", folder / "store.sqlite")
    assert result.returncode == 0, result.stderr
    return folder


def test_two_runs_give_byte_identical_outputs(reference, tmp_path):
    result = consolidate(tmp_path / "out", tmp_path / "store.sqlite")
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(reference / "out", tmp_path / "out")
    assert not (comparison.diff_files or comparison.left_only or comparison.right_only)
    assert (reference / "store.sqlite").read_bytes() == (tmp_path / "store.sqlite").read_bytes()


def test_jobs_give_the_same_store_and_outputs(reference, tmp_path):
    result = consolidate(tmp_path / "out", tmp_path / "store.sqlite", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert (reference / "store.sqlite").read_bytes() == (tmp_path / "store.sqlite").read_bytes()
    comparison = filecmp.dircmp(reference / "out", tmp_path / "out")
    assert not (comparison.diff_files or comparison.left_only or comparison.right_only)


def test_a_killed_run_leaves_the_store_as_it_was_and_a_rerun_completes_it(reference, tmp_path):
    expected = content(reference / "store.sqlite")
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    rng = random.Random(8)
    runtime = _runtime(tmp_path)
    for attempt in range(4):
        process = consolidate(out, store, wait=False)
        time.sleep(rng.uniform(0.05, runtime))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if store.exists():  # as before the run: absent at first, else complete
            assert content(store) == expected, f"attempt {attempt}"
    result = consolidate(out, store)
    assert result.returncode == 0, result.stderr
    assert content(store) == expected
    assert not list(tmp_path.glob("store.sqlite.partial*"))
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in
                                                           (reference / "out").iterdir())


def test_a_failing_run_changes_nothing(reference, tmp_path):
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    assert consolidate(out, store).returncode == 0
    before = store.read_bytes()
    broken = tmp_path / "corpus"
    subprocess.run(["cp", "-r", str(CORPUS), str(broken)], check=True)
    act = broken / "acts" / "stb-1996-649.txt"
    act.write_text(act.read_text("utf-8").replace("«een bijzondere school»", "«een school»"),
                   "utf-8")
    args = [sys.executable, "-m", "consolidator", "consolidate", str(broken), "-o", str(out),
            "--store", str(store)]
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "een school" in result.stderr
    assert store.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in
                                                           (reference / "out").iterdir())


def _runtime(tmp_path) -> float:
    start = time.perf_counter()
    assert consolidate(tmp_path / "timing-out", tmp_path / "timing.sqlite").returncode == 0
    return time.perf_counter() - start
