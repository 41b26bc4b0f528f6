"""server: grants and row-level security for every table from the permission table

Revision ID: 0011_server_permissions
Revises: 0010_record_truth
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0011_server_permissions"
down_revision = "0010_record_truth"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
