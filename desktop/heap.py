"""The interpreter's heap after start-up: kept out of the cyclic garbage collector.

At start the application holds about 180,000 objects the collector tracks (modules,
classes, SQLAlchemy's mappers and compiled statements) that live until it exits. Every
full collection walks all of them: about 70 ms on this machine, and a month of the
calendar (4,000 rows, each a few tracked objects) triggers one every few months read
(issue 19: the calendar's p95 was twice its p50 for that alone). Frozen once the heavy
modules are loaded, they are left out of every later collection; what start-up left
unreachable is collected first so it is not kept forever.

The youngest generation is then collected after ``YOUNG_THRESHOLD`` new tracked objects
instead of Python's 700: reading a month of the calendar allocates about 20,000 (the
driver's tuples, the rows, their dicts), which ran about 20 young and 2 middle
collections per month read, about an eighth of its client time. Rows seldom form cycles, and
whatever is not in a cycle is freed by reference counting at once, whatever the
threshold.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Collect what start-up left behind, freeze what remains (gc.freeze), and collect
    the youngest generation less often (see the module's text)."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
