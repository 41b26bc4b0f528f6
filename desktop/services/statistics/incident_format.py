"""The incident figures (issue 20) as stable JSON, flat rows, report tables and sheets.

JSON keys (a published contract, README "rondplan stats"): ``incidents`` holds
``figures`` (the period), ``months`` and ``groups``; each key is a definition code.
"""

from __future__ import annotations

from typing import Any

from desktop.messages import Language
from desktop.reports.data_sheets import ChartSpec, MonthSeries, StatTable
from desktop.services.exporting import CellValue
from desktop.services.statistics.definitions import DEFINITIONS
from desktop.services.statistics.incidents import KINDS, IncidentCounts, IncidentFigures
from desktop.services.statistics.workbook import Sheet
from desktop.services.vocabulary import INCIDENT_KIND_WORDS

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


def incident_chart(figures: IncidentFigures | None) -> ChartSpec:
    figures = figures or IncidentFigures()
    return ChartSpec(
        "Händelser per månad",
        "antal",
        (
            MonthSeries(
                "Gruppkopplade skjutningar",
                tuple(float(m.counts.group_shootings) for m in figures.months),
            ),
            MonthSeries(
                "Övriga händelser",
                tuple(float(m.counts.incidents - m.counts.group_shootings) for m in figures.months),
            ),
            MonthSeries(
                "Akuta besök, genomförda",
                tuple(float(m.counts.response_completed) for m in figures.months),
            ),
        ),
    )


def incident_tables(figures: IncidentFigures | None) -> tuple[StatTable, ...]:
    figures = figures or IncidentFigures()
    t = figures.total
    summary = StatTable(
        "Våld och svaret på det",
        ("Mått", "Värde"),
        tuple((DEFINITIONS[k].label, formatted(k, value(t, k))) for k in INCIDENT_KEYS)
        + tuple((INCIDENT_KIND_WORDS[k], str(t.by_kind.get(k, 0))) for k in KINDS),
    )
    monthly = StatTable(
        "Våld per månad",
        ("Månad", "Händelser", "Skjutn. (grupp)", "Skadade", "Döda", "Median dgr", "Akuta/genomf."),
        tuple(
            (
                f"{m.month:%Y-%m}",
                str(m.counts.incidents),
                str(m.counts.group_shootings),
                str(m.counts.injured),
                str(m.counts.killed),
                formatted("days_to_group_delivery_median", m.counts.days_to_group_delivery_median),
                f"{m.counts.response_attempted}/{m.counts.response_completed}",
            )
            for m in figures.months
        ),
    )
    groups = StatTable(
        "Våld och besök per grupp",
        (
            "Grupp",
            "Händelser",
            "Skjutn.",
            "Misstänkt/drabbad",
            "Median dgr",
            "Inom 72 h",
            "Besök/v",
        ),
        tuple(
            (
                g.group,
                str(g.incidents),
                str(g.shootings),
                f"{g.suspected_side}/{g.victim_side}",
                formatted("days_to_group_delivery_median", g.days_to_group_delivery_median),
                formatted("group_delivery_within_72h_share", g.group_delivery_within_72h_share),
                formatted("visits_per_group_week", g.visits_per_week),
            )
            for g in figures.groups
        ),
        DEFINITIONS["visits_per_group_week"].text,
    )
    return (summary, monthly, groups)


def _cell(x: object) -> CellValue:
    if isinstance(x, float):
        return round(x, 4)
    return x if isinstance(x, str | int) or x is None else str(x)


def incident_sheets(figures: IncidentFigures | None) -> tuple[Sheet, ...]:
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
        Sheet("Våld per månad", ("month", *month_keys), months),
        Sheet("Våld per grupp", group_keys, groups),
    )
