"""server: retention deletes every agency's expired notes

Revision ID: 0002_server_note_retention
Revises: 0001_initial
Create Date: 2026-11-24 02:00:00

On PostgreSQL, row-level security hides other agencies' notes from whoever runs
retention, so a run deleted only the runner's own agency's notes and logged the rest
as nothing to delete. This function deletes, by the active note rules, the expired
notes of every agency (ids only; it never reads content). An administrator's run uses
the run's own time (a restore, a test clock); anyone else's (the daily run at login)
never runs ahead of the server's clock. Nothing changes on a local file.
"""

from __future__ import annotations

from alembic import op

revision = "0002_server_note_retention"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

FUNCTION = (
    "CREATE FUNCTION rondplan_retention_notes(client_now timestamp) RETURNS integer "
    "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ "
    "DECLARE is_admin boolean; at_time timestamp; ids integer[]; BEGIN "
    "SELECT u.role = 'administrator' INTO is_admin FROM user_role r "
    "JOIN user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active; "
    "IF is_admin IS NULL THEN "
    "RAISE EXCEPTION 'only a Rondplan user may run retention' USING ERRCODE = '42501'; "
    "END IF; "
    "at_time := CASE WHEN is_admin THEN client_now "
    "ELSE least(client_now, now() AT TIME ZONE 'UTC') END; "
    "SELECT coalesce(array_agg(DISTINCT n.id), '{}') INTO ids FROM note n "
    "JOIN retention_rule rr ON rr.category = 'note' AND rr.active "
    "AND (rr.agency_id IS NULL OR rr.agency_id = n.agency_id) "
    "WHERE n.created_at < at_time - make_interval(days => rr.keep_days); "
    "DELETE FROM disclosure WHERE source_note_id = ANY(ids) OR copy_note_id = ANY(ids); "
    "UPDATE note SET disclosed_from_id = NULL WHERE disclosed_from_id = ANY(ids); "
    "DELETE FROM note WHERE id = ANY(ids); "
    "RETURN cardinality(ids); END $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS rondplan_retention_notes(timestamp)")
