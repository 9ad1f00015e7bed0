"""Real whole cases (tests/fixtures/realcases/: an act as published, the official text of the
law before and after) through ``consolidator apply``, as tools/realcases.py runs them.

A case must never be WRONG: the command exiting 0 with an article that differs from the
official text after (or an article the act does not change that differs from the text before).
The counts may rise, never fall: each floor is what tools/realcases.py measured
(/work/notes/realcases-findings.md names the cause of every refusal and WRONG).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("realcases", ROOT / "tools" / "realcases.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


REALCASES = _tool()
FOLDERS = REALCASES.cases_in(REALCASES.CASES)

#: the cases as measured; a new case raises the total, a fixed engine raises the floors
TOTAL = 5
EXACT_FLOOR = 3
#: exact or refused with a precise error (the others are WRONG: findings to fix)
GOOD_FLOOR = 5


@pytest.fixture(scope="module")
def outcomes():
    return {folder.name: REALCASES.run_case(folder) for folder in FOLDERS}


def test_every_case_folder_is_counted():
    assert len(FOLDERS) == TOTAL, [f.name for f in FOLDERS]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_a_case_is_exact_or_refused(outcomes, folder):
    outcome = outcomes[folder.name]
    assert outcome.outcome in ("exact", "refused"), f"{folder.name}: WRONG\n{outcome.detail}"


def test_good_cases_do_not_fall(outcomes):
    good = sorted(n for n, o in outcomes.items() if o.outcome in ("exact", "refused"))
    assert len(good) >= GOOD_FLOOR, good


def test_exact_cases_do_not_fall(outcomes):
    exact = sorted(n for n, o in outcomes.items() if o.outcome == "exact")
    assert len(exact) >= EXACT_FLOOR, exact


def test_a_refusal_names_where_it_stops(outcomes):
    """A refusal is acceptable only when it is precise: the file or act, line and column."""
    for name, outcome in outcomes.items():
        if outcome.outcome == "refused":
            assert ", line " in outcome.detail and "column" in outcome.detail, (name, outcome)


def test_the_comparison_sees_a_wrong_article():
    """The tool itself, on the official DHW texts of 2013 and 2014: the text after is exact
    for the articles that differ; the text before is WRONG for them; an article that differs
    but is not named is WRONG too (compared with the text before)."""
    before = REALCASES.CASES / "dhw-stb-2013-380" / "before.xml"
    after = before.with_name("after.xml")
    was, now = REALCASES.article_texts(before), REALCASES.article_texts(after)
    changed = sorted(n for n in set(was) | set(now) if was.get(n) != now.get(n))
    assert "20" in changed and "24" in changed
    assert REALCASES.compare(after, before, after, changed) is None
    assert "(official text after)" in REALCASES.compare(before, before, after, changed)
    unnamed = [n for n in changed if n != "24"]
    assert "artikel 24 (text before" in REALCASES.compare(after, before, after, unnamed)


def test_a_case_may_name_leden_of_an_article():
    """«15, lid 1»: that lid as after, the article's other leden as before. The official Wet
    OB texts of 2011 and 2012 differ in artikel 15, leden 1 and 6."""
    before = REALCASES.CASES / "ob-belastingplan-2012-art-vii" / "before.xml"
    after = before.with_name("after.xml")
    was, now = REALCASES.article_texts(before), REALCASES.article_texts(after)
    others = sorted(n for n in set(was) | set(now) if n != "15" and was.get(n) != now.get(n))
    assert REALCASES.compare(after, before, after, others + ["15, lid 1", "15, lid 6"]) is None
    assert "artikel 15, lid 6 (text before" in REALCASES.compare(after, before, after,
                                                                 others + ["15, lid 1"])
    assert "artikel 15, lid 1 (official text after)" in REALCASES.compare(
        before, before, after, ["15, lid 1", "15, lid 6"])


def test_no_case_to_run_is_an_error(tmp_path, capsys):
    """A folder without cases, or an ``--only`` that names none, ends with a usage error
    naming what is there: never «0 cases» and exit 0."""
    with pytest.raises(SystemExit) as raised:
        REALCASES.main(["--cases", str(tmp_path)])
    assert raised.value.code == 2
    assert "no case in" in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        REALCASES.main(["--only", "no-such-case"])
    assert raised.value.code == 2
    assert f"the cases: {FOLDERS[0].name}" in capsys.readouterr().err
