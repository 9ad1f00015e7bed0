"""consolidator check: every instruction that will not apply, and the warnings.

The seed act is checked against the real corpus (untouched: no problems; with
three faults: exactly those three errors, with their positions). Each warning
kind has a synthetic act against the small Proefwet (tests/fixtures/check/).
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidator.law import lawtext

from consolidator.law import lawfile
from consolidator.read.act import parse_act
from consolidator.views.check import check_file
from consolidator.views.check_order import order_key
from consolidator.views.check_report import ERROR, WARNING
from consolidator.cli import cli
from consolidator.errors import ActSyntaxError, ConsolidatorError
from consolidator.store.corpus import base_texts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "acts" / "stb-1996-649.txt"
PROEFWET = ROOT / "tests" / "fixtures" / "check" / "proefwet.txt"

IWT = "Deze wet treedt in werking met ingang van 1 januari 2002."


def act(*onderdelen: str, iwt: str = IWT, extra: str = "") -> str:
    """An act of the Staatsblad form changing the Proefwet: ARTIKEL I with the given
    onderdelen (lettered A, B, … when there are several), ``extra`` ARTIKELEN, and
    the entry-into-force ARTIKEL last."""
    body = onderdelen[0] if len(onderdelen) == 1 else "\n\n".join(
        f"{chr(ord('A') + n)}\n\n{text}" for n, text in enumerate(onderdelen))
    last = "III" if extra else "II"
    return (f"Staatsblad 2001, 500\n\nWet van 1 maart 2001 tot wijziging van de Proefwet\n\n"
            f"ARTIKEL I\n\nDe Proefwet wordt gewijzigd als volgt:\n\n{body}\n\n"
            + (f"ARTIKEL II\n\n{extra}\n\n" if extra else "")
            + f"ARTIKEL {last}\n\n{iwt}\n\nGegeven te 's-Gravenhage, 1 maart 2001\n\n"
            "Uitgegeven de vijftiende maart 2001\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A corpus with the Proefwet (valid from 2001-01-01) as its only law."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "PROEF").mkdir()
    (folder / "acts").mkdir()
    tree = lawtext.parse_law_text(PROEFWET.read_text("utf-8"), bwb_id="PROEF",
                                  date=dt.date(2001, 1, 1))
    lawfile.write_law(tree, folder / "PROEF" / "base.xml")
    return folder


def check(tmp_path: Path, corpus: Path, text: str, **options):
    path = tmp_path / "act.txt"
    path.write_text(text, "utf-8")
    return check_file(path, corpus, **options)


def kinds(problems) -> list[tuple[str, str]]:
    return [(p.severity, p.kind) for p in problems]


def only(problems, kind: str):
    found = [p for p in problems if p.kind == kind]
    assert len(found) == 1, problems
    return found[0]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --------------------------------------------------------------------------- the seed act


def test_the_seed_act_has_no_problems():
    notes: list[str] = []
    assert check_file(SEED, CORPUS, notes=notes) == []
    assert any("ARTIKEL X (samenloop) is not checked" in n for n in notes)


def test_the_seed_act_in_force_on_1997_01_01_has_no_problems():
    assert check_file(SEED, CORPUS, date=dt.date(1997, 1, 1)) == []


def test_three_faults_in_the_seed_act_are_all_reported_with_their_positions(tmp_path):
    text = SEED.read_text("utf-8").splitlines(keepends=True)
    text[21] = text[21].replace("«een bijzondere school»", "«een bijzondere scholen»")  # l. 22
    text[29] = text[29].replace("artikel 92, derde lid", "artikel 92, negende lid")  # l. 30
    text[41] = text[41].replace("artikel 95a", "artikel 93")  # line 42
    text[43] = text[43].replace("Artikel 95a.", "Artikel 93.")  # line 44
    path = tmp_path / "stb-1996-649-faults.txt"
    path.write_text("".join(text), "utf-8")
    problems = check_file(path, CORPUS)
    errors = [(p.line, p.column, p.artikel, p.onderdeel, p.kind, p.law)
              for p in problems if p.severity == ERROR]
    assert errors == [(22, 14, "I", "A", "not-found", "BWBR0003420"),
                      (30, 29, "I", "C", "not-found", "BWBR0003420"),
                      (42, 15, "I", "E", "number-taken", "BWBR0003420")]
    messages = [p.message for p in problems if p.severity == ERROR]
    assert "«een bijzondere scholen» is not in the text" in messages[0]
    assert "artikel 92 has no lid 9; it has leden 1, 2, 3, 4, 5, 6, 7, 8" in messages[1]
    assert messages[2] == "artikel 93 already exists"
    # the quoted words of onderdeel C are in the third lid; S punt 2 now lists an article
    # the law does not get
    hint = only(problems, "words-elsewhere")
    assert (hint.line, hint.onderdeel) == (30, "C") and "occur in lid 3" in hint.message
    orphan = only(problems, "toc-orphan")
    assert (orphan.line, orphan.onderdeel, orphan.punt) == (216, "S", "2")
    assert len(problems) == 5


def test_cli_text_and_exit_codes(tmp_path):
    runner = CliRunner()
    clean = runner.invoke(cli, ["check", str(SEED), "--corpus", str(CORPUS)])
    assert clean.exit_code == 0, clean.output
    assert clean.stdout.strip().endswith("0 errors, 0 warnings")
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED.read_text("utf-8").replace("Artikel 86 vervalt.", "Artikel 87 vervalt."),
                   "utf-8")
    result = runner.invoke(cli, ["check", str(bad), "--corpus", str(CORPUS)])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{bad}:26:1: error [not-found] ARTIKEL I, onderdeel B (BWBR0003420): "
                            "artikel 87 is not in the law")
    assert result.stdout.splitlines()[1].strip() == "Artikel 87 vervalt."  # the act's line
    assert result.stdout.splitlines()[2].strip() == "^"


def test_cli_json_lists_every_problem_with_the_contract_fields(tmp_path, corpus):
    text = act("In artikel 1, tweede lid, wordt «jaarlijks» vervangen door: elk jaar.",
               "In artikel 1, vierde lid, wordt «regels» telkens vervangen door: nadere regels.")
    path = tmp_path / "act.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--corpus", str(corpus),
                                      "--format", "json"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert [(p["line"], p["column"], p["onderdeel"], p["severity"], p["kind"])
            for p in problems] == [(11, 27, "A", "error", "not-found"),
                                   (11, 27, "A", "warning", "words-elsewhere"),
                                   (15, 27, "B", "warning", "telkens-once")]
    assert all({"line", "column", "onderdeel", "severity", "message"} <= set(p)
               for p in problems)
    warnings_only = tmp_path / "warn.txt"
    warnings_only.write_text(act("In artikel 1, vierde lid, wordt «regels» telkens vervangen "
                                 "door: nadere regels."), "utf-8")
    result = CliRunner().invoke(cli, ["check", str(warnings_only), "--corpus", str(corpus),
                                      "--format", "json"])
    assert result.exit_code == 0  # warnings alone
    assert [p["severity"] for p in json.loads(result.stdout)] == ["warning"]


# --------------------------------------------------------------------------- errors


def test_every_unreadable_sentence_is_reported_and_the_rest_still_checked(tmp_path, corpus):
    text = act("In artikel 1, eerste lid, wordt «school» verplaatst naar: instelling.",
               "In artikel 3 wordt «verslag» vervangen door: jaarverslag.",
               "Artikel 2 wordt gewijzigd als volgt:\n\n"
               "1. In het eerste lid wordt «minister» verschoven door: Minister.\n\n"
               "2. In het tweede lid wordt «huisvesting» vervangen door: gebouwen.",
               "In artikel 9 vervalt: de.",
               "In artikel 4 wordt «Proefwet» vervangen door: Proefwet 2001.")
    problems = check(tmp_path, corpus, text)
    assert [(p.line, p.onderdeel, p.punt, p.kind) for p in problems] == [
        (11, "A", "", "syntax"),            # unreadable
        (15, "B", "", "ambiguous"),         # «verslag» twice in artikel 3
        (21, "C", "1", "syntax"),           # unreadable punt; punt 2 still applies
        (27, "D", "", "not-found"),         # no artikel 9
    ]
    assert "verplaatst" in problems[0].message
    assert "occurs 2 times" in problems[1].message


def test_collecting_mode_leaves_parse_act_unchanged_for_other_callers():
    text = act("In artikel 1 wordt «school» verplaatst naar: instelling.",
               "In artikel 3 wordt «verslag» verschoven naar: jaarverslag.")
    with pytest.raises(ActSyntaxError) as raised:
        parse_act(text)
    assert raised.value.line == 11
    errors: list = []
    parsed = parse_act(text, errors=errors)
    assert [(e.line, e.place.onderdeel) for e in errors] == [(11, "A"), (15, "B")]
    assert parsed.article("I").instructions == ()


def test_a_punt_under_an_unreadable_intro_is_not_applied_in_the_wrong_place(tmp_path, corpus):
    text = act("Artikel 2 wordt op de volgende wijze veranderd:\n\n"
               "1. In het eerste lid wordt «school» vervangen door: instelling.")
    problems = check(tmp_path, corpus, text)
    assert kinds(problems) == [(ERROR, "syntax")]  # not «a lid inside the law» noise


def test_changes_to_another_act_of_the_corpus_are_checked_on_its_text(tmp_path):
    excerpt = (CORPUS / "acts" / "stb-1998-wpo-wec-excerpt.txt").read_text("utf-8")
    assert check(tmp_path, CORPUS, excerpt) == []
    problems = check(tmp_path, CORPUS, excerpt.replace("«1 januari 1999»", "«1 januari 1998»"))
    error = only(problems, "not-found")
    assert (error.line, error.artikel, error.law) == (19, "XXI", "Stb. 1996, 649")
    assert "«1 januari 1998» is not in the text" in error.message


def test_with_a_date_only_the_parts_in_force_are_checked(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
               "In artikel 9 vervalt: de.",
               iwt="Deze wet treedt in werking met ingang van 1 januari 2002, met uitzondering "
                   "van artikel I, onderdeel B, dat in werking treedt met ingang van 1 januari "
                   "2003.")
    notes: list[str] = []
    assert check(tmp_path, corpus, text, date=dt.date(2002, 6, 1), notes=notes) == []
    assert any("onderdeel B is not in force on 2002-06-01" in n for n in notes)
    problems = check(tmp_path, corpus, text, date=dt.date(2003, 1, 1))
    assert [(p.onderdeel, p.kind) for p in problems] == [("B", "not-found")]
    assert check(tmp_path, corpus, text, date=dt.date(2001, 12, 31)) == []


# --------------------------------------------------------------------------- warnings


def test_words_found_in_another_lid_say_where(tmp_path, corpus):
    text = act("In artikel 1, tweede lid, wordt «jaarlijks» vervangen door: elk jaar.")
    problems = check(tmp_path, corpus, text)
    assert kinds(problems) == [(ERROR, "not-found"), (WARNING, "words-elsewhere")]
    hint = problems[1]
    assert (hint.line, hint.column, hint.onderdeel) == (line_of(text, "«jaarlijks»"), 27, "")
    assert hint.message.startswith("«jaarlijks» is not in artikel 1, lid 2, but occurs in "
                                   "lid 3 («Het bevoegd gezag zendt [jaarlijks] een")


def test_words_found_in_another_volzin_or_in_the_opschrift(tmp_path, corpus):
    volzin = check(tmp_path, corpus, act("In de eerste volzin van artikel 3 wordt «openbaar» "
                                         "vervangen door: bekend."))
    assert "but occurs in volzin 2" in only(volzin, "words-elsewhere").message
    opschrift = check(tmp_path, corpus, act("In artikel 2 wordt «Bekostiging» vervangen door: "
                                            "Financiering."))
    assert "but occurs in the opschrift" in only(opschrift, "words-elsewhere").message


def test_words_not_in_the_article_named_but_in_one_other_article(tmp_path, corpus):
    problems = check(tmp_path, corpus, act("In artikel 2, eerste lid, wordt «voor 1 juli» "
                                           "vervangen door: voor 1 juni."))
    assert "but occurs in artikel 3 («" in only(problems, "words-elsewhere").message


def test_telkens_with_a_single_occurrence(tmp_path, corpus):
    text = act("In artikel 1, vierde lid, wordt «regels» telkens vervangen door: nadere regels.")
    problems = check(tmp_path, corpus, text)
    warning = only(problems, "telkens-once")
    assert (warning.severity, warning.line) == (WARNING, line_of(text, "telkens"))
    assert warning.message == "«telkens», but «regels» occurs only once in artikel 1, lid 4"
    assert len(problems) == 1
    # «telkens» over two leden with one occurrence each is what «telkens» is for
    twice = act("In artikel 1, tweede en vierde lid, wordt «regels» telkens vervangen door: "
                "nadere regels.")
    assert check(tmp_path, corpus, twice) == []


NEW_ARTICLE = ("Na artikel 3 wordt ingevoegd een nieuw artikel 3a, luidend:\n\n"
               "Artikel 3a. Openbaarheid\n\nHet verslag is openbaar.")


def test_a_new_article_without_an_inhoudsopgave_entry(tmp_path, corpus):
    text = act(NEW_ARTICLE)
    warning = only(check(tmp_path, corpus, text), "toc-not-updated")
    assert warning.line == line_of(text, "Na artikel 3 wordt ingevoegd")
    assert warning.message == "artikel 3a is new, but the inhoudsopgave has no entry for it"
    with_entry = act(NEW_ARTICLE, "De inhoudsopgave wordt gewijzigd als volgt:\n\n"
                     "1. Na de omschrijving van artikel 3 wordt ingevoegd:\n\n"
                     "Artikel 3a. Openbaarheid.")
    assert check(tmp_path, corpus, with_entry) == []


def test_a_repealed_or_renamed_article_whose_entry_stays(tmp_path, corpus):
    text = act("Artikel 3 vervalt.",
               "In het opschrift van artikel 2 wordt «Bekostiging» vervangen door: "
               "Financiering.")
    problems = check(tmp_path, corpus, text)
    assert [(p.onderdeel, p.kind) for p in problems] == [("A", "toc-not-updated"),
                                                          ("B", "toc-not-updated")]
    assert problems[0].message == ("artikel 3 is repealed, but its entry in the inhoudsopgave "
                                   "still reads «Artikel 3. Verslag»")
    assert "now reads «Financiering»" in problems[1].message


def test_an_entry_that_does_not_match_the_opschrift_or_any_article(tmp_path, corpus):
    text = act(NEW_ARTICLE, "De inhoudsopgave wordt gewijzigd als volgt:\n\n"
               "1. Na de omschrijving van artikel 3 wordt ingevoegd:\n\n"
               "Artikel 3a. Openbaarmaking.\n\n"
               "2. Na de omschrijving van artikel 4 wordt ingevoegd:\n\n"
               "Artikel 5. Inwerkingtreding.")
    problems = check(tmp_path, corpus, text)
    assert [(p.onderdeel, p.punt, p.kind) for p in problems] == [("B", "1", "toc-mismatch"),
                                                                 ("B", "2", "toc-orphan")]
    assert "reads «Artikel 3a. Openbaarmaking», the article's opschrift «Openbaarheid»" \
        in problems[0].message


def test_an_article_inserted_out_of_numeric_order(tmp_path, corpus):
    text = act("Na artikel 3 wordt ingevoegd een nieuw artikel 2a, luidend:\n\n"
               "Artikel 2a. Openbaarheid\n\nHet verslag is openbaar.")
    warning = only(check(tmp_path, corpus, text), "out-of-order")
    assert warning.message == "artikel 2a is placed after artikel 3: out of numeric order"


def test_a_renumbering_that_leaves_a_gap_is_an_error(tmp_path, corpus):
    # issue 13: a renumbering that itself leaves a gap is an error, not a warning
    text = act("In artikel 1 worden de volgende wijzigingen aangebracht:\n\n"
               "1. Het tweede lid vervalt, onder vernummering van het derde lid tot tweede lid.")
    error = only(check(tmp_path, corpus, text), "not-applied")
    line = line_of(text, "onder vernummering")
    assert (error.severity, error.line, error.onderdeel, error.punt) == ("error", line, "", "1")
    assert text.splitlines()[line - 1][error.column - 1:].startswith("het derde lid tot")
    assert error.message.endswith("the renumbering leaves a gap: no lid 3")
    full = act("In artikel 1 worden de volgende wijzigingen aangebracht:\n\n"
               "1. Het tweede lid vervalt, onder vernummering van het derde en vierde lid tot "
               "tweede en derde lid.")
    assert check(tmp_path, corpus, full) == []


def test_a_lid_added_beyond_the_next_number(tmp_path, corpus):
    text = act("Aan artikel 1 wordt een zesde lid toegevoegd, luidend:\n\n"
               " • 6. De minister kan ontheffing verlenen.")
    assert "no lid 5" in only(check(tmp_path, corpus, text), "numbering-gap").message


def test_parts_the_entry_into_force_article_leaves_without_a_date(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
               extra="Een verslag over 2001 wordt niet openbaar gemaakt.",
               iwt="Artikel I treedt in werking met ingang van 1 januari 2002, met uitzondering "
                   "van artikel I, onderdeel F, dat in werking treedt met ingang van 1 juli 2002.")
    problems = check(tmp_path, corpus, text)
    assert [(p.artikel, p.kind) for p in problems] == [("II", "no-date"),
                                                       ("III", "entry-into-force-part")]
    assert problems[0].message == "the entry-into-force article names no date for ARTIKEL II"
    assert problems[1].message == ("the entry-into-force article names ARTIKEL I, onderdeel "
                                   "F, which this act does not have")


def test_an_act_without_an_entry_into_force_article(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
               iwt="Deze wet wordt aangehaald als: Wet proef.")
    assert kinds(check(tmp_path, corpus, text)) == [(WARNING, "no-entry-into-force")]


def test_an_article_changing_a_law_not_in_the_corpus(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
               extra="De Wet op de kansspelen wordt gewijzigd als volgt:\n\nA\n\n"
                     "Artikel 1 vervalt.")
    problems = check(tmp_path, corpus, text)
    warning = only(problems, "law-not-in-corpus")
    assert (warning.line, warning.artikel) == (line_of(text, "Wet op de kansspelen wordt"), "II")
    assert "changes «Wet op de kansspelen», which is not in the corpus" in warning.message
    assert len(problems) == 1  # the Proefwet is checked: a warning


def test_a_law_name_a_slip_away_from_a_corpus_law_is_an_error(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.").replace(
        "De Proefwet wordt", "De Proefwett wordt")
    problems = check(tmp_path, corpus, text)
    error = only(problems, "law-name")
    assert (error.severity, error.line, error.artikel) == (ERROR, 7, "I")
    assert error.message == ("ARTIKEL I changes «Proefwett», which is not in the corpus; did "
                             "you mean «Proefwet»? Its instructions are not checked")
    assert len(problems) == 1  # not also «nothing-checked»: the slip says why


def test_an_act_none_of_whose_laws_is_in_the_corpus_is_an_error(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.").replace(
        "De Proefwet wordt", "De Wet op de kansspelen wordt")
    problems = check(tmp_path, corpus, text)
    assert kinds(problems) == [(ERROR, "nothing-checked"), (WARNING, "law-not-in-corpus")]
    assert only(problems, "nothing-checked").message == (
        "none of the regulations this act changes is in the corpus: nothing was checked")


def test_order_keys():
    keys = ["95", "95a", "95a1", "95a2", "95b", "96", "105a", "105a1"]
    assert sorted(keys, key=order_key) == keys
    assert order_key("E 24") < order_key("E 24a") < order_key("E 25")
    assert order_key("1.2") < order_key("1.10") < order_key("2.1")
    assert order_key("IX") < order_key("X")


def test_an_entry_into_force_article_this_tool_cannot_read(tmp_path, corpus):
    text = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
               iwt="Deze wet treedt in werking zodra de minister dat wenselijk acht.")
    warning = only(check(tmp_path, corpus, text), "entry-into-force-unread")
    assert warning.line == line_of(text, "zodra de minister")


def test_with_a_date_a_part_dated_before_the_corpus_text_is_not_checked(tmp_path, corpus):
    text = act("In artikel 9 vervalt: de.",
               iwt="Deze wet treedt in werking met ingang van 1 juni 2000.")
    problems = check(tmp_path, corpus, text, date=dt.date(2002, 1, 1))
    assert kinds(problems) == [(WARNING, "before-base")]
    assert "takes effect on 2000-06-01, not after the date of the corpus text of PROEF " \
           "(2001-01-01)" in problems[0].message
    assert kinds(check(tmp_path, corpus, text)) == [(ERROR, "not-found")]  # without a date


def test_with_a_date_an_earlier_corpus_act_that_fails_is_reported_once(tmp_path, corpus):
    own = tmp_path / "corpus"
    (own / "PROEF").mkdir(parents=True)
    (own / "acts").mkdir()
    (own / "PROEF" / "base.xml").write_bytes((corpus / "PROEF" / "base.xml").read_bytes())
    (own / "acts" / "earlier.txt").write_text(
        act("In artikel 9 vervalt: de.").replace("2001, 500", "2001, 400"), "utf-8")
    later = act("In artikel 3 wordt «1 juli» vervangen door: 1 juni.",
                iwt="Deze wet treedt in werking met ingang van 1 februari 2002.")
    problems = check(tmp_path, own, later, date=dt.date(2002, 6, 1))
    assert kinds(problems) == [(WARNING, "other-act-fails")]
    assert problems[0].message.startswith("Stb. 2001, 400 does not apply to PROEF on 2002-01-01")


def test_a_heading_inserted_out_of_numeric_order(tmp_path):
    text = SEED.read_text("utf-8").replace("§ 3a. Gemeentelijk", "§ 1a. Gemeentelijk", 1)
    problems = check(tmp_path, CORPUS, text)
    assert [(p.line, p.onderdeel, p.kind) for p in problems] == [(108, "K", "out-of-order")]
    assert problems[0].message == "paragraaf 1a is placed after paragraaf 3: out of numeric order"


def test_a_heading_made_after_the_snapshot_is_never_taken_for_one_before_it():
    """The snapshot keeps its headings alive: lxml makes a Python object for an element only
    while something holds it, so an id remembered of an object since dropped may be that of
    a new heading's (the «out-of-order» warning then went missing, now and then)."""
    from lxml import etree

    from consolidator.views.check_snapshot import headings

    tree = lawfile.parse_law(CORPUS / "BWBR0003420" / "base.xml")
    before = headings(tree)
    assert len(before.elements) > 5
    holder = next(el for el in tree.iter() if el.tag == "paragraaf").getparent()
    for n in range(300):  # new objects: where freed ones were, if any were freed
        new = etree.SubElement(holder, "paragraaf")
        kop = etree.SubElement(new, "kop")
        etree.SubElement(kop, "label").text = "§"
        etree.SubElement(kop, "nr").text = f"{900 + n}z"
        assert not before.had(new), n


def test_a_corpus_folder_that_is_not_one_is_named_as_such(tmp_path):
    """A corpus folder that is not there, or holds no laws, is said to be so (the command
    line turns a file given as the folder away itself)."""
    for folder, said in ((tmp_path / "missing", "does not exist"), (tmp_path, "no laws found")):
        done = subprocess.run([sys.executable, "-m", "consolidator", "check", str(SEED),
                               "--corpus", str(folder)], capture_output=True, text=True)
        assert done.returncode == 1
        assert said in done.stderr and str(folder) in done.stderr
    with pytest.raises(ConsolidatorError, match="is not a folder"):
        base_texts(SEED)
