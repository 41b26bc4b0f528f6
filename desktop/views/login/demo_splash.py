"""The window shown while ``rondplan --demo`` builds its fictitious database.

Building takes seconds (one Argon2id derivation per demo account, by design), so the
user sees at once that something is happening, and how far it has come.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.views.worker import BackgroundTask

# Share of the bar each step ends at (the accounts' derivations take most of the time).
_STEP_END = {"database": 20, "data": 35, "accounts": 100}
_STEP_START = {"database": 0, "data": 20, "accounts": 35}


class _ProgressRelay(QObject):
    """Carries progress from the building thread to the GUI thread (queued)."""

    reported = Signal(str, int, int)


class DemoSplash(QWidget):
    """A small frameless window: the product name, what is being done, a progress bar."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle("Rondplan")
        self.setAccessibleName(self.tr("Demodatabasen byggs"))
        self.setMinimumWidth(420)
        title = QLabel("Rondplan")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.step_label = QLabel(self._words("database", 0, 0))
        self.step_label.setObjectName("demoStep")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.setAccessibleName(self.tr("Förlopp"))
        note = QLabel(self.tr("Fiktiva uppgifter – inga riktiga personer."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.step_label)
        layout.addWidget(self.bar)
        layout.addWidget(note)

    def _words(self, step: str, done: int, total: int) -> str:
        if step == "accounts":
            return self.tr("Skapar demokontonas nycklar ({done} av {total})…").format(
                done=done, total=total
            )
        if step == "data":
            return self.tr("Skapar personer, grupper, insats och besök…")
        return self.tr("Skapar en krypterad databas…")

    def show_step(self, step: str, done: int, total: int) -> None:
        start, end = _STEP_START.get(step, 0), _STEP_END.get(step, 100)
        share = done / total if total else 0.0
        self.bar.setValue(round(start + (end - start) * share))
        self.step_label.setText(self._words(step, done, total))


def build_with_splash(build: Callable[[Callable[[str, int, int], None]], Any]) -> Any:
    """Run ``build(progress)`` off the GUI thread behind a splash; its result or error.

    ``progress(step, done, total)`` may be called from the building thread.
    """
    splash = DemoSplash()
    relay = _ProgressRelay()
    relay.reported.connect(splash.show_step)
    splash.adjustSize()
    screen = splash.screen().availableGeometry()
    splash.move(screen.center() - splash.rect().center())
    splash.show()
    splash.raise_()
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def finished(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    task = BackgroundTask(lambda: build(relay.reported.emit))
    task.finished.connect(finished)
    task.failed.connect(failed)
    task.start()
    loop.exec()
    splash.close()
    splash.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
