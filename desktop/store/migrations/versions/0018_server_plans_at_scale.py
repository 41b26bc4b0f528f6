"""server: the protected persons' own index, for the address policy's subquery

Revision ID: 0018_server_plans_at_scale
Revises: 0017_server_audit_reading
Create Date: 2026-12-07 08:15:00

On PostgreSQL only. The row-level security policies of ``address`` (migration 0008)
ask whether the address's person has a protected identity. At 100,000 persons the
planner answered that with a hashed subplan over a sequential scan of all of person,
in every address read (the calendar's and the list's, issue 19): a partial index of
the few protected persons makes it a scan of a handful of index entries.
"""

from __future__ import annotations

from alembic import op

revision = "0018_server_plans_at_scale"
down_revision = "0017_server_audit_reading"
branch_labels = None
depends_on = None

POSTGRES_UP = ("CREATE INDEX ix_person_protected ON person (id) WHERE protected_identity",)
POSTGRES_DOWN = ("DROP INDEX IF EXISTS ix_person_protected",)


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
