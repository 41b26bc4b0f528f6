"""The frozen values statistics hands out: period, filters, figures, coverage, persons."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models import DeliveryChannel, VisitStatus
from desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from desktop.services.statistics.incidents import IncidentFigures

CHANNELS: tuple[str, ...] = tuple(c.value for c in DeliveryChannel)
OUTCOMES: tuple[str, ...] = tuple(s.value for s in VisitStatus)


# A programme's evaluation spans years, not centuries.
MAX_PERIOD_MONTHS = 240


@dataclass(frozen=True)
class Period:
    """A closed date interval: ``start`` and ``end`` are both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("period.end_before_start_stats", field="period")
        # Figures are counted month by month in one statement (SQLite allows 500 parts).
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        if months > MAX_PERIOD_MONTHS:
            raise ValidationError(
                "period.too_long_years",
                field="period",
                years=MAX_PERIOD_MONTHS // 12,
            )

    @classmethod
    def year_to(cls, end: dt.date) -> Period:
        """The twelve whole months ending with ``end``'s month."""
        start = dt.date(end.year - 1, end.month, 1)
        start = _add_months(start, 1)
        return cls(start, end)

    def months(self) -> tuple[dt.date, ...]:
        """The first day of every month the period touches, in order."""
        first = self.start.replace(day=1)
        out = []
        while first <= self.end:
            out.append(first)
            first = _add_months(first, 1)
        return tuple(out)

    @property
    def end_exclusive(self) -> dt.datetime:
        """Midnight after the last day: for comparing date-times."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class StatsFilter:
    """Narrow the figures to one group, one area or one agency (None = all)."""

    group_id: int | None = None
    area: str | None = None
    agency_id: int | None = None

    def is_empty(self) -> bool:
        return self.group_id is None and not self.area and self.agency_id is None


@dataclass(frozen=True)
class Figures:
    """The flow figures of one period or one month.

    ``days_to_first_delivery`` is the sample behind the median, one value per person
    first reached in the period.
    """

    persons_mapped_new: int = 0
    persons_reached: int = 0
    reached_more_than_once: int = 0
    deliveries_by_channel: dict[str, int] = field(default_factory=dict)
    visits_by_outcome: dict[str, int] = field(default_factory=dict)
    callin_invitations: int = 0
    callin_attended: int = 0
    support_offered: int = 0
    support_accepted: int = 0
    support_started: int = 0
    support_completed: int = 0
    self_initiated_contacts: int = 0
    days_to_first_delivery: tuple[int, ...] = ()

    @property
    def deliveries(self) -> int:
        return sum(self.deliveries_by_channel.values())

    @property
    def visits(self) -> int:
        return sum(self.visits_by_outcome.values())

    @property
    def reached_more_than_once_share(self) -> float | None:
        return _share(self.reached_more_than_once, self.persons_reached)

    @property
    def callin_attendance_rate(self) -> float | None:
        return _share(self.callin_attended, self.callin_invitations)

    @property
    def days_to_first_delivery_median(self) -> float | None:
        sample = self.days_to_first_delivery
        return float(statistics.median(sample)) if sample else None


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class MonthFigures:
    """One month of the trend; ``month`` is its first day."""

    month: dt.date
    figures: Figures


@dataclass(frozen=True)
class GroupCoverage:
    """Members of a group during the period, and how many of them were reached."""

    group_id: int
    group: str
    members: int
    reached: int

    @property
    def share(self) -> float | None:
        return _share(self.reached, self.members)


@dataclass(frozen=True)
class StatisticsResult:
    """Everything the dashboard, the report and ``rondplan stats`` show."""

    period: Period
    filters: StatsFilter
    persons_mapped: int
    total: Figures
    months: tuple[MonthFigures, ...]
    coverage: tuple[GroupCoverage, ...]
    # Violence and the response (issue 20); None only where a result is built by hand.
    incidents: IncidentFigures | None = None


@dataclass(frozen=True)
class PersonRef:
    """A person behind a figure, as the user may see him."""

    id: int
    name: str
    birth_year: int | None


@dataclass(frozen=True)
class FilterChoice:
    """One entry in a filter list: an id (or the area text) and what to show."""

    key: int | str
    label: str


@dataclass(frozen=True)
class FilterChoices:
    groups: tuple[FilterChoice, ...]
    areas: tuple[FilterChoice, ...]
    agencies: tuple[FilterChoice, ...]
