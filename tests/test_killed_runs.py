"""Consistency across store and outputs (issue 15, point 3): a run killed at any write step
leaves the store and the output folder from one run, or the next command says so and
makes them so; every output folder exists (the old one or the new one).

Each case forks: the child runs the library with ``CONSOLIDATOR_KILL_AT`` naming one step of
``faults.STEPS`` and kills itself there with SIGKILL (no cleanup runs, as with kill -9); the
parent checks what is on disk. ``tools/killsweep.py`` kills the real command at random
moments.
"""
from __future__ import annotations

import os
import signal
import traceback
from pathlib import Path

import pytest

from consolidator import faults, outputs
from consolidator.ownership import files_of, read_marker
from consolidator.store import publish
from consolidator.store.consolidate import consolidate
from consolidator.store.db import Store
from consolidator.views.site import render_store
from tinycorpus import leftovers, make

#: steps taken only by a forced update beside a user's files, or without an atomic exchange
_MERGE = {"output:merge-started", "output:merge-file", "output:merge-removed"}
_NO_EXCHANGE = {"output:moved-aside"}
#: steps before the journal: a run killed there leaves the old store and folder
_BEFORE_JOURNAL = {"consolidate:locked", "consolidate:parts", "consolidate:merged",
                   "consolidate:staged"}


def _killed_at(step: str, action) -> bool:
    """Run ``action`` in a forked child that dies at ``step``; did it die there?"""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.environ[faults.KILL_AT] = step
            if step in _NO_EXCHANGE:
                outputs._exchange = lambda first, second: False
            action()
        except BaseException:  # noqa: BLE001 - reported by the exit code
            traceback.print_exc()
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _run_of(store: Path, out: Path, user_files=()) -> str:
    """«a» or «b»: the run both the store and the output folder are from (else fail)."""
    marker = read_marker(out)
    assert marker is not None and marker.state == "complete", marker
    assert marker.store_sha256 == publish.file_sha256(store)
    assert set(files_of(out)) == set(marker.files) | set(user_files)
    opened = Store(store)
    try:
        stored = opened.xml(opened.current_versions("OISOVSO")[-1].id).decode("utf-8")
    finally:
        opened.close()
    written = (out / "OISOVSO.txt").read_text("utf-8")
    assert ("het jaar 1990" in stored) == ("het jaar 1990" in written)
    return "b" if "het jaar 1990" in written else "a"


@pytest.mark.parametrize("step", list(faults.STEPS))
def test_consolidate_killed_at_each_write_step(tmp_path, step):
    first, second = make(tmp_path / "a"), make(tmp_path / "b", variant="b")
    store, out = tmp_path / "store" / "store.sqlite", tmp_path / "out" / "latest"
    consolidate(first, out, store)
    force = step in _MERGE
    user = ("notes.txt",) if force else ()
    if force:
        (out / "notes.txt").write_text("mine")
    assert _killed_at(step, lambda: consolidate(second, out, store, force=force)), step
    journal = publish.journal_path(store).exists()
    assert journal == (step not in _BEFORE_JOURNAL | {"consolidate:published"})
    if step not in _NO_EXCHANGE:
        assert out.is_dir()  # the old folder or the new one, at every moment
    expected = "a" if step in _BEFORE_JOURNAL else "b"
    if not journal:
        assert _run_of(store, out, user) == expected
    told = []
    publish.settle(store, told.append)  # what the next command does first
    assert bool(told) == journal and all("finished now" in m for m in told), told
    assert _run_of(store, out, user) == expected
    consolidate(second, out, store, force=force)  # the next run: whole, nothing left over
    assert _run_of(store, out, user) == "b"
    assert leftovers(store.parent, out.parent) == []


def test_every_step_is_known_and_a_run_meets_the_usual_ones(tmp_path, monkeypatch):
    met = []
    monkeypatch.setattr(faults.os, "environ", {})
    original = faults.step
    monkeypatch.setattr(faults, "step", lambda name: (met.append(name), original(name)))
    first = make(tmp_path / "a")
    consolidate(first, tmp_path / "latest", tmp_path / "store.sqlite")
    consolidate(first, tmp_path / "latest", tmp_path / "store.sqlite")  # a swap this time
    assert set(met) == set(faults.STEPS) - _MERGE - _NO_EXCHANGE
    with pytest.raises(KeyError):
        original("consolidate:no-such-step")


@pytest.mark.parametrize("step", sorted(_MERGE | _NO_EXCHANGE | {"output:exchanged"}))
def test_render_killed_at_each_write_step(tmp_path, step):
    stores = []
    for variant in "ab":
        corpus = make(tmp_path / variant, variant=variant)
        consolidate(corpus, tmp_path / f"latest-{variant}", tmp_path / f"{variant}.sqlite")
        stores.append(tmp_path / f"{variant}.sqlite")
    site = tmp_path / "site"
    render_store(stores[0], site)
    force = step in _MERGE
    if force:
        (site / "notes.txt").write_text("mine")
    assert _killed_at(step, lambda: render_store(stores[1], site, force=force)), step
    marker = read_marker(site) if site.is_dir() else None
    if step in _NO_EXCHANGE:
        assert marker is None  # moved aside: the next run puts it back
    else:
        assert marker.state in ("complete", "updating")
        if marker.state == "complete":
            assert marker.store_sha256 in map(publish.file_sha256, stores)
            assert set(files_of(site)) == set(marker.files) | ({"notes.txt"} if force else set())
    told = []
    render_store(stores[1], site, told.append, force=force)
    if step in _MERGE:
        assert any("half-updated by a stopped run" in m for m in told), told
    marker = read_marker(site)
    assert marker.state == "complete" and marker.store_sha256 == publish.file_sha256(stores[1])
    assert set(files_of(site)) == set(marker.files) | ({"notes.txt"} if force else set())
    assert leftovers(tmp_path) == []


def test_a_stopped_publication_is_finished_from_another_working_folder(tmp_path, monkeypatch):
    """The journal holds absolute paths: the next command may run anywhere."""
    make(tmp_path / "a")
    make(tmp_path / "b", variant="b")
    monkeypatch.chdir(tmp_path)
    consolidate(Path("a"), Path("latest"), Path("store.sqlite"))
    assert _killed_at("consolidate:store-replaced",
                      lambda: consolidate(Path("b"), Path("latest"), Path("store.sqlite")))
    monkeypatch.chdir(tmp_path / "a")
    told = []
    publish.settle(tmp_path / "store.sqlite", told.append)
    assert len(told) == 1 and "finished now" in told[0]
    assert _run_of(tmp_path / "store.sqlite", tmp_path / "latest") == "b"
