"""The static site (consolidator/site.py, templates/) and the render command."""
from __future__ import annotations

import datetime as dt
import fnmatch
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from conftest import ROOT
from consolidator.law import lawtext
from consolidator.views import site as site_module
from consolidator.cli import cli
from consolidator.store.db import EARLIEST, Store
from consolidator.store.versions import article_digests
from consolidator.law import lawfile, toestand
from consolidator import ownership



@pytest.fixture(scope="module")
def site(corpus_store_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(cli, ["render", "--store", str(corpus_store_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "BWBR0003420: 2 version(s)" in result.stderr  # progress
    return out


def page(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def test_the_index_lists_every_law_of_the_store(site, corpus_store_path):
    store = Store(corpus_store_path)
    laws = store.laws()
    store.close()
    index = page(site, "index.html")
    for law_id, title in laws:
        assert f'href="{law_id}/index.html">{title}</a>' in index
        assert (site / law_id / "index.html").exists()


def test_one_page_per_version_with_the_text_of_that_date(site):
    before = page(site, "BWBR0003420/1996-12-31.html")
    after = page(site, "BWBR0003420/1997-01-01.html")
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in before
    assert "Geldend van 1 januari 1997 t/m heden" in after
    assert "Artikel 105a1. Gemeentelijk beleid" in after and "Artikel 105a1" not in before
    assert '<option value="1997-01-01.html" data-from="1997-01-01" data-until="" selected>' in after


def test_the_redline_page_marks_words_and_names_the_onderdeel(site):
    changes = page(site, "BWBR0003420/1997-01-01-wijzigingen.html")
    assert "<h2 id=\"artikel-6\">Artikel 6: gewijzigd</h2>" in changes
    assert "Stb. 1996, 649, art. I, onderdeel A (in werking 1 januari 1997)" in changes
    assert "[verwijderd: </span>bijzondere<" in changes
    assert not (site / "BWBR0003420" / "1996-12-31-wijzigingen.html").exists()


def test_an_article_page_has_its_periods_and_sources(site):
    article = page(site, "BWBR0003420/artikel/105b.html")
    assert "Geldend van 31 december 1996 t/m 31 december 1996" in article
    assert "Geldend van 1 januari 1997 t/m heden" in article
    assert "Stb. 1996, 649, art. I, onderdeel L, punt 4" in article
    dhw = page(site, "BWBR0002458/artikel/42.html")
    assert "Nieuwe versie (bwb), tekst ongewijzigd per 14 juli 2010" in dhw


def test_the_act_page_lists_its_parts_dates_and_changes(site):
    act = page(site, "besluiten/stb-1996-649.html")
    tree = lhtml.fromstring(act)
    rows = [[" ".join(td.text_content().split()) for td in tr.findall("td")]
            for tr in tree.iter("tr") if tr.findall("td")]
    assert ["ARTIKEL I, onderdeel A", "1 januari 1997",
            "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997",
            "Artikel 6 (gewijzigd)", "sinds 23 december 1996"] in rows
    assert "Door latere kennis vervangen" in act  # ARTIKEL VI: 1999 no longer, since 1998
    assert "waits for a later law" in act


def test_every_page_is_well_formed_and_accessible(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        doc = lhtml.fromstring(path.read_bytes())
        name = path.relative_to(site)
        assert doc.get("lang") == "nl", name
        assert len(doc.findall(".//main")) == 1 and len(doc.findall(".//h1")) == 1, name
        levels = [int(el.tag[1]) if el.tag[0] == "h" else int(el.get("aria-level"))
                  for el in doc.iter("h1", "h2", "h3", "h4", "h5", "h6", "p")
                  if el.tag != "p" or el.get("role") == "heading"]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)
        labels = {label.get("for") for label in doc.iter("label")}
        for control in doc.iter("select", "input"):
            assert control.get("id") in labels, name
        for link in doc.iter("a"):
            href = link.get("href")
            if href and not href.startswith(("http", "#")):
                target = (path.parent / href.split("#")[0]).resolve()
                assert target.exists(), (name, href)


def test_the_same_store_gives_the_same_bytes(site, corpus_store_path, tmp_path):
    again = tmp_path / "again"
    store = Store(corpus_store_path)
    site_module.render_site(store, again)
    store.close()
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def _synthetic_store(path: Path) -> Path:
    """A law whose text holds markup, in a store of its own."""
    text = ("Wet <b>vet</b>\nArtikel 1. <script>alert(1)</script>\n"
            "1. Een lid met <script>alert(2)</script> & meer.\n")
    tree = lawtext.parse_law_text(text, bwb_id="TEST0001", date=dt.date(2000, 1, 1))
    store = Store(path, create=True)
    with store.transaction():
        store.add_law("TEST0001", toestand.law_title(tree), dt.date(2000, 1, 1), "synthetic")
        store.insert_version("TEST0001", "2000-01-01", None, EARLIEST, lawfile.serialize(tree),
                             [{"label": "base text (synthetic)", "reason": "test"}],
                             article_digests(tree))
        store.set_notes("TEST0001", EARLIEST, ["<script>alert(3)</script>"])
    store.close()
    return path


def test_law_text_with_markup_is_shown_as_text(tmp_path):
    corpus_store_path = _synthetic_store(tmp_path / "s.sqlite")
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["render", "--store", str(corpus_store_path), "-o", str(out),
                                      "--quiet"])
    assert result.exit_code == 0, result.output
    for path in out.rglob("*.html"):
        assert "<script>alert" not in path.read_text("utf-8"), path
    text = page(out, "TEST0001/2000-01-01.html")
    assert "Artikel 1. &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Een lid met &lt;script&gt;alert(2)&lt;/script&gt; &amp; meer." in text
    assert "<title>Wet &lt;b&gt;vet&lt;/b&gt;" in text
    assert "&lt;script&gt;alert(3)" in page(out, "TEST0001/index.html")


def _old_site(out: Path, name: str) -> None:
    """A site an earlier render wrote: one page, listed in the marker."""
    out.mkdir()
    (out / name).write_text("old")
    ownership.write_marker(out, ownership.Marker("site", "", (name,)))


def test_a_failed_render_leaves_the_old_site(corpus_store_path, tmp_path, monkeypatch):
    out = tmp_path / "site"
    _old_site(out, "old.html")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_module, "act_summary", broken)
    store = Store(corpus_store_path)
    with pytest.raises(RuntimeError):
        site_module.render_site(store, out)
    store.close()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert sorted(p.name for p in out.iterdir()) == [ownership.MARKER, "old.html"]


def test_a_render_replaces_the_old_site(corpus_store_path, tmp_path):
    out = tmp_path / "site"
    _old_site(out, "stale.html")
    store = Store(corpus_store_path)
    site_module.render_site(store, out)
    store.close()
    assert not (out / "stale.html").exists() and (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_templates_are_package_data():
    """An installed wheel must carry every template, the stylesheet and the script."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "consolidator.templates" in config["packages"]
    assert config["package-dir"]["consolidator.templates"] == "templates"
    patterns = config["package-data"]["consolidator.templates"]
    for path in (ROOT / "templates").iterdir():
        if path.suffix != ".py" and path.is_file():
            assert any(fnmatch.fnmatch(path.name, p) for p in patterns), path.name


def test_render_without_a_store_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "consolidator", "render", "--store",
                             str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "site")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "no store at" in result.stderr
    assert not (tmp_path / "site").exists()
