"""The family tab: relative dialog with a person picker; add, edit and remove."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.views.changes_hub import ChangesHub
from desktop.views.persons.profile_page import PersonProfilePage
from desktop.views.persons.relatives import RelativeDialog
from desktop.views.widgets.person_picker import PersonPicker


def test_person_picker_finds_and_excludes(qtbot, mapped):
    services, ids = mapped
    picker = PersonPicker(services.mapping.persons, exclude=ids["Erik Johansson"])
    qtbot.addWidget(picker)
    assert picker.person_id() is None
    picker.search.setText("Öztürk")
    picker.look_up("Öztürk")
    assert picker.person_id() == ids["Yusuf Öztürk"]
    picker.look_up("Johansson")
    assert ids["Erik Johansson"] not in {
        picker.matches.itemData(i) for i in range(picker.matches.count())
    }


def test_relative_dialog_validates_and_saves_with_link(qtbot, mapped):
    services, ids = mapped
    pid = ids["Erik Johansson"]
    dialog = RelativeDialog(services.mapping, pid)
    qtbot.addWidget(dialog)
    dialog.name.setText("Yusuf Öztürk")
    dialog.save()
    assert "relation" in dialog.error.text().lower()
    dialog.relation.setText("kusin")
    dialog.phone.setText("0701234567")
    dialog.likely_present.setChecked(True)
    dialog.picker.look_up("Öztürk")
    dialog.save()
    assert dialog.result() == 1 and dialog.changes.touches("person")
    added = [r for r in services.mapping.persons.profile(pid).relatives if r.relation == "kusin"]
    assert added[0].linked_person_id == ids["Yusuf Öztürk"] and added[0].likely_present


def test_family_tab_adds_edits_and_removes(qtbot, mapped, monkeypatch):
    services, ids = mapped
    pid = ids["Erik Johansson"]
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = PersonProfilePage(services.mapping, pid, hub=hub)
    hub.changes_applied.connect(page.apply_changes)  # as the workspace wires it
    qtbot.addWidget(page)
    panel = page.relatives_panel
    assert page.tabs.indexOf(panel) >= 0 and not panel.new_button.isHidden()
    before = page.relatives.rowCount()

    def fill(dialog: RelativeDialog) -> int:
        dialog.name.setText("Sara Johansson")
        dialog.relation.setText("syster")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RelativeDialog, "exec", fill)
    panel.new_button.click()
    assert len(heard) == 1  # published once, by the runner; the page refreshed from the hub
    assert page.relatives.rowCount() == before + 1
    row = next(
        i
        for i in range(page.relatives.rowCount())
        if page.relatives.row_at(i).name == "Sara Johansson"
    )
    panel.view.selectRow(row)

    def rename(dialog: RelativeDialog) -> int:
        assert dialog.relation.text() == "syster"
        dialog.relation.setText("halvsyster")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RelativeDialog, "exec", rename)
    panel.edit_button.click()
    assert len(heard) == 2
    assert {page.relatives.row_at(i).relation for i in range(page.relatives.rowCount())} >= {
        "halvsyster"
    }
    row = next(
        i
        for i in range(page.relatives.rowCount())
        if page.relatives.row_at(i).name == "Sara Johansson"
    )
    panel.view.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    panel.remove_button.click()
    assert len(heard) == 3
    assert page.relatives.rowCount() == before
