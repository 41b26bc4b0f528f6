"""``rondplan screenshot`` entries for the incident pages (issue 20): the register, the
week-by-district grid, the response dialog and the dashboard's "Våld och respons" tab,
each built on demo data as the command builds it, showing something, in Swedish and in
English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget

from desktop.opening import demo_username
from desktop.services.bundle import Services, build_services
from desktop.services.demo import DEMO_PASSWORD, generate_demo
from desktop.store.database import LockedDatabase
from desktop.views.i18n import install_translators, remove_translators
from desktop.views.incidents.response_dialog import ResponseDialog
from desktop.views.screens import all_screens
from desktop.views.statistics.statistics_page import VIOLENCE_TAB

NAMES = ("incidents", "incident-weeks", "incident-response", "statistics-violence")
#: Words of these screens that an English user must not read.
SWEDISH = (
    "Händelser",
    "Vecka och område",
    "Planera respons",
    "Föreslå",
    "Godkänn",
    "Stäng",
    "Våld och respons",
    "Översikt",
    "Skottlossning",
    "Visa de senaste",
    "Insatser som svarade",
    "Personer i rundan",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    return generate_demo(tmp_path_factory.mktemp("screens") / "demo.db", seed=7)


@pytest.fixture
def services(demo) -> Iterator[Services]:
    # The account the command logs in with for these views.
    store = LockedDatabase(demo.path).unlock(demo_username("coordinator"), DEMO_PASSWORD)
    yield build_services(store)
    store.lock()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert install_translators(qapp, "en"), "rondplan_en.qm loads"
    yield
    remove_translators(qapp)
    QLocale.setDefault(QLocale.c())


def _shown(qtbot, services: Services, name: str) -> QWidget:
    widget = all_screens()[name](services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)  # the command's default size
    widget.show()
    qtbot.wait(20)
    return widget


def _texts(widget: QWidget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisible()]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    return "\n".join(texts).replace("&", "")


def test_the_command_lists_the_incident_screens() -> None:
    assert set(NAMES) <= set(all_screens())


def test_the_register_opens_the_newest_incident_with_its_persons(qtbot, services) -> None:
    page = _shown(qtbot, services, "incidents")
    register = page.register  # type: ignore[attr-defined]
    assert register.model.rowCount() > 0
    detail = register.detail.detail
    assert detail is not None and detail.id == register.current_id()
    assert detail.persons, "an incident whose persons the coordinator may see"


def test_the_week_grid_shows_a_cell_that_was_answered(qtbot, services) -> None:
    page = _shown(qtbot, services, "incident-weeks")
    assert page.tabs.currentIndex() == 1  # type: ignore[attr-defined]
    weeks = page.weeks  # type: ignore[attr-defined]
    current = weeks.grid.currentIndex()
    cell = weeks.model.cell(current.row(), current.column())
    assert cell is not None and cell.operations
    assert weeks.operations.count() == len(cell.operations)
    # The newest week is in view and a cell's text fits its column ("1 · 1✓", not "…").
    assert current.column() > 0
    header = weeks.grid.horizontalHeader()
    metrics = weeks.grid.fontMetrics()
    for row in range(weeks.model.rowCount()):
        for column in range(weeks.model.columnCount()):
            text = weeks.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if text:
                assert metrics.horizontalAdvance(text) < header.sectionSize(column), text


def test_the_response_dialog_shows_a_response_and_changes_nothing(qtbot, services) -> None:
    dialog = _shown(qtbot, services, "incident-response")
    assert isinstance(dialog, ResponseDialog)
    assert dialog.proposal is not None
    assert dialog.targets.rowCount() > 0
    assert dialog.teams.count() > 0
    assert dialog.decision is None  # nothing was accepted, proposed or declined


def test_the_violence_tab_is_computed_when_shown(qtbot, services) -> None:
    page = _shown(qtbot, services, "statistics-violence")
    assert page.tabs.currentIndex() == VIOLENCE_TAB  # type: ignore[attr-defined]
    result = page.result  # type: ignore[attr-defined]
    assert result is not None and result.incidents is not None
    assert result.incidents.total.incidents > 0


@pytest.mark.parametrize("name", NAMES)
def test_each_screen_in_swedish_and_in_english(qtbot, services, name, request) -> None:
    swedish = _texts(_shown(qtbot, services, name))
    assert any(word in swedish for word in SWEDISH), swedish
    request.getfixturevalue("english")
    shown = _texts(_shown(qtbot, services, name))
    assert not [word for word in SWEDISH if word in shown], shown
