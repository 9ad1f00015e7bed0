"""Official BWB XML in and out unchanged: parse_law + serialize, and ``apply LAW -o OUT``
with no act, give a document canonically (C14N, comments included) identical to the input."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT
from consolidator.law import lawfile, toestand
from consolidator.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "bwb"
TOESTANDEN = sorted(FIXTURES.glob("BWBR*_*_*.xml"))
METADATA = [FIXTURES / "BWBR0002458.manifest.xml", FIXTURES / "BWBR0002458.WTI.xml"]
#: every official file of the data pack: the DHW history in the corpus, the rest copied into
#: tests/fixtures/bwb-pack (see its README)
PACK_FILES = sorted((ROOT / "corpus" / "bwb").glob("*/*.xml")) + \
    sorted((Path(__file__).parent / "fixtures" / "bwb-pack").glob("*/*.xml"))


def canonical(data: bytes) -> bytes:
    """C14N 1.0 with comments, read by a plain lxml parser independent of parse_law."""
    return etree.tostring(etree.parse(io.BytesIO(data)), method="c14n", with_comments=True)


def test_fixtures_are_there():
    names = [p.name for p in TOESTANDEN]
    assert "BWBR0002458_2013-01-01_1.xml" in names  # a retroactive _1 toestand
    assert "BWBR0018451_2025-01-01_0.xml" in names  # toestand_2016-1
    assert "BWBR0002458_2005-09-14_0.xml" in names  # toestand_2015-1
    readme = (FIXTURES / "README.md").read_text("utf-8")
    for path in TOESTANDEN + METADATA:
        assert path.read_text("utf-8").splitlines()[0] in readme, path.name


@pytest.mark.parametrize("path", TOESTANDEN + METADATA, ids=lambda p: p.name)
def test_parse_serialize_is_canonically_identical(path):
    raw = path.read_bytes()
    out = lawfile.serialize(lawfile.parse_law(path))
    assert canonical(out) == canonical(raw)
    # the prolog is kept: the source comment is line 1, no declaration is added
    assert out.startswith(b"<!-- source: ")
    if path in TOESTANDEN:  # the toestanden even byte for byte, but for a final newline
        assert out.rstrip(b"\n") == raw.rstrip(b"\n")


@pytest.mark.parametrize("path", TOESTANDEN, ids=lambda p: p.name)
def test_apply_without_acts_writes_the_official_file_back(tmp_path, path):
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["apply", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert canonical(out.read_bytes()) == canonical(path.read_bytes())


@pytest.mark.parametrize("path", TOESTANDEN, ids=lambda p: p.name)
def test_official_toestand_is_valid_whatever_format_it_names(path):
    tree = lawfile.parse_law(path)
    assert toestand.declared_schema(tree) in ("toestand_2015-1.xsd", "toestand_2016-1.xsd")
    assert lawfile.validate(tree) == []


def test_canonical_comparison_sees_what_a_lossy_round_trip_would_lose():
    raw = (FIXTURES / "BWBR0018451_2025-01-01_0.xml").read_bytes()
    for lossy in (raw.replace(b' status="goed"', b"", 1),          # an attribute
                  raw.split(b"\n", 1)[1],                           # the source comment
                  raw.replace(b"<al>", b"<al> ", 1)):              # whitespace in text
        assert canonical(lossy) != canonical(raw)


def test_declaration_comments_and_instructions_around_the_root_are_kept():
    data = (b"<?xml version='1.0' encoding='UTF-8'?>\n<!-- bron -->\n<?pi x?>\n"
            b'<toestand a="1">\n  <al> x </al>\n</toestand>\n<!-- na -->\n')
    assert lawfile.serialize(lawfile.parse_law(data)) == data
    bare = data.split(b"\n", 1)[1]
    assert lawfile.serialize(lawfile.parse_law(bare)) == bare
    assert lawfile.serialize(lawfile.parse_law(bare), xml_declaration=True) == data
    assert not lawfile.has_xml_declaration(lawfile.parse_law(bare))


def test_engine_documents_keep_their_declaration():
    for path in sorted((ROOT / "corpus").glob("*/base.xml")):
        raw = path.read_bytes()
        assert raw.startswith(lawfile.XML_DECLARATION)
        assert lawfile.serialize(lawfile.parse_law(path)) == raw, path
    assert lawfile.serialize(toestand.new_toestand("BWBR0003420", "Wet")).startswith(lawfile.XML_DECLARATION)


def test_the_data_pack_is_there():
    assert len(PACK_FILES) == 18 + 3 + 2 + 2  # DHW (16, manifest, WTI), Wet OB, Pw, Zorgtoeslag


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: f"{p.parent.name[:11]}/{p.name}")
def test_every_official_file_of_the_data_pack_round_trips(path):
    raw = path.read_bytes()
    tree = lawfile.parse_law(path)
    assert canonical(lawfile.serialize(tree)) == canonical(raw)
    if tree.getroot().tag == "toestand":
        assert lawfile.validate(tree) == [], toestand.declared_schema(tree)
