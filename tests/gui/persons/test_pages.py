from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.models import AuditEntry
from desktop.services.mapping.rows import PersonFilter
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.list_page import PersonsPage
from desktop.views.persons.profile_page import PersonProfilePage
from desktop.views.persons.review_page import ReviewPage
from desktop.views.persons.table_model import PersonColumn
from desktop.views.persons.workspace import PersonsWorkspace
from tests.factories import PASSWORD
from tests.gui.reauth import answer_password


def audit_count(store, action: str) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).where(AuditEntry.action == action))


def names(page: PersonsPage) -> list[str]:
    return [page.model.row_at(i).full_name for i in range(page.model.rowCount())]


def test_typing_filters_and_a_burst_makes_one_audit_entry(qtbot, mapped):
    services, _ = mapped
    page = PersonsPage(services.mapping)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 8
    QTest.keyClicks(page.search, "hass")
    assert names(page) == ["Ali Hassan"]
    assert audit_count(services.store, "search") == 0
    page.flush_search_audit()
    assert audit_count(services.store, "search") == 1
    with services.store.read_session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "search")).one()
    assert "hass" not in entry.detail.lower()
    page.search.clear()
    page.risk_filter.setCurrentIndex(page.risk_filter.findText("Risk att skjuta"))
    assert set(names(page)) == {"Erik Johansson", "Mohammed Ahmed", "Dragan Petrović"}
    page.flush_search_audit()  # not left to fire once this test's store is locked


def test_ctrl_f_enter_and_remembered_columns(qtbot, mapped, tmp_path):
    services, _ = mapped
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = PersonsPage(services.mapping, settings)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    assert QTest.qWaitForWindowActive(page)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, 0))
    with qtbot.waitSignal(page.person_opened) as opened:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [page.model.row_at(1).id]
    page.set_column_visible(PersonColumn.BIRTH_DATE, False)
    again = PersonsPage(services.mapping, settings)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().isSectionHidden(PersonColumn.BIRTH_DATE)
    assert not again.table.horizontalHeader().isSectionHidden(PersonColumn.AREA)


def test_header_click_sorts_in_sql(qtbot, mapped):
    services, _ = mapped
    page = PersonsPage(services.mapping)
    qtbot.addWidget(page)
    page.table.sortByColumn(PersonColumn.BIRTH_DATE, Qt.SortOrder.DescendingOrder)
    births = [page.model.row_at(i).birth_date for i in range(page.model.rowCount())]
    assert births == sorted(births, reverse=True)


def test_profile_reads_are_audited_and_reveal_shows_number(qtbot, mapped):
    services, ids = mapped
    pid = ids["Erik Johansson"]
    before = audit_count(services.store, "person.read")
    page = PersonProfilePage(services.mapping, pid)
    qtbot.addWidget(page)
    assert audit_count(services.store, "person.read") == before + 1
    assert page.identity.text().endswith("****")
    assert page.protected_banner.isHidden()
    page.reveal_button.click()
    assert "****" not in page.identity.text()
    assert audit_count(services.store, "person.reveal_id") == 1
    assert page.tabs.count() == 5
    assert page.deliveries.text().startswith("Budskapet delgivet en gång, 20")
    assert page.addresses.rowCount() == 1 and page.memberships.rowCount() == 1
    with qtbot.waitSignal(page.back_requested):
        page.back_button.click()


def test_reveal_asks_for_the_password_in_the_background_dialog(qtbot, mapped):
    services, ids = mapped
    page = PersonProfilePage(services.mapping, ids["Erik Johansson"])
    qtbot.addWidget(page)
    services.mapping.reauth.forget()
    asked = answer_password(PASSWORD)
    page.reveal_button.click()
    assert asked == ["ReauthDialog"]  # Argon2id runs off the GUI thread there
    assert "****" not in page.identity.text()
    assert services.mapping.reauth.is_fresh()
    assert audit_count(services.store, "person.reveal_id") == 1


def test_reveal_cancelled_at_the_password_keeps_the_mask(qtbot, mapped):
    services, ids = mapped
    page = PersonProfilePage(services.mapping, ids["Erik Johansson"])
    qtbot.addWidget(page)
    services.mapping.reauth.forget()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        dialog.reject()

    QTimer.singleShot(20, cancel)
    page.reveal_button.click()
    assert page.identity.text().endswith("****")
    assert page.reveal_button.isEnabled()
    assert audit_count(services.store, "person.reveal_id") == 0


def test_protected_identity_is_marked(qtbot, mapped):
    services, ids = mapped
    page = PersonProfilePage(services.mapping, ids["Yusuf Öztürk"])
    qtbot.addWidget(page)
    assert not page.protected_banner.isHidden()
    assert "SKYDDAD" in page.protected_banner.text()


def test_workspace_opens_profile_and_linked_relative(qtbot, mapped):
    services, ids = mapped
    space = PersonsWorkspace(services.mapping, services.engagement.sanctions)
    qtbot.addWidget(space)
    profile = space.open_person(ids["Ali Hassan"])
    assert space.stack.currentWidget() is profile
    linked = [
        i
        for i in range(profile.relatives.rowCount())
        if profile.relatives.row_at(i).linked_person_id
    ]
    profile._open_relative(profile.relatives.index(linked[0], 0))
    assert space.stack.currentWidget().person_id == ids["Mohammed Ahmed"]
    space.stack.pop()
    space.stack.pop()
    assert space.stack.currentWidget() is space.tabs


def test_workspace_builds_the_review_tab_when_first_opened(qtbot, mapped):
    services, _ = mapped
    hub = ChangesHub()
    space = PersonsWorkspace(services.mapping, services.engagement.sanctions, hub=hub)
    qtbot.addWidget(space)
    space.show()
    qtbot.waitExposed(space)
    # Start-up pays for the list only; the review list is neither built nor queried.
    assert space.review_tab.built() is None
    space.tabs.setCurrentWidget(space.review_tab)
    review = space.review_tab.built()
    assert isinstance(review, ReviewPage)
    assert review.isVisible()
    assert review.model.rowCount() >= 2
    # Built once; its signals reach the workspace like the list's.
    space.tabs.setCurrentIndex(0)
    space.tabs.setCurrentWidget(space.review_tab)
    assert space.review_tab.built() is review
    review.table.setCurrentIndex(review.model.index(0, 0))
    with qtbot.waitSignal(hub.changes_applied):  # through the runner, no relay
        review.keep_selected()


def test_review_page_keeps_an_item(qtbot, mapped):
    services, _ = mapped
    hub = ChangesHub()
    page = ReviewPage(services.mapping, hub=hub)
    qtbot.addWidget(page)
    due = page.model.rowCount()
    assert due >= 2
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(hub.changes_applied):
        page.keep_selected()
    assert page.model.rowCount() == due - 1
    assert services.mapping.persons.page(PersonFilter(due_for_review=True)) is not None


def test_end_a_group_link_from_the_profile(qtbot, mapped):
    services, ids = mapped
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = PersonProfilePage(services.mapping, ids["Kevin Åberg"], hub=hub)
    hub.changes_applied.connect(page.apply_changes)
    qtbot.addWidget(page)
    page.memberships_view.setCurrentIndex(page.memberships.index(0, 0))
    page.end_selected_link()
    assert len(heard) == 1 and heard[0].touches("group")
    assert page.memberships.row_at(0).until is not None  # refreshed from the hub


def test_note_times_show_in_stockholm_time(qtbot, mapped):
    import datetime as dt

    from desktop.services.mapping.notes import AgencyNoteRow

    services, ids = mapped
    page = PersonProfilePage(services.mapping, ids["Ali Hassan"])
    qtbot.addWidget(page)
    # Stored naive UTC: 10:00 UTC in July is 12:00 in Stockholm (summer time), 11:00 in January.
    notes = page.notes_tab.notes
    notes.set_rows(
        [
            AgencyNoteRow(1, dt.datetime(2026, 7, 1, 10, 0), "fact", "", "x"),
            AgencyNoteRow(2, dt.datetime(2026, 1, 15, 10, 0), "fact", "", "y"),
        ]
    )
    shown = [notes.data(notes.index(r, 0)) for r in range(2)]
    assert shown == ["2026-07-01 12:00", "2026-01-15 11:00"]


def test_one_tab_or_down_reaches_the_results_from_the_search(qtbot, mapped):
    """Issue 18: reaching the search results took eight Tabs."""
    services, _ = mapped
    page = PersonsPage(services.mapping)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    assert QTest.qWaitForWindowActive(page)
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_Tab)
    assert page.table.hasFocus()
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.table.currentIndex().row() == 0
    with qtbot.waitSignal(page.person_opened):
        QTest.keyClick(page.table, Qt.Key.Key_Return)


def test_ctrl_f_on_a_profile_goes_to_the_search(qtbot, mapped):
    """Issue 18: Ctrl+F did nothing on a profile."""
    services, ids = mapped
    space = PersonsWorkspace(services.mapping, services.engagement.sanctions)
    qtbot.addWidget(space)
    space.show()
    space.activateWindow()
    assert QTest.qWaitForWindowActive(space)
    profile = space.open_person(ids["Ali Hassan"])
    profile.setFocus()
    QTest.keyClick(profile, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert space.stack.currentWidget() is space.tabs
    assert space.list_page.search.hasFocus()
