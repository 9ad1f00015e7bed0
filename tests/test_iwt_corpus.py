"""The read rate of entry-into-force sentences over the development corpus
(tests/fixtures/devcorpus/sentences.jsonl, records whose expect.kind is
«entry-into-force»): a record labelled as read must give rules, one labelled as refused
must be refused (a wrong reading is the worst outcome), and every refusal must say
where and what was not understood. The figures may only go up."""
from __future__ import annotations

import re

from consolidator.errors import ActSyntaxError
from consolidator.read.iwt import read_entry_text
from iwt_summary import records

#: Reached when this test was written: all 231 records labelled as read, all 14 refused.
READ_AT_LEAST = 231
REFUSED_AT_LEAST = 14
_TIME_RULES = {"in-force", "retroactive", "expires", "decree-may-set"}


def _outcomes():
    for record in records():
        try:
            yield record, read_entry_text(record["text"]), None
        except ActSyntaxError as error:
            yield record, None, error


def test_read_rate_of_entry_into_force_sentences():
    read = refused = 0
    wrongly_read, not_read = [], []
    for record, rules, error in _outcomes():
        if record["expect"]["ok"]:
            if rules is not None:
                read += 1
            else:
                not_read.append((record["text"], error.message))
        elif rules is None:
            refused += 1
        else:
            wrongly_read.append(record["text"])
    assert wrongly_read == []
    assert read >= READ_AT_LEAST, not_read
    assert refused >= REFUSED_AT_LEAST
    assert len(records()) == 245


def test_every_sentence_read_sets_a_time():
    for record, rules, _ in _outcomes():
        if rules is not None:
            assert {rule["rule"] for rule in rules} & _TIME_RULES, record["text"]


def test_every_refusal_is_precise():
    for record, _, error in _outcomes():
        if error is None:
            continue
        assert error.line == 1 and 1 <= error.column <= len(record["text"]), record["text"]
        assert error.message.startswith("cannot read entry-into-force sentence: ")
        assert re.search(r"«[^»]+»", error.message), error.message
        assert error.context.splitlines()[1].strip().startswith("^")
