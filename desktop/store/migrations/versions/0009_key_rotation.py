"""compartment key versions for revocation

Revision ID: 0009_key_rotation
Revises: 0008_protected_addresses
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0009_key_rotation"
down_revision = "0008_protected_addresses"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
