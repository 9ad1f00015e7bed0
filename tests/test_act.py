"""The act structure reader on the seed act, Stb. 1996, 649, and on small acts."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conftest import SEED
from consolidator.read.act import parse_act
from consolidator.cli import cli
from consolidator.errors import ActSyntaxError
from consolidator.model import ARTICLE_KINDS, INSTRUCTION_KINDS


def test_seed_has_every_article_with_its_kind(seed_act):
    kinds = {a.number: a.kind for a in seed_act.articles}
    assert list(kinds) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert kinds == {"I": "amend", "II": "amend", "III": "amend", "IV": "amend", "V": "transition",
                     "VI": "amend", "VII": "amend", "VIII": "amend", "IX": "amend",
                     "X": "samenloop", "XI": "samenloop", "XII": "entry-into-force"}


def test_seed_laws(seed_act):
    laws = {a.number: a.law.name for a in seed_act.articles if a.law}
    assert laws["I"] == laws["VI"] == "Wet op het basisonderwijs"
    assert laws["II"] == "Interimwet op het speciaal onderwijs en het voortgezet speciaal onderwijs"
    assert laws["III"] == "Wet op het voortgezet onderwijs"
    assert laws["IV"] == "Overgangswet ISOVSO"
    nine = seed_act.article("IX").law
    assert (nine.kind, nine.stb) == ("act", "1996, 403")
    assert nine.name.startswith("Wet van 4 juli 1996 tot wijziging")


def test_seed_dates_and_number(seed_act):
    assert seed_act.signed == dt.date(1996, 12, 19)
    assert seed_act.published == dt.date(1996, 12, 23)
    assert seed_act.stb == "1996, 649"
    assert [f.number for f in seed_act.footnotes] == ["1", "2", "3", "4", "5"]


def test_seed_instructions_are_all_typed(seed_act):
    instructions = seed_act.instructions
    assert len(instructions) > 100
    assert {i.kind for i in instructions} <= set(INSTRUCTION_KINDS)
    assert all(i.span.line > 0 and i.span.column > 0 for i in instructions)
    for number in ("I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "X", "XI"):
        assert seed_act.article(number).instructions, number


def test_onderdelen_and_punten(seed_act):
    art1 = seed_act.article("I")
    assert [o.label for o in art1.onderdelen] == list("ABCDEFGHIJKLMNOPQRS")
    h = art1.onderdelen[7]
    assert [item.label for item in h.items] == ["1", "2", "3", "4", "5", "6"]
    assert h.instructions[5].place.punt == "2"
    assert [o.label for o in seed_act.article("III").onderdelen] == list("ABCDEFG")


def test_quoted_content_is_kept_in_its_layout(seed_act):
    e = seed_act.article("I").onderdelen[4].instructions[0]
    kinds = [line.kind for line in e.content.lines]
    assert kinds == ["artikel", "lid", "item", "item", "lid", "lid", "item", "item", "lid"]
    assert e.content.lines[0].label == "95a"
    k = seed_act.article("I").onderdelen[10].instructions[0]
    assert k.content.lines[0].kind == "heading" and k.content.lines[0].label == "3a"


def test_content_articles_are_not_act_articles(seed_act):
    b = seed_act.article("IX").onderdelen[1].instructions[0]
    assert [line.label for line in b.content.lines if line.kind == "artikel"] == ["VA", "VB"]


def test_conditional_articles_carry_their_condition(seed_act):
    ten, eleven = seed_act.article("X"), seed_act.article("XI")
    assert ten.condition.kind == "on-or-after"
    assert eleven.condition.kind == "not-yet"
    assert "24 138" in ten.condition.other and "1996, 580" in ten.condition.other
    assert eleven.law.stb == "1996, 580"
    insert = ten.onderdelen[0].instructions[0]
    assert [s.kind for s in insert.targets[0].steps] == ["act-artikel", "act-onderdeel"]
    nested = insert.content.onderdelen[0]
    assert nested.label == "A1" and nested.instructions[0].kind == "delete-words"
    target = eleven.onderdelen[0].instructions[0].targets[0]
    assert [s.kind for s in target.steps] == ["act-artikel", "act-onderdeel", "artikel", "lid"]


def test_one_sentence_article_names_the_law_inside():
    act = parse_act("Wet van 1 januari 2020\n\nARTIKEL I\n\n"
                    "In artikel 36b, vijfde lid, van de Advocatenwet vervalt de tweede volzin.\n")
    assert act.articles[0].law.name == "Advocatenwet"
    assert act.articles[0].instructions[0].kind == "delete-element"


def test_arabic_and_decimal_numbering_in_chapters():
    text = ("Wet van 2 februari 2021\n\nHOOFDSTUK 1. WIJZIGINGEN\n\nArtikel 1.1\n\n"
            "De Wet op de proefnemingen wordt als volgt gewijzigd:\n\nA\n\nArtikel 2 vervalt.\n\n"
            "B\n\nArtikel 3 vervalt.\n\nArtikel 1.2\n\nIn artikel 4 van de Wet op de proeven vervalt het tweede lid.\n\n"
            "HOOFDSTUK 2. SLOTBEPALINGEN\n\nArtikel 2.1\n\nDeze wet treedt in werking met ingang van 1 januari 2022.\n")
    act = parse_act(text)
    assert [(a.number, a.chapter, a.kind) for a in act.articles] == [
        ("1.1", "1", "amend"), ("1.2", "1", "amend"), ("2.1", "2", "entry-into-force")]


def test_article_heading_is_kept():
    act = parse_act("Wet van 1 maart 2000\n\nARTIKEL IV. WIJZIGING OISOVSO\n\n"
                    "In artikel E 24 van de Overgangswet ISOVSO worden de volgende wijzigingen aangebracht:\n\n"
                    "1. Het tweede lid vervalt.\n")
    assert act.articles[0].heading == "WIJZIGING OISOVSO"
    assert act.articles[0].onderdelen[0].items[0].sentences[0].instructions[0].kind == "delete-element"


def test_bad_instruction_is_reported_with_position():
    with pytest.raises(ActSyntaxError) as info:
        parse_act("Wet van 1 maart 2000\n\nARTIKEL I\n\nDe Wet X wordt gewijzigd als volgt:\n\nA\n\n"
                  "In artikel 6 wordt «x» verschoven naar: y.\n", source="bad.txt")
    assert (info.value.line, info.value.column) == (9, 24)
    assert "bad.txt" in str(info.value)


# ------------------------------------------------------------------ the command

def test_parse_json_has_the_contract_fields():
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["published"] == "1996-12-23" and doc["signed"] == "1996-12-19"
    for article in doc["articles"]:
        assert {"number", "law", "kind", "onderdelen"} <= set(article)
        assert article["kind"] in ARTICLE_KINDS
        for onderdeel in article["onderdelen"]:
            assert "label" in onderdeel
            for ins in onderdeel["instructions"]:
                assert ins["kind"] in INSTRUCTION_KINDS and ins["kind"] != "unknown"
                assert ins["line"] > 0 and ins["column"] > 0
    assert doc["articles"][0]["law"] == "Wet op het basisonderwijs"


def test_parse_outline():
    result = CliRunner().invoke(cli, ["parse", str(SEED)])
    assert result.exit_code == 0
    assert "ARTIKEL I [amend] → Wet op het basisonderwijs" in result.output
    assert "delete-element artikel 86" in result.output


def test_parse_error_goes_to_stderr_with_exit_1(tmp_path):
    import subprocess
    import sys
    bad = tmp_path / "bad.txt"
    bad.write_text("Wet van 1 maart 2000\n\nARTIKEL I\n\nDe Wet X wordt gewijzigd als volgt:\n\nA\n\n"
                   "In artikel 6 wordt «x» verschoven naar: y.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "consolidator", "parse", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "line 9, column 24" in proc.stderr and "^~~~" in proc.stderr
    assert "expected" in proc.stderr


def test_every_locator_step_is_of_a_known_kind(seed_act):
    from consolidator.model import STEP_KINDS
    kinds = {step.kind for ins in seed_act.instructions for t in ins.targets for step in t.steps}
    assert kinds <= set(STEP_KINDS)


def test_a_decree_with_one_article_headed_enig_artikel():
    from conftest import ROOT
    text = (ROOT / "tests" / "fixtures" / "time" / "stb-2000-300.txt").read_text("utf-8")
    act = parse_act(text.replace("\nArtikel 1\n", "\nEnig artikel\n"), source="decree.txt")
    assert [(a.number, a.kind) for a in act.articles] == [("enig", "entry-into-force")]
