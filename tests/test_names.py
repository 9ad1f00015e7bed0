"""Names as data (``consolidator.names``): ids that become file names or links are checked
where they are read and where they are written; no link on the site takes a scheme
from data; nothing is written outside ``-o``.
"""
from __future__ import annotations

import re

import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from consolidator.names import is_safe_name, url_path
from consolidator.store import digests
from test_integrity import run

HOSTILE = ["../../x", "javascript:alert(1)//", "..", ".", "a/b", "a\\b", ".hidden", "a..b", "",
           "x" * 129, "/etc/passwd", "a b", "a:b", "%2e%2e"]


@pytest.mark.parametrize("name", ["OISOVSO", "BWBR0003420", "STB-1996-403", "stb-1996-649",
                                  "BWBR0002458_2013-01-01_1", "BWBR0002458_2013-01-01_1.xml",
                                  "1997-01-01.html"])
def test_corpus_names_are_safe(name):
    assert is_safe_name(name)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_not(name):
    assert not is_safe_name(name)


def test_a_link_from_data_never_gets_a_scheme_or_another_host():
    for value in ("javascript:alert(1)//", "JavaScript:x", "data:text/html,x", "//evil.example/x",
                  "/etc/passwd", "mailto:x"):
        link = url_path(value)
        assert urlsplit(link).scheme == "" and urlsplit(link).netloc == "", (value, link)
    assert url_path("BWBR0003420/1997-01-01.html#artikel-6") == "BWBR0003420/1997-01-01.html#artikel-6"


def _corpus_with_id(tmp_path: Path, law_id: str) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "WET").mkdir(parents=True)
    data = (ROOT / "corpus" / "OISOVSO" / "base.xml").read_text("utf-8")
    assert "bwb-id=" not in data  # its id is its folder's name
    (corpus / "WET" / "base.xml").write_text(
        data.replace("<toestand ", f'<toestand bwb-id="{law_id}" ', 1), "utf-8")
    return corpus


@pytest.mark.parametrize("law_id", ["../../x", "javascript:alert(1)//"])
def test_consolidate_refuses_a_law_id_that_is_no_name(tmp_path, law_id):
    corpus = _corpus_with_id(tmp_path, law_id)
    code, _, err = run("consolidate", corpus, "-o", tmp_path / "out" / "c", "--store",
                       tmp_path / "out" / "s.sqlite")
    assert code == 1 and "cannot be used as a file name or in a link" in err, err
    assert not (tmp_path / "out" / "s.sqlite").exists()


def test_import_text_refuses_a_bwb_id_that_is_no_name(tmp_path):
    out = tmp_path / "law.xml"
    code, _, err = run("import-text", ROOT / "corpus" / "OISOVSO" / "base.txt", "-o", out,
                       "--bwb-id", "../../x")
    assert code == 1 and "--bwb-id '../../x'" in err and not out.exists()


def test_import_bwb_refuses_a_manifest_id_that_is_no_name(tmp_path):
    folder = tmp_path / "dhw"
    shutil.copytree(ROOT / "corpus" / "bwb" / "BWBR0002458", folder)
    manifest = folder / "manifest.xml"
    text = manifest.read_text("utf-8")
    assert text.count(' label="BWBR0002458"') == 1  # the work's label
    manifest.write_text(text.replace(' label="BWBR0002458"', ' label="../../x"'), "utf-8")
    code, _, err = run("import-bwb", folder, "--store", tmp_path / "s.sqlite")
    assert code == 1 and "manifest.xml" in err, err  # (the labels of its toestanden say so too)


def _rename_law(path: Path, new_id: str) -> None:
    """A store edited by someone who also recomputed its hashes: a law under another id."""
    db = sqlite3.connect(str(path))
    try:
        db.execute("PRAGMA foreign_keys = OFF")
        old = "OISOVSO"
        title, base, source = db.execute("SELECT title, base_date, source FROM law WHERE id = ?",
                                         (old,)).fetchone()
        db.execute("UPDATE law SET id = ?, digest = ? WHERE id = ?",
                   (new_id, digests.law_digest(new_id, title, base, source), old))
        rows = db.execute("SELECT id, valid_from, valid_until, known_from, known_until, sources,"
                          " xml_sha256, articles_sha256 FROM version WHERE law = ?", (old,)).fetchall()
        for row in rows:
            digest = digests.version_digest(new_id, *row[1:])
            db.execute("UPDATE version SET law = ?, digest = ? WHERE id = ?", (new_id, digest, row[0]))
        for known_from, until, notes in db.execute(
                "SELECT known_from, known_until, notes FROM state WHERE law = ?", (old,)).fetchall():
            db.execute("UPDATE state SET law = ?, digest = ? WHERE law = ? AND known_from = ?",
                       (new_id, digests.state_digest(new_id, known_from, until, notes), old, known_from))
        db.commit()
    finally:
        db.close()


@pytest.mark.parametrize("law_id", ["../../x", "javascript:alert(1)//"])
def test_render_and_export_write_nothing_outside_their_folder(small_store_path, tmp_path, law_id):
    store = tmp_path / "work" / "store.sqlite"
    store.parent.mkdir()
    shutil.copy(small_store_path, store)
    _rename_law(store, law_id)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for command in ("render", "export"):
        out = tmp_path / "work" / "a" / "b" / command
        code, _, err = run(command, "-o", out, "--store", store)
        assert code == 1 and f"the law id in the store {law_id!r}" in err, err
        assert not out.exists()
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert [p for p in after if p not in before and not str(p).startswith("work/a")] == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") or (tag == "option" and name == "value"):
                self.links.append(value or "")


#: the one address outside the site a page may link to: an act's official publication,
#: built from a fixed host and the year and number of a Staatsblad/Staatscourant reference
PUBLICATION_LINK = re.compile(r"https://zoek\.officielebekendmakingen\.nl/(stb|stcrt)-\d{4}-\d+\.html")


def test_every_link_of_the_site_is_relative(small_store_path, tmp_path):
    code, _, err = run("render", "-o", tmp_path / "site", "--quiet", "--store", small_store_path)
    assert code == 0, err
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for link in parser.links:
            if PUBLICATION_LINK.fullmatch(link):
                continue
            parts = urlsplit(link)
            assert parts.scheme == "" and parts.netloc == "" and not link.startswith("/"), (page, link)
