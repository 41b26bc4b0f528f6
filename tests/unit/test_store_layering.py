"""One store interface behind the services (STYLE.md §19, issue 19), checked in the source.

- The services never ask which database they run on: no ``dialect.name`` (the store's
  ``StoreSql`` and the ``FileStore`` capability say what differs).
- The store imports nothing from the services (nor the views).
- There is one ``open_store`` in the application, and every place that opens a store
  for a login goes through it.
- What only a file can do is absent from the server store, not refused at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import desktop
from desktop.store.database import LocalStore
from desktop.store.interface import FileStore, Store
from desktop.store.server.store import ServerStore

ROOT = Path(desktop.__file__).parent

# The services and views by name in any string of the store: an import by name
# (importlib, __import__) would pass the import check.
_LAYERS_ABOVE = ("desktop.services", "desktop.views", "desktop.app")


def _sources(*folders: str) -> list[Path]:
    found = [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))]
    assert len(found) > 5, folders  # the walk really found them
    return found


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT.parent))


def test_no_service_asks_for_the_dialect():
    offenders = [
        f"{_name(path)}:{node.lineno}"
        for path in _sources("services")
        if "dialect" in path.read_text(encoding="utf-8")  # parse only the candidates
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute)
        and node.attr == "name"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "dialect"
    ]
    assert not offenders, offenders


def test_the_store_imports_nothing_from_the_services_or_the_views():
    offenders = []
    for path in _sources("store"):
        for node in ast.walk(_tree(path)):
            modules: list[str] = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                # ``from desktop.services import x`` names the module it takes.
                package = node.module in {"desktop", "desktop.services"}
                modules = [
                    f"{node.module}.{alias.name}" if package else node.module
                    for alias in node.names
                ]
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                modules = [node.value]
            offenders += [
                f"{_name(path)} {module}" for module in modules if module.startswith(_LAYERS_ABOVE)
            ]
    # The server's grants and first templates come from the services through a
    # ServerPolicy handed in by the caller (desktop.services.server_policy).
    assert not offenders, sorted(set(offenders))
    # The change listener hands on its own value; the services word it (was Changes).
    assert not any("notify.py" in offender for offender in offenders)


def test_one_open_store_and_the_logins_use_it():
    definitions = [
        _name(path)
        for path in ROOT.rglob("*.py")
        if "open_store" in path.read_text(encoding="utf-8")  # parse only the candidates
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "open_store"
    ]
    assert definitions == ["desktop/store/open.py"]
    # The application's login window, the server login and the command line.
    for caller in ("opening.py", "views/server/session.py", "commands/common.py"):
        calls = [
            node
            for node in ast.walk(_tree(ROOT / caller))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "open_store"
        ]
        assert calls, caller
        constructed = [
            node.func.id
            for node in ast.walk(_tree(ROOT / caller))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"LockedServer", "LockedDatabase", "open_database", "open_server"}
        ]
        assert not constructed, (caller, constructed)


def test_file_only_operations_are_absent_from_the_server_store():
    for operation in ("rotate_data_key", "backup_to", "checkpoint_wal", "compact"):
        assert hasattr(LocalStore, operation)
        assert not hasattr(ServerStore, operation), operation
    # Both are the one interface; only the file has the file's capability.
    store_members = {name for name in dir(Store) if not name.startswith("_")}
    for cls in (LocalStore, ServerStore):
        missing = {name for name in store_members if not hasattr(cls, name)}
        # Attributes set in __init__ (identity, engine, ...) are checked by mypy.
        assert missing <= set(Store.__annotations__), (cls.__name__, missing)
    assert FileStore.__dict__.get("_is_runtime_protocol")


def test_the_migrations_frozen_address_roles_are_the_permission_tables():
    """Migrations 0011 and 0022 hold the roles that see protected addresses as a constant; a
    change of the permission table needs a migration of its own (this test says so)."""
    import importlib

    from desktop.services.server_rights import protected_address_roles

    roles = tuple(role.value for role in protected_address_roles())
    migration = importlib.import_module("desktop.store.migrations.versions.0011_server_permissions")
    assert roles == migration.PROTECTED_ADDRESS_ROLES
    # 0020 wrote the same policy again (its role checks once per statement).
    again = importlib.import_module(
        "desktop.store.migrations.versions.0020_server_address_policy_once"
    )
    assert roles == again.ROLES
