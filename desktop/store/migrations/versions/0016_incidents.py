"""incidents: the register of violence, its corrections and the response to it

Revision ID: 0016_incidents
Revises: 0015_server_identity_column
Create Date: 2026-12-07 07:30:00

Issue 20. New tables ``incident`` (the description sealed in the recording agency's
compartment), ``incident_group`` and ``incident_person`` (who was involved, on which
side or in which role, with source and certainty), ``incident_revision`` (the values
before each correction) and ``incident_response`` (the proposed urgent round, sanction
period and follow-up tasks, until a coordinator accepts or declines). ``visit``,
``sanction_period`` and ``task`` get a nullable ``incident_id``: a visit made in
response to an incident is urgent.

On PostgreSQL the grants come from the permission table (``server_rights``, renewed by
``init`` and ``upgrade``); row-level security here keeps a person named as a victim,
injured person or witness, and the old values of a correction, within the recording
agency, and lets only that agency write its incidents.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_incidents"
down_revision = "0015_server_identity_column"
branch_labels = None
depends_on = None


def _enum(*values: str) -> sa.Enum:
    return sa.Enum(*values, native_enum=False, length=32)


CERTAINTY = ("confirmed", "probable")

# The recording agency of a row's incident, or the database owner (who migrates).
_OWN_INCIDENT = (
    "EXISTS (SELECT 1 FROM public.incident i WHERE i.id = incident_id "
    "AND i.agency_id = public.rondplan_agency()) OR public.rondplan_is_owner()"
)
_OWN = "agency_id = public.rondplan_agency() OR public.rondplan_is_owner()"

POSTGRES_UP = (
    "ALTER TABLE incident ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE incident FORCE ROW LEVEL SECURITY",
    "CREATE POLICY incident_read ON incident FOR SELECT USING (true)",
    f"CREATE POLICY incident_add ON incident FOR INSERT WITH CHECK ({_OWN})",
    f"CREATE POLICY incident_change ON incident FOR UPDATE USING ({_OWN}) WITH CHECK ({_OWN})",
    # Retention (an administrator's run) deletes expired incidents of every agency.
    f"CREATE POLICY incident_remove ON incident FOR DELETE "
    f"USING ({_OWN} OR public.rondplan_is_admin())",
    "ALTER TABLE incident_group ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE incident_group FORCE ROW LEVEL SECURITY",
    "CREATE POLICY incident_group_read ON incident_group FOR SELECT USING (true)",
    f"CREATE POLICY incident_group_add ON incident_group FOR INSERT WITH CHECK ({_OWN_INCIDENT})",
    f"CREATE POLICY incident_group_change ON incident_group FOR UPDATE USING ({_OWN_INCIDENT}) "
    f"WITH CHECK ({_OWN_INCIDENT})",
    f"CREATE POLICY incident_group_remove ON incident_group FOR DELETE USING ({_OWN_INCIDENT})",
    "ALTER TABLE incident_person ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE incident_person FORCE ROW LEVEL SECURITY",
    # A suspect's link is shared; a victim, an injured person or a witness is named only
    # within the recording agency.
    "CREATE POLICY incident_person_read ON incident_person FOR SELECT "
    f"USING (role = 'suspected' OR {_OWN_INCIDENT})",
    f"CREATE POLICY incident_person_add ON incident_person FOR INSERT WITH CHECK ({_OWN_INCIDENT})",
    f"CREATE POLICY incident_person_change ON incident_person FOR UPDATE "
    f"USING ({_OWN_INCIDENT}) WITH CHECK ({_OWN_INCIDENT})",
    f"CREATE POLICY incident_person_remove ON incident_person FOR DELETE USING ({_OWN_INCIDENT})",
    "ALTER TABLE incident_revision ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE incident_revision FORCE ROW LEVEL SECURITY",
    f"CREATE POLICY incident_revision_agency ON incident_revision USING ({_OWN_INCIDENT}) "
    f"WITH CHECK ({_OWN_INCIDENT})",
)
POSTGRES_DOWN = tuple(
    f"DROP POLICY IF EXISTS {policy} ON {table}"
    for table, policies in (
        ("incident", ("read", "add", "change", "remove")),
        ("incident_group", ("read", "add", "change", "remove")),
        ("incident_person", ("read", "add", "change", "remove")),
        ("incident_revision", ("agency",)),
    )
    for policy in (f"{table}_{name}" for name in policies)
)


def upgrade() -> None:
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "shooting",
                "explosion",
                "hand_grenade",
                "knife",
                "murder",
                "threat",
                "other",
            ),
            nullable=False,
        ),
        sa.Column("certainty", _enum(*CERTAINTY), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("district", sa.String(length=80), nullable=False),
        sa.Column("injured", sa.Integer(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("description_cipher", sa.LargeBinary(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_incident_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user_account.id"], name=op.f("fk_incident_created_by_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
        sa.UniqueConstraint("reference", name=op.f("uq_incident_reference")),
    )
    op.create_index("ix_incident_period", "incident", ["occurred_at", "kind"])
    op.create_index(op.f("ix_incident_occurred_at"), "incident", ["occurred_at"])
    op.create_index(op.f("ix_incident_district"), "incident", ["district"])
    op.create_index(op.f("ix_incident_agency_id"), "incident", ["agency_id"])

    op.create_table(
        "incident_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("side", _enum("suspected", "victim"), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("certainty", _enum(*CERTAINTY), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_incident_group_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["group_.id"],
            name=op.f("fk_incident_group_group_id_group_"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_group")),
    )
    op.create_index(
        "ix_incident_group_incident", "incident_group", ["incident_id", "group_id", "side"]
    )
    op.create_index(
        "ix_incident_group_group", "incident_group", ["group_id", "incident_id", "side"]
    )

    op.create_table(
        "incident_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", _enum("suspected", "injured", "victim", "witness"), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("certainty", _enum(*CERTAINTY), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_incident_person_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_incident_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_person")),
    )
    op.create_index(op.f("ix_incident_person_incident_id"), "incident_person", ["incident_id"])
    op.create_index(op.f("ix_incident_person_person_id"), "incident_person", ["person_id"])

    op.create_table(
        "incident_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=False),
        sa.Column("description_cipher", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_incident_revision_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_incident_revision_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_revision")),
    )
    op.create_index(op.f("ix_incident_revision_incident_id"), "incident_revision", ["incident_id"])

    op.create_table(
        "incident_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=True),
        sa.Column("status", _enum("proposed", "accepted", "declined"), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("sanction_days", sa.Integer(), nullable=False),
        sa.Column("proposed_by", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_incident_response_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_incident_response_operation_id_operation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by"],
            ["user_account.id"],
            name=op.f("fk_incident_response_proposed_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["user_account.id"],
            name=op.f("fk_incident_response_decided_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_response")),
    )
    op.create_index(op.f("ix_incident_response_incident_id"), "incident_response", ["incident_id"])

    # SQLite adds a column with its REFERENCES clause in place (no table rebuild of the
    # 500,000 visits); PostgreSQL gets a named constraint.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("visit", "sanction_period", "task"):
        if sqlite:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN incident_id INTEGER "
                "REFERENCES incident (id) ON DELETE SET NULL"
            )
            continue
        op.add_column(table, sa.Column("incident_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            f"fk_{table}_incident_id_incident",
            table,
            "incident",
            ["incident_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # The evaluation reads each member's visits and the urgent visits from indexes alone.
    op.create_index("ix_visit_incident", "visit", ["incident_id", "starts_at", "status"])
    op.create_index("ix_visit_person_period", "visit", ["person_id", "starts_at", "status"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
    op.drop_index("ix_visit_person_period", table_name="visit")
    op.drop_index("ix_visit_incident", table_name="visit")
    for table in ("task", "sanction_period", "visit"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("incident_id")
    for table in (
        "incident_response",
        "incident_revision",
        "incident_person",
        "incident_group",
        "incident",
    ):
        op.drop_table(table)
