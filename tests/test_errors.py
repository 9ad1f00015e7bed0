"""Errors that say what happened (issue 15, point 7): a full disk, a read-only file or a
refused permission give exit code 1 with the file and the OS's reason, and leave no staged
files; an empty date or path is a usage error (2); one scheme of exit codes for every
command, the README's table."""
from __future__ import annotations

import builtins
import errno
import io
import re
import sqlite3

import pytest

from conftest import ROOT
from consolidator import cli as cli_module
from consolidator.law import lawtext
from tinycorpus import leftovers, make, run, tree


@pytest.fixture()
def tiny(tmp_path):
    corpus = make(tmp_path / "corpus")
    store, out = tmp_path / "store.sqlite", tmp_path / "latest"
    assert run("consolidate", corpus, "-o", out, "--store", store).code == 0
    return corpus, store, out


def _full_disk_after(monkeypatch, folder, writes: int) -> None:
    """Every write-open under ``folder`` (or of a bare descriptor) after the first
    ``writes`` fails as on a full disk: ENOSPC, and, like a failing write(), no file name."""
    count = [0]
    real = builtins.open

    def full(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+") and (isinstance(file, int) or
                                               str(file).startswith(str(folder))):
            count[0] += 1
            if count[0] > writes:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full)
    monkeypatch.setattr(io, "open", full)


@pytest.mark.parametrize("command", ["render", "export", "consolidate"])
def test_a_full_disk_names_the_file_and_leaves_nothing(tiny, tmp_path, monkeypatch, command):
    """«error: : No space left on device»: no file named."""
    corpus, store, out = tiny
    target = out if command == "consolidate" else tmp_path / "new"
    before = (store.read_bytes(), tree(out))
    _full_disk_after(monkeypatch, tmp_path, 2)
    args = [corpus] if command == "consolidate" else []
    result = run(command, *args, "-o", target, "--store", store)
    monkeypatch.undo()
    assert result.code == 1, result
    found = re.search(r"^error: cannot write (\S+): No space left on device$", result.err, re.M)
    assert found and found.group(1).startswith(str(tmp_path)), result.err
    assert (store.read_bytes(), tree(out)) == before
    assert leftovers(tmp_path) == [] and not (tmp_path / "new").exists()


def _small_staged_stores(monkeypatch, pragma: str) -> None:
    """A staged store (``.partial``) that SQLite cannot grow or write: a full disk (no
    page left) or a read-only file, as SQLite reports them."""
    real = sqlite3.connect

    def connect(path, *args, **kwargs):
        connection = real(path, *args, **kwargs)
        if ".partial" in str(path):
            connection.execute(pragma)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize("pragma, reason", [
    ("PRAGMA max_page_count = 7", "database or disk is full"),
    ("PRAGMA query_only = 1", "attempt to write a readonly database")])
def test_a_store_that_cannot_be_written_is_named_not_a_bug(tiny, tmp_path, monkeypatch, pragma,
                                                            reason):
    """«database or disk is full … This is a bug in consolidator» (exit 70), and a .partial
    of megabytes left behind."""
    corpus, store, out = tiny
    before = (store.read_bytes(), tree(out))
    _small_staged_stores(monkeypatch, pragma)
    # --full: a staged store written anew (a run that keeps every law writes little)
    result = run("consolidate", corpus, "-o", out, "--store", store, "--full")
    monkeypatch.undo()
    assert result.code == 1, result
    assert re.search(rf"^error: cannot write {re.escape(str(store))}\.partial-\d+: {reason}$",
                     result.err, re.M), result.err
    assert "bug" not in result.err and "rollback" not in result.err
    assert (store.read_bytes(), tree(out)) == before and leftovers(tmp_path) == []


def test_a_refused_permission_names_the_file(tiny, tmp_path, monkeypatch):
    corpus, store, out = tiny
    import consolidator.outputs as outputs_module

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(outputs_module.tempfile, "mkdtemp", refused)
    result = run("render", "-o", tmp_path / "site", "--store", store)
    monkeypatch.undo()
    assert result.code == 1
    assert f"error: cannot write {tmp_path}/.render-" in result.err
    assert result.err.rstrip().endswith(": Permission denied")


_EMPTY = [
    ["show", "X", "--date", ""], ["show", "X", "--date", "2000-01-01", "--known-at", ""],
    ["check", "A.txt", "--date", ""], ["check", "", "--date", "2000-01-01"],
    ["check", "A.txt", "--corpus", ""],
    ["apply", "L.xml", "-o", "O.xml", "--date", ""], ["apply", "L.xml", "-o", "O.xml", "--known-at", ""],
    ["apply", "L.xml", "-o", ""], ["apply", "", "-o", "O.xml"], ["apply", "L.xml", "", "-o", "O.xml"],
    ["apply", "L.xml", "-o", "O.xml", "--facts", ""],
    ["diff", "X", "--from", "", "--to", "2000-01-01"], ["diff", "X", "--from", "2000-01-01", "--to", ""],
    ["diff", "X", "--from", "2000-01-01", "--to", "2001-01-01", "--known-at", ""],
    ["diff", "X", "--date", "", "--from-known", "2000-01-01", "--to-known", "2001-01-01"],
    ["diff", "X", "--date", "2000-01-01", "--from-known", "", "--to-known", "2001-01-01"],
    ["diff", "X", "--date", "2000-01-01", "--from-known", "2000-01-01", "--to-known", ""],
    ["consolidate", ""], ["consolidate", "corpus", "-o", ""], ["consolidate", "corpus", "--store", ""],
    ["export", "-o", ""], ["export", "-o", "x", "--store", ""], ["render", "-o", ""],
    ["history", "X", "--store", ""], ["import-bwb", ""], ["import-text", "", "-o", "o.xml"],
    ["import-text", "l.txt", "-o", ""], ["import-text", "l.txt", "-o", "o.xml", "--date", ""],
    ["text", ""], ["parse", ""],
]


@pytest.mark.parametrize("args", _EMPTY, ids=" ".join)
def test_an_empty_date_or_path_is_a_usage_error(tmp_path, monkeypatch, args):
    """--known-at '' gave the latest text; check --date '' ran without a date."""
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.code == 2, result
    assert "must not be empty" in result.err or "does not match the format" in result.err, result.err
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_exits_with_130(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(lawtext, "render_law_text", interrupted)
    result = run("text", ROOT / "corpus" / "OISOVSO" / "base.xml")
    assert result.code == cli_module.INTERRUPTED_EXIT == 130
    assert result.err.strip().endswith("Interrupted; nothing was written.")


def test_the_readme_lists_the_exit_codes():
    readme = (ROOT / "README.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", readme, re.M))
    assert {int(code) for code in rows} == set(cli_module.EXIT_CODES)
