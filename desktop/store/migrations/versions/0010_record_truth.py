"""one home for every fact: relation validity, outcome fields, derived addresses

Revision ID: 0010_record_truth
Revises: 0009_key_rotation
Create Date: 2026-12-07 04:00:00

Placeholder in the chain (so that work on several migrations can go on at once);
it changes nothing until it is filled in.
"""

from __future__ import annotations

revision = "0010_record_truth"
down_revision = "0009_key_rotation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
