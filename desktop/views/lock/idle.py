"""Application-wide idle detection: any key, mouse or wheel input restarts the timer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """An event filter on the QApplication; emits ``idle_timeout`` after quiet time.

    Args:
        minutes: The user's chosen idle time.
        max_minutes: The administrator's maximum; the user's choice is clamped to it.
    """

    idle_timeout = Signal()

    def __init__(
        self,
        minutes: int = DEFAULT_MINUTES,
        max_minutes: int = DEFAULT_MINUTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_timeout)
        self._max = max_minutes
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(1, min(minutes, self._max))
        self._timer.setInterval(self.minutes * 60_000)
        self.restart()

    def set_interval_ms(self, ms: int) -> None:
        """For tests: a short interval without waiting minutes."""
        self._timer.setInterval(ms)
        self.restart()

    def restart(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        """While locked, idleness means nothing."""
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False
