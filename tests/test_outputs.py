"""Outputs never touch what is not theirs (issue 15, point 1).

An output folder (``-o`` of consolidate, export, render) that holds the store or the
corpus, or lies inside the corpus, is refused before any work, with or without --force; one
that holds files the engine did not write is refused unless --force, and then only the
engine's files are replaced. The engine's files are listed in a marker; a folder an older
version wrote (no marker) is recognised by its names and gets one.
"""
from __future__ import annotations

import shutil

import pytest

from consolidator import ownership
from tinycorpus import leftovers, make, run, tree


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A tiny corpus consolidated: (corpus, store), both left alone by the tests."""
    folder = tmp_path_factory.mktemp("tiny")
    corpus = make(folder / "corpus")
    store = folder / "store" / "store.sqlite"
    assert run("consolidate", corpus, "-o", folder / "latest", "--store", store).code == 0
    return corpus, store


def _store_copy(tiny, folder):
    """The tiny store copied into ``folder`` (a test may put outputs beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / "consolidator.sqlite"
    shutil.copyfile(tiny[1], store)
    return store


@pytest.mark.parametrize("command", ["render", "export"])
def test_an_output_folder_holding_the_store_is_refused(tiny, tmp_path, command):
    """consolidate, then render -o out (or export -o out) deleted out/consolidator.sqlite."""
    out = tmp_path / "out"
    store = _store_copy(tiny, out)
    before = tree(out)
    for extra in ([], ["--force"]):
        result = run(command, "-o", out, "--store", store, *extra)
        assert result.code == 1, result
        assert f"{out} holds the store {store}" in result.err
        assert tree(out) == before
    assert leftovers(tmp_path) == []


def test_consolidate_into_the_folder_of_its_store_is_refused(tiny, tmp_path):
    """consolidate CORPUS -o out deleted the store out/consolidator.sqlite and then failed."""
    out = tmp_path / "out"
    store = _store_copy(tiny, out)
    before = tree(out)
    result = run("consolidate", tiny[0], "-o", out, "--store", store)
    assert result.code == 1 and f"{out} holds the store" in result.err
    assert tree(out) == before and leftovers(tmp_path, out) == []


@pytest.mark.parametrize("where", ["corpus", "corpus/sub", "."])
def test_an_output_folder_that_is_holds_or_lies_in_the_corpus_is_refused(tmp_path, where):
    """consolidate corpus -o corpus deleted the input corpus, with exit code 0."""
    corpus = make(tmp_path / "corpus")
    before = tree(corpus)
    for extra in ([], ["--force"]):
        result = run("consolidate", corpus, "-o", tmp_path / where,
                     "--store", tmp_path.parent / f"{tmp_path.name}-store.sqlite", *extra)
        assert result.code == 1, result
        assert "the input folder" in result.err and str(corpus) in result.err
    assert tree(corpus) == before
    assert not (tmp_path.parent / f"{tmp_path.name}-store.sqlite").exists()  # before any work


@pytest.mark.parametrize("command", ["render", "export", "consolidate"])
def test_a_folder_with_a_users_file_is_refused_and_kept(tiny, tmp_path, command):
    """render/export into an existing folder deleted the user's files there."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    store = tmp_path / "new.sqlite" if command == "consolidate" else tiny[1]
    args = [tiny[0]] if command == "consolidate" else []
    result = run(command, *args, "-o", out, "--store", store)
    assert result.code == 1 and "files consolidator did not write (notes.txt)" in result.err
    assert tree(out) == {"notes.txt": b"mine"}
    assert leftovers(tmp_path) == [] and not (tmp_path / "new.sqlite").exists()


def test_force_replaces_only_the_engines_files(tiny, tmp_path):
    out = tmp_path / "site"
    assert run("render", "-o", out, "--store", tiny[1]).code == 0
    (out / "notes.txt").write_text("mine")
    (out / "OISOVSO" / "eigen.css").write_text("mine too")
    stale = out / "OISOVSO" / "1900-01-01.html"  # a page an earlier render wrote
    stale.write_text("old")
    marker = ownership.read_marker(out)
    ownership.write_marker(out, ownership.Marker("site", "", marker.files + (
        "OISOVSO/1900-01-01.html",)))
    assert run("render", "-o", out, "--store", tiny[1]).code == 1
    result = run("render", "-o", out, "--store", tiny[1], "--force")
    assert result.code == 0, result.err
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "OISOVSO" / "eigen.css").read_text() == "mine too"
    assert not stale.exists() and (out / "index.html").exists()
    after = ownership.read_marker(out)
    assert after.state == "complete" and "notes.txt" not in after.files
    assert set(after.files) == set(ownership.files_of(out)) - {"notes.txt", "OISOVSO/eigen.css"}
    assert leftovers(tmp_path) == []


def test_force_never_replaces_a_users_file_at_a_name_the_engine_writes(tiny, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my own index")
    (out / "notes.txt").write_text("mine")
    result = run("render", "-o", out, "--store", tiny[1], "--force")
    assert result.code == 1 and "index.html was not written by consolidator" in result.err
    assert tree(out) == {"index.html": b"my own index", "notes.txt": b"mine"}
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command, kind", [("render", "site"), ("export", "export"),
                                           ("consolidate", "latest")])
def test_a_folder_of_an_older_version_is_recognised_and_gets_the_marker(tiny, tmp_path,
                                                                        command, kind):
    out = tmp_path / "out"
    store = tmp_path / "store.sqlite"
    shutil.copyfile(tiny[1], store)
    args = [tiny[0]] if command == "consolidate" else []
    assert run(command, *args, "-o", out, "--store", store).code == 0
    (out / ownership.MARKER).unlink()  # as an older version left it
    for name in ownership.files_of(out):
        assert ownership.legacy.recognised(out, kind, name), name
    result = run(command, *args, "-o", out, "--store", store)
    assert result.code == 0, result.err
    marker = ownership.read_marker(out)
    assert marker.kind == kind and marker.files == ownership.files_of(out)


def test_an_unknown_file_beside_an_older_versions_output_is_not_taken_for_its(tiny, tmp_path):
    out = tmp_path / "latest"
    assert run("consolidate", tiny[0], "-o", out, "--store", tmp_path / "s.sqlite").code == 0
    (out / ownership.MARKER).unlink()
    (out / "notes.txt").write_text("mine")  # a .txt without its .xml: not a law's text
    (out / "scan.xml").write_text("<scan/>")
    result = run("consolidate", tiny[0], "-o", out, "--store", tmp_path / "s.sqlite")
    assert result.code == 1 and "(notes.txt, scan.xml)" in result.err


def test_the_output_of_another_command_is_refused(tiny, tmp_path):
    out = tmp_path / "site"
    assert run("render", "-o", out, "--store", tiny[1]).code == 0
    before = tree(out)
    result = run("export", "-o", out, "--store", tiny[1])
    assert result.code == 1 and "holds the output of `consolidator render`" in result.err
    assert tree(out) == before


def test_the_marker_lists_every_file_and_the_store(tiny, tmp_path):
    out = tmp_path / "export"
    assert run("export", "-o", out, "--store", tiny[1]).code == 0
    marker = ownership.read_marker(out)
    assert marker.kind == "export" and marker.state == "complete"
    assert marker.files == ownership.files_of(out) and "OISOVSO/manifest.xml" in marker.files
    from consolidator.store.publish import file_sha256
    assert marker.store_sha256 == file_sha256(tiny[1])
