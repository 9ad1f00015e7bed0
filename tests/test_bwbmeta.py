"""bwbmeta: BWB manifest.xml and WTI files read into dated, frozen records."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT
from consolidator.law import bwbmeta as M
from consolidator.law import lawfile, toestand
from consolidator.errors import LawFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "bwb"
MANIFEST = FIXTURES / "BWBR0002458.manifest.xml"
WTI = FIXTURES / "BWBR0002458.WTI.xml"
DHW_1 = FIXTURES / "BWBR0002458_2013-01-01_1.xml"
#: the official histories of the data pack: the DHW in the corpus, the rest in tests/fixtures
PACK_FOLDERS = sorted((ROOT / "corpus" / "bwb").glob("*/")) + \
    sorted((Path(__file__).parent / "fixtures" / "bwb-pack").glob("*/"))
D = dt.date


@pytest.fixture(scope="module")
def wti():
    return M.read_wti(WTI)


@pytest.fixture(scope="module")
def manifest():
    return M.read_manifest(MANIFEST)


# --------------------------------------------------------------------------- manifest

def test_manifest_lists_the_sixteen_toestanden_in_file_order(manifest):
    assert len(manifest) == 16
    assert manifest[0] == M.Expression(
        label="BWBR0002458_2000-11-01_0", valid_from=D(2000, 11, 1), valid_until=D(2002, 6, 30),
        known_from=D(2000, 11, 1), filename="BWBR0002458_2000-11-01_0.xml",
        bwb_id="BWBR0002458", number=0, known_until=None, size=236704,
        hashcode=manifest[0].hashcode, line=12)
    assert len(manifest[0].hashcode) == 128
    assert [e.label[12:] for e in manifest[-4:]] == ["2014-02-15_0", "2013-01-01_1",
                                                     "2014-01-01_1", "2015-01-01_0"]
    last = manifest[-1]
    assert last.valid_until is None and last.known_until is None  # 9999-12-31


def test_manifest_knowledge_dates_of_the_retroactive_versions(manifest):
    by_label = {e.label: e for e in manifest}
    old, new = by_label["BWBR0002458_2013-01-01_0"], by_label["BWBR0002458_2013-01-01_1"]
    assert (old.valid_from, old.valid_until) == (new.valid_from, new.valid_until) == \
        (D(2013, 1, 1), D(2013, 12, 31))
    assert (old.known_from, old.known_until) == (D(2013, 1, 1), D(2014, 2, 14))
    assert (new.known_from, new.known_until, new.number) == (D(2014, 2, 15), None, 1)
    assert by_label["BWBR0002458_2014-01-01_1"].known_from == D(2014, 2, 15)


def test_manifest_validity_periods_follow_each_other(manifest):
    current = sorted((e for e in manifest if e.known_until is None),
                     key=lambda e: (e.valid_from, e.number))
    for earlier, later in zip(current, current[1:]):
        assert earlier.valid_until == later.valid_from - dt.timedelta(days=1)


# --------------------------------------------------------------------------- WTI

def test_wti_changes_are_dated_and_oldest_first(wti):
    dates = [c.valid_from for c in wti]
    assert dates == sorted(dates) and dates[-1] == D(2015, 1, 1)
    assert all(c.kind for c in wti)
    assert not any(c.kind == "Aanhangig" for c in wti)  # the pending bill has no date


def test_wti_retroactive_change_of_stb_2013_560(wti):
    change = next(c for c in wti if c.valid_from == D(2014, 2, 15))
    assert change.source == "Stb. 2013, 560 (Kamerstukken 33507)"
    assert str(change.publication) == "Stb. 2013, 560"
    assert change.publication.date == D(2013, 12, 20)
    assert change.retroactive_to == D(2013, 1, 1) and change.retroactive_scope == "tot-en-met"
    assert change.articles == ("Artikel 4", "Artikel 35", "Artikel 41", "Artikel 48a")
    assert change.retroactive_articles == change.articles
    assert [e.effect for e in change.elements] == ["wijziging"] * 3 + ["nieuw"]
    assert [str(s) for s in change.in_force_by] == ["Stb. 2014, 62"]
    assert change.sources[0].signed == D(2013, 12, 4)


def test_wti_one_date_with_two_acts_gives_two_changes(wti):
    both = [c for c in wti if c.valid_from == D(2003, 6, 1)]
    assert [c.source for c in both] == ["Stb. 2002, 347 (Kamerstukken 26883)",
                                        "Stb. 2002, 220 (Kamerstukken 28222)"]
    assert [c.articles for c in both] == [("Artikel 27", "Artikel 31"), ("Artikel 31",)]


def test_wti_articles_include_headings_as_the_wti_names_them(wti):
    change = next(c for c in wti if c.valid_from == D(2005, 9, 14))
    assert change.articles == ("Artikel 45", "§ 8")
    assert [e.effect for e in change.elements] == ["vervallen", "vervallen"]


def test_wti_and_manifest_agree(manifest, wti):
    dates = {c.valid_from for c in wti}
    assert all(e.valid_from in dates for e in manifest)
    retro = next(c for c in wti if c.retroactive_to)
    assert {e.known_from for e in manifest if e.number == 1} == {retro.valid_from}


# --------------------------------------------------------------------------- toestand

def test_read_toestand_meta_from_file_and_tree():
    meta = M.read_toestand_meta(DHW_1)
    assert meta == ("BWBR0002458", D(2013, 1, 1), "BWBR0002458_2013-01-01_0")
    bwb_id, valid_from, input_label = M.read_toestand_meta(lawfile.parse_law(DHW_1))
    assert (bwb_id, valid_from, input_label) == tuple(meta)
    first = M.read_toestand_meta(FIXTURES / "BWBR0018451_2025-01-01_0.xml")
    assert first.input_label is None  # an empty bwb-inputbestand


def test_read_toestand_meta_refuses_what_is_not_a_dated_toestand():
    with pytest.raises(LawFormatError, match="not a BWB toestand"):
        M.read_toestand_meta(MANIFEST)
    with pytest.raises(LawFormatError, match="no inwerkingtreding"):
        M.read_toestand_meta(lawfile.parse_law(b'<toestand bwb-id="BWBR1"/>'))
    with pytest.raises(LawFormatError, match="no bwb-id"):
        M.read_toestand_meta(lawfile.parse_law(b'<toestand inwerkingtreding="2000-01-01"/>'))


# --------------------------------------------------------------------------- errors

def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "bad.xml"
    path.write_text(text, "utf-8")
    return path


def test_malformed_manifest_names_file_line_and_reason(tmp_path):
    path = _write(tmp_path, '<work label="BWBR1">\n  <expression label="2000-01-01_0">\n'
                            "    <metadata><einddatum>2001-01-01</einddatum></metadata>\n"
                            "  </expression>\n</work>\n")
    with pytest.raises(LawFormatError, match="no datum_inwerkingtreding") as info:
        M.read_manifest(path)
    assert info.value.source == str(path) and info.value.line == 3
    assert "bad.xml, line 3" in str(info.value)


@pytest.mark.parametrize("text,reason,line", [
    ('<work label="BWBR1">\n<expression label="2000-01-01_0"><metadata>\n'
     "<datum_inwerkingtreding>1 jan</datum_inwerkingtreding></metadata></expression></work>",
     "datum_inwerkingtreding is not a date", 3),
    ('<work label="BWBR1">\n<expression label="2000-01-01_0"><metadata>\n'
     "<datum_inwerkingtreding>2000-02-01</datum_inwerkingtreding></metadata></expression></work>",
     "says datum_inwerkingtreding 2000-02-01", 2),
    ('<work label="BWBR1">\n<expression label="nul"/></work>', "not DATE_N", 2),
    ("<work>\n</work>", "no label", 1),
    ("<toestand/>", "expected a <work> document", 1),
    ("<work>\n<expression>\n</work>", "malformed XML", 3),
])
def test_manifest_errors(tmp_path, text, reason, line):
    with pytest.raises(LawFormatError, match=reason) as info:
        M.read_manifest(_write(tmp_path, text))
    assert info.value.line == line


def test_malformed_wti_names_line_and_reason(tmp_path):
    path = _write(tmp_path, '<wetstechnische-informatie bwb-id="BWBR1">\n<wijzigingen>\n'
                            "<regeling>\n<datum waarde=\"2013-13-01\"/>\n</regeling>\n"
                            "</wijzigingen>\n</wetstechnische-informatie>\n")
    with pytest.raises(LawFormatError, match="waarde='2013-13-01' is not a date") as info:
        M.read_wti(path)
    assert info.value.line == 4
    with pytest.raises(LawFormatError, match="has no <wijzigingen>"):
        M.read_wti(_write(tmp_path, '<wetstechnische-informatie bwb-id="BWBR1"/>'))
    with pytest.raises(LawFormatError, match="cannot read"):
        M.read_wti(tmp_path / "missing.xml")


# --------------------------------------------------------------------------- the data pack

def test_every_manifest_of_the_data_pack_matches_its_files():
    manifests = sorted(p for folder in PACK_FOLDERS for p in folder.glob("manifest.xml"))
    assert len(manifests) == 2
    for path in manifests:
        expressions = M.read_manifest(path)
        assert expressions, path
        for expression in expressions:
            file = path.parent / expression.filename
            if not file.exists():  # the pack holds a few toestanden of each law
                continue
            meta = M.read_toestand_meta(file)
            assert (meta.bwb_id, meta.valid_from) == (expression.bwb_id, expression.valid_from)
            assert toestand.toestand_own_label(lawfile.parse_law(file)) == expression.label


def test_every_wti_of_the_data_pack_reads():
    wtis = sorted(p for folder in PACK_FOLDERS for p in folder.glob("*.WTI.xml"))
    assert len(wtis) == 2
    for path in wtis:
        changes = M.read_wti(path)
        assert changes and all(c.source for c in changes), path
        assert sum(len(c.articles) for c in changes) > 10, path
