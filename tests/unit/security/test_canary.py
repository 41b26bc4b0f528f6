"""The canary scan: unique names and note text searched in every file the app writes."""

from __future__ import annotations

import tempfile

import pytest
from sqlalchemy import select

from desktop.models import LegalBasis, Person, RetentionCategory
from desktop.services.security import SecurityServices
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from desktop.store.errors import WrongPassword
from tests.factories import PASSWORD, fresh_with_users, locked, login

CANARIES = ("Xylofonia", "Qwertzbäck", "Trumpetlöv", "Fagottgränd 17")


def _needles():
    for canary in CANARIES:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "latin-1"):
            try:
                yield canary.encode(encoding)
            except UnicodeEncodeError:
                continue
        yield canary.casefold().encode("utf-8")


def _scan(folder):
    hits = []
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        hits += [(path.name, needle) for needle in _needles() if needle in data]
    return hits, files


def test_no_canary_in_any_written_file(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name=CANARIES[0], last_name=CANARIES[1], aliases=CANARIES[2])
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    # A mistyped user name that happens to be a person's name.
    with pytest.raises(WrongPassword):
        locked(fresh.path).unlock(CANARIES[0], "fel lösenord igen")
    social = login(fresh.path, "officer_social")
    NotesService(social).publish_agency_keys()
    social.lock()
    police = login(fresh.path, "officer_police")
    notes = NotesService(police)
    note = notes.write_note(f"Bor på {CANARIES[3]} med {CANARIES[1]}", person_id=person_id)
    notes.disclose(next(iter(note.ids_of("note"))), "social", LegalBasis.CONSENT, "Samtycke finns")
    assert notes.search_notes(CANARIES[3])
    security = SecurityServices.build(fresh.admin, backup_folder=tmp_path / "kopior")
    security.retention.save_rule(RetentionCategory.VISIT, None, 30, "Lag")
    security.backups.backup_now()
    security.retention.run()
    # Scan while connections are open, so -wal and -shm exist too.
    with police.read_session() as session:
        assert session.scalar(select(Person.first_name)) == CANARIES[0]
        hits, files = _scan(tmp_path)
        names = {p.name for p in files}
    assert not hits, hits
    assert {"rondplan.db", "rondplan.db.keys", "rondplan.db.audit"} <= names
    assert any(name.endswith(".rpbak") for name in names)
    police.lock()
    fresh.admin.lock()
    hits, _ = _scan(tmp_path)
    assert not hits, hits
    # And the canary is really there, for those who hold the key.
    store = locked(fresh.path).unlock("officer_social", PASSWORD)
    assert NotesService(store).search_notes(CANARIES[3])
    store.lock()
