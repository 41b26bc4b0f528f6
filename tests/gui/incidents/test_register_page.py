"""The Händelser page's register: the list, filters, the incident dialog with every
field, a correction with its history, and what each role is offered (issue 20)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.models import Certainty, IncidentKind, IncidentRole, IncidentSide
from desktop.views.i18n import install_translators, remove_translators
from desktop.views.incidents.models import IncidentColumn, IncidentTableModel
from desktop.views.incidents.register_page import IncidentRegisterPage
from tests.gui.incidents.conftest import TODAY
from tests.unit.incidents.factories import SHOT_AT, shooting


def _page(qtbot, session):
    page = IncidentRegisterPage(
        session.incidents,
        session.services.mapping,
        session.hub,
        today=TODAY,
        now=lambda: SHOT_AT.replace(hour=23, minute=5),
    )
    qtbot.addWidget(page)
    page.reload()
    return page


def _cell(model, row, column):
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_a_new_incident_with_every_field_through_the_dialog(qtbot, world, as_user):
    session = as_user("coordinator_police")
    page = _page(qtbot, session)
    before = page.model.rowCount()
    dialog = page._dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The keyboard starts in the first field, and the saving button is never the default.
    assert dialog.focusWidget() is dialog.kind
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(lambda: not save.isDefault() and not save.autoDefault())
    dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentKind.EXPLOSION))
    dialog.certainty.setCurrentIndex(dialog.certainty.findData(Certainty.PROBABLE))
    dialog.occurred.setDateTime(QDateTime(SHOT_AT.replace(hour=21, minute=15)))
    dialog.district.setEditText("Möllevången")
    dialog.injured.setValue(2)
    dialog.killed.setValue(1)
    dialog.reference.setText("5000-K777-26")
    groups = dialog.groups
    groups.group.setCurrentIndex(groups.group.findData(world.groups["B"]))
    groups.side.setCurrentIndex(groups.side.findData(IncidentSide.SUSPECTED))
    groups.source.setText("Lägesbild")
    groups.add_button.click()
    persons = dialog.persons
    persons.picker.search.setText("Bson")
    persons.picker.look_up("Bson")
    matches = persons.picker.matches
    matches.setCurrentIndex(matches.findData(world.members["B"][1]))
    persons.role.setCurrentIndex(persons.role.findData(IncidentRole.VICTIM))
    persons.add_button.click()
    assert persons.model.rowCount() == 1
    dialog.description.setPlainText("Detonation vid entré.")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)  # Enter in a field saves nothing
    assert dialog.isVisible()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(session.published) == 1 and session.published[0].touches("incident")
    page.reload(keep=dialog.incident_id)
    assert page.model.rowCount() == before + 1
    row = page.model.rows()[page.table.currentIndex().row()]
    assert row.reference == "5000-K777-26"
    model = page.model
    r = page.table.currentIndex().row()
    assert _cell(model, r, IncidentColumn.KIND) == "Sprängning"
    assert _cell(model, r, IncidentColumn.CERTAINTY) == "Trolig"
    assert _cell(model, r, IncidentColumn.HARM) == "1 död, 2 skadade"
    assert _cell(model, r, IncidentColumn.SUSPECTED) == "Grupp B"
    assert _cell(model, r, IncidentColumn.WHEN) == "2026-06-07 21:15"
    detail = page.detail
    assert "Sprängning" in detail.title.text() and "Möllevången" in detail.title.text()
    assert detail.description.text() == "Detonation vid entré."
    assert detail.persons.rowCount() == 1  # the victim: shown to the recording agency


def test_a_refused_save_keeps_the_dialog_and_says_why(qtbot, world, as_user):
    session = as_user("coordinator_police")
    page = _page(qtbot, session)
    dialog = page._dialog()
    qtbot.addWidget(dialog)
    dialog.reference.setText("")  # the reference is required
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text()
    assert session.published == []


def test_a_correction_keeps_the_history_and_shows_it(qtbot, world, as_user):
    session = as_user("officer_police")
    incident_id, _ = session.incidents.register.create(shooting(world, reference="5000-K900-26"))
    page = _page(qtbot, session)
    page.select(incident_id)
    assert page.correct_button.isEnabled()
    detail = page.detail.detail
    dialog = page._dialog(detail, ())
    qtbot.addWidget(dialog)
    assert dialog.correction.isVisibleTo(dialog)
    assert dialog.reference.text() == "5000-K900-26"
    assert dialog.groups.model.rowCount() == 2 and dialog.persons.model.rowCount() == 3
    dialog.killed.setValue(1)
    dialog.reason.setText("Den skadade avled på sjukhus")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.reload(keep=incident_id)
    history = page.detail.history.model
    assert history.rowCount() == 1
    assert _cell(history, 0, 2) == "Den skadade avled på sjukhus"
    assert "Döda: 0" in _cell(history, 0, 3)
    assert page.detail.tabs.tabText(3) == "Rättelser (1)"


def test_other_agencies_see_the_incident_but_not_the_victims_or_the_description(
    qtbot, world, as_user
):
    police = as_user("officer_police")
    incident_id, _ = police.incidents.register.create(shooting(world, reference="5000-K901-26"))
    session = as_user("coordinator_social")
    page = _page(qtbot, session)
    page.select(incident_id)
    detail = page.detail
    assert "annan myndighet" in detail.description.text()
    names = [detail.persons.rows()[n].role for n in range(detail.persons.rowCount())]
    assert names == [IncidentRole.SUSPECTED]
    assert detail.withheld.text().startswith("2 personer")
    assert not page.correct_button.isEnabled()  # only the recording agency corrects


def test_what_each_role_is_offered(qtbot, world, as_user):
    coordinator = _page(qtbot, as_user("coordinator_social"))
    assert coordinator.new_button.isVisibleTo(coordinator)
    assert coordinator.respond_button.isVisibleTo(coordinator)
    lead = _page(qtbot, as_user("team_lead_police"))
    assert not lead.new_button.isVisibleTo(lead)
    assert not lead.correct_button.isVisibleTo(lead)
    assert not lead.import_button.isVisibleTo(lead)
    assert not lead.respond_button.isVisibleTo(lead)
    officer = _page(qtbot, as_user("officer_police"))
    assert officer.new_button.isVisibleTo(officer)
    assert not officer.respond_button.isVisibleTo(officer)


def test_the_filters_choose_the_rows(qtbot, world, as_user):
    session = as_user("officer_police")
    session.incidents.register.create(
        shooting(world, reference="5000-K902-26", kind=IncidentKind.THREAT, district="Fosie")
    )
    page = _page(qtbot, session)
    page.filters.kind.setCurrentIndex(page.filters.kind.findData(IncidentKind.THREAT))
    assert {r.kind for r in page.model.rows()} == {IncidentKind.THREAT}
    page.filters.kind.setCurrentIndex(0)
    page.filters.district.setCurrentIndex(page.filters.district.findData("Fosie"))
    assert {r.district for r in page.model.rows()} == {"Fosie"}
    page.filters.district.setCurrentIndex(0)
    page.filters.group.setCurrentIndex(page.filters.group.findData(world.groups["C"]))
    assert page.model.rowCount() == 0  # C is linked to no incident, only its witness
    assert page.count.text() == "0 händelser"


def test_the_incident_model(qtmodeltester, world, as_user):
    session = as_user("officer_police")
    session.incidents.register.create(shooting(world, reference="5000-K903-26"))
    model = IncidentTableModel()
    model.set_rows(session.incidents.register.rows())
    qtmodeltester.check(model)


def test_no_response_to_an_incident_without_a_group(qtbot, world, as_user):
    session = as_user("coordinator_police")
    incident_id, _ = session.incidents.register.create(
        shooting(world, reference="5000-K904-26", groups=(), persons=())
    )
    page = _page(qtbot, session)
    page.select(incident_id)
    assert not page.respond_button.isEnabled()
    assert "Ingen gruppering" in page.respond_button.toolTip()


@pytest.mark.parametrize(
    ("lang", "one", "withheld"),
    [
        ("sv", "1 händelse", "2 personer (brottsoffer, skadade eller vittnen)"),
        ("en", "1 incident", "2 persons (victims, injured or witnesses)"),
    ],
)
def test_counts_read_right_in_each_language(qtbot, qapp, world, as_user, lang, one, withheld):
    """'1 händelser' and '1 incidents' read wrong: the counts take the plural forms."""
    police = as_user("officer_police")
    district = {"sv": "Husie", "en": "Oxie"}[lang]  # one incident in each, shown alone
    incident = shooting(
        world, reference=f"5000-K9{len(lang) + len(district)}-26", district=district
    )
    incident_id, _ = police.incidents.register.create(incident)
    install_translators(qapp, lang)
    try:
        page = _page(qtbot, as_user("coordinator_social"))
        page.filters.district.setCurrentIndex(page.filters.district.findData(district))
        assert page.count.text() == one
        page.select(incident_id)
        assert page.detail.withheld.text().startswith(withheld)
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
