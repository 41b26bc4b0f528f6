"""Swedish days off and ISO week helpers.

Days off are the public holidays plus midsommarafton, julafton and nyårsafton,
which the Annual Leave Act (SFS 1977:480, 7 §) treats like Sundays; the
``holidays`` package files them under ``DE_FACTO``. Plain Sundays are not
named holidays here: whether staff work on a Sunday is a matter of their hours.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def _year_days_off(year: int, language: str) -> tuple[tuple[date, str], ...]:
    # Imported here: ``holidays.countries`` loads every country (about 0.4 s),
    # which should not be paid at start-up, only when a calendar is first drawn.
    from holidays.constants import DE_FACTO, PUBLIC
    from holidays.countries.sweden import Sweden

    calendar = Sweden(
        years=year, categories=(PUBLIC, DE_FACTO), include_sundays=False, language=language
    )
    return tuple(sorted(calendar.items()))


def days_off(start: date, end: date, language: str = "sv") -> dict[date, str]:
    """Named Swedish days off from ``start`` to ``end`` inclusive.

    Args:
        start: First day.
        end: Last day (inclusive).
        language: Language of the names ("sv" or "en_US").

    Returns:
        Day to name, in date order.
    """
    result: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _year_days_off(year, language):
            if start <= day <= end:
                result[day] = name
    return result


def is_day_off(day: date) -> bool:
    return day in days_off(day, day)


def iso_week(day: date) -> int:
    return day.isocalendar().week


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def iso_weeks(start: date, end: date) -> list[tuple[int, int]]:
    """The (ISO year, ISO week) pairs touched by the range, in order."""
    weeks: list[tuple[int, int]] = []
    day = week_start(start)
    while day <= end:
        iso = day.isocalendar()
        weeks.append((iso.year, iso.week))
        day += timedelta(days=7)
    return weeks


def days(start: date, end: date) -> list[date]:
    """Every date from ``start`` to ``end`` inclusive."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
