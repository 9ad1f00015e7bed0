"""lawxml: safe parsing, writing, schema validity, builders, history marks."""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest

from consolidator.law import bwbstyle, elements, history, lawfile, toc, toestand
from consolidator.errors import LawFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "bwb"
ZORGTOESLAG = FIXTURES / "BWBR0018451_2025-01-01_0.xml"
DHW = FIXTURES / "BWBR0002458_2005-09-14_0.xml"
D1997 = dt.date(1997, 1, 1)
BRON = "Stb. 1996, 649, art. I, onderdeel H, punt 2"


@pytest.fixture
def law():
    """A small law built with the builders: § 1 > Artikel 1 (lid 1 with a list), Artikel 2."""
    tree = toestand.new_toestand("BWBR0003420", "Wet op het basisonderwijs", D1997)
    par = elements.make_heading("paragraaf", "1", "Algemeen")
    elements.wettekst(tree).append(par)
    art = elements.make_artikel("1", "Begrippen")
    par.append(art)
    lid = elements.make_lid("1", ["In deze wet wordt verstaan onder:"])
    art.append(lid)
    lid.append(elements.make_lijst([elements.make_li("a.", "school: een basisschool;"),
                             elements.make_li("b.", "ouders: de ouders.")]))
    art2 = elements.make_artikel("2")
    art2.append(elements.make_al("Een artikel zonder leden."))
    par.append(art2)
    return tree


# --------------------------------------------------------------------------- parsing

def test_official_fixtures_parse_and_validate():
    for path in (ZORGTOESLAG, DHW):
        tree = lawfile.parse_law(path)
        assert lawfile.validate(tree) == []


def test_official_readers():
    tree = lawfile.parse_law(ZORGTOESLAG)
    assert toestand.law_title(tree) == "Wet op de zorgtoeslag"
    assert toestand.toestand_date(tree) == dt.date(2025, 1, 1)
    numbers = [elements.artikel_number(a) for a in elements.iter_articles(tree)]
    assert numbers[:2] == ["1", "2"]
    lid = elements.find_article(tree, "1").find("lid")
    assert elements.lid_number(lid) == "1"
    assert elements.li_label(lid.find("lijst/li")) == "a."


def test_al_text_flattens_markup_and_skips_metadata():
    tree = lawfile.parse_law(b"<al>Zie <intref doc='x'>artikel  2</intref>,\n eerste lid"
                       b"<meta-data><jcis><jci verwijzing='zzz'/></jcis></meta-data>.</al>")
    assert elements.al_text(tree.getroot()) == "Zie artikel 2, eerste lid."


def test_malformed_xml_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<toestand>\n  <wetgeving>\n</toestand>\n")
    with pytest.raises(LawFormatError) as info:
        lawfile.parse_law(path)
    err = info.value
    assert err.source == str(path) and err.line == 3 and err.column > 0
    assert "malformed XML" in str(err) and "bad.xml" in str(err)


def test_missing_file_is_a_law_format_error(tmp_path):
    with pytest.raises(LawFormatError, match="cannot read"):
        lawfile.parse_law(tmp_path / "nope.xml")


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE al [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            f"<al>&x;</al>").encode()
    with pytest.raises(LawFormatError, match="DOCTYPE") as info:
        lawfile.parse_law(data, source="xxe.xml")
    assert info.value.line == 2 and info.value.column == 1


def test_billion_laughs_is_refused():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = f'<!DOCTYPE lolz [<!ENTITY l0 "lol">{lol}]><al>&l9;</al>'.encode()
    with pytest.raises(LawFormatError, match="not allowed"):
        lawfile.parse_law(data)


# --------------------------------------------------------------------------- writing

def test_serialize_is_deterministic_and_round_trips(law):
    data = lawfile.serialize(law)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert lawfile.serialize(lawfile.parse_law(data)) == data


def test_official_file_survives_parse_serialize():
    tree = lawfile.parse_law(DHW)
    data = lawfile.serialize(tree)
    assert b"<!-- source:" in data
    assert lawfile.serialize(lawfile.parse_law(data)) == data


def test_write_law_replaces_atomically(tmp_path, law):
    target = tmp_path / "law.xml"
    target.write_bytes(b"old")
    lawfile.write_law(law, target)
    assert target.read_bytes() == lawfile.serialize(law)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.xml"]


def test_write_law_leaves_old_file_when_serializing_fails(tmp_path):
    target = tmp_path / "law.xml"
    target.write_bytes(b"old")
    with pytest.raises(Exception):
        lawfile.write_law(object(), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.xml"]


# --------------------------------------------------------------------------- schema, builders

def test_new_toestand_is_valid():
    tree = toestand.new_toestand("BWBR0003420", "Wet op het primair onderwijs", D1997)
    assert lawfile.validate(tree) == []
    assert toestand.law_title(tree) == "Wet op het primair onderwijs"
    assert toestand.toestand_date(tree) == D1997
    assert lawfile.validate(toestand.new_toestand(None, "Zonder id")) == []


def test_builders_make_a_valid_law(law):
    wettekst = elements.wettekst(law)
    for kind, label in (("hoofdstuk", "Hoofdstuk"), ("titel", "Titel"), ("afdeling", "Afdeling")):
        heading = elements.make_heading(kind, "3a", "Opschrift")
        wettekst.append(heading)
        assert elements.heading_info(heading) == elements.Heading(kind, label, "3a", "Opschrift")
    assert elements.heading_info(elements.make_heading("paragraaf", "2")).label == "§"
    assert lawfile.validate(law) == []


def test_readers_on_built_law(law):
    art = elements.find_article(law, "1")
    assert elements.artikel_titel(art) == "Begrippen"
    assert [elements.li_label(li) for li in art.iter("li")] == ["a.", "b."]
    assert elements.find_article(law, "99") is None
    assert [elements.artikel_number(a) for a in elements.iter_articles(law)] == ["1", "2"]


def test_invalid_tree_is_reported(law):
    elements.find_article(law, "2").remove(elements.find_article(law, "2").find("al"))
    errors = lawfile.validate(law)
    assert errors and errors[0].startswith("line ")
    with pytest.raises(LawFormatError, match="not valid"):
        lawfile.assert_valid(law, source="law.xml")


def test_ensure_content_makes_an_empty_article_valid(law):
    art = elements.make_artikel("3")
    elements.wettekst(law).append(art)
    assert lawfile.validate(law)
    elements.ensure_content(art)
    assert lawfile.validate(law) == []


# --------------------------------------------------------------------------- history

def test_mark_changed_artikel_sets_bwb_attributes(law):
    art = elements.find_article(law, "2")
    history.mark_changed(art, D1997, BRON)
    assert (art.get("inwerking"), art.get("bron"), art.get("effect")) == ("1997-01-01", BRON,
                                                                          "wijziging")
    assert history.changes(art) == [history.Change(D1997, BRON, "wijziging")]
    assert lawfile.validate(law) == []


def test_mark_changed_li_is_logged_and_stamps_its_article(law):
    li = elements.find_article(law, "1").find("lid/lijst/li")
    history.mark_changed(li, D1997, BRON)
    history.mark_changed(li, dt.date(1998, 8, 1), "Stb. 1998, 1", effect="wijziging")
    assert [c.date for c in history.changes(li)] == [D1997, dt.date(1998, 8, 1)]
    assert history.changes(li)[0].source == BRON
    assert elements.find_article(law, "1").get("bron") == "Stb. 1998, 1"
    assert lawfile.validate(law) == []


def test_mark_repealed_artikel_as_bwb_does(law):
    art = elements.find_article(law, "1")
    history.mark_repealed(art, D1997, BRON)
    assert elements.is_repealed(art) and history.repealed_on(art) == D1997
    assert art.get("status") == "vervallen" and art.get("effect") == "vervallen"
    assert [c.tag for c in art] == ["kop", "al"]
    assert elements.al_text(art.find("al")) == "Vervallen"
    assert elements.find_article(law, "1") is art  # still found, as the only one
    assert lawfile.validate(law) == []


def test_mark_repealed_lid_li_and_heading(law):
    art = elements.find_article(law, "1")
    li = art.find("lid/lijst/li")
    history.mark_repealed(li, D1997, BRON)
    assert elements.is_repealed(li) and history.repealed_on(li) == D1997
    assert elements.li_label(li) == "a."
    lid = art.find("lid")
    history.mark_repealed(lid, dt.date(1998, 1, 1), BRON)
    assert elements.is_repealed(lid) and elements.lid_number(lid) == "1"
    par = elements.wettekst(law).find("paragraaf")
    history.mark_repealed(par, dt.date(1999, 1, 1), BRON)
    assert elements.is_repealed(par) and all(elements.is_repealed(a) for a in elements.iter_articles(law))
    assert elements.heading_info(par).titel == "Algemeen"
    assert lawfile.validate(law) == []


def test_new_element_never_inherits_history_of_removed_one(law):
    art = elements.find_article(law, "1")
    li = art.find("lid/lijst/li")
    history.mark_changed(li, D1997, BRON)
    li.getparent().remove(li)
    fresh = elements.make_li("c.", "nieuw")
    art.find("lid/lijst").append(fresh)
    history.mark_changed(fresh, dt.date(2000, 1, 1), "Stb. 1999, 2", effect="nieuw")
    assert history.changes(fresh) == [history.Change(dt.date(2000, 1, 1), "Stb. 1999, 2", "nieuw")]
    assert lawfile.validate(law) == []


def test_official_repeals_are_recognised():
    tree = lawfile.parse_law(DHW)
    art = elements.find_article(tree, "3a")
    assert elements.is_repealed(art) and history.repealed_on(art) == dt.date(2000, 11, 1)
    par8 = [p for p in elements.wettekst(tree).iter("paragraaf") if elements.heading_info(p).nr == "8"][0]
    assert elements.is_repealed(par8) and history.repealed_on(par8) == dt.date(2005, 9, 14)
    assert not elements.is_repealed(elements.find_article(tree, "1"))


def test_bwb_repealed_lid_text_is_recognised():
    tree = lawfile.parse_law(b'<lid><lidnr>6</lidnr><al>\n <redactie type="vervanging">Vervallen.'
                       b"</redactie>\n</al></lid>")
    assert elements.is_repealed(tree.getroot()) and history.repealed_on(tree.getroot()) is None


REPEALED_AL = b'<al><redactie type="vervanging">Vervallen.</redactie></al>'


@pytest.mark.parametrize("xml, repealed", [
    (b"<lid><lidnr>6</lidnr>" + REPEALED_AL + b"</lid>", True),  # the al after the number
    (b"<lid>" + REPEALED_AL + b"</lid>", True),  # no number: the al first
    (b"<lid><meta-data/><lidnr>6</lidnr>" + REPEALED_AL + b"</lid>", True),  # the al third
    (b"<li><li.nr>a.</li.nr>" + REPEALED_AL.replace(b"Vervallen.", b"vervallen;") + b"</li>",
     True),
    (b"<lid><lidnr>6</lidnr><al>Tekst.</al>" + REPEALED_AL + b"</lid>", False),  # two als
    (b"<lid><lidnr>6</lidnr><al>Tekst.</al></lid>", False),
    (b"<lid><lidnr>6</lidnr><lijst/>" + REPEALED_AL + b"</lid>", False),  # a list as well
    (b"<artikel><kop><nr>3</nr></kop>" + REPEALED_AL + b"</artikel>", True),
    (b"<artikel><kop><nr>3</nr></kop><meta-data/>" + REPEALED_AL + b"</artikel>", True),
    (b"<artikel><kop><nr>3</nr></kop><lid><lidnr>1</lidnr></lid>" + REPEALED_AL
     + b"</artikel>", False),  # the al is not its one content child
    (b"<artikel><kop><nr>3</nr></kop><!-- x -->" + REPEALED_AL + b"</artikel>", False),
    (b"<artikel><kop><nr>3</nr></kop></artikel>", False),  # no content at all
    (b"<lid><lidnr>6</lidnr><al/></lid>", False),
    (b"<artikel><kop><nr>3</nr></kop><lid><lidnr>1</lidnr>" + REPEALED_AL + b"</lid></artikel>",
     False),  # its lid is repealed, the article is not
])
def test_repeal_text_is_read_wherever_the_first_al_stands(xml, repealed):
    """The repeal text is read from the one content child of a lid, list item or article
    (labels, kop and metadata aside), wherever it stands among the children; anything
    else as content (a second al, a list, a lid, a comment) is a live element."""
    assert elements.is_repealed(lawfile.parse_law(xml).getroot()) is repealed


# --------------------------------------------------------------------------- inhoudsopgave

def test_inhoudsopgave_round_trips_entries_verbatim(law):
    entries = ["Artikel 86. Bekostiging «personeel» – regels", "§ 3a. Overgang"]
    toc.set_toc_entries(law, entries)
    assert toc.toc_entries(law) == entries
    assert lawfile.validate(law) == []
    history.mark_changed(toc.toc_element(law), D1997, BRON)
    assert lawfile.validate(law) == []
    again = lawfile.parse_law(lawfile.serialize(law))
    assert toc.toc_entries(again) == entries
    toc.set_toc_entries(again, None)
    assert toc.toc_element(again) is None and toc.toc_entries(again) == []


def test_toc_entry_elements_can_be_edited(law):
    toc.set_toc_entries(law, ["Artikel 1. Oud"])
    elements.set_text(toc.toc_entry_elements(law)[0], "Artikel 1. Nieuw")
    assert toc.toc_entries(law) == ["Artikel 1. Nieuw"]


# --------------------------------------------------------------------------- official style

DHW_1 = FIXTURES / "BWBR0002458_2013-01-01_1.xml"


def test_bwb_path_equals_every_official_address():
    for path in (ZORGTOESLAG, DHW, DHW_1):
        tree = lawfile.parse_law(path)
        addressed = [el for el in tree.iter()
                     if el.get("bwb-ng-variabel-deel") and el.tag not in ("intref", "extref")]
        assert len(addressed) > 40
        assert [bwbstyle.bwb_path(el) for el in addressed] == \
            [el.get("bwb-ng-variabel-deel") for el in addressed]


def test_bwb_path_of_twice_used_numbers_and_unaddressed_elements():
    tree = lawfile.parse_law(DHW_1)
    art35 = elements.find_article(tree, "35")
    assert [bwbstyle.bwb_path(lid) for lid in art35.findall("lid")][-2:] == [
        "/Paragraaf5/Artikel35/Lid5_1", "/Paragraaf5/Artikel35/Lid5_2"]
    assert bwbstyle.bwb_path(art35.find("lid/al")) is None
    assert bwbstyle.bwb_path(art35.find("lid/lijst")) is None  # the only list of its lid
    assert bwbstyle.bwb_path(art35.find("meta-data").find(".//lid")) is None  # a remark, not the law


def test_new_element_in_an_official_law_gets_official_attributes():
    tree = lawfile.parse_law(ZORGTOESLAG)
    assert bwbstyle.is_bwb_styled(tree)
    art = elements.find_article(tree, "2")
    lid = elements.make_lid("9", ["Nieuw lid."])
    lid.append(elements.make_lijst([elements.make_li("a.", "een;"), elements.make_li("b.", "twee.")]))
    art.findall("lid")[-1].addnext(lid)
    history.mark_changed(lid, D1997, BRON, effect="nieuw")
    assert lid.get("bwb-ng-variabel-deel") == art.get("bwb-ng-variabel-deel") + "/Lid9"
    assert [li.get("bwb-ng-variabel-deel").rsplit("/", 1)[1] for li in lid.iter("li")] == [
        "Onderdeela", "Onderdeelb"]
    new = elements.make_artikel("2a", "Nieuw")
    new.append(elements.make_al("Tekst."))
    art.addnext(new)
    history.mark_changed(new, D1997, BRON, effect="nieuw")
    assert (new.get("bwb-ng-variabel-deel"), new.get("label"), new.get("status")) == \
        ("/Artikel2a", "Artikel 2a", "goed")
    assert new.get("stam-id") is None and new.get("versie-id") is None  # not invented
    assert lawfile.validate(tree) == []


def test_renumbered_element_moves_its_address():
    tree = lawfile.parse_law(DHW_1)
    lid = elements.find_article(tree, "35").findall("lid")[-1]
    lid.find("lidnr").text = "6"
    history.mark_changed(lid, D1997, BRON)
    assert lid.get("bwb-ng-variabel-deel") == "/Paragraaf5/Artikel35/Lid6"


def test_official_attributes_are_untouched_on_changed_official_elements():
    tree = lawfile.parse_law(DHW)
    art = elements.find_article(tree, "1")
    before = dict(art.attrib)
    bwbstyle.apply_bwb_style(art)
    assert dict(art.attrib) == before


def test_corpus_style_documents_get_no_bwb_addresses(law):
    assert not bwbstyle.is_bwb_styled(law)
    history.mark_changed(elements.find_article(law, "2"), D1997, BRON)
    assert not any(el.get("bwb-ng-variabel-deel") for el in law.iter())


# --------------------------------------------------------------------------- toestand metadata

def test_toestand_validity_and_labels_of_an_official_file():
    tree = lawfile.parse_law(DHW_1)
    assert toestand.toestand_validity(tree) == (dt.date(2013, 1, 1), None)
    assert toestand.toestand_own_label(tree) == "BWBR0002458_2013-01-01_1"
    assert toestand.toestand_input_label(tree) == "BWBR0002458_2013-01-01_0"
    assert toestand.declared_schema(tree) == "toestand_2015-1.xsd"
    assert toestand.declared_schema(lawfile.parse_law(ZORGTOESLAG)) == "toestand_2016-1.xsd"
    # the wetgeving's own version date is not the toestand's
    assert lawfile.parse_law(DHW).getroot().find("wetgeving").get("inwerkingtredingsdatum") == \
        "2004-07-09"
    assert toestand.toestand_validity(lawfile.parse_law(DHW))[0] == dt.date(2005, 9, 14)


def test_set_toestand_validity(law):
    toestand.set_toestand_validity(law, dt.date(1998, 8, 1), dt.date(1999, 7, 31))
    assert toestand.toestand_validity(law) == (dt.date(1998, 8, 1), dt.date(1999, 7, 31))
    assert lawfile.validate(law) == []
    toestand.set_toestand_validity(law, dt.date(1998, 8, 1), None)
    assert toestand.toestand_validity(law) == (dt.date(1998, 8, 1), None)
    assert "vervaldatum" not in law.getroot().find("wetgeving").attrib
    assert toestand.toestand_input_label(law) is None and toestand.toestand_own_label(law) is None


def test_toestand_label_both_ways():
    assert toestand.toestand_label("BWBR0003420", dt.date(1997, 1, 1), 0) == "BWBR0003420_1997-01-01_0"
    assert toestand.parse_toestand_label("BWBR0002458_2013-01-01_1") == \
        ("BWBR0002458", dt.date(2013, 1, 1), 1)
    with pytest.raises(ValueError, match="not a toestand label"):
        toestand.parse_toestand_label("2013-01-01_1")
    with pytest.raises(ValueError):
        toestand.toestand_label("BWBR0003420", dt.date(1997, 1, 1), -1)


def test_malformed_toestand_date_is_a_law_format_error():
    tree = lawfile.parse_law(b'<toestand inwerkingtreding="1 januari"><wetgeving id="x"/></toestand>')
    with pytest.raises(LawFormatError, match="not a date") as info:
        toestand.toestand_validity(tree)
    assert info.value.line == 1


def _marked_one_by_one_and_in_one_batch(build, marks_of) -> tuple[bytes, bytes]:
    """The same marks on two copies of a law: each by ``mark_changed``, and all at once
    by ``mark_changed_all``; both documents serialised."""
    results = []
    for batch in (False, True):
        tree = build()
        marks = marks_of(tree)
        if batch:
            history.mark_changed_all(marks, D1997)
        else:
            for el, source, effect in marks:
                history.mark_changed(el, D1997, source, effect)
        results.append(lawfile.serialize(tree))
    return results[0], results[1]


def test_a_batch_of_marks_gives_what_marking_one_by_one_gives(law):
    """Ids given in a batch are the ones single marks give, also when elements already
    carry «cons-N» ids above the highest logged one (the next free id counts them)."""
    base = copy.deepcopy(law)
    history.mark_changed(elements.find_article(base, "2"), D1997, "Stb. 1995, 1")  # cons-1

    def marks_of(tree):
        art1, art2 = elements.find_article(tree, "1"), elements.find_article(tree, "2")
        lid = art1.find("lid")
        first, second = art1.find("lid/lijst/li"), art1.findall("lid/lijst/li")[1]
        second.set("id", "cons-7")  # an id above the highest in the change list
        return [(first, BRON, "wijziging"), (second, BRON, "wijziging"),
                (lid, "Stb. 1996, 2", "nieuw"), (art2, BRON, "wijziging"),
                (art1, BRON, "wijziging")]

    one_by_one, batch = _marked_one_by_one_and_in_one_batch(lambda: copy.deepcopy(base),
                                                           marks_of)
    assert batch == one_by_one
    assert b'idref="cons-8"' in batch and b'idref="cons-9"' in batch  # after cons-7


def test_ids_after_many_batches_are_those_a_rescan_of_the_list_gives(law, monkeypatch):
    """The id counter learns the entries a batch writes without reading them again; the
    ids it gives over batches, repeals and elements already carrying «cons-N» ids are
    those a counter that rescans the whole change list each time gives."""
    def run(fresh_each_time: bool) -> bytes:
        tree = copy.deepcopy(law)
        if not fresh_each_time:
            monkeypatch.setattr(history, "_IDS", history._IdCounter())
        art1, art2 = elements.find_article(tree, "1"), elements.find_article(tree, "2")
        items = art1.findall("lid/lijst/li")
        steps = [
            lambda: history.mark_changed_all([(items[0], BRON, "wijziging")], D1997),
            lambda: items[1].set("id", "cons-12"),
            lambda: history.mark_changed_all([(items[1], BRON, "wijziging"),
                                              (art1.find("lid"), BRON, "wijziging")], D1997),
            lambda: history.mark_repealed(items[0], D1997, BRON),
            lambda: history.mark_changed_all([(art2, BRON, "wijziging"),
                                              (art1, BRON, "wijziging")], None),
            lambda: history.mark_changed_all([(items[1], BRON, "wijziging")], D1997),
        ]
        for step in steps:
            if fresh_each_time:
                monkeypatch.setattr(history, "_IDS", history._IdCounter())
            step()
        return lawfile.serialize(tree)

    kept, rescanned = run(False), run(True)
    assert kept == rescanned
    assert b'idref="cons-13"' in kept and b'idref="cons-14"' in kept


def test_a_change_list_kept_over_batches_marks_as_mark_changed_all(law, monkeypatch):
    """``ChangeList`` keeps the list and the style over its batches (the next free id from
    the list's counter); with repeals logged and «cons-N» ids given in between,
    the document is the one separate ``mark_changed_all`` calls with a counter that
    rescans the whole list each time make."""
    def run(kept: bool) -> bytes:
        tree = copy.deepcopy(law)
        changes = history.ChangeList(tree.getroot())
        mark = changes.mark_all if kept else history.mark_changed_all
        art1, art2 = elements.find_article(tree, "1"), elements.find_article(tree, "2")
        items = art1.findall("lid/lijst/li")
        steps = [
            lambda: mark([(items[0], BRON, "wijziging")], D1997),
            lambda: mark([(art1.find("lid"), BRON, "wijziging")], D1997),
            lambda: history.mark_repealed(items[1], D1997, BRON),  # given cons-3 in between
            lambda: mark([(art2, BRON, "wijziging")], D1997),  # so not cons-3 again
            lambda: items[1].set("id", "cons-12"),
            lambda: mark([(items[1], BRON, "wijziging"), (art1, BRON, "wijziging")], None),
            lambda: mark([], D1997),
            lambda: mark([(art2, "Stb. 1996, 2", "wijziging")], D1997),
        ]
        for step in steps:
            if not kept:
                monkeypatch.setattr(history, "_IDS", history._IdCounter())
            step()
        return lawfile.serialize(tree)

    kept, separate = run(True), run(False)
    assert kept == separate
    assert re.findall(rb'idref="([^"]*)"', kept) == [
        b"cons-1", b"cons-2", b"cons-3", b"cons-4", b"cons-12", b"cons-13", b"cons-4"]
