"""The security review's attacks (migration 0005_server_hardening), from raw connections
as the users' own roles: each one worked before the hardening."""

from __future__ import annotations

import datetime as dt
import re

import psycopg
import pytest
from psycopg import sql

from desktop.models import Note, Person, Role, Visit, utcnow
from desktop.services.security.notes import NotesService
from desktop.services.uow import UnitOfWork
from tests.integration import pg


@pytest.fixture
def world(tmp_path, pg_server):
    """Police and social officers, a police coordinator, and a person with a visit that
    has one note of each agency (social's also on the visit)."""
    fresh = pg.pg_fresh_database(tmp_path)
    pg.pg_add_user(fresh, "officer_police", Role.OFFICER, "police")
    pg.pg_add_user(fresh, "officer_social", Role.OFFICER, "social")
    pg.pg_add_user(fresh, "coordinator_police", Role.COORDINATOR, "police")
    police = pg.pg_login(fresh.path, "officer_police")
    social = pg.pg_login(fresh.path, "officer_social")
    now = utcnow()
    with UnitOfWork(fresh.admin, "Data") as uow:
        person = Person(first_name="Delad", last_name="Person")
        other = Person(first_name="Annan", last_name="Person")
        uow.session.add_all([person, other])
        uow.session.flush()
        visit = Visit(person_id=person.id, starts_at=now, ends_at=now + dt.timedelta(hours=1))
        uow.session.add(visit)
        uow.session.flush()
        ids = {"person": person.id, "other": other.id, "visit": visit.id}
    for store, on_visit in ((police, False), (social, True)):
        cipher = store.compartment(store.identity.agency_code)
        with UnitOfWork(store, "Anteckning") as uow:
            uow.session.add(
                Note(
                    agency_id=store.identity.agency_id,
                    person_id=ids["person"],
                    visit_id=ids["visit"] if on_visit else None,
                    ciphertext=cipher.encrypt("hemligt", "note"),
                    created_by=store.identity.user_id,
                )
            )
            uow.audit("note.create", "note")
        NotesService(store).publish_agency_keys()
    yield fresh, police, social, ids
    pg.REGISTRY.close()


def _owner(fresh) -> psycopg.Connection:  # type: ignore[no-untyped-def]
    return psycopg.connect(pg._conninfo(pg.url_of(fresh.path)))


def _notes_of(fresh, agency_id: int) -> list[tuple[int | None, int | None]]:  # type: ignore[no-untyped-def]
    with _owner(fresh) as conn:
        return conn.execute(
            "SELECT person_id, visit_id FROM note WHERE agency_id = %s", (agency_id,)
        ).fetchall()


# The tables the functions read or write (and the catalogs they ask).
TABLES = {
    "user_role",
    "user_account",
    "note",
    "disclosure",
    "agency",
    "person",
    "retention_rule",
    "audit_entry",
    "pg_roles",
    "pg_database",
}


# -- S1: temporary tables -------------------------------------------------------------


def test_an_application_role_cannot_create_a_temporary_table(world):
    _, police, _, _ = world
    with psycopg.connect(police.conninfo) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TEMP TABLE user_role (rolname text, username text)")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE public.user_role_copy (rolname text)")


def test_a_temporary_table_does_not_shadow_the_functions_tables(world):
    """Even a role that could make temporary tables (granted here by the owner) gets
    nothing from them: every function names its tables with their schema."""
    fresh, police, _, _ = world
    database = pg.url_of(fresh.path).rsplit("/", 1)[1]
    with _owner(fresh) as conn:
        conn.execute(
            sql.SQL("GRANT TEMPORARY ON DATABASE {} TO {}").format(
                sql.Identifier(database), sql.Identifier(police.role)
            )
        )
    with psycopg.connect(police.conninfo) as conn:
        # Pretend to be social services' officer...
        conn.execute("CREATE TEMP TABLE user_role (rolname text, username text)")
        conn.execute("INSERT INTO user_role VALUES (current_user, 'officer_social')")
        # ...and the database's owner.
        conn.execute("CREATE TEMP TABLE pg_database (datname name, datdba oid)")
        conn.execute("CREATE TEMP TABLE pg_roles (oid oid, rolname name)")
        conn.execute("INSERT INTO pg_database VALUES (current_database(), 1)")
        conn.execute("INSERT INTO pg_roles VALUES (1, current_user)")
        assert conn.execute("SELECT rondplan_agency()").fetchone()[0] == police.identity.agency_id
        assert conn.execute("SELECT rondplan_is_owner()").fetchone()[0] is False
        agencies = conn.execute("SELECT DISTINCT agency_id FROM note").fetchall()
        slots = conn.execute("SELECT name FROM server_keyslot").fetchall()
    assert agencies == [(police.identity.agency_id,)]
    assert slots == [(police.role,)]


def test_every_rondplan_function_qualifies_its_names_and_definers_fix_the_search_path(world):
    fresh, _, _, _ = world
    with _owner(fresh) as conn:
        rows = conn.execute(
            "SELECT proname, prosecdef, proconfig, prosrc FROM pg_proc "
            "WHERE proname LIKE 'rondplan%%' AND pronamespace = 'public'::regnamespace"
        ).fetchall()
    assert len(rows) >= 8
    for name, definer, config, source in rows:
        if definer:
            assert config == ["search_path=pg_catalog, public, pg_temp"], name
        unqualified = {
            m.group(2)
            for m in re.finditer(r"\b(FROM|JOIN|INTO|UPDATE)\s+([\w.]+)", source, re.I)
            if "." not in m.group(2)
        }
        assert not unqualified & TABLES, name


# -- S2: retention rules ----------------------------------------------------------------


def test_an_officer_cannot_write_a_retention_rule(world):
    fresh, police, social, _ = world
    with psycopg.connect(police.conninfo) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO retention_rule (category, agency_id, keep_days, legal_text, "
                "active, version) VALUES ('note', %s, 1, 'x', true, 1)",
                (social.identity.agency_id,),
            )
        conn.rollback()
        for statement in ("UPDATE retention_rule SET keep_days = 1", "DELETE FROM retention_rule"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("SELECT rondplan_retention_notes('2099-01-01')").fetchone()[0] == 0
    assert len(_notes_of(fresh, social.identity.agency_id)) == 1


def test_not_even_an_administrator_runs_retention_ahead_of_the_servers_clock(world):
    fresh, _, social, _ = world
    with psycopg.connect(fresh.admin.conninfo) as conn:
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                "INSERT INTO retention_rule (category, agency_id, keep_days, legal_text, "
                "active, version) VALUES ('note', NULL, 0, 'x', true, 1)"
            )
        conn.rollback()
        conn.execute(
            "INSERT INTO retention_rule (category, agency_id, keep_days, legal_text, "
            "active, version) VALUES ('note', NULL, 1, 'x', true, 1)"
        )
        assert conn.execute("SELECT rondplan_retention_notes('2099-01-01')").fetchone()[0] == 0
    assert len(_notes_of(fresh, social.identity.agency_id)) == 1


# -- S3: settings -------------------------------------------------------------------------


def test_an_officer_cannot_overwrite_another_agencys_public_key_or_the_database_id(world):
    fresh, police, _, _ = world
    with _owner(fresh) as conn:
        before = dict(conn.execute("SELECT key, value::text FROM setting").fetchall())
    assert "agency_public_key:social" in before and "database_id" in before
    with psycopg.connect(police.conninfo) as conn:
        for key in ("agency_public_key:social", "agency_public_key:police", "database_id"):
            changed = conn.execute(
                "UPDATE setting SET value = '\"falsk\"' WHERE key = %s", (key,)
            ).rowcount
            removed = conn.execute("DELETE FROM setting WHERE key = %s", (key,)).rowcount
            assert (changed, removed) == (0, 0), key
        conn.commit()
        # Nor add one for an agency not its own (trusted on first use).
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO setting (key, value) VALUES ('agency_public_key:probation', '\"x\"')"
            )
        conn.rollback()
        # The daily retention mark stays everyone's.
        conn.execute(
            "INSERT INTO setting (key, value) VALUES ('retention_last_run', '\"2026-01-01\"') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    with _owner(fresh) as conn:
        after = dict(conn.execute("SELECT key, value::text FROM setting").fetchall())
    assert after.pop("retention_last_run") == '"2026-01-01"'
    assert after == before


def test_an_agency_publishes_its_own_key_and_an_administrator_changes_settings(world):
    fresh, police, _, _ = world
    with _owner(fresh) as conn:
        conn.execute("DELETE FROM setting WHERE key = 'agency_public_key:police'")
    NotesService(police).publish_agency_keys()
    with _owner(fresh) as conn:
        assert conn.execute(
            "SELECT 1 FROM setting WHERE key = 'agency_public_key:police'"
        ).fetchone()
    with psycopg.connect(fresh.admin.conninfo) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('lock_max_idle_minutes', '10')")
        assert (
            conn.execute(
                "UPDATE setting SET value = '\"x\"' WHERE key = 'agency_public_key:social'"
            ).rowcount
            == 0
        )


# -- S5: deletes that cascaded across agencies --------------------------------------------


def test_an_officer_cannot_delete_a_person_with_another_agencys_notes(world):
    fresh, police, social, ids = world
    with _owner(fresh) as conn:  # social's note on a person with no visit to hold him
        conn.execute("UPDATE note SET person_id = %s, visit_id = NULL", (ids["other"],))
    with psycopg.connect(police.conninfo) as conn:
        for table in ("person", "group_"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {table} WHERE id = %s", (ids["other"],))
            conn.rollback()
    assert _notes_of(fresh, social.identity.agency_id) == [(ids["other"], None)]


def test_a_deleted_visit_leaves_another_agencys_notes_on_the_person(world):
    fresh, _, social, ids = world
    # A coordinator plans, and so may delete, visits (an officer may not: issue 16).
    planner = pg.pg_login(fresh.path, "coordinator_police")
    with psycopg.connect(planner.conninfo) as conn:
        assert conn.execute("DELETE FROM visit WHERE id = %s", (ids["visit"],)).rowcount == 1
    assert _notes_of(fresh, social.identity.agency_id) == [(ids["person"], None)]


# -- S8: disclosures and merges -----------------------------------------------------------


def test_no_agency_deletes_a_disclosure_row_by_itself(world):
    fresh, police, social, _ = world
    with _owner(fresh) as conn:
        source, copy = (
            r[0]
            for r in conn.execute(
                "SELECT id FROM note ORDER BY agency_id = %s", (social.identity.agency_id,)
            )
        )
        conn.execute(
            "INSERT INTO disclosure (source_note_id, copy_note_id, from_agency_id, "
            "to_agency_id, legal_basis, reason, user_id, at) "
            "VALUES (%s, %s, %s, %s, 'consent', 'skäl', %s, now())",
            (
                source,
                copy,
                police.identity.agency_id,
                social.identity.agency_id,
                police.identity.user_id,
            ),
        )
    for store in (social, police):
        with psycopg.connect(store.conninfo) as conn:
            assert conn.execute("SELECT count(*) FROM disclosure").fetchone()[0] == 1
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM disclosure")
    # Deleting its own copy takes the register row along (retention does that).
    with psycopg.connect(social.conninfo) as conn:
        assert conn.execute("DELETE FROM note WHERE id = %s", (copy,)).rowcount == 1
    with _owner(fresh) as conn:
        assert conn.execute("SELECT count(*) FROM disclosure").fetchone()[0] == 0


def test_notes_move_only_from_a_person_merged_into_the_kept_one(world):
    fresh, _, social, ids = world
    coordinator = pg.pg_login(fresh.path, "coordinator_police")
    with (
        psycopg.connect(coordinator.conninfo) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="merged"),
    ):
        conn.execute("SELECT rondplan_repoint_notes(%s, %s)", (ids["person"], ids["other"]))
    assert _notes_of(fresh, social.identity.agency_id) == [(ids["person"], ids["visit"])]
