"""What is on screen, for the end-to-end tests (tests/e2e), and only for them.

Started only when ``RONDPLAN_E2E_PROBE`` names a socket path. The tests drive the app
with real X input events (xdotool) and ask this probe what the screen shows: the
windows, the focused widget and the visible texts with their accessible names. It
answers one JSON line per connection and never changes anything. The socket is
owner-only, and it reports nothing that is not already visible on the screen (no
password field's text).
"""

from __future__ import annotations

import json
import os
import traceback

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

ENV = "RONDPLAN_E2E_PROBE"
_MAX_ROWS = 60


def _widget_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            return []
        return [widget.text() or widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.currentText()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return [widget.toPlainText()[:2000]]
    if isinstance(widget, QAbstractItemView):
        return _view_texts(widget)
    return []


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    area: QRect = view.viewport().rect()
    root = view.rootIndex()
    texts = []
    try:
        columns = model.columnCount(root)
    except TypeError:  # private in QAbstractListModel: one column
        columns = 1
    for row in range(min(model.rowCount(root), _MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column, root)
            if view.visualRect(index).intersects(area):
                value = index.data()
                if value is not None:
                    texts.append(str(value))
    return texts


def _current_row(widget: QWidget) -> list[str]:
    """The cells of an item view's current row (what the keyboard has chosen), else []."""
    if not isinstance(widget, QAbstractItemView) or widget.model() is None:
        return []
    current = widget.currentIndex()
    if not current.isValid():
        return []
    model = widget.model()
    try:
        columns = model.columnCount(current.parent())
    except TypeError:  # private in QAbstractListModel: one column
        columns = 1
    cells = (model.index(current.row(), c, current.parent()).data() for c in range(columns))
    return [str(value) for value in cells if value is not None]


def _targets(widget: QWidget) -> list[dict[str, object]]:
    """Where a person would click: a button's or tab's text and its centre on the screen.

    Only what is shown and enabled; ``&`` (the Alt mnemonic) taken out of the text.
    """
    if isinstance(widget, QAbstractButton) and widget.isEnabled():
        centre = widget.mapToGlobal(widget.rect().center())
        if isinstance(widget, QCheckBox | QRadioButton):
            # A wide check box toggles only on its box and text: aim at the box.
            centre = widget.mapToGlobal(QPoint(10, widget.rect().center().y()))
        name = widget.text() or widget.accessibleName()
        return [{"text": name.replace("&", ""), "at": [centre.x(), centre.y()]}]
    if isinstance(widget, QListView) and widget.isEnabled() and widget.model() is not None:
        rows: list[dict[str, object]] = []
        model, area = widget.model(), widget.viewport().rect()
        for row in range(min(model.rowCount(widget.rootIndex()), _MAX_ROWS)):
            index = model.index(row, 0, widget.rootIndex())
            rect = widget.visualRect(index)
            if rect.intersects(area) and index.data() is not None:
                centre = widget.viewport().mapToGlobal(rect.center())
                rows.append({"text": str(index.data()), "at": [centre.x(), centre.y()]})
        return rows
    painted = getattr(widget, "painted_targets", None)
    if painted is not None and widget.isEnabled():  # a painted link (the month's "+N till")
        return [
            {"text": text, "at": [centre.x(), centre.y()]}
            for text, rect in painted()
            for centre in [widget.mapToGlobal(rect.center())]
        ]
    if isinstance(widget, QTabBar):
        found: list[dict[str, object]] = []
        for tab in range(widget.count()):
            if widget.isTabVisible(tab) and widget.isTabEnabled(tab):
                centre = widget.mapToGlobal(widget.tabRect(tab).center())
                found.append(
                    {"text": widget.tabText(tab).replace("&", ""), "at": [centre.x(), centre.y()]}
                )
        return found
    return []


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def snapshot(app: QApplication) -> dict[str, object]:
    """The windows, the focus and the texts a person sees now."""
    windows = []
    texts: list[str] = []
    names: list[str] = []
    targets: list[dict[str, object]] = []
    for window in app.topLevelWidgets():
        if not window.isVisible():
            continue
        geometry = window.frameGeometry()
        windows.append(
            {
                "title": window.windowTitle(),
                "class": type(window).__name__,
                "object": window.objectName(),
                "modal": window.isModal(),
                "enabled": window.isEnabled(),
                "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            }
        )
        for widget in [window, *window.findChildren(QWidget)]:
            if not _shown(widget):
                continue
            try:
                texts.extend(t for t in _widget_texts(widget) if t)
                targets.extend(_targets(widget))
            except Exception as exc:  # a test hook must never take the app down
                traceback.print_exc()
                texts.append(f"<probe error: {type(exc).__name__} in {type(widget).__name__}>")
            if widget.accessibleName():
                names.append(widget.accessibleName())
    focus = app.focusWidget()
    active, modal = app.activeWindow(), app.activeModalWidget()
    return {
        "windows": windows,
        "active": active.windowTitle() if active else None,
        "modal": modal.objectName() if modal else None,
        "focus": None
        if focus is None
        else {
            "class": type(focus).__name__,
            "object": focus.objectName(),
            "accessible": focus.accessibleName(),
            "texts": _widget_texts(focus),
            "current_row": _current_row(focus),
        },
        "texts": texts,
        "accessible_names": names,
        "targets": targets,
    }


class ScreenProbe(QObject):
    """A local server answering each connection with one JSON snapshot line."""

    def __init__(self, app: QApplication, path: str) -> None:
        super().__init__(app)
        self._app = app
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(path)
        if not self._server.listen(path):
            raise RuntimeError(f"e2e probe cannot listen on {path}")
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._reply(socket)

    def _reply(self, socket: QLocalSocket) -> None:
        data = json.dumps(snapshot(self._app), ensure_ascii=False) + "\n"
        socket.write(data.encode("utf-8"))
        socket.flush()
        socket.disconnectFromServer()
        socket.disconnected.connect(socket.deleteLater)


def install_if_requested(app: QApplication) -> ScreenProbe | None:
    """The probe, if the e2e tests asked for it through the environment."""
    path = os.environ.get(ENV)
    return ScreenProbe(app, path) if path else None
