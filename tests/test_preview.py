"""``consolidator preview``: the redline of every law an act changes against the text it
will meet (the store's law in force on the act's date, as known before its publication),
each change naming the onderdeel and punt that made it; the store left byte for byte as it
was (issue 16, point 1)."""
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidator.cli import cli
from tinycorpus import run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "acts" / "stb-1996-649.txt"
FACTS = ROOT / "corpus" / "facts.toml"


@pytest.fixture()
def store(tmp_path, corpus_store_path) -> Path:
    """A copy of the consolidated corpus store, alone in its folder."""
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(corpus_store_path, folder / "store.sqlite")
    return folder / "store.sqlite"


def state(store: Path) -> tuple:
    """The store's bytes and the names beside it: what a read-only command must leave."""
    return (hashlib.sha256(store.read_bytes()).hexdigest(),
            sorted(p.name for p in store.parent.iterdir()))


def preview(*args):
    return CliRunner().invoke(cli, ["preview", *map(str, args), "--facts", str(FACTS)])


def changed_seed(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED.read_text("utf-8")
    assert old in text
    path = tmp_path / "act.txt"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def test_the_seed_act_gives_the_redline_of_wbo_isovso_and_wvo_on_1997_01_01(store):
    before = state(store)
    result = preview(SEED, "--store", store)
    assert result.exit_code == 0, result.output
    assert state(store) == before  # read only: not a byte changed, no file beside it
    out = result.stdout
    assert out.splitlines()[0] == (f"preview of Stb. 1996, 649: the law in force on 1997-01-01, "
                                   f"as known on 1996-12-22 (store {store}), with the act's "
                                   "changes")
    for law, title in (("BWBR0003420", "Wet op het basisonderwijs"),
                       ("BWBR0003549", "Interimwet op het speciaal onderwijs en het voortgezet "
                                       "speciaal onderwijs"),
                       ("BWBR0002399", "Wet op het voortgezet onderwijs")):
        assert f"\n{law} {title}\n" in out
    assert "== Artikel 6: changed by Stb. 1996, 649, art. I, onderdeel A (1997-01-01)\n" in out
    assert "Gemeenten doen geen uitgaven voor een [-bijzondere-]{+niet door de gemeente in " \
           "stand gehouden+} school dan krachtens de wet." in out
    assert "== Artikel 86: repealed by Stb. 1996, 649, art. I, onderdeel B (1997-01-01)" in out
    assert re.search(r"== Artikel 95a: added by Stb\. 1996, 649, art\. I, onderdeel \w+", out)
    assert "art. I, onderdeel H, punt 2" in out  # a change names its punt
    # every change names the provisions that made it
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings and all(" by Stb. 1996, 649, art. " in line for line in headings)
    # the parts of 1 January 1999 are left out, and said so
    assert "ARTIKEL VI is not in force on 1997-01-01 (from 1999-01-01)" in result.stderr


def test_the_redline_of_wbo_is_what_the_store_made_of_it(store):
    """The preview of an act in the store is the store's own redline of its date."""
    result = preview(SEED, "--store", store)
    diff = CliRunner().invoke(cli, ["diff", "BWBR0003420", "--date", "1997-01-01",
                                    "--from-known", "1996-12-22", "--to-known", "1996-12-23",
                                    "--store", str(store)])
    assert diff.exit_code == 0, diff.output

    def changes(text: str, law: str) -> list[str]:
        part = text.split(f"\n{law} ", 1)[1].split("\n\nBWBR", 1)[0]
        return [line.split(":")[0] for line in part.splitlines() if line.startswith("== ")]

    assert changes(result.stdout, "BWBR0003420") == changes("\n" + diff.stdout, "BWBR0003420")


def test_a_misspelt_quote_names_the_closest_words(tmp_path, store):
    act = changed_seed(tmp_path, "In artikel 6 wordt «een bijzondere school» vervangen",
                       "In artikel 6 wordt «een bijzondere shcool» vervangen")
    before = state(store)
    result = preview(act, "--store", store)
    assert result.exit_code == 1
    assert (f"{act}:22:14: error [not-found] ARTIKEL I, onderdeel A (BWBR0003420): artikel 6: "
            "«een bijzondere shcool» is not in the text") in result.stderr
    assert "did you mean «een bijzondere school»?" in result.stderr
    # the rest is still shown; artikel 6 is not changed
    assert "== Artikel 86: repealed by" in result.stdout
    assert "== Artikel 6:" not in result.stdout.split("\nBWBR0003549 ")[0]
    assert state(store) == before


def test_html_to_a_file(tmp_path, store):
    page = tmp_path / "preview.html"
    before = state(store)
    result = preview(SEED, "--store", store, "--format", "html", "-o", page)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<h1>Wat Stb. 1996, 649 verandert</h1>" in html
    assert "De wetten zoals zij gelden op 1 januari 1997, zoals bekend op 22 december 1996" \
           in html
    assert '<h2 id="wet-BWBR0003420">Wet op het basisonderwijs (BWBR0003420)</h2>' in html
    assert "<del>" in html and "<ins>" in html
    assert ", art. I, onderdeel A (in werking 1 januari 1997)</li>" in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # anchors of several laws kept apart
    assert state(store) == before


def test_the_store_is_never_the_output(store):
    before = state(store)
    for target in (store, store.with_name(store.name + "-journal")):
        result = run("preview", SEED, "--store", store, "-o", target, "--facts", FACTS)
        assert result.code == 1
        assert "that is an input" in result.err
    assert state(store) == before


def test_laws_not_in_the_store_are_listed_as_not_checked(tmp_path, store):
    act = changed_seed(tmp_path, "In artikel E 24 van de Overgangswet ISOVSO4",
                       "In artikel E 24 van de Wet op de kansspelen4")
    result = preview(act, "--store", store)
    assert result.exit_code == 0, result.output  # a warning: the other laws are checked
    assert result.stdout.endswith(
        "not checked (not in the store):\n  ARTIKEL IV changes «Wet op de kansspelen», which "
        "is not in the store: its instructions are not checked\n")
    assert "\nOISOVSO " not in result.stdout


def test_a_law_name_close_to_a_known_one_exits_1(tmp_path, store):
    act = changed_seed(tmp_path, "De >Wet op het basisonderwijs1 wordt",
                       "De >Wet op het basisondewijs1 wordt")
    result = preview(act, "--store", store)
    assert result.exit_code == 1
    assert "did you mean «Wet op het basisonderwijs»?" in result.stderr
    assert "\nBWBR0003420 " not in result.stdout  # not previewed
    assert "\nBWBR0003549 " in result.stdout


def test_an_act_of_which_no_law_can_be_checked_exits_1(tmp_path, store):
    act = tmp_path / "act.txt"
    act.write_text("Voorstel van wet tot wijziging van de Wet op de kansspelen\n\nARTIKEL I\n\n"
                   "De Wet op de kansspelen wordt gewijzigd als volgt:\n\nA\n\nArtikel 1 "
                   "vervalt.\n\nARTIKEL II\n\nDeze wet treedt in werking met ingang van 1 "
                   "januari 2030.\n", "utf-8")
    result = preview(act, "--store", store)
    assert result.exit_code == 1
    assert "error [nothing-checked]" in result.stderr
    assert "no law of the store is changed on this date" in result.stdout


def test_a_date_no_calendar_has_in_the_act_exits_1(tmp_path, store):
    act = changed_seed(tmp_path, "in werking met ingang van 1 januari 1997.",
                       "in werking met ingang van 31 februari 1997.")
    result = preview(act, "--store", store)
    assert result.exit_code == 1
    assert "error [not-a-date] ARTIKEL XII: «31 februari 1997» is not a date" in result.stderr


def test_without_a_store_it_says_how_to_make_one(tmp_path):
    result = run("preview", SEED, "--store", tmp_path / "none.sqlite")
    assert result.code == 1
    assert "consolidator consolidate" in result.err
    assert not (tmp_path / "none.sqlite").exists()


def test_a_date_asked_for_takes_in_the_parts_in_force_then(store):
    result = preview(SEED, "--store", store, "--date", "1999-01-01")
    assert result.exit_code == 0, result.output
    assert "the law in force on 1999-01-01, as known on 1996-12-22" in result.stdout
    assert "ARTIKEL VI is not in force" not in result.stderr
    assert "added by Stb. 1996, 649, art. VI (1999-01-01)" in result.stdout  # 1999 parts in


def test_a_bill_left_to_a_koninklijk_besluit_is_previewed_on_today(tmp_path, store):
    import datetime as dt

    from test_check_store import BILL_1999, BY_DECREE
    bill = tmp_path / "bill.txt"
    bill.write_text(BILL_1999.format(iwt=BY_DECREE), "utf-8")
    before = state(store)
    result = preview(bill, "--store", store)
    today = dt.date.today().isoformat()
    assert result.exit_code == 0, result.output
    assert f"no date of entry into force can be told: checked against the law in force " \
           f"today, {today}" in result.stderr
    assert f"the law in force on {today}, as known now" in result.stdout
    assert "== Artikel 95a: changed by " in result.stdout
    assert "[-1,5-]{+2+}" in result.stdout
    assert state(store) == before
