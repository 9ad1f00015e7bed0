"""Real instruction sentences from many acts (tests/fixtures/phrasings.txt) parse
into the expected kinds. Every phrasing of the fixture is read: the wordings that once
were gaps here (list forms, clauses of Aanwijzing 6.18 after the verb, «Toegevoegd
wordt», the alphabetical order, parts as a bill proposes them, …) are rules of the
grammar now, with their typed results in tests/test_read_verbs.py, test_read_locators.py
and test_read_regulations.py. What is refused, and why, is listed in the README («What is
not read, and why») and tested there too."""
from __future__ import annotations

import re

import pytest

from consolidator.read.content import content_line
from consolidator.read.paras import Para
from consolidator.read.builder.sentences import Intro
from consolidator.read.instructions import parse_sentence
from consolidator.model import Content, Locator, Step
from phrasings import read_phrasings

PHRASINGS = read_phrasings()


def _context(text: str) -> Locator:
    match = re.match(r"[Aa]rtikel (\S+)", text)
    return Locator((Step("artikel", match.group(1)),)) if match else Locator()


def _kinds(phrasing) -> list[str]:
    lines = tuple(content_line(Para(n, 1, raw.strip(), raw)) for n, raw in
                  enumerate(phrasing.content, start=1))
    parsed = parse_sentence(phrasing.sentence, context=_context(phrasing.context),
                            content=Content(lines))
    return ["intro"] if isinstance(parsed, Intro) else [i.kind for i in parsed.instructions]


def test_fixture_is_substantial():
    assert len(PHRASINGS) >= 100


@pytest.mark.parametrize("phrasing", [pytest.param(p, id=f"line{p.line}") for p in PHRASINGS])
def test_phrasing_parses_to_expected_kinds(phrasing):
    assert _kinds(phrasing) == phrasing.kinds
