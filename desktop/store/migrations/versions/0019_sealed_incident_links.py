"""sealed incident links: a victim's, injured person's or witness's part sealed

Revision ID: 0019_sealed_incident_links
Revises: 0018_server_plans_at_scale
Create Date: 2026-12-07 10:40:00

Issue 20. ``incident_person`` named in plain rows who was a victim, injured or a
witness: an insider of another agency with the raw file and their own password read it
with sqlcipher3. New table ``incident_person_sealed``: one ciphertext per such link
(person id, role, source, certainty, padded to whole 256-byte blocks), bound to the
incident (``incident_person:<incident id>``), readable only with the recording agency's
compartment key (desktop.services.incidents.sealed_links). A correction's old links of
these roles are sealed inside ``incident_revision.previous`` the same way
(``incident_revision:<incident id>``). A suspect's link stays plain: it is shared with
every agency by design.

A migration holds no compartment key, so the rows already there are sealed to the
recording agency's public key (``setting agency_public_key:<code>``, published at every
login, as a disclosure is: ``key_version`` 0, "b:" in a revision); the next key rotation
writes them under the compartment key. A link of an agency that never published its key
stays plain (the readers still filter it, the server's row policy still hides it).

PostgreSQL: the server's row policy hides the new table from other agencies too, as it
does ``incident_person``'s victims; grants come from the permission table
(``server_rights``, renewed by ``upgrade``). A merge no longer moves incident links:
readers resolve ``person.merged_into_id`` (no schema change for that).

Downgrade drops the sealed links (a migration cannot open them): restore the backup
taken before the upgrade instead.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from alembic import op

from desktop.store import sealed_box

revision = "0019_sealed_incident_links"
down_revision = "0018_server_plans_at_scale"
branch_labels = None
depends_on = None

WITHHELD = ("injured", "victim", "witness")
KEY_SEALED_BOX = 0
BLOCK = 256

_OWN_INCIDENT = (
    "EXISTS (SELECT 1 FROM public.incident i WHERE i.id = incident_id "
    "AND i.agency_id = public.rondplan_agency()) OR public.rondplan_is_owner()"
)
POSTGRES_UP = (
    "ALTER TABLE incident_person_sealed ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE incident_person_sealed FORCE ROW LEVEL SECURITY",
    f"CREATE POLICY incident_person_sealed_agency ON incident_person_sealed "
    f"USING ({_OWN_INCIDENT}) WITH CHECK ({_OWN_INCIDENT})",
)
POSTGRES_DOWN = ("DROP POLICY IF EXISTS incident_person_sealed_agency ON incident_person_sealed",)

_link = sa.table(
    "incident_person",
    sa.column("id", sa.Integer),
    sa.column("incident_id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("role", sa.String),
    sa.column("source", sa.String),
    sa.column("certainty", sa.String),
)
_sealed = sa.table(
    "incident_person_sealed",
    sa.column("incident_id", sa.Integer),
    sa.column("key_version", sa.Integer),
    sa.column("sealed", sa.LargeBinary),
)
_incident = sa.table("incident", sa.column("id", sa.Integer), sa.column("agency_id", sa.Integer))
_agency = sa.table("agency", sa.column("id", sa.Integer), sa.column("code", sa.String))
_setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
_revision = sa.table(
    "incident_revision",
    sa.column("id", sa.Integer),
    sa.column("incident_id", sa.Integer),
    sa.column("previous", sa.JSON),
)


def link_text(person_id: int, role: str, source: str, certainty: str) -> str:
    """As desktop.services.incidents.sealed_links.link_text (kept here as it was)."""
    text = json.dumps([person_id, role, source, certainty], ensure_ascii=False)
    return text + " " * (-len(text.encode("utf-8")) % BLOCK)


def _public_keys(conn: sa.Connection) -> dict[int, tuple[str, bytes]]:
    """Incident id -> (recording agency's code, its public key), where it has one."""
    keys = {
        str(key)[len("agency_public_key:") :]: base64.b64decode(value)
        for key, value in conn.execute(
            sa.select(_setting.c.key, _setting.c.value).where(
                _setting.c.key.like("agency_public_key:%")
            )
        )
    }
    found = {}
    for incident_id, code in conn.execute(
        sa.select(_incident.c.id, _agency.c.code).join(
            _agency, _agency.c.id == _incident.c.agency_id
        )
    ):
        if code in keys:
            found[incident_id] = (code, keys[code])
    return found


def _seal_links(conn: sa.Connection, keys: dict[int, tuple[str, bytes]]) -> None:
    rows = conn.execute(
        sa.select(_link).where(_link.c.role.in_(WITHHELD)).order_by(_link.c.id)
    ).all()
    moved = []
    for row in rows:
        if row.incident_id not in keys:
            continue
        code, public = keys[row.incident_id]
        text = link_text(row.person_id, row.role, row.source, row.certainty)
        conn.execute(
            _sealed.insert().values(
                incident_id=row.incident_id,
                key_version=KEY_SEALED_BOX,
                sealed=sealed_box.seal_for_agency(
                    public, code, text, f"incident_person:{row.incident_id}"
                ),
            )
        )
        moved.append(row.id)
    for start in range(0, len(moved), 500):
        conn.execute(_link.delete().where(_link.c.id.in_(moved[start : start + 500])))


def _seal_revisions(conn: sa.Connection, keys: dict[int, tuple[str, bytes]]) -> None:
    for rid, incident_id, previous in conn.execute(sa.select(_revision)).all():
        entries = (previous or {}).get("persons")
        if incident_id not in keys or not isinstance(entries, list):
            continue
        code, public = keys[incident_id]
        sealed: list[object] = []
        for entry in entries:
            if isinstance(entry, list) and len(entry) == 4 and entry[1] in WITHHELD:
                blob = sealed_box.seal_for_agency(
                    public, code, link_text(*entry), f"incident_revision:{incident_id}"
                )
                sealed.append("b:" + base64.b64encode(blob).decode("ascii"))
            else:
                sealed.append(entry)
        if sealed != entries:
            conn.execute(
                _revision.update()
                .where(_revision.c.id == rid)
                .values(previous={**previous, "persons": sealed})
            )


def upgrade() -> None:
    op.create_table(
        "incident_person_sealed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_incident_person_sealed_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_person_sealed")),
    )
    op.create_index(
        op.f("ix_incident_person_sealed_incident_id"), "incident_person_sealed", ["incident_id"]
    )
    conn = op.get_bind()
    keys = _public_keys(conn)
    _seal_links(conn, keys)
    _seal_revisions(conn, keys)
    if conn.dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
    op.drop_table("incident_person_sealed")
