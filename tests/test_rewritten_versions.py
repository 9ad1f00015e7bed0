"""A version the builder writes again only to end its validity (the one a rebuild starts
from) is written with the XML and article digests it was first written with, and a new
version with the digests taken when its events were applied (``LawBuilder._written``,
``_insert``), instead of serialising and digesting the tree again; the next rebuild starts
from the tree the last one wrote its newest version from (``_at_hand``) instead of parsing
that version's XML; and the tree a rebuild starts from is changed in place when it is not
written again. Held to the general way (every version serialised and digested from its
tree, every rebuild started from its version's XML, every apply on a copy): the stores are
the same row for row, in the order written, on the bundled corpus, on the time fixtures and
on a history with a retroactive act that reaches back past the versions the builder keeps
at hand."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT
from tinycorpus import run

from consolidator.law import lawtext
from consolidator.law.lawfile import write_law
from consolidator.store import versions
from consolidator.store.versions import LawBuilder

TIME = ROOT / "tests" / "fixtures" / "time"
ACTS = ROOT / "tests" / "fixtures" / "acts"


def _general_way(monkeypatch) -> None:
    """No version at hand, and every version's digests taken from its tree when written."""
    monkeypatch.setattr(LawBuilder, "_written", lambda self, version_id: None)
    original = LawBuilder._insert

    def digested_again(self, valid_from, valid_until, known_from, tree, sources, digests=None):
        original(self, valid_from, valid_until, known_from, tree, sources)

    monkeypatch.setattr(LawBuilder, "_insert", digested_again)


def _dump(corpus: Path, folder: Path) -> list[str]:
    store = folder / "store.sqlite"
    result = run("consolidate", corpus, "-o", folder / "out", "--store", store, "--full")
    assert result.code == 0, result.err
    db = sqlite3.connect(str(store))
    try:
        return list(db.iterdump())
    finally:
        db.close()


def _versions(dump: list[str]) -> int:
    return sum(line.startswith('INSERT INTO "version"') for line in dump)


def _both_ways(corpus: Path, tmp_path: Path, monkeypatch) -> tuple[list[str], list[str]]:
    quick = _dump(corpus, tmp_path / "quick")
    assert _versions(quick) >= 5  # histories were built, not an empty store compared
    with monkeypatch.context() as patch:
        _general_way(patch)
        general = _dump(corpus, tmp_path / "general")
    return quick, general


def _words(day: dt.date) -> str:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _act(number: int, published: dt.date, article: int, in_force: str) -> str:
    signed = _words(published - dt.timedelta(days=5))
    return (f"Staatsblad {published.year}, {number}\n\nWet van {signed} tot wijziging van de "
            f"Proefwet\n\nARTIKEL I\n\nIn artikel {article}, eerste lid, van de Proefwet wordt "
            f"«onderwerp {article}» vervangen door: thema {article} ({number}).\n\nARTIKEL II\n\n"
            f"{in_force}\n\nGegeven te 's-Gravenhage, {signed}\n\nUitgegeven {_words(published)}\n")


def _retroactive_corpus(folder: Path) -> Path:
    """Ten acts a week apart, each in force the day after it, then one that reaches back
    past all but the first two (the versions it rebuilds from are no longer at hand), and
    one more in force the day after it."""
    (folder / "PROEF").mkdir(parents=True)
    (folder / "acts").mkdir()
    lines = ["Proefwet"]
    for n in range(1, 13):
        lines += [f"Artikel {n}", f"1. De minister stelt regels over onderwerp {n}."]
    law = lawtext.parse_law_text("\n".join(lines) + "\n", bwb_id="PROEF",
                                 date=dt.date(2000, 1, 1))
    write_law(law, folder / "PROEF" / "base.xml")
    next_day = ("Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van "
                "het Staatsblad waarin zij wordt geplaatst.")
    first = dt.date(2001, 1, 8)
    for n in range(1, 11):
        published = first + dt.timedelta(days=7 * (n - 1))
        (folder / "acts" / f"stb-2001-{n}.txt").write_text(_act(n, published, n, next_day), "utf-8")
    back_to = first + dt.timedelta(days=15)
    late = (f"{next_day[:-1]} en werkt terug tot en met {_words(back_to)}.")
    (folder / "acts" / "stb-2001-11.txt").write_text(
        _act(11, first + dt.timedelta(days=100), 11, late), "utf-8")
    # and one after it, which starts from the last version that rebuild wrote
    (folder / "acts" / "stb-2001-12.txt").write_text(
        _act(12, first + dt.timedelta(days=107), 12, next_day), "utf-8")
    return folder


def test_the_corpus_is_stored_as_the_general_way_stores_it(tmp_path, monkeypatch):
    quick, general = _both_ways(ROOT / "corpus", tmp_path, monkeypatch)
    assert quick == general


def test_the_time_fixtures_are_stored_as_the_general_way_stores_them(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    for law_id, text, day in (("PROEF", ACTS / "proefwet.txt", dt.date(2024, 1, 1)),
                              ("BWBRTEST", TIME / "testwet.txt", dt.date(1999, 12, 31))):
        (corpus / law_id).mkdir(parents=True)
        write_law(lawtext.parse_law_text(text.read_text("utf-8"), bwb_id=law_id, date=day),
                  corpus / law_id / "base.xml")
    (corpus / "acts").mkdir()
    for act in sorted(TIME.glob("stb-*.txt")):
        (corpus / "acts" / act.name).write_text(act.read_text("utf-8"), "utf-8")
    quick, general = _both_ways(corpus, tmp_path, monkeypatch)
    assert quick == general


def test_a_retroactive_act_past_the_versions_at_hand(tmp_path, monkeypatch):
    corpus = _retroactive_corpus(tmp_path / "corpus")
    written_again = []
    taken = LawBuilder._written

    def counted(self, version_id):
        found = taken(self, version_id)
        written_again.append(found is not None)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(LawBuilder, "_written", counted)
        quick = _dump(corpus, tmp_path / "quick")
    # both ways were taken: versions at hand, and one that was not (the late act's start)
    assert True in written_again and False in written_again
    with monkeypatch.context() as patch:
        _general_way(patch)
        general = _dump(corpus, tmp_path / "general")
    assert quick == general
    assert any("thema 11 (11)" in line for line in quick)
    assert any("thema 12 (12)" in line for line in quick)


@pytest.mark.parametrize("keep", [1, 4])
def test_the_versions_at_hand_are_the_latest_written(keep, monkeypatch):
    """The builder keeps the XML and digests of the last few versions it wrote, the two
    together, and forgets the oldest first."""
    assert hasattr(versions, "_AT_HAND")
    monkeypatch.setattr(versions, "_AT_HAND", keep)
    builder = LawBuilder.__new__(LawBuilder)
    builder._at_hand_written, builder.current = {}, []

    class _Store:
        count = 0

        def insert_version(self, *args):
            _Store.count += 1
            return _Store.count

    builder.store, builder.law = _Store(), type("Law", (), {"law_id": "X"})()
    for n in range(6):
        builder._insert_written("2001-01-01", None, "2001-01-01", (b"<x/>", {"1": str(n)}), [])
    assert list(builder._at_hand_written) == list(range(7 - keep, 7))
    assert builder._written(6) == (b"<x/>", {"1": "5"})
    assert builder._written(6 - keep) is None
