"""CLI habits (issue 16, point 5): short names of laws as data, «Artikel 6» for --artikel,
`show` without --date, `import-bwb` that does not replace a law unasked."""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass

import pytest

from conftest import ROOT
from consolidator.errors import StoreError
from consolidator.law.lawfile import parse_law
from consolidator.law.toestand import law_title
from consolidator.read.select import FORMER_NAMES
from tinycorpus import run as run_cli
from consolidator.store.shortnames import names_of, parse_table, resolve, table

CORPUS = ROOT / "corpus"


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(*args) -> Ran:
    """``consolidator ARGS`` through the entry point, as a shell runs it (errors on stderr
    with the exit codes of ``cli.EXIT_CODES``)."""
    ran = run_cli(*args)
    return Ran(ran.code, ran.out, ran.err)


def corpus_titles() -> dict[str, str]:
    """BWB id → citeertitel of every law of the corpus (base texts and official histories)."""
    found = {}
    for base in CORPUS.glob("*/base.xml"):
        tree = parse_law(base, source=str(base))
        found[tree.getroot().get("bwb-id") or base.parent.name] = law_title(tree)
    for folder in (p for p in (CORPUS / "bwb").iterdir() if p.is_dir()):
        first = sorted(folder.glob(f"{folder.name}_*.xml"))[0]
        found[folder.name] = law_title(parse_law(first, source=str(first)))
    return found


def corpus_act_texts() -> str:
    return "\n".join(p.read_text("utf-8") for p in (CORPUS / "acts").glob("*.txt"))


# --------------------------------------------------------------------------- the table

def test_every_short_name_names_a_law_the_table_says():
    titles = corpus_titles()
    acts = corpus_act_texts()
    assert table(), "the table of short names is empty"
    for entry in table():
        assert entry.bwb_id in titles, f"{entry.short}: {entry.bwb_id} is not in the corpus"
        # the corpus's law of that id goes by one of the names the table gives it
        assert " ".join(titles[entry.bwb_id].split()).casefold() in names_of(entry.bwb_id), entry
        # and the entry's own name is that law's: its citeertitel, a former one, or the
        # name an act of the corpus gives it (the 1998 act creating the WPO and the WEC)
        known = {titles[entry.bwb_id], *FORMER_NAMES.get(entry.bwb_id, ())}
        assert entry.citeertitel in known or entry.citeertitel in acts, entry


@pytest.mark.parametrize("short, law_id", [("WBO", "BWBR0003420"), ("wpo", "BWBR0003420"),
                                           ("ISOVSO", "BWBR0003549"), ("WEC", "BWBR0003549"),
                                           ("WVO", "BWBR0002399"), ("Wsob", "BWBR0035878"),
                                           ("DHW", "BWBR0002458")])
def test_each_short_name_finds_its_law_in_the_store(corpus_store_path, short, law_id):
    result = run("history", short, "--store", corpus_store_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{law_id}: ")


def test_a_citeertitel_the_table_knows_finds_the_renamed_law(corpus_store_path):
    result = run("show", "Wet op het primair onderwijs", "--date", "1997-01-01", "--artikel",
                 "6", "--store", corpus_store_path)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("BWBR0003420: version valid from 1997-01-01")


def test_a_table_naming_another_law_than_the_store_has_is_refused():
    with pytest.raises(StoreError, match="the store is «Wet op het hoger onderwijs»"):
        resolve("WBO", [("BWBR0003420", "Wet op het hoger onderwijs")])
    assert resolve("WBO", [("BWBR0002399", "Wet op het voortgezet onderwijs")]) is None
    assert resolve("XYZ", [("BWBR0003420", "Wet op het basisonderwijs")]) is None


@pytest.mark.parametrize("text, message", [
    ('[WBO]\nbwb_id = "BWBR0003420"\n', "needs bwb_id and citeertitel"),
    ('[WBO]\nbwb_id = "B"\nciteertitel = "X"\n[wbo]\nbwb_id = "B"\nciteertitel = "X"\n',
     "given twice"),
    ("[WBO\n", "abbreviations.toml"),
])
def test_a_malformed_table_is_an_error(text, message):
    with pytest.raises(StoreError, match=message):
        parse_table(text)


def test_an_unknown_name_lists_the_short_names(corpus_store_path):
    result = run("show", "WXYZ", "--date", "1997-01-01", "--store", corpus_store_path)
    assert result.exit_code == 1
    assert "short names: WBO, WPO, ISOVSO, WEC, WVO, Wsob, DHW" in result.stderr


# --------------------------------------------------------------------------- --artikel

@pytest.mark.parametrize("command", [
    ["show", "WBO", "--date", "1997-01-01"],
    ["history", "BWBR0003420"],
    ["diff", "BWBR0003420", "--from", "1996-12-31", "--to", "1997-01-01"],
])
def test_artikel_may_be_given_with_its_word(corpus_store_path, command):
    outputs = set()
    for given in ("86", "Artikel 86", "artikel 86", "art. 86"):
        result = run(*command, "--artikel", given, "--store", corpus_store_path)
        assert result.exit_code == 0, result.output
        outputs.add((result.stdout, result.stderr))
    assert len(outputs) == 1


def test_an_artikel_without_a_number_is_a_usage_error(corpus_store_path):
    result = run("show", "WBO", "--date", "1997-01-01", "--artikel", "Artikel",
                 "--store", corpus_store_path)
    assert result.exit_code == 2 and "must name an article" in result.output


# --------------------------------------------------------------------------- show --date

def test_show_without_a_date_shows_the_text_valid_today(corpus_store_path):
    today = dt.date.today().isoformat()
    result = run("show", "WBO", "--artikel", "6", "--store", corpus_store_path)
    dated = run("show", "WBO", "--artikel", "6", "--date", today, "--store", corpus_store_path)
    assert result.exit_code == 0 and dated.exit_code == 0
    assert result.stdout == dated.stdout
    assert result.stderr == f"valid on {today} (today: no --date given)\n" + dated.stderr


# --------------------------------------------------------------------------- import-bwb

def test_import_bwb_does_not_replace_a_law_unasked(tmp_path):
    store = tmp_path / "store.sqlite"
    folder = CORPUS / "bwb" / "BWBR0002458"
    first = run("import-bwb", folder, "--store", store)
    assert first.exit_code == 0, first.output
    before = _rows(store)
    again = run("import-bwb", folder, "--store", store)
    assert again.exit_code == 1
    assert "BWBR0002458 is in" in again.stderr and "already (from BWBR0002458)" in again.stderr
    assert "16 version(s), 2 of them superseded, valid from 2000-11-01, 2002-07-01" in again.stderr
    assert "2015-01-01. Importing" in again.stderr and "give --replace" in again.stderr
    assert _rows(store) == before
    replaced = run("import-bwb", folder, "--store", store, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "BWBR0002458: 16 toestanden loaded" in replaced.stdout


def test_import_bwb_into_a_store_without_the_law_needs_no_replace(tmp_path, small_store_path):
    store = tmp_path / "store.sqlite"
    shutil.copy(small_store_path, store)
    result = run("import-bwb", CORPUS / "bwb" / "BWBR0002458", "--store", store)
    assert result.exit_code == 0, result.output


def _rows(path) -> list:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT * FROM version ORDER BY id").fetchall()
