"""The one runner for a change in the views (issue 18, STYLE §5, §6, §9, §19).

A failing change shows one message and leaves nothing half saved; a successful one
publishes its Changes exactly once; a server error no code names is shown in words,
not raised; the work runs off the GUI thread; undo is registered; a bug still escapes.
"""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from sqlalchemy.exc import InternalError

from desktop.models import Task, TaskStatus
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, ReauthenticationRequired
from desktop.services.operations.rows import TaskScope
from desktop.services.uow import UnitOfWork
from desktop.store.errors import ReadOnlyServer
from desktop.views.changes_hub import ChangesHub
from desktop.views.followup.page import FollowUpPage
from desktop.views.runner import run_change, run_query

TODAY = dt.date(2026, 6, 17)


@pytest.fixture
def shown(monkeypatch):
    """The message boxes the runner shows: (title, text)."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: boxes.append((title, text)))
    return boxes


@pytest.fixture
def published(qtbot):
    hub = ChangesHub()
    seen: list[Changes] = []
    hub.changes_applied.connect(seen.append)
    return hub, seen


@pytest.fixture
def page(qtbot, field, published):
    hub, _ = published
    f = field.services.followup
    f.create_task("Ring familjen", TODAY - dt.timedelta(days=1))
    view = FollowUpPage(f, field.store.identity, hub=hub, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.view.selectRow(0)
    return view


def _open_titles(field) -> list[str]:
    return [
        r.title
        for r in field.services.followup.tasks(TaskScope.ALL, include_done=True)
        if r.status is not TaskStatus.DONE
    ]


def test_success_publishes_changes_exactly_once(page, field, published, shown):
    _, seen = published
    page.mark_done()
    assert len(seen) == 1
    assert seen[0].touches("task")
    assert shown == []
    assert _open_titles(field) == []


def test_refused_change_shows_one_message_and_saves_nothing(page, field, published, shown):
    _, seen = published
    # Someone else saved the task first: the page's version is stale.
    row = field.services.followup.tasks(TaskScope.ALL)[0]
    field.services.followup.mark_done(row.id, row.version)
    field.services.followup.set_status(row.id, row.version + 1, TaskStatus.OPEN)
    page.mark_done()
    assert len(shown) == 1
    assert shown[0][0] == "Markera klar"
    assert shown[0][1].startswith("Någon annan")
    assert seen == []
    assert _open_titles(field) == ["Ring familjen"]


def test_failing_unit_of_work_leaves_nothing_half_saved(qtbot, field, published, shown):
    hub, seen = published
    store = field.store

    def write_then_refuse() -> Changes:
        with UnitOfWork(store, "Två steg") as uow:
            uow.session.add(Task(title="Halvsparad", due_date=TODAY, owner_user_id=1))
            uow.session.flush()  # the first step reached the database
            raise ConflictError()  # the second step is refused
        return uow.changes

    assert run_change(None, "Två steg", write_then_refuse, hub=hub) is None
    assert shown == [
        ("Två steg", "Någon annan har ändrat posten medan du arbetade. Läs in den igen.")
    ]
    assert seen == []
    assert "Halvsparad" not in _open_titles(field)


def test_unknown_server_error_is_shown_in_words_not_raised(qtbot, published, shown):
    hub, seen = published

    def refused_by_server() -> Changes:
        cause = psycopg.errors.InsufficientPrivilege("permission denied for table visit")
        raise InternalError("UPDATE visit …", {}, cause)

    assert run_change(None, "Spara", refused_by_server, hub=hub) is None
    assert shown == [
        (
            "Spara",
            "Servern vägrade åtgärden och ingenting sparades. Försök igen; händer det igen, "
            "kontakta driften.",
        )
    ]
    assert seen == []


def test_raw_read_only_standby_error_is_shown_in_words(qtbot, shown):
    def on_standby() -> None:
        cause = psycopg.errors.ReadOnlySqlTransaction("cannot execute UPDATE")
        raise InternalError("UPDATE visit …", {}, cause)

    run_change(None, "Spara", on_standby)
    assert len(shown) == 1
    assert shown[0][1].startswith("Servern tar bara emot läsningar just nu")


def test_read_only_standby_is_shown_in_words(qtbot, published, shown):
    hub, _ = published

    def on_standby() -> Changes:
        raise ReadOnlyServer()

    run_change(None, "Spara", on_standby, hub=hub)
    assert len(shown) == 1
    assert shown[0][1].startswith("Servern tar bara emot läsningar just nu")


def test_error_line_instead_of_a_box(qtbot, shown):
    line = QLabel()

    def fail() -> None:
        raise ReadOnlyServer()

    run_change(None, "Spara", fail, refused=lambda text, _error: line.setText(text))
    assert shown == []
    assert line.text().startswith("Servern tar bara emot läsningar")


def test_work_runs_off_the_gui_thread(qtbot):
    gui = QApplication.instance().thread()
    ran_on: list[QThread] = []

    def work() -> int:
        ran_on.append(QThread.currentThread())
        return 7

    assert run_change(None, "Räkna", work) == 7
    assert ran_on and ran_on[0] is not gui


def test_bug_escapes_to_the_crash_hook(qtbot, shown):
    def buggy() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        run_change(None, "Spara", buggy)
    with pytest.raises(KeyError):
        run_query(None, "Läs", buggy)
    assert shown == []


def test_undo_is_registered_after_the_change(qtbot, published):
    hub, seen = published
    stack = QUndoStack()
    undone: list[int] = []

    class TakeBack(QUndoCommand):
        def __init__(self, value: int) -> None:
            super().__init__("Ta tillbaka")
            self._value, self._first = value, True

        def redo(self) -> None:
            self._first = False

        def undo(self) -> None:
            undone.append(self._value)

    result = run_change(
        None,
        "Ändra",
        lambda: Changes("Ändra", frozenset({"visit"}), frozenset({("visit", 4)})),
        hub=hub,
        undo=lambda _changes: TakeBack(4),
        undo_stack=stack,
    )
    assert result is not None and len(seen) == 1
    assert stack.count() == 1
    stack.undo()
    assert undone == [4]


def test_password_asked_again_then_retried_once(qtbot, monkeypatch, shown):
    calls: list[int] = []

    def sensitive() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise ReauthenticationRequired()
        return "klart"

    asked: list[QWidget | None] = []
    monkeypatch.setattr(
        "desktop.views.admin.reauth_dialog.confirm_password",
        lambda parent, _reauth: asked.append(parent) or True,
    )
    assert run_change(None, "Exportera", sensitive, reauth=object()) == "klart"  # type: ignore[arg-type]
    assert len(calls) == 2 and len(asked) == 1 and shown == []


def test_lost_server_link_is_shown_in_english_under_english(qtbot, shown):
    from desktop.views.i18n import install_translators

    def lost() -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    app = QApplication.instance()
    install_translators(app, "en")
    try:
        run_change(None, "Save", lost)
    finally:
        install_translators(app, "sv")
    assert shown == [("Save", "The server cannot be reached. Check the network and try again.")]
