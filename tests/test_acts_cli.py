"""Intrekking and acts in the store, through the command line: a small corpus of the
Proefwet, the acts that change it, an act that withdraws one of them (Aanwijzing 245) and
an act that withdraws the law (tests/fixtures/acts/README.md)."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT
from consolidator.cli import cli

ACTS = ROOT / "tests" / "fixtures" / "acts"
CORPUS_ACTS = ("stb-2024-88", "stb-2024-150", "stb-2024-120", "stb-2024-500", "stb-2025-10")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def proef(tmp_path_factory):
    """(store, folder) of the consolidated Proefwet corpus."""
    folder = tmp_path_factory.mktemp("proef")
    (folder / "corpus" / "PROEF").mkdir(parents=True)
    (folder / "corpus" / "acts").mkdir()
    made = run("import-text", ACTS / "proefwet.txt", "-o", folder / "corpus" / "PROEF" / "base.xml",
               "--bwb-id", "PROEF", "--date", "2024-01-01")
    assert made.exit_code == 0, made.output
    for name in CORPUS_ACTS:
        shutil.copy(ACTS / f"{name}.txt", folder / "corpus" / "acts")
    store = folder / "store.sqlite"
    done = run("consolidate", folder / "corpus", "-o", folder / "out", "--store", store)
    assert done.exit_code == 0, done.output
    return store, folder


def test_a_withdrawn_law_shows_nothing_and_says_why(proef):
    store, _ = proef
    result = run("show", "PROEF", "--date", "2026-01-01", "--store", store)
    assert result.exit_code == 0 and result.stdout == ""
    assert "PROEF was withdrawn on 2026-01-01 by Stb. 2025, 10, ARTIKEL I" in result.stderr
    before = run("show", "PROEF", "--date", "2025-12-31", "--store", store)
    assert "Artikel 3" in before.stdout and "PROEF was withdrawn" not in before.stderr


def test_withdrawing_an_amending_act_keeps_what_is_in_force(proef):
    store, _ = proef
    result = run("show", "PROEF", "--date", "2025-06-01", "--store", store)
    assert "vier weken" in result.stdout  # onderdeel C (as amended), in force since 1 July
    assert "€ 1000" in result.stdout  # onderdeel D was to take effect on 1 January 2025
    assert ("Stb. 2024, 88: withdrawn from 2024-12-01 by Stb. 2024, 500, ARTIKEL I: ARTIKEL I, "
            "onderdeel D never take(s) effect (Aanwijzing 245)") in result.stderr
    assert "onderdeel A; ARTIKEL I, onderdeel B; ARTIKEL I, onderdeel C took effect before and " \
           "stay(s) in force" in result.stderr


def test_diff_and_export_leave_a_withdrawn_law_out(proef, tmp_path):
    store, _ = proef
    diff = run("diff", "PROEF", "--from", "2025-06-01", "--to", "2026-01-01", "--store", store)
    assert diff.exit_code == 0 and diff.stdout == ""
    assert "withdrawn on 2026-01-01 by Stb. 2025, 10" in diff.stderr
    out = tmp_path / "export"
    exported = run("export", "PROEF", "-o", out, "--store", store)
    assert exported.exit_code == 0
    assert "the version valid from 2026-01-01" in exported.stderr
    names = {p.name for p in (out / "PROEF").glob("*.xml")}
    assert "PROEF_2024-07-01_0.xml" in names and not any("2026" in n for n in names)
    assert "<einddatum>2025-12-31</einddatum>" in (out / "PROEF" / "manifest.xml").read_text()


def test_history_shows_the_withdrawal(proef):
    store, _ = proef
    lines = run("history", "PROEF", "--store", store).stdout.splitlines()
    assert any(line.startswith("2026-01-01") and "Stb. 2025, 10, ARTIKEL I" in line
               and line.endswith("(withdrawn)") for line in lines)


def test_text_of_a_withdrawn_law_only_on_request(proef, tmp_path):
    _, folder = proef
    latest = folder / "out" / "PROEF.xml"
    assert run("text", latest).stdout == ""
    shown = run("text", latest, "--show-repealed").stdout
    assert shown.splitlines()[:2] == ["Proefwet", "[Ingetrokken per 2026-01-01]"]
    (tmp_path / "back.txt").write_text(shown, "utf-8")
    back = run("import-text", tmp_path / "back.txt", "-o", tmp_path / "back.xml")
    assert back.exit_code == 0, back.output
    assert run("text", tmp_path / "back.xml").stdout == ""
    assert run("text", tmp_path / "back.xml", "--show-repealed").stdout == shown


def test_the_site_marks_a_withdrawn_law(proef, tmp_path):
    store, _ = proef
    assert run("render", "--store", store, "-o", tmp_path / "site", "--quiet").exit_code == 0
    page = (tmp_path / "site" / "PROEF" / "index.html").read_text("utf-8")
    assert "Ingetrokken per 1 januari 2026 door Stb. 2025, 10, ARTIKEL I" in page
    assert (tmp_path / "site" / "besluiten" / "stb-2024-88.html").exists()


def test_an_act_is_versioned_like_a_law(proef):
    store, _ = proef
    published = run("show", "stb-2024-88", "--date", "2024-05-01", "--store", store)
    assert "binnen zes weken" in published.stdout
    changed = run("show", "Stb. 2024, 88", "--date", "2024-06-01", "--store", store,
                  "--artikel", "I")
    assert changed.stdout.startswith("ARTIKEL I\n") and "binnen vier weken" in changed.stdout
    assert "Gedeputeerde staten" in changed.stdout and "ARTIKEL II" not in changed.stdout
    assert "changed by Stb. 2024, 120, ARTIKEL I" in changed.stderr
    gone = run("show", "stb-2024-88", "--date", "2024-12-01", "--store", store)
    assert gone.exit_code == 0 and gone.stdout == ""
    assert "withdrawn on 2024-12-01 by Stb. 2024, 500, ARTIKEL I" in gone.stderr
    history = run("history", "stb-2024-88", "--store", store).stdout.splitlines()
    # as known from 15 November 2024 (Stb. 2024, 500 published): three versions
    now = [line for line in history[1:] if "known 2024-11-15  " in line]
    assert [line[:24] for line in now] == ["2024-03-20 – 2024-06-01 ", "2024-06-01 – 2024-12-01 ",
                                           "2024-12-01 –            "]
    assert now[1].endswith("Stb. 2024, 120, ARTIKEL I; Stb. 2024, 120, ARTIKEL II")
    assert now[2].endswith("Stb. 2024, 500, ARTIKEL I  (withdrawn)")
    unknown = run("show", "stb-2024-99", "--date", "2024-12-01", "--store", store)
    assert unknown.exit_code == 1 and "no act stb-2024-99" in str(unknown.exception)


def test_apply_with_a_date_withdraws_the_law(proef, tmp_path):
    _, folder = proef
    out = tmp_path / "out.xml"
    base = folder / "corpus" / "PROEF" / "base.xml"
    done = run("apply", base, ACTS / "stb-2025-10.txt", "-o", out, "--date", "2026-01-01")
    assert done.exit_code == 0, done.output
    assert run("text", out).stdout == ""
    assert run("text", out, "--show-repealed").stdout.splitlines()[1] == \
        "[Ingetrokken per 2026-01-01]"
    preview = run("apply", base, ACTS / "stb-2025-10.txt", "-o", tmp_path / "preview.xml")
    assert preview.exit_code == 0 and "ARTIKEL I withdraws Proefwet" in preview.stderr
    assert run("text", tmp_path / "preview.xml", "--show-repealed").stdout.splitlines()[1] == \
        "[Ingetrokken]"
