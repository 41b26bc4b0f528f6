"""The follow-up report: key figures with definitions, charts, tables."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop.messages import words
from desktop.messages.report import MONTH_CODES
from desktop.reports.canvas import Output, build_document
from desktop.reports.common import CONTENT_WIDTH, data_table, section
from desktop.reports.data_sheets import ChartSpec, StatisticsReportData
from desktop.reports.fonts import FAMILY
from desktop.reports.styles import (
    ACCENT,
    BODY,
    FIGURE,
    FONT_ALL,
    INK,
    ITALIC_NOTE,
    LABEL,
    MUTED,
    RULE,
    SMALL,
    SUBTITLE,
    TINT,
    TITLE,
    esc,
    fmt_period,
)

CHART_HEIGHT = 62 * mm
#: Shades of the one accent colour, darkest first, so series stay apart in grey print too.
SERIES_COLOURS = (
    ACCENT,
    colors.HexColor("#6E9BB3"),
    colors.HexColor("#A9C4D3"),
    colors.HexColor("#2E2E2E"),
    colors.HexColor("#8C8C8C"),
)


def render_statistics_report(data: StatisticsReportData, out: Output) -> None:
    """Write the follow-up report as PDF, its own words in ``data.lang``."""
    lang = data.lang
    document = words("report.stats_kind", {}, lang)
    story: list[Flowable] = [
        Paragraph(esc(document.upper()), LABEL),
        Paragraph(esc(data.title), TITLE),
        Paragraph(esc(fmt_period(data.period_start, data.period_end)), SUBTITLE),
    ]
    if data.key_figures:
        story.append(_key_figures(data))
    months = [words(f"report.month_short.{c}", {}, lang) for c in MONTH_CODES]
    labels = [f"{months[m.month - 1]} {m:%y}" for m in data.months]
    charts = ((data.bar_chart, "bar"), (data.line_chart, "line"))
    for chart, kind in charts + tuple((extra, "bar") for extra in data.extra_charts):
        if chart is None or not data.months:
            continue
        drawing = _chart(chart, labels, kind)
        story.append(KeepTogether([section(chart.title), drawing]))
    for table in data.tables:
        story.append(section(table.title))
        width = CONTENT_WIDTH / max(1, len(table.columns))
        story.append(data_table(table.columns, table.rows, [width] * len(table.columns)))
        if table.note:
            story.append(Paragraph(esc(table.note), ITALIC_NOTE))
    if data.notes:
        story.append(section(words("report.about_figures", {}, lang)))
        story += [Paragraph(esc(note), BODY) for note in data.notes]
    if data.meta.template_versions:
        used = ", ".join(f"{name} {version}" for name, version in data.meta.template_versions)
        text = words("report.templates_used", {"used": used}, lang)
        story += [Spacer(1, 4 * mm), Paragraph(esc(text), SMALL)]
    build_document(story, out, meta=data.meta, title=document, lang=lang)


def _key_figures(data: StatisticsReportData) -> Table:
    """Big numbers in a grid of three, each with its definition under it."""
    columns = 3
    width = CONTENT_WIDTH / columns
    cells: list[list[Flowable]] = []
    for figure in data.key_figures:
        cells.append(
            [
                Paragraph(esc(figure.value), FIGURE),
                Spacer(1, 2 * mm),
                Paragraph(f"<b>{esc(figure.label)}</b>", BODY),
                Paragraph(esc(figure.definition), SMALL),
            ]
        )
    rows: list[list[Any]] = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    missing = columns - len(rows[-1])
    rows[-1] += [""] * missing
    table = Table(rows, colWidths=[width] * columns)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LINEAFTER", (0, 0), (-2, -1), 3, colors.white),
            ("LINEBELOW", (0, 0), (-1, -2), 3, colors.white),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ]
    )
    if missing:
        # Empty cells of the last row stay white rather than showing as blank tiles.
        table.setStyle([FONT_ALL, ("BACKGROUND", (columns - missing, -1), (-1, -1), colors.white)])
    return table


def _chart(spec: ChartSpec, labels: list[str], kind: str) -> Drawing:
    """A bar or line chart of month series, with a legend and the unit on the axis."""
    width = CONTENT_WIDTH
    # The renderer starts each drawing in Helvetica unless told otherwise.
    drawing = Drawing(width, CHART_HEIGHT, initialFontName=FAMILY)
    chart = VerticalBarChart() if kind == "bar" else HorizontalLineChart()
    chart.x, chart.y = 28, 26
    chart.width, chart.height = width - 40, CHART_HEIGHT - 52
    chart.data = [list(series.values) for series in spec.series]
    chart.categoryAxis.categoryNames = labels
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FAMILY
        axis.labels.fontSize = 7
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    # Value labels are off, but their default font (Helvetica) still gets selected.
    labels_attr = chart.barLabels if kind == "bar" else chart.lineLabels
    labels_attr.fontName = FAMILY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    if len(labels) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    for index in range(len(spec.series)):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        if kind == "bar":
            chart.bars[index].fillColor = colour
            chart.bars[index].strokeColor = None
        else:
            chart.lines[index].strokeColor = colour
            chart.lines[index].strokeWidth = 1.6
    if kind == "bar":
        chart.groupSpacing = 6
        chart.barSpacing = 1
    drawing.add(chart)

    legend = Legend()
    legend.x, legend.y = width, CHART_HEIGHT - 6
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    legend.columnMaximum = 1
    legend.fontName = FAMILY
    legend.fontSize = 7.5
    legend.fillColor = INK
    # Each entry as wide as its words, so a long name (English "Prison and Probation
    # Service") does not push the legend over the unit on the left.
    legend.variColumn = 1
    legend.autoXPadding = 16
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)], s.name) for i, s in enumerate(spec.series)
    ]
    drawing.add(legend)
    drawing.add(
        String(0, CHART_HEIGHT - 14, spec.unit, fontName=FAMILY, fontSize=7, fillColor=MUTED)
    )
    return drawing
