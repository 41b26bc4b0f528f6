"""server: the calendar's names and addresses from indexes, without the tables

Revision ID: 0023_server_calendar_names_index
Revises: 0022_server_visit_calendar_index
Create Date: 2026-12-07 14:00:00

On PostgreSQL only. After its visits (0022) a month of the calendar looks up each
visit's person for the name and the person's addresses for the one valid that day:
4,000 lookups each, every one reading an index page and then a table page. With the
columns it reads held in the index (person: id with the two names; address: the
person's key with the validity, id, area and sealed text) both become index-only scans
on the pages VACUUM has marked all-visible. The month's statement went from 45-49 to
40-43 ms at 100,000 persons (issue 19). The address index keeps its name and key, so
every other reader of a person's addresses uses it as before.
"""

from __future__ import annotations

from alembic import op

revision = "0023_server_calendar_names_index"
down_revision = "0022_server_visit_calendar_index"
branch_labels = None
depends_on = None

POSTGRES_UP = (
    "CREATE INDEX ix_person_calendar ON person (id) INCLUDE (first_name, last_name)",
    "DROP INDEX ix_address_person_id",
    "CREATE INDEX ix_address_person_id ON address (person_id) "
    "INCLUDE (valid_from, valid_to, id, area, sealed)",
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_person_calendar",
    "DROP INDEX ix_address_person_id",
    "CREATE INDEX ix_address_person_id ON address (person_id)",
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
