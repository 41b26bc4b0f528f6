"""Writing a note and disclosing it from the GUI, with the secrecy it promises."""

from __future__ import annotations

from desktop.models import LegalBasis, NoteKind, Person
from desktop.services.bundle import build_services
from desktop.services.uow import UnitOfWork
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
