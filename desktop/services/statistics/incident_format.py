"""The incident figures (issue 20) as stable JSON, flat rows, report tables and sheets.

JSON keys (a published contract, README "rondplan stats"): ``incidents`` holds
``figures`` (the period), ``months`` and ``groups``; each key is a definition code.
"""

from __future__ import annotations

from typing import Any

from desktop.messages import Language, words
from desktop.reports.data_sheets import ChartSpec, MonthSeries, StatTable
from desktop.services.exporting import CellValue
from desktop.services.statistics.definitions import DEFINITIONS
from desktop.services.statistics.incidents import KINDS, IncidentCounts, IncidentFigures
from desktop.services.statistics.workbook import Sheet

#: The scalar incident figures, in the order they are listed everywhere.
INCIDENT_KEYS: tuple[str, ...] = (
    "incidents",
    "group_shootings",
    "incident_injured",
    "incident_killed",
    "incident_group_pairs",
    "days_to_group_delivery_median",
    "group_delivery_within_72h_share",
    "response_visits_attempted",
    "response_visits_completed",
    "response_direct_contact",
    "response_family_only",
)
_ATTRIBUTE = {
    "incident_injured": "injured",
    "incident_killed": "killed",
    "incident_group_pairs": "group_pairs",
    "response_visits_attempted": "response_attempted",
    "response_visits_completed": "response_completed",
}
SHARES = frozenset({"group_delivery_within_72h_share"})


def value(counts: IncidentCounts, key: str) -> float | int | None:
    result: float | int | None = getattr(counts, _ATTRIBUTE.get(key, key))
    return result


def _round(x: object) -> object:
    return round(x, 4) if isinstance(x, float) else x


def counts_dict(counts: IncidentCounts) -> dict[str, Any]:
    out: dict[str, Any] = {key: _round(value(counts, key)) for key in INCIDENT_KEYS}
    out["incidents_by_kind"] = {k: counts.by_kind.get(k, 0) for k in KINDS}
    return out


def incidents_json(figures: IncidentFigures | None) -> dict[str, Any]:
    figures = figures or IncidentFigures()
    return {
        "figures": counts_dict(figures.total),
        "months": [{"month": f"{m.month:%Y-%m}", **counts_dict(m.counts)} for m in figures.months],
        "groups": [
            {
                "group_id": g.group_id,
                "group": g.group,
                "incidents": g.incidents,
                "group_shootings": g.shootings,
                "suspected_side": g.suspected_side,
                "victim_side": g.victim_side,
                "incident_injured": g.injured,
                "incident_killed": g.killed,
                "days_to_group_delivery_median": _round(g.days_to_group_delivery_median),
                "group_delivery_within_72h_share": _round(g.group_delivery_within_72h_share),
                "visits": g.visits,
                "visits_per_group_week": _round(g.visits_per_week),
            }
            for g in figures.groups
        ],
    }


def formatted(key: str, x: float | int | None, lang: Language = "sv") -> str:
    """A figure as text in ``lang`` (12,5 and 45 % in Swedish; 12.5 and 45% in English)."""
    if x is None:
        return "–"
    if key in SHARES:
        return f"{x * 100:.0f} %" if lang == "sv" else f"{x * 100:.0f}%"
    if isinstance(x, float):
        return f"{x:.1f}".replace(".", ",") if lang == "sv" else f"{x:.1f}"
    return f"{x:,}".replace(",", "\u00a0") if lang == "sv" else f"{x:,}"


def incident_rows(
    figures: IncidentFigures | None, lang: Language = "sv"
) -> list[tuple[str, str, str, str]]:
    """(code, label, key, value) rows for the table and CSV output, labels in ``lang``."""
    figures = figures or IncidentFigures()
    t = figures.total
    rows = [
        (key, DEFINITIONS[key].label_in(lang), "", formatted(key, value(t, key), lang))
        for key in INCIDENT_KEYS
    ]
    rows += [
        (
            "incidents_by_kind",
            DEFINITIONS["incidents_by_kind"].label_in(lang),
            k,
            str(t.by_kind.get(k, 0)),
        )
        for k in KINDS
    ]
    for g in figures.groups:
        rows.append(
            (
                "visits_per_group_week",
                DEFINITIONS["visits_per_group_week"].label_in(lang),
                g.group,
                formatted("visits_per_group_week", g.visits_per_week, lang),
            )
        )
    return rows


def incident_chart(figures: IncidentFigures | None, lang: Language = "sv") -> ChartSpec:
    figures = figures or IncidentFigures()
    months = figures.months
    return ChartSpec(
        words("report.chart_incidents", {}, lang),
        words("report.unit_count", {}, lang),
        (
            MonthSeries(
                words("report.series_group_shootings", {}, lang),
                tuple(float(m.counts.group_shootings) for m in months),
            ),
            MonthSeries(
                words("report.series_other_incidents", {}, lang),
                tuple(float(m.counts.incidents - m.counts.group_shootings) for m in months),
            ),
            MonthSeries(
                words("report.series_response_done", {}, lang),
                tuple(float(m.counts.response_completed) for m in months),
            ),
        ),
    )


def incident_tables(
    figures: IncidentFigures | None, lang: Language = "sv"
) -> tuple[StatTable, ...]:
    figures = figures or IncidentFigures()
    t = figures.total

    def w(code: str) -> str:
        return words(code, {}, lang)

    def f(key: str, x: float | int | None) -> str:
        return formatted(key, x, lang)

    summary = StatTable(
        w("report.table_violence"),
        (w("report.col_measure"), w("report.col_value")),
        tuple((DEFINITIONS[k].label_in(lang), f(k, value(t, k))) for k in INCIDENT_KEYS)
        + tuple((w(f"term.incident.{k}"), str(t.by_kind.get(k, 0))) for k in KINDS),
    )
    month_columns = ("month", "incidents", "group_shootings", "injured", "killed")
    monthly = StatTable(
        w("report.table_violence_monthly"),
        (*(w(f"report.col_{c}") for c in month_columns), *_cols(lang, "median_days", "response")),
        tuple(
            (
                f"{m.month:%Y-%m}",
                str(m.counts.incidents),
                str(m.counts.group_shootings),
                str(m.counts.injured),
                str(m.counts.killed),
                f("days_to_group_delivery_median", m.counts.days_to_group_delivery_median),
                f"{m.counts.response_attempted}/{m.counts.response_completed}",
            )
            for m in figures.months
        ),
    )
    groups = StatTable(
        w("report.table_violence_groups"),
        _cols(
            lang,
            "group",
            "incidents",
            "shootings",
            "sides",
            "median_days",
            "within_72h",
            "visits_per_week",
        ),
        tuple(
            (
                g.group,
                str(g.incidents),
                str(g.shootings),
                f"{g.suspected_side}/{g.victim_side}",
                f("days_to_group_delivery_median", g.days_to_group_delivery_median),
                f("group_delivery_within_72h_share", g.group_delivery_within_72h_share),
                f("visits_per_group_week", g.visits_per_week),
            )
            for g in figures.groups
        ),
        DEFINITIONS["visits_per_group_week"].text_in(lang),
    )
    return (summary, monthly, groups)


def _cols(lang: Language, *names: str) -> tuple[str, ...]:
    return tuple(words(f"report.col_{name}", {}, lang) for name in names)


def _cell(x: object) -> CellValue:
    if isinstance(x, float):
        return round(x, 4)
    return x if isinstance(x, str | int) or x is None else str(x)


def incident_sheets(figures: IncidentFigures | None, lang: Language = "sv") -> tuple[Sheet, ...]:
    data = incidents_json(figures)
    month_keys = (*INCIDENT_KEYS, *(f"incidents_by_kind.{k}" for k in KINDS))
    months = tuple(
        (
            m["month"],
            *(_cell(m[k]) for k in INCIDENT_KEYS),
            *(m["incidents_by_kind"][k] for k in KINDS),
        )
        for m in data["months"]
    )
    group_keys = tuple(k for k in data["groups"][0]) if data["groups"] else ("group",)
    groups = tuple(tuple(_cell(g[k]) for k in group_keys) for g in data["groups"])
    return (
        Sheet(words("sheet.violence_monthly", {}, lang), ("month", *month_keys), months),
        Sheet(words("sheet.violence_groups", {}, lang), group_keys, groups),
    )
