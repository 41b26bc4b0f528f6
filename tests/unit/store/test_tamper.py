"""Damage from outside: a tampered page, a locked file, a full disk.

Each ends in one clear message (a StoreError's Swedish sentence) and loses nothing that
was committed before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.models import Person
from desktop.services.uow import UnitOfWork
from desktop.store import engine as engine_module
from desktop.store.engine import storage_errors
from desktop.store.errors import CorruptDatabase, DatabaseLocked, DiskFull, NotADatabase
from desktop.store.keyslots import keyslot_path
from tests.factories import fresh_database, login

PAGE = 4096
ROWS = 300


def _filled(tmp_path: Path) -> Path:
    fresh = fresh_database(tmp_path)
    with UnitOfWork(fresh.admin, "Fyll") as uow:
        for i in range(ROWS):
            uow.session.add(Person(first_name="Tamper", last_name=f"Test {i}", aliases="x" * 200))
        uow.audit("person.create", "person")
    fresh.admin.lock()
    assert not fresh.path.with_name(fresh.path.name + "-wal").exists()  # checkpointed on lock
    return fresh.path


def _copy(src: Path, dest: Path) -> Path:
    shutil.copyfile(src, dest)
    shutil.copyfile(keyslot_path(src), keyslot_path(dest))
    return dest


def _persons(path: Path) -> int:
    store = login(path, "admin")
    with store.read_session() as s:
        count = s.execute(select(func.count()).select_from(Person)).scalar_one()
    store.lock()
    return count


def _every_table(store) -> list[str]:  # type: ignore[no-untyped-def]
    """Read every row of every table; returns what cipher_integrity_check reports."""
    with storage_errors(), store.read_session() as s:
        report = [row[0] for row in s.execute(text("PRAGMA cipher_integrity_check"))]
        tables = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars()
        for table in list(tables):
            s.execute(text(f'SELECT * FROM "{table}"')).all()
    return report


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_flipped_page_is_reported_and_the_copy_is_intact(tmp_path, where):
    path = _filled(tmp_path)
    original = _copy(path, tmp_path / "kopia.db")
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    page = {"first": 0, "middle": pages // 2, "last": pages - 1}[where]
    for i in range(16):
        data[page * PAGE + 1000 + i] ^= 0xFF
    path.write_bytes(bytes(data))

    caught: Exception | None = None
    try:
        store = login(path, "admin")
    except (CorruptDatabase, NotADatabase) as exc:
        caught = exc
    else:
        try:
            report = _every_table(store)
        except CorruptDatabase as exc:
            caught = exc
        else:
            # Not read by any query (e.g. a free page): the cipher check still names it.
            assert any(f"page {page + 1}" in line for line in report), report
        finally:
            store.lock()
    if caught is not None:
        assert caught.code in ("store.corrupt", "store.not_a_database")
    # Detection never rewrites the damaged file, and the copy has everything.
    assert path.read_bytes() == bytes(data)
    assert _persons(original) == ROWS


def test_a_locked_file_says_so_and_succeeds_once_released(tmp_path, monkeypatch):
    path = _filled(tmp_path)
    holder = login(path, "admin")
    # Shrink the busy timeout for the waiting side only, so the test stays quick.
    pragmas = tuple(
        "PRAGMA busy_timeout = 200" if p.startswith("PRAGMA busy_timeout") else p
        for p in engine_module.PRAGMAS
    )
    monkeypatch.setattr(engine_module, "PRAGMAS", pragmas)
    waiter = login(path, "admin")
    session = holder.write_session()
    session.begin()
    session.add(Person(first_name="Håller", last_name="Låset"))
    session.flush()  # BEGIN IMMEDIATE: the write lock is held from here
    with pytest.raises(DatabaseLocked) as caught, UnitOfWork(waiter, "Vänta") as uow:
        uow.session.add(Person(first_name="Väntar", last_name="Förgäves"))
        uow.session.flush()
    assert caught.value.code == "store.locked"
    session.commit()
    session.close()
    with UnitOfWork(waiter, "Efteråt") as uow:
        uow.session.add(Person(first_name="Efter", last_name="Låset"))
        uow.audit("person.create", "person")
    holder.lock()
    waiter.lock()
    assert _persons(path) == ROWS + 2


def test_a_full_disk_saves_nothing_new_and_loses_nothing_old(tmp_path, monkeypatch):
    path = _filled(tmp_path)
    pages = path.stat().st_size // PAGE
    # SQLite's own limit gives the same "database or disk is full" as a full disk.
    pragmas = (*engine_module.PRAGMAS, f"PRAGMA max_page_count = {pages + 2}")
    monkeypatch.setattr(engine_module, "PRAGMAS", pragmas)
    store = login(path, "admin")
    with pytest.raises(DiskFull) as caught, UnitOfWork(store, "För stor") as uow:
        for i in range(50):
            uow.session.add(Person(first_name="Full", last_name=f"Disk {i}", aliases="y" * 4000))
        uow.audit("person.create", "person")
    assert caught.value.code == "store.disk_full"
    store.lock()
    monkeypatch.undo()
    assert _persons(path) == ROWS
    store = login(path, "admin")
    with store.read_session() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert s.scalars(select(Person.id).where(Person.first_name == "Full")).all() == []
    with UnitOfWork(store, "Efteråt") as uow:  # and the database still takes writes
        uow.session.add(Person(first_name="Plats", last_name="Igen"))
        uow.audit("person.create", "person")
    store.lock()
    assert _persons(path) == ROWS + 1
