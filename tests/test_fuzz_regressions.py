"""Every crash the fuzzer found, as a test: the inputs it saved (``tests/fixtures/fuzz``,
run through the target that crashed) and, for each cause, the smallest input that
shows it through the public functions."""
from __future__ import annotations

import datetime as _dt
import importlib.util
import sys
from pathlib import Path

import pytest

from consolidator.law import lawtext

from consolidator.law import lawfile
from consolidator.read.act import parse_act
from consolidator.law.artindex import number_key
from consolidator.errors import ActSyntaxError, ConsolidatorError, LawFormatError, TimeError
from consolidator.read.iwt import rules_from_article
from consolidator.read.iwtrules import AfterPublication, Part, label_key
from consolidator.model import Article, Span

ROOT = Path(__file__).resolve().parent.parent
SAVED = Path(__file__).parent / "fixtures" / "fuzz"
SEED_ACT = ROOT / "corpus" / "acts" / "stb-1996-649.txt"


def _fuzzer():
    name = "consolidator_fuzz"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "fuzz.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _saved_inputs():
    return sorted(p for p in SAVED.glob("*-s*-n*.*") if p.suffix in (".txt", ".xml"))


@pytest.mark.parametrize("path", _saved_inputs(), ids=lambda p: p.stem)
def test_saved_crash_inputs_give_a_result_or_a_project_error(path):
    fuzz = _fuzzer()
    target = path.stem.rsplit("-s", 1)[0]
    data = path.read_bytes()
    if not fuzz.TARGETS[target].xml:
        data = data.decode("utf-8", "surrogatepass")
    try:
        fuzz.TARGETS[target].run(data)
    except ConsolidatorError:
        pass


def test_there_are_saved_inputs():
    assert len(_saved_inputs()) >= 5


# --------------------------------------------------------------------------- characters

def _seed_lines() -> list[str]:
    return SEED_ACT.read_text("utf-8").splitlines()


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\ufffe", "\ud800"])
def test_a_character_xml_cannot_hold_is_refused_in_an_act_with_its_position(char):
    lines = _seed_lines()
    assert len(lines[41]) > 20
    lines[41] = lines[41][:5] + char + lines[41][5:]
    with pytest.raises(ActSyntaxError, match=f"U\\+{ord(char):04X} is not allowed") as info:
        parse_act("\n".join(lines), source="act.txt")
    assert (info.value.line, info.value.column) == (42, 6)


def test_a_byte_order_mark_does_not_change_an_act():
    text = SEED_ACT.read_text("utf-8")
    assert parse_act("\ufeff" + text).articles == parse_act(text).articles


def test_a_character_xml_cannot_hold_is_refused_in_a_law_text():
    text = (ROOT / "corpus" / "BWBR0003420" / "base.txt").read_text("utf-8")
    lines = text.splitlines()
    lines[3] = "\x1f" + lines[3]
    with pytest.raises(LawFormatError, match="U\\+001F") as info:
        lawtext.parse_law_text("\n".join(lines), source="law.txt")
    assert (info.value.line, info.value.column) == (4, 1)
    assert lawfile.serialize(lawtext.parse_law_text("\ufeff" + text)) == \
        lawfile.serialize(lawtext.parse_law_text(text))


@pytest.mark.parametrize("number", ["2¹", "٣", "Ⅻ"])
def test_numbers_that_are_digits_but_not_decimals_do_not_crash(number):
    assert number_key(number) != number_key("3") or number == "٣"


# --------------------------------------------------------------------------- entry into force

def test_onderdelen_lettered_in_lower_case_are_ordered():
    keys = [label_key(label, "onderdeel") for label in ("a", "b", "z", "aa", "bb")]
    assert keys == sorted(keys)
    assert label_key("A", "onderdeel") < label_key("A1", "onderdeel") < label_key("A1a", "onderdeel")
    assert label_key("enig", "artikel") < label_key("II", "artikel")


def test_29_february_after_publication_is_the_next_leap_day():
    rule = AfterPublication(day_month=(29, 2))
    assert rule.date(_dt.date(1997, 3, 1)) == _dt.date(2000, 2, 29)
    assert rule.date(_dt.date(1996, 1, 10)) == _dt.date(1996, 2, 29)


def test_a_date_after_the_year_9999_is_an_error():
    with pytest.raises(TimeError, match="not in the calendar"):
        AfterPublication(days=10 ** 7).date(_dt.date(1997, 1, 1))
    with pytest.raises(TimeError, match="not in the calendar"):
        AfterPublication(months=10 ** 6).date(_dt.date(1997, 1, 1))


def _article(*paragraphs: str) -> Article:
    return Article(number="XII", kind="entry-into-force", text=paragraphs, span=Span(1, 1))


def test_a_day_that_is_not_in_the_calendar_is_an_error_at_the_date():
    with pytest.raises(ActSyntaxError, match="31 februari 1997"):
        rules_from_article(_article("Deze wet treedt in werking met ingang van 31 februari 1997."),
                           "act.txt")


def test_tabs_between_the_words_of_a_condition_are_whitespace():
    text = ("Indien het Staatsblad waarin deze wet wordt geplaatst wordt uitgegeven op\tof\tna "
            "1 september 1996, treedt deze wet in werking met ingang van de dag na de datum "
            "van uitgifte van het Staatsblad waarin deze wet wordt geplaatst.")
    rules = rules_from_article(_article(text), "act.txt", published=_dt.date(1996, 12, 23))
    entry = rules.entry(Part("I"), _dt.date(1996, 12, 23))
    assert entry.valid_from == _dt.date(1996, 12, 24)


# --------------------------------------------------------------------------- label gaps

def test_a_gap_of_labels_too_long_to_list_is_named_by_its_ends():
    # act-iwt-s31-n2657, apply-date-s31-n6385: «1.» then «999999999999.» made the reader list
    # every number between them (a hang), and int() of thousands of digits is refused
    from consolidator.read.labels import skipped_labels

    assert skipped_labels("1", "4") == ["2", "3"]
    assert skipped_labels("1", "99999999") == ["2", "3", "…", "99999998"]
    assert skipped_labels("1", "9" * 5000) == ["…"]
    assert skipped_labels("9" * 5000, "1") == []
    assert skipped_labels("A", "ZZ") == ["B", "C", "…", "ZY"]


def test_a_punt_numbered_far_beyond_the_last_is_refused_naming_the_gap():
    text = ("ARTIKEL I\n\nDe Wet op het basisonderwijs wordt als volgt gewijzigd:\n\nA\n\n"
            "Artikel 5 wordt als volgt gewijzigd:\n\n1. Het eerste lid vervalt.\n\n"
            + "9" * 400 + ". Het tweede lid vervalt.\n")
    with pytest.raises(ActSyntaxError, match="would be missing") as info:
        parse_act(text, source="act.txt")
    assert info.value.line == 11
