import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.models import VisitStatus
from desktop.services.planning.rows import VisitStatus as RowStatus
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.calendar.page import CalendarPage
from tests.unit.operations.factories import visits

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Answers:
    def __init__(self) -> None:
        self.answer = True
        self.asked: list[list[str]] = []

    def __call__(self, texts: list[str]) -> bool:
        self.asked.append(texts)
        return self.answer


@pytest.fixture
def answers():
    return Answers()


@pytest.fixture
def page(qtbot, planned, answers):
    view = CalendarPage(planned.bundle, confirm=answers)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _stored(field, visit_id):
    return {v[0]: v for v in visits(field.store, field.operation_id)}[visit_id]


def _first_visit(page, field):
    rows = field.services.visits.calendar(dt.date(2026, 6, 15), dt.date(2026, 6, 26))
    first = min(rows, key=lambda r: r.start)
    page.show_date(first.start.date(), CalendarMode.DAY)
    return first


def test_drag_moves_in_database_and_undo_restores(page, planned, answers):
    visit = _first_visit(page, planned)
    day = page.calendar.canvas()
    other = next(t for t in page.calendar._teams.values() if t.team_id != visit.team_id)
    grab = day.rect_of(visit.visit_id).center()
    offset = grab.y() - day.rect_of(visit.visit_id).top()
    target = day.point_for(visit.start.date(), dt.time(17), team_id=other.team_id)
    target.setY(target.y() + offset)
    QTest.mousePress(day, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    QTest.mouseMove(day, (grab + target) / 2)
    QTest.mouseMove(day, target)
    QTest.mouseRelease(day, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    moved = _stored(planned, visit.visit_id)
    assert moved[3] == dt.datetime.combine(visit.start.date(), dt.time(17))
    assert page.undo_button.isEnabled()
    page.undo_stack.undo()
    assert _stored(planned, visit.visit_id)[3] == visit.start
    assert page.calendar.visit(visit.visit_id).team_id == visit.team_id
    page.undo_stack.redo()
    assert _stored(planned, visit.visit_id)[3].hour == 17


def test_conflict_is_shown_and_declined_move_not_stored(page, planned, answers):
    visit = _first_visit(page, planned)
    answers.answer = False
    midsummer_eve = dt.datetime(2026, 6, 19, 10)
    assert not page.calendar.request_move(visit.visit_id, midsummer_eve, visit.team_id)
    assert answers.asked and any("helgdag" in text for text in answers.asked[0])
    assert not page.calendar.banner.isHidden()
    assert "helgdag" in page.calendar.banner.text()
    assert _stored(planned, visit.visit_id)[3] == visit.start
    assert page.undo_stack.count() == 0


def test_delete_cancels_and_undo_restores_status(page, planned):
    visit = _first_visit(page, planned)
    page.calendar.request_cancel(visit.visit_id)
    assert _stored(planned, visit.visit_id)[2] is VisitStatus.CANCELLED
    assert page.calendar.visit(visit.visit_id).status is RowStatus.CANCELLED
    page.undo_stack.undo()
    assert _stored(planned, visit.visit_id)[2] is VisitStatus.PLANNED


def test_filters_and_export_needs_a_team(page, planned):
    # Without a team the print covers every team (issue 18); the export needs one.
    assert page.print_button.isEnabled() and not page.export_button.isEnabled()
    combo = page.calendar.team_filter
    combo.setCurrentIndex(1)
    assert page.print_button.isEnabled() and page.export_button.isEnabled()
    assert page.calendar.operation_filter.count() == 2  # "Alla insatser" and the operation


def _other_workstation_moves(field, visit_id, start):
    """Another workstation saves first: the page is not told."""
    rows = field.services.visits.calendar(dt.date(2026, 6, 15), dt.date(2026, 6, 26))
    version = {v.visit_id: v.version for v in rows}[visit_id]
    field.services.visits.move_visit(visit_id, start, None, version=version)


def test_stale_move_is_refused_and_shown(page, planned):
    visit = _first_visit(page, planned)
    theirs = dt.datetime(2026, 6, 16, 8)
    _other_workstation_moves(planned, visit.visit_id, theirs)
    later = dt.datetime.combine(visit.start.date(), dt.time(16))
    assert not page.calendar.request_move(visit.visit_id, later, visit.team_id)
    assert "någon annan" in page.calendar.banner.text().lower()
    assert _stored(planned, visit.visit_id)[3] == theirs
    assert page.undo_stack.count() == 0


def test_undo_after_someone_else_changed_is_refused(page, planned):
    visit = _first_visit(page, planned)
    later = dt.datetime.combine(visit.start.date(), dt.time(16))
    assert page.calendar.request_move(visit.visit_id, later, visit.team_id)
    theirs = dt.datetime(2026, 6, 17, 8)
    _other_workstation_moves(planned, visit.visit_id, theirs)
    page.undo_stack.undo()
    assert _stored(planned, visit.visit_id)[3] == theirs
    assert "någon annan" in page.calendar.banner.text().lower()


def test_met_visit_cannot_be_cancelled(page, planned):
    from desktop.models import Visit
    from desktop.services.uow import UnitOfWork

    visit = _first_visit(page, planned)
    with UnitOfWork(planned.store, "Utfall") as uow:
        uow.session.get(Visit, visit.visit_id).status = VisitStatus.MET
    page.calendar.request_cancel(visit.visit_id)
    assert _stored(planned, visit.visit_id)[2] is VisitStatus.MET
    assert page.calendar.visit(visit.visit_id).status is not RowStatus.CANCELLED
    assert not page.calendar.banner.isHidden()
    assert page.undo_stack.count() == 0


def test_undo_redo_of_cancel_carry_the_current_version(page, planned):
    visit = _first_visit(page, planned)
    page.calendar.request_cancel(visit.visit_id)
    page.undo_stack.undo()
    page.undo_stack.redo()
    assert _stored(planned, visit.visit_id)[2] is VisitStatus.CANCELLED
    page.undo_stack.undo()
    assert _stored(planned, visit.visit_id)[2] is VisitStatus.PLANNED
    assert page.calendar.banner.isHidden()


def test_export_asks_for_the_password_in_the_background_dialog(
    page, planned, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from tests.factories import PASSWORD
    from tests.gui.reauth import answer_password

    target = tmp_path / "team.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.calendar.team_filter.setCurrentIndex(1)
    reauth = planned.bundle.security.reauth
    reauth.forget()
    asked = answer_password(PASSWORD)
    page.export_icalendar()
    assert asked == ["ReauthDialog"]
    assert reauth.is_fresh()
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_the_conflict_banner_speaks_only_of_the_last_move(page, planned, answers):
    """Issue 18: "Flytten bryter mot regler" stayed on screen for ever, even after
    lock and unlock. Undo, another range and leaving the page clear it."""
    visit = _first_visit(page, planned)
    midsummer_eve = dt.datetime(2026, 6, 19, 10)
    answers.answer = True
    assert page.calendar.request_move(visit.visit_id, midsummer_eve, visit.team_id)
    assert not page.calendar.banner.isHidden()
    page.undo_stack.undo()
    assert page.calendar.banner.isHidden()

    assert page.calendar.request_move(visit.visit_id, midsummer_eve, visit.team_id)
    assert not page.calendar.banner.isHidden()
    page.calendar.go_next()
    assert page.calendar.banner.isHidden()

    page.undo_stack.undo()
    page.show_date(visit.start.date(), CalendarMode.DAY)
    assert page.calendar.request_move(visit.visit_id, midsummer_eve, visit.team_id)
    assert not page.calendar.banner.isHidden()
    page.hide()  # the lock hides the window; so does going to another page
    page.show()
    assert page.calendar.banner.isHidden()


def test_a_visit_is_moved_with_the_keyboard_and_undone(page, planned, answers, qtbot):
    """Issue 18: a visit could not be moved without a mouse. Arrows choose the visit,
    Ctrl+Right moves it a day later, Ctrl+Down half an hour later; Ctrl+Z undoes."""
    visit = _first_visit(page, planned)
    page.show_date(visit.start.date(), CalendarMode.WEEK)
    canvas = page.calendar.canvas()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # the cursor on the visit's day
    while canvas._selected != visit.visit_id:
        QTest.keyClick(canvas, Qt.Key.Key_Down)
    answers.answer = True  # a holiday or hours warning is accepted, as the user would
    QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    moved = _stored(planned, visit.visit_id)[3]
    assert moved == visit.start + dt.timedelta(days=1)
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _stored(planned, visit.visit_id)[3] == moved + dt.timedelta(minutes=30)
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(planned, visit.visit_id)[3] == visit.start
