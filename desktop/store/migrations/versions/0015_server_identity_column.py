"""server: the personnummer column only for the roles that may reveal it

Revision ID: 0015_server_identity_column
Revises: 0013_search_fold
Create Date: 2026-12-07 06:00:00

On PostgreSQL only (a local file is unchanged: whoever holds its key reads it all).
Officers and team leads read ``person.identity_number`` with psql although only
coordinators may see a personnummer (PERSON_REVEAL_ID, issue 16). From now on the
grants (``desktop.services.server_rights``, renewed by ``init`` and ``upgrade``) leave
that column out for the roles without the action, and what the application shows or
searches for them comes from:

- ``person.identity_masked``: a generated column ``ÅÅÅÅMMDD-****`` (the form lists,
  profiles and briefings show), with an index for a search by the date part;
- ``rondplan_person_ids_by_identity(text)``: the ids of the persons with exactly that
  number (SECURITY DEFINER, owner's), the search by a whole number; EXECUTE is granted
  to the groups of the roles that may search;
- a trigram index over the folded names and aliases alone, which their search uses
  (the full search expression holds the digits).
"""

from __future__ import annotations

from alembic import op

revision = "0015_server_identity_column"
down_revision = "0013_search_fold"
branch_labels = None
depends_on = None

FOLD = "public.rondplan_search_fold"
NAME_EXPRESSION = "(first_name || ' ' || last_name || ' ' || aliases)"

POSTGRES_UP = (
    "ALTER TABLE person ADD COLUMN identity_masked varchar(13) GENERATED ALWAYS AS "
    "(CASE WHEN identity_number IS NULL OR identity_number = '' THEN NULL "
    "ELSE substr(identity_number, 1, 9) || '****' END) STORED",
    "CREATE INDEX ix_person_identity_masked ON person (identity_masked)",
    "CREATE INDEX ix_person_name_trgm ON person USING gin "
    f"({FOLD}({NAME_EXPRESSION}) gin_trgm_ops)",
    "CREATE FUNCTION public.rondplan_person_ids_by_identity(number text) "
    "RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path = pg_catalog, public, pg_temp ROWS 1 "
    "AS $$ SELECT id FROM public.person WHERE identity_number = number $$",
    "REVOKE ALL ON FUNCTION public.rondplan_person_ids_by_identity(text) FROM PUBLIC",
)
POSTGRES_DOWN = (
    "DROP FUNCTION IF EXISTS public.rondplan_person_ids_by_identity(text)",
    "DROP INDEX IF EXISTS ix_person_name_trgm",
    "DROP INDEX IF EXISTS ix_person_identity_masked",
    "ALTER TABLE person DROP COLUMN IF EXISTS identity_masked",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in POSTGRES_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in POSTGRES_DOWN:
        op.execute(statement)
