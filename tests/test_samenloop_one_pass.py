"""A samenloop lid is read by the one-pass parser calling the samenloop Transformer at each
reduction (``samenloop._one_pass_parser``). These tests hold it to what Lark's own parse
and the Transformer after it give: the same reading of every samenloop lid of the corpus
acts, the devcorpus and the test texts, and of mutations of them; the same refusals, at
the same position."""
from __future__ import annotations

import json

import pytest
from lark.exceptions import UnexpectedInput

from conftest import ROOT
from corpus_calls import first_arguments
from mutations import mutated
from consolidator.read import grammars, onepass, samenloop, samenloopact

BILL = ("het bij koninklijke boodschap van 3 juni 2022 ingediende voorstel van wet tot wijziging "
        "van de Proefwet (differentiatie subsidie) (Kamerstukken 36 301)")
OWN = [
    f"Indien {BILL} tot wet is of wordt verheven en die wet later in werking treedt dan deze "
    "wet, wordt die wet als volgt gewijzigd:",
    f"Indien {BILL} tot wet is of wordt verheven en artikel I van die wet:",
    "eerder in werking treedt of is getreden dan artikel II van deze wet, wordt deze wet als "
    "volgt gewijzigd:",
    "Indien de Wet van 1 maart 2024 tot wijziging van de Proefwet (Stb. 2024, 88) in werking "
    "treedt, wordt deze wet als volgt gewijzigd:",
]


def _lids() -> list[str]:
    """The text of every samenloop lid the corpus acts, the devcorpus and ``OWN`` hold."""
    lids = list(OWN)

    for text in first_arguments(samenloopact, "read_samenloop"):
        lids.extend(line for line in text.split("\n") if line.strip())
    with (ROOT / "tests" / "fixtures" / "devcorpus" / "sentences.jsonl").open(encoding="utf-8") as f:
        lids.extend(r["text"] for r in map(json.loads, f) if r["expect"]["kind"] == "samenloop")
    return sorted(set(lids))


LIDS = _lids()


def _mutated(texts: list[str], count: int) -> list[str]:
    return mutated(texts, count, 11, ["(", ")", ",", "en", "wet", "deze", "die", ":"])


def _lark_reading(body: str):
    """Lark's parse, then the Transformer: what the one-pass parser must give."""
    return samenloop._Builder().transform(grammars.samenloop_parser().parse(body))


def _one_pass_reading(body: str):
    parser = samenloop._one_pass_parser()
    parser.builder.failure = None
    built = parser.parse(body)
    assert parser.builder.failure is None, body
    return built.value


def _bodies(texts: list[str]) -> list[str]:
    bodies = []
    for text in texts:
        number = samenloop._LID_NUMBER.match(text)
        bodies.append(text[number.end():] if number else text)
    return bodies


def test_there_are_lids_to_compare():
    assert len(LIDS) >= 10


@pytest.fixture(params=[(10 ** 9, 10 ** 9), (1, 10 ** 9), (10 ** 9, 1)],
                ids=["reduction-by-reduction", "planned", "compiled"])
def compile_at(request, monkeypatch):
    """The parser with every shape run reduction by reduction, or planned (``shapeplan``)
    or compiled (``shapecode``) when first met."""
    parser = samenloop._one_pass_parser()
    monkeypatch.setattr(onepass, "_PLAN_AT", request.param[0])
    monkeypatch.setattr(onepass, "_COMPILE_AT", request.param[1])
    parser.forget()
    yield request.param
    parser.forget()


@pytest.mark.parametrize("texts", [LIDS, _mutated(LIDS, 600)], ids=["lids", "mutations"])
def test_the_one_pass_reading_is_lark_s(texts, compile_at):
    read = refused = 0
    for body in _bodies(texts):
        try:
            expected = _lark_reading(body)
        except UnexpectedInput as exc:
            with pytest.raises(UnexpectedInput) as info:
                _one_pass_reading(body)
            assert type(info.value) is type(exc), body
            assert info.value.pos_in_stream == exc.pos_in_stream, body
            refused += 1
            continue
        assert _one_pass_reading(body) == expected, body
        read += 1
    assert read >= 10
    assert texts is LIDS or refused >= 50
