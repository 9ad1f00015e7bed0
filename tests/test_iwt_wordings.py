"""Every wording family of entry-into-force sentences, each on real sentences of the
development corpus (tests/fixtures/devcorpus/sentences.jsonl), with the rules they must
give: tests/fixtures/iwt/wordings.txt lists them (``iwt_summary.line``: one line a rule),
read against each sentence's gloss by hand. A reading that changes fails here.

Families: a fixed date (with its slips), a time tied to another act or part, the day
after publication, the Nth day after it, retroactivity, a koninklijk besluit, parts with
times of their own, conditions on the publication date, expiry, weeks and months after
publication, immediate entry, other acts put in force by this text, the first day of a
calendar month, the day of publication, events outside the acts, sentences that set no
time (notes); and below, the corpus sentences refused, each with where and why."""
from __future__ import annotations

import pytest

from conftest import ROOT
from consolidator.errors import ActSyntaxError
from consolidator.read.iwt import read_entry_text
from iwt_summary import sentence, summary

WORDINGS = ROOT / "tests" / "fixtures" / "iwt" / "wordings.txt"
FAMILIES = ("fixed", "tied", "day_after", "nth_day", "retro", "decree", "parts", "condition",
            "expiry", "periods", "immediate", "other_act", "calendar_month",
            "day_of_publication", "event", "notes")


def _families() -> dict[str, list[tuple[str, list[str]]]]:
    found: dict[str, list] = {}
    family = ""
    for line in WORDINGS.read_text("utf-8").splitlines():
        if line.startswith("== "):
            family = line[3:]
            found[family] = []
        elif line.startswith("> "):
            found[family].append((line[2:], []))
        elif line.startswith("  "):
            found[family][-1][1].append(line[2:])
    return found


WORDING_FAMILIES = _families()


def _cases():
    for family, cases in WORDING_FAMILIES.items():
        for number, (start, expected) in enumerate(cases):
            yield pytest.param(start, expected, id=f"{family}-{number}")


@pytest.mark.parametrize("start, expected", list(_cases()))
def test_wording_reads_into_its_rules(start, expected):
    assert summary(read_entry_text(sentence(start))) == expected


def test_every_family_has_real_sentences():
    assert tuple(WORDING_FAMILIES) == FAMILIES
    assert all(len(cases) >= 2 for cases in WORDING_FAMILIES.values())
    assert sum(len(cases) for cases in WORDING_FAMILIES.values()) >= 170


#: The corpus sentences refused: how they start, the column where reading stopped, why.
REFUSED = [
    ("Deze wet treedt in werking met ingang van 1 augustus 1991 wat", 59,
     "parts named by subject matter («wat betreft het hoger beroepsonderwijs»)"),
    ("Deze wet treedt in werking met ingang van 1 januari 1993,", 57,
     "the sentence ends with «van 1 januari 1993,»: the rest of it is not in this text"),
    ("Dit besluit treedt in werking:", 30, "«besluit treedt in werking:» opens a list"),
    ("Deze wet treedt in werking met ingang van 1 januari 1996 met", 80,
     "«met dien verstande dat:» opens a list"),
    ("Dit besluit treedt in werking met ingang van 1 april 1996,", 58,
     "«met uitzondering van:» announces what is not in this text"),
    ("Deze wet treedt in werking met ingang van 1 januari van een", 99,
     "«met dien verstande dat» announces what is not in this text"),
    ("Dit besluit treedt, in werking", 123,
     "«met dien verstande dat» announces what is not in this text"),
    ("Deze wet treedt in werking op 1 september 2000,", 47,
     "«met uitzondering van:» announces what is not in this text"),
    ("De regeling treedt in werking met ingang van 1 januari 2001,", 138,
     "a part narrowed by what it concerns («voorzover deze leden betrekking hebben op taxi's»)"),
    ("Dit besluit treedt in werking met ingang van 12 juli 2004,", 82,
     "«met dien verstande dat:» opens a list"),
    ("Dit besluit treedt in werking met ingang van 1 april 2006 en", 74,
     "«als volgt:» opens a list that is not in this text"),
    ("Deze wet treedt in werking op 1 januari 2008, met", 69,
     "«met dien verstande dat:» opens a list"),
    ("Deze Regeling treedt in werking met ingang van de tweede dag", 172,
     "«met uitzondering van:» announces what is not in this text"),
]


@pytest.mark.parametrize("start, column, why", REFUSED)
def test_refused_wording_says_where_and_why(start, column, why):
    with pytest.raises(ActSyntaxError) as info:
        read_entry_text(sentence(start))
    error = info.value
    assert (error.line, error.column) == (1, column)
    assert error.message.startswith("cannot read entry-into-force sentence: ")
    assert why in error.message
