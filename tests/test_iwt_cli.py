"""Entry-into-force rules through the command line: ``parse --json`` gives every
entry-into-force ARTIKEL its rules; an act whose entry-into-force article cannot be read
still parses and previews, and the precise error (line, column, what was not
understood) comes where dates are needed (``apply --date``), never a silent «waits»."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEED

WBO = ROOT / "corpus" / "BWBR0003420" / "base.xml"
FACTS = ROOT / "corpus" / "facts.toml"
LID_1 = " • 1. Deze wet treedt met uitzondering van de artikelen VI, VII en VIII in werking met"
UNREADABLE = " • 1. Deze wet treedt in werking zodra de minister dat wenselijk acht."


def run(*args):
    return subprocess.run([sys.executable, "-m", "consolidator", *map(str, args)],
                          capture_output=True, text=True)


@pytest.fixture
def unreadable_act(tmp_path):
    lines = SEED.read_text("utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(LID_1))
    lines[number] = UNREADABLE
    act = tmp_path / "act.txt"
    act.write_text("\n".join(lines), "utf-8")
    return act, number + 1


def _article(document: dict, number: str) -> dict:
    return next(a for a in document["articles"] if a["number"] == number)


def test_parse_json_gives_the_entry_into_force_article_its_rules():
    result = run("parse", SEED, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    article = _article(document, "XII")
    assert article["rules_error"] is None
    kinds = [(r["rule"], r["moment"]["kind"], [c["kind"] for c in r["conditions"]])
             for r in article["rules"]]
    assert kinds == [("in-force", "date", []), ("in-force", "after-publication", ["published"]),
                     ("in-force", "date", []), ("retroactive", "date", ["published"])]
    assert article["rules"][0]["text"] == "ARTIKEL XII, eerste lid: met ingang van 1 januari 1997"
    assert "rules" not in _article(document, "I")


def test_an_unreadable_entry_into_force_article_still_parses(unreadable_act):
    act, line = unreadable_act
    result = run("parse", act, "--json")
    assert result.returncode == 0, result.stderr
    article = _article(json.loads(result.stdout), "XII")
    assert article["rules"] is None
    assert article["rules_error"] == {
        "message": "cannot read entry-into-force sentence: unexpected «zodra de minister dat»",
        "line": line, "column": 34}
    assert run("parse", act).returncode == 0


def test_its_instructions_still_preview_but_dates_fail_precisely(unreadable_act, tmp_path):
    act, line = unreadable_act
    preview = run("apply", WBO, act, "-o", tmp_path / "preview.xml")
    assert preview.returncode == 0, preview.stderr
    dated = run("apply", WBO, act, "-o", tmp_path / "dated.xml", "--facts", FACTS,
                "--date", "1997-01-01")
    assert dated.returncode == 1
    assert f"act.txt, line {line}, column 34: cannot read entry-into-force sentence" in \
        dated.stderr
    assert "waits" not in dated.stderr
    assert not (tmp_path / "dated.xml").exists()
