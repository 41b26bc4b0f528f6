"""Revocation: deactivating a user with key rotation, at 100,000 persons.

A deactivation rekeys the whole file (``PRAGMA rekey``) and rotates the user's
compartment key, re-encrypting that compartment's notes (docs/security.md,
"Revocation"). The database is the demo generator's, as for the dashboard (the same
cache, ``RONDPLAN_BENCH_CACHE``); each run deactivates a social-services officer in a
fresh copy, as the demo administrator (same agency: no recovery code needed). The
floor is a plain file copy of the same database in the same run (the rekey rewrites
every page once). ``--quick`` uses 20,000 persons. The budget: DESIGN.md sets none;
an administrator waits for it once per departure, so 2 minutes is the line drawn here.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_dashboard import _database
from benchmarks.core import Figure

BUDGET_S = 120.0
REVOKED = "handlaggare.soc"


def _copy(path: Path, folder: Path) -> Path:
    dest = folder / "revocation.db"
    for suffix in ("", ".keys", ".audit"):
        src = path.with_name(path.name + suffix)
        if src.exists():
            shutil.copyfile(src, dest.with_name(dest.name + suffix))
    return dest


def measure(path: Path, folder: Path) -> tuple[float, float, int]:
    """(seconds to deactivate with rotation, seconds to copy the file, notes re-encrypted)."""
    from sqlalchemy import func, select

    from desktop.models import Agency, Note, User
    from desktop.services.demo import DEMO_PASSWORD
    from desktop.services.security import SecurityServices
    from desktop.store.database import LockedDatabase

    started = time.perf_counter()
    copy = _copy(path, folder)
    floor = time.perf_counter() - started
    store = LockedDatabase(copy).unlock("admin", DEMO_PASSWORD)
    try:
        security = SecurityServices.build(store)
        security.session.record_login()
        with store.read_session() as session:
            user_id = session.scalar(select(User.id).where(User.username == REVOKED))
            notes = session.scalar(
                select(func.count())
                .select_from(Note)
                .join(Agency, Agency.id == Note.agency_id)
                .where(Agency.code == "social")
            )
        started = time.perf_counter()
        security.users.deactivate(user_id)
        value = time.perf_counter() - started
    finally:
        store.lock()
    # The rotation took: the administrator gets in with the new key.
    LockedDatabase(copy).unlock("admin", DEMO_PASSWORD).lock()
    return value, floor, int(notes or 0)


def figures(quick: bool) -> list[Figure]:
    persons = 20_000 if quick else 100_000
    cache = os.environ.get("RONDPLAN_BENCH_CACHE")
    folder = Path(cache) if cache else Path(tempfile.mkdtemp(prefix="rondplan-revoke-"))
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rondplan-revoke-run-"))
    try:
        path = _database(folder, persons)
        value, floor, notes = measure(path, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not cache:
            shutil.rmtree(folder, ignore_errors=True)
    label = f"{persons:,}".replace(",", " ")
    print(f"revocation: {notes} social notes re-encrypted", file=sys.stderr)
    return [
        Figure(
            name=f"deactivate a user with key rotation, {label} persons",
            value=value,
            unit="s",
            budget=f"≤ {BUDGET_S:.0f} s",
            ok=value <= BUDGET_S,
            floor=floor,
            floor_name="copying the database file, same run",
        )
    ]
