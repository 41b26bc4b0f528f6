"""server: the address policy asks the caller's role once per statement, not per row

Revision ID: 0020_server_address_policy_once
Revises: 0019_sealed_incident_links
Create Date: 2026-12-07 10:30:00

On PostgreSQL only. The row-level security policies of ``address`` (migration 0011)
called ``rondplan_member_of`` and ``rondplan_is_owner`` for every row read: two
catalogue lookups each, about 8 µs a row as a user's role against 2 µs as the owner, so
a month of the calendar (4,000 to 8,000 addresses) spent 30-40 ms in them (issue 19).
Neither depends on the row: written as scalar subqueries, the planner evaluates them
once per statement (an InitPlan) and each row tests a boolean. Who sees which address
is unchanged (tests/integration/test_pg_protected_addresses.py, the attack tests).
"""

from __future__ import annotations

from alembic import op

revision = "0020_server_address_policy_once"
down_revision = "0019_sealed_incident_links"
branch_labels = None
depends_on = None

# Migration 0011's PROTECTED_ADDRESS_ROLES, frozen here as a migration must be
# (tests/unit/test_store_layering.py says when the permission table has moved on).
ROLES = ("coordinator", "team_lead")
_ROLES = "ARRAY[" + ", ".join(f"'{role}'" for role in ROLES) + "]"
_PROTECTED = (
    "NOT EXISTS (SELECT 1 FROM public.person p "
    "WHERE p.id = address.person_id AND p.protected_identity)"
)
ONCE = (
    f"(SELECT public.rondplan_member_of({_ROLES})) OR (SELECT public.rondplan_is_owner()) "
    f"OR {_PROTECTED}"
)
PER_ROW = f"public.rondplan_member_of({_ROLES}) OR public.rondplan_is_owner() OR {_PROTECTED}"
POLICIES = ("address_read", "address_change", "address_remove")


def _using(visible: str) -> list[str]:
    return [f"ALTER POLICY {name} ON public.address USING ({visible})" for name in POLICIES]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _using(ONCE):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _using(PER_ROW):
        op.execute(statement)
