"""server: the person list's Swedish name order from an index

Revision ID: 0004_server_swedish_name_index
Revises: 0003_server_disclosure
Create Date: 2026-11-24 05:00:00

On PostgreSQL the person list sorts by last and first name in the ICU Swedish collation
(desktop.services.mapping.order), and a one- or two-letter search is a range in that
collation (case and accents folded, å ä ö letters of their own, as ``sv_key`` on a
local file). ``ix_person_name`` is in the database's own collation and serves neither:
this index in the Swedish collation (id last, the list's tie-break) lets ORDER BY …
LIMIT walk it and the range read only its matches. Nothing changes on a local file,
which has ``ix_person_sv_name`` over ``sv_key``.
"""

from __future__ import annotations

from alembic import op

revision = "0004_server_swedish_name_index"
down_revision = "0003_server_disclosure"
branch_labels = None
depends_on = None

# desktop.services.mapping.order.POSTGRES_COLLATION at this revision.
COLLATION = '"sv-SE-x-icu"'


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX ix_person_sv_name_icu ON person "
            f"(last_name COLLATE {COLLATION}, first_name COLLATE {COLLATION}, id)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_person_sv_name_icu")
