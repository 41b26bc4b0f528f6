"""Two kinds of error (STYLE.md principle 9): known ones and bugs.

An exception with a ``user_message`` (``DomainError``, ``StoreError``) gets a
plain warning with that sentence. Anything else is a bug: it is logged with a
traceback to a rotating file and shown in :class:`CrashDialog`. The report
names the exception type and the frames (file, line, function) only: never
the message, local values or source lines, which may hold personal data.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.errors_text import known_error_text

LOG_FILE_NAME = "rondplan.log"
_LOGGER_NAME = "rondplan.crash"
_MAX_LOG_BYTES = 1_000_000
_LOG_BACKUPS = 5


def _short_path(filename: str) -> str:
    """Cuts a frame's file to the part below the package, hiding home folders and user names."""
    parts = Path(filename).parts
    for anchor in ("desktop", "PySide6", "site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return Path(filename).name


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module == "builtins" else f"{module}.{exc_type.__qualname__}"


def technical_report(exc: BaseException) -> str:
    """Returns a report of ``exc``: type and frames only, including chained causes."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    lines = [
        f"Rondplan technical report {dt.datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
        f"{platform.system()} {platform.release()}",
    ]
    for position, error in enumerate(reversed(chain)):
        if position:
            lines.append("During handling, or as the cause, of the above:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(error.__traceback__):
            lines.append(
                f'  File "{_short_path(frame.filename)}", line {frame.lineno}, in {frame.name}'
            )
        lines.append(f"{_type_name(type(error))} (message withheld)")
    return "\n".join(lines)


def _writes_to(logger: logging.Logger, path: Path) -> bool:
    target = str(path.resolve())
    return any(
        isinstance(h, logging.FileHandler) and h.baseFilename == target for h in logger.handlers
    )


class CrashDialog(QDialog):
    """Tells the user an unexpected error happened and offers the technical report.

    Args:
        report: The report from :func:`technical_report`.
        log_path: Where the report was logged, shown so support can find it.
        parent: Optional parent widget.
    """

    def __init__(
        self, report: str, log_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Rondplan – oväntat fel"))
        heading = QLabel(self.tr("Ett oväntat fel inträffade."))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        text = self.tr(
            "Det som redan är sparat finns kvar. Det du just gjorde kan ha gått förlorat; "
            "kontrollera det och gör om det vid behov. Om felet återkommer: kopiera den "
            "tekniska rapporten och skicka den till den som ansvarar för Rondplan. "
            "Rapporten innehåller inga personuppgifter."
        )
        body = QLabel(text)
        body.setWordWrap(True)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(160)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Kopiera teknisk rapport"))
        self.details_button = QPushButton(self.tr("Visa detaljer"))
        self.details_button.setCheckable(True)
        close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Stäng"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)
        self.details_button.toggled.connect(self._show_details)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        if log_path is not None:
            where = QLabel(self.tr("Loggfil: %1").replace("%1", str(log_path)))
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        close_button.setDefault(True)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Dölj detaljer") if shown else self.tr("Visa detaljer"))
        self.adjustSize()

    def copy_report(self) -> None:
        """Puts the technical report on the clipboard."""
        QApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Kopierad"))


def _show_crash(report: str, log_path: Path) -> None:
    CrashDialog(report, log_path, QApplication.activeWindow()).exec()


def _show_known(message: str) -> None:
    QMessageBox.warning(
        QApplication.activeWindow(), QApplication.translate("CrashHandler", "Rondplan"), message
    )


class ExceptionHandler:
    """The installed hook; keep it to :meth:`uninstall` (tests, shutdown).

    Args:
        log_dir: Folder for ``rondplan.log`` and its rotated copies.
        show_crash: Shows a bug's report; by default a modal :class:`CrashDialog`.
        show_known: Shows a known error's sentence; by default a QMessageBox warning.
    """

    def __init__(
        self,
        log_dir: Path,
        show_crash: Callable[[str, Path], None] = _show_crash,
        show_known: Callable[[str], None] = _show_known,
    ) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / LOG_FILE_NAME
        self._logger = logging.getLogger(_LOGGER_NAME)
        self._logger.setLevel(logging.INFO)
        self._handler: RotatingFileHandler | None = None
        # Two rotating handlers on one file rotate behind each other's back
        # (and fail on Windows): reuse one the application already attached.
        if not _writes_to(logging.getLogger(_LOGGER_NAME.split(".")[0]), self.log_path):
            self._handler = RotatingFileHandler(
                self.log_path, maxBytes=_MAX_LOG_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8"
            )
            self._handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            self._logger.addHandler(self._handler)
            self._logger.propagate = False
        self._show_crash = show_crash
        self._show_known = show_known
        self._showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> ExceptionHandler:
        """Becomes ``sys.excepthook`` and ``threading.excepthook``; returns self."""
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        """Restores the previous hooks and closes the log file."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            self._handler.close()
            self._logger.propagate = True

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Logs and shows one uncaught exception."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        user_message = known_error_text(exc)
        if isinstance(user_message, str) and user_message:
            self._logger.info("known error %s", _type_name(exc_type))
            self._present(lambda: self._show_known(user_message))
            return
        report = technical_report(exc)
        self._logger.error("unexpected error\n%s", report)
        self._flush()
        self._present(lambda: self._show_crash(report, self.log_path))

    def _flush(self) -> None:
        # The report must be on disk before a dialog that the user may answer
        # by killing the process.
        for handler in [*self._logger.handlers, *logging.getLogger("rondplan").handlers]:
            handler.flush()

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        # Widgets may not be touched from a worker thread: log only.
        if args.exc_value is not None:
            self._logger.error("unexpected error in thread\n%s", technical_report(args.exc_value))

    def _present(self, show: Callable[[], None]) -> None:
        # A second error while the dialog is open (or a failing dialog) is
        # logged only, so one bug cannot stack dialogs or recurse.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            show()
        finally:
            self._showing = False


def install_excepthook(
    log_dir: Path,
    show_crash: Callable[[str, Path], None] = _show_crash,
    show_known: Callable[[str], None] = _show_known,
) -> ExceptionHandler:
    """Installs the exception hook; see :class:`ExceptionHandler` for the arguments."""
    return ExceptionHandler(log_dir, show_crash, show_known).install()
