"""A demoted user puts back the account record the trust root signed before the demotion.

The insider was a coordinator. With their own password and the raw file they keep a
copy of their signed account (``signed_record``, kind ``user``): it is in every backup
and readable with the data key. An administrator demotes them to officer and signs the
new account. The insider then writes the old role and the old signature back with
sqlcipher3. The signature is the trust root's, over the account as it was; nothing in
it says it was withdrawn.

docs/security.md: an insider "cannot raise their role, change agency, re-activate an
account" (user rows signed by the trust root; unlock and every permission check verify).
Expected: the next login of the demoted user is refused as tampered (one Swedish line,
an ``integrity.alarm`` entry), never a coordinator's identity.
"""

from __future__ import annotations

import pytest

from desktop.models import Role
from desktop.services.security import SecurityServices
from desktop.store.errors import TamperedRecord
from tests.attacks.insider_audit import Insider
from tests.factories import PASSWORD, fresh_database, locked

INSIDER = "kalle"
OWN = "en lång lösenordsmening"


def _signed_account(path, user_id):
    insider = Insider(path, INSIDER, OWN)
    try:
        return insider.conn.execute(
            "SELECT role, signature FROM user_account JOIN signed_record"
            " ON signed_record.kind = 'user' AND signed_record.ref = CAST(user_account.id AS TEXT)"
            " WHERE user_account.id = ?",
            (user_id,),
        ).fetchone()
    finally:
        insider.close()


def test_demoted_coordinator_replays_the_old_signed_account(tmp_path):
    fresh = fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin)
    changes = security.users.create_user(
        INSIDER, "Kalle K", Role.COORDINATOR, "police", OWN, recovery_code=fresh.recovery_code
    )
    user_id = next(iter(changes.ids_of("user")))
    kept_role, kept_signature = _signed_account(fresh.path, user_id)
    assert kept_role == Role.COORDINATOR.value

    security.reauth.confirm(PASSWORD)
    security.users.change_role(user_id, Role.OFFICER)
    fresh.admin.lock()
    assert _signed_account(fresh.path, user_id)[1] != kept_signature

    insider = Insider(fresh.path, INSIDER, OWN)
    insider.conn.execute(
        "UPDATE user_account SET role = ? WHERE id = ?", (Role.COORDINATOR.value, user_id)
    )
    insider.conn.execute(
        "UPDATE signed_record SET signature = ? WHERE kind = 'user' AND ref = ?",
        (kept_signature, str(user_id)),
    )
    insider.close()

    store = locked(fresh.path).unlock(INSIDER, OWN)
    try:
        # The old signature is not the newest the log names for the account: the
        # session holds no right at all, and the login (every command's and the app's)
        # is refused as tampered after logging the alarm.
        from desktop.services.permissions import Action, require

        with pytest.raises(TamperedRecord):
            require(store.identity, Action.PLAN)
        with pytest.raises(TamperedRecord):
            SecurityServices.build(store).session.record_login()
    finally:
        store.lock()


def test_agency_key_signed_before_a_rotation_is_put_back(tmp_path):
    """The same replay for an agency's public key (docs: an insider "cannot ... swap an
    agency's public key"). A police officer keeps social services' published key and
    its signature; social's compartment is rotated when a social officer is deactivated;
    the police officer writes the old key and signature back. A note disclosed to
    social afterwards must not be sealed to the old key, which the departed user's old
    ``.keys`` copy opens."""
    from desktop.models import LegalBasis, Person
    from desktop.services.errors import DomainError
    from desktop.services.security.notes import NotesService
    from desktop.services.uow import UnitOfWork
    from desktop.store import crypto, sealed_box
    from desktop.store.errors import StoreError
    from tests.attacks.test_file_revocation import _old_copy, _raw, _user_id
    from tests.factories import fresh_with_users, login

    fresh = fresh_with_users(tmp_path)
    with UnitOfWork(fresh.admin, "Person") as uow:
        person = Person(first_name="Anna", last_name="Andersson")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    social = login(fresh.path, "officer_social")
    NotesService(social).publish_agency_keys()
    social.lock()

    def agency_key(conn):
        return conn.execute(
            "SELECT setting.value, signed_record.signature FROM setting JOIN signed_record"
            " ON signed_record.kind = 'agency_key' AND signed_record.ref = 'social'"
            " WHERE setting.key = 'agency_public_key:social'"
        ).fetchone()

    insider_keys = own_keys_of(fresh.path, "officer_police")
    conn = _raw(fresh.path, insider_keys)
    kept = agency_key(conn)
    conn.close()
    stolen = _old_copy(fresh, tmp_path, "officer_social", PASSWORD)
    SecurityServices.build(fresh.admin).users.deactivate(_user_id(fresh, "officer_social"))
    old = stolen()

    conn = _raw(fresh.path, own_keys_of(fresh.path, "officer_police"))
    assert agency_key(conn) != kept  # rotated, published and signed anew
    conn.execute("UPDATE setting SET value = ? WHERE key = 'agency_public_key:social'", (kept[0],))
    conn.execute(
        "UPDATE signed_record SET signature = ? WHERE kind = 'agency_key' AND ref = 'social'",
        (kept[1],),
    )
    conn.close()

    police = login(fresh.path, "officer_police")
    notes = NotesService(police)
    try:
        written = notes.write_note("Polisens iakttagelse", person_id=person_id)
        note_id = next(iter(written.ids_of("note")))
        try:
            notes.disclose(note_id, "social", LegalBasis.CONSENT, "Samtycke")
        except (DomainError, StoreError):
            return  # refused: what the docs promise
    finally:
        police.lock()
    conn = _raw(fresh.path, own_keys_of(fresh.path, "officer_police"))
    copy_id, blob = conn.execute(
        "SELECT id, ciphertext FROM note WHERE disclosed_from_id = ?", (note_id,)
    ).fetchone()
    conn.close()
    private = sealed_box.private_key_from(old.compartments["social"])
    try:
        text = sealed_box.open_box(private, blob, f"compartment:social:note:{copy_id}".encode())
    except crypto.UnwrapError:
        text = None
    fresh.admin.lock()
    assert text is None, f"the departed user's old key reads the disclosure: {text!r}"


def own_keys_of(path, username):
    from desktop.store.database import LockedDatabase

    return LockedDatabase(path).keyslots.unlock(username, PASSWORD).data_key
