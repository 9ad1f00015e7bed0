"""The apply and consolidate commands: selection by citeertitel (also a former
name), all-or-nothing writes, and errors that name act, place and position."""
from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, SEED
from consolidator.law import lawfile
from consolidator.cli import cli
from consolidator.law.lawtext import render_law_text

WBO = ROOT / "corpus" / "BWBR0003420" / "base.xml"
EXPECTED_WBO = ROOT / "corpus" / "expected" / "BWBR0003420_after-I.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "consolidator", *map(str, args)],
                          capture_output=True, text=True)


def test_apply_writes_the_consolidated_law(tmp_path):
    out = tmp_path / "wbo.xml"
    result = run("apply", WBO, SEED, "-o", out)
    assert result.returncode == 0, result.stderr
    text = render_law_text(lawfile.parse_law(out))
    # ARTIKEL VI (in force later) applies too: without --date every instruction is
    # previewed, so art. 105a1 lid 5 loses its first volzin
    first_volzin = ("Artikel 8:2 van de Algemene wet bestuursrecht is niet van toepassing op de "
                    "regeling, bedoeld in het eerste lid, dan wel een wijziging daarvan. ")
    assert text == EXPECTED_WBO.read_text("utf-8").replace("5. " + first_volzin, "5. ")
    assert "applying ARTIKEL I, VI to Wet op het basisonderwijs" in result.stderr
    assert lawfile.validate(lawfile.parse_law(out)) == []


def test_apply_matches_a_former_name(tmp_path):
    tree = lawfile.parse_law(WBO)
    tree.getroot().find("wetgeving/citeertitel").text = "Wet op het primair onderwijs"
    renamed = tmp_path / "wpo.xml"
    lawfile.write_law(tree, renamed)
    result = run("apply", renamed, SEED, "-o", tmp_path / "out.xml")
    assert result.returncode == 0, result.stderr
    assert "applying ARTIKEL I, VI to Wet op het primair onderwijs" in result.stderr


def test_apply_without_acts_writes_the_law_back(tmp_path):
    out = tmp_path / "same.xml"
    assert run("apply", WBO, "-o", out).returncode == 0
    assert etree.tostring(lawfile.parse_law(out), method="c14n") == \
        etree.tostring(lawfile.parse_law(WBO), method="c14n")


def test_apply_refuses_the_whole_act_and_writes_nothing(tmp_path):
    act = tmp_path / "bad.txt"
    act.write_text(SEED.read_text("utf-8").replace("«een bijzondere school» vervangen door: een niet",
                                                   "«een geheime school» vervangen door: een niet", 1),
                   "utf-8")
    out = tmp_path / "out.xml"
    result = run("apply", WBO, act, "-o", out)
    assert result.returncode == 1
    assert not out.exists()
    assert "line 22" in result.stderr and "onderdeel A" in result.stderr
    assert "«een geheime school» is not in the text" in result.stderr
    assert "Traceback" not in result.stderr


def test_consolidate_writes_every_law(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["consolidate", str(ROOT / "corpus"), "-o", str(out),
                                      "--store", str(tmp_path / "store.sqlite")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir() if p.name != ".consolidator-output")
    assert (out / ".consolidator-output").is_file()  # what is the engine's (test_outputs.py)
    laws = list((ROOT / "corpus").glob("*/base.xml"))
    assert "BWBR0003420.xml" in names and "OISOVSO.txt" in names and len(names) == 2 * len(laws)
    assert (out / "OISOVSO.txt").read_text("utf-8") == \
        (ROOT / "corpus" / "expected" / "OISOVSO_after-IV.txt").read_text("utf-8")
