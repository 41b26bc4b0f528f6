"""The statistics report (PDF data) and the figures workbook, built from a result."""

from __future__ import annotations

from desktop.messages import Language, words
from desktop.reports.data import DocumentMeta
from desktop.reports.data_sheets import (
    ChartSpec,
    KeyFigure,
    MonthSeries,
    StatisticsReportData,
    StatTable,
)
from desktop.services.exporting import CellValue
from desktop.services.statistics.definitions import DEFINITIONS
from desktop.services.statistics.export_format import (
    SCALAR_KEYS,
    figures_dict,
    format_value,
)
from desktop.services.statistics.incident_format import (
    incident_chart,
    incident_sheets,
    incident_tables,
)
from desktop.services.statistics.rows import CHANNELS, OUTCOMES, StatisticsResult
from desktop.services.statistics.workbook import Sheet

#: The key figures on the dashboard's tiles and the report's first page, in order.
KEY_FIGURES: tuple[str, ...] = (
    "persons_mapped",
    "persons_reached",
    "reached_more_than_once",
    "deliveries",
    "callin_attendance_rate",
    "support_accepted",
    "support_completed",
    "self_initiated_contacts",
    "days_to_first_delivery_median",
)


def key_value(result: StatisticsResult, code: str, lang: Language = "sv") -> str:
    """A key figure as printed on a tile, in ``lang``: counts, shares in percent, the
    median in days."""
    t = result.total
    if code == "persons_mapped":
        return format_value(code, result.persons_mapped, lang)
    if code == "reached_more_than_once":
        share = format_value("reached_more_than_once_share", t.reached_more_than_once_share, lang)
        return f"{format_value(code, t.reached_more_than_once, lang)} ({share})"
    if code == "callin_attendance_rate":
        rate = format_value(code, t.callin_attendance_rate, lang)
        of = {"part": t.callin_attended, "whole": t.callin_invitations}
        return f"{rate} ({words('figure.part_of', of, lang)})"
    if code == "days_to_first_delivery_median":
        value = t.days_to_first_delivery_median
        days = {"days": format_value(code, value, lang)}
        return "–" if value is None else words("figure.days", days, lang)
    return format_value(code, getattr(t, code), lang)


def report_data(
    result: StatisticsResult, meta: DocumentMeta, scope_text: str, lang: Language = "sv"
) -> StatisticsReportData:
    """The follow-up report: key figures, two charts, tables, every definition; its
    words in ``lang`` (the printing user's language)."""
    months = tuple(m.month for m in result.months)

    def w(code: str) -> str:
        return words(code, {}, lang)

    def series(code: str, values: list[float]) -> MonthSeries:
        return MonthSeries(w(code), tuple(values))

    bar = ChartSpec(
        w("report.chart_deliveries"),
        w("report.unit_count"),
        tuple(
            MonthSeries(
                w(f"term.channel.{c}"),
                tuple(float(m.figures.deliveries_by_channel.get(c, 0)) for m in result.months),
            )
            for c in CHANNELS
        ),
    )
    line = ChartSpec(
        w("report.chart_reached"),
        w("report.unit_persons"),
        (
            series("report.series_reached", [m.figures.persons_reached for m in result.months]),
            series(
                "report.series_reached_again",
                [m.figures.reached_more_than_once for m in result.months],
            ),
            series(
                "report.series_mapped_new", [m.figures.persons_mapped_new for m in result.months]
            ),
        ),
    )
    return StatisticsReportData(
        meta=meta,
        title=words("report.stats_title", {"scope": scope_text}, lang),
        period_start=result.period.start,
        period_end=result.period.end,
        key_figures=tuple(
            KeyFigure(
                DEFINITIONS[c].label_in(lang),
                key_value(result, c, lang),
                DEFINITIONS[c].text_in(lang),
            )
            for c in KEY_FIGURES
        ),
        months=months,
        bar_chart=bar,
        line_chart=line,
        extra_charts=(incident_chart(result.incidents, lang),),
        tables=report_tables(result, lang) + incident_tables(result.incidents, lang),
        notes=tuple(f"{d.label_in(lang)}: {d.text_in(lang)}" for d in DEFINITIONS.values()),
        lang=lang,
    )


def report_tables(result: StatisticsResult, lang: Language = "sv") -> tuple[StatTable, ...]:
    t = result.total

    def w(code: str) -> str:
        return words(code, {}, lang)

    outcomes = StatTable(
        w("report.table_outcomes"),
        (w("report.col_outcome"), w("report.col_count")),
        tuple((w(f"term.visit.{s}"), str(t.visits_by_outcome.get(s, 0))) for s in OUTCOMES),
        DEFINITIONS["visits_by_outcome"].text_in(lang),
    )
    support = StatTable(
        w("report.table_support"),
        (w("report.col_measure"), w("report.col_count")),
        tuple(
            (DEFINITIONS[c].label_in(lang), format_value(c, getattr(t, c), lang))
            for c in (
                "callin_invitations",
                "callin_attended",
                "callin_attendance_rate",
                "support_offered",
                "support_accepted",
                "support_started",
                "support_completed",
                "self_initiated_contacts",
            )
        ),
    )
    cover = StatTable(
        w("report.table_coverage"),
        tuple(w(f"report.col_{c}") for c in ("group", "members", "reached", "share")),
        tuple(
            (
                c.group,
                str(c.members),
                str(c.reached),
                format_value("callin_attendance_rate", c.share, lang),
            )
            for c in result.coverage
        ),
        DEFINITIONS["coverage"].text_in(lang),
    )
    columns = ("month", "mapped_new", "reached", "reached_again", "deliveries", "visits")
    monthly = StatTable(
        w("report.table_monthly"),
        (*(w(f"report.col_{c}") for c in columns), w("report.col_support_accepted")),
        tuple(
            (
                f"{m.month:%Y-%m}",
                str(m.figures.persons_mapped_new),
                str(m.figures.persons_reached),
                str(m.figures.reached_more_than_once),
                str(m.figures.deliveries),
                str(m.figures.visits),
                str(m.figures.support_accepted),
            )
            for m in result.months
        ),
    )
    return (outcomes, support, cover, monthly)


def figure_sheets(result: StatisticsResult, lang: Language = "sv") -> tuple[Sheet, ...]:
    """The figures workbook: key figures, month by month, coverage, definitions; sheet
    names, headers, captions and definitions in ``lang`` (codes stay codes)."""
    t = result.total

    def w(code: str) -> str:
        return words(code, {}, lang)

    def defined(code: str) -> tuple[str, str]:
        return DEFINITIONS[code].label_in(lang), DEFINITIONS[code].text_in(lang)

    label, text = defined("persons_mapped")
    key_rows: list[tuple[CellValue, ...]] = [
        ("persons_mapped", label, "", result.persons_mapped, text)
    ]
    for code in SCALAR_KEYS:
        label, text = defined(code)
        key_rows.append((code, label, "", _cell(getattr(t, code)), text))
    for c in CHANNELS:
        key_rows.append(
            (
                "deliveries_by_channel",
                defined("deliveries_by_channel")[0],
                c,
                t.deliveries_by_channel.get(c, 0),
                w(f"term.channel.{c}"),
            )
        )
    for s in OUTCOMES:
        key_rows.append(
            (
                "visits_by_outcome",
                defined("visits_by_outcome")[0],
                s,
                t.visits_by_outcome.get(s, 0),
                w(f"term.visit.{s}"),
            )
        )
    month_headers = (
        "month",
        *SCALAR_KEYS,
        *(f"deliveries_by_channel.{c}" for c in CHANNELS),
        *(f"visits_by_outcome.{s}" for s in OUTCOMES),
    )
    month_rows = []
    for m in result.months:
        d = figures_dict(m.figures)
        month_rows.append(
            (
                f"{m.month:%Y-%m}",
                *(_cell(d[k]) for k in SCALAR_KEYS),
                *(d["deliveries_by_channel"][c] for c in CHANNELS),
                *(d["visits_by_outcome"][s] for s in OUTCOMES),
            )
        )
    key_headers = tuple(w(f"sheet.col_{c}") for c in ("code", "measure", "key", "value"))
    return (
        Sheet(w("sheet.key_figures"), (*key_headers, w("sheet.col_definition")), tuple(key_rows)),
        Sheet(w("sheet.per_month"), month_headers, tuple(month_rows)),
        Sheet(
            w("sheet.coverage"),
            tuple(w(f"sheet.col_{c}") for c in ("group", "members", "reached", "share")),
            tuple((c.group, c.members, c.reached, _cell(c.share)) for c in result.coverage),
        ),
        *incident_sheets(result.incidents, lang),
        Sheet(
            w("sheet.definitions"),
            (*key_headers[:2], w("sheet.col_definition")),
            tuple((f.code, f.label_in(lang), f.text_in(lang)) for f in DEFINITIONS.values()),
        ),
    )


def _cell(value: object) -> CellValue:
    if isinstance(value, float):
        return round(value, 4)
    return value if isinstance(value, str | int) or value is None else str(value)
