"""Syntax errors of the instruction grammar in drafting words (``read.syntaxwords``): what
was expected as a drafter writes it, never a terminal's name, and the common slips by
name; line, column and underline as before."""
import json
import os
import re
from importlib import resources
from pathlib import Path

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


@pytest.mark.parametrize("text, column", [
    ("In het eerste lid wordt «a» vervangen door niet door de gemeente scholen» en vervalt «b».",
     73),
    ("In artikel 6 wordt de gemeente» vervangen door: het Rijk.", 31),
])
def test_a_closing_quote_no_quote_opens_is_named_at_that_mark(text, column):
    err = _error(text, line=9)
    assert err.message == ("cannot read instruction: quote not opened: the closing » here has "
                           "no opening « before it (the quoted words before it were read as "
                           "words of the sentence)")
    assert (err.line, err.column) == (9, column)
    assert err.context.splitlines()[1].index("^") - 4 == column - 1


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


@pytest.mark.parametrize("text, last, column", [
    ("In artikel 6 wordt «a» vervangen door", "«door»", 38),
    ("In artikel 6 wordt «a» vervangen door.", "«door»", 38),
    ("In artikel 6, tweede lid, wordt «a» vervangen", "«vervangen»", 46),
    ("In artikel 6 wordt «a»", "the quote «a»", 23),
])
def test_a_sentence_that_stops_too_soon_says_so_after_its_last_word(text, last, column):
    """Lark's end token is placed on the last word; the message says the sentence ends
    and marks the place after it, where the missing words go."""
    err = _error(text, line=7)
    assert err.message.startswith(f"cannot read instruction: the sentence ends after {last}; "
                                  "expected ")
    assert (err.line, err.column) == (7, column)
    assert "unexpected" not in err.message and "$END" not in err.message.upper()
    assert err.context.splitlines()[1].index("^") - 4 == column - 1


def test_the_end_of_the_sentence_is_said_in_words_when_it_is_expected():
    message = _error("Het opschrift titel van XII van het Tweede Boek komt te luiden:").message
    assert message.startswith("cannot read instruction: unexpected «titel»; expected ")
    assert message.endswith(" or the end of the sentence")
    assert "$end" not in message.lower()
    assert expected_words(["$END", "__ANON_3"]) == "the end of the sentence"


def test_a_closing_quote_mark_no_quote_opens_is_named():
    err = _error("In artikel 6 wordt «a» vervangen door: van de wet: artikel 108».", line=2)
    assert err.message.startswith("the new text after the colon has a closing quote mark «»» "
                                  "that no quote mark opens")
    assert (err.line, err.column) == (2, 63)  # at the mark
    assert err.context.splitlines()[1].strip() == "^"


# --------------------------------------------------------------------------- property

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from consolidator.read.grammars import iwt_parser  # noqa: E402
from consolidator.read.samenloop import samenloop_parser  # noqa: E402
from consolidator.read.units import read_unit  # noqa: E402

_FIXTURE = Path(__file__).parent / "fixtures" / "devcorpus" / "sentences.jsonl"
#: the real sentences of the devcorpus (instructions, intros, entry into force, samenloop)
_SENTENCES = [json.loads(line)["text"] for line in _FIXTURE.read_text("utf-8").splitlines()
              if line.strip()]


#: lower-case forms of instruction terminals that are plain English or Dutch words
_WORDS = {"about", "alphabetical", "amounts", "count", "eind", "label", "luidend", "qualifier"}


def _internal_names() -> set[str]:
    """Every terminal of the three grammars as Lark spells it («_DCOMMA», «QUOTED»,
    «$END»); and, for the instruction grammar, whose expectations messages list, as a
    leaked name read when it was put in lower case with the underscores gone («dcomma»,
    «en action»), unless that form is a word (of the drafting table, or ``_WORDS``)."""
    table = " ".join(DRAFTING_WORDS.values()).lower()
    forms = {"$END", "$end"}  # Lark's end of input
    for parser in (grammar_parser(), iwt_parser(), samenloop_parser()):
        forms |= {t.name for t in parser.terminals}
    for terminal in grammar_parser().terminals:
        plain = terminal.name.strip("_").lower().replace("_", " ")
        if len(plain) > 2 and plain not in _WORDS \
                and not re.search(rf"\b{re.escape(plain)}\b", table):
            forms.add(plain)
    return forms


_NAMES = sorted(_internal_names(), key=len, reverse=True)


def _mutated(draw_text: str, cuts: list[tuple[int, int]]) -> str:
    words = draw_text.split(" ")
    for kind, at in cuts:
        at %= max(len(words), 1)
        if kind == 0 and len(words) > 1:
            del words[at]                         # a word left out
        elif kind == 1 and len(words) > 1:
            j = (at + 1) % len(words)
            words[at], words[j] = words[j], words[at]  # two words swapped
        elif kind == 2:
            words.insert(at, words[at // 2])       # a word twice
        elif kind == 3:
            words = words[:at + 1]                 # the sentence cut short
        else:
            words[at] = words[at][:-1] or "«"      # a letter or a closing mark lost
    return " ".join(words)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SENTENCES),
       st.lists(st.tuples(st.integers(0, 4), st.integers(0, 400)), min_size=1, max_size=3))
def test_no_syntax_error_names_a_grammar_terminal(sentence, cuts):
    """Whatever a drafter writes, a message that refuses it says what was expected in
    drafting words: never a terminal's name (of the instruction, entry-into-force or
    samenloop grammar) in Lark's spelling, nor an instruction terminal in lower case."""
    text = _mutated(sentence, cuts)
    unit = read_unit(text)
    if unit.ok:
        return
    leaked = [name for name in _NAMES
              if re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", unit.error)
              and name not in text and name.lower() not in text.lower()]
    assert not leaked, f"{text!r}: {unit.error}"
