"""one home for every fact: relation validity, outcome fields, derived addresses

Revision ID: 0010_record_truth
Revises: 0009_key_rotation
Create Date: 2026-12-07 04:00:00

- ``referral.retracted_at``: a referral opened by a visit outcome that was corrected or
  undone is retracted, not deleted (the server keeps referrals and their history from
  deletes); a retracted referral counts nowhere (issue 17).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_record_truth"
down_revision = "0009_key_rotation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referral") as batch_op:
        batch_op.add_column(sa.Column("retracted_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referral") as batch_op:
        batch_op.drop_column("retracted_at")
