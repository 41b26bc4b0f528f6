"""The support figures say what they count, beside the chart (issue 17).

"Stöderbjudanden" counts support offered at the door without a referral too: the support
chart's definitions must say so (or "5 of 11" reads as 100 %), and its bars are no longer
called "Remisser", since a door offer is not one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.statistics.test_statistics_page import make_page, programme  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_support_chart_defines_door_offers(qtbot, programme):  # noqa: F811
    page = make_page(qtbot, programme)
    with qtbot.waitSignal(page.figures_loaded, timeout=60_000):
        page.reload()
    chart = page.support_chart
    definition = chart.toolTip()
    assert "Stöderbjudanden: " in definition
    assert "erbjöds vid dörren utan att en remiss öppnades" in definition
    headers = [
        chart.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(chart.model.columnCount())
    ]
    assert "Remisser" not in headers
