"""What each role may do to each table on the server, derived from the permission table.

``permissions.ALLOWED`` says which actions a role may take; ``NEEDS`` (in ``server_needs``)
says which tables (and, where it matters, which columns) each action reads or writes as
the application does it. A role's database rights are the union over its actions, plus
``EVERY_ROLE`` (login, the audit chain's head, settings, its own keyslot). Nothing else:
an administrator or an auditor gets no right on a table of case data that none of its
actions needs, and an officer no UPDATE on ``visit`` because no action of an officer's
changes a visit.

The grants (``grant_statements``), the row-level security of ``address`` (protected
identity, migration ``0011_server_permissions``), the matrix in ``docs/server.md``
(``matrix_markdown``) and the attack tests (tests/attacks/test_server_table_rights.py)
are all made from this module. A test walks every table and column of the schema
(metadata and the live server) and fails on one without a rule here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.models import Role
from desktop.services.permissions import ALLOWED, Action
from desktop.services.server_needs import ALL_TABLES as ALL_TABLES
from desktop.services.server_needs import EVERY_ROLE, A, Need, need
from desktop.services.server_needs import NEEDS as NEEDS
from desktop.services.server_needs import OPERATIONS as OPERATIONS
from desktop.services.server_needs import PERSONAL_TABLES as PERSONAL_TABLES
from desktop.services.server_needs import SELECT as SELECT
from desktop.services.server_needs import UPDATE as UPDATE
from desktop.services.server_needs import protected_address_roles as protected_address_roles


@dataclass(frozen=True)
class Right:
    """One role's right on one table: operations, and column limits (None: every column)."""

    operations: frozenset[str]
    select_columns: frozenset[str] | None
    update_columns: frozenset[str] | None


def _merge(
    into: dict[str, tuple[set[str], set[str] | None, set[str] | None]], table: str, n: Need
) -> None:
    ops, sel, upd = into.get(table, (set(), set(), set()))
    ops = ops | set(n.operations)
    if SELECT in n.operations:
        sel = None if sel is None or n.select_columns is None else sel | set(n.select_columns)
    if UPDATE in n.operations:
        upd = None if upd is None or n.update_columns is None else upd | set(n.update_columns)
    into[table] = (ops, sel, upd)


# Columns a role reads only with the action named (issue 16): the personnummer. A role
# without it reads the rest of the row; on a server it sees the masked form
# (``person.identity_masked``, migration 0015) and matches a whole number through
# ``rondplan_person_ids_by_identity`` (EXECUTE for the roles that may search).
WITHHELD: dict[tuple[str, str], Action] = {("person", "identity_number"): A.PERSON_REVEAL_ID}
# Columns only the server has (generated there; not in the SQLAlchemy metadata).
SERVER_ONLY_COLUMNS: dict[str, tuple[str, ...]] = {"person": ("identity_masked",)}
IDENTITY_MATCH_FUNCTION = "public.rondplan_person_ids_by_identity(text)"


def table_columns(table: str, tables: Iterable[str] = ALL_TABLES) -> set[str]:
    """The table's columns: those present (``tables`` a mapping of table to columns, as
    read from the server), else the metadata's and the server-only ones."""
    if isinstance(tables, Mapping):
        return set(tables.get(table, ()))
    from desktop.models import Base

    return set(Base.metadata.tables[table].columns.keys()) | set(SERVER_ONLY_COLUMNS.get(table, ()))


def _withhold(
    role: Role,
    merged: dict[str, tuple[set[str], set[str] | None, set[str] | None]],
    tables: Iterable[str],
) -> None:
    for (table, column), action in WITHHELD.items():
        if table not in merged or action in ALLOWED[role]:
            continue
        ops, sel, upd = merged[table]
        if SELECT in ops:
            sel = (table_columns(table, tables) if sel is None else sel) - {column}
        merged[table] = (ops, sel, upd)


# Tables no role group has any right on: reached only through the server's functions
# (or, for audit_pending, through <db>:app's INSERT granted with migration 0012).
FUNCTIONS_ONLY = (
    "audit_pending",
    "audit_chain_state",
    "server_limits",
    "server_recovery",
    "server_recovery_challenge",
)
# A database before migration 0012 has no audit queue: each role inserts its entries.
LEGACY_AUDIT_INSERT = {"audit_entry": need("SI")}


def role_rights(role: Role, tables: Iterable[str] = ALL_TABLES) -> dict[str, Right]:
    """Every table the role may touch and how (tables missing: no right at all).

    ``tables``: those present in the database (before 0012 there is no audit queue).
    """
    merged: dict[str, tuple[set[str], set[str] | None, set[str] | None]] = {}
    present = set(tables)
    for table, n in EVERY_ROLE.items():
        _merge(merged, table, n)
    if "audit_pending" not in present:
        for table, n in LEGACY_AUDIT_INSERT.items():
            _merge(merged, table, n)
    for action in sorted(ALLOWED[role]):
        for table, n in NEEDS[action].items():
            _merge(merged, table, n)
    _withhold(role, merged, tables)
    rights = {}
    for table, (ops, sel, upd) in merged.items():
        rights[table] = Right(
            frozenset(ops),
            frozenset(sel) if SELECT in ops and sel is not None else None,
            frozenset(upd) if UPDATE in ops and upd is not None else None,
        )
    return rights


def may(
    role: Role,
    table: str,
    operation: str,
    column: str | None = None,
    tables: Iterable[str] = ALL_TABLES,
) -> bool:
    """Whether the role may do ``operation`` on ``table``: on every column (``column``
    None, as ``SELECT *``) or on the one column given (``tables``: those present)."""
    right = role_rights(role, tables).get(table)
    if right is None or operation not in right.operations:
        return False
    limit = {SELECT: right.select_columns, UPDATE: right.update_columns}.get(operation)
    return limit is None or (column is not None and column in limit)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def group_name(database: str, role: Role) -> str:
    """The group role of one application role in one database: ``<db>:<role>``."""
    return f"{database}:{role.value}"


def grant_statements(database: str, tables: Iterable[str] = ALL_TABLES) -> list[str]:
    """REVOKE every table right from every application group, then GRANT each role's.

    ``tables``: those present (a table not yet made by the migrations is skipped; one
    unknown here gets nothing, and the completeness test fails on it); a mapping of
    table to its columns (as ``provision.prepare_roles`` reads them) also limits column
    grants to the columns present.
    """
    app = _quote(f"{database}:app")
    admin = _quote(f"{database}:admin")
    groups = [_quote(group_name(database, role)) for role in Role]
    present = set(tables)
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {', '.join([app, admin, *groups])}"
    ]
    for role in Role:
        group = _quote(group_name(database, role))
        for table, right in sorted(role_rights(role, tables).items()):
            if table not in present:
                continue
            for operation in OPERATIONS:
                if operation not in right.operations:
                    continue
                limit = {SELECT: right.select_columns, UPDATE: right.update_columns}.get(operation)
                if limit is not None and isinstance(tables, Mapping):
                    limit = limit & set(tables[table])
                    if not limit:
                        continue  # none of its columns is there yet
                columns = f" ({', '.join(map(_quote, sorted(limit)))})" if limit else ""
                statements.append(f"GRANT {operation}{columns} ON {_quote(table)} TO {group}")
    # The whole-number match for the roles that search without seeing the number.
    if isinstance(tables, Mapping) and "identity_masked" in tables.get("person", ()):
        for role in Role:
            if A.SEARCH in ALLOWED[role]:
                group = _quote(group_name(database, role))
                statements.append(f"GRANT EXECUTE ON FUNCTION {IDENTITY_MATCH_FUNCTION} TO {group}")
    return statements


def audit_grant_statements(database: str, tables: Iterable[str] = PERSONAL_TABLES) -> list[str]:
    """SELECT for the pgaudit role ``<db>:audited``: pgaudit then logs every read."""
    audited = _quote(f"{database}:audited")
    return [f"GRANT SELECT ON {_quote(t)} TO {audited}" for t in tables]


def column_limits() -> Mapping[tuple[Role, str], Right]:
    """Every (role, table) whose SELECT or UPDATE is limited to some columns."""
    return {
        (role, table): right
        for role in Role
        for table, right in role_rights(role).items()
        if right.select_columns is not None or right.update_columns is not None
    }
