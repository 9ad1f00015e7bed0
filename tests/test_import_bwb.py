"""An official BWB history (Drank- en Horecawet, 16 toestanden) in the store."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT
from consolidator.store.bwbimport import import_history
from consolidator.law.bwbmeta import read_wti
from consolidator.cli import cli
from consolidator.errors import LawFormatError
from consolidator.store.query import text_on
from consolidator.store.db import Store

DHW = ROOT / "corpus" / "bwb" / "BWBR0002458"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("dhw") / "store.sqlite"
    result = CliRunner().invoke(cli, ["import-bwb", str(DHW), "--store", str(path)])
    assert result.exit_code == 0, result.output
    opened = Store(path)
    yield opened
    opened.close()


def _label(answer) -> str:
    return answer.tree.getroot().get("bwb-ng-vast-deel").split("/id/")[1]


@pytest.mark.parametrize("known_at, label", [
    ("2013-12-31", "BWBR0002458/2013-01-01/0"),
    ("2014-03-01", "BWBR0002458/2013-01-01/1"),
])
def test_a_retroactive_version_is_seen_only_from_its_knowledge_date(store, known_at, label):
    answer = text_on(store, "BWBR0002458", dt.date(2013, 6, 1), dt.date.fromisoformat(known_at))
    assert _label(answer) == label


def test_without_a_knowledge_date_the_latest_knowledge_holds(store):
    answer = text_on(store, "Drank- en Horecawet", dt.date(2013, 6, 1))
    assert _label(answer) == "BWBR0002458/2013-01-01/1"
    assert _label(text_on(store, "BWBR0002458", dt.date(2020, 1, 1))) == "BWBR0002458/2015-01-01/0"


def test_history_names_the_sources_of_the_wti(store):
    versions = store.all_versions("BWBR0002458")
    assert len(versions) == 16
    retro = [v for v in versions if v.valid_from == "2013-01-01" and v.known_from == "2014-02-15"]
    labels = [s["label"] for s in retro[0].sources]
    assert labels == ["Stb. 2012, 237 (Kamerstukken 32022)", "Stb. 2013, 560 (Kamerstukken 33507)"]
    assert "retroactive to 2013-01-01" in retro[0].sources[1]["reason"]


def test_consecutive_versions_change_exactly_the_articles_the_wti_lists(store):
    changes = read_wti(DHW / "BWBR0002458.WTI.xml")
    current = store.current_versions("BWBR0002458")
    for before, after in zip(current, current[1:]):
        old, new = store.article_digests(before.id), store.article_digests(after.id)
        changed = {nr for nr in old.keys() | new.keys() if old.get(nr) != new.get(nr)}
        listed = {a.removeprefix("Artikel ") for c in changes
                  if c.valid_from.isoformat() == after.valid_from
                  for a in c.articles if a.startswith("Artikel ")}
        if after.valid_from == "2013-01-01":  # the _1 text also has what Stb. 2013, 560 did
            listed |= {a.removeprefix("Artikel ") for c in changes if c.retroactive_to
                       for a in c.articles if a.startswith("Artikel ")}
        if after.valid_from == "2014-02-15":  # 48a was carried back, so it is no change here
            listed -= {"48a"}
        assert changed == listed, after.valid_from


def test_the_retroactive_article_48a_is_the_same_bwb_version_before_and_on_its_date():
    """Why 48a is no change on 2014-02-15: BWB has the same version of it (versie-id,
    text) in the texts valid from 2014-01-01 as known from 2014-02-15 and from 2014-02-15
    on; only the layout of its XML differs, which the digest does not see."""
    from consolidator.law import lawtext
    from consolidator.law import elements, lawfile
    before = elements.find_article(lawfile.parse_law(DHW / "BWBR0002458_2014-01-01_1.xml"), "48a")
    after = elements.find_article(lawfile.parse_law(DHW / "BWBR0002458_2014-02-15_0.xml"), "48a")
    assert before.get("versie-id") == after.get("versie-id") == "21143242"
    assert lawtext.article_lines(before) == lawtext.article_lines(after)
    assert elements.al_text(before) != elements.al_text(after)  # «Artikel48a» / «Artikel 48a»


def test_export_gives_back_the_official_documents(store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "BWBR0002458", "-o", str(tmp_path / "x"),
                                      "--store", str(store.path)])
    assert result.exit_code == 0, result.output
    for path in sorted(DHW.glob("BWBR0002458_*.xml")):
        exported = tmp_path / "x" / "BWBR0002458" / path.name
        assert etree.tostring(etree.parse(str(exported)), method="c14n") == \
            etree.tostring(etree.parse(str(path)), method="c14n"), path.name


def test_a_folder_without_a_manifest_is_refused(tmp_path):
    store = Store(tmp_path / "s.sqlite", create=True)
    with pytest.raises(LawFormatError, match="no manifest.xml"):
        import_history(store, tmp_path)
