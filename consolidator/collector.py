"""Python's cyclic garbage collector, paused over work that allocates much and frees
little through cycles.

Reading an act keeps nearly everything it makes (the act's model); applying an act to
a law makes lxml proxies, slots and targets that are freed by reference counting. The
collections their allocations trigger find next to nothing, yet each old-generation
pass walks every object alive (the act, the parsers' tables): a tenth of the work or
more. Garbage that does form a cycle is collected after, by the next collection.
"""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, back on after if it was on (also on error);
    nested blocks leave it to the outermost."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
