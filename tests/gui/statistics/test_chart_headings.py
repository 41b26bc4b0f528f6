"""The tables under the statistics charts show whole headings (issue 20's violence tab
cut "Mord eller försök" to "ord eller förs" in equal stretched columns)."""

from __future__ import annotations

from desktop.views.statistics.charts import ChartData, ChartPanel


def test_every_heading_fits_its_column(qtbot) -> None:
    panel = ChartPanel()
    qtbot.addWidget(panel)
    series = ("Skottlossning", "Handgranat", "Knivvåld", "Mord eller försök", "Hot")
    months = ("jan 26", "feb", "mar")
    data = ChartData(
        "Händelser per typ och månad", months, tuple((s, (1.0, 0.0, 2.0)) for s in series)
    )
    panel.set_data(data, "Månad")
    panel.resize(630, 500)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    metrics = header.fontMetrics()
    model = panel.table.model()
    for column in range(model.columnCount()):
        heading = model.headerData(column, header.orientation())
        assert metrics.horizontalAdvance(heading) < header.sectionSize(column), heading
