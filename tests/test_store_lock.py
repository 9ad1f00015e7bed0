"""One writer at a time (issue 15, point 2): a store is locked for writing (flock on
``<store>.lock``, the holder's pid in it); a second writer is refused with that pid, or
waits with --wait; readers keep reading; staging names are per run and the leftovers of
killed runs are removed by the next run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from consolidator import faults
from consolidator.ownership import read_marker
from consolidator.store.lock import StoreLock
from consolidator.store.publish import file_sha256
from tinycorpus import leftovers, make, run, tree

_ENV = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLIDATOR_")}


def _consolidate(corpus, out, store, *extra, env=None):
    return subprocess.Popen([sys.executable, "-m", "consolidator", "consolidate", str(corpus),
                             "-o", str(out), "--store", str(store), *extra],
                            env={**_ENV, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _stopped(pid: int, timeout: float = 30) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with open(f"/proc/{pid}/stat") as handle:
            if handle.read().rsplit(")", 1)[1].split()[0] == "T":
                return True
        time.sleep(0.02)
    return False


def test_a_second_writer_is_refused_with_the_pid_of_the_first(tmp_path):
    corpus = make(tmp_path / "corpus", history=True)
    store, out = tmp_path / "store.sqlite", tmp_path / "latest"
    assert run("consolidate", corpus, "-o", out, "--store", store).code == 0
    before = (store.read_bytes(), tree(out))
    with StoreLock(store):
        for args in (["consolidate", corpus, "-o", out], ["import-bwb", corpus / "bwb" / "BWBR9999999"]):
            result = run(*args, "--store", store)
            assert result.code == 1, result
            assert f"store is being written by pid {os.getpid()}" in result.err
        reader = run("show", "OISOVSO", "--date", "2000-01-01", "--store", store)
        assert reader.code == 0 and "Overgangswet ISOVSO" in reader.out  # readers read
    assert (store.read_bytes(), tree(out)) == before
    assert leftovers(tmp_path) == []


def test_two_concurrent_runs_one_refused_one_waiting_the_store_whole(tmp_path):
    """Two runs into one store shared <store>.partial: one published part of the laws, the
    other failed with an internal error. Now: the first holds the lock (frozen at a write
    step), a second is refused, a third waits with --wait and then runs."""
    first, second = make(tmp_path / "a"), make(tmp_path / "b", variant="b")
    store, out = tmp_path / "store.sqlite", tmp_path / "latest"
    holder = _consolidate(first, out, store, env={faults.STOP_AT: "consolidate:parts"})
    try:
        assert _stopped(holder.pid)
        refused = run("consolidate", second, "-o", out, "--store", store)
        assert refused.code == 1 and f"being written by pid {holder.pid}" in refused.err
        waiter = _consolidate(second, out, store, "--wait")
        assert "waiting" in waiter.stderr.readline()
    finally:
        holder.send_signal(signal.SIGCONT)
    assert holder.wait(30) == 0 and waiter.wait(30) == 0, waiter.stderr.read()
    assert read_marker(out).store_sha256 == file_sha256(store)  # the waiter's, whole
    assert "het jaar 1990" in (out / "OISOVSO.txt").read_text("utf-8")
    assert run("history", "OISOVSO", "--store", store).code == 0
    assert leftovers(tmp_path) == []


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def test_leftovers_of_killed_runs_are_removed_by_the_next(tmp_path):
    """.render-* and other staging folders piled up and were never removed."""
    corpus = make(tmp_path / "corpus")
    store, out = tmp_path / "store.sqlite", tmp_path / "latest"
    dead, alive = _dead_pid(), os.getpid()
    for name in (f".consolidate-{dead}-x1", f".render-{dead}-x2", f".export-{dead}-x3",
                 f".render-{alive}-x4"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_text("half")
    for name in ("store.sqlite.partial", f"store.sqlite.partial-{dead}",
                 f"store.sqlite.partial-{dead}-journal"):
        (tmp_path / name).write_bytes(b"half a store")
    result = run("consolidate", corpus, "-o", out, "--store", store)
    assert result.code == 0, result.err
    assert leftovers(tmp_path) == [f".render-{alive}-x4"]  # a live run's is kept
    assert f"removed {tmp_path / f'.render-{dead}-x2'}, left by a stopped run" in result.err


def test_an_output_folder_moved_aside_by_a_killed_run_is_put_back(tmp_path):
    corpus = make(tmp_path / "corpus")
    store, out = tmp_path / "store.sqlite", tmp_path / "latest"
    assert run("consolidate", corpus, "-o", out, "--store", store).code == 0
    before = tree(out)
    out.rename(tmp_path / f".latest-old-{_dead_pid()}-abc")  # killed between two renames
    result = run("render", "-o", tmp_path / "site", "--store", store, "--quiet")
    assert result.code == 0 and "put back the folder a stopped run" in result.err
    assert tree(out) == before and leftovers(tmp_path) == []
