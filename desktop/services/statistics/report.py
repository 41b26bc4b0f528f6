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
    CHANNEL_LABELS,
    OUTCOME_LABELS,
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
    result: StatisticsResult, meta: DocumentMeta, scope_text: str
) -> StatisticsReportData:
    """The follow-up report: key figures, two charts, tables, every definition."""
    months = tuple(m.month for m in result.months)
    bar = ChartSpec(
        "Delgivningar per kanal och månad",
        "antal",
        tuple(
            MonthSeries(
                CHANNEL_LABELS[c],
                tuple(float(m.figures.deliveries_by_channel.get(c, 0)) for m in result.months),
            )
            for c in CHANNELS
        ),
    )
    line = ChartSpec(
        "Nådda personer per månad",
        "personer",
        (
            MonthSeries("Nådda", tuple(float(m.figures.persons_reached) for m in result.months)),
            MonthSeries(
                "Nådda mer än en gång",
                tuple(float(m.figures.reached_more_than_once) for m in result.months),
            ),
            MonthSeries(
                "Nykartlagda", tuple(float(m.figures.persons_mapped_new) for m in result.months)
            ),
        ),
    )
    return StatisticsReportData(
        meta=meta,
        title=f"Statistik – {scope_text}",
        period_start=result.period.start,
        period_end=result.period.end,
        key_figures=tuple(
            KeyFigure(DEFINITIONS[c].label, key_value(result, c), DEFINITIONS[c].text)
            for c in KEY_FIGURES
        ),
        months=months,
        bar_chart=bar,
        line_chart=line,
        extra_charts=(incident_chart(result.incidents),),
        tables=report_tables(result) + incident_tables(result.incidents),
        notes=tuple(f"{d.label}: {d.text}" for d in DEFINITIONS.values()),
    )


def report_tables(result: StatisticsResult) -> tuple[StatTable, ...]:
    t = result.total
    outcomes = StatTable(
        "Besök per utfall",
        ("Utfall", "Antal"),
        tuple((OUTCOME_LABELS[s], str(t.visits_by_outcome.get(s, 0))) for s in OUTCOMES),
        DEFINITIONS["visits_by_outcome"].text,
    )
    support = StatTable(
        "Stormöten och stöd",
        ("Mått", "Antal"),
        tuple(
            (DEFINITIONS[c].label, format_value(c, getattr(t, c)))
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
        "Täckning per grupp",
        ("Grupp", "Medlemmar", "Nådda", "Andel"),
        tuple(
            (
                c.group,
                str(c.members),
                str(c.reached),
                format_value("callin_attendance_rate", c.share),
            )
            for c in result.coverage
        ),
        DEFINITIONS["coverage"].text,
    )
    monthly = StatTable(
        "Månad för månad",
        ("Månad", "Nykartlagda", "Nådda", "Mer än en gång", "Delgivningar", "Besök", "Stöd acc."),
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


def figure_sheets(result: StatisticsResult) -> tuple[Sheet, ...]:
    """The figures workbook: key figures, month by month, coverage, definitions."""
    t = result.total
    key_rows: list[tuple[CellValue, ...]] = [
        (
            "persons_mapped",
            DEFINITIONS["persons_mapped"].label,
            "",
            result.persons_mapped,
            DEFINITIONS["persons_mapped"].text,
        )
    ]
    for code in SCALAR_KEYS:
        value = getattr(t, code)
        key_rows.append((code, DEFINITIONS[code].label, "", _cell(value), DEFINITIONS[code].text))
    for c in CHANNELS:
        key_rows.append(
            (
                "deliveries_by_channel",
                DEFINITIONS["deliveries_by_channel"].label,
                c,
                t.deliveries_by_channel.get(c, 0),
                CHANNEL_LABELS[c],
            )
        )
    for s in OUTCOMES:
        key_rows.append(
            (
                "visits_by_outcome",
                DEFINITIONS["visits_by_outcome"].label,
                s,
                t.visits_by_outcome.get(s, 0),
                OUTCOME_LABELS[s],
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
    return (
        Sheet("Nyckeltal", ("kod", "mått", "nyckel", "värde", "definition"), tuple(key_rows)),
        Sheet("Per månad", month_headers, tuple(month_rows)),
        Sheet(
            "Täckning",
            ("grupp", "medlemmar", "nådda", "andel"),
            tuple((c.group, c.members, c.reached, _cell(c.share)) for c in result.coverage),
        ),
        *incident_sheets(result.incidents),
        Sheet(
            "Definitioner",
            ("kod", "mått", "definition"),
            tuple((d.code, d.label, d.text) for d in DEFINITIONS.values()),
        ),
    )


def _cell(value: object) -> CellValue:
    if isinstance(value, float):
        return round(value, 4)
    return value if isinstance(value, str | int) or value is None else str(value)
