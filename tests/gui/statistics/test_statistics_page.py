"""The Statistik page: figures follow the filters; every chart's table holds its data."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.services.bundle import build_services
from desktop.services.statistics import CHANNELS
from desktop.views.changes_hub import ChangesHub
from desktop.views.statistics.statistics_page import StatisticsPage
from tests.factories import fresh_with_users, login
from tests.unit.statistics.dataset import PERIOD, build

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    fresh = fresh_with_users(tmp_path_factory.mktemp("statsgui"))
    return fresh, build(fresh.admin)


def make_page(qtbot, programme, user="coordinator_social", **kwargs):
    fresh, _built = programme
    services = build_services(login(fresh.path, user))
    page = StatisticsPage(
        services.statistics, role=services.store.identity.role, today=TODAY, **kwargs
    )
    qtbot.addWidget(page)
    page.filters.set_period(PERIOD)
    return page


class CountingHub(ChangesHub):
    """The application's hub, counting what it is handed (an export's Changes hold only
    its log entry, which the hub passes to no page: ``changes_applied`` stays quiet)."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list = []

    def publish(self, changes) -> None:  # type: ignore[no-untyped-def]
        self.handed.append(changes)
        super().publish(changes)


def table_cell(panel, row, column):
    model = panel.model
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_filters_change_the_figures_in_the_background(qtbot, programme):
    _fresh, built = programme
    page = make_page(qtbot, programme)
    with qtbot.waitSignal(page.figures_loaded, timeout=10000):
        page.reload()
    assert page.tiles["persons_reached"].value.text() == "4"
    assert page.tiles["persons_mapped"].value.text() == "6"
    assert page.tiles["reached_more_than_once"].value.text() == "2 (50 %)"
    assert page.tiles["days_to_first_delivery_median"].value.text() == "45,0 dagar"
    assert "minst en" in page.tiles["persons_reached"].toolTip()
    group = page.filters.group.findData(built.groups["B"])
    with qtbot.waitSignal(page.figures_loaded, timeout=10000):
        page.filters.group.setCurrentIndex(group)  # debounced reload
    assert page.tiles["persons_reached"].value.text() == "1"
    assert page.tiles["persons_mapped"].value.text() == "3"
    agency = page.filters.agency.findData(built.agencies["police"])
    page.filters.group.setCurrentIndex(0)
    with qtbot.waitSignal(page.figures_loaded, timeout=10000):
        page.filters.agency.setCurrentIndex(agency)
    assert page.tiles["deliveries"].value.text() == "2"


def test_every_chart_table_matches_its_chart(qtbot, programme, qtmodeltester):
    page = make_page(qtbot, programme, background=False)
    page.reload()
    result = page.result
    assert result is not None
    panel = page.channels_chart
    assert panel.model.rowCount() == 6 and panel.model.columnCount() == 1 + len(CHANNELS)
    chart_series = page.channels_chart._chart.series()[0]  # the QBarSeries
    for s, bar_set in enumerate(chart_series.barSets()):
        for row in range(6):
            assert float(table_cell(panel, row, s + 1)) == bar_set.at(row)
    assert table_cell(panel, 0, 1) == "1"  # January: one home visit
    reach = page.reach_chart
    lines = reach._chart.series()
    for s, line in enumerate(lines):
        assert [float(table_cell(reach, r, s + 1)) for r in range(6)] == [
            p.y() for p in line.points()
        ]
    assert [table_cell(reach, r, 1) for r in range(6)] == ["1", "1", "1", "1", "0", "1"]
    assert table_cell(page.outcome_chart, 2, 1) == "3"  # met
    assert [table_cell(page.coverage_chart, r, 0) for r in range(2)] == ["Grupp A", "Grupp B"]
    qtmodeltester.check(page.channels_chart.model)
    qtmodeltester.check(page.coverage_chart.model)


def test_a_tile_opens_the_persons_behind_it(qtbot, programme):
    _fresh, built = programme
    opened = []
    hub = CountingHub()
    page = make_page(qtbot, programme, background=False, open_person=opened.append, hub=hub)
    page.reload()
    qtbot.mouseClick(page.tiles["reached_more_than_once"], Qt.MouseButton.LeftButton)
    assert len(hub.handed) == 1  # the drill-down's Changes, handed to the hub once
    dialog = page.last_dialog
    assert dialog.model.rowCount() == 2
    names = {dialog.model.row_at(r).name for r in range(2)}
    assert "Zyxbertil Qwertsson" in names
    dialog.table.selectRow(0)
    with qtbot.waitSignal(page.person_open_requested):
        dialog.open_button.click()
    assert opened and opened[0] in {built.persons["p1"], built.persons["p2"]}


def test_auditor_sees_figures_but_no_research_export(qtbot, programme):
    page = make_page(qtbot, programme, user="auditor_social", background=False)
    page.reload()
    assert page.tiles["persons_reached"].value.text() == "4"
    assert page.research_button.isHidden()
    assert page.pdf_button.isEnabled()


def test_exports_from_the_page(qtbot, programme, tmp_path):
    target = {"path": ""}
    hub = CountingHub()
    page = make_page(
        qtbot, programme, background=False, ask_path=lambda *_a: target["path"], hub=hub
    )
    page.reload()
    target["path"] = str(tmp_path / "s.pdf")
    page.export_pdf()
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert len(hub.handed) == 1  # the report's serial and audit, handed over once
    target["path"] = str(tmp_path / "s.xlsx")
    page.export_xlsx()
    assert (tmp_path / "s.xlsx").exists()
    assert len(hub.handed) == 2


def test_research_export_dialog_shows_the_rule_and_exports(qtbot, programme, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from desktop.views.statistics.dialogs import ResearchExportDialog

    dialog = ResearchExportDialog()
    qtbot.addWidget(dialog)
    assert any("<5" in label.text() for label in dialog.findChildren(QLabel))
    accepted = ResearchExportDialog.DialogCode.Accepted
    monkeypatch.setattr(ResearchExportDialog, "exec", lambda self: accepted)
    target = tmp_path / "forskning.xlsx"
    hub = CountingHub()
    page = make_page(qtbot, programme, background=False, ask_path=lambda *_a: str(target), hub=hub)
    page.reload()
    page.export_research()
    assert target.exists()
    assert len(hub.handed) == 1


def test_research_export_asks_for_the_password_in_the_background_dialog(
    qtbot, programme, monkeypatch
):
    from desktop.views.statistics.dialogs import ResearchExportDialog
    from tests.factories import PASSWORD
    from tests.gui.reauth import answer_password

    declined = ResearchExportDialog.DialogCode.Rejected
    opened: list[bool] = []
    monkeypatch.setattr(ResearchExportDialog, "exec", lambda self: opened.append(True) or declined)
    fresh, _built = programme
    services = build_services(login(fresh.path, "coordinator_social"))
    page = StatisticsPage(
        services.statistics,
        role=services.store.identity.role,
        today=TODAY,
        background=False,
        reauth=services.security.reauth,
    )
    qtbot.addWidget(page)
    services.security.reauth.forget()
    asked = answer_password(PASSWORD)
    page.export_research()
    # The password first (checked off the GUI thread), then the export dialog (declined).
    assert asked == ["ReauthDialog"]
    assert opened == [True]
    assert services.security.reauth.is_fresh()


def test_view_captions_match_the_core_definitions():
    from desktop.services.statistics import DEFINITIONS
    from desktop.views.statistics.labels import FIGURE_LABELS

    # The view marks each caption for Qt Linguist; the Swedish must stay the core's.
    assert {code: d.label for code, d in DEFINITIONS.items()} == FIGURE_LABELS


def test_tile_captions_follow_the_english_interface(qtbot, programme, qapp):
    from PySide6.QtCore import QLocale

    from desktop.views.i18n import install_translators, remove_translators

    assert install_translators(qapp, "en")
    try:
        page = make_page(qtbot, programme)
        assert page.tiles["persons_reached"].label.text() == "Persons reached"
        assert page.tiles["days_to_first_delivery_median"].label.text() == (
            "Days to first delivery (median)"
        )
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
    page = make_page(qtbot, programme)
    assert page.tiles["persons_reached"].label.text() == "Nådda personer"


def test_exports_follow_the_english_interface(qtbot, programme, qapp, tmp_path):
    """Issue 18: the report and the workbook printed from the English interface are in
    English; the Swedish interface's stay Swedish (test_exports_from_the_page)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader
    from PySide6.QtCore import QLocale

    from desktop.views.i18n import install_translators, remove_translators

    target = {"path": ""}
    assert install_translators(qapp, "en")
    try:
        page = make_page(qtbot, programme, background=False, ask_path=lambda *_a: target["path"])
        page.reload()
        target["path"] = str(tmp_path / "s.pdf")
        page.export_pdf()
        target["path"] = str(tmp_path / "s.xlsx")
        page.export_xlsx()
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
    first = PdfReader(tmp_path / "s.pdf").pages[0].extract_text()
    assert "FOLLOW-UP REPORT" in first and "Persons reached" in first
    assert "UPPFÖLJNINGSRAPPORT" not in first and "Nådda personer" not in first
    book = load_workbook(tmp_path / "s.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["Key figures", "Per month", "Coverage"]
    book.close()
