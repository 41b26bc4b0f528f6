"""server: the calendar's visits of a month from one index, without the table

Revision ID: 0022_server_visit_calendar_index
Revises: 0021_membership_by_person
Create Date: 2026-12-07 10:50:00

On PostgreSQL only. A month of the calendar reads 4,000 to 8,000 visits by their start;
at 500,000 visits those lie on as many table pages (visits are written in the order
they are planned, not in the order they take place), and reading them was a third of
the month's statement (issue 19). An index on the start holding every column the
calendar reads gives them from a few index pages (an index-only scan on the pages
VACUUM has marked all-visible, which is all but the newest).
"""

from __future__ import annotations

from alembic import op

revision = "0022_server_visit_calendar_index"
down_revision = "0021_membership_by_person"
branch_labels = None
depends_on = None

POSTGRES_UP = (
    "CREATE INDEX ix_visit_calendar ON visit (starts_at) INCLUDE (id, person_id, team_id, "
    "ends_at, status, operation_id, version, address_id, incident_id)",
)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_visit_calendar",)


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
