"""Python's cyclic garbage collector, paused over work that allocates much and frees
little through cycles.

Reading an act keeps nearly everything it makes (the act's model); applying an act to
a law makes lxml proxies, slots and targets that are freed by reference counting. The
collections their allocations trigger find next to nothing, yet each old-generation
pass walks every object alive (the act, the parsers' tables): a tenth of the work or
more. Garbage that does form a cycle is collected after, by the next collection.

What a paused block keeps (``kept``) would still be traced once, by the first pass
after the block: some 33,000 objects for an act of 2,000 onderdelen, 5–10 ms, all found
alive. They go to the oldest generation instead, untraced, where everything that lives
long ends up anyway (``_promote``).
"""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused(kept: bool = False) -> Iterator[None]:
    """The collector off inside the block, back on after if it was on (also on error);
    nested blocks leave it to the outermost. ``kept``: what the block makes is kept (an
    act's model), so after a block that ends normally it is moved to the oldest
    generation rather than traced by the next pass."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        if was_on:
            gc.enable()
        raise
    if was_on:
        if kept:
            _promote()
        gc.enable()


def _promote() -> None:
    """Every object the collector tracks moved to its oldest generation without being
    traced: ``gc.freeze()`` puts them all in the permanent generation, ``gc.unfreeze()``
    puts that into the oldest one (Python's only way to move objects between
    generations). Cyclic garbage among them waits for the next full collection. Not done
    when objects are frozen already: unfreezing would thaw what someone else froze (a
    server that froze its objects before forking)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
