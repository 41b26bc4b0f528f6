"""compartment key versions for revocation

Revision ID: 0009_key_rotation
Revises: 0008_protected_addresses
Create Date: 2026-12-07 04:00:00

Kept empty on purpose: it was reserved while several migrations were written at once,
and the key rotation needed no schema (the keyslots hold the rotated keys, and each
compartment cipher tries its older keys). It changes nothing.
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
