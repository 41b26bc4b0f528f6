"""protected-identity addresses under their own key; the retention ledger

Revision ID: 0008_protected_addresses
Revises: 0007_signed_records
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0008_protected_addresses"
down_revision = "0007_signed_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
