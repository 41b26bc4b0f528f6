"""The server's own guarantees, checked from raw connections as the users' roles."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import AuditEntry, Note, Role
from desktop.services.uow import UnitOfWork
from desktop.store import migrate
from desktop.store.errors import WrongPassword
from desktop.store.server.store import LockedServer
from tests.factories import PASSWORD
from tests.integration import pg


@pytest.fixture
def two_agencies(tmp_path, pg_server):
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "officer_police", Role.OFFICER, "police")
    pg.pg_add_user(fresh, "officer_social", Role.OFFICER, "social")
    police = pg.pg_login(fresh.path, "officer_police")
    social = pg.pg_login(fresh.path, "officer_social")
    for store, count in ((police, 2), (social, 3)):
        cipher = store.compartment(store.identity.agency_code)
        with UnitOfWork(store, "Anteckning") as uow:
            for n in range(count):
                uow.session.add(
                    Note(
                        agency_id=store.identity.agency_id,
                        ciphertext=cipher.encrypt(f"hemligt {n}", "note"),
                        created_by=store.identity.user_id,
                    )
                )
            uow.audit("note.create", "note")
    yield fresh, police, social
    pg.REGISTRY.close()


def test_migrated_to_head_with_the_server_extras(two_agencies):
    _, police, _ = two_agencies
    assert migrate.current_revision(police.engine) == migrate.head_revision()
    with psycopg.connect(police.conninfo) as conn:
        names = {
            r[0]
            for r in conn.execute(
                "SELECT relname FROM pg_class WHERE relname IN "
                "('ix_person_search_trgm', 'server_keyslot', 'user_role')"
            )
        }
        forced = dict(
            conn.execute(
                "SELECT relname, relforcerowsecurity FROM pg_class "
                "WHERE relname IN ('note', 'print_record', 'disclosure', 'server_keyslot')"
            ).fetchall()
        )
    assert names == {"ix_person_search_trgm", "server_keyslot", "user_role"}
    assert forced == dict.fromkeys(("note", "print_record", "disclosure", "server_keyslot"), True)


def test_a_raw_connection_of_agency_a_reads_no_note_of_agency_b(two_agencies):
    _, police, social = two_agencies
    with psycopg.connect(police.conninfo) as conn:
        # Even asking explicitly for the other agency's rows returns none.
        other = conn.execute(
            "SELECT count(*) FROM note WHERE agency_id = %s", (social.identity.agency_id,)
        ).fetchone()[0]
        every = conn.execute("SELECT count(*), min(agency_id), max(agency_id) FROM note").fetchone()
        assert conn.execute("SELECT current_user").fetchone()[0] == police.role
    assert other == 0
    assert every == (2, police.identity.agency_id, police.identity.agency_id)
    with social.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 3


def test_agency_a_cannot_write_or_reassign_its_way_into_agency_b(two_agencies):
    _, police, social = two_agencies
    with psycopg.connect(police.conninfo) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO note (agency_id, kind, section, ciphertext, key_version, "
                "created_at, version) VALUES (%s, 'fact', 'general', 'x', 1, now(), 1)",
                (social.identity.agency_id,),
            )
        conn.rollback()
        # Moving oneself to the other agency is the administrators' column only.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE user_account SET agency_id = %s WHERE username = 'officer_police'",
                (social.identity.agency_id,),
            )
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE user_role SET username = 'officer_social'")
        conn.rollback()
        # Nor can the user touch the other agency's notes blindly.
        assert (
            conn.execute(
                "UPDATE note SET ciphertext = 'x' WHERE agency_id = %s",
                (social.identity.agency_id,),
            ).rowcount
            == 0
        )
        conn.rollback()
        # A session setting cannot widen the policy (it is keyed on current_user).
        conn.execute("SET app.agency_id = '2'")
        assert (
            conn.execute(
                "SELECT count(*) FROM note WHERE agency_id = %s", (social.identity.agency_id,)
            ).fetchone()[0]
            == 0
        )


def test_keyslot_rows_are_readable_only_by_their_own_role(two_agencies):
    _, police, _ = two_agencies
    with psycopg.connect(police.conninfo) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM server_keyslot")]
    assert names == [police.role]


def test_the_notes_on_the_server_are_ciphertext(two_agencies):
    fresh, _, _ = two_agencies
    with psycopg.connect(pg._conninfo(pg.REGISTRY.urls[fresh.path])) as conn:
        blobs = [bytes(r[0]) for r in conn.execute("SELECT ciphertext FROM note")]
    assert len(blobs) == 5 and not any(b"hemligt" in blob for blob in blobs)


def test_audit_rows_cannot_be_updated_or_deleted(two_agencies):
    fresh, police, _ = two_agencies
    with psycopg.connect(police.conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0] > 0
        for statement in (
            "UPDATE audit_entry SET detail = 'x'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    # Not even the owner: the trigger refuses whoever asks.
    with psycopg.connect(pg._conninfo(pg.REGISTRY.urls[fresh.path])) as conn:
        for statement in ("UPDATE audit_entry SET detail = 'x'", "DELETE FROM audit_entry"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(statement)
            conn.rollback()
    with police.read_session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) > 0


def test_login_with_a_wrong_password_is_refused(two_agencies):
    fresh, _, _ = two_agencies
    with pytest.raises(WrongPassword):
        LockedServer(pg.REGISTRY.urls[fresh.path], fresh.path.parent).unlock(
            "officer_police", "fel-lösenord-123456"
        )


def test_init_server_command_prepares_an_empty_database(server_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path)
    assert main(["init", "--server", server_db, "--admin", "anna", "--agency", "police"]) == 0
    out = capsys.readouterr().out
    assert "ÅTERSTÄLLNINGSKOD" in out
    store = LockedServer(server_db, tmp_path).unlock("anna", PASSWORD)
    try:
        assert store.identity.agency_code == "police"
        assert store.identity.role is Role.ADMINISTRATOR
        assert store.held_compartments() == {"police"}
    finally:
        store.lock()
    # A second init on the same database is refused.
    assert main(["init", "--server", server_db, "--admin", "bert"]) == 1


def test_a_user_may_rename_only_themselves_and_an_administrator_anyone(two_agencies):
    fresh, police, social = two_agencies
    with psycopg.connect(police.conninfo) as conn:
        # Every account stays readable (lists, who did what)...
        assert conn.execute("SELECT count(*) FROM user_account").fetchone()[0] == 3
        # ...but another user's row cannot be changed, not even a granted column.
        renamed = conn.execute(
            "UPDATE user_account SET display_name = 'Lurad' WHERE username <> %s",
            ("officer_police",),
        ).rowcount
        assert renamed == 0
        own = conn.execute(
            "UPDATE user_account SET display_name = 'Polis Själv' WHERE username = %s",
            ("officer_police",),
        ).rowcount
        assert own == 1
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM user_account WHERE username = 'officer_social'")
    with psycopg.connect(fresh.admin.conninfo) as conn:
        assert (
            conn.execute(
                "UPDATE user_account SET display_name = 'Social Omdöpt' "
                "WHERE username = 'officer_social'"
            ).rowcount
            == 1
        )
    with psycopg.connect(social.conninfo) as conn:
        names = dict(conn.execute("SELECT username, display_name FROM user_account").fetchall())
    assert names["officer_police"] == "Polis Själv"
    assert names["officer_social"] == "Social Omdöpt"
    assert names["admin"] == "Ada Administratör"
