"""Frozen rows the calendar views draw; the services adapt visits to them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime


class VisitStatus(enum.StrEnum):
    """Mirrors ``desktop.models.enums.VisitStatus`` value for value."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    MET = "met"
    NOT_HOME = "not_home"
    REFUSED = "refused"
    MOVED = "moved"
    FAMILY_ONLY = "family_only"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class CalendarVisit:
    """One visit as the calendar shows it.

    Attributes:
        visit_id: Id of the visit.
        person_label: What the viewer may see of the person (name or alias,
            already filtered for the user's agency by the service).
        team_id: Team making the visit.
        team_name: Its display name.
        team_colour: Index into the calendar's team palette.
        start: Local naive start.
        end: Local naive end.
        status: Planning or outcome status.
        area: District.
        has_conflict: A rule is broken (the service ran the conflict check).
        operation_id: Operation the visit belongs to, for filtering.
        version: The stored version the row was read at; edits pass it back.
        address_changed: The address valid at the visit's time is not the one
            planning saw (issue 17).
        incident_id: The incident this visit responds to (issue 20); such a visit is
            urgent. None for any other visit.
    """

    visit_id: int
    person_label: str
    team_id: int
    team_name: str
    team_colour: int
    start: datetime
    end: datetime
    status: VisitStatus
    area: str
    has_conflict: bool = False
    operation_id: int | None = None
    version: int = 0
    address_changed: bool = False
    incident_id: int | None = None

    @property
    def urgent(self) -> bool:
        return self.incident_id is not None


# A month cell draws at most this many visits of its day, then "+N more" (DESIGN.md).
MONTH_CELL_VISITS = 8


@dataclass(frozen=True)
class CalendarMonth:
    """What the month view shows: the first visits of each day and every day's count.

    Attributes:
        visits: Of each day, those whose start is among its first ``per_day`` (all that
            start with the last of them too), and the one asked to be kept.
        day_totals: How many visits each day has in all (days without any absent).
    """

    visits: tuple[CalendarVisit, ...]
    day_totals: Mapping[date, int]


@dataclass(frozen=True)
class CalendarTeam:
    """A team as a column of the day view and an entry of the team filter."""

    team_id: int
    name: str
    colour: int
    # Team names repeat across operations ("Team 1"); the views add the operation's
    # name when teams of more than one are shown together.
    operation_id: int | None = None
    operation_name: str = ""
