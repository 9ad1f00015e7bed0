"""Portable, servable outputs (issue 15, point 8): what is stored and rendered does not
depend on where the corpus lies, and output folders and files can be read by others
(rwxr-xr-x and rw-r--r-- less the umask; mkdtemp and mkstemp make them private)."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from tinycorpus import make, run, tree


def _dump(store) -> str:
    db = sqlite3.connect(str(store))
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


def _all_outputs(corpus, folder):
    store = folder / "store.sqlite"
    for args in (["consolidate", corpus, "-o", folder / "latest"], ["export", "-o", folder / "export"],
                 ["render", "-o", folder / "site", "--quiet"]):
        result = run(*args, "--store", store)
        assert result.code == 0, result.err
    return store


def test_the_same_corpus_elsewhere_gives_the_same_store_export_and_site(tmp_path):
    """The store recorded the corpus's absolute path, and pages printed it."""
    first = make(tmp_path / "one" / "corpus", history=True)
    second = make(tmp_path / "somewhere" / "else" / "copy", history=True)
    store_one = _all_outputs(first.resolve(), tmp_path / "out-one")
    store_two = _all_outputs(second.resolve(), tmp_path / "out-two")
    assert _dump(store_one) == _dump(store_two)
    assert store_one.read_bytes() == store_two.read_bytes()
    for name in ("latest", "export", "site"):
        assert tree(tmp_path / "out-one" / name) == tree(tmp_path / "out-two" / name), name
    assert str(tmp_path) not in _dump(store_one)
    for content in tree(tmp_path / "out-one" / "site").values():
        assert str(tmp_path).encode() not in content
    assert "OISOVSO/base.xml" in _dump(store_one) and "'bwb/BWBR9999999'" in _dump(store_one)


def _modes(folder) -> set[tuple[str, str]]:
    found = {("dir", oct(stat.S_IMODE(folder.stat().st_mode)))}
    for path in folder.rglob("*"):
        found.add(("dir" if path.is_dir() else "file", oct(stat.S_IMODE(path.stat().st_mode))))
    return found


@pytest.mark.parametrize("umask, folders, files", [(0o022, "0o755", "0o644"),
                                                   (0o027, "0o750", "0o640")])
def test_output_folders_and_files_can_be_served(tmp_path, umask, folders, files):
    """Site and export folders were 0700 and the XML files 0600 (mkdtemp, mkstemp)."""
    corpus = make(tmp_path / "corpus")
    old = os.umask(umask)
    try:
        _all_outputs(corpus, tmp_path / "out")
        applied = tmp_path / "out" / "applied.xml"
        assert run("apply", corpus / "OISOVSO" / "base.xml", "-o", applied).code == 0
    finally:
        os.umask(old)
    for name in ("latest", "export", "site"):
        assert _modes(tmp_path / "out" / name) == {("dir", folders), ("file", files)}, name
    assert oct(stat.S_IMODE(applied.stat().st_mode)) == files
