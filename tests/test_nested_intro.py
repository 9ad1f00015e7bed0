"""An onderdeel or punt opened by an intro («De Wet X wordt als volgt gewijzigd:»): one that
names the ARTIKEL's own regulation is read, one that names another regulation is refused (never
applied to the ARTIKEL's regulation), and an intro without a place inside a punt does not crash
the reader (a fuzz finding: IndexError in read/body.py)."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.read.act import parse_act

HEAD = """ARTIKEL I

De Wet op het basisonderwijs wordt als volgt gewijzigd:

A

"""


def _parse(body: str):
    return parse_act(HEAD + body, source="test.txt")


def _targets(act):
    return [str(t) for i in act.articles[0].instructions for t in i.targets]


def test_an_onderdeel_naming_its_articles_law_is_read():
    act = _parse("De Wet op het basisonderwijs wordt als volgt gewijzigd:\n\n"
                 "1. Artikel 5, eerste lid, vervalt.\n")
    assert len(_targets(act)) == 1


def test_an_onderdeel_naming_another_law_is_refused():
    with pytest.raises(ActSyntaxError) as caught:
        _parse("De Wet op het primair onderwijs wordt als volgt gewijzigd:\n\n"
               "1. Artikel 5, eerste lid, vervalt.\n")
    message = str(caught.value)
    assert "onderdeel A" in message and "Wet op het primair onderwijs" in message
    assert caught.value.line == 7


def test_a_punt_naming_another_law_is_refused():
    with pytest.raises(ActSyntaxError) as caught:
        _parse("In artikel 5 worden de volgende wijzigingen aangebracht:\n\n"
               "1. De Wet op het primair onderwijs wordt als volgt gewijzigd:\n\n"
               "a. Het eerste lid vervalt.\n")
    assert "punt 1" in str(caught.value) and caught.value.line == 9


def test_a_punt_opening_its_own_law_without_a_place_does_not_crash():
    act = _parse("In artikel 5 worden de volgende wijzigingen aangebracht:\n\n"
                 "1. De Wet op het basisonderwijs wordt als volgt gewijzigd:\n\n"
                 "a. Het eerste lid vervalt.\n")
    assert len(_targets(act)) == 1
