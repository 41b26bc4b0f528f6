"""signed roles, accounts, agencies, agency keys and audit entries (file and server)

Revision ID: 0007_signed_records
Revises: 0006_server_role_admin
Create Date: 2026-12-07 04:00:00

Issue 15: every audit entry written to a local file from now on carries its author's
Ed25519 signature (``audit_entry.signature``); the trust root's signatures of user
accounts, agencies, agency public keys and the installation record live in
``signed_record``. ``audit_signed_from`` (a setting) is the first sequence number that
must be signed: older entries keep their HMAC. Both dialects get the same schema; the
server does not use the new columns yet (its log is authenticated by the server).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_signed_records"
down_revision = "0006_server_role_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch copy: a copy would drop the append-only triggers on SQLite.
    op.add_column("audit_entry", sa.Column("signature", sa.Text(), nullable=True))
    op.create_table(
        "signed_record",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=True),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("kind", "ref", name=op.f("pk_signed_record")),
    )
    if op.get_bind().dialect.name == "postgresql":
        return
    # Entries already in the log keep their HMAC; from the next one on, all are signed.
    op.execute(
        "INSERT INTO setting (key, value) SELECT 'audit_signed_from', "
        "json(COALESCE(MAX(seq), 0) + 1) FROM audit_entry"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DELETE FROM setting WHERE key = 'audit_signed_from'")
    op.drop_table("signed_record")
    op.drop_column("audit_entry", "signature")
