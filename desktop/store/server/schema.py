"""PostgreSQL-only parts of the schema, run by the initial migration on that dialect.

- Search: a pg_trgm GIN index over the same text the SQLite FTS5 table holds.
- Audit: a trigger refuses UPDATE and DELETE on ``audit_entry`` for everyone
  (the grants also give application roles INSERT and SELECT only).
- Keys: ``server_keyslot`` holds each user's wrapped keys; a row is readable only by
  its own role (and by administrators, who create and remove slots).
- Agencies: ``user_role`` maps a database role to its user and agency, written only by
  administrators; row-level security on agency data asks it through ``current_user``,
  which a client cannot forge (unlike a session setting).
- Disclosures: the receiving agency's copy of a note is written only by
  ``rondplan_disclose_note`` (migration ``0003_server_disclosure``), together with the
  disclosure row; a deferred trigger wants the audit entry in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

# The expression both the index and the search query use (see mapping/search.py).
SEARCH_EXPRESSION = (
    "(first_name || ' ' || last_name || ' ' || aliases || ' ' || "
    "replace(coalesce(identity_number, ''), '-', ''))"
)

SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX ix_person_search_trgm ON person USING gin ({SEARCH_EXPRESSION} gin_trgm_ops)",
)

AUDIT_GUARDS = (
    "CREATE FUNCTION rondplan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$",
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
    "ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION rondplan_audit_append_only()",
)

SERVER_TABLES = (
    # The role -> user link; the user's agency and role live in user_account, whose
    # agency_id, role, username and active columns only administrators may change.
    "CREATE TABLE user_role (rolname text PRIMARY KEY, username text NOT NULL UNIQUE)",
    "CREATE TABLE server_keyslot ("
    " name text PRIMARY KEY,"
    " slot jsonb NOT NULL,"
    " updated_at timestamp NOT NULL DEFAULT now())",
    # Plain SQL functions run as the caller, so current_user is the logged-in role.
    "CREATE FUNCTION rondplan_agency() RETURNS integer LANGUAGE sql STABLE AS "
    "$$ SELECT u.agency_id FROM user_role r JOIN user_account u ON u.username = r.username "
    "WHERE r.rolname = current_user AND u.active $$",
    "CREATE FUNCTION rondplan_is_admin() RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT EXISTS (SELECT 1 FROM user_role r JOIN user_account u "
    "ON u.username = r.username WHERE r.rolname = current_user AND u.active "
    "AND u.role = 'administrator') $$",
    # A merge must move every agency's notes to the kept person, also those row-level
    # security hides from the coordinator merging; this moves ids only, never content.
    "CREATE FUNCTION rondplan_repoint_notes(drop_id integer, keep_id integer) "
    "RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ "
    "DECLARE moved integer; BEGIN "
    "IF NOT EXISTS (SELECT 1 FROM user_role r JOIN user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active AND u.role = 'coordinator') THEN "
    "RAISE EXCEPTION 'only a coordinator may merge persons' USING ERRCODE = '42501'; END IF; "
    "UPDATE note SET person_id = keep_id WHERE person_id = drop_id; "
    "GET DIAGNOSTICS moved = ROW_COUNT; RETURN moved; END $$",
    "REVOKE EXECUTE ON FUNCTION rondplan_repoint_notes(integer, integer) FROM PUBLIC",
    # The database owner (who migrates and provisions) is not an application user.
    "CREATE FUNCTION rondplan_is_owner() RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT EXISTS (SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
    "WHERE d.datname = current_database() AND r.rolname = current_user) $$",
)

# (table, condition): every row of these belongs to one agency (or two, a disclosure).
# Run by the initial migration; 0003 splits disclosure's policy (read and delete by
# either agency, insert only through rondplan_disclose_note).
AGENCY_TABLES: tuple[tuple[str, str], ...] = (
    ("note", "agency_id = rondplan_agency()"),
    ("print_record", "agency_id = rondplan_agency()"),
    ("disclosure", "rondplan_agency() IN (from_agency_id, to_agency_id)"),
)


def rls_statements() -> list[str]:
    """ENABLE and FORCE row-level security with one policy per protected table."""
    statements = []
    for table, condition in AGENCY_TABLES:
        rule = f"({condition}) OR rondplan_is_owner()"
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY {table}_agency ON {table} USING ({rule}) WITH CHECK ({rule})",
        ]
    slot_rule = "name = current_user OR rondplan_is_admin() OR rondplan_is_owner()"
    # Every role reads the accounts (names in lists, who did what); a user may change only
    # their own row (display name, login times: the columns granted to the app group),
    # administrators every row, and only they add or remove accounts.
    own = (
        "username = (SELECT r.username FROM user_role r WHERE r.rolname = current_user) "
        "OR rondplan_is_admin() OR rondplan_is_owner()"
    )
    admin_only = "rondplan_is_admin() OR rondplan_is_owner()"
    statements += [
        "ALTER TABLE user_account ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE user_account FORCE ROW LEVEL SECURITY",
        "CREATE POLICY user_account_read ON user_account FOR SELECT USING (true)",
        f"CREATE POLICY user_account_own ON user_account FOR UPDATE USING ({own}) "
        f"WITH CHECK ({own})",
        f"CREATE POLICY user_account_add ON user_account FOR INSERT WITH CHECK ({admin_only})",
        f"CREATE POLICY user_account_remove ON user_account FOR DELETE USING ({admin_only})",
    ]
    statements += [
        "ALTER TABLE server_keyslot ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE server_keyslot FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY server_keyslot_own ON server_keyslot USING ({slot_rule}) "
        f"WITH CHECK ({slot_rule})",
    ]
    return statements


def upgrade_statements() -> list[str]:
    """Everything the initial migration adds on PostgreSQL, in order."""
    return [*SEARCH, *AUDIT_GUARDS, *SERVER_TABLES, *rls_statements()]


# The policies read the functions and user_role: they go first, in reverse of creation.
_POLICIES = (
    *((table, f"{table}_agency") for table, _ in AGENCY_TABLES),
    *(("user_account", f"user_account_{name}") for name in ("read", "own", "add", "remove")),
)

DOWNGRADE = (
    *(f"DROP POLICY IF EXISTS {policy} ON {table}" for table, policy in _POLICIES),
    *(
        f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY"
        for table in dict.fromkeys(table for table, _ in _POLICIES)
    ),
    "DROP TABLE IF EXISTS server_keyslot",
    "DROP TABLE IF EXISTS user_role",
    "DROP FUNCTION IF EXISTS rondplan_agency()",
    "DROP FUNCTION IF EXISTS rondplan_is_admin()",
    "DROP FUNCTION IF EXISTS rondplan_is_owner()",
    "DROP FUNCTION IF EXISTS rondplan_repoint_notes(integer, integer)",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
    "DROP FUNCTION IF EXISTS rondplan_audit_append_only()",
    "DROP INDEX IF EXISTS ix_person_search_trgm",
)


# Added by migration 0003_server_disclosure (see there): the only way to another
# agency's note row.
DISCLOSE_NOTE = "rondplan_disclose_note(integer, integer, integer, bytea, text, text, text)"

# What a user's own session may change in user_account (never agency, role or active).
USER_SELF_COLUMNS = "display_name, last_login_at, password_changed_at, version, updated_at"


def grant_statements(database: str, table_rights: Iterable[str] = ()) -> list[str]:
    """Privileges of the group roles; run by the owner at init (and after upgrades).

    ``table_rights``: each role group's table rights, made from the permission table
    by the caller (``desktop.services.server_rights.grant_statements``): the store
    imports nothing from the services (issue 19).
    """
    from desktop.store.server.connect import group_role

    app = _quote(group_role(database, "app"))
    admin = _quote(group_role(database, "admin"))
    return [
        # No temporary tables (PostgreSQL looks in pg_temp first for a table name) and no
        # objects of anyone's own in the schema (migration 0005_server_hardening).
        f"REVOKE TEMPORARY ON DATABASE {_quote(database)} FROM PUBLIC",
        f"REVOKE TEMPORARY ON DATABASE {_quote(database)} FROM {app}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA public FROM {app}",
        f"GRANT CONNECT ON DATABASE {_quote(database)} TO {app}",
        f"GRANT USAGE ON SCHEMA public TO {app}",
        # Table rights: none for these two groups; each role's own group gets what the
        # permission table gives it (desktop.services.server_rights, migration 0011),
        # so the audit log stays append-only, disclosures are written by the function
        # only, user_role, retention rules and person and group deletes are the
        # administrators'.
        *table_rights,
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app}",
        f"GRANT EXECUTE ON FUNCTION rondplan_repoint_notes(integer, integer) TO {app}",
        f"GRANT EXECUTE ON FUNCTION {DISCLOSE_NOTE} TO {app}",
        f"GRANT {app} TO {admin}",
    ]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def quote(identifier: str) -> str:
    """A double-quoted SQL identifier."""
    return _quote(identifier)
