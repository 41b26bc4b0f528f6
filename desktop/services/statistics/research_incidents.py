"""Incidents in the research export (issue 20): aggregates only, small cells suppressed.

No incident is a row: a month, a kind and a district name one shooting that the press
reported, and with a pseudonymous group beside it the group would be named. So the
export holds counts per month and kind, and per pseudonymous group, each below the
threshold shown as suppressed; a median or a share only over at least that many pairs.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.messages import Language, words
from desktop.services.exporting import CellValue
from desktop.services.statistics.incidents import KINDS, IncidentFigures
from desktop.services.statistics.workbook import Sheet


def incident_research_sheets(
    figures: IncidentFigures | None,
    group_pseudonym: Callable[[int], str],
    suppress: Callable[[int], CellValue],
    threshold: int,
    suppressed: CellValue,
    lang: Language = "sv",
) -> tuple[Sheet, ...]:
    figures = figures or IncidentFigures()
    months: list[tuple[CellValue, ...]] = []
    for m in figures.months:
        c = m.counts
        for kind in KINDS:
            months.append((f"{m.month:%Y-%m}", kind, suppress(c.by_kind.get(kind, 0))))
        months.append((f"{m.month:%Y-%m}", "group_shootings", suppress(c.group_shootings)))
        months.append((f"{m.month:%Y-%m}", "incident_injured", suppress(c.injured)))
        months.append((f"{m.month:%Y-%m}", "incident_killed", suppress(c.killed)))
        months.append(
            (f"{m.month:%Y-%m}", "response_visits_attempted", suppress(c.response_attempted))
        )
        months.append(
            (f"{m.month:%Y-%m}", "response_visits_completed", suppress(c.response_completed))
        )

    def over_pairs(pairs: int, value: float | None) -> CellValue:
        if pairs < threshold or value is None:
            return suppressed
        return round(value, 4)

    groups: list[tuple[CellValue, ...]] = sorted(
        (
            group_pseudonym(g.group_id),
            suppress(g.incidents),
            suppress(g.suspected_side),
            suppress(g.victim_side),
            over_pairs(g.pairs, g.days_to_group_delivery_median),
            over_pairs(g.pairs, g.group_delivery_within_72h_share),
            suppress(g.visits),
        )
        for g in figures.groups
    )
    return (
        Sheet(
            words("research.sheet.incidents_month", {}, lang),
            tuple(words(f"research.col.{c}", {}, lang) for c in ("month", "code", "value")),
            tuple(months),
        ),
        Sheet(
            words("research.sheet.incidents_group", {}, lang),
            (
                words("research.col.group", {}, lang),
                "incidents",
                "suspected_side",
                "victim_side",
                "days_to_group_delivery_median",
                "group_delivery_within_72h_share",
                "visits",
            ),
            tuple(groups),
        ),
    )
