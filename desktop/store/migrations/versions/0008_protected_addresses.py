"""protected-identity addresses under their own key; the retention ledger

Revision ID: 0008_protected_addresses
Revises: 0007_signed_records
Create Date: 2026-12-07 04:00:00

- ``address.sealed``: the street, postcode, city, area and access notes of a person
  with skyddad identitet, sealed together under the protected-address key (a reserved
  compartment code in the keyslots, held by coordinators and team leads). The plain
  columns of such a row are emptied. Rows already in the file are sealed at the first
  login of a user who holds the key (desktop.services.protected_addresses): a migration
  has no key to seal with, so until that login they stay as they were.
- ``retention_ledger``: ids (no names) of what retention deleted, so a restore of an
  older backup deletes them again.
- SQLite: the trigram search index is rebuilt as a contentless FTS5 table whose
  triggers give the old values to its 'delete' command, with ``secure-delete`` on, so a
  deleted (or renamed) person's name leaves no fragment in the index pages. The old
  index is dropped (``secure_delete`` zeroes its pages), which also removes the
  fragments earlier deletes left behind.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_protected_addresses"
down_revision = "0007_signed_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("address") as batch_op:
        batch_op.add_column(sa.Column("sealed", sa.LargeBinary(), nullable=True))
    op.create_table(
        "retention_ledger",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SECURE_SEARCH:
            op.execute(statement)


_VALUES = (
    "{0}.first_name || ' ' || {0}.last_name, {0}.aliases, "
    "replace(coalesce({0}.identity_number, ''), '-', '')"
)
SQLITE_SECURE_SEARCH = (
    # contentless_delete=1 only marks a row deleted (a tombstone): its trigrams stay in
    # the index pages. A contentless table told the old values by the 'delete' command
    # removes them; with secure-delete they are taken out of the pages at once.
    "DROP TRIGGER IF EXISTS person_search_ai",
    "DROP TRIGGER IF EXISTS person_search_au",
    "DROP TRIGGER IF EXISTS person_search_ad",
    "DROP TABLE IF EXISTS person_search",
    "CREATE VIRTUAL TABLE person_search USING fts5("
    "name, aliases, identity_digits, content='', tokenize='trigram')",
    "INSERT INTO person_search(person_search, rank) VALUES ('secure-delete', 1)",
    "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
    f"SELECT person.id, {_VALUES.format('person')} FROM person",
    "CREATE TRIGGER person_search_ai AFTER INSERT ON person BEGIN "
    "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
    f"VALUES (new.id, {_VALUES.format('new')}); END",
    "CREATE TRIGGER person_search_au AFTER UPDATE OF first_name, last_name, aliases, "
    "identity_number ON person BEGIN "
    "INSERT INTO person_search(person_search, rowid, name, aliases, identity_digits) "
    f"VALUES ('delete', old.id, {_VALUES.format('old')}); "
    "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
    f"VALUES (new.id, {_VALUES.format('new')}); END",
    "CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN "
    "INSERT INTO person_search(person_search, rowid, name, aliases, identity_digits) "
    f"VALUES ('delete', old.id, {_VALUES.format('old')}); END",
)


def downgrade() -> None:
    # The search index stays in its secure form (it answers the same queries).
    op.drop_table("retention_ledger")
    with op.batch_alter_table("address") as batch_op:
        batch_op.drop_column("sealed")
