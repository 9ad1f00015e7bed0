"""The corpus laws: the plain texts are the authored source, the XML models are what
import-text makes of them, valid against the official XSD, and the text round-trips."""
from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from conftest import ROOT
from consolidator.law import lawfile
from consolidator.law.lawtext import parse_law_text, render_law_text

LAWS = {
    "BWBR0003420": "Wet op het basisonderwijs",
    "BWBR0003549": "Interimwet op het speciaal onderwijs en het voortgezet speciaal onderwijs",
    "BWBR0002399": "Wet op het voortgezet onderwijs",
    "STB-1996-403": None,
    "OISOVSO": "Overgangswet ISOVSO",
}
BWB_IDS = {"STB-1996-403": "BWBR0008166", "OISOVSO": None}


def _canonical(tree) -> bytes:
    return etree.tostring(tree, method="c14n")


@pytest.mark.parametrize("folder", sorted(LAWS))
def test_corpus_law_xml_matches_its_text(folder):
    text = (ROOT / "corpus" / folder / "base.txt").read_text("utf-8")
    bwb_id = BWB_IDS.get(folder, folder)
    built = parse_law_text(text, bwb_id=bwb_id, date=dt.date(1996, 12, 31))
    committed = lawfile.parse_law(ROOT / "corpus" / folder / "base.xml")
    assert lawfile.validate(committed) == []
    assert _canonical(committed) == _canonical(built), "run import-text again (README, Corpus)"
    assert render_law_text(committed) == text
    if LAWS[folder]:
        assert text.splitlines()[0] == LAWS[folder]


@pytest.mark.parametrize("folder", sorted(LAWS))
def test_corpus_law_has_sources(folder):
    sources = (ROOT / "corpus" / folder / "SOURCES.md").read_text("utf-8")
    assert "reconstruct" in sources.lower()


def test_expected_texts_read_as_law_text():
    for path in sorted((ROOT / "corpus" / "expected").glob("*.txt")):
        tree = parse_law_text(path.read_text("utf-8"), source=str(path))
        assert lawfile.validate(tree) == [], path.name
