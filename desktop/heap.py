"""The interpreter's heap after start-up: kept out of the cyclic garbage collector.

At start the application holds about 180,000 objects the collector tracks (modules,
classes, SQLAlchemy's mappers and compiled statements) that live until it exits. Every
full collection walks all of them: about 70 ms on this machine, and a month of the
calendar (4,000 rows, each a few tracked objects) triggers one every few months read
(issue 19: the calendar's p95 was twice its p50 for that alone). Frozen once the heavy
modules are loaded, they are left out of every later collection; what start-up left
unreachable is collected first so it is not kept forever.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up left behind, then freeze what remains (gc.freeze)."""
    gc.collect()
    gc.freeze()
