"""A save in a dialog reaches the hub once, through the runner; the page still refreshes
(issue 18, STYLE §5: one ``changes_applied``, no page relays)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.services.changes import Changes
from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.list_page import PersonsPage
from desktop.views.persons.person_dialog import PersonDialog
from desktop.views.persons.workspace import PersonsWorkspace


def _heard(hub: ChangesHub) -> list[Changes]:
    heard: list[Changes] = []
    hub.changes_applied.connect(heard.append)
    return heard


def _answer_the_dialog(first: str, last: str) -> None:
    """Fills the modal person dialog the page opened and presses Spara."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PersonDialog)
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_a_new_person_is_published_once_and_the_list_shows_it(qtbot, mapped):
    services, _ = mapped
    hub = ChangesHub()
    heard = _heard(hub)
    page = PersonsPage(services.mapping, hub=hub)
    hub.changes_applied.connect(page.apply_changes)  # as the composition root wires it
    qtbot.addWidget(page)
    shown = page.model.rowCount()
    QTimer.singleShot(0, lambda: _answer_the_dialog("Zelda", "Östberg"))
    page.new_button.click()
    assert len(heard) == 1
    assert heard[0].touches("person")
    assert page.model.rowCount() == shown + 1
    names = [page.model.row_at(i).full_name for i in range(page.model.rowCount())]
    assert "Zelda Östberg" in names


def test_a_cancelled_dialog_publishes_nothing(qtbot, mapped):
    services, _ = mapped
    hub = ChangesHub()
    heard = _heard(hub)
    page = PersonsPage(services.mapping, hub=hub)
    qtbot.addWidget(page)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    page.new_button.click()
    assert heard == []


def test_a_page_shown_alone_hears_its_own_saves(qtbot, mapped):
    """Without the application's hub the workspace keeps one of its own (a test, a screen)."""
    services, _ = mapped
    space = PersonsWorkspace(services.mapping, services.engagement.sanctions)
    qtbot.addWidget(space)
    shown = space.list_page.model.rowCount()
    QTimer.singleShot(0, lambda: _answer_the_dialog("Ylva", "Åkesson"))
    space.list_page.new_button.click()
    assert space.list_page.model.rowCount() == shown + 1


def test_a_refused_group_save_publishes_nothing_and_a_saved_one_once(qtbot, mapped):
    """A FormDialog given the hub: the runner publishes its save, the owner hands nothing on."""
    from desktop.views.groups.group_dialog import GroupDialog
    from desktop.views.groups.list_page import GroupsPage

    services, _ = mapped
    hub = ChangesHub()
    heard = _heard(hub)
    page = GroupsPage(services.mapping, hub=hub)
    hub.changes_applied.connect(page.apply_changes)
    qtbot.addWidget(page)
    shown = page.model.rowCount()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GroupDialog)
        dialog.name.setText("Norra gänget")  # taken: refused, the dialog stays open
        dialog.save()
        assert heard == [] and "redan" in dialog.error.text()
        dialog.name.setText("Västra")
        dialog.save()

    QTimer.singleShot(0, answer)
    page.new_button.click()
    assert len(heard) == 1 and heard[0].touches("group")
    assert page.model.rowCount() == shown + 1


def test_a_profile_opened_in_the_workspace_publishes_an_address_once(qtbot, mapped):
    """The profile takes the workspace's hub: its link dialogs are published by the runner,
    no relay publishes them a second time, and the profile shows the new address."""
    from desktop.views.persons.link_dialogs import AddressDialog

    services, ids = mapped
    hub = ChangesHub()
    heard = _heard(hub)
    space = PersonsWorkspace(services.mapping, services.engagement.sanctions, hub=hub)
    hub.changes_applied.connect(space.apply_changes)  # as the composition root wires it
    qtbot.addWidget(space)
    profile = space.open_person(ids["Erik Johansson"])
    shown = profile.addresses.rowCount()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddressDialog)
        dialog.street.setText("Storgatan 12")
        dialog.city.setText("Malmö")
        dialog.save()

    QTimer.singleShot(0, answer)
    profile.address_button.click()
    assert len(heard) == 1 and heard[0].touches("person", "address")
    assert profile.addresses.rowCount() == shown + 1
    streets = [profile.addresses.row_at(i).street for i in range(profile.addresses.rowCount())]
    assert "Storgatan 12" in streets


def test_a_group_profile_opened_in_the_workspace_publishes_a_member_once(qtbot, mapped):
    """The group profile takes the groups workspace's hub: a member added there is heard
    once (no workspace relay any more), and the profile lists the member."""
    from desktop.views.groups.member_dialog import MemberDialog
    from desktop.views.groups.workspace import GroupsWorkspace

    services, ids = mapped
    hub = ChangesHub()
    heard = _heard(hub)
    space = GroupsWorkspace(services.mapping, services.engagement.sanctions, hub=hub)
    hub.changes_applied.connect(space.apply_changes)  # as the composition root wires it
    qtbot.addWidget(space)
    profile = space.open_group(ids["Centrumligan"])
    shown = profile.members.rowCount()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MemberDialog)
        dialog.picker.look_up("Johansson")
        dialog.source.setText("Socialtjänsten")
        dialog.reason.setText("Uppgift i orosanmälan")
        dialog.save()

    QTimer.singleShot(0, answer)
    profile.member_button.click()
    assert len(heard) == 1 and heard[0].touches("group")
    assert profile.members.rowCount() == shown + 1
