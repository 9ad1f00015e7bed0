"""consolidate --store, show, history, export and apply --date/--known-at on the corpus."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, SEED
from consolidator.cli import cli

CORPUS = ROOT / "corpus"
WBO = CORPUS / "BWBR0003420" / "base.xml"
FIRST_VOLZIN = "Artikel 8:2 van de Algemene wet bestuursrecht is niet van toepassing"


@pytest.fixture
def store(corpus_store_path):
    return corpus_store_path


def show(store, *args):
    return CliRunner().invoke(cli, ["show", *map(str, args), "--store", str(store)])


def test_on_1996_12_31_the_text_is_the_base_text(store):
    result = show(store, "BWBR0003420", "--date", "1996-12-31")
    assert result.exit_code == 0, result.output
    base = (CORPUS / "BWBR0003420" / "base.txt").read_text("utf-8")
    assert result.stdout == base


def test_on_1997_01_01_article_i_has_applied(store):
    result = show(store, "wet op het basisonderwijs", "--date", "1997-01-01",
                  "--artikel", "105a1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Artikel 105a1.") and FIRST_VOLZIN in result.stdout
    assert "changed by Stb. 1996, 649, ARTIKEL I" in result.stderr


@pytest.mark.parametrize("known_at, has_first_volzin", [("1998-01-01", False),
                                                        ("1998-12-31", True), (None, True)])
def test_articles_vi_to_viii_and_the_1998_act(store, known_at, has_first_volzin):
    args = ["BWBR0003420", "--date", "1999-01-01", "--artikel", "105a1"]
    if known_at:
        args += ["--known-at", known_at]
    result = show(store, *args)
    assert result.exit_code == 0, result.output
    lid5 = next(line for line in result.stdout.splitlines() if line.startswith("5. "))
    assert (FIRST_VOLZIN in lid5) is has_first_volzin


def test_show_says_which_samenloop_branch_was_taken(store):
    result = show(store, "BWBR0003420", "--date", "1997-06-01")
    assert "ARTIKEL XI (samenloop): applies: Stb. 1996, 580" in result.stderr
    assert "ARTIKEL X (samenloop): not applied" in result.stderr


def test_show_as_xml(store):
    result = show(store, "BWBR0003420", "--date", "1997-01-01", "--format", "xml")
    root = etree.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "toestand" and root.get("inwerkingtreding") == "1997-01-01"


@pytest.mark.parametrize("args, message", [
    (["BWBR0003420", "--date", "1997-13-01"], "--date: «1997-13-01» is not a date"),
    (["BWBR0003420", "--date", "1990-01-01"], "no text before 1996-12-31"),
    (["BWBR9999999", "--date", "1997-01-01"], "no law 'BWBR9999999'"),
    (["BWBR0003420", "--date", "1997-01-01", "--artikel", "999"], "no article 999"),
])
def test_show_errors_are_clear(store, args, message):
    result = subprocess.run([sys.executable, "-m", "consolidator", "show", *args, "--store",
                             str(store)], capture_output=True, text=True)
    assert result.returncode == 1 and message in result.stderr and result.stdout == ""


def test_show_without_a_store_says_how_to_make_one(tmp_path):
    result = subprocess.run([sys.executable, "-m", "consolidator", "show", "BWBR0003420",
                             "--date", "1997-01-01", "--store", str(tmp_path / "none.sqlite")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "consolidate --store" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_history_lists_versions_with_sources(store):
    result = CliRunner().invoke(cli, ["history", "BWBR0003420", "--format", "json",
                                      "--store", str(store)])
    rows = json.loads(result.stdout)["versions"]
    current = [r for r in rows if r["known_until"] is None]
    assert [r["valid_from"] for r in current] == ["1996-12-31", "1997-01-01"]
    superseded = [r for r in rows if r["known_until"] == "1998-04-28"]
    assert "1999-01-01" in [r["valid_from"] for r in superseded]
    assert any("ARTIKEL VI" in s["label"] for r in superseded for s in r["sources"])
    text = CliRunner().invoke(cli, ["history", "BWBR0003420", "--artikel", "105a1",
                                    "--store", str(store)]).stdout
    assert "1997-01-01" in text and "ARTIKEL I" in text


def test_export_names_files_as_bwb_does(store, tmp_path):
    out = tmp_path / "export"
    result = CliRunner().invoke(cli, ["export", "BWBR0003420", "-o", str(out),
                                      "--store", str(store)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / "BWBR0003420").iterdir())
    assert "BWBR0003420_1997-01-01_0.xml" in names and "manifest.xml" in names
    assert "BWBR0003420_1999-01-01_0.xml" in names  # known only until 1998-04-28
    manifest = etree.parse(str(out / "BWBR0003420" / "manifest.xml"))
    labels = manifest.xpath("//expression/@label")
    assert "1997-01-01_0" in labels


def test_apply_with_a_date_applies_only_what_is_in_force(tmp_path):
    out = tmp_path / "wbo.xml"
    act_1998 = CORPUS / "acts" / "stb-1998-wpo-wec-excerpt.txt"
    base = ["apply", str(WBO), str(SEED), str(act_1998), "-o", str(out),
            "--facts", str(CORPUS / "facts.toml"), "--date", "1999-01-01"]
    for known_at, has_first_volzin in (("1998-01-01", False), ("1998-12-31", True)):
        result = CliRunner().invoke(cli, base + ["--known-at", known_at])
        assert result.exit_code == 0, result.output
        text = CliRunner().invoke(cli, ["text", str(out), "--artikel", "105a1"]).stdout
        assert (FIRST_VOLZIN in text) is has_first_volzin


def test_apply_with_a_date_needs_the_samenloop_facts(tmp_path):
    result = subprocess.run([sys.executable, "-m", "consolidator", "apply", str(WBO), str(SEED),
                             "-o", str(tmp_path / "x.xml"), "--date", "1997-01-01"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "cannot decide" in result.stderr
    assert not (tmp_path / "x.xml").exists()


@pytest.mark.parametrize("date", ["2022-06-30", "2022-07-01"])
def test_wsob_article_13_before_and_after_the_2022_act(store, date):
    result = show(store, "BWBR0035878", "--date", date, "--artikel", "13")
    assert result.exit_code == 0, result.output
    expected = (CORPUS / "expected" / f"BWBR0035878_art13_{date}.txt").read_text("utf-8")
    # the expected file names the law and the chapter above the article
    assert result.stdout == expected[expected.index("Artikel 13"):]
