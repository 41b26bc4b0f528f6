"""Start-up of the frozen one-folder build against the source install, same run.

Both are timed from spawn to the first paint of the login window with the hidden
``--startup-probe`` option. Needs a build: ``bash packaging/build_linux.sh``.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from benchmarks.bench_startup import spawn_to_paint
from benchmarks.core import Figure

BUNDLE = Path(__file__).resolve().parent.parent / "build" / "dist" / "Rondplan" / "rondplan"


def figures(quick: bool) -> list[Figure]:
    if not BUNDLE.exists():
        print(f"bench_frozen: no build at {BUNDLE}; run packaging/build_linux.sh", file=sys.stderr)
        return []
    runs = 3 if quick else 7
    source = [sys.executable, "-m", "desktop.cli", "--startup-probe"]
    frozen = [str(BUNDLE), "--startup-probe"]
    spawn_to_paint(source)
    spawn_to_paint(frozen)
    source_s = statistics.median(spawn_to_paint(source) for _ in range(runs))
    frozen_s = statistics.median(spawn_to_paint(frozen) for _ in range(runs))
    return [
        Figure(
            "frozen one-folder build: start to login window",
            frozen_s * 1000,
            "ms",
            "≤ 1.5 × source install (no unpacking delay)",
            frozen_s <= 1.5 * source_s,
            floor=source_s * 1000,
            floor_name="source install, same probe",
        )
    ]
