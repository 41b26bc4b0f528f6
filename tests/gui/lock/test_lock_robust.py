"""The lock never fails open and also covers windows that open while locked."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QVBoxLayout

from desktop.services.security import SecurityServices
from desktop.store.errors import DiskFull
from desktop.views.lock import LockController
from tests.factories import PASSWORD, fresh_with_users, login


def _window(qtbot, text="Xylofonia Qwertzbäck"):
    window = QMainWindow()
    window.setCentralWidget(QLabel(text))
    qtbot.addWidget(window)
    window.resize(500, 300)
    window.show()
    qtbot.waitExposed(window)
    return window


def _unlock(qtbot, controller, password):
    asker = [o for o in controller.overlays() if o.password is not None]
    asker[0].password.setText(password)
    with qtbot.waitSignal(controller.unlocked, timeout=5000):
        asker[0].password.returnPressed.emit()


def test_lock_covers_and_forgets_keys_when_audit_write_fails(qtbot, tmp_path, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    store = login(fresh.path, "coordinator_social")
    security = SecurityServices.build(store)
    window = _window(qtbot)
    controller = LockController(
        QApplication.instance(), "Ada", security.session.lock, security.session.unlock
    )

    def disk_full():
        raise DiskFull

    monkeypatch.setattr(store, "write_session", disk_full)
    controller.lock()
    assert controller.is_locked() and store.locked
    assert controller.overlays()[0].isVisible() and not window.isVisible()
    monkeypatch.undo()
    _unlock(qtbot, controller, PASSWORD)
    assert not controller.is_locked() and not store.locked
    # A second lock works (it used to return early for good).
    controller.lock()
    assert controller.is_locked() and store.locked and controller.overlays()
    _unlock(qtbot, controller, PASSWORD)
    controller.dispose()
    store.lock()


def test_lock_covers_windows_even_if_lock_store_raises(qtbot):
    window = _window(qtbot)

    def broken() -> None:
        raise RuntimeError("oväntat fel")

    controller = LockController(QApplication.instance(), "Ada", broken, lambda _p: None)
    controller.lock()
    assert controller.is_locked()
    assert controller.overlays() and not window.isVisible()
    controller.dispose()


def test_window_shown_while_locked_is_hidden_or_covered(qtbot):
    window = _window(qtbot)
    controller = LockController(QApplication.instance(), "Ada", lambda: None, lambda _p: None)
    controller.lock()
    dialog = QDialog(window)
    QVBoxLayout(dialog).addWidget(QLabel("Förhandsgranskning: Xylofonia Qwertzbäck"))
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    # A modal dialog stays open (its exec() and what was typed survive) but the lock
    # screen is put back on top of the modal stack: it, not the dialog, takes input.
    modal = QDialog(window)
    modal.setModal(True)
    modal.show()
    (asker,) = controller.overlays()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is asker, timeout=2000)
    assert modal.isVisible() and not modal.isEnabled()
    # A window closed while locked does not break the unlock.
    dialog.deleteLater()
    qtbot.wait(10)
    with qtbot.waitSignal(controller.unlocked, timeout=2000):
        asker.password.setText("x")
        asker.password.returnPressed.emit()
    assert controller.overlays() == []
    assert window.isVisible() and modal.isEnabled()
    # After unlocking, new windows are left alone.
    later = QDialog(window)
    later.show()
    qtbot.waitExposed(later)
    assert later.isVisible()
    modal.close()
    later.close()
    controller.dispose()


def test_two_locked_controllers_do_not_cover_each_other_without_end(qtbot, monkeypatch):
    """A second lock screen showing is not a window to cover: two controllers locked at
    once (a session left open beside another) settle instead of raising their screens
    over each other forever, which froze the event loop."""
    from desktop.views.lock.overlay import LockScreen

    _window(qtbot)
    covered = []
    cover = LockScreen.cover
    monkeypatch.setattr(LockScreen, "cover", lambda screen: (covered.append(1), cover(screen)))
    first = LockController(QApplication.instance(), "Ada", lambda: None, lambda _p: None)
    second = LockController(QApplication.instance(), "Bo", lambda: None, lambda _p: None)
    first.lock()
    second.lock()
    for _ in range(20):
        QApplication.processEvents()
    assert first.is_locked() and second.is_locked()
    assert len(covered) <= 4, f"the lock screens were raised {len(covered)} times"
    first.dispose()
    second.dispose()
