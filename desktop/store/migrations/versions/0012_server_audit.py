"""server: the server writes who and when into the audit log; no client-visible chain lock

Revision ID: 0012_server_audit
Revises: 0011_server_permissions
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0012_server_audit"
down_revision = "0011_server_permissions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
