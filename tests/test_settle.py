"""The timing settled once across acts (time/settle.py) and one law's plan advanced date by
date (time/lawplan.py) give, on every knowledge date, what ``plan`` gives over every act:
the same events in the same order, with the same reasons, and the same notes. Over the
fixture acts (decrees, acts that amend acts, novelles, samenloop models, withdrawals, tied
dates, retroactivity) in many combinations, with and without facts, and over the corpus."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from conftest import ROOT
from consolidator.errors import ConsolidatorError
from consolidator.read.act import parse_act_file
from consolidator.read.select import law_names
from consolidator.time.facts import ActFact, load_facts
from consolidator.time.lawplan import LawPlanner
from consolidator.time.settle import Settled, knowledge_dates
from consolidator.time.timeline import plan

D = dt.date
ACTS = ROOT / "tests" / "fixtures" / "acts"
TIME = ROOT / "tests" / "fixtures" / "time"
_PARSED: dict = {}


def _act(folder, name):
    key = (folder, name)
    if key not in _PARSED:
        _PARSED[key] = parse_act_file(folder / f"{name}.txt")
    return _PARSED[key]


def _shown(events) -> list:
    return [(e.valid_from, e.label, e.reason, e.parts, e.act_key, e.amended) for e in events]


def _outcome(fn):
    try:
        return fn()
    except ConsolidatorError as exc:
        return ("error", type(exc).__name__, str(exc))


def assert_same_as_plan(acts, facts, names) -> int:
    """Every knowledge date: the planner (advanced over its own dates only) equals
    ``plan`` over all acts; the number of dates the planner skipped."""
    settled = _outcome(lambda: Settled(acts, facts))
    if isinstance(settled, tuple):  # settling refuses: so does plan, on some date
        assert any(isinstance(_outcome(lambda: plan(names, acts, facts, d)), tuple)
                   for d in knowledge_dates(acts)), settled
        return 0
    planner = LawPlanner(settled, names)
    previous, skipped = [], 0
    for date in knowledge_dates(acts):
        expected = _outcome(lambda: plan(names, acts, facts, date))
        if date in planner.dates:
            first = _outcome(lambda: planner.advance(date))
            if isinstance(expected, tuple) or isinstance(first, tuple):
                assert first == expected or isinstance(expected, tuple), (date, first, expected)
                return skipped
            assert first == _first_difference(previous, expected.events), date
        else:
            skipped += 1
            if isinstance(expected, tuple):
                raise AssertionError(f"plan refuses on {date}, a date the planner skips: "
                                     f"{expected}")
        assert _shown(planner.events()) == _shown(expected.events), date
        assert planner.notes() == expected.notes, date
        previous = expected.events
    return skipped


def _first_difference(before, after):
    differing = set(before) ^ set(after)
    return min((e.valid_from for e in differing), default=None)


FIXTURE_SETS = [
    ("stb-2024-88",), ("stb-2024-88", "stb-2024-150"), ("stb-2024-70",),
    ("stb-2024-88", "stb-2024-150", "stb-2024-120"), ("stb-2024-88", "stb-2024-150", "stb-2024-300"),
    ("stb-2024-190", "stb-2024-200"), ("stb-2024-400", "stb-2024-200"),
    ("stb-2024-410", "stb-2024-200"), ("stb-2024-420", "stb-2024-200"),
    ("stb-2024-400", "kst-36301"), ("stb-2024-420", "kst-36301", "stb-2024-190"),
    ("stb-2024-600", "stb-2024-650"), ("stb-2024-700", "stb-2024-88", "stb-2024-150"),
    ("stb-2024-800",), ("stb-2024-88", "stb-2024-150", "stb-2024-500"), ("stb-2025-10",),
    # a samenloop condition on a bill published later: «as known on …» on every date between
    ("stb-2024-400", "stb-2024-800", "stb-2024-88", "stb-2024-150"),
    ("stb-2024-410", "stb-2024-800", "stb-2025-10"),
    ("stb-2024-88", "stb-2024-150", "stb-2024-120", "stb-2024-500", "stb-2025-10", "stb-2024-70",
     "stb-2024-800", "stb-2024-600", "stb-2024-650"),
]


def _bill(in_force, published=D(2024, 2, 1)):
    return ActFact(kamerstukken="36 301", title="Proefwet projectsubsidie", published=published,
                   enacted=published, in_force=in_force)


@pytest.mark.parametrize("names", FIXTURE_SETS, ids="+".join)
def test_the_planner_equals_plan_on_every_date(names):
    acts = [_act(ACTS, n) for n in names]
    for facts in ([], [_bill(D(2024, 10, 1))], [_bill(D(2024, 12, 1), D(2024, 7, 1))]):
        assert_same_as_plan(acts, facts, {"proefwet"})


def test_unrelated_acts_are_not_asked_and_their_dates_skipped():
    """Acts about other laws, and their publication dates, cost a law nothing."""
    proef = [_act(ACTS, n) for n in ("stb-2024-88", "stb-2024-150")]
    other = [_act(TIME, n) for n in ("stb-2000-100", "stb-2000-200", "stb-2000-300", "stb-2001-10")]
    acts = other + proef
    assert assert_same_as_plan(acts, [], {"proefwet"}) == 4
    assert assert_same_as_plan(acts, [], {"testwet"}) == 2
    settled = Settled(acts, [])
    assert [a.stb for a in LawPlanner(settled, {"testwet"}).acts] == \
        ["2000, 100", "2000, 200", "2001, 10"]  # the acts that name it; the decree does not
    assert [a.stb for a in settled.relevant({"testwet"})] == \
        ["2000, 100", "2000, 200", "2000, 300", "2001, 10"]  # … but sets a date of one


def test_every_order_of_the_fixture_acts():
    """The order acts are given in decides their order on one day: kept."""
    names = ("stb-2024-88", "stb-2024-150", "stb-2024-120", "stb-2024-70")
    for order in itertools.islice(itertools.permutations(names), 0, None, 5):
        assert_same_as_plan([_act(ACTS, n) for n in order], [], {"proefwet"})


def test_the_corpus():
    acts = [parse_act_file(p) for p in sorted((ROOT / "corpus" / "acts").glob("*.txt"))]
    facts = load_facts(ROOT / "corpus" / "facts.toml")
    from consolidator.law.lawfile import parse_law
    from consolidator.law.toestand import law_title
    for base in sorted(ROOT.glob("corpus/*/base.xml")):
        tree = parse_law(base)
        law_id = tree.getroot().get("bwb-id") or base.parent.name
        assert_same_as_plan(acts, facts, law_names(law_title(tree), law_id))
        assert_same_as_plan(acts, [], law_names(law_title(tree), law_id))
