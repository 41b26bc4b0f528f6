"""Plain inputs and outputs of the visit planner.

The services adapt ORM rows to these frozen dataclasses; the planner never sees
a database or Qt. All datetimes are naive local time (Europe/Stockholm).

Enum values mirror ``desktop.models.enums`` (``AgencyKind``) so an adapter is
``Agency(row.kind.value)``; they are not imported from there because
``desktop.models`` loads SQLAlchemy, which the planner must not pay for.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time


class Agency(enum.StrEnum):
    POLICE = "police"
    SOCIAL = "social"
    PROBATION = "probation"
    OTHER = "other"


class TimeOfDay(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


@dataclass(frozen=True)
class SlotDef:
    """A part of the day in which visits start and end."""

    time_of_day: TimeOfDay
    start: time
    end: time


DEFAULT_SLOTS: tuple[SlotDef, ...] = (
    SlotDef(TimeOfDay.MORNING, time(8), time(12)),
    SlotDef(TimeOfDay.AFTERNOON, time(12), time(16)),
    SlotDef(TimeOfDay.EVENING, time(16), time(20)),
)


@dataclass(frozen=True)
class Target:
    """A person to visit once in the period.

    Attributes:
        person_id: Id of the mapped person.
        area: District (stadsdel) used to group a team's half-day.
        group_ids: Groups the person belongs to (for rivalries).
        priority: Higher is planned first.
        protected_identity: The address must not leak (exports omit it).
        earlier_times: Times of day of earlier visits; another one is preferred.
    """

    person_id: int
    area: str
    group_ids: frozenset[int] = frozenset()
    priority: int = 0
    protected_identity: bool = False
    earlier_times: tuple[TimeOfDay, ...] = ()


@dataclass(frozen=True)
class WorkingHours:
    weekday: int  # 0 = Monday, as date.weekday()
    start: time
    end: time


def weekday_hours(
    start: time, end: time, weekdays: Iterable[int] = range(5)
) -> tuple[WorkingHours, ...]:
    """The same hours on each of ``weekdays`` (Monday to Friday by default)."""
    return tuple(WorkingHours(day, start, end) for day in weekdays)


# Default hours wide enough for evening visits on weekdays.
OFFICE_HOURS = weekday_hours(time(8), time(20))


@dataclass(frozen=True)
class Staff:
    """A staff member's agency and availability."""

    staff_id: int
    agency: Agency
    hours: tuple[WorkingHours, ...] = field(default_factory=lambda: OFFICE_HOURS)
    absences: frozenset[date] = frozenset()

    def available(self, start: datetime, end: datetime) -> bool:
        """Whether the whole interval lies in working hours on a day present."""
        if start.date() in self.absences or end.date() != start.date():
            return False
        return any(
            h.weekday == start.weekday() and h.start <= start.time() and end.time() <= h.end
            for h in self.hours
        )


@dataclass(frozen=True)
class Team:
    team_id: int
    staff_ids: tuple[int, ...]
    max_per_day: int = 4


@dataclass(frozen=True)
class PlanRequest:
    """Everything the planner needs; ``holidays=None`` means Swedish days off."""

    start: date
    end: date
    targets: tuple[Target, ...]
    teams: tuple[Team, ...]
    staff: tuple[Staff, ...]
    rivals: frozenset[frozenset[int]] = frozenset()
    slots: tuple[SlotDef, ...] = DEFAULT_SLOTS
    visit_minutes: int = 60
    holidays: frozenset[date] | None = None
    seed: int = 0


def rival_pairs(pairs: Iterable[tuple[int, int]]) -> frozenset[frozenset[int]]:
    """Rivalries as unordered pairs of group ids."""
    return frozenset(frozenset(pair) for pair in pairs if pair[0] != pair[1])


@dataclass(frozen=True)
class PlannedVisit:
    person_id: int
    team_id: int
    start: datetime
    end: datetime
    time_of_day: TimeOfDay
    area: str


class UnplacedReason(enum.StrEnum):
    NO_TEAMS = "no_teams"
    NO_WORKING_DAYS = "no_working_days"
    NO_AVAILABLE_TEAM = "no_available_team"
    CAPACITY_FULL = "capacity_full"
    AREA_TAKEN = "area_taken"
    RIVAL_CONFLICT = "rival_conflict"
    NO_OTHER_TIME_OF_DAY = "no_other_time_of_day"
    UNKNOWN_PERSON = "unknown_person"


@dataclass(frozen=True)
class Unplaced:
    person_id: int
    reason: UnplacedReason


class WarningCode(enum.StrEnum):
    TEAM_MISSING_POLICE = "team_missing_police"
    TEAM_MISSING_SOCIAL = "team_missing_social"
    TEAM_TOO_SMALL = "team_too_small"
    UNKNOWN_STAFF = "unknown_staff"


@dataclass(frozen=True)
class PlanWarning:
    code: WarningCode
    team_id: int


@dataclass(frozen=True)
class PlanProposal:
    visits: tuple[PlannedVisit, ...]
    unplaced: tuple[Unplaced, ...]
    warnings: tuple[PlanWarning, ...]


@dataclass(frozen=True)
class ScheduledVisit:
    """A visit already in the schedule, as conflict checks need it."""

    visit_id: int
    person_id: int
    team_id: int
    start: datetime
    end: datetime
    group_ids: frozenset[int] = frozenset()
