"""``rondplan screenshot``: render one view offscreen to PNG, for docs and review."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from desktop.cli import SwedishParser
from desktop.commands.common import (
    UserError,
    add_database_option,
    add_user_options,
    command_language,
    log_in,
    require_suffix,
)
from desktop.messages import Language, words


class _ScreenshotParser(SwedishParser):
    """Lists the view names in --help; they are collected only when help is asked for."""

    def format_help(self) -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from desktop.views.screens import all_screens

        names = ", ".join(sorted(all_screens()))
        return (
            super().format_help()
            + "\n"
            + words("cli.screenshot_views", {"names": names}, self.lang)
            + "\n"
        )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "screenshot",
        help="rendera en vy till PNG (utan skärm)",
        description="Renderar en vy offscreen till en PNG-fil. Utan --db används en ny "
        "demodatabas med fiktiva uppgifter.",
    )
    lang = parser.lang  # the language's words stay when the class changes (--lang en)
    parser.__class__ = _ScreenshotParser
    parser.lang = lang
    add_database_option(parser, server=False)
    add_user_options(parser)
    parser.add_argument("--view", required=True, metavar="NAMN", help="vyns namn (se nedan)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FIL.png")
    parser.add_argument("--size", default="1280x800", metavar="BxH", help="fönsterstorlek")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.set_defaults(handler=run)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UserError("cli.size_format") from None
    if not (_SIZES[0] <= width <= _SIZES[1] and _SIZES[0] <= height <= _SIZES[1]):
        raise UserError("cli.size_range", low=_SIZES[0], high=_SIZES[1])
    return width, height


_SIZES = (100, 8000)


def _quiet_offscreen_notes() -> None:
    """The offscreen platform's note that it cannot propagate size hints is printed for
    every window; it is no error of the command, whose errors are one line."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):  # type: ignore[no-untyped-def]
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


class _DialogWatch:
    """Closes any modal dialog a view opens while it is built offscreen, where no one
    could answer it (a view the user has no right to shows a message box and would
    wait forever), and keeps its text to report as the command's error."""

    def __init__(self, app, lang: Language) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.text: str | None = None
        self._lang = lang
        self._app = app
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._close_modal)
        self._timer.start()

    def _close_modal(self) -> None:
        from PySide6.QtWidgets import QDialog, QMessageBox

        dialog = self._app.activeModalWidget()
        if dialog is None:
            return
        if self.text is None:
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            self.text = " ".join(text.split()) or words("cli.dialog_opened", {}, self._lang)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    def stop(self) -> None:
        self._timer.stop()


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = _size(args.size)
    require_suffix(args.output, (".png",))
    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.services.bundle import build_services
    from desktop.views.screens import all_screens
    from desktop.views.theme.apply import apply_theme

    # A screenshot shows the defaults and must not touch the user's own settings.
    settings_dir = tempfile.TemporaryDirectory(prefix="rondplan-screenshot-settings-")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, settings_dir.name)
    app, _ = create_application(args.lang)
    _quiet_offscreen_notes()
    apply_theme(app, args.theme)
    screens = all_screens()
    if args.view not in screens:
        raise UserError("cli.unknown_view", view=args.view, views=", ".join(sorted(screens)))
    with tempfile.TemporaryDirectory(prefix="rondplan-screenshot-") as folder:
        store = log_in(args) if args.db else _demo_store(Path(folder), args.view)
        _refuse_a_view_not_yours(store, args.view)
        watch = _DialogWatch(app, command_language(args))
        try:
            widget = screens[args.view](build_services(store))
            widget.resize(width, height)
            widget.show()
            for _ in range(5):
                app.processEvents()
            watch.stop()
            if watch.text is not None:
                widget.close()
                raise UserError("cli.view_failed", view=args.view, reason=watch.text)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            if not widget.grab().save(str(args.output), "PNG"):
                raise UserError("cli.image_not_saved", path=str(args.output))
            widget.close()
        finally:
            watch.stop()
            store.lock()
    settings_dir.cleanup()
    print(args.output)
    return 0


def _refuse_a_view_not_yours(store, view: str) -> None:  # type: ignore[no-untyped-def]
    """The administration page of a role without the right to it is an empty frame (no
    message box to catch): refused in one line instead of saving a blank image."""
    from desktop.services.permissions import Action, allowed

    needs = {"admin": Action.SETTINGS_ADMIN, "audit": Action.AUDIT_READ}.get(view)
    if needs is not None and not allowed(store.identity.role, needs):
        store.lock()
        raise UserError("cli.view_not_for_role", view=view)


def _demo_store(folder: Path, view: str):  # type: ignore[no-untyped-def]
    from desktop.opening import demo_username
    from desktop.services.demo import DEMO_PASSWORD, generate_demo
    from desktop.store.database import open_database

    path = folder / "demo.db"
    generate_demo(path)
    # The administration and audit views belong to other roles than the coordinator's.
    role = {"admin": "administrator", "audit": "auditor"}.get(view, "coordinator")
    return open_database(path).unlock(demo_username(role), DEMO_PASSWORD)
