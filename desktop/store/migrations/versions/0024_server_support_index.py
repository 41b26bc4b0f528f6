"""server: the dashboard's offers at the door from an index, without the table

Revision ID: 0024_server_support_index
Revises: 0023_server_calendar_names_index
Create Date: 2026-12-07 21:40:00

On PostgreSQL only. The dashboard counts, month by month, the visits at which support
was offered and from which no referral was opened. It read every visit of the year by
its start and then each one's table page for the flag: at 500,000 visits, 48,000 visits
on 7,400 pages, 22 ms of a dashboard's server time whether one visit in two or none
had support offered (issue 19). A partial index of the visits with support offered,
by start and holding the id the referral check needs, gives the same rows from the
index alone (an index-only scan on the pages VACUUM has marked all-visible).
"""

from __future__ import annotations

from alembic import op

revision = "0024_server_support_index"
down_revision = "0023_server_calendar_names_index"
branch_labels = None
depends_on = None

POSTGRES_UP = (
    "CREATE INDEX ix_visit_support_offered ON visit (starts_at) INCLUDE (id) "
    "WHERE support_offered IS TRUE",
)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_visit_support_offered",)


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
