from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services.mapping.rows import PersonFilter
from desktop.views.persons.merge_dialog import MergeDialog
from desktop.views.persons.person_dialog import PersonDialog


def test_validation_message_and_focus(qtbot, services):
    dialog = PersonDialog(services.mapping.persons)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Ali")
    dialog.last_name.setText("Hassan")
    dialog.postcode = None
    dialog.phone.setText("abc")
    dialog.save()
    assert "siffror" in dialog.error.text()
    assert dialog.result() == 0
    assert services.mapping.persons.count(PersonFilter()) == 0


def test_duplicate_warning_then_save(qtbot, mapped):
    services, _ = mapped
    dialog = PersonDialog(services.mapping.persons)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Ali")
    dialog.last_name.setText("Hasan")
    dialog.save()
    assert dialog.duplicates.isVisibleTo(dialog)
    assert "Ali Hassan" in dialog.duplicates.text()
    assert services.mapping.persons.count(PersonFilter()) == 8
    dialog.save()
    assert dialog.result() == 1
    assert services.mapping.persons.count(PersonFilter()) == 9
    assert dialog.changes.touches("person")


def test_undo_of_a_field_before_saving(qtbot, mapped):
    services, ids = mapped
    profile = services.mapping.persons.profile(
        ids["Bo Lind"] if "Bo Lind" in ids else ids["Ali Hassan"]
    )
    dialog = PersonDialog(services.mapping.persons, profile)
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Hassansson")
    dialog.last_name.editingFinished.emit()
    dialog.protected.setChecked(True)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    assert not dialog.protected.isChecked()
    dialog.undo_button.click()
    assert dialog.last_name.text() == "Hassan"
    assert not dialog.undo_button.isEnabled()


def test_escape_closes_dialog(qtbot, services):
    dialog = PersonDialog(services.mapping.persons)
    qtbot.addWidget(dialog)
    dialog.show()
    assert QTest.qWaitForWindowExposed(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_merge_dialog(qtbot, mapped):
    services, ids = mapped
    rows = {r.id: r for r in services.mapping.persons.page(PersonFilter())}
    dialog = MergeDialog(services.mapping, rows[ids["Ali Hassan"]], rows[ids["Erik Johansson"]])
    qtbot.addWidget(dialog)
    dialog.keep_second.setChecked(True)
    dialog.merge()
    assert dialog.result() == 1
    left = {r.id for r in services.mapping.persons.page(PersonFilter())}
    assert ids["Ali Hassan"] not in left and ids["Erik Johansson"] in left


def test_address_and_membership_dialogs(qtbot, mapped):
    from desktop.views.persons.link_dialogs import AddressDialog, MembershipDialog

    services, ids = mapped
    pid = ids["Jonas Lindqvist"]
    dialog = AddressDialog(services.mapping, pid)
    qtbot.addWidget(dialog)
    dialog.street.setText("Nya vägen 5")
    dialog.postcode.setText("2114")
    dialog.save()
    assert "fem siffror" in dialog.error.text() and dialog.result() == 0
    dialog.postcode.setText("21145")
    dialog.save()
    assert dialog.result() == 1
    assert services.mapping.persons.profile(pid).addresses[0].street == "Nya vägen 5"

    link = MembershipDialog(services.mapping, pid)
    qtbot.addWidget(link)
    link.group.setCurrentIndex(link.group.findText("Centrumligan"))
    link.save()
    assert "källan" in link.error.text()
    link.source.setText("Polisen")
    link.reason.setText("Ses med gruppen")
    link.save()
    assert link.result() == 1
    groups = {m.group_name for m in services.mapping.persons.profile(pid).memberships}
    assert groups == {"Södra sidan", "Centrumligan"}


def test_merge_dialog_refuses_a_record_changed_since_listed(qtbot, mapped):
    from desktop.models import Person

    services, ids = mapped
    rows = {r.id: r for r in services.mapping.persons.page(PersonFilter())}
    with services.store.write_session() as s, s.begin():
        s.get(Person, ids["Erik Johansson"]).phone = "0701234567"  # another workstation
    dialog = MergeDialog(services.mapping, rows[ids["Ali Hassan"]], rows[ids["Erik Johansson"]])
    qtbot.addWidget(dialog)
    dialog.merge()
    assert dialog.result() == 0 and dialog.error.text()
    left = {r.id for r in services.mapping.persons.page(PersonFilter())}
    assert {ids["Ali Hassan"], ids["Erik Johansson"]} <= left
