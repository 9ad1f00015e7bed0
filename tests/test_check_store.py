"""``check`` against the version store: the law in force on the act's own date, as known
before the act's publication (``views.check_store``); names close to a known law, acts of
which nothing can be checked, dates no calendar has, quoted words with «did you mean»."""
import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidator.apply.nearest import closest_words
from consolidator.cli import cli
from consolidator.views.check import check_file, check_store_file
from consolidator.views.check_coverage import close_name
from tinycorpus import run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "acts" / "stb-1996-649.txt"

#: a 1999 bill on WBO: artikel 95a came with Stb. 1996, 649 (in force 1997-01-01)
BILL_1999 = """Voorstel van wet tot wijziging van de Wet op het basisonderwijs in verband met het aantal klokuren lichamelijke oefening

ARTIKEL I

De Wet op het basisonderwijs wordt gewijzigd als volgt:

A

In artikel 95a, tweede lid, wordt «ten minste vastgesteld op 1,5» vervangen door: ten minste vastgesteld op 2.

ARTIKEL II

{iwt}
"""
IN_1999 = "Deze wet treedt in werking met ingang van 1 augustus 1999."
BY_DECREE = "Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip."


def write(tmp_path: Path, text: str, name: str = "act.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def run_check(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- the text met

def test_a_1999_bill_on_wbo_meets_the_law_in_force_then(tmp_path, corpus_store_path):
    bill = write(tmp_path, BILL_1999.format(iwt=IN_1999))
    result = run_check(bill, "--store", corpus_store_path, "--corpus", CORPUS)
    assert result.exit_code == 0, result.output
    assert "95a is not in the law" not in result.output
    assert result.stdout.strip() == "0 errors, 0 warnings"
    assert (f"note: checked against {corpus_store_path}: the law in force on 1999-08-01, as "
            "known now (every act in the store)") in result.stderr
    # the base texts of the corpus do not have it: what the store is for
    against_base = run_check(bill, "--corpus", CORPUS)
    assert against_base.exit_code == 1
    assert "artikel 95a is not in the law" in against_base.stdout
    assert "checked against the base texts of" in against_base.stderr


def test_a_wrong_quote_in_the_1999_bill_is_found_in_the_1999_text(tmp_path, corpus_store_path):
    bill = write(tmp_path, BILL_1999.format(iwt=IN_1999).replace("op 1,5»", "op 1,75»"))
    result = run_check(bill, "--store", corpus_store_path, "--corpus", CORPUS,
                       "--format", "json")
    assert result.exit_code == 1
    assert "did you mean «ten minste vastgesteld op 1,5»?" in result.stdout


def test_an_act_in_the_store_meets_the_text_it_found(corpus_store_path):
    notes = []
    problems = check_store_file(SEED, corpus_store_path, facts=_facts(), notes=notes)
    assert problems == []  # against the text it made, «Artikel 86 vervalt» would fail
    assert notes[0] == (f"checked against {corpus_store_path}: the law in force on 1997-01-01, "
                        "as known on 1996-12-22")
    assert ("BWBR0003420: Stb. 1996, 649, ARTIKEL VI is not in force on 1997-01-01 (from "
            "1999-01-01): left out (--date 1999-01-01 takes it in)") in notes


def test_a_date_asked_for_is_the_date_of_the_text(corpus_store_path):
    notes = []
    assert check_store_file(SEED, corpus_store_path, dt.date(1999, 1, 1), _facts(),
                            notes=notes) == []
    assert "the law in force on 1999-01-01, as known on 1996-12-22" in notes[0]
    assert not any("ARTIKEL VI is not in force" in note for note in notes)


def test_a_bill_left_to_a_koninklijk_besluit_meets_the_law_of_today(tmp_path,
                                                                     corpus_store_path):
    bill = write(tmp_path, BILL_1999.format(iwt=BY_DECREE))
    notes = []
    problems = check_store_file(bill, corpus_store_path, notes=notes, today=dt.date(2030, 5, 1))
    assert problems == []
    assert "the law in force on 2030-05-01" in notes[0]
    assert any("no date of entry into force can be told: checked against the law in force "
               "today, 2030-05-01" in note for note in notes)
    assert "BWBR0003420: art. I, onderdeel A waits for a koninklijk besluit: checked as in " \
           "force on 2030-05-01" in notes
    result = run_check(bill, "--store", corpus_store_path, "--corpus", CORPUS)
    assert result.exit_code == 0
    assert f"the law in force today, {dt.date.today()}" in result.stderr


def test_the_default_store_is_used_when_it_exists(tmp_path, corpus_store_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    bill = write(Path("."), BILL_1999.format(iwt=IN_1999))
    Path("corpus").mkdir()
    shutil.copytree(CORPUS / "BWBR0003420", Path("corpus") / "BWBR0003420")
    assert runner.invoke(cli, ["check", str(bill)]).exit_code == 1  # no store: the corpus
    Path("out").mkdir()
    shutil.copy(corpus_store_path, "out/consolidator.sqlite")
    result = runner.invoke(cli, ["check", str(bill)])
    assert result.exit_code == 0, result.output
    assert "note: checked against out/consolidator.sqlite" in result.stderr
    # --corpus given: the corpus, as before
    assert runner.invoke(cli, ["check", str(bill), "--corpus", "corpus"]).exit_code == 1


def test_check_leaves_the_store_as_it_was(tmp_path, corpus_store_path):
    store = tmp_path / "store.sqlite"
    shutil.copy(corpus_store_path, store)
    before, files = sha256(store), sorted(p.name for p in tmp_path.iterdir())
    assert run_check(SEED, "--store", store, "--corpus", CORPUS).exit_code == 0
    assert (sha256(store), sorted(p.name for p in tmp_path.iterdir())) == (before, files)


def test_a_missing_store_given_is_an_error(tmp_path):
    result = run("check", SEED, "--store", tmp_path / "none.sqlite")
    assert result.code == 1
    assert f"error: no store at {tmp_path / 'none.sqlite'}" in result.err


def _facts():
    from consolidator.time.facts import load_facts
    return load_facts(CORPUS / "facts.toml")


# --------------------------------------------------------------------------- law names

def test_a_law_name_close_to_a_known_law_is_an_error_with_did_you_mean(tmp_path,
                                                                       corpus_store_path):
    act = write(tmp_path, SEED.read_text("utf-8").replace(
        "De >Wet op het basisonderwijs1 wordt", "De >Wet op het basisondewijs1 wordt"))
    for options in (["--store", corpus_store_path, "--corpus", CORPUS], ["--corpus", CORPUS]):
        result = run_check(act, *options)
        assert result.exit_code == 1, result.output
        first = result.stdout.splitlines()[0]
        assert first.startswith(f"{act}:18:1: error [law-name] ARTIKEL I: ARTIKEL I changes «Wet "
                                "op het basisondewijs», which is not in the ")
        assert "did you mean «Wet op het basisonderwijs»?" in first


def test_another_law_is_not_a_slip():
    known = {"wet op het primair onderwijs": "Wet op het primair onderwijs",
             "wet op het voortgezet onderwijs": "Wet op het voortgezet onderwijs"}
    assert close_name("Wet op het primair onderwijs BES", known) is None
    assert close_name("Wet op het hoger onderwijs", known) is None
    assert close_name("Wet op het primair onderwys", known) == "Wet op het primair onderwijs"


def test_an_act_of_which_no_law_can_be_checked_exits_1(tmp_path, corpus_store_path):
    act = write(tmp_path, BILL_1999.format(iwt=IN_1999).replace(
        "De Wet op het basisonderwijs wordt", "De Wet op de kansspelen wordt"))
    for options in (["--store", corpus_store_path, "--corpus", CORPUS], ["--corpus", CORPUS]):
        result = run_check(act, *options, "--format", "json")
        assert result.exit_code == 1, result.output
        assert '"kind": "nothing-checked"' in result.stdout
        assert '"kind": "law-not-in-corpus"' in result.stdout


# --------------------------------------------------------------------------- dates

def test_a_date_no_calendar_has_is_an_error(tmp_path, corpus_store_path):
    text = SEED.read_text("utf-8").replace("in werking met ingang van 1 januari 1997.",
                                           "in werking met ingang van 31 februari 1997.")
    act = write(tmp_path, text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "31 februari" in row)
    column = text.splitlines()[line - 1].index("31 februari") + 1
    problems = check_file(act, CORPUS)
    wrong = [p for p in problems if p.kind == "not-a-date"]
    assert [(p.severity, p.line, p.column, p.artikel) for p in wrong] == [
        ("error", line, column, "XII")]
    assert wrong[0].message == "«31 februari 1997» is not a date (the month has no such day)"
    assert not any(p.kind == "entry-into-force-unread" for p in problems)
    result = run_check(act, "--store", corpus_store_path, "--corpus", CORPUS)
    assert result.exit_code == 1
    assert "error [not-a-date] ARTIKEL XII: «31 februari 1997» is not a date" in result.stdout


@pytest.mark.parametrize("command", ["check", "preview"])
def test_an_impossible_date_option_is_an_error(command, corpus_store_path):
    result = run(command, SEED, "--store", corpus_store_path, "--date", "2026-02-31")
    assert result.code == 1
    assert "error: --date: «2026-02-31» is not a date (expected YYYY-MM-DD)" in result.err


# --------------------------------------------------------------------------- quoted words

def test_the_closest_run_of_words_of_the_same_length():
    text = ("Gemeenten doen geen uitgaven voor een bijzondere school dan krachtens de wet, "
            "noch voor scholen.")
    assert closest_words(text, "een bijzondere shcool") == "een bijzondere school"
    assert closest_words(text, "krachtens de wett") == "krachtens de wet"  # comma left off
    assert closest_words(text, "Bijzondere School") == "bijzondere school"
    assert closest_words(text, "pluriformiteit") is None
    assert closest_words(text, "") is None
    assert closest_words(text, " ".join(["woord"] * 13)) is None  # too long to guess


def test_apply_names_the_closest_words(tmp_path):
    act = write(tmp_path, SEED.read_text("utf-8").replace(
        "In artikel 6 wordt «een bijzondere school» vervangen",
        "In artikel 6 wordt «een bijzondere shcool» vervangen", 1))
    result = run("apply", CORPUS / "BWBR0003420" / "base.xml", act, "-o", tmp_path / "out.xml")
    assert result.code == 1
    assert ("artikel 6: «een bijzondere shcool» is not in the text («Ten laste van een andere "
            "openbare kas") in result.err
    assert result.err.count("; did you mean «een bijzondere school»?") == 1
    assert not (tmp_path / "out.xml").exists()
