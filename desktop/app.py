"""Composition root: builds the store, the services and the windows, and wires them.

The login window appears before the heavy imports (SQLAlchemy, reportlab) are done;
they load on a background thread while the password is typed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.resources import resources_dir
from desktop.views.i18n import install_translators
from desktop.views.login.login_dialog import LoginDialog
from desktop.views.settings import APPLICATION, ORGANISATION, Settings
from desktop.views.theme.apply import apply_theme

if TYPE_CHECKING:
    from desktop.store.interface import Store
    from desktop.views.lock.controller import LockController
    from desktop.views.shell import MainWindow, StatusInfo

log = logging.getLogger("rondplan")

# Imported on a background thread while the login window waits for the password.
HEAVY_MODULES = (
    "sqlalchemy.orm",
    "desktop.models",
    "desktop.store.database",
    "desktop.services.bundle",
    "desktop.services.uow",
    "desktop.views.wiring",
    "desktop.views.shell.main_window",
    "desktop.views.lock.controller",
    "desktop.views.persons.page",
    "alembic.command",
)


def after_first_paint() -> Any:
    """Logging, the crash hook and the heavy imports, once the first window is up."""
    from platformdirs import user_log_path

    from desktop.views.shell.crash import install_excepthook

    log_dir = user_log_path("Rondplan", appauthor=False)
    setup_logging(log_dir)
    preload_heavy_modules()
    return install_excepthook(log_dir)


# Past this, the start-up work waits for no paint (a window that never shows).
FIRST_PAINT_WAIT_MS = 3000


class _FirstPaint(QObject):
    """Runs ``then`` once, after the first window's first paint has been handled, or
    after FIRST_PAINT_WAIT_MS if no window paints.

    A zero timer set before the login window was shown fired before its first paint
    (the window's paint waits for the X server to map it), so the logging, the crash
    hook and the heavy imports' thread, which holds the interpreter lock for seconds,
    ran while the login window was still to be painted (bench_startup).
    """

    def __init__(self, app: QCoreApplication, then: Callable[[], object]) -> None:
        super().__init__(app)
        self._app = app
        self._then: Callable[[], object] | None = then
        app.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here until then: the cheap test first.
        painted = event.type() == QEvent.Type.Paint
        if painted and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._app.removeEventFilter(self)
            then()


def when_first_painted(app: QCoreApplication, then: Callable[[], object]) -> None:
    """Call ``then`` once the first window has painted (see :class:`_FirstPaint`)."""
    _FirstPaint(app, then)


def preload_heavy_modules() -> threading.Thread:
    def work() -> None:
        import importlib

        for name in HEAVY_MODULES:
            importlib.import_module(name)
        # SQLAlchemy configures every mapper at the first query (a few hundred ms);
        # done here, the first query after login does not pay for it.
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
        # What start-up loaded stays for the whole run: out of every full collection.
        from desktop.heap import settle

        settle()

    thread = threading.Thread(target=work, name="preload", daemon=True)
    thread.start()
    return thread


def setup_logging(folder: Path) -> None:
    """A rotating technical log; it never holds personal data (ids and codes only)."""
    import logging.handlers

    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "rondplan.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("rondplan")
    root.setLevel(logging.INFO)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)


def create_application(lang: str | None = None) -> tuple[QApplication, Settings]:
    """The QApplication with theme and translators, built once per process."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "rondplan.png")))
    settings = Settings()
    prefs = settings.preferences()
    install_translators(app, lang or prefs.language)  # type: ignore[arg-type]
    apply_theme(app, prefs.theme)  # type: ignore[arg-type]
    return app, settings


class Session(QObject):
    """One logged-in user's window, services, lock and housekeeping."""

    def __init__(self, store: Store, settings: Settings, database_label: str) -> None:
        super().__init__()
        from desktop.services.bundle import build_services
        from desktop.views.changes_hub import ChangesHub
        from desktop.views.wiring import PageContext

        self.store = store
        self.settings = settings
        self.services = build_services(store)
        self.hub = ChangesHub()
        self.context = PageContext(self.services, self.hub, settings)
        self.database_label = database_label
        self.window = self._build_window()
        self.lock_controller = self._build_lock()
        self._tasks: list[object] = []

    def _build_window(self) -> MainWindow:
        from desktop.views.errors_text import interface_language
        from desktop.views.shell import MainWindow
        from desktop.views.wiring import build_page_specs

        self._role = self.store.identity.role
        window = MainWindow(build_page_specs(self.context), self.status_info())
        window.language_changed.connect(self._change_language)
        window.theme_changed.connect(self._change_theme)
        window.set_file_actions(self._file_actions(window))
        prefs = self.settings.preferences()
        # The language in use, which --lang may have chosen over the saved one (issue 18:
        # started with --lang en, the menu still ticked Svenska).
        window.set_language(interface_language())
        window.set_theme(prefs.theme)
        geometry = self.settings.window_geometry()
        if geometry is not None:
            window.restoreGeometry(geometry)
        return window

    def _file_actions(self, window: MainWindow) -> list[Any]:
        """The Arkiv menu's commands the user's role may use."""
        from PySide6.QtGui import QAction, QKeySequence

        from desktop.services.permissions import Action, allowed
        from desktop.services.vocabulary import QT_TRANSLATE_NOOP

        role = self.store.identity.role
        commands = (
            (
                Action.BRIEFING_PRINT,
                QT_TRANSLATE_NOOP("Session", "Skriv ut &genomgångsunderlag…"),
                "Ctrl+P",
                self.open_briefing,
            ),
            (
                Action.IMPORT,
                QT_TRANSLATE_NOOP("Session", "&Importera kartläggningslista…"),
                "Ctrl+I",
                self.open_import,
            ),
            (
                Action.EXPORT,
                QT_TRANSLATE_NOOP("Session", "&Exportera…"),
                "Ctrl+E",
                self.open_export,
            ),
        )
        actions = []
        for needed, text, shortcut, slot in commands:
            if allowed(role, needed):
                action = QAction(QCoreApplication.translate("Session", text), window)
                action.setShortcut(QKeySequence(shortcut))
                action.triggered.connect(slot)
                actions.append(action)
        return actions

    def _after_unlock(self) -> None:
        """An administrator may have changed the role while the screen was locked:
        the menus and pages follow the role the store read at unlock."""
        from desktop.views.wiring import build_page_specs

        self.window.set_status(self.status_info())
        if self.store.identity.role == self._role:
            return
        self._role = self.store.identity.role
        self.window.set_pages(build_page_specs(self.context))
        self.window.set_file_actions(self._file_actions(self.window))

    def _build_lock(self) -> LockController:
        from desktop.views.lock.clipboard import SensitiveClipboard
        from desktop.views.lock.controller import LockController
        from desktop.views.lock.idle import IdleWatcher

        security = self.services.security
        identity = self.store.identity
        # The window's child: it cannot lock anything once its window is gone.
        idle = IdleWatcher(
            self.settings.preferences().auto_lock_minutes,
            security.lock_policy.max_idle_minutes(),
            parent=self.window,
        )
        self.clipboard = SensitiveClipboard()
        controller = LockController(
            QApplication.instance(),  # type: ignore[arg-type]
            f"{identity.display_name} ({identity.username})",
            lock_store=security.session.lock,
            unlock_store=security.session.unlock,
            idle=idle,
            clipboard=self.clipboard,
            watch_input_now=False,
        )
        self.window.first_painted.connect(controller.watch_input)
        self.window.lock_requested.connect(controller.lock)
        controller.unlocked.connect(self._after_unlock)
        return controller

    def start(self) -> None:
        """After login: audit it, publish this agency's key, then housekeeping off-thread."""
        from desktop.services import protected_addresses
        from desktop.views.errors_text import alarm_text
        from desktop.views.worker import run_in_background

        security = self.services.security
        # Issue 15: what the login's check of the audit log found (rollback, tampering)
        # is told before anything else, in one sentence each (it is logged too).
        for finding in security.session.record_login():
            show_known_error(alarm_text(finding))
        security.notes.publish_agency_keys()
        # Issue 15: the protected-address key to those who need it; plain ones sealed.
        protected_addresses.after_login(self.services.store)

        def housekeeping() -> None:
            # The daily retention run and the scheduled encrypted backup.
            security.retention.run_if_due()
            security.backups.backup_if_due()

        self._tasks.append(
            run_in_background(
                housekeeping,
                lambda _result: log.info("housekeeping done"),
                lambda error: log.warning("housekeeping failed: %s", type(error).__name__),
                parent=self,
            )
        )

    def choose_own_password(self) -> bool:
        """After an administrator's reset: the user's own password first (False: quit)."""
        users = self.services.security.users
        if not users.password_change_required():
            return True
        from desktop.views.login.own_password_dialog import OwnPasswordDialog

        dialog = OwnPasswordDialog(users.change_own_password)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def status_info(self) -> StatusInfo:
        from desktop.views.labels import agency_label, role_label
        from desktop.views.shell import StatusInfo

        identity = self.store.identity
        return StatusInfo(
            user_name=identity.display_name,
            role_label=role_label(identity.role),
            agency_label=agency_label(identity.agency_code, identity.agency_name),
            database_label=self.database_label,
        )

    def lock(self) -> None:
        self.lock_controller.lock()

    def open_briefing(self) -> None:
        from desktop.views.printing.briefing_dialog import BriefingDialog

        dialog = BriefingDialog(self.services.briefing, self.window, hub=self.hub)
        dialog.exec()

    def open_import(self) -> None:
        from desktop.views.importing.wizard import open_import_wizard

        open_import_wizard(self.services, self.hub, self.window)

    def open_export(self) -> None:
        from desktop.views.exporting.export_dialog import ExportDialog

        ExportDialog(
            self.services.transfer.exports, self.services.security.reauth, self.window
        ).exec()

    def _change_language(self, lang: str) -> None:
        from dataclasses import replace

        from desktop.views.shell import page_title
        from desktop.views.wiring import build_page_specs

        install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
        self.settings.save_preferences(replace(self.settings.preferences(), language=lang))
        # Open pages were built in the old language, their dates in the old locale
        # (issue 18: they stayed Swedish until a restart): build them again, and come
        # back to the page the user was on.
        current = self.window.current_page_key()
        # Widgets keep the locale they were made under; the window passes the new one on.
        self.window.setLocale(QLocale())
        self.window.set_pages(build_page_specs(self.context))
        self.window.set_file_actions(self._file_actions(self.window))
        self.window.set_page_titles({key: page_title(key) for key in self.window.page_keys()})
        if current in self.window.page_keys():
            self.window.show_page(current)
        self.window.set_status(self.status_info())

    def _change_theme(self, mode: str) -> None:
        from dataclasses import replace

        apply_theme(QApplication.instance(), mode)  # type: ignore[arg-type]
        self.settings.save_preferences(replace(self.settings.preferences(), theme=mode))

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)  # let housekeeping finish
        self.settings.save_window_geometry(self.window.saveGeometry())
        self.settings.sync()
        self.lock_controller.dispose()
        self.store.lock()


def run_gui(args: argparse.Namespace) -> int:
    """``rondplan`` without a subcommand: the application."""
    from desktop.opening import choose_store
    from desktop.views.shell.single_instance import acquire, bring_to_front

    app, settings = create_application(args.lang)
    # Only under tests/e2e (RONDPLAN_E2E_PROBE set): what the screen shows, on a socket.
    from desktop.views.shell.probe import install_if_requested

    probe = install_if_requested(app)  # noqa: F841 (kept alive for the whole run)
    instance = acquire()
    if instance is None:
        return 0  # the running instance was asked to come forward
    hooks: list[Any] = []
    # After the first window is up, so none of this delays its first paint.
    when_first_painted(app, lambda: hooks.append(after_first_paint()))

    opened = choose_store(args, settings)
    if opened is None:
        instance.release()
        return 0
    store, label, on_server = opened.store, opened.label, opened.on_server

    session = Session(store, settings, label)
    session.start()
    if not session.choose_own_password():
        session.close()
        instance.release()
        return 0
    instance.activation_requested.connect(lambda: bring_to_front(session.window))
    link = None
    if on_server:
        from desktop.views.server.session import ServerLink

        # Other workstations' changes reach the pages; a dropped link shows a banner.
        link = ServerLink(
            store,  # type: ignore[arg-type]
            session.hub,
            session.window,
            session.lock_controller,  # stops listening while locked
        )
    session.window.show()
    try:
        return app.exec()
    finally:
        if link is not None:
            link.stop()
        session.close()
        for handler in hooks:
            handler.uninstall()
        instance.release()
        opened.close()


def run_startup_probe() -> int:
    """Show the login window as a real start would, print when it has painted, quit.

    Used by ``benchmarks/bench_frozen.py`` to time a frozen build and a source
    install the same way.
    """
    app, _ = create_application()
    dialog = LoginDialog(lambda user, password: None)

    class _Probe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("PAINTED", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    probe = _Probe()
    dialog.installEventFilter(probe)
    hooks: list[Any] = []
    when_first_painted(app, lambda: hooks.append(after_first_paint()))
    dialog.show()
    try:
        return app.exec()
    finally:
        for handler in hooks:
            handler.uninstall()


def show_known_error(message: str) -> None:
    QMessageBox.warning(None, "Rondplan", message)
