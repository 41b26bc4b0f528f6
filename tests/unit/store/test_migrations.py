"""Migrations: a newer database is refused; real older files keep opening.

``tests/data/rondplan-0001_initial.db`` (with its ``.keys`` and ``.audit``) is a real
encrypted database of schema revision ``0001_initial``, filled with 60 demo persons.
Every account in it has the demo password ``demo-lösenord-2026``
(``desktop.services.demo.DEMO_PASSWORD``); its keyslots use the cheap test KDF.
Keep it: each future migration must upgrade it. Rebuild it only for a new fixture
revision, with ``python -m tests.unit.store.test_migrations``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.models import Delivery, Note, Person, Visit
from desktop.services.demo import DEMO_PASSWORD, generate_demo
from desktop.store import migrate
from desktop.store.audit_chain import checkpoint_path
from desktop.store.database import LockedDatabase
from desktop.store.engine import connect_raw
from desktop.store.errors import NewerDatabase
from desktop.store.keyslots import keyslot_path
from tests.factories import fresh_database, login

DATA = Path(__file__).resolve().parents[2] / "data"
FIXTURE_REVISION = "0001_initial"
FIXTURE = DATA / f"rondplan-{FIXTURE_REVISION}.db"
FIXTURE_PERSONS = 60


def _copy_fixture(dest_dir: Path) -> Path:
    """A working copy: the fixture in tests/data/ is never opened in place."""
    dest = dest_dir / FIXTURE.name
    for src in (FIXTURE, keyslot_path(FIXTURE), checkpoint_path(FIXTURE)):
        shutil.copyfile(src, dest_dir / src.name)
    return dest


def test_a_database_newer_than_the_app_is_refused(tmp_path):
    fresh = fresh_database(tmp_path)
    fresh.admin.lock()
    keys = LockedDatabase(fresh.path).unlock_with_recovery(fresh.recovery_code)
    conn = connect_raw(fresh.path, keys.data_key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerDatabase) as caught:
        login(fresh.path, "admin")
    assert caught.value.code == "store.newer_database"
    # Refused before anything was written: no backup, no migration, no downgrade.
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        n for n in before if not n.endswith(("-wal", "-shm"))
    ]
    conn = connect_raw(fresh.path, keys.data_key)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        "9999_from_the_future"
    )
    conn.close()


def test_the_fixture_is_in_git_and_not_ignored():
    for path in (FIXTURE, keyslot_path(FIXTURE), checkpoint_path(FIXTURE)):
        assert path.exists(), path
    assert FIXTURE.stat().st_size < 2_000_000  # small enough to keep in the repository


def test_the_stored_fixture_opens_and_migrates_to_head(tmp_path):
    path = _copy_fixture(tmp_path)
    store = LockedDatabase(path).unlock("samordnare.soc", DEMO_PASSWORD)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.read_session() as s:
        assert s.execute(select(func.count()).select_from(Person)).scalar_one() == (FIXTURE_PERSONS)
        assert s.execute(select(func.count()).select_from(Visit)).scalar_one() >= 36
        assert s.execute(select(func.count()).select_from(Delivery)).scalar_one() > 0
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        note_id, blob = s.execute(
            select(Note.id, Note.ciphertext).where(Note.agency_id == store.identity.agency_id)
        ).first()
    # The compartment key in the old keyslot still opens the old notes.
    assert store.compartment("social").decrypt(blob, f"note:{note_id}")
    store.lock()
    if migrate.head_revision() != FIXTURE_REVISION:
        # An upgrade ran, so an encrypted backup of the old revision was made first.
        assert list(tmp_path.glob(f"*före-{FIXTURE_REVISION}-*.db"))


def build_fixture() -> None:
    """Write the fixture for the current head revision (run by hand, see the docstring)."""
    os.environ["RONDPLAN_TEST_KDF"] = "1"
    target = DATA / f"rondplan-{migrate.head_revision()}.db"
    for leftover in (target, keyslot_path(target), checkpoint_path(target)):
        leftover.unlink(missing_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)
    generate_demo(target, persons=FIXTURE_PERSONS, seed=1, today=dt.date(2026, 11, 18))
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    build_fixture()
