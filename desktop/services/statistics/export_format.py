"""The figures as stable JSON, flat rows (table/CSV) and their values as text.

The JSON keys are a published contract (README, ``rondplan stats --format json``):
add keys, never rename or remove them. ``SCHEMA`` goes up only on a breaking change.
"""

from __future__ import annotations

from typing import Any

from desktop.messages import Language
from desktop.services.statistics.definitions import DEFINITIONS
from desktop.services.statistics.incident_format import incident_rows, incidents_json
from desktop.services.statistics.rows import CHANNELS, OUTCOMES, Figures, StatisticsResult

SCHEMA = 1

#: Scalar figure keys, in the order they are listed everywhere.
SCALAR_KEYS: tuple[str, ...] = (
    "persons_mapped_new",
    "persons_reached",
    "reached_more_than_once",
    "reached_more_than_once_share",
    "deliveries",
    "visits",
    "callin_invitations",
    "callin_attended",
    "callin_attendance_rate",
    "support_offered",
    "support_accepted",
    "support_started",
    "support_completed",
    "self_initiated_contacts",
    "days_to_first_delivery_median",
)
SHARE_KEYS = frozenset({"reached_more_than_once_share", "callin_attendance_rate"})


def figures_dict(figures: Figures) -> dict[str, Any]:
    """One period's or month's figures under their stable keys."""
    out: dict[str, Any] = {key: _round(getattr(figures, key)) for key in SCALAR_KEYS}
    out["days_to_first_delivery_count"] = len(figures.days_to_first_delivery)
    out["deliveries_by_channel"] = {c: figures.deliveries_by_channel.get(c, 0) for c in CHANNELS}
    out["visits_by_outcome"] = {s: figures.visits_by_outcome.get(s, 0) for s in OUTCOMES}
    return out


def as_json(result: StatisticsResult, lang: Language = "sv") -> dict[str, Any]:
    """The whole result under stable keys (see the module docstring); the definitions
    in ``lang``."""
    f = result.filters
    figures = {"persons_mapped": result.persons_mapped, **figures_dict(result.total)}
    return {
        "schema": SCHEMA,
        "period": {"from": result.period.start.isoformat(), "to": result.period.end.isoformat()},
        "filters": {"group_id": f.group_id, "area": f.area, "agency_id": f.agency_id},
        "figures": figures,
        "coverage": [
            {
                "group_id": c.group_id,
                "group": c.group,
                "members": c.members,
                "reached": c.reached,
                "share": _round(c.share),
            }
            for c in result.coverage
        ],
        "months": [{"month": f"{m.month:%Y-%m}", **figures_dict(m.figures)} for m in result.months],
        # Violence and the response (issue 20): figures, months and groups.
        "incidents": incidents_json(result.incidents),
        "definitions": {code: d.text_in(lang) for code, d in DEFINITIONS.items()},
    }


def _round(value: object) -> object:
    return round(value, 4) if isinstance(value, float) else value


def flat_rows(result: StatisticsResult, lang: Language = "sv") -> list[tuple[str, str, str, str]]:
    """(code, label, key, value) rows: the whole period, then per channel and outcome;
    the labels in ``lang``."""
    t = result.total
    rows = [
        (
            "persons_mapped",
            DEFINITIONS["persons_mapped"].label_in(lang),
            "",
            str(result.persons_mapped),
        )
    ]
    for key in SCALAR_KEYS:
        rows.append(
            (key, DEFINITIONS[key].label_in(lang), "", format_value(key, getattr(t, key), lang))
        )
    for channel in CHANNELS:
        label = DEFINITIONS["deliveries_by_channel"].label_in(lang)
        rows.append(
            ("deliveries_by_channel", label, channel, str(t.deliveries_by_channel.get(channel, 0)))
        )
    for status in OUTCOMES:
        label = DEFINITIONS["visits_by_outcome"].label_in(lang)
        rows.append(("visits_by_outcome", label, status, str(t.visits_by_outcome.get(status, 0))))
    for c in result.coverage:
        rows.append(
            (
                "coverage",
                DEFINITIONS["coverage"].label_in(lang),
                c.group,
                f"{c.reached}/{c.members}",
            )
        )
    rows += incident_rows(result.incidents, lang)
    return rows


def format_value(key: str, value: float | int | None, lang: Language = "sv") -> str:
    """A figure as text in ``lang``: shares as percent, the median with one decimal
    (12,5 and 1 234 in Swedish; 12.5 and 1,234 in English)."""
    if value is None:
        return "–"
    if key in SHARE_KEYS:
        return f"{value * 100:.0f} %" if lang == "sv" else f"{value * 100:.0f}%"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") if lang == "sv" else f"{value:.1f}"
    return f"{value:,}".replace(",", "\u00a0") if lang == "sv" else f"{value:,}"
