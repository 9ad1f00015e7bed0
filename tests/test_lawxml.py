"""lawxml: safe parsing, writing, schema validity, builders, history marks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consolidator.law import lawxml as X
from consolidator.errors import LawFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "bwb"
ZORGTOESLAG = FIXTURES / "BWBR0018451_2025-01-01_0.xml"
DHW = FIXTURES / "BWBR0002458_2005-09-14_0.xml"
D1997 = dt.date(1997, 1, 1)
BRON = "Stb. 1996, 649, art. I, onderdeel H, punt 2"


@pytest.fixture
def law():
    """A small law built with the builders: § 1 > Artikel 1 (lid 1 with a list), Artikel 2."""
    tree = X.new_toestand("BWBR0003420", "Wet op het basisonderwijs", D1997)
    par = X.make_heading("paragraaf", "1", "Algemeen")
    X.wettekst(tree).append(par)
    art = X.make_artikel("1", "Begrippen")
    par.append(art)
    lid = X.make_lid("1", ["In deze wet wordt verstaan onder:"])
    art.append(lid)
    lid.append(X.make_lijst([X.make_li("a.", "school: een basisschool;"),
                             X.make_li("b.", "ouders: de ouders.")]))
    art2 = X.make_artikel("2")
    art2.append(X.make_al("Een artikel zonder leden."))
    par.append(art2)
    return tree


# --------------------------------------------------------------------------- parsing

def test_official_fixtures_parse_and_validate():
    for path in (ZORGTOESLAG, DHW):
        tree = X.parse_law(path)
        assert X.validate(tree) == []


def test_official_readers():
    tree = X.parse_law(ZORGTOESLAG)
    assert X.law_title(tree) == "Wet op de zorgtoeslag"
    assert X.toestand_date(tree) == dt.date(2025, 1, 1)
    numbers = [X.artikel_number(a) for a in X.iter_articles(tree)]
    assert numbers[:2] == ["1", "2"]
    lid = X.find_article(tree, "1").find("lid")
    assert X.lid_number(lid) == "1"
    assert X.li_label(lid.find("lijst/li")) == "a."


def test_al_text_flattens_markup_and_skips_metadata():
    tree = X.parse_law(b"<al>Zie <intref doc='x'>artikel  2</intref>,\n eerste lid"
                       b"<meta-data><jcis><jci verwijzing='zzz'/></jcis></meta-data>.</al>")
    assert X.al_text(tree.getroot()) == "Zie artikel 2, eerste lid."


def test_malformed_xml_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<toestand>\n  <wetgeving>\n</toestand>\n")
    with pytest.raises(LawFormatError) as info:
        X.parse_law(path)
    err = info.value
    assert err.source == str(path) and err.line == 3 and err.column > 0
    assert "malformed XML" in str(err) and "bad.xml" in str(err)


def test_missing_file_is_a_law_format_error(tmp_path):
    with pytest.raises(LawFormatError, match="cannot read"):
        X.parse_law(tmp_path / "nope.xml")


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE al [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            f"<al>&x;</al>").encode()
    with pytest.raises(LawFormatError, match="DOCTYPE") as info:
        X.parse_law(data, source="xxe.xml")
    assert info.value.line == 2 and info.value.column == 1


def test_billion_laughs_is_refused():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = f'<!DOCTYPE lolz [<!ENTITY l0 "lol">{lol}]><al>&l9;</al>'.encode()
    with pytest.raises(LawFormatError, match="not allowed"):
        X.parse_law(data)


# --------------------------------------------------------------------------- writing

def test_serialize_is_deterministic_and_round_trips(law):
    data = X.serialize(law)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert X.serialize(X.parse_law(data)) == data


def test_official_file_survives_parse_serialize():
    tree = X.parse_law(DHW)
    data = X.serialize(tree)
    assert b"<!-- source:" in data
    assert X.serialize(X.parse_law(data)) == data


def test_write_law_replaces_atomically(tmp_path, law):
    target = tmp_path / "law.xml"
    target.write_bytes(b"old")
    X.write_law(law, target)
    assert target.read_bytes() == X.serialize(law)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.xml"]


def test_write_law_leaves_old_file_when_serializing_fails(tmp_path):
    target = tmp_path / "law.xml"
    target.write_bytes(b"old")
    with pytest.raises(Exception):
        X.write_law(object(), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.xml"]


# --------------------------------------------------------------------------- schema, builders

def test_new_toestand_is_valid():
    tree = X.new_toestand("BWBR0003420", "Wet op het primair onderwijs", D1997)
    assert X.validate(tree) == []
    assert X.law_title(tree) == "Wet op het primair onderwijs"
    assert X.toestand_date(tree) == D1997
    assert X.validate(X.new_toestand(None, "Zonder id")) == []


def test_builders_make_a_valid_law(law):
    wettekst = X.wettekst(law)
    for kind, label in (("hoofdstuk", "Hoofdstuk"), ("titel", "Titel"), ("afdeling", "Afdeling")):
        heading = X.make_heading(kind, "3a", "Opschrift")
        wettekst.append(heading)
        assert X.heading_info(heading) == X.Heading(kind, label, "3a", "Opschrift")
    assert X.heading_info(X.make_heading("paragraaf", "2")).label == "§"
    assert X.validate(law) == []


def test_readers_on_built_law(law):
    art = X.find_article(law, "1")
    assert X.artikel_titel(art) == "Begrippen"
    assert [X.li_label(li) for li in art.iter("li")] == ["a.", "b."]
    assert X.find_article(law, "99") is None
    assert [X.artikel_number(a) for a in X.iter_articles(law)] == ["1", "2"]


def test_invalid_tree_is_reported(law):
    X.find_article(law, "2").remove(X.find_article(law, "2").find("al"))
    errors = X.validate(law)
    assert errors and errors[0].startswith("line ")
    with pytest.raises(LawFormatError, match="not valid"):
        X.assert_valid(law, source="law.xml")


def test_ensure_content_makes_an_empty_article_valid(law):
    art = X.make_artikel("3")
    X.wettekst(law).append(art)
    assert X.validate(law)
    X.ensure_content(art)
    assert X.validate(law) == []


# --------------------------------------------------------------------------- history

def test_mark_changed_artikel_sets_bwb_attributes(law):
    art = X.find_article(law, "2")
    X.mark_changed(art, D1997, BRON)
    assert (art.get("inwerking"), art.get("bron"), art.get("effect")) == ("1997-01-01", BRON,
                                                                          "wijziging")
    assert X.changes(art) == [X.Change(D1997, BRON, "wijziging")]
    assert X.validate(law) == []


def test_mark_changed_li_is_logged_and_stamps_its_article(law):
    li = X.find_article(law, "1").find("lid/lijst/li")
    X.mark_changed(li, D1997, BRON)
    X.mark_changed(li, dt.date(1998, 8, 1), "Stb. 1998, 1", effect="wijziging")
    assert [c.date for c in X.changes(li)] == [D1997, dt.date(1998, 8, 1)]
    assert X.changes(li)[0].source == BRON
    assert X.find_article(law, "1").get("bron") == "Stb. 1998, 1"
    assert X.validate(law) == []


def test_mark_repealed_artikel_as_bwb_does(law):
    art = X.find_article(law, "1")
    X.mark_repealed(art, D1997, BRON)
    assert X.is_repealed(art) and X.repealed_on(art) == D1997
    assert art.get("status") == "vervallen" and art.get("effect") == "vervallen"
    assert [c.tag for c in art] == ["kop", "al"]
    assert X.al_text(art.find("al")) == "Vervallen"
    assert X.find_article(law, "1") is art  # still found, as the only one
    assert X.validate(law) == []


def test_mark_repealed_lid_li_and_heading(law):
    art = X.find_article(law, "1")
    li = art.find("lid/lijst/li")
    X.mark_repealed(li, D1997, BRON)
    assert X.is_repealed(li) and X.repealed_on(li) == D1997
    assert X.li_label(li) == "a."
    lid = art.find("lid")
    X.mark_repealed(lid, dt.date(1998, 1, 1), BRON)
    assert X.is_repealed(lid) and X.lid_number(lid) == "1"
    par = X.wettekst(law).find("paragraaf")
    X.mark_repealed(par, dt.date(1999, 1, 1), BRON)
    assert X.is_repealed(par) and all(X.is_repealed(a) for a in X.iter_articles(law))
    assert X.heading_info(par).titel == "Algemeen"
    assert X.validate(law) == []


def test_new_element_never_inherits_history_of_removed_one(law):
    art = X.find_article(law, "1")
    li = art.find("lid/lijst/li")
    X.mark_changed(li, D1997, BRON)
    li.getparent().remove(li)
    fresh = X.make_li("c.", "nieuw")
    art.find("lid/lijst").append(fresh)
    X.mark_changed(fresh, dt.date(2000, 1, 1), "Stb. 1999, 2", effect="nieuw")
    assert X.changes(fresh) == [X.Change(dt.date(2000, 1, 1), "Stb. 1999, 2", "nieuw")]
    assert X.validate(law) == []


def test_official_repeals_are_recognised():
    tree = X.parse_law(DHW)
    art = X.find_article(tree, "3a")
    assert X.is_repealed(art) and X.repealed_on(art) == dt.date(2000, 11, 1)
    par8 = [p for p in X.wettekst(tree).iter("paragraaf") if X.heading_info(p).nr == "8"][0]
    assert X.is_repealed(par8) and X.repealed_on(par8) == dt.date(2005, 9, 14)
    assert not X.is_repealed(X.find_article(tree, "1"))


def test_bwb_repealed_lid_text_is_recognised():
    tree = X.parse_law(b'<lid><lidnr>6</lidnr><al>\n <redactie type="vervanging">Vervallen.'
                       b"</redactie>\n</al></lid>")
    assert X.is_repealed(tree.getroot()) and X.repealed_on(tree.getroot()) is None


# --------------------------------------------------------------------------- inhoudsopgave

def test_inhoudsopgave_round_trips_entries_verbatim(law):
    entries = ["Artikel 86. Bekostiging «personeel» – regels", "§ 3a. Overgang"]
    X.set_toc_entries(law, entries)
    assert X.toc_entries(law) == entries
    assert X.validate(law) == []
    X.mark_changed(X.toc_element(law), D1997, BRON)
    assert X.validate(law) == []
    again = X.parse_law(X.serialize(law))
    assert X.toc_entries(again) == entries
    X.set_toc_entries(again, None)
    assert X.toc_element(again) is None and X.toc_entries(again) == []


def test_toc_entry_elements_can_be_edited(law):
    X.set_toc_entries(law, ["Artikel 1. Oud"])
    X.set_text(X.toc_entry_elements(law)[0], "Artikel 1. Nieuw")
    assert X.toc_entries(law) == ["Artikel 1. Nieuw"]


# --------------------------------------------------------------------------- official style

DHW_1 = FIXTURES / "BWBR0002458_2013-01-01_1.xml"


def test_bwb_path_equals_every_official_address():
    for path in (ZORGTOESLAG, DHW, DHW_1):
        tree = X.parse_law(path)
        addressed = [el for el in tree.iter()
                     if el.get("bwb-ng-variabel-deel") and el.tag not in ("intref", "extref")]
        assert len(addressed) > 40
        assert [X.bwb_path(el) for el in addressed] == \
            [el.get("bwb-ng-variabel-deel") for el in addressed]


def test_bwb_path_of_twice_used_numbers_and_unaddressed_elements():
    tree = X.parse_law(DHW_1)
    art35 = X.find_article(tree, "35")
    assert [X.bwb_path(lid) for lid in art35.findall("lid")][-2:] == [
        "/Paragraaf5/Artikel35/Lid5_1", "/Paragraaf5/Artikel35/Lid5_2"]
    assert X.bwb_path(art35.find("lid/al")) is None
    assert X.bwb_path(art35.find("lid/lijst")) is None  # the only list of its lid
    assert X.bwb_path(art35.find("meta-data").find(".//lid")) is None  # a remark, not the law


def test_new_element_in_an_official_law_gets_official_attributes():
    tree = X.parse_law(ZORGTOESLAG)
    assert X.is_bwb_styled(tree)
    art = X.find_article(tree, "2")
    lid = X.make_lid("9", ["Nieuw lid."])
    lid.append(X.make_lijst([X.make_li("a.", "een;"), X.make_li("b.", "twee.")]))
    art.findall("lid")[-1].addnext(lid)
    X.mark_changed(lid, D1997, BRON, effect="nieuw")
    assert lid.get("bwb-ng-variabel-deel") == art.get("bwb-ng-variabel-deel") + "/Lid9"
    assert [li.get("bwb-ng-variabel-deel").rsplit("/", 1)[1] for li in lid.iter("li")] == [
        "Onderdeela", "Onderdeelb"]
    new = X.make_artikel("2a", "Nieuw")
    new.append(X.make_al("Tekst."))
    art.addnext(new)
    X.mark_changed(new, D1997, BRON, effect="nieuw")
    assert (new.get("bwb-ng-variabel-deel"), new.get("label"), new.get("status")) == \
        ("/Artikel2a", "Artikel 2a", "goed")
    assert new.get("stam-id") is None and new.get("versie-id") is None  # not invented
    assert X.validate(tree) == []


def test_renumbered_element_moves_its_address():
    tree = X.parse_law(DHW_1)
    lid = X.find_article(tree, "35").findall("lid")[-1]
    lid.find("lidnr").text = "6"
    X.mark_changed(lid, D1997, BRON)
    assert lid.get("bwb-ng-variabel-deel") == "/Paragraaf5/Artikel35/Lid6"


def test_official_attributes_are_untouched_on_changed_official_elements():
    tree = X.parse_law(DHW)
    art = X.find_article(tree, "1")
    before = dict(art.attrib)
    X.apply_bwb_style(art)
    assert dict(art.attrib) == before


def test_corpus_style_documents_get_no_bwb_addresses(law):
    assert not X.is_bwb_styled(law)
    X.mark_changed(X.find_article(law, "2"), D1997, BRON)
    assert not any(el.get("bwb-ng-variabel-deel") for el in law.iter())


# --------------------------------------------------------------------------- toestand metadata

def test_toestand_validity_and_labels_of_an_official_file():
    tree = X.parse_law(DHW_1)
    assert X.toestand_validity(tree) == (dt.date(2013, 1, 1), None)
    assert X.toestand_own_label(tree) == "BWBR0002458_2013-01-01_1"
    assert X.toestand_input_label(tree) == "BWBR0002458_2013-01-01_0"
    assert X.declared_schema(tree) == "toestand_2015-1.xsd"
    assert X.declared_schema(X.parse_law(ZORGTOESLAG)) == "toestand_2016-1.xsd"
    # the wetgeving's own version date is not the toestand's
    assert X.parse_law(DHW).getroot().find("wetgeving").get("inwerkingtredingsdatum") == \
        "2004-07-09"
    assert X.toestand_validity(X.parse_law(DHW))[0] == dt.date(2005, 9, 14)


def test_set_toestand_validity(law):
    X.set_toestand_validity(law, dt.date(1998, 8, 1), dt.date(1999, 7, 31))
    assert X.toestand_validity(law) == (dt.date(1998, 8, 1), dt.date(1999, 7, 31))
    assert X.validate(law) == []
    X.set_toestand_validity(law, dt.date(1998, 8, 1), None)
    assert X.toestand_validity(law) == (dt.date(1998, 8, 1), None)
    assert "vervaldatum" not in law.getroot().find("wetgeving").attrib
    assert X.toestand_input_label(law) is None and X.toestand_own_label(law) is None


def test_toestand_label_both_ways():
    assert X.toestand_label("BWBR0003420", dt.date(1997, 1, 1), 0) == "BWBR0003420_1997-01-01_0"
    assert X.parse_toestand_label("BWBR0002458_2013-01-01_1") == \
        ("BWBR0002458", dt.date(2013, 1, 1), 1)
    with pytest.raises(ValueError, match="not a toestand label"):
        X.parse_toestand_label("2013-01-01_1")
    with pytest.raises(ValueError):
        X.toestand_label("BWBR0003420", dt.date(1997, 1, 1), -1)


def test_malformed_toestand_date_is_a_law_format_error():
    tree = X.parse_law(b'<toestand inwerkingtreding="1 januari"><wetgeving id="x"/></toestand>')
    with pytest.raises(LawFormatError, match="not a date") as info:
        X.toestand_validity(tree)
    assert info.value.line == 1
