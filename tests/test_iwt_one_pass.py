"""The entry-into-force reader through the one-pass parser (``iwt.read_statement``) gives
what Lark's parser and ``IwtBuilder`` as a Transformer give: the same statement, token for
token and position for position, or the same error at the same place.

Inputs: every sentence of the iwt fixtures, the corpus and fixture acts and the
development corpus (sentences of every kind, so that most are errors), and mutations of
them (a word dropped, doubled or swapped with the next, the sentence cut short, a line
break for a space), from a
fixed seed.
"""
from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest
from lark import Token, Tree
from lark.exceptions import UnexpectedInput, VisitError

from consolidator.read.grammars import iwt_parser
from consolidator.read.iwt import read_statement
from consolidator.read.iwtbuild import IwtBuilder, _words_text
from consolidator.read.iwtparts import Unsupported
from consolidator.read.iwtsentences import sentences

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TEXT_FILES = sorted([*(FIXTURES / "iwt").glob("*.txt"), *(FIXTURES / "time").glob("*.txt"),
                     *(ROOT / "corpus" / "acts").glob("*.txt")])
MUTATIONS = 2  # per sentence


#: sentences the grammar reads and the builder refuses (``Unsupported``): mutations of real
#: ones, kept here so that the refusals are held whatever the random mutations give
REFUSED = [
    "Deze wet treedt met uitzondering van de artikelen II, onderdeel VII, J, IX en XIX in "
    "werking op een bij koninklijk besluit te bepalen tijdstip dat voor de onderscheiden "
    "artikelen en onderdelen daarvan verschillend kan worden bepaald.",
    "Deze wet treedt in werking met ingang van 1 juli 1998, met uitzondering van artikel I, "
    "onderdeel B, dat in werking treedt met ingang van 1 oktober 1998, en met uitzondering van "
    "artikel derde lid, dat in werking treedt met ingang van de dag na de datum van uitgifte "
    "van het Staatsblad waarin deze wet wordt geplaatst.",
    "Deze wet treedt in werking op 1 januari 2015, met dien verstande dat artikel I, D, "
    "onderdeel in werking treedt met ingang van 1 januari 2016.",
]


def _sentences_of(text: str) -> list[str]:
    return [s.text for s in sentences(" ".join(text.split()))]


def _inputs() -> list[str]:
    found: list[str] = []
    for path in TEXT_FILES:
        for line in path.read_text("utf-8").splitlines():
            found += _sentences_of(line)
    records = (FIXTURES / "devcorpus" / "sentences.jsonl").read_text("utf-8").splitlines()
    for record in records:
        found += _sentences_of(json.loads(record)["text"])
    unique = list(dict.fromkeys([*REFUSED, *(s for s in found if s.strip())]))
    rng = random.Random(17)
    mutated = [_mutated(s, rng) for s in unique for _ in range(MUTATIONS)]
    return unique + list(dict.fromkeys(m for m in mutated if m.strip()))


def _mutated(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words))
    how = rng.choice(("drop", "double", "swap", "cut", "break"))
    if how == "break":  # a line break for a space: Lark's lexer reads it, line by line
        return " ".join(words[:at]) + "\n" + " ".join(words[at:])
    if how == "drop":
        del words[at]
    elif how == "double":
        words.insert(at, words[at])
    elif how == "swap" and at + 1 < len(words):
        words[at], words[at + 1] = words[at + 1], words[at]
    else:
        words = words[:at + 1]
    return " ".join(words)


def _plain(value):
    """A value with every token as its kind, text and positions, every object as its
    class and fields: what two readings must agree on."""
    if isinstance(value, Token):
        return ("token", value.type, str(value), value.start_pos, value.end_pos, value.line,
                value.column, value.end_line, value.end_column)
    if isinstance(value, Tree):
        return ("tree", str(value.data), _plain(value.children))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple(_plain(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _plain(v)) for k, v in value.items()))
    return value


def _outcome(read, text: str):
    try:
        return ("read", _plain(read(text)))
    except UnexpectedInput as exc:
        return ("syntax", type(exc).__name__, exc.pos_in_stream,
                tuple(sorted(getattr(exc, "expected", None) or ())))
    except Unsupported as exc:
        return ("unsupported", str(exc), _plain(exc.token))
    except VisitError as exc:
        return ("fault", exc.rule, type(exc.orig_exc).__name__, str(exc.orig_exc))


class _LarkBuilder(IwtBuilder):
    """The builder as it read positions before the one-pass parser: from the offsets
    Lark's ``propagate_positions`` gives (the one-pass parser gives lines and columns)."""

    def _start(self, meta) -> int:
        return meta.start_pos

    def _covered(self, meta) -> str:
        return _words_text(self.text[meta.start_pos:meta.end_pos])


def _by_lark(text: str):
    """As the reader did before the one-pass parser: a refusal of the builder comes out
    of the Transformer wrapped, and was taken out."""
    tree = iwt_parser().parse(text)
    try:
        return _LarkBuilder(text).transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, Unsupported):
            raise exc.orig_exc from None
        raise


INPUTS = _inputs()


def test_the_inputs_cover_readings_and_errors():
    outcomes = [_outcome(read_statement, text)[0] for text in INPUTS]
    assert len(INPUTS) > 5000
    assert outcomes.count("read") > 500 and outcomes.count("syntax") > 3000
    assert outcomes.count("unsupported") >= len(REFUSED)


@pytest.mark.parametrize("part", range(4))
def test_one_pass_reads_as_lark_and_the_transformer(part):
    # each sentence read three times by the one-pass parser: at least once reduction by
    # reduction and once by its shape's plan (``onepass._PLAN_AT``); shapes that many
    # sentences share are compiled along the way
    for text in INPUTS[part::4]:
        expected = _outcome(_by_lark, text)
        for _ in range(3):
            assert _outcome(read_statement, text) == expected, text
