"""Exact or refused, checked by the engine itself (issue 13, point 5): after each
instruction a postcondition per kind (apply/dispatch.py), and the guards that refuse an
instruction which cannot have been meant: an empty replacement, a text left unchanged, an
announced number that differs from the new text (``number-mismatch``), a renumbering that
leaves a gap."""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from conftest import ROOT
from consolidator.apply import dispatch
from consolidator.apply.sentences import apply_act, apply_sentence
from consolidator.cli import cli
from consolidator.errors import ApplyError, NumberMismatch
from consolidator.law import elements
from consolidator.law.lawtext import parse_law_text, render_law_text
from consolidator.model import INSTRUCTION_CLASSES, Locator, Place, Step
from consolidator.read.act import parse_act
from consolidator.read.instructions import parse_sentence

SRC = "Stb. 2000, 1"


def run(tree, text: str, artikel: str = ""):
    context = Locator((Step("artikel", artikel),)) if artikel else Locator()
    apply_sentence(tree, parse_sentence(text, context=context, place=Place("I", "A")), SRC)
    return tree


def body(tree) -> str:
    return render_law_text(tree).split("\n", 1)[1]


def amending(*lines: str) -> str:
    """An act whose ARTIKEL I, onderdeel A, changes the Wet proef with the given lines."""
    return ("Wet van 1 maart 2000 tot wijziging van de Wet proef\n\nARTIKEL I\n\n"
            "De Wet proef wordt als volgt gewijzigd:\n\nA\n\n" + "\n\n".join(lines) + "\n")


LAW = "Wet proef\nArtikel 12\nTwaalf.\nArtikel 13\nDertien.\n"


# ------------------------------------------------------------------ the table


def test_every_instruction_class_has_a_postcondition():
    missing = [cls.__name__ for cls in INSTRUCTION_CLASSES if cls not in dispatch.POSTCONDITIONS]
    assert missing == []
    assert set(dispatch.POSTCONDITIONS) == set(dispatch.APPLY)


# ------------------------------------------------------------------ a wrong result is refused


def broken(monkeypatch, cls, handler):
    monkeypatch.setitem(dispatch.APPLY, cls, handler)


def test_words_left_as_they_were_are_refused(monkeypatch):
    broken(monkeypatch, dispatch.ReplaceWords, lambda ws, ins, targets: None)
    tree = parse_law_text("W\nArtikel 6\nDe school.\n")
    with pytest.raises(ApplyError) as err:
        run(tree, "In artikel 6 wordt «school» vervangen door: instelling.")
    assert "art. I, onderdeel A: artikel 6: the result is not what the instruction says: " \
           "the text is unchanged" in str(err.value)
    assert err.value.line == 1 and err.value.instruction.kind == "replace-words"


def test_replaced_words_still_there_are_refused(monkeypatch):
    from consolidator.apply import textedit as T

    def first_only(ws, ins, targets):  # a «telkens» applied to one occurrence only
        el = targets[0].element.find(".//al")
        start, end = T.find(ws.text(el), ins.old)[0]
        ws.edit(el, T.replace(ws.text(el), start, end, ins.new))
    broken(monkeypatch, dispatch.ReplaceWords, first_only)
    tree = parse_law_text("W\nArtikel 6\nDe school en de school.\n")
    with pytest.raises(ApplyError) as err:
        run(tree, "In artikel 6 wordt «school» telkens vervangen door: instelling.")
    assert "the text is not the old text with the new words in their place" in str(err.value)


def test_inserted_words_that_are_not_the_new_words_are_refused(monkeypatch):
    from consolidator.apply import textedit as T

    def other_words(ws, ins, targets):
        el = targets[0].element.find(".//al")
        ws.edit(el, T.insert(ws.text(el), 0, "Soms"))
    broken(monkeypatch, dispatch.InsertWords, other_words)
    tree = parse_law_text("W\nArtikel 6\nDe school.\n")
    with pytest.raises(ApplyError) as err:
        run(tree, "In artikel 6 wordt na «De» ingevoegd: openbare.")
    assert "the text is not the old text with the new words in their place" in str(err.value)


def test_an_element_inserted_elsewhere_is_refused(monkeypatch):
    from consolidator.apply import elements as E

    def at_the_end(ws, ins, targets):
        E.insert_element(ws, dataclasses.replace(ins, position="end"),
                         [E.Target("law", elements.wettekst(ws.tree), "the law")])
    broken(monkeypatch, dispatch.InsertElement, at_the_end)
    tree = parse_law_text(LAW)
    act = parse_act(amending("Na artikel 12 wordt een artikel ingevoegd, luidende:",
                             "Artikel 12a", "Nieuw."))
    with pytest.raises(ApplyError) as err:
        apply_act(tree, act)
    assert "the new 12a is not where the instruction puts it (after)" in str(err.value)


def test_a_deletion_that_leaves_the_element_live_is_refused(monkeypatch):
    broken(monkeypatch, dispatch.DeleteElement, lambda ws, ins, targets: None)
    with pytest.raises(ApplyError) as err:
        run(parse_law_text(LAW), "Artikel 13 vervalt.")
    assert "artikel 13: the result is not what the instruction says: it is not marked " \
           "vervallen" in str(err.value)


def test_a_renumbering_to_another_number_is_refused(monkeypatch):
    from consolidator.apply import elements as E

    def off_by_one(ws, ins, targets):
        E.renumber(ws, type(ins)(targets=ins.targets, new_numbers=("4",)), targets)
    broken(monkeypatch, dispatch.Renumber, off_by_one)
    with pytest.raises(ApplyError) as err:
        run(parse_law_text("W\nArtikel 1\n1. Een.\n3. Drie.\n"),
            "Het derde lid wordt vernummerd tot tweede lid.", "1")
    assert "it is not numbered 2" in str(err.value)


def test_a_failed_postcondition_writes_no_file(monkeypatch, tmp_path):
    broken(monkeypatch, dispatch.ReplaceWords, lambda ws, ins, targets: None)
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["apply", str(ROOT / "corpus" / "BWBR0003420" / "base.xml"),
                                      str(ROOT / "corpus" / "acts" / "stb-1996-649.txt"),
                                      "-o", str(out)])
    assert isinstance(result.exception, ApplyError)
    assert "the text is unchanged" in str(result.exception) and not out.exists()


# ------------------------------------------------------------------ guards (fail on main)


def test_an_instruction_that_leaves_the_text_unchanged_is_an_error():
    tree = parse_law_text("W\nArtikel 6\nDe school.\n")
    with pytest.raises(ApplyError) as err:
        run(tree, "In artikel 6 wordt «school» vervangen door: school.")
    assert "the text is unchanged" in str(err.value)


def test_an_empty_replacement_is_an_error_not_an_empty_opschrift():
    tree = parse_law_text("W\n§ 3. Toezicht\nArtikel 5\nVijf.\n")
    sentence = parse_sentence("Het opschrift van paragraaf 3 komt te luiden:")
    with pytest.raises(ApplyError) as err:
        apply_sentence(tree, sentence, SRC)
    assert "gives no new text" in str(err.value)
    assert "§ 3. Toezicht" in body(tree)


def test_announced_number_differs_from_the_new_text():
    tree = parse_law_text(LAW)
    act = parse_act(amending("Na artikel 12 wordt ingevoegd een nieuw artikel 12a, luidende:",
                             "Artikel 12b", "Nieuw."))
    with pytest.raises(NumberMismatch) as err:
        apply_act(tree, act)
    assert "announces artikel 12a, but the new text is numbered 12b" in str(err.value)
    act = parse_act(amending("Na artikel 12 wordt ingevoegd een nieuw artikel 12, luidende:",
                             "Artikel 12a", "Nieuw."))
    with pytest.raises(NumberMismatch):
        apply_act(tree, act)


def test_a_replacement_numbered_otherwise_is_a_number_mismatch():
    tree = parse_law_text("Wet proef\nArtikel 1\n1. Een.\n2. Twee.\n")
    act = parse_act(amending("Artikel 1, tweede lid, komt te luiden:", "3. Drie."))
    with pytest.raises(NumberMismatch) as err:
        apply_act(tree, act)
    assert "lid 2 is to be replaced, but the new text is numbered 3" in str(err.value)


def test_check_reports_number_mismatch(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "acts").mkdir(parents=True)
    from consolidator.law import lawfile
    law = parse_law_text(LAW, bwb_id="BWBR0000001")
    (corpus / "BWBR0000001").mkdir()
    lawfile.write_law(law, corpus / "BWBR0000001" / "base.xml")
    act = tmp_path / "act.txt"
    act.write_text(amending("Na artikel 12 wordt ingevoegd een nieuw artikel 12a, luidende:",
                            "Artikel 12b", "Nieuw."), "utf-8")
    result = CliRunner().invoke(cli, ["check", str(act), "--corpus", str(corpus),
                                      "--format", "json"])
    assert result.exit_code == 1, result.output
    assert '"kind": "number-mismatch"' in result.output


def test_a_renumbering_that_leaves_a_gap_is_an_error():
    tree = parse_law_text("W\nArtikel 1\n1. Een.\n2. Twee.\n3. Drie.\n")
    with pytest.raises(ApplyError) as err:
        run(tree, "Het derde lid wordt vernummerd tot vijfde lid.", "1")
    assert "the renumbering leaves a gap: no lid 3, 4" in str(err.value)


def test_a_plain_repeal_of_a_lid_stays_legal():
    tree = run(parse_law_text("W\nArtikel 1\n1. Een.\n8. Acht.\n9. Negen.\n"),
               "Het achtste lid vervalt.", "1")
    assert "8. [Vervallen]" in render_law_text(tree, show_repealed=True)


def test_renumbering_with_an_insertion_in_one_sentence_leaves_no_gap():
    # the gap the renumbering leaves is filled by the same sentence: judged at its end
    tree = parse_law_text("Wet proef\nArtikel 14\n1. Een.\n2. Twee.\n")
    text = amending("Artikel 14 wordt als volgt gewijzigd:", "1. Onder vernummering van het "
                    "tweede lid tot derde lid wordt een lid ingevoegd, luidende:", "2. Nieuw.")
    new = apply_act(tree, parse_act(text))
    assert body(new) == "Artikel 14\n1. Een.\n2. Nieuw.\n3. Twee.\n"


def test_apply_refuses_acts_that_do_not_name_the_law(tmp_path):
    act = tmp_path / "other.txt"
    act.write_text("Wet van 1 maart 2000\n\nARTIKEL I\n\nArtikel 1 van de Wet op de proef "
                   "vervalt.\n", "utf-8")
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["apply", str(ROOT / "corpus" / "BWBR0003420" / "base.xml"),
                                      str(act), "-o", str(out)])
    assert isinstance(result.exception, ApplyError) and not out.exists()
    assert "none of the acts given changes Wet op het basisonderwijs; they change: Wet op de " \
           "proef" in str(result.exception)


def test_a_renumbering_to_a_number_twice_is_an_error():
    from consolidator.model import Renumber, Sentence
    tree = parse_law_text("Wet proef\nArtikel 1\n1. Een.\n2. Twee.\n3. Drie.\n")
    lid = lambda n: Locator((Step("artikel", "1"), Step("lid", n)))  # noqa: E731
    with pytest.raises(ApplyError) as err:
        apply_sentence(tree, Sentence((Renumber((lid("2"), lid("3")), new_numbers=("4", "4")),)),
                       SRC)
    assert "number 4 is there twice" in str(err.value)


def test_an_act_that_changes_nothing_in_the_law_it_names_is_refused(monkeypatch):
    # every instruction is checked on its own; this is the act-level belt and braces
    from consolidator.apply.preview import apply_acts
    from consolidator.apply.postwords import Postcondition
    broken(monkeypatch, dispatch.ReplaceWords, lambda ws, ins, targets: None)
    monkeypatch.setitem(dispatch.POSTCONDITIONS, dispatch.ReplaceWords,
                        Postcondition(lambda *a: None, lambda *a: None))
    act = parse_act(amending("In artikel 12 wordt «Twaalf» vervangen door: Elf."), source="a.txt")
    with pytest.raises(ApplyError) as err:
        apply_acts(parse_law_text(LAW), [act])
    assert "ARTIKEL I change nothing in Wet proef" in str(err.value)
