"""Which database the application opens: the demo, a file or a server.

A new workstation meets the first-run wizard (a database of its own, or a shared
server instead); otherwise the login window, for the file or the remembered server.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from desktop.views.login.login_dialog import LoginDialog
from desktop.views.settings import Settings

if TYPE_CHECKING:
    from desktop.store.interface import Store


@dataclass
class Opened:
    """An unlocked store, its label for the status bar, and whether it is a server."""

    store: Store
    label: str
    on_server: bool
    _demo_dir: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def close(self) -> None:
        """Remove what only this run needed (the demo database's folder)."""
        if self._demo_dir is not None:
            self._demo_dir.cleanup()


def choose_store(args: argparse.Namespace, settings: Settings) -> Opened | None:
    """The store ``args`` asks for, after the wizard or login; None if the user cancels."""
    from desktop.commands.common import database_path

    if args.demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="rondplan-demo-")
        label = QCoreApplication.translate("Session", "Demodatabas (fiktiva uppgifter)")
        return Opened(open_demo_store(Path(demo_dir.name)), label, False, demo_dir)
    if getattr(args, "server", None):
        from desktop.views.server.session import login_to_server

        server_store = login_to_server(args.server)
        if server_store is None:
            return None
        return Opened(server_store, server_store.address.url(), True)
    path = database_path(args)
    # A server chosen in the login window before is offered again, unless --db says.
    prefer_server = settings.preferences().use_server and not getattr(args, "db", None)
    if not path.exists() and not prefer_server:
        chosen = first_run(path)
        if chosen is None:
            return None
        if isinstance(chosen, Path):
            path = chosen
        else:
            prefer_server = True  # no database of one's own: the server's login
    logged_in = login(path, settings, prefer_server)
    if logged_in is None:
        return None
    return Opened(*logged_in)


def first_run(path: Path) -> Path | bool | None:
    """The first-run wizard: a new database and its administrator.

    Returns the new database, True when the user chose a shared server instead, or
    None when they cancelled.
    """
    from desktop.views.login.first_run_wizard import FirstRunWizard

    def create(db_path: str, admin: str, password: str) -> str:
        from desktop.services.validation import check_first_administrator
        from desktop.store.creation import create_database

        admin, display_name = check_first_administrator(admin, admin)
        created = create_database(Path(db_path), admin, display_name, password)
        created.store.lock()
        return created.recovery_code

    wizard = FirstRunWizard(create, default_path=str(path))
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    if wizard.wants_server:
        return True
    return Path(wizard.database_path)


def login(path: Path, settings: Settings, prefer_server: bool) -> tuple[Store, str, bool] | None:
    """The login window, for the local file or a server (the choice is remembered).

    Returns the store, its label for the status bar and whether it is a server.
    """
    from dataclasses import replace

    from desktop.store.open import open_store
    from desktop.views.login.login_dialog import ServerChoice

    def authenticate(user: str, password: str) -> Store:
        return open_store(path).unlock(user, password)

    def authenticate_server(url: str, user: str, password: str) -> Store:
        return open_store(url, server=True).unlock(user, password)

    prefs = settings.preferences()
    choice = ServerChoice(prefer_server, prefs.server_url, authenticate_server)
    dialog = LoginDialog(authenticate, server=choice)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    store: Store = dialog.result_value  # type: ignore[assignment]
    if dialog.use_server:
        # Remembered without any user name or password the address might hold.
        url = store.address.url()  # type: ignore[attr-defined]
        settings.save_preferences(replace(prefs, use_server=True, server_url=url))
        return store, url, True
    if prefs.use_server:
        settings.save_preferences(replace(prefs, use_server=False))
    return store, str(path), False


def demo_username(role: str = "coordinator", agency: str = "social") -> str:
    """The demo account for ``role`` (a Role value), preferring ``agency``."""
    from desktop.services.demo import demo_accounts

    matching = [account for account in demo_accounts() if account.role.value == role]
    preferred = [account for account in matching if account.agency_code == agency]
    return (preferred or matching)[0].username


def open_demo_store(folder: Path) -> Store:
    """A fresh fictitious database in ``folder``, unlocked as the demo coordinator.

    Built off the GUI thread behind a splash with progress: it takes seconds.
    """
    from desktop.services.demo import DEMO_PASSWORD, generate_demo
    from desktop.store.open import open_store
    from desktop.views.login.demo_splash import build_with_splash

    path = folder / "rondplan-demo.db"

    def build(progress: Callable[[str, int, int], None]) -> Store:
        generate_demo(path, progress=lambda step, done, total: progress(step.value, done, total))
        return open_store(path).unlock(demo_username(), DEMO_PASSWORD)

    store: Store = build_with_splash(build)
    return store
