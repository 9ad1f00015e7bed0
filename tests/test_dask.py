"""``consolidate --executor dask``: the per-law builds as tasks on a Dask cluster (here a
``LocalCluster`` of two workers in this process) give the same store, row for row and byte
for byte, and the same outputs as ``--jobs 1``; so does going on from a store with one new
act; an unreachable scheduler is a clear error."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from test_incremental import ACTS, TIME, _corpus
from tinycorpus import run, tree

distributed = pytest.importorskip("distributed")  # the [dask] extra, part of [test]


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _dump(store) -> list[str]:
    db = sqlite3.connect(str(store))
    try:
        return list(db.iterdump())
    finally:
        db.close()


def _run(corpus, folder, *extra):
    result = run("consolidate", corpus, "-o", folder / "out", "--store", folder / "s.sqlite",
                 *extra)
    assert result.code == 0, result.err
    return result.err


def test_dask_gives_what_jobs_gives(tmp_path, scheduler):
    corpus = _corpus(tmp_path / "corpus", [ACTS / "stb-2024-88.txt", ACTS / "stb-2024-150.txt",
                                           TIME / "stb-2000-100.txt"])
    local, cluster = tmp_path / "local", tmp_path / "cluster"
    _run(corpus, local)
    err = _run(corpus, cluster, "--executor", "dask", "--scheduler", scheduler)
    assert "PROEF: 4 version(s)" in err
    assert _dump(local / "s.sqlite") == _dump(cluster / "s.sqlite")
    assert (local / "s.sqlite").read_bytes() == (cluster / "s.sqlite").read_bytes()
    assert tree(local / "out") == tree(cluster / "out")

    shutil.copy(TIME / "stb-2001-10.txt", corpus / "acts")  # one more act, built on the store
    _run(corpus, local)
    err = _run(corpus, cluster, "--executor", "dask", "--scheduler", scheduler)
    assert "BWBRTEST: rebuilt as known from 2001-" in err
    assert _dump(local / "s.sqlite") == _dump(cluster / "s.sqlite")
    assert tree(local / "out") == tree(cluster / "out")


def test_the_scheduler_is_needed_and_must_answer(tmp_path):
    corpus = _corpus(tmp_path / "corpus", [TIME / "stb-2000-100.txt"])
    out = ("-o", tmp_path / "out", "--store", tmp_path / "s.sqlite")
    result = run("consolidate", corpus, *out, "--executor", "dask")
    assert result.code == 1 and "needs --scheduler" in result.err
    result = run("consolidate", corpus, *out, "--scheduler", "tcp://127.0.0.1:9")
    assert result.code == 2 and "--scheduler is for --executor dask" in result.err
    assert not (tmp_path / "s.sqlite").exists()
