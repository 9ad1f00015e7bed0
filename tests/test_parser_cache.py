"""The Lark parsers' cache (``read/parsercache.py``): a private per-user folder, files
keyed by the grammar, rebuilt when damaged, never unpickled where another user could have
written, and a cached parser that parses exactly as a freshly built one."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import stat
from pathlib import Path

import pytest
from lark import Lark, Token
from lark.exceptions import UnexpectedInput

from consolidator.read import grammars, parsercache

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = 'start: WORD ("," WORD)*\nWORD: /[a-z]+/\n%ignore " "\n'


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    """An empty XDG cache home; the consolidator folder in it is returned."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "consolidator"


def _small() -> Lark:
    return parsercache.cached_lark("small", GRAMMAR, **grammars.LARK_OPTIONS)


def _loaded(parser: Lark) -> bool:
    """True for a parser read from a cache file (Lark marks what it deserialised)."""
    return parser.source_path == "<deserialized>"


def _only_file(folder: Path) -> Path:
    (path,) = [p for p in folder.iterdir() if p.name.startswith("small-")]
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_cache_folder_and_file_are_private_and_used_on_the_next_call(cache_home):
    first = _small()
    assert not _loaded(first)
    assert _mode(cache_home) == 0o700 and _mode(cache_home.parent) == 0o700
    path = _only_file(cache_home)
    assert _mode(path) == 0o600
    second = _small()
    assert _loaded(second)
    assert second.parse("een, twee") == first.parse("een, twee")


def test_the_folder_is_xdg_cache_home_else_dot_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert parsercache.cache_folder() == tmp_path / "x" / "consolidator"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parsercache.cache_folder() == tmp_path / "home" / ".cache" / "consolidator"


def test_another_grammar_or_lark_version_gets_another_file(cache_home, monkeypatch):
    _small()
    parsercache.cached_lark("small", GRAMMAR + "\n", **grammars.LARK_OPTIONS)
    monkeypatch.setattr(parsercache.lark, "__version__", "0.0.0")
    parsercache.cached_lark("small", GRAMMAR, **grammars.LARK_OPTIONS)
    assert len([p for p in cache_home.iterdir() if p.name.startswith("small-")]) == 3


def test_the_cache_folder_is_safe_to_delete(cache_home):
    first = _small()
    shutil.rmtree(cache_home)
    again = _small()  # built anew, and the folder made again, private
    assert not _loaded(again) and again.parse("een, twee") == first.parse("een, twee")
    assert _mode(cache_home) == 0o700 and _mode(_only_file(cache_home)) == 0o600
    assert _loaded(_small())


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "garbage"])
def test_a_damaged_cache_file_is_rebuilt_and_replaced(cache_home, damage):
    _small()
    path = _only_file(cache_home)
    data = path.read_bytes()
    damaged = {"truncated": data[:len(data) // 2],
               "flipped": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
               "empty": b"", "garbage": os.urandom(2000)}[damage]
    path.write_bytes(damaged)
    rebuilt = _small()
    assert not _loaded(rebuilt) and rebuilt.parse("een")
    assert path.read_bytes() != damaged and _mode(path) == 0o600
    assert _loaded(_small())


def test_a_whole_file_whose_pickle_does_not_load_is_rebuilt(cache_home):
    _small()
    path = _only_file(cache_home)
    _rewrite_payload(path, pickle.dumps({"not": "a parser"}))
    assert not _loaded(_small())
    assert _loaded(_small())


def _rewrite_payload(path: Path, payload: bytes) -> None:
    """``path`` with the same header and a new payload whose digest matches: only the
    trust checks stand between it and the unpickler."""
    header = path.read_bytes().split(b"\n", 2)[:2]
    digest = hashlib.sha256(payload).hexdigest().encode()
    path.write_bytes(header[0] + b"\n" + header[1] + b"\n" + digest + b"\n" + payload)


class _Marker:
    """Unpickling this creates a folder: it shows whether a file was unpickled."""

    def __init__(self, where: str):
        self.where = where

    def __reduce__(self):
        return (os.mkdir, (self.where,))


def _plant(cache_home: Path, tmp_path: Path) -> Path:
    """The cache file of ``_small`` replaced by a pickle that leaves a marker when read."""
    _small()
    path = _only_file(cache_home)
    _rewrite_payload(path, pickle.dumps(_Marker(str(tmp_path / "unpickled"))))
    return path


def test_control_a_planted_file_with_private_modes_is_unpickled(cache_home, tmp_path):
    _plant(cache_home, tmp_path)
    _small()
    assert (tmp_path / "unpickled").exists()  # so the refusals below are real refusals


@pytest.mark.parametrize("bits", [stat.S_IWGRP, stat.S_IWOTH])
def test_a_cache_file_others_can_write_is_not_unpickled(cache_home, tmp_path, bits):
    path = _plant(cache_home, tmp_path)
    os.chmod(path, 0o600 | bits)
    before = path.read_bytes()
    parser = _small()
    assert not (tmp_path / "unpickled").exists()
    assert not _loaded(parser) and parser.parse("een")
    assert path.read_bytes() == before  # not written either: the place is not trusted


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_cache_folder_others_can_write_is_not_used(cache_home, tmp_path, mode):
    path = _plant(cache_home, tmp_path)
    os.chmod(cache_home, mode)
    before = path.read_bytes()
    parser = _small()
    assert not (tmp_path / "unpickled").exists()
    assert not _loaded(parser) and parser.parse("een")
    assert path.read_bytes() == before


def test_a_cache_of_another_user_is_not_used(cache_home, tmp_path, monkeypatch):
    _plant(cache_home, tmp_path)
    me = os.getuid()
    monkeypatch.setattr(parsercache.os, "getuid", lambda: me + 1)
    parser = _small()
    assert not (tmp_path / "unpickled").exists()
    assert not _loaded(parser) and parser.parse("een")


def test_a_symbolic_link_is_not_followed(cache_home, tmp_path):
    _plant(cache_home, tmp_path)
    path = _only_file(cache_home)
    elsewhere = tmp_path / "elsewhere.lark"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    parser = _small()
    assert not (tmp_path / "unpickled").exists() and not _loaded(parser)
    assert not path.is_symlink() and _loaded(_small())  # replaced by a file of its own


def test_no_usable_cache_folder_still_gives_a_parser(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    parser = _small()
    assert not _loaded(parser) and parser.parse("een, twee")


def _texts() -> list[str]:
    rows = (ROOT / "tests" / "fixtures" / "devcorpus" / "sentences.jsonl").read_text("utf-8")
    texts = [json.loads(line)["text"] for line in rows.splitlines() if line.strip()]
    texts += [path.read_text("utf-8") for path in (ROOT / "tests" / "fixtures" / "acts").glob("*.txt")]
    lines = {line for text in texts for line in text.split("\n") if line.strip()}
    # also without a lid's number: the samenloop and entry-into-force readers strip it
    return sorted(lines | {re.sub(r"^\s*(?:•\s*)?\d+[a-z]?\.\s+", "", line) for line in lines})


def _outcome(parser: Lark, text: str):
    """The tree with every token's and rule's columns, or where and how the parse failed."""
    try:
        tree = parser.parse(text)
    except UnexpectedInput as exc:
        return ("refused", type(exc).__name__, exc.line, exc.column)
    return tree, _positions(tree)


def _positions(node) -> list:
    if isinstance(node, Token):
        return [(node.type, str(node), node.line, node.column, node.end_column)]
    meta = node.meta
    out = [(node.data, None if meta.empty else (meta.column, meta.end_column))]
    for child in node.children:
        out.extend(_positions(child))
    return out


@pytest.mark.parametrize("files", [grammars.INSTRUCTION_FILES, grammars.IWT_FILES,
                                   grammars.SAMENLOOP_FILES])
def test_a_cached_parser_parses_exactly_as_a_fresh_one(cache_home, files):
    text = grammars.grammar_text(files)
    fresh = Lark(text, **grammars.LARK_OPTIONS)
    grammars.lalr(files)  # built and written
    cached = grammars.lalr(files)
    assert _loaded(cached)
    texts = _texts()
    outcomes = [(_outcome(fresh, t), _outcome(cached, t)) for t in texts]
    assert all(a == b for a, b in outcomes)
    read = sum(a[0] != "refused" for a, _ in outcomes)
    assert 5 < read < len(texts)  # each grammar reads some of these and refuses others
