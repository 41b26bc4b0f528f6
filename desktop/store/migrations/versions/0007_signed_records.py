"""signed roles, accounts, agencies, agency keys and audit entries (file and server)

Revision ID: 0007_signed_records
Revises: 0006_server_role_admin
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0007_signed_records"
down_revision = "0006_server_role_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
