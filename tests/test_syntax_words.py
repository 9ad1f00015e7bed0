"""Syntax errors of the instruction grammar in drafting words (``read.syntaxwords``): what
was expected as a drafter writes it, never a terminal's name, and the common slips by
name; line, column and underline as before."""
import re
from importlib import resources

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.grammars import INSTRUCTION_FILES, grammar_parser
from consolidator.read.instructions import parse_sentence
from consolidator.read.syntaxwords import DRAFTING_WORDS, GROUPS, expected_words


def _defined_terminals() -> set[str]:
    """The terminals the instruction grammar's files define («NAME: …» at a line's start)."""
    package = resources.files("consolidator.grammar")
    found = set()
    for name in INSTRUCTION_FILES:
        text = package.joinpath(name).read_text("utf-8")
        found |= set(re.findall(r"^(_?[A-Z][A-Z0-9_]*)(?:\.\d+)?\s*:", text, re.M))
    return found


def test_every_terminal_of_the_grammar_has_drafting_words():
    built = {t.name for t in grammar_parser().terminals}
    defined = _defined_terminals()
    assert defined, "no terminals found in the grammar files"
    assert defined <= built  # the reading of the files is right
    assert sorted(built - set(DRAFTING_WORDS)) == []
    assert sorted(set(DRAFTING_WORDS) - built) == []  # no entry for a terminal that is gone
    assert all(words.strip() for words in DRAFTING_WORDS.values())


def test_each_terminal_is_in_one_group():
    names = [name for _, group in GROUPS for name in group]
    assert len(names) == len(set(names))


def _error(text: str, **where) -> ActSyntaxError:
    with pytest.raises(ActSyntaxError) as info:
        parse_sentence(text, **where)
    return info.value


#: what a terminal's name looks like in a message: no drafter writes these
_INTERNAL = re.compile(r"\b(qcomma|dcomma|pcomma|ocomma|ncomma|comma alsmede|en action|"
                       r"lawname|termword|artnum|[A-Z]{2,}_[A-Z_]+)\b")


@pytest.mark.parametrize("text", [
    "In artikel 5 wordt «a» verplaatst naar: b.",
    "In artikel 6, eerste lid xyz wordt «a» vervangen door: b.",
    "In artikle 6 wordt «a» vervangen door: b.",
    "In artikel 6 onderdeel a wordt «a» vervangen door: b.",
    "In artikel 6, tweede lid, wordt «a» vervangen",
    "In artikel 6 en 7 wordt «a» vervangen door: b.",
])
def test_what_was_expected_is_said_in_drafting_words(text):
    message = _error(text).message
    assert message.startswith("cannot read instruction: unexpected «")
    assert "; expected " in message
    assert not _INTERNAL.search(message), message


def test_a_misspelt_verb_names_the_verb_and_keeps_line_column_and_underline():
    err = _error("In artikel 5 wordt «a» vervvangen door: b.", line=12, column=3)
    assert (err.line, err.column) == (12, 26)
    assert "unexpected «vervvangen»" in err.message
    assert "the verb «wordt … vervangen door»" in err.message
    assert "«telkens»" in err.message
    assert err.context.splitlines()[1].strip() == "^~~~~~~~~~"


def test_a_long_list_is_said_as_the_kinds_of_words_expected():
    message = _error("In artikel 6, eerste lid xyz wordt «a» vervangen door: b.").message
    assert "a place in the law («artikel 6», «het tweede lid», «onderdeel a», …)" in message
    assert "a quote «…»" in message
    assert "a verb («wordt … vervangen door»" in message


def test_expected_words_lists_each_phrase_once_in_the_tables_order():
    assert expected_words(["_DOOR"]) == "«door» (vervangen door)"
    assert expected_words(["_LID", "QUOTED", "_VERVANGEN"]) == (
        "a quote «…», the verb «wordt … vervangen door» or a lid such as «het tweede lid»")
    assert expected_words([]) == ""


@pytest.mark.parametrize("text, column", [
    ("In artikel 6 wordt «pluriformiteit vervangen door «eenheid».", 20),
    ("In artikel 6 wordt «een bijzondere school vervangen door: een school.", 20),
    ("In artikel 6, tweede lid, wordt “pluriformiteit vervangen door: b.", 33),
])
def test_an_unclosed_quote_is_named_at_the_opening_mark(text, column):
    err = _error(text, line=4)
    assert err.message.startswith("cannot read instruction: quote not closed")
    assert (err.line, err.column) == (4, column)
    marked = err.context.splitlines()[1]
    assert marked.index("^") - 4 == column - 1  # the underline starts at the opening mark
    assert "unexpected" not in err.message


def test_a_missing_colon_before_new_text_is_named():
    err = _error("In artikel 6 wordt «een school» vervangen door een instelling.")
    assert err.message == ("cannot read instruction: missing colon: the new text after "
                           "«vervangen door» follows a colon («vervangen door: een "
                           "instelling»)")
    assert err.column == 48
    err = _error("Artikel 6 komt te luiden Artikel 6. Dit is het.")
    assert "missing colon: the new text after «komt te luiden»" in err.message
    assert err.column == 26


@pytest.mark.parametrize("text, words, column", [
    ("Na artikel 6 wordt een artikel ingevoegd, luidende", "luidende", 43),
    ("Na artikel 6 wordt een artikel ingevoegd, luidende.", "luidende", 43),
    ("Artikel 6 komt te luiden", "komt te luiden", 11),
])
def test_luidende_without_the_new_text_is_named(text, words, column):
    err = _error(text)
    assert err.message == (f"cannot read instruction: «{words}» without the new text: write "
                           f"«{words}:» and the new text after the colon or on the lines "
                           "that follow")
    assert err.column == column


def test_a_colon_with_nothing_after_it_keeps_its_own_message(tmp_path):
    from consolidator.read.act import parse_act_file
    act = tmp_path / "act.txt"
    act.write_text("Wet van 1 maart 2000\n\nARTIKEL I\n\nDe Wet X wordt gewijzigd als volgt:"
                   "\n\nA\n\nNa artikel 6 wordt een artikel ingevoegd, luidende:\n\nB\n\n"
                   "Artikel 86 vervalt.\n", encoding="utf-8")
    with pytest.raises(ActSyntaxError, match="announces new text, but none follows"):
        parse_act_file(act)


@pytest.mark.parametrize("text", [
    "In artikel 6 wordt «a» vervangen door «b».",
    "Na artikel 6 wordt een artikel ingevoegd luidende: Artikel 6a. Tekst.",
    "In artikel 6, eerste lid, en artikel 7 wordt «a» vervangen door: b en vervalt «c».",
])
def test_sentences_that_read_are_not_slips(text):
    assert parse_sentence(text) is not None
