"""More of the apply engine's shortcuts held to the general way they stand for: the gaps
and doubles of a numbered group, and the numbers a renumbering's check reads once."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from consolidator.apply import numbering as N
from consolidator.law import history as H
from consolidator.law.elements import is_repealed, make_li, make_lid, make_lijst

# numbers of every shape a group may hold: plain, with «°», letters, zero, other digits,
# roman, empty, repeated
_LABELS = st.sampled_from(["1", "2", "3", "4", "5", "7", "0", "12", "1°", "2°", "4°", "°",
                           "a", "b", "c", "e", "z", "aa", "2a", "٣", "III", "", "b."])


def _gaps_by_definition(numbers: list[str]) -> tuple[str, ...]:
    """``numbering._gaps`` as first written: every value below the highest that is not
    there, whatever else holds."""
    values, letters = set(), None
    for label in numbers:
        digits = label[:-1] if label.endswith("°") else label
        if digits.isdecimal():
            values.add(int(digits))
            letters = False if letters is None else letters
        elif len(label) == 1 and "a" <= label <= "z":
            values.add(ord(label) - ord("a") + 1)
            letters = True if letters is None else letters
    if not values:
        return ()
    missing = sorted(set(range(1, max(values) + 1)) - values)
    return tuple(chr(ord("a") + n - 1) if letters else str(n) for n in missing)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LABELS, max_size=8))
def test_gaps_are_the_values_missing_below_the_highest(numbers):
    assert N._gaps(numbers) == _gaps_by_definition(numbers)


def test_gaps_of_a_complete_group_and_of_one_with_a_hole():
    assert N._gaps(["1", "2", "3"]) == ()
    assert N._gaps(["0", "2"]) == ("1",)  # two values, the highest 2, and still a gap
    assert N._gaps(["a", "c"]) == ("b",)


def _group(draw_numbers, repealed, tag):
    """An artikel holding leden (or a lijst holding items) of the numbers given, those
    flagged repealed marked so, with a kop or a label among them."""
    if tag == "lid":
        holder = etree.Element("artikel")
        etree.SubElement(etree.SubElement(holder, "kop"), "nr").text = "9"
        for number, gone in zip(draw_numbers, repealed):
            lid = make_lid(number, ["Tekst."])
            holder.append(lid)
            if gone:
                H.mark_repealed(lid, None, "")
    else:
        holder = make_lijst()
        for number, gone in zip(draw_numbers, repealed):
            li = make_li(f"{number}." if number else "", "tekst;")
            holder.append(li)
            if gone:
                H.mark_repealed(li, None, "")
    return holder


def _state_by_definition(container, tag):
    """``group_state`` as first written: each number read by ``number_of``, the doubles
    counted among the live ones."""
    numbers, live = [], []
    for child in container:
        if child.tag == tag:
            number = N.number_of(child)
            numbers.append(number)
            if not is_repealed(child):
                live.append(number)
    doubles = tuple(sorted({n for n in live if n and live.count(n) > 1}))
    return _gaps_by_definition(numbers), doubles


@settings(max_examples=400, deadline=None)
@given(numbers=st.lists(_LABELS, max_size=6), data=st.data(),
       tag=st.sampled_from(["lid", "li"]))
def test_group_state_is_the_definition(numbers, data, tag):
    repealed = data.draw(st.lists(st.booleans(), min_size=len(numbers), max_size=len(numbers)))
    holder = _group(numbers, repealed, tag)
    assert N.group_state(holder, tag) == _state_by_definition(holder, tag)


@settings(max_examples=400, deadline=None)
@given(numbers=st.lists(_LABELS, min_size=1, max_size=6), data=st.data(),
       tag=st.sampled_from(["lid", "li"]))
def test_live_twins_reading_once_is_reading_each_time(numbers, data, tag):
    """With ``read`` (as the renumbering's check passes it to each target), every number,
    the element's own included, is what a fresh read gives."""
    repealed = data.draw(st.lists(st.booleans(), min_size=len(numbers), max_size=len(numbers)))
    holder = _group(numbers, repealed, tag)
    kids = [c for c in holder if c.tag == tag]
    read: dict = {}
    for el in data.draw(st.permutations(kids)):
        assert N.number_read(el, read) == N.number_of(el)
        assert N.live_twins(el, None, read) == N.live_twins(el)
