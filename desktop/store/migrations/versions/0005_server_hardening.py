"""server: hardened functions, settings, retention rules and deletes (security review)

Revision ID: 0005_server_hardening
Revises: 0004_server_swedish_name_index
Create Date: 2026-11-24 06:00:00

On PostgreSQL only (nothing changes on a local file):

- Every ``rondplan_*`` function names its tables with their schema (``public.user_role``,
  ``pg_catalog.pg_roles``): PostgreSQL looks in ``pg_temp`` first for an unqualified
  table name, so a temporary ``user_role`` of the caller's own made
  ``rondplan_agency()`` answer another agency. The SECURITY DEFINER ones also run with
  ``search_path = pg_catalog, public, pg_temp`` (``pg_temp`` last, explicitly). The
  grants (store/server/schema.py) take TEMPORARY on the database from everyone.
- ``rondplan_retention_notes`` never runs ahead of the server's clock, not even for an
  administrator (a date far ahead deleted every note); ``retention_rule`` is written
  only by administrators (grants) and keeps at least one day (a CHECK, as the app).
- ``setting`` gets row-level security: everyone reads; ``agency_public_key:<code>`` is
  added only by a user of that agency and never changed by the application;
  ``database_id`` is the owner's; the daily retention mark is anyone's; the rest the
  administrators'.
- Deletes no longer cross agency lines through a cascade: a deleted visit leaves other
  agencies' notes on it (``visit_id`` set to NULL); persons and groups are deleted only
  by administrators (grants; the retention override is theirs); a disclosure row goes
  only with one of its notes (a cascade), never by itself (the policy that let either
  agency delete it is gone); a deleted note leaves its disclosed copies (their
  ``disclosed_from_id`` set to NULL).
- ``rondplan_repoint_notes`` moves notes only from a person merged into the kept one.

The downgrade puts 0001–0003's definitions, policies and foreign keys back.
"""

from __future__ import annotations

from alembic import op

revision = "0005_server_hardening"
down_revision = "0004_server_swedish_name_index"
branch_labels = None
depends_on = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

# The LegalBasis values at this revision (desktop.models.enums), as 0003.
LEGAL_BASES = "'consent', 'osl_10_2', 'osl_10_18a', 'osl_10_21_23', 'other'"
KEY_SEALED_BOX = 0  # desktop.services.security.notes.KEY_SEALED_BOX

# The calling application user (session_user: a SECURITY DEFINER function's current_user
# is the owner), from the schema-qualified tables.
_ME = (
    "FROM public.user_role r JOIN public.user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active"
)

# Plain SQL functions (run as the caller, inlined into the policies): no SET clause,
# which would stop the inlining; every name is qualified instead.
AGENCY = (
    "CREATE OR REPLACE FUNCTION public.rondplan_agency() RETURNS integer LANGUAGE sql "
    "STABLE AS $$ SELECT u.agency_id FROM public.user_role r "
    "JOIN public.user_account u ON u.username = r.username "
    "WHERE r.rolname = current_user AND u.active $$"
)
IS_ADMIN = (
    "CREATE OR REPLACE FUNCTION public.rondplan_is_admin() RETURNS boolean LANGUAGE sql "
    "STABLE AS $$ SELECT EXISTS (SELECT 1 FROM public.user_role r "
    "JOIN public.user_account u ON u.username = r.username "
    "WHERE r.rolname = current_user AND u.active AND u.role = 'administrator') $$"
)
IS_OWNER = (
    "CREATE OR REPLACE FUNCTION public.rondplan_is_owner() RETURNS boolean LANGUAGE sql "
    "STABLE AS $$ SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_database d "
    "JOIN pg_catalog.pg_roles r ON r.oid = d.datdba "
    "WHERE d.datname = pg_catalog.current_database() AND r.rolname = current_user) $$"
)
AUDIT_APPEND_ONLY = (
    "CREATE OR REPLACE FUNCTION public.rondplan_audit_append_only() RETURNS trigger "
    f"LANGUAGE plpgsql {SEARCH_PATH} AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$"
)
REPOINT = (
    "CREATE OR REPLACE FUNCTION public.rondplan_repoint_notes(drop_id integer, "
    "keep_id integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER "
    f"{SEARCH_PATH} AS $$ DECLARE moved integer; BEGIN "
    f"IF NOT EXISTS (SELECT 1 {_ME} AND u.role = 'coordinator') THEN "
    "RAISE EXCEPTION 'only a coordinator may merge persons' USING ERRCODE = '42501'; END IF; "
    "IF drop_id IS NULL OR keep_id IS NULL OR drop_id = keep_id OR NOT EXISTS "
    "(SELECT 1 FROM public.person p WHERE p.id = drop_id AND p.merged_into_id = keep_id) "
    "THEN RAISE EXCEPTION 'notes move only from a person merged into the kept one' "
    "USING ERRCODE = '42501'; END IF; "
    "UPDATE public.note SET person_id = keep_id WHERE person_id = drop_id; "
    "GET DIAGNOSTICS moved = ROW_COUNT; RETURN moved; END $$"
)
RETENTION = (
    "CREATE OR REPLACE FUNCTION public.rondplan_retention_notes(client_now timestamp) "
    f"RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ "
    "DECLARE is_admin boolean; at_time timestamp; ids integer[]; BEGIN "
    f"SELECT u.role = 'administrator' INTO is_admin {_ME}; "
    "IF is_admin IS NULL THEN "
    "RAISE EXCEPTION 'only a Rondplan user may run retention' USING ERRCODE = '42501'; "
    "END IF; "
    "at_time := least(client_now, now() AT TIME ZONE 'UTC'); "
    "SELECT coalesce(array_agg(DISTINCT n.id), '{}') INTO ids FROM public.note n "
    "JOIN public.retention_rule rr ON rr.category = 'note' AND rr.active "
    "AND (rr.agency_id IS NULL OR rr.agency_id = n.agency_id) "
    "WHERE n.created_at < at_time - make_interval(days => rr.keep_days); "
    "DELETE FROM public.disclosure "
    "WHERE source_note_id = ANY(ids) OR copy_note_id = ANY(ids); "
    "UPDATE public.note SET disclosed_from_id = NULL WHERE disclosed_from_id = ANY(ids); "
    "DELETE FROM public.note WHERE id = ANY(ids); "
    "RETURN cardinality(ids); END $$"
)
DISCLOSE = (
    "CREATE OR REPLACE FUNCTION public.rondplan_disclose_note(source_note integer, "
    "copy_note integer, receiver integer, sealed bytea, basis text, basis_text text, "
    f"grounds text) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ "
    "DECLARE me record; src record; made integer; "
    "at_time timestamp := now() AT TIME ZONE 'UTC'; BEGIN "
    f"SELECT u.id, u.agency_id, u.role INTO me {_ME}; "
    "IF NOT FOUND OR me.role NOT IN ('coordinator', 'officer') THEN "
    "RAISE EXCEPTION 'only a coordinator or an officer may disclose a note' "
    "USING ERRCODE = '42501'; END IF; "
    "SELECT * INTO src FROM public.note WHERE id = source_note; "
    "IF NOT FOUND OR src.agency_id <> me.agency_id THEN "
    "RAISE EXCEPTION 'only the agency holding a note may disclose it' "
    "USING ERRCODE = '42501'; END IF; "
    "IF receiver IS NULL OR receiver = src.agency_id "
    "OR NOT EXISTS (SELECT 1 FROM public.agency WHERE id = receiver) THEN "
    "RAISE EXCEPTION 'a disclosure goes to another existing agency' "
    "USING ERRCODE = '22023'; END IF; "
    f"IF basis IS NULL OR basis NOT IN ({LEGAL_BASES}) "
    "OR coalesce(btrim(grounds), '') = '' "
    "OR (basis = 'other' AND coalesce(btrim(basis_text), '') = '') THEN "
    "RAISE EXCEPTION 'a disclosure needs its legal basis and reason' "
    "USING ERRCODE = '22023'; END IF; "
    "IF coalesce(length(sealed), 0) = 0 THEN "
    "RAISE EXCEPTION 'a disclosed copy needs its sealed text' USING ERRCODE = '22023'; "
    "END IF; "
    "IF copy_note IS DISTINCT FROM currval(pg_get_serial_sequence('public.note', 'id')) "
    "THEN RAISE EXCEPTION 'the copy id must be the one this session drew last' "
    "USING ERRCODE = '22023'; END IF; "
    "INSERT INTO public.note (id, agency_id, person_id, group_id, visit_id, kind, section, "
    "ciphertext, key_version, created_by, created_at, disclosed_from_id, version) "
    "VALUES (copy_note, receiver, src.person_id, src.group_id, src.visit_id, src.kind, "
    f"src.section, sealed, {KEY_SEALED_BOX}, me.id, at_time, src.id, 1); "
    "INSERT INTO public.disclosure (source_note_id, copy_note_id, from_agency_id, "
    "to_agency_id, legal_basis, legal_basis_text, reason, user_id, at) "
    "VALUES (src.id, copy_note, src.agency_id, receiver, basis, "
    "nullif(btrim(basis_text), ''), grounds, me.id, at_time) RETURNING id INTO made; "
    "RETURN made; END $$"
)
AUDITED = (
    "CREATE OR REPLACE FUNCTION public.rondplan_disclosure_audited() RETURNS trigger "
    f"LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM public.user_role WHERE rolname = session_user) "
    "AND NOT EXISTS (SELECT 1 FROM public.audit_entry a WHERE a.action = 'note.disclose' "
    "AND a.xmin = pg_current_xact_id()::xid "
    "AND a.object_ids = NEW.source_note_id || ',' || NEW.copy_note_id "
    "AND a.detail = 'disclosure=' || NEW.id || ';to_agency=' || NEW.to_agency_id) THEN "
    "RAISE EXCEPTION 'a disclosure must be in the audit log of its own transaction' "
    "USING ERRCODE = '42501'; END IF; "
    "RETURN NULL; END $$"
)

# -- setting ------------------------------------------------------------------------
_OWNER = "public.rondplan_is_owner()"
_PUBLIC_KEY = "left(key, 18) = 'agency_public_key:'"
_PROTECTED = f"(key = 'database_id' OR {_PUBLIC_KEY})"
# The daily retention run (any user) marks the day it ran.
_CHANGEABLE = (
    f"{_OWNER} OR key = 'retention_last_run' OR (public.rondplan_is_admin() AND NOT {_PROTECTED})"
)
_ADDABLE = (
    f"{_CHANGEABLE} OR ({_PUBLIC_KEY} AND substr(key, 19) = "
    "(SELECT a.code FROM public.agency a WHERE a.id = public.rondplan_agency()))"
)
SETTING_POLICIES = (
    "ALTER TABLE public.setting ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE public.setting FORCE ROW LEVEL SECURITY",
    "CREATE POLICY setting_read ON public.setting FOR SELECT USING (true)",
    f"CREATE POLICY setting_add ON public.setting FOR INSERT WITH CHECK ({_ADDABLE})",
    f"CREATE POLICY setting_change ON public.setting FOR UPDATE USING ({_CHANGEABLE}) "
    f"WITH CHECK ({_CHANGEABLE})",
    f"CREATE POLICY setting_remove ON public.setting FOR DELETE USING ({_CHANGEABLE})",
)

# -- foreign keys: (table, name, column, referred, new action, old action) -------------
FOREIGN_KEYS = (
    ("note", "fk_note_visit_id_visit", "visit_id", "visit", "SET NULL", "CASCADE"),
    ("note", "fk_note_disclosed_from_id_note", "disclosed_from_id", "note", "SET NULL", None),
    ("disclosure", "fk_disclosure_source_note_id_note", "source_note_id", "note", "CASCADE", None),
    ("disclosure", "fk_disclosure_copy_note_id_note", "copy_note_id", "note", "CASCADE", None),
)


def _foreign_key(table: str, name: str, column: str, referred: str, action: str | None) -> str:
    on_delete = f" ON DELETE {action}" if action else ""
    return (
        f"ALTER TABLE public.{table} DROP CONSTRAINT {name}, ADD CONSTRAINT {name} "
        f"FOREIGN KEY ({column}) REFERENCES public.{referred} (id){on_delete}"
    )


AGENCY_RULE = "rondplan_agency() IN (from_agency_id, to_agency_id) OR rondplan_is_owner()"

UPGRADE = (
    AGENCY,
    IS_ADMIN,
    IS_OWNER,
    AUDIT_APPEND_ONLY,
    REPOINT,
    RETENTION,
    DISCLOSE,
    AUDITED,
    "ALTER TABLE public.retention_rule ADD CONSTRAINT ck_retention_rule_keep_days_min "
    "CHECK (keep_days >= 1)",
    *SETTING_POLICIES,
    *(_foreign_key(t, n, c, r, new) for t, n, c, r, new, _ in FOREIGN_KEYS),
    # Deleted only with one of its notes (the cascade above), never by itself.
    "DROP POLICY IF EXISTS disclosure_remove ON public.disclosure",
)

# 0001–0003's definitions (unqualified, SET search_path = public), for the downgrade.
_OLD_SEARCH_PATH = "SET search_path = public"


def _previous(statement: str) -> str:
    return (
        statement.replace(SEARCH_PATH, _OLD_SEARCH_PATH)
        .replace("pg_catalog.", "")
        .replace("public.", "")
        .replace("least(client_now, now() AT TIME ZONE 'UTC')", _OLD_AT_TIME)
    )


_OLD_AT_TIME = (
    "CASE WHEN is_admin THEN client_now ELSE least(client_now, now() AT TIME ZONE 'UTC') END"
)
_OLD_REPOINT = (
    "CREATE OR REPLACE FUNCTION rondplan_repoint_notes(drop_id integer, keep_id integer) "
    "RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ "
    "DECLARE moved integer; BEGIN "
    "IF NOT EXISTS (SELECT 1 FROM user_role r JOIN user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active AND u.role = 'coordinator') THEN "
    "RAISE EXCEPTION 'only a coordinator may merge persons' USING ERRCODE = '42501'; END IF; "
    "UPDATE note SET person_id = keep_id WHERE person_id = drop_id; "
    "GET DIAGNOSTICS moved = ROW_COUNT; RETURN moved; END $$"
)
_OLD_APPEND_ONLY = (
    "CREATE OR REPLACE FUNCTION rondplan_audit_append_only() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$"
)

DOWNGRADE = (
    f"CREATE POLICY disclosure_remove ON public.disclosure FOR DELETE USING ({AGENCY_RULE})",
    *(_foreign_key(t, n, c, r, old) for t, n, c, r, _, old in reversed(FOREIGN_KEYS)),
    "DROP POLICY IF EXISTS setting_remove ON public.setting",
    "DROP POLICY IF EXISTS setting_change ON public.setting",
    "DROP POLICY IF EXISTS setting_add ON public.setting",
    "DROP POLICY IF EXISTS setting_read ON public.setting",
    "ALTER TABLE public.setting NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY",
    "ALTER TABLE public.retention_rule DROP CONSTRAINT IF EXISTS ck_retention_rule_keep_days_min",
    _previous(AUDITED),
    _previous(DISCLOSE),
    _previous(RETENTION),
    _OLD_REPOINT,
    _OLD_APPEND_ONLY,
    _previous(IS_OWNER),
    _previous(IS_ADMIN),
    _previous(AGENCY),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
