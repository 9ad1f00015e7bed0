"""ARTIKEL kinds: what positively makes an article transitional, and the guard that an
article which reads like an amendment, an entry into force, a samenloop clause or an
intrekking is never quietly passed over as «transition» or «other» (read/kinds.py)."""
from __future__ import annotations

import pytest

from consolidator.errors import ActSyntaxError
from consolidator.model import DeleteElement
from consolidator.read.act import parse_act

HEAD = "Wet van 1 maart 2000 tot wijziging van enige wetten\n\n"


def act(*articles: str):
    """An act with ARTIKEL I, II, … holding the given texts."""
    numbers = ["I", "II", "III", "IV"]
    body = "".join(f"ARTIKEL {n}\n\n{text}\n\n" for n, text in zip(numbers, articles))
    return parse_act(HEAD + body, source="act.txt")


def kinds(parsed) -> list[str]:
    return [a.kind for a in parsed.articles]


def test_transition_needs_a_positive_mark():
    parsed = act("Een aanvraag die is ingediend voor de inwerkingtreding van deze wet, wordt "
                 "afgehandeld volgens het recht zoals dat luidde voor dat tijdstip.",
                 "Op een besluit genomen voor 1 januari 2001 blijft artikel 5 van toepassing.",
                 "Onze Minister van Justitie is belast met de uitvoering van deze wet.",
                 "Deze wet wordt aangehaald als: Wet proef.")
    assert kinds(parsed) == ["transition", "transition", "other", "other"]


def test_entry_into_force_of_a_regeling_is_not_transition():
    parsed = act("Deze regeling treedt in werking met ingang van 1 januari 2020.",
                 "Dit besluit treedt in werking met ingang van de dag na de datum van "
                 "uitgifte van de Staatscourant waarin het wordt geplaatst.")
    assert kinds(parsed) == ["entry-into-force", "entry-into-force"]


def test_an_instruction_outside_the_known_openings_is_read_not_passed_over():
    parsed = act("Artikel 5 van het Besluit tarieven vervalt.")
    article = parsed.articles[0]
    assert article.kind == "amend" and article.law.name == "Besluit tarieven"
    assert isinstance(article.instructions[0], DeleteElement)


def test_an_unreadable_instruction_is_an_error_not_transition():
    with pytest.raises(ActSyntaxError) as err:
        act("Artikel 5 van het Besluit tarieven vervalt telkens per kwartaal.")
    assert "cannot read instruction" in str(err.value) and err.value.line == 5


def test_a_hoofdstuk_line_that_is_an_instruction_is_not_a_chapter_of_the_act():
    parsed = act("Hoofdstuk 4 van het Besluit tarieven vervalt.")
    article = parsed.articles[0]
    assert (article.kind, article.law.name, article.chapter) == ("amend", "Besluit tarieven", "")
    assert isinstance(article.instructions[0], DeleteElement)


def test_an_intrekking_is_read_and_one_that_cannot_be_is_an_error():
    assert kinds(act("De Wet op de proefnemingen wordt ingetrokken.")) == ["repeal"]
    with pytest.raises(ActSyntaxError) as err:
        act("De Wet op de proefnemingen wordt ingetrokken met ingang van het tweede jaar na "
            "de bekendmaking.")
    assert "withdrawal (intrekking)" in str(err.value)


def test_a_samenloop_with_an_instruction_inside_is_read_not_skipped():
    # time-acts: the samenloop grammar reads the condition, the instruction is read in the
    # usual order and applies to the Wet proef when the condition holds (test_acts_time.py)
    text = ("Indien het bij koninklijke boodschap van 9 maart 1995 ingediende voorstel van wet "
            "(24 112) tot wet is verheven en in werking is getreden, wordt in artikel 5 van de "
            "Wet proef «de burgemeester» vervangen door «het college».")
    article = act(text).articles[0]
    assert (article.kind, article.condition.kind, article.law.name) == (
        "samenloop", "in-force", "Wet proef")
    assert [i.kind for i in article.instructions] == ["replace-words"]
    with pytest.raises(ActSyntaxError) as err:
        act(text.replace("vervangen door", "vervangen met"))
    assert "reads like an amendment instruction, but cannot be read" in str(err.value)


def test_an_instruction_in_a_later_lid_of_a_plain_article_is_an_error():
    with pytest.raises(ActSyntaxError) as err:
        act("1. Op een besluit genomen voor 1 januari 2001 blijft artikel 5 van toepassing.\n\n"
            "2. In artikel 6 van de Wet proef wordt «acht» vervangen door «negen».")
    assert "ARTIKEL I: this paragraph reads like an amendment instruction" in str(err.value)
    assert err.value.line == 7


def test_collecting_mode_keeps_the_error_and_goes_on():
    errors: list = []
    text = HEAD + ("ARTIKEL I\n\nDe Wet op de proefnemingen wordt ingetrokken per kwartaal.\n\n"
                   "ARTIKEL II\n\nDeze wet treedt in werking met ingang van 1 januari 2001.\n")
    parsed = parse_act(text, errors=errors)
    assert [e.place.article for e in errors] == ["I"]
    assert kinds(parsed)[1] == "entry-into-force"


def test_rules_of_a_new_law_with_vervalt_are_not_instructions():
    # «vervalt» in a rule of the act's own (no element of a regulation named) is no change
    parsed = act("De aanspraak op een vergoeding vervalt na vijf jaar.")
    assert kinds(parsed) == ["other"]


def test_entry_into_force_spelled_otherwise_or_with_a_citeertitel():
    parsed = act("Deze regeling treedt inwerking met ingang van 1 januari 2020.",
                 "Deze wet treedt in werking met ingang van 1 januari 2020 en wordt aangehaald "
                 "als: Wet proef.",
                 "Dit besluit geldt met ingang van 1 januari 2020.",
                 "Deze wet vervalt met ingang van 1 januari 2030.")
    assert kinds(parsed) == ["entry-into-force"] * 4
