"""Importer memory on any input: the peak RSS of ``rondplan import`` on hostile files.

Budget from DESIGN.md: at most 500 MB RSS on any input file. Each file (a zip
bomb, huge shared strings, 1 MB cells, a 1 GB sparse file, a 19 MB single line,
19 MB of delimiters, the largest file the limits allow, /dev/zero) is imported
with ``--dry-run`` in its own process and measured by wait4's rusage (VmHWM).
The floor is the same command on a two-row CSV: start-up, SQLAlchemy and unlock.
The files are the ones tests/attacks/test_file_hostile_imports.py uses.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from benchmarks.core import Figure

BUDGET_MIB = 500


def figures(quick: bool) -> list[Figure]:
    os.environ.setdefault("RONDPLAN_TEST_KDF", "1")  # the unlock is not what is measured
    from tests.attacks.hostile_files import HOSTILE, run_import
    from tests.factories import PASSWORD, fresh_with_users

    names = list(HOSTILE)
    if quick:
        names = ["zip bomb XLSX", "huge shared strings XLSX", "largest allowed CSV"]
    with tempfile.TemporaryDirectory(prefix="rondplan-bench-import-") as folder:
        root = Path(folder)
        (root / "db").mkdir()
        fresh = fresh_with_users(root / "db")
        fresh.admin.lock()
        user = "coordinator_social"
        small = root / "liten.csv"
        small.write_text("Förnamn;Efternamn\nAnna;Svensson\n", encoding="utf-8")
        floor = run_import(fresh.path, user, PASSWORD, small).peak_mib
        peaks = {"/dev/zero": run_import(fresh.path, user, PASSWORD, "/dev/zero")}
        for name in names:
            path = HOSTILE[name](root)
            peaks[name] = run_import(fresh.path, user, PASSWORD, path, timeout=180)
            path.unlink()
    worst_name, worst = max(peaks.items(), key=lambda item: item[1].peak_mib)
    slowest = max(run.seconds for run in peaks.values())
    refused = all(run.returncode == 1 and "Traceback" not in run.stderr for run in peaks.values())
    return [
        Figure(
            f"importer memory on any input (peak RSS, worst: {worst_name})",
            round(worst.peak_mib, 1),
            "MB",
            f"≤ {BUDGET_MIB} MB",
            worst.peak_mib <= BUDGET_MIB and refused,
            round(floor, 1),
            "a two-row CSV",
        ),
        Figure(
            "importer on hostile input, slowest refusal (incl. start-up)",
            round(slowest, 2),
            "s",
            "for the record",
            True,
        ),
    ]
