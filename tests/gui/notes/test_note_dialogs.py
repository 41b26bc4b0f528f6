"""Writing a note and disclosing it from the GUI, with the secrecy it promises."""

from __future__ import annotations

from desktop.models import LegalBasis, NoteKind, Person
from desktop.services.bundle import build_services
from desktop.services.uow import UnitOfWork
from desktop.views.changes_hub import ChangesHub
from desktop.views.notes.dialogs import DisclosureDialog, NoteDialog
from tests.factories import fresh_with_users, login


def _person(store) -> int:
    with UnitOfWork(store, "Skapa person") as uow:
        person = Person(first_name="Test", last_name="Testsson")
        uow.session.add(person)
        uow.session.flush()
        return person.id


def test_note_dialog_saves_an_assessment_readable_only_by_own_agency(qtbot, tmp_path):
    fresh = fresh_with_users(tmp_path)
    police = login(fresh.path, "officer_police")
    person_id = _person(police)
    services = build_services(police)
    dialog = NoteDialog(services.security.notes, person_id=person_id, agency_name="Polisen")
    qtbot.addWidget(dialog)
    dialog.assessment.setChecked(True)
    dialog.text.setPlainText("Kanariefågel-anteckning 7731")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    notes = services.security.notes.notes_for_person(person_id)
    expected = [(NoteKind.ASSESSMENT, "Kanariefågel-anteckning 7731")]
    assert [(n.kind, n.text) for n in notes] == expected
    social = build_services(login(fresh.path, "officer_social"))
    assert social.security.notes.notes_for_person(person_id) == []


def test_empty_note_shows_the_services_sentence_and_saves_nothing(qtbot, tmp_path):
    fresh = fresh_with_users(tmp_path)
    police = login(fresh.path, "officer_police")
    person_id = _person(police)
    services = build_services(police)
    dialog = NoteDialog(services.security.notes, person_id=person_id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.text() == "Anteckningen är tom."
    assert services.security.notes.notes_for_person(person_id) == []


def test_disclosure_needs_reason_and_other_basis_text_then_reaches_receiver(qtbot, tmp_path):
    fresh = fresh_with_users(tmp_path)
    social_store = login(fresh.path, "officer_social")
    social = build_services(social_store)
    social.security.notes.publish_agency_keys()
    police_store = login(fresh.path, "officer_police")
    police = build_services(police_store)
    police.security.notes.publish_agency_keys()
    person_id = _person(police_store)
    police.security.notes.write_note("Uppgift för soc 4410", person_id=person_id)
    note_id = police.security.notes.notes_for_person(person_id)[0].id

    dialog = DisclosureDialog(police.security.notes, note_id, "police")
    qtbot.addWidget(dialog)
    assert [dialog.agency.itemData(i) for i in range(dialog.agency.count())] == [
        "social",
        "probation",
    ]
    dialog.disclose()
    assert dialog.error.text() == "Ange skälet till utlämnandet."
    dialog.basis.setCurrentIndex(dialog.basis.findData(LegalBasis.OTHER.value))
    assert dialog.basis_text.isEnabled()
    dialog.reason.setPlainText("Samverkan kring orosanmälan")
    dialog.disclose()
    assert dialog.error.text() == "Ange vilket lagrum utlämnandet stöds på."
    dialog.basis_text.setText("LVU 2 §")
    with qtbot.waitSignal(dialog.disclosed):
        dialog.disclose()
    texts = [n.text for n in social.security.notes.notes_for_person(person_id)]
    assert texts == ["Uppgift för soc 4410"]


def test_profile_notes_tab_writes_and_discloses_through_the_dialogs(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desktop.views.notes import dialogs
    from desktop.views.persons.profile_page import PersonProfilePage

    fresh = fresh_with_users(tmp_path)
    social = build_services(login(fresh.path, "officer_social"))
    social.security.notes.publish_agency_keys()
    police_store = login(fresh.path, "coordinator_police")
    police = build_services(police_store)
    police.security.notes.publish_agency_keys()
    person_id = _person(police_store)
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = PersonProfilePage(police.mapping, person_id, hub=hub)
    hub.changes_applied.connect(page.apply_changes)
    qtbot.addWidget(page)
    # The notes tab is not the current one, so ask for the buttons' own hidden flag.
    notes = page.notes_tab
    assert not notes.new_note_button.isHidden() and not notes.disclose_button.isHidden()

    def fill_note(dialog):
        dialog.text.setPlainText("Profiluppgift 5512")
        dialog.save()
        return QDialog.DialogCode.Accepted

    def fill_disclosure(dialog):
        dialog.reason.setPlainText("Samverkan")
        dialog.disclose()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NoteDialog, "exec", fill_note)
    monkeypatch.setattr(dialogs.DisclosureDialog, "exec", fill_disclosure)
    notes.write_note()
    assert len(heard) == 1  # published once, by the runner in the dialog
    assert notes.notes.rowCount() == 1
    assert notes.notes.row_at(0).text == "Profiluppgift 5512"
    notes.view.setCurrentIndex(notes.notes.index(0, 0))
    notes.disclose_selected_note()
    assert len(heard) == 2
    assert [n.text for n in social.security.notes.notes_for_person(person_id)] == [
        "Profiluppgift 5512"
    ]


def test_officer_without_disclose_right_sees_no_button(qtbot, tmp_path):
    from desktop.views.persons.profile_page import PersonProfilePage

    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "team_lead_police")
    person_id = _person(store)
    page = PersonProfilePage(build_services(store).mapping, person_id)
    qtbot.addWidget(page)
    assert not page.notes_tab.new_note_button.isHidden()
    assert page.notes_tab.disclose_button.isHidden()
