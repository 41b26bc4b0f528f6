"""The one way a view runs a change, and reads what it shows (STYLE §5, §6, §9, §19).

Issue 18: the views had two ``attempt`` helpers, three copies of "ask for the password
and retry", some forty ``except`` blocks and four ways to publish what changed, and
their saves ran on the GUI thread. Now:

- ``run_change`` runs a unit of work on a pool thread (the GUI keeps painting; user
  input waits until it ends), maps every known error to one message, asks for the
  password and retries once when the service wants it, publishes the ``Changes`` once
  through the hub, and pushes an undo command when the action can be undone.
- ``run_query`` reads what a view shows, on the GUI thread, with the same mapping.
- ``report_failure`` is that mapping for a background job's failure (PDFs, planning).
- ``publish_done`` is a background job's one way to the hub when it has changed data
  (a print's serial and audit, the planner's proposal, an import).

The unit of work must not touch a widget: read the fields first, hand it the values.
A failed unit of work commits nothing (the service's transaction), so nothing is half
saved; the caller keeps what the user typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, QThreadPool
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.changes import Changes
from desktop.services.errors import ReauthenticationRequired
from desktop.store.server_errors import as_store_error
from desktop.views.changes_hub import ChangesHub
from desktop.views.errors_text import known_error_text
from desktop.views.worker import run_in_background

T = TypeVar("T")

_LOG = logging.getLogger("rondplan.runner")

#: Shows the words of a refused action (an error line in a form); default: a message box.
Refused = Callable[[str, BaseException], None]


class Reauth(Protocol):
    """What asking for the password again needs (``Reauthentication``)."""

    def confirm(self, password: str) -> None: ...


def error_message(error: BaseException) -> str | None:
    """The one sentence for a known error, in the interface language; None for a bug.

    Known: domain errors, storage errors, and any error the database server raised
    (a lost link, a read-only standby, a refused statement), which is not the
    programme's bug but the server's answer.
    """
    server = as_store_error(error)
    if server is not None:
        # The server's own text may quote a row (a name): only the type is logged.
        _LOG.warning("the server refused a statement: %s", type(error).__name__)
        error = server
    return known_error_text(error)


def _pool() -> QThreadPool:
    """One thread for changes: they reach the database in the order they were asked."""
    global _CHANGE_POOL
    if _CHANGE_POOL is None:
        _CHANGE_POOL = QThreadPool()
        _CHANGE_POOL.setMaxThreadCount(1)
    return _CHANGE_POOL


_CHANGE_POOL: QThreadPool | None = None


def _off_gui_thread(work: Callable[[], T]) -> T:
    """Runs ``work`` on the change pool; waits, painting, with user input held back."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return work()
    loop = QEventLoop()
    outcome: list[tuple[bool, object]] = []

    def finished(result: object) -> None:
        outcome.append((True, result))
        loop.quit()

    def failed(error: object) -> None:
        outcome.append((False, error))
        loop.quit()

    task = run_in_background(work, finished, failed, pool=_pool())
    if not outcome:  # the answer comes as a queued signal: only this loop delivers it
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    task.deleteLater()
    done, value = outcome[0]
    if not done:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]  # work's own result, through the relay


def done(call: Callable[[], object]) -> Callable[[], bool]:
    """A unit of work that returns nothing, as one that says it was done (``True``)."""

    def run() -> bool:
        call()
        return True

    return run


def _changes_of(result: object) -> Changes:
    """The result itself, its ``changes``, or the Changes in a ``(value, changes)`` pair."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple):
        found = (_changes_of(part) for part in result)
        return next((changes for changes in found if changes), Changes())
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else Changes()


def publish_done(hub: ChangesHub | None, result: object) -> None:
    """Publishes a finished background job's ``Changes`` once (its result, or the result's
    ``changes``); the job's other half of ``run_change``. No hub: nobody listens (a test).
    """
    if hub is not None:
        hub.publish(_changes_of(result))


def report_failure(
    parent: QWidget | None, title: str, error: BaseException, refused: Refused | None = None
) -> None:
    """Says why an action failed, in one sentence; a bug is raised again (the crash hook).

    Background jobs (printing, planning, imports) report their failures here too.
    """
    text = error_message(error)
    if text is None:
        raise error  # a bug: the crash hook logs it and shows the crash dialog
    if refused is not None:
        refused(text, error)
    else:
        QMessageBox.warning(parent, title, text)


def _with_password(
    parent: QWidget | None, reauth: Reauth | None, call: Callable[[], T]
) -> tuple[bool, T | None]:
    """Calls; when the password is wanted again, asks once and calls again.

    Returns (whether the call ran to its end, its result).
    """
    try:
        return True, call()
    except ReauthenticationRequired:
        from desktop.views.admin.reauth_dialog import confirm_password

        if reauth is None or not confirm_password(parent, reauth):
            return False, None
        return True, call()


def run_change(
    parent: QWidget | None,
    title: str,
    work: Callable[[], T],
    *,
    hub: ChangesHub | None = None,
    reauth: Reauth | None = None,
    refused: Refused | None = None,
    undo: Callable[[T], QUndoCommand] | None = None,
    undo_stack: QUndoStack | None = None,
) -> T | None:
    """Runs one unit of work off the GUI thread; its result, or None when it was not done.

    ``None`` means "not done", so a unit of work returns something: its Changes, a
    result, or ``True``.

    Args:
        parent: The widget a message or the password question belongs to.
        title: What the user is doing ("Markera klar"); the title of a message.
        work: The service call. It touches no widget.
        hub: Gets the result's ``Changes`` (the result itself, or its ``changes``) once.
            No hub: nobody else hears them (a widget shown alone, a test).
        reauth: Lets the runner ask for the password again and retry once.
        refused: Shows a refusal in place (an error line) instead of a message box.
        undo: Builds the command that takes the change back; pushed on ``undo_stack``
            after it was done (the command skips its first redo).
    """
    try:
        done, result = _with_password(parent, reauth, lambda: _off_gui_thread(work))
    except Exception as error:  # the one place a view turns an error into words
        report_failure(parent, title, error, refused)
        return None
    if not done:
        return None
    if hub is not None:
        hub.publish(_changes_of(result))
    if undo is not None and undo_stack is not None and result is not None:
        undo_stack.push(undo(result))
    return result


def run_query(
    parent: QWidget | None,
    title: str,
    query: Callable[[], T],
    *,
    reauth: Reauth | None = None,
    refused: Refused | None = None,
) -> T | None:
    """Reads what a view shows, with the same words for a failure; None when it failed."""
    try:
        return _with_password(parent, reauth, query)[1]
    except Exception as error:  # the one place a view turns an error into words
        report_failure(parent, title, error, refused)
        return None
