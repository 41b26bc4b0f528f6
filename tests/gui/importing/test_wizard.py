"""The import wizard with qtbot: mapping, preview problems, Importera, publishing Changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.models import Person
from desktop.services.bundle import build_services
from desktop.services.importing import TEMPLATE_HEADERS, Resolution
from desktop.views.changes_hub import ChangesHub
from desktop.views.importing import ImportWizard
from desktop.views.importing.models import PreviewTableModel, ProblemListModel, RowState
from tests.factories import fresh_with_users, login
from tests.unit.transfer.helpers import count, csv_file, person, write

TODAY = dt.date(2026, 11, 23)
HEADERS = list(TEMPLATE_HEADERS)
ANNA = person(Förnamn="Anna", Efternamn="Åström", Personnummer="811218-9876", Gruppering="Syd")
BO = person(Förnamn="Bo", Efternamn="Öberg", Födelsedatum="2004-02-29")
BAD = person(Förnamn="Dan", Efternamn="Berg", Postnummer="12")


@pytest.fixture
def services(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    fresh = fresh_with_users(tmp_path)
    store = login(fresh.path, "coordinator_social")
    yield build_services(store)
    store.lock()


@pytest.fixture
def wizard(qtbot, services):
    hub = ChangesHub()
    wizard = ImportWizard(services.transfer, hub, today=TODAY)
    wizard.hub_for_test = hub
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def finish(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def go_to_preview(qtbot, wizard, path):
    assert wizard.file_page.load(path)
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING_PAGE
    assert wizard.mapping_page.isComplete()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW_PAGE
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=20000)


def test_mapping_page_matches_known_headers_and_maps_the_rest(qtbot, wizard, services, tmp_path):
    path = write(
        tmp_path, "l.csv", csv_file([["namnet", " EFTERNAMN ", "Mobil"], ["Eva", "Dahl", ""]])
    )
    assert wizard.file_page.load(path)
    wizard.next()
    page = wizard.mapping_page
    assert page.current_mapping() == {"namnet": None, "EFTERNAMN": "last_name", "Mobil": "phone"}
    assert not page.isComplete() and "Förnamn" in page.status.text()
    combo = page._combos[0]
    combo.setCurrentIndex(combo.findData("first_name"))
    assert page.isComplete()
    page.save_preset("Min lista")
    assert services.transfer.presets.names() == ["Min lista"]
    combo.setCurrentIndex(0)
    assert not page.isComplete()
    page.preset_combo.setCurrentText("Min lista")
    page._apply_preset()
    assert page.isComplete()


def test_unreadable_file_is_explained(qtbot, wizard, tmp_path):
    path = write(tmp_path, "x.csv", b"")
    assert not wizard.file_page.load(path)
    assert wizard.file_page.status.text() == "Filen är tom."
    assert not wizard.file_page.isComplete()


def test_preview_shows_problems_and_blocks(qtbot, wizard, services, tmp_path, qtmodeltester):
    go_to_preview(qtbot, wizard, write(tmp_path, "l.csv", csv_file([HEADERS, ANNA, BAD, BO])))
    page = wizard.preview_page
    assert not finish(wizard)
    model = page.rows_model
    qtmodeltester.check(model)
    qtmodeltester.check(page.problems_model)
    assert model.state(3) is RowState.ERROR and model.state(2) is RowState.OK
    cell = model.index_of(3, "Postnummer")
    assert "fem siffror" in model.data(cell, 3)  # tooltip
    assert model.data(cell, 8) is not None  # background
    first = page.problems_model.index(0, 0)
    assert page.problems_model.data(first).startswith("Fel: rad 3, Postnummer:")
    page.problems_view.setFocus()
    page.problems_view.setCurrentIndex(first)
    qtbot.keyClick(page.problems_view, Qt.Key.Key_Return)
    assert page.rows_view.currentIndex() == cell
    assert "Importera är avstängt" in page.summary.text()
    # Fix the file, read it again: the error is gone.
    write(tmp_path, "l.csv", csv_file([HEADERS, ANNA, BO]))
    page.reload_button.click()
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=20000)
    assert finish(wizard)
    assert count(services.store, Person) == 0


def test_duplicate_choice_enables_import_which_publishes_changes(qtbot, wizard, services, tmp_path):
    first = write(tmp_path, "a.csv", csv_file([HEADERS, ANNA]))
    table = services.transfer.imports.read(first)
    services.transfer.imports.import_rows(services.transfer.imports.preview(table), today=TODAY)
    go_to_preview(qtbot, wizard, write(tmp_path, "b.csv", csv_file([HEADERS, ANNA, BO])))
    page = wizard.preview_page
    assert page.rows_model.state(2) is RowState.DUPLICATE
    assert not finish(wizard)
    page.choose(2, Resolution.SKIP)
    assert wizard.preview.decisions[2].resolution is Resolution.SKIP
    assert finish(wizard)
    with qtbot.waitSignal(wizard.hub_for_test.changes_applied, timeout=20000) as published:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert published.args[0].touches("person")
    qtbot.waitUntil(lambda: wizard.import_result is not None)
    assert (wizard.import_result.created, wizard.import_result.skipped) == (1, 1)
    assert "Importen är klar" in page.summary.text()
    assert not finish(wizard)
    assert count(services.store, Person) == 2


def test_merge_choice_offers_the_existing_label(qtbot, wizard, services, tmp_path):
    first = write(tmp_path, "a.csv", csv_file([HEADERS, ANNA]))
    table = services.transfer.imports.read(first)
    services.transfer.imports.import_rows(services.transfer.imports.preview(table), today=TODAY)
    go_to_preview(qtbot, wizard, write(tmp_path, "b.csv", csv_file([HEADERS, ANNA])))
    combo = wizard.preview_page.duplicates.cellWidget(0, 2)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [
        "Välj…",
        "Slå ihop med Anna Åström, född 1981 (samma personnummer)",
        "Hoppa över raden",
        "Skapa en ny person",
    ]
    combo.setCurrentIndex(1)
    assert finish(wizard)
    combo.setCurrentIndex(0)
    assert not finish(wizard)


def test_failed_import_saves_nothing_and_says_so(qtbot, wizard, services, tmp_path, monkeypatch):
    from desktop.services.transfer import import_service

    go_to_preview(qtbot, wizard, write(tmp_path, "l.csv", csv_file([HEADERS, ANNA, BO])))

    def broken(ctx, row):
        raise RuntimeError("boom")

    monkeypatch.setattr(import_service, "create_person", broken)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: "Ingenting importerades" in wizard.preview_page.summary.text())
    assert count(services.store, Person) == 0
    assert wizard.import_result is None


def test_problem_model_empty(qtmodeltester):
    model = ProblemListModel()
    qtmodeltester.check(model)
    qtmodeltester.check(PreviewTableModel())
