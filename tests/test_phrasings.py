"""Real instruction sentences from many acts (tests/fixtures/phrasings.txt) parse
into the expected kinds. Phrasings the grammar does not read yet are listed in
UNSUPPORTED (and in the README); they are strict xfails, so one that starts to
parse fails the suite until it is moved out of the list."""
from __future__ import annotations

import re

import pytest

from consolidator.read.content import content_line
from consolidator.read.paras import Para
from consolidator.read.builder.sentences import Intro
from consolidator.read.instructions import parse_sentence
from consolidator.model import Content, Locator, Step
from phrasings import read_phrasings

#: Fixture lines of phrasings not supported yet, with the construction they need.
UNSUPPORTED = {
    373: "«onder vervanging van …» between verb and object",
    381: "«Onder vernummering …, vervalt in artikel 46 het derde lid» (inverted)",
    448: "«Onder vervanging …, wordt in artikel 1 een onderdeel toegevoegd» (frame after the clause)",
    480: "«vervalt onderdeel c, onder vervanging van … en onder toevoeging van …»",
    604: "«Voorts wordt in het voorgestelde zevende lid (nieuw) …»",
    611: "«het derde subonderdeel, aanhef»",
}

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
    assert len(PHRASINGS) - len(UNSUPPORTED) >= 80


def _param(phrasing):
    reason = UNSUPPORTED.get(phrasing.line)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(phrasing, id=f"line{phrasing.line}", marks=marks)


@pytest.mark.parametrize("phrasing", [_param(p) for p in PHRASINGS])
def test_phrasing_parses_to_expected_kinds(phrasing):
    assert _kinds(phrasing) == phrasing.kinds
