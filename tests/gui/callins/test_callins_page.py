"""The Stormöten page: list and detail, quick keys, no-show proposals, printing, models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from desktop.models import InvitationStatus, Visit, VisitStatus
from desktop.services.engagement.rows import (
    AttendanceInput,
    ManualDeliveryInput,
)
from desktop.services.operations.rows import MessagePart
from desktop.views.callins import detail as detail_module
from desktop.views.callins import dialogs as dialogs_module
from desktop.views.callins.callins_page import CallInsPage
from desktop.views.callins.models import (
    CallInTableModel,
    InvitationTableModel,
    RepeatTableModel,
    SpeakerTableModel,
)
from desktop.views.callins.printing import LETTERS, CallInPrinter
from desktop.views.changes_hub import ChangesHub
from tests.unit.engagement.factories import Field, held_callin, make_field


@pytest.fixture
def field(tmp_path) -> Iterator[Field]:
    built = make_field(tmp_path)
    yield built
    built.store.lock()


def _page(qtbot, f: Field, printer: CallInPrinter | None = None, hub=None) -> CallInsPage:  # type: ignore[no-untyped-def]
    page = CallInsPage(
        f.services.engagement, f.store.identity, f.services.mapping.persons.page, printer, hub=hub
    )
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def test_page_shows_the_call_in_and_its_invitations(qtbot, field: Field) -> None:
    call_in_id = held_callin(field)
    page = _page(qtbot, field)
    assert page.callins.rowCount() == 1
    assert page.detail.call_in_id == call_in_id
    assert page.detail.invitations.rowCount() == len(field.persons)
    assert page.detail.speakers.rowCount() == 2
    assert page.detail.title.text() == "Stormöte"
    assert page.detail.checklist.count() == 7


def test_quick_key_records_attendance_and_moves_on(qtbot, field: Field) -> None:
    held_callin(field)
    hub = ChangesHub()
    changes = []
    hub.changes_applied.connect(changes.append)
    page = _page(qtbot, field, hub=hub)
    view = page.detail.invitation_view
    view.setFocus()
    view.selectRow(0)
    view.setCurrentIndex(page.detail.invitations.index(0, 0))
    first = page.detail.invitations.row_at(0)
    assert first is not None
    qtbot.keyClick(view, Qt.Key.Key_D)
    row = next(r for r in page.detail.invitations.rows() if r.id == first.id)
    assert row.status is InvitationStatus.ATTENDED and row.delivered
    assert changes and changes[0].touches("delivery")
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_U)
    second = page.detail.invitations.row_at(1)
    assert second is not None and second.status is InvitationStatus.NO_SHOW
    assert page.callins.row_at(0).attended == 1  # type: ignore[union-attr]


def test_checklist_tick_is_saved(qtbot, field: Field) -> None:
    call_in_id = held_callin(field)
    page = _page(qtbot, field)
    page.detail.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    detail = field.services.engagement.callins.detail(call_in_id)
    assert [c.done for c in detail.checklist][:2] == [False, True]


def test_propose_home_visits_for_no_shows(qtbot, field: Field, monkeypatch) -> None:
    call_in_id = held_callin(field)
    detail = field.services.engagement.callins.detail(call_in_id)
    absent = detail.invitations[0]
    field.services.engagement.attendance.record(
        call_in_id, [AttendanceInput(absent.id, InvitationStatus.NO_SHOW)]
    )
    page = _page(qtbot, field)
    monkeypatch.setattr(
        dialogs_module.ProposeVisitsDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(
        detail_module.ProposeVisitsDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    page.detail.propose_visits()
    with field.store.read_session() as s:
        visits = s.execute(select(Visit.person_id, Visit.status, Visit.operation_id)).all()
    assert [(v.person_id, v.status, v.operation_id) for v in visits] == [
        (absent.person_id, VisitStatus.PROPOSED, field.operation_id)
    ]
    assert told and told[0].startswith("1 ")


def test_letters_go_through_the_print_service(qtbot, field: Field) -> None:
    held_callin(field)
    # The letter's contact line names a coordinator with a work phone (issue 18);
    # without one the print is refused before it is numbered.
    from desktop.models import StaffMember
    from desktop.services.uow import UnitOfWork

    identity = field.store.identity
    with UnitOfWork(field.store, "Personal") as uow:
        uow.session.add(
            StaffMember(
                name=identity.display_name,
                agency_id=identity.agency_id,
                phone="040-12 34 56",
                user_id=identity.user_id,
            )
        )
        uow.audit("staff.create", "staff")
    hub = ChangesHub()
    changes = []
    hub.changes_applied.connect(changes.append)
    printer = CallInPrinter(field.services.briefing.printing, hub=hub)
    page = _page(qtbot, field, printer, hub=hub)
    assert page.detail.letters_button.isEnabled()
    printer.start(page.detail, LETTERS, page.detail.call_in_id)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: printer.preview is not None, timeout=20000)
    assert printer.preview is not None and printer.preview.serial.startswith("RP-")
    # One letter page per invited person, straight from memory: no file anywhere.
    assert printer.preview.document.pageCount() == len(page.detail.invitations.rows())
    # The print is a background job: its Changes reached the hub once, no relay.
    assert [c.touches("print_record") for c in changes] == [True]
    rows = page.detail.invitations.rows()
    assert all(r.letter_printed_at is not None for r in rows)
    printer.preview.reject()


def test_letters_are_swedish_unless_english_is_chosen(qtbot, field: Field, monkeypatch) -> None:
    """A letter is the recipient's (issue 18): Swedish by default whatever the interface;
    the combo beside the button prints it in English; the attendance list is internal
    and follows the interface (Swedish here)."""
    held_callin(field)
    printer = CallInPrinter(field.services.briefing.printing)
    started = []
    monkeypatch.setattr(
        printer, "start", lambda parent, kind, call_in_id, lang: started.append((kind, lang))
    )
    page = _page(qtbot, field, printer)
    detail = page.detail
    assert detail.letter_language.currentData() == "sv"
    qtbot.mouseClick(detail.letters_button, Qt.MouseButton.LeftButton)
    detail.letter_language.setCurrentIndex(detail.letter_language.findData("en"))
    qtbot.mouseClick(detail.letters_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(detail.list_button, Qt.MouseButton.LeftButton)
    assert started == [("letters", "sv"), ("letters", "en"), ("attendees", "sv")]


def test_deliveries_tab_lists_repeats(qtbot, field: Field) -> None:
    call_in_id = held_callin(field)
    detail = field.services.engagement.callins.detail(call_in_id)
    first = detail.invitations[0]
    field.services.engagement.attendance.record(
        call_in_id, [AttendanceInput(first.id, InvitationStatus.ATTENDED)]
    )
    field.services.engagement.ledger.record_manual(
        ManualDeliveryInput(first.person_id, dt.date.today(), parts=frozenset(MessagePart))
    )
    page = _page(qtbot, field)
    assert page.repeats.rowCount() == 1
    assert page.repeat_summary.text().startswith("1 av 1 ")


def test_models_pass_the_model_tester(qtmodeltester, field: Field) -> None:
    call_in_id = held_callin(field)
    engagement = field.services.engagement
    detail = engagement.callins.detail(call_in_id)
    engagement.attendance.record(
        call_in_id,
        [
            AttendanceInput(detail.invitations[0].id, InvitationStatus.ATTENDED),
            AttendanceInput(detail.invitations[1].id, InvitationStatus.NO_SHOW),
        ],
    )
    detail = engagement.callins.detail(call_in_id)
    for model, rows in (
        (CallInTableModel(), engagement.callins.call_ins()),
        (InvitationTableModel(), detail.invitations),
        (SpeakerTableModel(), detail.speakers),
        (RepeatTableModel(), engagement.ledger.repeated(1)),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)


def test_apply_changes_reloads(qtbot, field: Field) -> None:
    page = _page(qtbot, field)
    assert page.callins.rowCount() == 0
    call_in_id = held_callin(field)
    page.apply_changes(field.services.engagement.callins.detail(call_in_id) and _changes())
    assert page.callins.rowCount() == 1


def _changes():  # type: ignore[no-untyped-def]
    from desktop.services.changes import Changes

    return Changes("x", frozenset({"call_in"}), frozenset({("call_in", 1)}))
