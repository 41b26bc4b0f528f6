"""search finds names typed without their accents (Delić by "delic", Yılmaz by "yilmaz")

Revision ID: 0013_search_fold
Revises: 0012_server_audit
Create Date: 2026-12-07 05:00:00

Swedish users type Swedish letters, not Serbo-Croatian, Turkish or Polish ones (issue
18). The search index now holds names and aliases folded: lower case, every diacritic
taken off (å ä ö too, as PostgreSQL's ``unaccent`` does, so both stores find the same
persons), ``ı ł đ ø æ`` and the like by hand. The typed words are folded the same way
(desktop.store.collation.search_fold).

- SQLite: the contentless FTS5 table of 0008 is rebuilt with ``search_fold(...)``
  (a deterministic function every connection registers) in its triggers; ``secure-delete``
  stays on, and the 'delete' command gets the same folded old values.
- PostgreSQL: the trusted ``unaccent`` extension, an IMMUTABLE wrapper
  ``rondplan_search_fold(text)`` with its dictionary named (so an index may use it), and
  the pg_trgm index over the folded search expression.
"""

from __future__ import annotations

from alembic import op

revision = "0013_search_fold"
down_revision = "0012_server_audit"
branch_labels = None
depends_on = None

# desktop.store.server.schema.SEARCH_EXPRESSION at this revision.
SEARCH_EXPRESSION = (
    "(first_name || ' ' || last_name || ' ' || aliases || ' ' || "
    "replace(coalesce(identity_number, ''), '-', ''))"
)


def _values(row: str, fold: bool) -> str:
    name = f"{row}.first_name || ' ' || {row}.last_name"
    aliases = f"{row}.aliases"
    if fold:
        name, aliases = f"search_fold({name})", f"search_fold({aliases})"
    return f"{name}, {aliases}, replace(coalesce({row}.identity_number, ''), '-', '')"


def _sqlite_index(fold: bool) -> tuple[str, ...]:
    return (
        "DROP TRIGGER IF EXISTS person_search_ai",
        "DROP TRIGGER IF EXISTS person_search_au",
        "DROP TRIGGER IF EXISTS person_search_ad",
        "DROP TABLE IF EXISTS person_search",
        "CREATE VIRTUAL TABLE person_search USING fts5("
        "name, aliases, identity_digits, content='', tokenize='trigram')",
        "INSERT INTO person_search(person_search, rank) VALUES ('secure-delete', 1)",
        "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
        f"SELECT person.id, {_values('person', fold)} FROM person",
        "CREATE TRIGGER person_search_ai AFTER INSERT ON person BEGIN "
        "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
        f"VALUES (new.id, {_values('new', fold)}); END",
        "CREATE TRIGGER person_search_au AFTER UPDATE OF first_name, last_name, aliases, "
        "identity_number ON person BEGIN "
        "INSERT INTO person_search(person_search, rowid, name, aliases, identity_digits) "
        f"VALUES ('delete', old.id, {_values('old', fold)}); "
        "INSERT INTO person_search(rowid, name, aliases, identity_digits) "
        f"VALUES (new.id, {_values('new', fold)}); END",
        "CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN "
        "INSERT INTO person_search(person_search, rowid, name, aliases, identity_digits) "
        f"VALUES ('delete', old.id, {_values('old', fold)}); END",
    )


POSTGRES_UP = (
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
    "CREATE FUNCTION public.rondplan_search_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $$ SELECT pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
    "DROP INDEX IF EXISTS ix_person_search_trgm",
    "CREATE INDEX ix_person_search_trgm ON person USING gin "
    f"(public.rondplan_search_fold({SEARCH_EXPRESSION}) gin_trgm_ops)",
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_person_search_trgm",
    f"CREATE INDEX ix_person_search_trgm ON person USING gin ({SEARCH_EXPRESSION} gin_trgm_ops)",
    "DROP FUNCTION IF EXISTS public.rondplan_search_fold(text)",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = _sqlite_index(fold=True) if dialect == "sqlite" else POSTGRES_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = _sqlite_index(fold=False) if dialect == "sqlite" else POSTGRES_DOWN
    for statement in statements:
        op.execute(statement)
