"""The collector paused over work that keeps what it makes (consolidator/collector.py)."""
from __future__ import annotations

import gc

import pytest

from consolidator import collector


def _in_generation(obj, generation: int) -> bool:
    return any(found is obj for found in gc.get_objects(generation=generation))


@pytest.fixture()
def promotions(monkeypatch):
    """The collector on, and the blocks ``_promote`` was called after (what it does is
    tested on its own)."""
    was_on = gc.isenabled()
    gc.enable()
    called: list = []
    monkeypatch.setattr(collector, "_promote", lambda: called.append(gc.isenabled()))
    yield called
    if not was_on:
        gc.disable()


def test_paused_inside_back_on_after_also_after_an_error(promotions):
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused(kept=True):  # a nested block leaves it to the outermost
            pass
        assert not gc.isenabled()
    assert gc.isenabled() and promotions == []
    with pytest.raises(ValueError), collector.paused(kept=True):
        raise ValueError("x")
    assert gc.isenabled() and promotions == []  # what failed is not kept


def test_what_a_block_keeps_is_promoted_before_the_collector_is_back(promotions):
    with collector.paused(kept=True):
        pass
    assert promotions == [False] and gc.isenabled()


def test_a_collector_that_was_off_stays_off_and_nothing_moves(promotions):
    gc.disable()
    with collector.paused(kept=True):
        pass
    assert not gc.isenabled() and promotions == []
    gc.enable()


def test_promote_moves_every_tracked_object_to_the_oldest_generation():
    made = [[number] for number in range(100)]
    frozen = gc.get_freeze_count()
    collector._promote()
    if frozen:  # Python 3.12 starts with objects frozen: they stay so, and nothing moves
        assert gc.get_freeze_count() == frozen and not _in_generation(made, 2)
        return
    assert _in_generation(made, 2) and _in_generation(made[0], 2)
    assert gc.get_freeze_count() == 0  # nothing left frozen


def test_objects_someone_else_froze_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        collector._promote()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
