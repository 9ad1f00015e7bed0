"""The Wet stelsel openbare bibliotheekvoorzieningen (BWBR0035878) and the 2022 amendment of
its article 13, end to end (issue 6, part 2).

corpus/BWBR0035878/ holds the whole law as in force on 1 January 2015 (base.txt, official text;
base.xml is what import-text makes of it with --date 2015-01-01). corpus/acts/stb-2022-wsob-art13.txt
is the 2022 act, RECONSTRUCTED from the official texts before and after (its own wording was not
found; see stb-2022-wsob-art13.SOURCES.md). The expected texts in corpus/expected/ are the official
article 13 before (in force 2015-01-01 .. 2022-06-30) and after (in force from 2022-07-01), copied
from the official consolidations, not produced by the engine.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from lxml import etree

from conftest import ROOT
from consolidator.law import lawfile
from consolidator.read.act import parse_act_file
from consolidator.apply.sentences import apply_act
from consolidator.law.lawtext import parse_law_text, render_law_text

BWB_ID = "BWBR0035878"
TITLE = "Wet stelsel openbare bibliotheekvoorzieningen"
LAW_DIR = ROOT / "corpus" / BWB_ID
ACT = ROOT / "corpus" / "acts" / "stb-2022-wsob-art13.txt"
BEFORE = ROOT / "corpus" / "expected" / f"{BWB_ID}_art13_2022-06-30.txt"
AFTER = ROOT / "corpus" / "expected" / f"{BWB_ID}_art13_2022-07-01.txt"
ARTICLES = [str(n) for n in range(1, 32)]  # the law has artikelen 1-31, no inserted ones


@pytest.fixture(scope="module")
def base():
    return lawfile.parse_law(LAW_DIR / "base.xml")


@pytest.fixture(scope="module")
def act():
    return parse_act_file(ACT)


@pytest.fixture(scope="module")
def after(base, act):
    return apply_act(base, act)


def _article_lines(expected_file) -> str:
    """The article part of an expected file: from its «Artikel» line on (the title and the
    structural heading above it only make the file readable as law text)."""
    lines = expected_file.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("Artikel "))
    return "".join(lines[start:])


def _articles(tree) -> dict[str, str]:
    return {n: render_law_text(tree, artikel=n) for n in ARTICLES}


# ------------------------------------------------------------------ the corpus model


def test_base_xml_is_import_text_of_base_txt():
    text = (LAW_DIR / "base.txt").read_text("utf-8")
    built = parse_law_text(text, bwb_id=BWB_ID, date=dt.date(2015, 1, 1))
    committed = lawfile.parse_law(LAW_DIR / "base.xml")
    assert lawfile.validate(committed) == []
    assert etree.tostring(committed, method="c14n") == etree.tostring(built, method="c14n"), \
        "run: consolidator import-text corpus/BWBR0035878/base.txt --bwb-id BWBR0035878 " \
        "--date 2015-01-01 -o corpus/BWBR0035878/base.xml"
    assert render_law_text(committed) == text
    assert text.splitlines()[0] == TITLE


def test_base_is_the_whole_law(base):
    text = render_law_text(base)
    numbers = re.findall(r"^Artikel (\S+?)\.", text, re.M)
    assert numbers == ARTICLES
    chapters = re.findall(r"^Hoofdstuk (\d+)\.", text, re.M)
    assert chapters == [str(n) for n in range(1, 8)]


def test_sources_say_what_is_copied_and_what_repaired():
    sources = (LAW_DIR / "SOURCES.md").read_text("utf-8").lower()
    assert "copied" in sources and "reconstruct" in sources
    act_sources = (ROOT / "corpus" / "acts" / "stb-2022-wsob-art13.SOURCES.md").read_text("utf-8")
    assert act_sources.startswith("# RECONSTRUCTED")


# ------------------------------------------------------------------ the act


def test_act_reads_every_instruction(act):
    assert act.title.startswith("Wet van ")
    assert act.published == dt.date(2022, 3, 21)
    kinds = [a.kind for a in act.articles]
    assert kinds == ["amend", "entry-into-force"]
    amend = act.articles[0]
    assert amend.law.name == TITLE
    instructions = [i for o in amend.onderdelen for s in o.all_sentences for i in s.instructions]
    assert [type(i).__name__ for i in instructions] == ["ReplaceElement", "ReplaceElement"]
    assert [str(i.targets[0]) for i in instructions] == ["artikel 13, lid 1", "artikel 13, lid 2"]
    assert act.articles[1].text == ("Deze wet treedt in werking met ingang van 1 juli 2022.",)


# ------------------------------------------------------------------ before and after


def test_article_13_before_equals_the_official_text(base):
    assert render_law_text(base, artikel="13") == _article_lines(BEFORE)


def test_article_13_after_equals_the_official_text(after):
    assert render_law_text(after, artikel="13") == _article_lines(AFTER)
    assert lawfile.validate(after) == []


def test_every_other_article_is_unchanged(base, after):
    before, now = _articles(base), _articles(after)
    assert [n for n in ARTICLES if before[n] != now[n]] == ["13"]
    # headings and everything outside the articles too
    whole_before = render_law_text(base).replace(before["13"], "")
    whole_after = render_law_text(after).replace(now["13"], "")
    assert whole_before == whole_after


def test_expected_texts_are_law_text():
    for path in (BEFORE, AFTER):
        tree = parse_law_text(path.read_text("utf-8"), source=str(path))
        assert lawfile.validate(tree) == []
        assert path.read_text("utf-8").splitlines()[0] == TITLE


def test_cli_apply_then_text_gives_the_official_after_text(tmp_path):
    out = tmp_path / "wsob.xml"
    run = [sys.executable, "-m", "consolidator"]
    applied = subprocess.run(run + ["apply", str(LAW_DIR / "base.xml"), str(ACT), "-o", str(out)],
                             capture_output=True, text=True, cwd=ROOT)
    assert applied.returncode == 0, applied.stderr
    shown = subprocess.run(run + ["text", str(out), "--artikel", "13"],
                           capture_output=True, text=True, cwd=ROOT)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == _article_lines(AFTER)
