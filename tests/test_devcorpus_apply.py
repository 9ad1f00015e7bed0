"""Issue 13, point 6: no wording may end in «internal error». Every real sentence of the
development corpus (tests/fixtures/devcorpus/sentences.jsonl) and of the phrasings fixture
is read, and each one read as an instruction is applied to a small law made to fit it
(tests/smalllaw.py), with new elements of the kind it names when the sentence is read
without its content: the engine applies or refuses with a ``ConsolidatorError``, never
anything else."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from consolidator.apply.sentences import apply_sentence
from consolidator.errors import ConsolidatorError
from consolidator.law.lawtext import parse_law_text
from consolidator.model import Content, Locator, Sentence, Step
from consolidator.read.content import ContentAmbiguous, content_lines
from consolidator.read.instructions import parse_sentence
from consolidator.read.paras import Para
from phrasings import read_phrasings
from smalllaw import content_for, law_for

CORPUS = Path(__file__).parent / "fixtures" / "devcorpus" / "sentences.jsonl"
CONTEXT = Locator((Step("artikel", "1"),))


def _content(text: str) -> Content:
    paras = [Para(n, 1, line.strip(), line) for n, line in enumerate(text.splitlines(), 2)
             if line.strip()]
    try:
        return Content(content_lines(paras))
    except ContentAmbiguous:
        return Content()


def _sentences():
    for raw in CORPUS.read_text("utf-8").splitlines():
        record = json.loads(raw)
        yield record["text"], _content(record.get("content") or "")
    for phrasing in read_phrasings():
        yield phrasing.sentence, _content("\n".join(phrasing.content))


def _outcome(text: str, content: Content) -> str:
    """«applied», «refused», «unread» or «no law»; anything else raised is a bug."""
    try:
        sentence = parse_sentence(text, context=CONTEXT, content=content)
    except ConsolidatorError:
        return "unread"
    if not isinstance(sentence, Sentence):
        return "unread"
    sentence = dataclasses.replace(
        sentence, instructions=tuple(content_for(i) for i in sentence.instructions))
    law = law_for(sentence)
    if law is None:
        return "no law"
    try:
        apply_sentence(parse_law_text(law), sentence, "devcorpus")
    except ConsolidatorError:
        return "refused"
    return "applied"


def test_every_sentence_applies_or_is_refused_never_a_crash():
    outcomes: dict[str, int] = {}
    crashes = []
    for text, content in _sentences():
        try:
            outcome = _outcome(text, content)
        except Exception as exc:  # noqa: BLE001 - what this test is for
            crashes.append(f"{text[:80]} → {type(exc).__name__}: {exc}")
            continue
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert crashes == []
    # the run must reach the engine: most sentences read as instructions are applied
    assert outcomes.get("applied", 0) >= 250, outcomes


MODEL_WORDINGS = [  # Aanwijzing 6.11's own examples of inserting words
    ("Na «de burgemeester» wordt ingevoegd: of de door hem aangewezen ambtenaar.",
     "De burgemeester of de door hem aangewezen ambtenaar beslist."),
    ("Na «de burgemeester» wordt ingevoegd «of de door hem aangewezen ambtenaar».",
     "De burgemeester of de door hem aangewezen ambtenaar beslist."),
    ("Voor «beslist» wordt ingevoegd: zelf.", "De burgemeester zelf beslist."),
]


def test_the_model_wordings_of_inserted_words_apply():
    for text, expected in MODEL_WORDINGS:
        sentence = parse_sentence(text.replace("«de burgemeester»", "«burgemeester»"),
                                  context=CONTEXT)
        tree = parse_law_text("Wet proef\nArtikel 1\nDe burgemeester beslist.\n")
        apply_sentence(tree, sentence, "model")
        assert tree.getroot().find(".//artikel/al").text == expected, text
