"""A departed user with an old ``.keys`` copy (every backup carries one).

Before issue 15 a deactivation only removed the slot and a password change only
rewrapped it: the old copy of ``.keys`` with the old password still gave the data key
that opens the live file, and compartment keys were never rotated, so the old police
key opened the live police notes for anyone who got the file opened. Now deactivation
(and a password change, if asked) rotates the data key and every compartment key the
account held, and the compartment's notes are re-encrypted: the old copy opens
nothing live. What stays readable: the backups taken before, with their own keys.
"""

from __future__ import annotations

import shutil

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from desktop.models import Person, User
from desktop.services.security import SecurityServices
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from desktop.store.database import LockedDatabase
from tests.attacks.own_keys import own_keys
from tests.factories import PASSWORD, fresh_with_users, login

NEW_PASSWORD = "ett-nytt-och-längre-lösenord-2026"


def _raw(path, key: bytes) -> sqlcipher.Connection | None:
    """The live file opened with ``key`` as an attacker would, or None if it does not open."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        return None
    return conn


def _old_copy(fresh, tmp_path, username: str, password: str):
    """The user's own keys from a copy of ``.keys`` kept aside (e.g. in a backup)."""
    folder = tmp_path / "gammal"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(fresh.path.with_name(fresh.path.name + ".keys"), folder / "kopia.db.keys")
    return lambda: own_keys(folder / "kopia.db", username, password)


def _notes(fresh, writer: str, agency: str) -> tuple[int, list[int]]:
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Anna", last_name="Andersson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    store = login(fresh.path, writer)
    NotesService(store).write_note(f"{agency}: känsligt", person_id=person_id)
    NotesService(store).write_note(f"{agency}: ännu en", person_id=person_id)
    store.lock()
    return person_id, []


def _readable_with(conn, agency: str, key: bytes) -> list[str]:
    """Live notes of ``agency`` that ``key`` decrypts (the compartment's AES-GCM format)."""
    found = []
    rows = conn.execute(
        "SELECT note.id, note.ciphertext FROM note JOIN agency ON agency.id = note.agency_id "
        "WHERE agency.code = ?",
        (agency,),
    ).fetchall()
    assert rows, "the compartment has notes"
    for note_id, blob in rows:
        aad = f"compartment:{agency}:note:{note_id}".encode()
        try:
            found.append(AESGCM(key).decrypt(blob[:12], blob[12:], aad).decode())
        except InvalidTag:
            continue
    return found


def _user_id(fresh, username: str) -> int:
    with fresh.admin.read_session() as session:
        return session.scalar(select(User.id).where(User.username == username))


def test_deactivated_users_old_keys_open_nothing_live(tmp_path):
    fresh = fresh_with_users(tmp_path)
    person_id, _ = _notes(fresh, "officer_social", "social")
    stolen = _old_copy(fresh, tmp_path, "officer_social", PASSWORD)
    before = stolen()
    conn = _raw(fresh.path, before.data_key)
    assert conn is not None and _readable_with(conn, "social", before.compartments["social"])
    conn.close()
    SecurityServices.build(fresh.admin).users.deactivate(_user_id(fresh, "officer_social"))
    old = stolen()
    # The old data key no longer opens the live file...
    assert _raw(fresh.path, old.data_key) is None
    # ...and with a current user's data key (a colleague of another agency who helps),
    # the old compartment key decrypts none of the live social notes.
    colleague = LockedDatabase(fresh.path).keyslots.unlock("officer_police", PASSWORD)
    conn = _raw(fresh.path, colleague.data_key)
    assert conn is not None
    assert _readable_with(conn, "social", old.compartments["social"]) == []
    conn.close()
    # The agency's remaining users read their notes as before.
    coordinator = login(fresh.path, "coordinator_social")
    texts = sorted(n.text for n in NotesService(coordinator).notes_for_person(person_id))
    assert texts == ["social: känsligt", "social: ännu en"]
    coordinator.lock()
    fresh.admin.lock()


def test_deactivating_another_agencys_user_with_the_recovery_code(tmp_path):
    fresh = fresh_with_users(tmp_path)
    person_id, _ = _notes(fresh, "officer_police", "police")
    stolen = _old_copy(fresh, tmp_path, "officer_police", PASSWORD)
    SecurityServices.build(fresh.admin).users.deactivate(
        _user_id(fresh, "officer_police"), recovery_code=fresh.recovery_code
    )
    old = stolen()
    assert _raw(fresh.path, old.data_key) is None
    colleague = LockedDatabase(fresh.path).keyslots.unlock("officer_social", PASSWORD)
    conn = _raw(fresh.path, colleague.data_key)
    assert conn is not None
    assert _readable_with(conn, "police", old.compartments["police"]) == []
    conn.close()
    police = login(fresh.path, "team_lead_police")
    texts = sorted(n.text for n in NotesService(police).notes_for_person(person_id))
    assert texts == ["police: känsligt", "police: ännu en"]
    police.lock()
    fresh.admin.lock()


def test_password_change_with_rotation_leaves_the_old_copy_nothing(tmp_path):
    fresh = fresh_with_users(tmp_path)
    person_id, _ = _notes(fresh, "officer_social", "social")
    stolen = _old_copy(fresh, tmp_path, "officer_social", PASSWORD)
    officer = login(fresh.path, "officer_social")
    security = SecurityServices.build(officer)
    security.users.change_own_password(PASSWORD, NEW_PASSWORD, rotate_keys=True)
    officer.lock()
    old = stolen()
    assert _raw(fresh.path, old.data_key) is None
    colleague = LockedDatabase(fresh.path).keyslots.unlock("officer_police", PASSWORD)
    conn = _raw(fresh.path, colleague.data_key)
    assert conn is not None
    assert _readable_with(conn, "social", old.compartments["social"]) == []
    conn.close()
    officer = LockedDatabase(fresh.path).unlock("officer_social", NEW_PASSWORD)
    texts = sorted(n.text for n in NotesService(officer).notes_for_person(person_id))
    assert texts == ["social: känsligt", "social: ännu en"]
    officer.lock()
    colleague = login(fresh.path, "coordinator_social")
    assert len(NotesService(colleague).notes_for_person(person_id)) == 2
    colleague.lock()
    fresh.admin.lock()


def test_disclosures_after_a_deactivation_use_the_new_signed_agency_key(tmp_path):
    """The rotated compartment's new public key is published and signed by the trust
    root, so a disclosure made afterwards is accepted, reaches the agency's remaining
    users, and is not readable with the deactivated user's old compartment key."""
    from desktop.models import LegalBasis
    from desktop.store import crypto, sealed_box

    fresh = fresh_with_users(tmp_path)
    person_id, _ = _notes(fresh, "officer_social", "social")
    social = login(fresh.path, "officer_social")
    NotesService(social).publish_agency_keys()
    social.lock()
    stolen = _old_copy(fresh, tmp_path, "officer_social", PASSWORD)
    SecurityServices.build(fresh.admin).users.deactivate(_user_id(fresh, "officer_social"))
    old = stolen()
    police = login(fresh.path, "officer_police")
    notes = NotesService(police)
    written = notes.write_note("Polisens iakttagelse", person_id=person_id)
    note_id = next(iter(written.ids_of("note")))
    notes.disclose(note_id, "social", LegalBasis.CONSENT, "Samtycke")
    police.lock()
    coordinator = login(fresh.path, "coordinator_social")
    texts = [n.text for n in NotesService(coordinator).notes_for_person(person_id)]
    coordinator.lock()
    assert "Polisens iakttagelse" in texts
    colleague = LockedDatabase(fresh.path).keyslots.unlock("officer_police", PASSWORD)
    conn = _raw(fresh.path, colleague.data_key)
    assert conn is not None
    copy_id, key_version, blob = conn.execute(
        "SELECT id, key_version, ciphertext FROM note WHERE disclosed_from_id = ?", (note_id,)
    ).fetchone()
    conn.close()
    assert key_version == 0  # a sealed box to the agency's public key
    private = sealed_box.private_key_from(old.compartments["social"])
    aad = f"compartment:social:note:{copy_id}".encode()
    try:
        sealed_box.open_box(private, blob, aad)
        opened = True
    except crypto.UnwrapError:
        opened = False
    assert not opened, "the old compartment key opens a disclosure made after revocation"
    fresh.admin.lock()
